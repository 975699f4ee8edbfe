//! Writing records as CSV or JSON, in the columns [`Record::COLUMNS`] names,
//! so that a written file reads back into the same records.

use std::io::{self, Write};

use kyoso_domain::{Event, LanguageSkill, Link, Names, Organization, Person, Stored, Tie};
use serde_json::{Map, Value};

use crate::fields::FORMULA_STARTS;
use crate::{Format, Record};

/// One cell of an exported row.
enum Cell {
    Empty,
    Text(String),
    List(Vec<String>),
    Languages(Vec<LanguageSkill>),
    Flag(bool),
    Number(f64),
    /// A whole number: an amount, a level.
    Whole(u64),
}

fn text(value: Option<impl ToString>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
}

fn list<T: ToString>(values: &[T]) -> Cell {
    Cell::List(values.iter().map(ToString::to_string).collect())
}

fn reference(link: Option<&Link>) -> Cell {
    text(link.map(Link::record_ref))
}

fn names(names: &Names) -> [Cell; 3] {
    [
        text(names.native.as_ref()),
        text(names.latin.as_ref()),
        text(names.japanese.as_ref()),
    ]
}

/// A stored record that can be written as a row.
pub trait Exportable {
    type Record: Record;
    #[doc(hidden)]
    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell>;
}

fn envelope<T>(stored: &Stored<T>) -> [Cell; 3] {
    [
        Cell::Text(stored.uid.to_string()),
        text(stored.external_id.as_ref()),
        reference(stored.owner.as_ref()),
    ]
}

fn times<T>(stored: &Stored<T>) -> [Cell; 2] {
    [
        Cell::Text(stored.created_at.to_string()),
        Cell::Text(stored.updated_at.to_string()),
    ]
}

impl Exportable for Stored<Person> {
    type Record = Person;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let p = &self.record;
        let mut cells = Vec::with_capacity(Person::COLUMNS.len());
        cells.extend(envelope(self));
        cells.extend(names(&p.names));
        cells.push(text(p.gender));
        cells.push(text(p.residence));
        cells.push(text(p.nationality));
        cells.push(Cell::Languages(p.languages.clone()));
        cells.push(list(&p.skills));
        cells.push(list(&p.sectors));
        cells.push(Cell::Flag(p.availability.mentoring));
        cells.push(Cell::Flag(p.availability.dispatch));
        cells.push(Cell::Flag(p.availability.training));
        cells.push(text(p.available_from));
        cells.push(list(&p.experience_countries));
        cells.push(text(p.contact.email.as_ref()));
        cells.push(text(p.contact.phone.as_ref()));
        cells.push(text(p.bio.as_ref()));
        cells.push(Cell::Flag(p.consent.processing));
        cells.push(Cell::Flag(p.consent.contact));
        cells.push(Cell::Flag(p.consent.public_listing));
        cells.push(text(Some(p.visibility)));
        cells.extend(times(self));
        cells
    }
}

impl Exportable for Stored<Organization<Link>> {
    type Record = Organization<kyoso_domain::RecordRef>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let o = &self.record;
        let mut cells = Vec::with_capacity(Self::Record::COLUMNS.len());
        cells.extend(envelope(self));
        cells.extend(names(&o.names));
        cells.push(text(o.acronym.as_ref()));
        cells.push(Cell::Text(o.org_type.to_string()));
        cells.push(text(o.country));
        cells.push(list(&o.sectors));
        cells.push(reference(o.parent.as_ref()));
        cells.push(text(o.website.as_ref()));
        cells.push(text(Some(o.visibility)));
        cells.extend(times(self));
        cells
    }
}

impl Exportable for Stored<Tie<Link>> {
    type Record = Tie<kyoso_domain::RecordRef>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let t = &self.record;
        let mut cells = Vec::with_capacity(Self::Record::COLUMNS.len());
        cells.extend(envelope(self));
        cells.push(text(Some(t.kind)));
        cells.push(text(Some(t.from.kind)));
        cells.push(reference(Some(&t.from.key)));
        cells.push(text(Some(t.to.kind)));
        cells.push(reference(Some(&t.to.key)));
        cells.push(text(Some(t.start)));
        cells.push(text(t.end));
        cells.push(t.strength.map_or(Cell::Empty, |s| Cell::Number(s.value())));
        cells.push(text(t.role.as_ref()));
        cells.push(text(t.note.as_ref()));
        cells.push(Cell::Text(t.asserted_by.to_string()));
        cells.push(Cell::Text(t.asserted_at.to_string()));
        cells.push(text(Some(t.visibility)));
        cells.extend(times(self));
        cells.push(reference(t.event.as_ref()));
        cells
    }
}

