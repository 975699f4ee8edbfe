//! Lessons learned, questions and answers as JSON objects (the API's
//! bodies, and files of them): every field checked, every fault named.

use kyoso_domain::{
    Answer, CountryCode, LanguageCode, Lesson, Question, RecordRef, RowError, SectorCode, Text,
    Visibility, normalize_set,
};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::{FieldFaults, from_object};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFile {
    title: Option<String>,
    language: Option<String>,
    practice: Option<String>,
    adaptation: Option<String>,
    context: Option<String>,
    result: Option<String>,
    country: Option<String>,
    #[serde(default)]
    sectors: Vec<String>,
    organization: Option<String>,
    technology: Option<String>,
    program: Option<String>,
    #[serde(default)]
    people: Vec<String>,
    visibility: Option<String>,
}

fn part(f: &mut FieldFaults, field: &str, raw: Option<&str>) -> Option<Text> {
    f.value(field, raw, |s| {
        Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
    })
}

fn sectors(f: &mut FieldFaults, raw: &[String], max: usize) -> Vec<SectorCode> {
    let items = f.list("sectors", raw, SectorCode::parse);
    normalize_set(items, max, "sectors").unwrap_or_else(|error| {
        f.fault("sectors", error.to_string());
        Vec::new()
    })
}

fn visibility(f: &mut FieldFaults, raw: Option<&str>) -> Visibility {
    f.value("visibility", raw, |s| s.parse::<Visibility>())
        .unwrap_or(Visibility::Network)
}

/// Reads a lesson learned.
pub fn lesson_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Lesson<RecordRef>, Vec<RowError>> {
    let body: LessonFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let title = f.required("title", body.title.as_deref(), |s| {
        Text::line(s, Lesson::<()>::MAX_TITLE_CHARS)
    });
    let language = f.required("language", body.language.as_deref(), LanguageCode::parse);
    let practice = f.required("practice", body.practice.as_deref(), |s| {
        Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
    });
    let adaptation = f.required("adaptation", body.adaptation.as_deref(), |s| {
        Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
    });
    let context = part(&mut f, "context", body.context.as_deref());
    let result = part(&mut f, "result", body.result.as_deref());
    let country = f.value("country", body.country.as_deref(), CountryCode::parse);
    let sectors = sectors(&mut f, &body.sectors, Lesson::<()>::MAX_SECTORS);
    let organization = f.value(
        "organization",
        body.organization.as_deref(),
        RecordRef::parse,
    );
    let technology = f.value("technology", body.technology.as_deref(), RecordRef::parse);
    let program = f.value("program", body.program.as_deref(), RecordRef::parse);
    let people = f.list("people", &body.people, RecordRef::parse);
    if people.len() > Lesson::<()>::MAX_PEOPLE {
        f.fault(
            "people",
            format!("at most {} people", Lesson::<()>::MAX_PEOPLE),
        );
    }
    let visibility = visibility(&mut f, body.visibility.as_deref());
    let lesson = match (title, language, practice, adaptation) {
        (Some(title), Some(language), Some(practice), Some(adaptation)) => Some(Lesson {
            title,
            language,
            practice,
            adaptation,
            context,
            result,
            country,
            sectors,
            organization,
            technology,
            program,
            people,
            visibility,
        }),
        _ => None,
    };
    f.done(lesson)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    title: Option<String>,
    body: Option<String>,
    language: Option<String>,
    country: Option<String>,
    #[serde(default)]
    sectors: Vec<String>,
    asked_by: Option<String>,
    visibility: Option<String>,
}

/// Reads a question to the network.
pub fn question_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Question<RecordRef>, Vec<RowError>> {
    let raw: QuestionFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let title = f.required("title", raw.title.as_deref(), |s| {
        Text::line(s, Question::<()>::MAX_TITLE_CHARS)
    });
    let body = f.value("body", raw.body.as_deref(), |s| {
        Text::multiline(s, Question::<()>::MAX_BODY_CHARS)
    });
    let language = f.required("language", raw.language.as_deref(), LanguageCode::parse);
    let country = f.value("country", raw.country.as_deref(), CountryCode::parse);
    let sectors = sectors(&mut f, &raw.sectors, Question::<()>::MAX_SECTORS);
    let asked_by = f.value("asked_by", raw.asked_by.as_deref(), RecordRef::parse);
    let visibility = visibility(&mut f, raw.visibility.as_deref());
    let question = match (title, language) {
        (Some(title), Some(language)) => Some(Question {
            title,
            body,
            language,
            country,
            sectors,
            asked_by,
            visibility,
        }),
        _ => None,
    };
    if let Some(question) = &question
        && let Err((field, error)) = question.check()
    {
        f.fault(field, error.to_string());
    }
    f.done(question)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFile {
    body: Option<String>,
    language: Option<String>,
    answered_by: Option<String>,
}

/// Reads an answer to a question.
pub fn answer_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Answer<RecordRef>, Vec<RowError>> {
    let raw: AnswerFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let body = f.required("body", raw.body.as_deref(), |s| {
        Text::multiline(s, Answer::<()>::MAX_BODY_CHARS)
    });
    let language = f.required("language", raw.language.as_deref(), LanguageCode::parse);
    let answered_by = f.value("answered_by", raw.answered_by.as_deref(), RecordRef::parse);
    let answer = match (body, language) {
        (Some(body), Some(language)) => Some(Answer {
            body,
            language,
            answered_by,
        }),
        _ => None,
    };
    f.done(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn a_lesson_names_every_fault_at_once() {
        let faults = lesson_from_json(
            object(
                json!({"title": "", "language": "xx", "practice": "5S", "sectors": ["1"],
                          "visibility": "secret"}),
            ),
            3,
        )
        .unwrap_err();
        let fields: Vec<&str> = faults.iter().filter_map(|f| f.field.as_deref()).collect();
        for field in ["title", "language", "adaptation", "sectors", "visibility"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        assert!(faults.iter().all(|f| f.line == 3));
    }

    #[test]
    fn a_lesson_reads_whole() {
        let lesson = lesson_from_json(
            object(json!({
                "title": "5S in a Vietnamese fish-processing plant",
                "language": "en",
                "practice": "5S as practised in a Japanese press shop.",
                "adaptation": "Red tags became photos on a shared board; shifts rotate the audit.",
                "country": "VN", "sectors": ["31120", "32161"],
                "program": "PR-1", "people": ["P-1", "P-2"], "visibility": "public"
            })),
            0,
        )
        .unwrap();
        assert_eq!(lesson.country.unwrap().as_str(), "VN");
        assert_eq!(lesson.people.len(), 2);
        assert_eq!(lesson.visibility, Visibility::Public);
    }

    #[test]
    fn a_private_question_is_refused() {
        let faults = question_from_json(
            object(
                json!({"title": "Who repairs Fanuc controllers in Hanoi?", "language": "en",
                          "visibility": "private"}),
            ),
            0,
        )
        .unwrap_err();
        assert_eq!(faults[0].field.as_deref(), Some("visibility"));
        assert!(
            answer_from_json(object(json!({"body": "Ask Mr Tran", "language": "vi"})), 0).is_ok()
        );
        assert!(answer_from_json(object(json!({"body": "  ", "language": "vi"})), 0).is_err());
    }
}
