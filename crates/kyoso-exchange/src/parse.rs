//! From one row's columns to a validated record, collecting every fault.

use kyoso_domain::{
    Availability, Consent, Contact, CountryCode, Email, Endpoint, EntityKind, Event, EventKind,
    ExternalId, Gender, Incoming, LanguageSkill, Names, OrganisationType, Organization,
    PartialDate, Person, Phone, RecordRef, RowError, SectorCode, Skill, Strength, Text, Tie,
    TieKind, Timestamp, Uid, ValueError, Visibility, WebAddress, check_languages, normalize_set,
};

use crate::Defaults;
use crate::fields::Fields;

/// A kind of record that files hold: its columns, and how a row becomes one.
pub trait Record: Sized + Send + 'static {
    /// Every column, in the order files are written.
    const COLUMNS: &'static [&'static str];
    /// Groups of columns of which a file must have at least one each.
    const REQUIRED: &'static [&'static [&'static str]];

    #[doc(hidden)]
    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(row: &dyn Fields, defaults: &Defaults) -> Result<Incoming<Self>, Vec<RowError>>;
}

/// Whether a row must carry an id or an external id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Identity {
    Required,
    Optional,
}

/// Reads columns of one row and keeps every fault it meets.
struct Row<'a> {
    fields: &'a dyn Fields,
    errors: Vec<RowError>,
}

