//! The fields of every write that name another record, declared once, here
//! beside the write types. The service resolves each through the access
//! rules before it writes (a record the writer may not read is answered
//! exactly as one that does not exist), and the tests walk [`WRITES`], so a
//! write added later is covered as soon as it is declared.
//!
//! Each `references` destructures its record whole, so that a field added
//! to a write type does not compile until someone decides whether it names
//! a record.

use std::fmt;

use crate::{
    Answer, Cohort, Demonstration, EntityKind, Event, Funder, Lesson, Need, Offer, Organization,
    Outcome, Participation, Program, Question, RecordRef, Tie, TitpPlacement,
};

/// The kinds of record a write may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Person,
    Organization,
    Program,
    Cohort,
    Offer,
    Event,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Person => "person",
            RecordKind::Organization => "organization",
            RecordKind::Program => "program",
            RecordKind::Cohort => "cohort",
            RecordKind::Offer => "offer",
            RecordKind::Event => "event",
        }
    }
}

impl From<EntityKind> for RecordKind {
    fn from(kind: EntityKind) -> RecordKind {
        match kind {
            EntityKind::Person => RecordKind::Person,
            EntityKind::Organization => RecordKind::Organization,
            EntityKind::Event => RecordKind::Event,
        }
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A field of a write that names another record, and the kinds it may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceField {
    /// The write, as the API names its body: "participation", "tie".
    pub write: &'static str,
    /// The field, as files and the API name it.
    pub field: &'static str,
    pub kinds: &'static [RecordKind],
}

/// One record named by a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference<'a> {
    pub field: &'static ReferenceField,
    /// The kind named, where the write says (a tie's end); otherwise any
    /// of the field's kinds, whichever the key names (a need's poster).
    pub kind: Option<RecordKind>,
    pub key: &'a RecordRef,
}

impl Reference<'_> {
    /// The kinds of record this reference may name.
    pub fn kinds(&self) -> &'static [RecordKind] {
        match self.kind {
            None => self.field.kinds,
            Some(RecordKind::Person) => &[RecordKind::Person],
            Some(RecordKind::Organization) => &[RecordKind::Organization],
            Some(RecordKind::Program) => &[RecordKind::Program],
            Some(RecordKind::Cohort) => &[RecordKind::Cohort],
            Some(RecordKind::Offer) => &[RecordKind::Offer],
            Some(RecordKind::Event) => EVENT,
        }
    }
}

/// A write whose fields may name other records.
pub trait References {
    /// Every field that may name a record.
    const FIELDS: &'static [ReferenceField];

    /// The records this write names.
    fn references(&self) -> Vec<Reference<'_>>;
}

const PERSON: &[RecordKind] = &[RecordKind::Person];
const ORGANIZATION: &[RecordKind] = &[RecordKind::Organization];
const PERSON_OR_ORGANIZATION: &[RecordKind] = &[RecordKind::Person, RecordKind::Organization];
const EVENT: &[RecordKind] = &[RecordKind::Event];
const TIE_END: &[RecordKind] = &[
    RecordKind::Person,
    RecordKind::Organization,
    RecordKind::Event,
];

const fn field(
    write: &'static str,
    field: &'static str,
    kinds: &'static [RecordKind],
) -> ReferenceField {
    ReferenceField {
        write,
        field,
        kinds,
    }
}

/// Collects references, naming each by its field.
struct Collect<'a> {
    fields: &'static [ReferenceField],
    found: Vec<Reference<'a>>,
}

impl<'a> Collect<'a> {
    fn new(fields: &'static [ReferenceField]) -> Collect<'a> {
        Collect {
            fields,
            found: Vec::new(),
        }
    }

    fn field(&self, name: &str) -> &'static ReferenceField {
        let fields: &'static [ReferenceField] = self.fields;
        let found = fields.iter().find(|f| f.field == name);
        debug_assert!(found.is_some(), "{name} is not a declared reference field");
        found.unwrap_or(&fields[0])
    }

    fn add(&mut self, name: &str, key: &'a RecordRef) {
        let field = self.field(name);
        self.found.push(Reference {
            field,
            kind: None,
            key,
        });
    }

    fn add_kind(&mut self, name: &str, kind: RecordKind, key: &'a RecordRef) {
        let field = self.field(name);
        self.found.push(Reference {
            field,
            kind: Some(kind),
            key,
        });
    }

