//! Lessons learned, questions and answers as JSON objects (the API's
//! bodies, and files of them): every field checked, every fault named.

use kyoso_domain::{
    Answer, CountryCode, LanguageCode, Lesson, LessonTranslation, Question, RecordRef, RowError,
    SectorCode, Text, TranslationStatus, Visibility, normalize_set,
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
struct TranslationFile {
    language: Option<String>,
    status: Option<String>,
    title: Option<String>,
    practice: Option<String>,
    adaptation: Option<String>,
    context: Option<String>,
    result: Option<String>,
}

/// Reads a lesson's text in another language. `language`: the one the
/// address names, if it does (the object may then leave it out).
pub fn lesson_translation_from_json(
    mut object: Map<String, Value>,
    line: u64,
    language: Option<&str>,
) -> Result<LessonTranslation, Vec<RowError>> {
    if let Some(language) = language {
        object
            .entry("language")
            .or_insert_with(|| Value::String(language.to_owned()));
    }
    let raw: TranslationFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let language_read = f.required("language", raw.language.as_deref(), LanguageCode::parse);
    if let (Some(named), Some(read)) = (language, &language_read)
        && read.to_string() != named
    {
        f.fault("language", "is not the language the address names");
    }
    let status = f.required("status", raw.status.as_deref(), |s| {
        s.parse::<TranslationStatus>()
    });
    let title = f.required("title", raw.title.as_deref(), |s| {
        Text::line(s, Lesson::<()>::MAX_TITLE_CHARS)
    });
    let practice = f.required("practice", raw.practice.as_deref(), |s| {
        Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
    });
    let adaptation = f.required("adaptation", raw.adaptation.as_deref(), |s| {
        Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
    });
    let context = part(&mut f, "context", raw.context.as_deref());
    let result = part(&mut f, "result", raw.result.as_deref());
    let translation = match (language_read, status, title, practice, adaptation) {
        (Some(language), Some(status), Some(title), Some(practice), Some(adaptation)) => {
            Some(LessonTranslation {
                language,
                status,
                title,
                practice,
                adaptation,
                context,
                result,
            })
        }
        _ => None,
    };
    f.done(translation)
}

/// A lesson's translation as a file holds it.
fn translation_to_json(t: &LessonTranslation) -> Value {
    let text = |t: &Option<Text>| {
        t.as_ref()
            .map_or(Value::Null, |t| Value::String(t.to_string()))
    };
    serde_json::json!({
        "language": t.language.to_string(),
        "status": t.status.as_str(),
        "title": t.title.to_string(),
        "practice": t.practice.to_string(),
        "adaptation": t.adaptation.to_string(),
        "context": text(&t.context),
        "result": text(&t.result),
    })
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

/// A lesson of a file: the line it starts on, its id if it names the
/// lesson it changes, the lesson, and its translations.
pub type LessonRow = (
    u64,
    Option<kyoso_domain::Uid>,
    Lesson<RecordRef>,
    Vec<LessonTranslation>,
);

/// The lessons of a JSON file (an array, or one object per line), each read
/// or refused on its own, with the line it starts on. An `id` names the
/// lesson a row changes; a row without one is a new lesson.
pub struct LessonReader {
    source: crate::json::JsonSource,
}

impl std::fmt::Debug for LessonReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LessonReader").finish_non_exhaustive()
    }
}

impl LessonReader {
    pub fn new(input: impl std::io::Read + Send + 'static) -> LessonReader {
        LessonReader {
            source: crate::json::JsonSource::new(Box::new(input), &[]),
        }
    }
}

/// Reads one row of a lessons file: its `id`, then the lesson.
pub fn lesson_row(mut object: Map<String, Value>, line: u64) -> Result<LessonRow, Vec<RowError>> {
    let id = match object.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => match kyoso_domain::Uid::parse(&text) {
            Ok(uid) => Some(uid),
            Err(error) => return Err(vec![RowError::new(line, "id", error.to_string())]),
        },
        Some(_) => return Err(vec![RowError::new(line, "id", "must be a lesson's id")]),
    };
    // What an export adds that a lesson does not take.
    for kept in ["owner", "created_at", "updated_at"] {
        object.remove(kept);
    }
    let mut faults = Vec::new();
    let mut translations = Vec::new();
    match object.remove("translations") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    Value::Object(item) => match lesson_translation_from_json(item, line, None) {
                        Ok(translation) => translations.push(translation),
                        Err(bad) => faults.extend(bad.into_iter().map(|mut e| {
                            e.field = e.field.map(|f| format!("translations.{f}"));
                            e
                        })),
                    },
                    _ => faults.push(RowError::new(line, "translations", "each is an object")),
                }
            }
        }
        Some(_) => faults.push(RowError::new(line, "translations", "must be a list")),
    }
    match lesson_from_json(object, line) {
        Ok(lesson) if faults.is_empty() => Ok((line, id, lesson, translations)),
        Ok(_) => Err(faults),
        Err(mut bad) => {
            bad.extend(faults);
            Err(bad)
        }
    }
}

impl Iterator for LessonReader {
    type Item = Result<Result<LessonRow, Vec<RowError>>, crate::ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(
            self.source
                .next_object()?
                .map(|(line, object)| match object {
                    Ok(object) => lesson_row(object, line),
                    Err(error) => Err(vec![error]),
                }),
        )
    }
}

/// A lesson as a file row that imports back unchanged.
pub fn lesson_to_json(stored: &kyoso_domain::StoredLesson) -> Value {
    let l = &stored.lesson;
    let text = |t: &Option<Text>| {
        t.as_ref()
            .map_or(Value::Null, |t| Value::String(t.to_string()))
    };
    serde_json::json!({
        "id": stored.uid.to_string(),
        "title": l.title.to_string(),
        "language": l.language.to_string(),
        "practice": l.practice.to_string(),
        "adaptation": l.adaptation.to_string(),
        "context": text(&l.context),
        "result": text(&l.result),
        "country": l.country.map(|c| c.to_string()),
        "sectors": l.sectors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "organization": l.organization.map(|o| o.to_string()),
        "technology": l.technology.map(|t| t.to_string()),
        "program": l.program.map(|p| p.to_string()),
        "people": l.people.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "visibility": l.visibility.as_str(),
        "translations": stored.translations.iter().map(translation_to_json).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod file_tests {
    use super::*;

    #[test]
    fn a_lessons_file_names_the_line_of_each_fault() {
        let file = "[\n{\"title\": \"5S\", \"language\": \"en\", \"practice\": \"a\", \"adaptation\": \"b\"},\n{\"id\": \"nope\", \"title\": \"x\"}\n]";
        let rows: Vec<_> = LessonReader::new(std::io::Cursor::new(file.to_owned()))
            .map(Result::unwrap)
            .collect();
        assert!(rows[0].is_ok());
        let faults = rows[1].as_ref().unwrap_err();
        assert_eq!(faults[0].line, 3);
        assert_eq!(faults[0].field.as_deref(), Some("id"));
    }
}