impl<'a> Row<'a> {
    fn new(fields: &'a dyn Fields) -> Row<'a> {
        Row {
            fields,
            errors: Vec::new(),
        }
    }

    fn line(&self) -> u64 {
        self.fields.line()
    }

    fn fault(&mut self, column: &str, error: impl ToString) {
        self.errors
            .push(RowError::new(self.line(), column, error.to_string()));
    }

    /// An optional column: `None` when absent, empty or faulty.
    fn get<T>(
        &mut self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        match self.fields.text(column) {
            Ok(Some(text)) => match parse(&text) {
                Ok(value) => Some(value),
                Err(error) => {
                    self.fault(column, error);
                    None
                }
            },
            Ok(None) => None,
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    /// A required column. `None` means a fault was recorded.
    fn require<T>(
        &mut self,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        let before = self.errors.len();
        let value = self.get(column, parse);
        if value.is_none() && self.errors.len() == before {
            self.fault(column, ValueError::Required);
        }
        value
    }

    /// A column of several values, in the order given.
    fn list<T>(
        &mut self,
        column: &'static str,
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Vec<T> {
        let items = match self.fields.list(column) {
            Ok(items) => items,
            Err(error) => {
                self.errors.push(error);
                return Vec::new();
            }
        };
        let mut values = Vec::with_capacity(items.len());
        for item in &items {
            match parse(item) {
                Ok(value) => values.push(value),
                Err(error) => self.fault(column, error),
            }
        }
        values
    }

    /// A column of several values where order and repeats do not matter.
    fn set<T: Ord>(
        &mut self,
        column: &'static str,
        max: usize,
        what: &str,
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Vec<T> {
        let values = self.list(column, parse);
        match normalize_set(values, max, what) {
            Ok(values) => values,
            Err(error) => {
                self.fault(column, error);
                Vec::new()
            }
        }
    }

    fn flag(&mut self, column: &'static str) -> bool {
        match self.fields.flag(column) {
            Ok(flag) => flag.unwrap_or(false),
            Err(error) => {
                self.errors.push(error);
                false
            }
        }
    }

    fn names(&mut self) -> Option<Names> {
        let line = |s: &str| Text::line(s, Names::MAX_CHARS);
        let before = self.errors.len();
        let native = self.get("name_native", line);
        let latin = self.get("name_latin", line);
        let japanese = self.get("name_japanese", line);
        let column = if latin.is_some() {
            "name_latin"
        } else {
            "name_native"
        };
        if self.errors.len() > before {
            return None;
        }
        match Names::new(native, latin, japanese) {
            Ok(names) => Some(names),
            Err(error) => {
                self.fault(column, error);
                None
            }
        }
    }

    /// The columns every record has: its identity, owner and times.
    fn envelope<T>(
        &mut self,
        defaults: &Defaults,
        record: Option<T>,
        identity: Identity,
    ) -> Result<Incoming<T>, Vec<RowError>> {
        let uid = self.get("id", Uid::parse);
        let external_id = self.get("external_id", ExternalId::parse);
        let owner = self
            .get("owner", RecordRef::parse)
            .or_else(|| defaults.owner.clone());
        let created_at = self.get("created_at", Timestamp::parse);
        let updated_at = self.get("updated_at", Timestamp::parse);
        if let (Some(created), Some(updated)) = (created_at, updated_at)
            && updated < created
        {
            self.fault("updated_at", "is before created_at");
        }
        let has_identity_column = self.fields.text("id").ok().flatten().is_some()
            || self.fields.text("external_id").ok().flatten().is_some();
        if identity == Identity::Required && !has_identity_column {
            self.errors.push(RowError::new(
                self.line(),
                "external_id",
                "an id or an external_id is required, so that importing the file again updates the record instead of adding it twice",
            ));
        }
        match record {
            Some(record) if self.errors.is_empty() => Ok(Incoming {
                line: self.line(),
                uid,
                external_id,
                owner,
                created_at,
                updated_at,
                record,
            }),
            _ => Err(std::mem::take(&mut self.errors)),
        }
    }
}

impl Record for Person {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "name_native",
        "name_latin",
        "name_japanese",
        "gender",
        "residence",
        "nationality",
        "languages",
        "skills",
        "sectors",
        "available_mentoring",
        "available_dispatch",
        "available_training",
        "available_from",
        "experience_countries",
        "email",
        "phone",
        "bio",
        "consent_processing",
        "consent_contact",
        "consent_public_listing",
        "visibility",
        "created_at",
        "updated_at",
    ];
    const REQUIRED: &'static [&'static [&'static str]] =
        &[&["id", "external_id"], &["name_native", "name_latin"]];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(fields: &dyn Fields, defaults: &Defaults) -> Result<Incoming<Person>, Vec<RowError>> {
        let mut row = Row::new(fields);
        let names = row.names();
        let gender = row.get("gender", str::parse::<Gender>);
        let residence = row.get("residence", CountryCode::parse);
        let nationality = row.get("nationality", CountryCode::parse);
        let languages = row.list("languages", LanguageSkill::parse);
        if let Err(error) = check_languages(&languages) {
            row.fault("languages", error);
        }
        let skills = row.set("skills", Person::MAX_SKILLS, "skills", Skill::parse);
        let sectors = row.set("sectors", Person::MAX_SECTORS, "sectors", SectorCode::parse);
        let availability = Availability {
            mentoring: row.flag("available_mentoring"),
            dispatch: row.flag("available_dispatch"),
            training: row.flag("available_training"),
        };
        let available_from = row.get("available_from", PartialDate::parse_day);
        let experience_countries = row.set(
            "experience_countries",
            Person::MAX_EXPERIENCE_COUNTRIES,
            "countries",
            CountryCode::parse,
        );
        let contact = Contact {
            email: row.get("email", Email::parse),
            phone: row.get("phone", Phone::parse),
        };
        let bio = row.get("bio", |s| Text::multiline(s, Person::MAX_BIO_CHARS));
        let consent = Consent {
            processing: row.flag("consent_processing"),
            contact: row.flag("consent_contact"),
            public_listing: row.flag("consent_public_listing"),
        };
        // People are private to their organization unless the file says otherwise.
        let visibility = row
            .get("visibility", str::parse::<Visibility>)
            .unwrap_or(Visibility::Private);
        let person = names.map(|names| Person {
            names,
            gender,
            residence,
            nationality,
            languages,
            skills,
            sectors,
            availability,
            available_from,
            experience_countries,
            contact,
            bio,
            consent,
            visibility,
        });
        row.envelope(defaults, person, Identity::Required)
    }
}

impl Record for Organization<RecordRef> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "name_native",
        "name_latin",
        "name_japanese",
        "acronym",
        "org_type",
        "country",
        "sectors",
        "parent",
        "website",
        "visibility",
        "created_at",
        "updated_at",
    ];
    const REQUIRED: &'static [&'static [&'static str]] = &[
        &["id", "external_id"],
        &["name_native", "name_latin"],
        &["org_type"],
    ];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(
        fields: &dyn Fields,
        defaults: &Defaults,
    ) -> Result<Incoming<Organization<RecordRef>>, Vec<RowError>> {
        let mut row = Row::new(fields);
        let names = row.names();
        let acronym = row.get("acronym", |s| {
            Text::line(s, Organization::<RecordRef>::MAX_ACRONYM_CHARS)
        });
        let org_type = row.require("org_type", OrganisationType::parse);
        let country = row.get("country", CountryCode::parse);
        let sectors = row.set("sectors", Person::MAX_SECTORS, "sectors", SectorCode::parse);
        let parent = row.get("parent", RecordRef::parse);
        let website = row.get("website", WebAddress::parse);
        // Organizations are public registry entries unless the file says otherwise.
        let visibility = row
            .get("visibility", str::parse::<Visibility>)
            .unwrap_or(Visibility::Public);
        let organization = match (names, org_type) {
            (Some(names), Some(org_type)) => Some(Organization {
                names,
                acronym,
                org_type,
                country,
                sectors,
                parent,
                website,
                visibility,
            }),
            _ => None,
        };
        row.envelope(defaults, organization, Identity::Required)
    }
}

impl Record for Event<RecordRef> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "name_native",
        "name_latin",
        "name_japanese",
        "kind",
        "start",
        "end",
        "place",
        "country",
        "organizer",
        "visibility",
        "created_at",
        "updated_at",
    ];
    const REQUIRED: &'static [&'static [&'static str]] = &[
        &["id", "external_id"],
        &["name_native", "name_latin"],
        &["kind"],
        &["start"],
    ];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(
        fields: &dyn Fields,
        defaults: &Defaults,
    ) -> Result<Incoming<Event<RecordRef>>, Vec<RowError>> {
        let mut row = Row::new(fields);
        let names = row.names();
        let kind = row.require("kind", str::parse::<EventKind>);
        let start = row.require("start", PartialDate::parse);
        let end = row.get("end", PartialDate::parse);
        let place = row.get("place", |s| {
            Text::line(s, Event::<RecordRef>::MAX_PLACE_CHARS)
        });
        let country = row.get("country", CountryCode::parse);
        let organizer = row.get("organizer", RecordRef::parse);
        // Events are shared with the network unless the file says otherwise.
        let visibility = row
            .get("visibility", str::parse::<Visibility>)
            .unwrap_or(Visibility::Network);
        let mut event = None;
        if let (Some(names), Some(kind), Some(start)) = (names, kind, start) {
            let candidate = Event {
                names,
                kind,
                start,
                end,
                place,
                country,
                organizer,
                visibility,
            };
            match candidate.check() {
                Ok(()) => event = Some(candidate),
                Err(error) => row.fault("end", error),
            }
        }
        row.envelope(defaults, event, Identity::Required)
    }
}

impl Record for Tie<RecordRef> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "kind",
        "from_type",
        "from",
        "to_type",
        "to",
        "start",
        "end",
        "strength",
        "role",
        "note",
        "asserted_by",
        "asserted_at",
        "visibility",
        "created_at",
        "updated_at",
        "event",
    ];
    const REQUIRED: &'static [&'static [&'static str]] =
        &[&["kind"], &["from"], &["to"], &["start"]];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(
        fields: &dyn Fields,
        defaults: &Defaults,
    ) -> Result<Incoming<Tie<RecordRef>>, Vec<RowError>> {
        let mut row = Row::new(fields);
        let kind = row.require("kind", str::parse::<TieKind>);
        let from_type = row.get("from_type", str::parse::<EntityKind>);
        let to_type = row.get("to_type", str::parse::<EntityKind>);
        let from = row.require("from", RecordRef::parse);
        let to = row.require("to", RecordRef::parse);
        let start = row.require("start", PartialDate::parse);
        let end = row.get("end", PartialDate::parse);
        let strength = match fields.number("strength") {
            Ok(value) => value.and_then(|v| match Strength::new(v) {
                Ok(strength) => Some(strength),
                Err(error) => {
                    row.fault("strength", error);
                    None
                }
            }),
            Err(error) => {
                row.errors.push(error);
                None
            }
        };
        let role = row.get("role", |s| Text::line(s, Tie::<RecordRef>::MAX_ROLE_CHARS));
        let note = row.get("note", |s| {
            Text::multiline(s, Tie::<RecordRef>::MAX_NOTE_CHARS)
        });
        let asserted_by = row
            .get("asserted_by", |s| Text::line(s, 200))
            .unwrap_or_else(|| defaults.asserted_by.clone());
        let asserted_at = row
            .get("asserted_at", Timestamp::parse)
            .unwrap_or(defaults.asserted_at);
        let visibility = row
            .get("visibility", str::parse::<Visibility>)
            .unwrap_or(Visibility::Private);
        let event = row.get("event", RecordRef::parse);

        let mut tie = None;
        if let (Some(kind), Some(from), Some(to), Some(start)) = (kind, from, to, start) {
            // Where the kind allows one pair of ends only, the types may be left out.
            let only = match kind.allowed_ends() {
                [(f, t)] => Some((*f, *t)),
                _ => None,
            };
            let from_kind = from_type.or(only.map(|(f, _)| f));
            let to_kind = to_type.or(only.map(|(_, t)| t));
            match (from_kind, to_kind) {
                (Some(from_kind), Some(to_kind)) => {
                    let candidate = Tie {
                        kind,
                        from: Endpoint {
                            kind: from_kind,
                            key: from,
                        },
                        to: Endpoint {
                            kind: to_kind,
                            key: to,
                        },
                        start,
                        end,
                        strength,
                        role,
                        note,
                        asserted_by,
                        asserted_at,
                        visibility,
                        event,
                    };
                    match candidate.check() {
                        Ok(()) => tie = Some(candidate),
                        Err(error) => {
                            let column = if !kind.allows(from_kind, to_kind) {
                                "kind"
                            } else if candidate.from == candidate.to {
                                "to"
                            } else if candidate.event.is_some() && !kind.names_event() {
                                "event"
                            } else {
                                "end"
                            };
                            row.fault(column, error);
                        }
                    }
                }
                (from_kind, _) => {
                    let (column, mut kinds): (_, Vec<EntityKind>) = if from_kind.is_none() {
                        (
                            "from_type",
                            kind.allowed_ends().iter().map(|(f, _)| *f).collect(),
                        )
                    } else {
                        (
                            "to_type",
                            kind.allowed_ends().iter().map(|(_, t)| *t).collect(),
                        )
                    };
                    kinds.sort_unstable();
                    kinds.dedup();
                    let kinds: Vec<&str> = kinds.iter().map(EntityKind::as_str).collect();
                    row.fault(
                        column,
                        format!("is required for {kind} ties ({})", kinds.join(" or ")),
                    );
                }
            }
        }
        // A tie may go without an id: its kind, ends and start identify it.
        row.envelope(defaults, tie, Identity::Optional)
    }
}

