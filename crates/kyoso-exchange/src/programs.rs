//! Programs in JSON: the objects of a programs file and of the API, read
//! field by field with every fault named, and written back in the same shape.
//!
//! Programs nest (funders, milestones), so their file is JSON only.

use std::io::Read;

use kyoso_domain::{
    COHORT_NAME_CHARS, Cohort, CountryCode, Currency, Demonstration, DevelopmentStage, ExternalId,
    Funder, FundingSource, Incoming, Link, Milestone, Money, Names, PartialDate, Program,
    ProgramType, RecordRef, RowError, SdgTarget, SectorCode, Stored, Text, Uid, ValueError,
    Visibility,
};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::ReadError;
use crate::json::JsonSource;
use crate::object::{FieldFaults, from_object};

/// A program as files and the API carry it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramFile {
    id: Option<String>,
    external_id: Option<String>,
    owner: Option<String>,
    /// training_in_japan, overseas_training, expert_dispatch, internship,
    /// technical_intern_training, demonstration_project,
    /// pre_departure_training or seminar_series.
    program_type: String,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    /// The organizing organization (id or external id).
    organizer: String,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    funders: Vec<FunderFile>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    /// SDG goals and targets: "8", "8.2", "9.b".
    #[serde(default)]
    sdgs: Vec<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    start: String,
    end: Option<String>,
    budget: Option<BudgetFile>,
    /// technology_transfer, promotion, diffusion or education.
    stage: Option<String>,
    description: Option<String>,
    demonstration: Option<DemonstrationFile>,
    /// private, network or public; network by default.
    visibility: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FunderFile {
    organization: String,
    /// oda, private or fund.
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BudgetFile {
    /// In the currency's smallest unit (yen, cents).
    amount: i64,
    /// ISO 4217: JPY, USD, THB.
    currency: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemonstrationFile {
    provider: String,
    technology: String,
    recipient_country: String,
    local_partner: Option<String>,
    #[serde(default)]
    milestones: Vec<MilestoneFile>,
    results: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneFile {
    due: String,
    title: String,
    reached: Option<String>,
}

fn line(max: usize) -> impl Fn(&str) -> Result<Text, ValueError> {
    move |s| Text::line(s, max)
}

fn read(body: ProgramFile, line_no: u64) -> Result<Incoming<Program<RecordRef>>, Vec<RowError>> {
    let mut f = FieldFaults::new(line_no);
    let external_id = f.value(
        "external_id",
        body.external_id.as_deref(),
        ExternalId::parse,
    );
    let program_type = f.required("program_type", Some(&body.program_type), |s| {
        s.parse::<ProgramType>()
    });
    let names = {
        let native = f.value(
            "name_native",
            body.name_native.as_deref(),
            line(Names::MAX_CHARS),
        );
        let latin = f.value(
            "name_latin",
            body.name_latin.as_deref(),
            line(Names::MAX_CHARS),
        );
        let japanese = f.value(
            "name_japanese",
            body.name_japanese.as_deref(),
            line(Names::MAX_CHARS),
        );
        match Names::new(native, latin, japanese) {
            Ok(names) => Some(names),
            Err(e) => {
                f.fault("name_latin", e.to_string());
                None
            }
        }
    };
    let organizer = f.required("organizer", Some(&body.organizer), RecordRef::parse);
    let partners = f.list("partners", &body.partners, RecordRef::parse);
    let funders = body
        .funders
        .iter()
        .filter_map(|fb| {
            Some(Funder {
                organization: f.required("funders", Some(&fb.organization), RecordRef::parse)?,
                source: f.required("funders", Some(&fb.source), |s| s.parse::<FundingSource>())?,
            })
        })
        .collect();
    let countries = f.list("countries", &body.countries, CountryCode::parse);
    let sectors = f.list("sectors", &body.sectors, SectorCode::parse);
    let sdgs = f.list("sdgs", &body.sdgs, SdgTarget::parse);
    let start = f.required("start", Some(&body.start), PartialDate::parse);
    let end = f.value("end", body.end.as_deref(), PartialDate::parse);
    let budget = body.budget.as_ref().and_then(|b| {
        Some(Money {
            amount: b.amount,
            currency: f.required("budget", Some(&b.currency), Currency::parse)?,
        })
    });
    let stage = f.value("stage", body.stage.as_deref(), |s| {
        s.parse::<DevelopmentStage>()
    });
    let description = f.value("description", body.description.as_deref(), |s| {
        Text::multiline(s, Program::<RecordRef>::MAX_DESCRIPTION_CHARS)
    });
    let demonstration = body.demonstration.as_ref().and_then(|d| {
        let milestones = d
            .milestones
            .iter()
            .filter_map(|m| {
                Some(Milestone {
                    due: f.required("milestones", Some(&m.due), PartialDate::parse)?,
                    title: f.required("milestones", Some(&m.title), line(200))?,
                    reached: f.value("milestones", m.reached.as_deref(), PartialDate::parse),
                })
            })
            .collect();
        Some(Demonstration {
            provider: f.required("provider", Some(&d.provider), RecordRef::parse)?,
            technology: f.required("technology", Some(&d.technology), line(300))?,
            recipient_country: f.required(
                "recipient_country",
                Some(&d.recipient_country),
                CountryCode::parse,
            )?,
            local_partner: f.value(
                "local_partner",
                d.local_partner.as_deref(),
                RecordRef::parse,
            ),
            milestones,
            results: f.value("results", d.results.as_deref(), |s| {
                Text::multiline(s, 4000)
            }),
        })
    });
    let visibility = f
        .value("visibility", body.visibility.as_deref(), |s| {
            s.parse::<Visibility>()
        })
        .unwrap_or(Visibility::Network);
    let program = match (program_type, names, organizer, start) {
        (Some(program_type), Some(names), Some(organizer), Some(start)) => Some(Program {
            names,
            program_type,
            organizer,
            partners,
            funders,
            countries,
            sectors,
            sdgs,
            start,
            end,
            budget,
            stage,
            description,
            demonstration,
            visibility,
        }),
        _ => None,
    };
    let uid = f.value("id", body.id.as_deref(), Uid::parse);
    let owner = f.value("owner", body.owner.as_deref(), RecordRef::parse);
    let program = f.done(program)?;
    let mut incoming = Incoming::new(program);
    incoming.line = line_no;
    incoming.uid = uid;
    incoming.external_id = external_id;
    incoming.owner = owner;
    Ok(incoming)
}

/// Reads one program object that starts on `line` (0 for an API body).
pub fn program_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Incoming<Program<RecordRef>>, Vec<RowError>> {
    let body: ProgramFile = from_object(object, line)?;
    read(body, line)
}

/// The programs of a JSON file (an array, or one object per line), each
/// read or refused on its own, with the line it starts on.
pub struct ProgramReader {
    source: JsonSource,
}

impl std::fmt::Debug for ProgramReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProgramReader").finish_non_exhaustive()
    }
}

impl ProgramReader {
    pub fn new(input: impl Read + Send + 'static) -> ProgramReader {
        ProgramReader {
            source: JsonSource::new(Box::new(input), &[]),
        }
    }
}

impl Iterator for ProgramReader {
    type Item = Result<Result<Incoming<Program<RecordRef>>, Vec<RowError>>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(
            self.source
                .next_object()?
                .map(|(line, object)| match object {
                    Ok(object) => program_from_json(object, line),
                    Err(error) => Err(vec![error]),
                }),
        )
    }
}

