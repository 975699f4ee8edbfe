//! Lessons learned, questions to the network and their answers.

use std::collections::HashMap;

use kyoso_domain::{
    Answer, CountryCode, LanguageCode, Lesson, LessonTranslation, Question, SectorCode,
    StoredAnswer, StoredLesson, StoredQuestion, Text, Timestamp, Uid,
};
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use crate::bulk::on_tx;
use crate::matching::{fetch_all, list, texts};
use crate::query::{Bind, Sql};
use crate::read::Checker;
use crate::value::DbTime;
use crate::{BulkWriter, Pool, ReadScope, Store, StoreError, dispatch};

/// What a list of lessons may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonFilter {
    pub country: Option<CountryCode>,
    pub sector: Option<SectorCode>,
}

/// `(a, b, c)` of local keys read from the database (numbers, never input).
fn keys(ids: &[i64]) -> String {
    let joined: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("({})", joined.join(", "))
}

// --- lessons ---

const LESSON_SELECT: &str = "SELECT l.id, l.uid, ow.uid AS owner_uid, l.language, l.title, \
    l.practice, l.adaptation, l.context, l.result, l.country, l.sectors, \
    f.uid AS technology_uid, pg.uid AS program_uid, l.visibility, l.created_at, l.updated_at \
    FROM lessons l LEFT JOIN organizations ow ON ow.id = l.owner_id \
    LEFT JOIN offers f ON f.id = l.technology_id LEFT JOIN programs pg ON pg.id = l.program_id";

#[derive(sqlx::FromRow)]
struct LessonRow {
    id: i64,
    uid: Uuid,
    owner_uid: Option<Uuid>,
    language: String,
    title: String,
    practice: String,
    adaptation: String,
    context: Option<String>,
    result: Option<String>,
    country: Option<String>,
    sectors: String,
    technology_uid: Option<Uuid>,
    program_uid: Option<Uuid>,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
}

impl LessonRow {
    fn into_lesson(
        self,
        people: Vec<Uid>,
        translations: Vec<LessonTranslation>,
    ) -> Result<StoredLesson, StoreError> {
        let c = Checker {
            table: "lessons",
            id: self.id,
        };
        let part = |field, raw: &str| {
            c.value(field, raw, |s| {
                Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
            })
        };
        Ok(StoredLesson {
            uid: Uid::from_uuid(self.uid),
            owner: self.owner_uid.map(Uid::from_uuid),
            lesson: Lesson {
                title: c.value("title", &self.title, |s| {
                    Text::line(s, Lesson::<()>::MAX_TITLE_CHARS)
                })?,
                language: c.value("language", &self.language, LanguageCode::parse)?,
                practice: part("practice", &self.practice)?,
                adaptation: part("adaptation", &self.adaptation)?,
                context: self
                    .context
                    .as_deref()
                    .map(|s| part("context", s))
                    .transpose()?,
                result: self
                    .result
                    .as_deref()
                    .map(|s| part("result", s))
                    .transpose()?,
                country: c.optional("country", self.country, CountryCode::parse)?,
                sectors: list(&c, "sectors", &self.sectors)?,
                organization: self.owner_uid.map(Uid::from_uuid),
                technology: self.technology_uid.map(Uid::from_uuid),
                program: self.program_uid.map(Uid::from_uuid),
                people,
                visibility: c.value("visibility", &self.visibility, |s| s.parse())?,
            },
            translations,
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
        })
    }
}

#[derive(sqlx::FromRow)]
struct TranslationRow {
    lesson_id: i64,
    language: String,
    status: String,
    title: String,
    practice: String,
    adaptation: String,
    context: Option<String>,
    result: Option<String>,
}

impl TranslationRow {
    fn into_translation(self) -> Result<LessonTranslation, StoreError> {
        let c = Checker {
            table: "lesson_translations",
            id: self.lesson_id,
        };
        let part = |field, raw: &str| {
            c.value(field, raw, |s| {
                Text::multiline(s, Lesson::<()>::MAX_PART_CHARS)
            })
        };
        Ok(LessonTranslation {
            language: c.value("language", &self.language, LanguageCode::parse)?,
            status: c.value("status", &self.status, |s| s.parse())?,
            title: c.value("title", &self.title, |s| {
                Text::line(s, Lesson::<()>::MAX_TITLE_CHARS)
            })?,
            practice: part("practice", &self.practice)?,
            adaptation: part("adaptation", &self.adaptation)?,
            context: self
                .context
                .as_deref()
                .map(|s| part("context", s))
                .transpose()?,
            result: self
                .result
                .as_deref()
                .map(|s| part("result", s))
                .transpose()?,
        })
    }
}