impl Record for kyoso_domain::Enrolment<RecordRef> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "person",
        "program",
        "cohort",
        "role",
        "host",
        "note",
        "applied_on",
        "journey",
    ];
    const REQUIRED: &'static [&'static [&'static str]] =
        &[&["person"], &["program"], &["role"], &["applied_on"]];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(
        fields: &dyn Fields,
        defaults: &Defaults,
    ) -> Result<Incoming<kyoso_domain::Enrolment<RecordRef>>, Vec<RowError>> {
        let mut row = Row::new(fields);
        let person = row.require("person", RecordRef::parse);
        let program = row.require("program", RecordRef::parse);
        let cohort = row.get("cohort", RecordRef::parse);
        let role = row.require("role", str::parse::<kyoso_domain::ParticipantRole>);
        let host = row.get("host", RecordRef::parse);
        let note = row.get("note", |s| Text::multiline(s, 2000));
        let applied_on = row.require("applied_on", PartialDate::parse_day);
        let journey = row
            .get("journey", |s| {
                kyoso_domain::Journey::from_line(s, &defaults.asserted_by)
            })
            .unwrap_or_default();
        if let (Some(applied), Some(first)) = (applied_on, journey.entries().first())
            && first.on < applied
        {
            row.fault(
                "journey",
                format!("begins on {}, before the application ({applied})", first.on),
            );
        }
        let enrolment = match (person, program, role, applied_on) {
            (Some(person), Some(program), Some(role), Some(applied_on)) => {
                Some(kyoso_domain::Enrolment {
                    participation: kyoso_domain::Participation {
                        person,
                        program,
                        cohort,
                        role,
                        host,
                        note,
                    },
                    applied_on,
                    journey,
                })
            }
            _ => None,
        };
        row.envelope(defaults, enrolment, Identity::Required)
    }
}

