//! Knowledge the network keeps: lessons learned (a practice carried from
//! Japan, how it was adapted, where, and what came of it) and questions to
//! the network with their answers.

use serde::{Deserialize, Serialize};

use crate::{CountryCode, LanguageCode, SectorCode, Text, Timestamp, Uid, ValueError, Visibility};

/// A lesson learned: the original practice → its adaptation → the context
/// → the result, and the records it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson<R> {
    pub title: Text,
    /// The language it is written in.
    pub language: LanguageCode,
    /// The practice as it was done where it came from: "5S as practised in
    /// a Toyota supplier's press shop".
    pub practice: Text,
    /// What was changed to make it work here.
    pub adaptation: Text,
    /// Where and for whom: the plant, its people, the constraints.
    pub context: Option<Text>,
    /// What came of it, measured where possible.
    pub result: Option<Text>,
    /// Where it was adapted.
    pub country: Option<CountryCode>,
    pub sectors: Vec<SectorCode>,
    /// The organization whose lesson it is (its officers keep it); the
    /// writer's own if not named.
    pub organization: Option<R>,
    /// The technology it came with.
    pub technology: Option<R>,
    /// The program it came from.
    pub program: Option<R>,
    /// The people it came from.
    pub people: Vec<R>,
    pub visibility: Visibility,
}

impl<R> Lesson<R> {
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_PART_CHARS: usize = 4000;
    pub const MAX_SECTORS: usize = 10;
    pub const MAX_PEOPLE: usize = 20;
}

/// A question a member asks the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question<R> {
    pub title: Text,
    pub body: Option<Text>,
    pub language: LanguageCode,
    pub country: Option<CountryCode>,
    pub sectors: Vec<SectorCode>,
    /// The person asking: the writer's own profile if not named.
    pub asked_by: Option<R>,
    /// A question is for the network or the public, never private.
    pub visibility: Visibility,
}

impl<R> Question<R> {
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_BODY_CHARS: usize = 4000;
    pub const MAX_SECTORS: usize = 10;

    pub fn check(&self) -> Result<(), (&'static str, ValueError)> {
        if self.visibility == Visibility::Private {
            return Err((
                "visibility",
                ValueError::Rule("a question is asked of the network or the public".into()),
            ));
        }
        Ok(())
    }
}

/// A member's answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer<R> {
    pub body: Text,
    pub language: LanguageCode,
    /// The person answering: the writer's own profile if not named (an
    /// officer may write down the answer of a person whose record their
    /// organization keeps).
    pub answered_by: Option<R>,
}

impl<R> Answer<R> {
    pub const MAX_BODY_CHARS: usize = 4000;
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredLesson {
    pub uid: Uid,
    pub owner: Option<Uid>,
    #[serde(flatten)]
    pub lesson: Lesson<Uid>,
    /// Its text in other languages, by language.
    pub translations: Vec<LessonTranslation>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl StoredLesson {
    /// The lesson's text in `language`: its own, or a translation (with
    /// how far to trust it), or none.
    pub fn in_language(&self, language: LanguageCode) -> Option<LessonText<'_>> {
        if self.lesson.language == language {
            let l = &self.lesson;
            return Some(LessonText {
                language,
                status: None,
                title: &l.title,
                practice: &l.practice,
                adaptation: &l.adaptation,
                context: l.context.as_ref(),
                result: l.result.as_ref(),
            });
        }
        self.translations
            .iter()
            .find(|t| t.language == language)
            .map(|t| LessonText {
                language,
                status: Some(t.status),
                title: &t.title,
                practice: &t.practice,
                adaptation: &t.adaptation,
                context: t.context.as_ref(),
                result: t.result.as_ref(),
            })
    }
}

/// How a translation came to be. The record's own text is the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Made elsewhere (by a machine, say) and not checked by anyone.
    Draft,
    /// Translated by a person.
    Translated,
    /// Translated, then checked by a second person.
    Reviewed,
}

impl TranslationStatus {
    pub const ALL: [TranslationStatus; 3] = [
        TranslationStatus::Draft,
        TranslationStatus::Translated,
        TranslationStatus::Reviewed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TranslationStatus::Draft => "draft",
            TranslationStatus::Translated => "translated",
            TranslationStatus::Reviewed => "reviewed",
        }
    }
}

impl std::str::FromStr for TranslationStatus {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TranslationStatus::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or_else(|| ValueError::invalid(s, "draft, translated or reviewed"))
    }
}

/// A lesson's text in another language than its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonTranslation {
    pub language: LanguageCode,
    pub status: TranslationStatus,
    pub title: Text,
    pub practice: Text,
    pub adaptation: Text,
    pub context: Option<Text>,
    pub result: Option<Text>,
}

/// A lesson's text as read in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonText<'a> {
    pub language: LanguageCode,
    /// None: the original.
    pub status: Option<TranslationStatus>,
    pub title: &'a Text,
    pub practice: &'a Text,
    pub adaptation: &'a Text,
    pub context: Option<&'a Text>,
    pub result: Option<&'a Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAnswer {
    pub uid: Uid,
    /// The person who answered (for the rules; never sent as it is).
    #[serde(skip_serializing)]
    pub by: Uid,
    /// The person who answered, as the reader is shown them: none if the
    /// reader may not read their record.
    #[serde(rename = "by")]
    pub by_shown: Option<Uid>,
    pub body: Text,
    pub language: LanguageCode,
    /// The asker took this answer as the one that answers the question.
    pub accepted: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredQuestion {
    pub uid: Uid,
    /// The organization that keeps the asker's record, whose officers may
    /// tend the question.
    pub owner: Option<Uid>,
    pub title: Text,
    pub body: Option<Text>,
    pub language: LanguageCode,
    pub country: Option<CountryCode>,
    pub sectors: Vec<SectorCode>,
    /// The person who asked (for the rules; never sent as it is).
    #[serde(skip_serializing)]
    pub asked_by: Uid,
    /// The person who asked, as the reader is shown them: none if the
    /// reader may not read their record.
    #[serde(rename = "asked_by")]
    pub asked_by_shown: Option<Uid>,
    pub visibility: Visibility,
    /// Oldest first.
    pub answers: Vec<StoredAnswer>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl StoredQuestion {
    /// The answer the asker accepted, if any.
    pub fn accepted(&self) -> Option<&StoredAnswer> {
        self.answers.iter().find(|a| a.accepted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_is_never_private() {
        let question = Question::<Uid> {
            title: Text::line("How was 5S adapted in food plants?", 200).unwrap(),
            body: None,
            language: LanguageCode::parse("en").unwrap(),
            country: None,
            sectors: Vec::new(),
            asked_by: None,
            visibility: Visibility::Private,
        };
        assert_eq!(question.check().unwrap_err().0, "visibility");
        let shared = Question {
            visibility: Visibility::Network,
            ..question
        };
        assert!(shared.check().is_ok());
    }
}