// --- questions and answers ---

const QUESTION_SELECT: &str = "SELECT q.id, q.uid, ow.uid AS owner_uid, ap.uid AS asked_by_uid, \
    q.language, q.title, q.body, q.country, q.sectors, q.visibility, q.created_at, q.updated_at \
    FROM questions q LEFT JOIN organizations ow ON ow.id = q.owner_id \
    JOIN people ap ON ap.id = q.asked_by_id";

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    uid: Uuid,
    owner_uid: Option<Uuid>,
    asked_by_uid: Uuid,
    language: String,
    title: String,
    body: Option<String>,
    country: Option<String>,
    sectors: String,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    id: i64,
    question_id: i64,
    uid: Uuid,
    person_uid: Uuid,
    language: String,
    body: String,
    accepted: i64,
    created_at: DbTime,
}

impl AnswerRow {
    fn into_answer(self) -> Result<StoredAnswer, StoreError> {
        let c = Checker {
            table: "answers",
            id: self.id,
        };
        Ok(StoredAnswer {
            uid: Uid::from_uuid(self.uid),
            by: Uid::from_uuid(self.person_uid),
            by_shown: Some(Uid::from_uuid(self.person_uid)),
            body: c.value("body", &self.body, |s| {
                Text::multiline(s, Answer::<()>::MAX_BODY_CHARS)
            })?,
            language: c.value("language", &self.language, LanguageCode::parse)?,
            accepted: self.accepted == 1,
            created_at: self.created_at.0,
        })
    }
}

impl QuestionRow {
    fn into_question(self, answers: Vec<StoredAnswer>) -> Result<StoredQuestion, StoreError> {
        let c = Checker {
            table: "questions",
            id: self.id,
        };
        Ok(StoredQuestion {
            uid: Uid::from_uuid(self.uid),
            owner: self.owner_uid.map(Uid::from_uuid),
            title: c.value("title", &self.title, |s| {
                Text::line(s, Question::<()>::MAX_TITLE_CHARS)
            })?,
            body: c.optional("body", self.body, |s| {
                Text::multiline(s, Question::<()>::MAX_BODY_CHARS)
            })?,
            language: c.value("language", &self.language, LanguageCode::parse)?,
            country: c.optional("country", self.country, CountryCode::parse)?,
            sectors: list(&c, "sectors", &self.sectors)?,
            asked_by: Uid::from_uuid(self.asked_by_uid),
            asked_by_shown: Some(Uid::from_uuid(self.asked_by_uid)),
            visibility: c.value("visibility", &self.visibility, |s| s.parse())?,
            answers,
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
        })
    }
}