    fn add_all<'b: 'a>(&mut self, name: &str, keys: impl IntoIterator<Item = &'b RecordRef>) {
        for key in keys {
            self.add(name, key);
        }
    }
}

impl References for Organization<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("organization", "parent", ORGANIZATION)];

    fn references(&self) -> Vec<Reference<'_>> {
        let Organization {
            names: _,
            acronym: _,
            org_type: _,
            country: _,
            sectors: _,
            parent,
            website: _,
            visibility: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("parent", parent);
        c.found
    }
}

impl References for Tie<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[
        field("tie", "from", PERSON_OR_ORGANIZATION),
        field("tie", "to", TIE_END),
        field("tie", "event", EVENT),
    ];

    fn references(&self) -> Vec<Reference<'_>> {
        let Tie {
            kind: _,
            from,
            to,
            start: _,
            end: _,
            strength: _,
            role: _,
            note: _,
            asserted_by: _,
            asserted_at: _,
            visibility: _,
            event,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add_kind("from", from.kind.into(), &from.key);
        c.add_kind("to", to.kind.into(), &to.key);
        c.add_all("event", event);
        c.found
    }
}

impl References for Program<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[
        field("program", "organizer", ORGANIZATION),
        field("program", "partners", ORGANIZATION),
        field("program", "funders", ORGANIZATION),
        field("program", "provider", ORGANIZATION),
        field("program", "local_partner", ORGANIZATION),
    ];

    fn references(&self) -> Vec<Reference<'_>> {
        let Program {
            names: _,
            program_type: _,
            organizer,
            partners,
            funders,
            countries: _,
            sectors: _,
            sdgs: _,
            start: _,
            end: _,
            budget: _,
            stage: _,
            description: _,
            demonstration,
            visibility: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add("organizer", organizer);
        c.add_all("partners", partners);
        for Funder {
            organization,
            source: _,
        } in funders
        {
            c.add("funders", organization);
        }
        if let Some(Demonstration {
            provider,
            technology: _,
            recipient_country: _,
            local_partner,
            milestones: _,
            results: _,
        }) = demonstration
        {
            c.add("provider", provider);
            c.add_all("local_partner", local_partner);
        }
        c.found
    }
}

impl References for Cohort<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("cohort", "program", &[RecordKind::Program])];

    fn references(&self) -> Vec<Reference<'_>> {
        let Cohort {
            program,
            name: _,
            start: _,
            end: _,
            capacity: _,
            apply_by: _,
            mode: _,
            languages: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add("program", program);
        c.found
    }
}

impl References for Participation<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[
        field("participation", "person", PERSON),
        field("participation", "program", &[RecordKind::Program]),
        field("participation", "cohort", &[RecordKind::Cohort]),
        field("participation", "host", ORGANIZATION),
    ];

    fn references(&self) -> Vec<Reference<'_>> {
        let Participation {
            person,
            program,
            cohort,
            role: _,
            host,
            note: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add("person", person);
        c.add("program", program);
        c.add_all("cohort", cohort);
        c.add_all("host", host);
        c.found
    }
}

impl References for TitpPlacement<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[
        field("placement", "supervising", ORGANIZATION),
        field("placement", "implementing", ORGANIZATION),
    ];

    fn references(&self) -> Vec<Reference<'_>> {
        let TitpPlacement {
            phase: _,
            start: _,
            end: _,
            supervising,
            implementing,
            job_category: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add("supervising", supervising);
        c.add("implementing", implementing);
        c.found
    }
}

impl References for Outcome<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("outcome", "organization", ORGANIZATION)];

    fn references(&self) -> Vec<Reference<'_>> {
        let Outcome {
            kind: _,
            on: _,
            organization,
            japanese_affiliated: _,
            jobs_created: _,
            people_supported: _,
            note: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("organization", organization);
        c.found
    }
}

impl References for Need<Option<RecordRef>> {
    const FIELDS: &'static [ReferenceField] = &[field("need", "posted_by", PERSON_OR_ORGANIZATION)];

    fn references(&self) -> Vec<Reference<'_>> {
        // The poster's kind is not written: it is whichever the key names.
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("posted_by", &self.posted_by);
        c.found
    }
}