/// How a column of a record read as an API body (needs, offers) becomes
/// one of the body's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyField {
    Text,
    /// Several values: `;`-separated in CSV, an array in JSON.
    List,
    Flag,
}

/// Reads a row of a record whose columns, beside the envelope (`id`,
/// `external_id`, `owner` and the times), are the fields of the body the
/// API takes: the row becomes that body and `read` reads it, so that a file
/// and the API hold a record to the same rules.
pub(crate) fn body_record<T>(
    fields: &dyn Fields,
    defaults: &Defaults,
    body: &[(&'static str, BodyField)],
    read: impl FnOnce(serde_json::Map<String, serde_json::Value>, u64) -> Result<T, Vec<RowError>>,
) -> Result<Incoming<T>, Vec<RowError>> {
    use serde_json::Value;
    let mut row = Row::new(fields);
    let mut object = serde_json::Map::new();
    for &(column, kind) in body {
        let value = match kind {
            BodyField::Text => fields
                .text(column)
                .map(|text| text.map(|t| Value::String(t.into_owned()))),
            BodyField::List => fields.list(column).map(|items| {
                (!items.is_empty())
                    .then(|| Value::Array(items.into_iter().map(Value::String).collect()))
            }),
            BodyField::Flag => fields.flag(column).map(|flag| flag.map(Value::Bool)),
        };
        match value {
            Ok(Some(value)) => {
                object.insert(column.to_owned(), value);
            }
            Ok(None) => {}
            Err(error) => row.errors.push(error),
        }
    }
    let record = match read(object, row.line()) {
        Ok(record) => Some(record),
        Err(errors) => {
            row.errors.extend(errors);
            None
        }
    };
    row.envelope(defaults, record, Identity::Optional)
}