impl Store {
    pub async fn lesson(&self, uid: Uid) -> Result<Option<StoredLesson>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{LESSON_SELECT} WHERE l.uid = "));
        sql.bind(Bind::Uid(uid.uuid()));
        let rows = fetch_all!(self, sql, LessonRow);
        Ok(self.with_people(rows).await?.pop())
    }

    /// Lessons within `scope`, most recently changed first.
    pub async fn lessons(
        &self,
        filter: &LessonFilter,
        scope: &ReadScope,
        limit: i64,
    ) -> Result<Vec<StoredLesson>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{LESSON_SELECT} WHERE 1 = 1"));
        scope.restrict(&mut sql, "l");
        if let Some(country) = filter.country {
            sql.push(" AND l.country = ");
            sql.bind(Bind::Text(country.to_string()));
        }
        if let Some(sector) = filter.sector {
            // A JSON array of quoted codes: a quoted code matches one whole.
            sql.push(" AND l.sectors LIKE ");
            sql.bind(Bind::Text(format!("%\"{sector}\"%")));
        }
        sql.push(" ORDER BY l.updated_at DESC, l.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch_all!(self, sql, LessonRow);
        self.with_people(rows).await
    }

    /// Every lesson, for the search index.
    pub async fn all_lessons(&self) -> Result<Vec<StoredLesson>, StoreError> {
        let sql = Sql::new(self.engine(), format!("{LESSON_SELECT} ORDER BY l.id"));
        let rows = fetch_all!(self, sql, LessonRow);
        self.with_people(rows).await
    }

    async fn with_people(&self, rows: Vec<LessonRow>) -> Result<Vec<StoredLesson>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let sql = format!(
            "SELECT lp.lesson_id, p.uid FROM lesson_people lp JOIN people p ON p.id = lp.person_id \
             WHERE lp.lesson_id IN {} ORDER BY lp.lesson_id, p.id",
            keys(&ids)
        );
        let pairs: Vec<(i64, Uuid)> = dispatch!(self, pool => {
            sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?
        });
        let mut people: HashMap<i64, Vec<Uid>> = HashMap::new();
        for (lesson, person) in pairs {
            people
                .entry(lesson)
                .or_default()
                .push(Uid::from_uuid(person));
        }
        let sql = Sql::new(
            self.engine(),
            format!(
                "SELECT lesson_id, language, status, title, practice, adaptation, context, result \
                 FROM lesson_translations WHERE lesson_id IN {} ORDER BY lesson_id, language",
                keys(&ids)
            ),
        );
        let mut translations: HashMap<i64, Vec<LessonTranslation>> = HashMap::new();
        for row in fetch_all!(self, sql, TranslationRow) {
            let lesson = row.lesson_id;
            translations
                .entry(lesson)
                .or_default()
                .push(row.into_translation()?);
        }
        rows.into_iter()
            .map(|row| {
                let mine = people.remove(&row.id).unwrap_or_default();
                let translated = translations.remove(&row.id).unwrap_or_default();
                row.into_lesson(mine, translated)
            })
            .collect()
    }

    pub async fn question(&self, uid: Uid) -> Result<Option<StoredQuestion>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{QUESTION_SELECT} WHERE q.uid = "));
        sql.bind(Bind::Uid(uid.uuid()));
        let rows = fetch_all!(self, sql, QuestionRow);
        Ok(self.with_answers(rows).await?.pop())
    }

    /// Questions within `scope`, most recently active first; `open`: only
    /// those without an accepted answer.
    pub async fn questions(
        &self,
        open: bool,
        scope: &ReadScope,
        limit: i64,
    ) -> Result<Vec<StoredQuestion>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{QUESTION_SELECT} WHERE 1 = 1"));
        scope.restrict(&mut sql, "q");
        if open {
            sql.push(
                " AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.accepted = 1)",
            );
        }
        sql.push(" ORDER BY q.updated_at DESC, q.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch_all!(self, sql, QuestionRow);
        self.with_answers(rows).await
    }

    /// Every question with its answers, for the search index.
    pub async fn all_questions(&self) -> Result<Vec<StoredQuestion>, StoreError> {
        let sql = Sql::new(self.engine(), format!("{QUESTION_SELECT} ORDER BY q.id"));
        let rows = fetch_all!(self, sql, QuestionRow);
        self.with_answers(rows).await
    }

    /// How many accepted answers each person has given.
    pub async fn accepted_answers(&self) -> Result<Vec<(Uid, u32)>, StoreError> {
        let rows: Vec<(Uuid, i64)> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT p.uid, count(*) FROM answers a JOIN people p ON p.id = a.person_id \
                 WHERE a.accepted = 1 GROUP BY p.uid",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(uid, n)| (Uid::from_uuid(uid), u32::try_from(n).unwrap_or(u32::MAX)))
            .collect())
    }

    async fn with_answers(
        &self,
        rows: Vec<QuestionRow>,
    ) -> Result<Vec<StoredQuestion>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let sql = Sql::new(
            self.engine(),
            format!(
                "SELECT a.id, a.question_id, a.uid, p.uid AS person_uid, a.language, a.body, \
                 a.accepted, a.created_at FROM answers a JOIN people p ON p.id = a.person_id \
                 WHERE a.question_id IN {} ORDER BY a.question_id, a.id",
                keys(&ids)
            ),
        );
        let answers = fetch_all!(self, sql, AnswerRow);
        let mut by_question: HashMap<i64, Vec<StoredAnswer>> = HashMap::new();
        for row in answers {
            let question = row.question_id;
            by_question
                .entry(question)
                .or_default()
                .push(row.into_answer()?);
        }
        rows.into_iter()
            .map(|row| {
                let answers = by_question.remove(&row.id).unwrap_or_default();
                row.into_question(answers)
            })
            .collect()
    }
}