/// The name a reference goes by in files: its external id where it has one.
fn reference(link: &Link) -> Value {
    Value::String(link.record_ref().to_string())
}

fn text(t: Option<&Text>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_string()))
}

/// A stored program as one JSON object: the shape files and the API share,
/// which reads back into the same program.
pub fn program_to_json(p: &Stored<Program<Link>>) -> Map<String, Value> {
    let r = &p.record;
    let value = json!({
        "id": p.uid,
        "external_id": p.external_id,
        "owner": p.owner.as_ref().map(reference),
        "program_type": r.program_type,
        "name_native": text(r.names.native.as_ref()),
        "name_latin": text(r.names.latin.as_ref()),
        "name_japanese": text(r.names.japanese.as_ref()),
        "organizer": reference(&r.organizer),
        "partners": r.partners.iter().map(reference).collect::<Vec<_>>(),
        "funders": r.funders.iter().map(|f| json!({"organization": reference(&f.organization), "source": f.source})).collect::<Vec<_>>(),
        "countries": r.countries,
        "sectors": r.sectors,
        "sdgs": r.sdgs,
        "start": r.start,
        "end": r.end,
        "budget": r.budget.map(|b| json!({"amount": b.amount, "currency": b.currency.as_str()})),
        "stage": r.stage,
        "description": text(r.description.as_ref()),
        "demonstration": r.demonstration.as_ref().map(|d| json!({
            "provider": reference(&d.provider),
            "technology": d.technology,
            "recipient_country": d.recipient_country,
            "local_partner": d.local_partner.as_ref().map(reference),
            "milestones": d.milestones.iter().map(|m| json!({"due": m.due, "title": m.title, "reached": m.reached})).collect::<Vec<_>>(),
            "results": text(d.results.as_ref()),
        })),
        "visibility": r.visibility,
    });
    match value {
        Value::Object(mut object) => {
            object.retain(|_, v| !v.is_null());
            object
        }
        _ => Map::new(),
    }
}

/// A cohort as files and the API carry it (the program is named apart).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CohortFile {
    name: Option<String>,
    start: Option<String>,
    end: Option<String>,
    capacity: Option<u32>,
    apply_by: Option<String>,
    mode: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
}

/// Reads a cohort of `program` from the object that starts on `line` (0
/// for an API body).
pub fn cohort_from_json(
    object: Map<String, Value>,
    program: RecordRef,
    line: u64,
) -> Result<Cohort<RecordRef>, Vec<RowError>> {
    let body: CohortFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let name = f.required("name", body.name.as_deref(), |s| {
        Text::line(s, COHORT_NAME_CHARS)
    });
    let start = f.required("start", body.start.as_deref(), PartialDate::parse);
    let end = f.value("end", body.end.as_deref(), PartialDate::parse);
    if body.capacity == Some(0) {
        f.fault("capacity", "must be at least 1");
    }
    let apply_by = f.value("apply_by", body.apply_by.as_deref(), PartialDate::parse_day);
    let mode = f.value("mode", body.mode.as_deref(), |s| {
        s.parse::<kyoso_domain::CourseMode>()
    });
    let languages = crate::needs::languages_once(
        &mut f,
        "languages",
        &body.languages,
        Cohort::<()>::MAX_LANGUAGES,
    );
    f.done(name.zip(start).map(|(name, start)| Cohort {
        program,
        name,
        start,
        end,
        capacity: body.capacity,
        apply_by,
        mode,
        languages,
    }))
}