impl References for Offer<Option<RecordRef>> {
    const FIELDS: &'static [ReferenceField] = &[field("offer", "provider", ORGANIZATION)];

    fn references(&self) -> Vec<Reference<'_>> {
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("provider", &self.provider);
        c.found
    }
}

impl References for Lesson<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[
        field("lesson", "organization", ORGANIZATION),
        field("lesson", "technology", &[RecordKind::Offer]),
        field("lesson", "program", &[RecordKind::Program]),
        field("lesson", "people", PERSON),
    ];

    fn references(&self) -> Vec<Reference<'_>> {
        let Lesson {
            title: _,
            language: _,
            practice: _,
            adaptation: _,
            context: _,
            result: _,
            country: _,
            sectors: _,
            organization,
            technology,
            program,
            people,
            visibility: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("organization", organization);
        c.add_all("technology", technology);
        c.add_all("program", program);
        c.add_all("people", people);
        c.found
    }
}

impl References for Question<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("question", "asked_by", PERSON)];

    fn references(&self) -> Vec<Reference<'_>> {
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("asked_by", &self.asked_by);
        c.found
    }
}

impl References for Answer<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("answer", "answered_by", PERSON)];

    fn references(&self) -> Vec<Reference<'_>> {
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("answered_by", &self.answered_by);
        c.found
    }
}

/// Asking for an introduction names a candidate of the need's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal<R> {
    pub candidate: R,
}

impl References for Proposal<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field(
        "match",
        "candidate",
        &[RecordKind::Person, RecordKind::Offer, RecordKind::Cohort],
    )];

    fn references(&self) -> Vec<Reference<'_>> {
        let Proposal { candidate } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add("candidate", candidate);
        c.found
    }
}

impl References for Event<RecordRef> {
    const FIELDS: &'static [ReferenceField] = &[field("event", "organizer", ORGANIZATION)];

    fn references(&self) -> Vec<Reference<'_>> {
        let Event {
            names: _,
            kind: _,
            start: _,
            end: _,
            place: _,
            country: _,
            organizer,
            visibility: _,
        } = self;
        let mut c = Collect::new(Self::FIELDS);
        c.add_all("organizer", organizer);
        c.found
    }
}

/// Every write that names records, and its reference fields.
pub const WRITES: &[&[ReferenceField]] = &[
    <Organization<RecordRef> as References>::FIELDS,
    <Event<RecordRef> as References>::FIELDS,
    <Tie<RecordRef> as References>::FIELDS,
    <Program<RecordRef> as References>::FIELDS,
    <Cohort<RecordRef> as References>::FIELDS,
    <Participation<RecordRef> as References>::FIELDS,
    <TitpPlacement<RecordRef> as References>::FIELDS,
    <Outcome<RecordRef> as References>::FIELDS,
    <Need<Option<RecordRef>> as References>::FIELDS,
    <Offer<Option<RecordRef>> as References>::FIELDS,
    <Proposal<RecordRef> as References>::FIELDS,
    <Lesson<RecordRef> as References>::FIELDS,
    <Question<RecordRef> as References>::FIELDS,
    <Answer<RecordRef> as References>::FIELDS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_field_is_unique_and_names_a_kind() {
        let mut seen = std::collections::HashSet::new();
        for fields in WRITES {
            for f in *fields {
                assert!(!f.kinds.is_empty(), "{f:?}");
                assert!(seen.insert((f.write, f.field)), "{f:?} twice");
            }
        }
    }

    #[test]
    fn references_name_their_declared_fields() {
        let key = |s: &str| RecordRef::parse(s).unwrap();
        let participation = Participation {
            person: key("P1"),
            program: key("PR1"),
            cohort: Some(key("C1")),
            role: crate::ParticipantRole::Intern,
            host: Some(key("H1")),
            note: None,
        };
        let found: Vec<(&str, &[RecordKind], &str)> = participation
            .references()
            .iter()
            .map(|r| (r.field.field, r.kinds(), r.key.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("person", &[RecordKind::Person][..], "P1"),
                ("program", &[RecordKind::Program], "PR1"),
                ("cohort", &[RecordKind::Cohort], "C1"),
                ("host", &[RecordKind::Organization], "H1"),
            ]
        );
    }
}