impl BulkWriter {
    pub async fn insert_lesson(
        &mut self,
        lesson: &Lesson<Uid>,
        owner: Option<Uid>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO lessons (uid, owner_id, language, title, practice, adaptation, context, \
                 result, country, sectors, technology_id, program_id, visibility, created_at, updated_at) \
                 VALUES ($1, (SELECT id FROM organizations WHERE uid = $2), $3, $4, $5, $6, $7, $8, $9, \
                 $10, (SELECT id FROM offers WHERE uid = $11), (SELECT id FROM programs WHERE uid = $12), \
                 $13, $14, $14)",
            )
            .bind(uid.uuid())
            .bind(owner.map(|o| o.uuid()))
            .bind(lesson.language.to_string())
            .bind(lesson.title.as_str())
            .bind(lesson.practice.as_str())
            .bind(lesson.adaptation.as_str())
            .bind(lesson.context.as_ref().map(|t| t.as_str().to_owned()))
            .bind(lesson.result.as_ref().map(|t| t.as_str().to_owned()))
            .bind(lesson.country.map(|c| c.to_string()))
            .bind(texts(&lesson.sectors))
            .bind(lesson.technology.map(|t| t.uuid()))
            .bind(lesson.program.map(|p| p.uuid()))
            .bind(lesson.visibility.as_str())
            .bind(now)
            .execute(&mut **conn)
            .await?;
        });
        self.set_lesson_people(uid, &lesson.people).await?;
        Ok(uid)
    }

    pub async fn update_lesson(
        &mut self,
        uid: Uid,
        lesson: &Lesson<Uid>,
    ) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "UPDATE lessons SET language = $2, title = $3, practice = $4, adaptation = $5, \
                 context = $6, result = $7, country = $8, sectors = $9, \
                 technology_id = (SELECT id FROM offers WHERE uid = $10), \
                 program_id = (SELECT id FROM programs WHERE uid = $11), visibility = $12, \
                 updated_at = $13 WHERE uid = $1",
            )
            .bind(uid.uuid())
            .bind(lesson.language.to_string())
            .bind(lesson.title.as_str())
            .bind(lesson.practice.as_str())
            .bind(lesson.adaptation.as_str())
            .bind(lesson.context.as_ref().map(|t| t.as_str().to_owned()))
            .bind(lesson.result.as_ref().map(|t| t.as_str().to_owned()))
            .bind(lesson.country.map(|c| c.to_string()))
            .bind(texts(&lesson.sectors))
            .bind(lesson.technology.map(|t| t.uuid()))
            .bind(lesson.program.map(|p| p.uuid()))
            .bind(lesson.visibility.as_str())
            .bind(DbTime(Timestamp::now()))
            .execute(&mut **conn)
            .await?
            .rows_affected()
        });
        if done == 1 {
            self.set_lesson_people(uid, &lesson.people).await?;
        }
        Ok(done == 1)
    }

    async fn set_lesson_people(&mut self, lesson: Uid, people: &[Uid]) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "DELETE FROM lesson_people WHERE lesson_id = (SELECT id FROM lessons WHERE uid = $1)",
            )
            .bind(lesson.uuid())
            .execute(&mut **conn)
            .await?;
        });
        for person in people {
            on_tx!(&mut self.tx, conn => {
                sqlx::query(
                    "INSERT INTO lesson_people (lesson_id, person_id) VALUES \
                     ((SELECT id FROM lessons WHERE uid = $1), (SELECT id FROM people WHERE uid = $2))",
                )
                .bind(lesson.uuid())
                .bind(person.uuid())
                .execute(&mut **conn)
                .await?;
            });
        }
        Ok(())
    }

    /// Puts a lesson's text in another language, in place of any it had.
    pub async fn put_lesson_translation(
        &mut self,
        lesson: Uid,
        translation: &LessonTranslation,
    ) -> Result<bool, StoreError> {
        let now = DbTime(Timestamp::now());
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "DELETE FROM lesson_translations \
                 WHERE lesson_id = (SELECT id FROM lessons WHERE uid = $1) AND language = $2",
            )
            .bind(lesson.uuid())
            .bind(translation.language.to_string())
            .execute(&mut **conn)
            .await?;
            let done = sqlx::query(
                "INSERT INTO lesson_translations (lesson_id, language, status, title, practice, \
                 adaptation, context, result, updated_at) \
                 SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM lessons WHERE uid = $1",
            )
            .bind(lesson.uuid())
            .bind(translation.language.to_string())
            .bind(translation.status.as_str())
            .bind(translation.title.as_str())
            .bind(translation.practice.as_str())
            .bind(translation.adaptation.as_str())
            .bind(translation.context.as_ref().map(|t| t.as_str().to_owned()))
            .bind(translation.result.as_ref().map(|t| t.as_str().to_owned()))
            .bind(now)
            .execute(&mut **conn)
            .await?
            .rows_affected();
            sqlx::query("UPDATE lessons SET updated_at = $2 WHERE uid = $1")
                .bind(lesson.uuid())
                .bind(now)
                .execute(&mut **conn)
                .await?;
            done
        });
        Ok(done == 1)
    }

    /// Removes a lesson's text in `language`; `false` if it had none.
    pub async fn remove_lesson_translation(
        &mut self,
        lesson: Uid,
        language: LanguageCode,
    ) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "DELETE FROM lesson_translations \
                 WHERE lesson_id = (SELECT id FROM lessons WHERE uid = $1) AND language = $2",
            )
            .bind(lesson.uuid())
            .bind(language.to_string())
            .execute(&mut **conn)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    pub async fn delete_lesson(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query("DELETE FROM lessons WHERE uid = $1")
                .bind(uid.uuid())
                .execute(&mut **conn)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    pub async fn insert_question(
        &mut self,
        question: &Question<Uid>,
        asked_by: Uid,
        owner: Option<Uid>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO questions (uid, owner_id, asked_by_id, language, title, body, country, \
                 sectors, visibility, created_at, updated_at) \
                 VALUES ($1, (SELECT id FROM organizations WHERE uid = $2), \
                 (SELECT id FROM people WHERE uid = $3), $4, $5, $6, $7, $8, $9, $10, $10)",
            )
            .bind(uid.uuid())
            .bind(owner.map(|o| o.uuid()))
            .bind(asked_by.uuid())
            .bind(question.language.to_string())
            .bind(question.title.as_str())
            .bind(question.body.as_ref().map(|t| t.as_str().to_owned()))
            .bind(question.country.map(|c| c.to_string()))
            .bind(texts(&question.sectors))
            .bind(question.visibility.as_str())
            .bind(now)
            .execute(&mut **conn)
            .await?;
        });
        Ok(uid)
    }

    pub async fn delete_question(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query("DELETE FROM questions WHERE uid = $1")
                .bind(uid.uuid())
                .execute(&mut **conn)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// Adds an answer, and marks the question active now.
    pub async fn insert_answer(
        &mut self,
        question: Uid,
        by: Uid,
        answer: &Answer<Uid>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO answers (uid, question_id, person_id, language, body, accepted, created_at) \
                 VALUES ($1, (SELECT id FROM questions WHERE uid = $2), \
                 (SELECT id FROM people WHERE uid = $3), $4, $5, 0, $6)",
            )
            .bind(uid.uuid())
            .bind(question.uuid())
            .bind(by.uuid())
            .bind(answer.language.to_string())
            .bind(answer.body.as_str())
            .bind(now)
            .execute(&mut **conn)
            .await?;
            sqlx::query("UPDATE questions SET updated_at = $2 WHERE uid = $1")
                .bind(question.uuid())
                .bind(now)
                .execute(&mut **conn)
                .await?;
        });
        Ok(uid)
    }

    /// Makes `answer` the accepted answer of `question` (and no other);
    /// `false` if the answer is not one of the question's.
    pub async fn accept_answer(&mut self, question: Uid, answer: Uid) -> Result<bool, StoreError> {
        let now = DbTime(Timestamp::now());
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "UPDATE answers SET accepted = 0 \
                 WHERE question_id = (SELECT id FROM questions WHERE uid = $1) AND accepted = 1",
            )
            .bind(question.uuid())
            .execute(&mut **conn)
            .await?;
            let done = sqlx::query(
                "UPDATE answers SET accepted = 1 \
                 WHERE uid = $2 AND question_id = (SELECT id FROM questions WHERE uid = $1)",
            )
            .bind(question.uuid())
            .bind(answer.uuid())
            .execute(&mut **conn)
            .await?
            .rows_affected();
            sqlx::query("UPDATE questions SET updated_at = $2 WHERE uid = $1")
                .bind(question.uuid())
                .bind(now)
                .execute(&mut **conn)
                .await?;
            done
        });
        Ok(done == 1)
    }
}