impl Exportable for Stored<Event<Link>> {
    type Record = Event<kyoso_domain::RecordRef>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let e = &self.record;
        let mut cells = Vec::with_capacity(Self::Record::COLUMNS.len());
        cells.extend(envelope(self));
        cells.extend(names(&e.names));
        cells.push(text(Some(e.kind)));
        cells.push(text(Some(e.start)));
        cells.push(text(e.end));
        cells.push(text(e.place.as_ref()));
        cells.push(text(e.country));
        cells.push(reference(e.organizer.as_ref()));
        cells.push(text(Some(e.visibility)));
        cells.extend(times(self));
        cells
    }
}

/// A stored record as one JSON object with the file columns as keys (empty
/// ones left out): the shape of JSON files and of the API.
pub fn to_json<E: Exportable>(record: &E) -> Map<String, Value> {
    let mut object = Map::new();
    for (column, cell) in E::Record::COLUMNS.iter().zip(record.cells()) {
        if let Some(value) = json_value(cell) {
            object.insert((*column).to_owned(), value);
        }
    }
    object
}

/// Writes records of one kind to a CSV or JSON file.
pub struct Writer<W: Write> {
    inner: Inner<W>,
    columns: &'static [&'static str],
    written: u64,
}

impl<W: Write> std::fmt::Debug for Writer<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

enum Inner<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json(W),
}

impl<W: Write> Writer<W> {
    /// Starts a file of `T` records: the CSV header, or the JSON array's `[`.
    pub fn new<T: Record>(mut out: W, format: Format) -> io::Result<Writer<W>> {
        let inner = match format {
            Format::Csv => {
                let mut csv = csv::WriterBuilder::new().from_writer(out);
                csv.write_record(T::COLUMNS)?;
                Inner::Csv(Box::new(csv))
            }
            Format::Json => {
                out.write_all(b"[")?;
                Inner::Json(out)
            }
        };
        Ok(Writer {
            inner,
            columns: T::COLUMNS,
            written: 0,
        })
    }

    pub fn write<E: Exportable>(&mut self, record: &E) -> io::Result<()> {
        let cells = record.cells();
        debug_assert_eq!(cells.len(), self.columns.len());
        match &mut self.inner {
            Inner::Csv(csv) => {
                for cell in &cells {
                    csv.write_field(csv_text(cell))?;
                }
                csv.write_record(None::<&[u8]>)?;
            }
            Inner::Json(out) => {
                let mut object = Map::new();
                for (column, cell) in self.columns.iter().zip(cells) {
                    if let Some(value) = json_value(cell) {
                        object.insert((*column).to_owned(), value);
                    }
                }
                // One record per line: the file is a JSON array that also
                // reads well line by line.
                out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, &object)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the file and returns the output.
    pub fn finish(self) -> io::Result<W> {
        match self.inner {
            Inner::Csv(csv) => csv.into_inner().map_err(|e| e.into_error()),
            Inner::Json(mut out) => {
                out.write_all(b"\n]\n")?;
                out.flush()?;
                Ok(out)
            }
        }
    }
}

/// A cell's CSV text; text a spreadsheet would run as a formula gets a
/// leading `'`.
fn csv_text(cell: &Cell) -> String {
    let raw = match cell {
        Cell::Empty => return String::new(),
        Cell::Text(s) => s.clone(),
        Cell::List(items) => items.join("; "),
        Cell::Languages(items) => items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
        Cell::Flag(b) => b.to_string(),
        Cell::Number(n) => return n.to_string(),
        Cell::Whole(n) => return n.to_string(),
    };
    if raw.starts_with(FORMULA_STARTS) {
        format!("'{raw}")
    } else {
        raw
    }
}

fn json_value(cell: Cell) -> Option<Value> {
    match cell {
        Cell::Empty => None,
        Cell::Text(s) => Some(Value::String(s)),
        Cell::List(items) => Some(Value::Array(items.into_iter().map(Value::String).collect())),
        // "th:native", as files, forms and the API's bodies write them.
        Cell::Languages(items) => Some(Value::Array(
            items
                .iter()
                .map(|skill| Value::String(skill.to_string()))
                .collect(),
        )),
        Cell::Flag(b) => Some(Value::Bool(b)),
        Cell::Number(n) => serde_json::Number::from_f64(n).map(Value::Number),
        Cell::Whole(n) => Some(Value::Number(n.into())),
    }
}

impl Exportable for Stored<kyoso_domain::Enrolment<Link>> {
    type Record = kyoso_domain::Enrolment<kyoso_domain::RecordRef>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let e = &self.record;
        let p = &e.participation;
        vec![
            Cell::Text(self.uid.to_string()),
            text(self.external_id.as_ref()),
            reference(Some(&p.person)),
            reference(Some(&p.program)),
            reference(p.cohort.as_ref()),
            text(Some(p.role)),
            reference(p.host.as_ref()),
            text(p.note.as_ref()),
            Cell::Text(e.applied_on.to_string()),
            Cell::Text(e.journey.to_line()),
        ]
    }
}

/// The columns a need or an offer has beside its fields: id, key, owner.
fn matching_envelope(
    uid: kyoso_domain::Uid,
    key: Option<&kyoso_domain::ExternalId>,
    owner: Option<kyoso_domain::Uid>,
) -> [Cell; 3] {
    [Cell::Text(uid.to_string()), text(key), text(owner)]
}

impl Exportable for kyoso_domain::StoredNeed {
    type Record = kyoso_domain::Need<Option<kyoso_domain::RecordRef>>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let n = &self.need;
        let mut cells = Vec::with_capacity(Self::Record::COLUMNS.len());
        cells.extend(matching_envelope(
            self.uid,
            self.external_id.as_ref(),
            self.owner,
        ));
        cells.push(text(Some(n.kind)));
        cells.push(text(Some(n.posted_by.uid)));
        cells.push(text(Some(&n.title)));
        cells.push(text(n.description.as_ref()));
        cells.push(list(&n.skills));
        cells.push(list(&n.required_skills));
        cells.push(list(&n.sectors));
        cells.push(text(n.country));
        cells.push(Cell::Flag(n.require_country));
        cells.push(list(&n.languages));
        cells.push(Cell::Flag(n.require_available));
        cells.push(text(n.available_by));
        cells.push(
            n.min_readiness
                .map_or(Cell::Empty, |r| Cell::Whole(r.level().into())),
        );
        cells.push(text(n.deployed));
        cells.push(list(&n.seeks));
        cells.push(n.investment_usd.map_or(Cell::Empty, Cell::Whole));
        cells.push(text(n.course_mode));
        cells.push(list(&n.located_in));
        cells.push(text(n.deadline));
        cells.push(text(Some(n.visibility)));
        cells.push(Cell::Text(self.created_at.to_string()));
        cells.push(Cell::Text(self.updated_at.to_string()));
        cells
    }
}

impl Exportable for kyoso_domain::StoredOffer {
    type Record = kyoso_domain::Offer<Option<kyoso_domain::RecordRef>>;

    #[allow(
        private_interfaces,
        reason = "cells are written only inside this crate"
    )]
    fn cells(&self) -> Vec<Cell> {
        let o = &self.offer;
        let mut cells = Vec::with_capacity(Self::Record::COLUMNS.len());
        cells.extend(matching_envelope(
            self.uid,
            self.external_id.as_ref(),
            self.owner,
        ));
        cells.push(text(Some(o.kind)));
        cells.push(text(Some(o.provider)));
        cells.push(text(Some(&o.title)));
        cells.push(text(o.description.as_ref()));
        cells.push(list(&o.keywords));
        cells.push(list(&o.sectors));
        cells.push(list(&o.sdgs));
        cells.push(
            o.readiness
                .map_or(Cell::Empty, |r| Cell::Whole(r.level().into())),
        );
        cells.push(list(&o.countries));
        cells.push(list(&o.seeks));
        cells.push(o.invests_from_usd.map_or(Cell::Empty, Cell::Whole));
        cells.push(o.invests_up_to_usd.map_or(Cell::Empty, Cell::Whole));
        cells.push(Cell::Languages(o.languages.clone()));
        cells.push(text(o.capacity.as_ref()));
        cells.push(text(Some(o.visibility)));
        cells.push(Cell::Text(self.created_at.to_string()));
        cells.push(Cell::Text(self.updated_at.to_string()));
        cells
    }
}
