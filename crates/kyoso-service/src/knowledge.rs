//! Knowledge: lessons learned, kept by an organization's officers, and
//! questions to the network, which members ask, answer and settle by
//! accepting an answer. Every read and write asks [`crate::access`]; every
//! write is audited and reaches the search index through the change feed.

use kyoso_domain::{
    AuditAction, LanguageCode, Lesson, LessonTranslation, Question, RecordKind, RecordRef,
    StoredLesson, StoredQuestion, Uid,
};
use std::io::Write as _;

use kyoso_store::{BulkOptions, Table};

pub use kyoso_domain::Answer;
pub use kyoso_store::LessonFilter;

use crate::access::{Action, Resource, require};
use crate::programs::{Change, audit};
use crate::registry::{json, not_found};
use crate::{Caller, Kyoso, ServiceError};

/// Most records a list answers with.
pub const MAX_LIST: i64 = 500;

fn invalid(field: &str, message: impl Into<String>) -> ServiceError {
    ServiceError::Invalid {
        field: Some(field.into()),
        message: message.into(),
    }
}

fn signed_in(caller: &Caller) -> Result<(), ServiceError> {
    match caller {
        Caller::Anonymous => Err(ServiceError::Unauthenticated),
        _ => Ok(()),
    }
}

// --- lessons ---

impl Kyoso {
    /// Commits `writer` with the audit entry of the change it holds.
    async fn commit_audited(
        &self,
        mut writer: kyoso_store::BulkWriter,
        caller: &Caller,
        change: Change,
    ) -> Result<(), ServiceError> {
        audit(&mut writer, caller, change).await?;
        self.commit(writer).await?;
        Ok(())
    }
}

/// Whether a read answered "not found": the caller may not read it.
fn readable<T>(read: Result<T, ServiceError>) -> Result<bool, ServiceError> {
    match read {
        Ok(_) => Ok(true),
        Err(ServiceError::NotFound(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

impl Kyoso {
    /// A lesson as `caller` is shown it: the people, technology and program
    /// it came from only where the caller may read them.
    async fn shown_lesson(
        &self,
        caller: &Caller,
        mut stored: StoredLesson,
    ) -> Result<StoredLesson, ServiceError> {
        if caller.is_admin() {
            return Ok(stored);
        }
        let l = &mut stored.lesson;
        let mut people = Vec::with_capacity(l.people.len());
        for &person in &l.people {
            if readable(self.person(caller, person).await)? {
                people.push(person);
            }
        }
        l.people = people;
        if let Some(offer) = l.technology
            && !readable(self.offer(caller, offer).await)?
        {
            l.technology = None;
        }
        if let Some(program) = l.program
            && !readable(self.program(caller, program).await)?
        {
            l.program = None;
        }
        Ok(stored)
    }

    /// A question as `caller` is shown it: the asker and those who answered
    /// named only where the caller may read their records.
    async fn shown_question(
        &self,
        caller: &Caller,
        mut stored: StoredQuestion,
    ) -> Result<StoredQuestion, ServiceError> {
        if caller.is_admin() {
            return Ok(stored);
        }
        if !readable(self.person(caller, stored.asked_by).await)? {
            stored.asked_by_shown = None;
        }
        for answer in &mut stored.answers {
            if !readable(self.person(caller, answer.by).await)? {
                answer.by_shown = None;
            }
        }
        Ok(stored)
    }

    /// The lesson, whole, if the caller may read it.
    async fn readable_lesson(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<StoredLesson, ServiceError> {
        let lesson = self.store.lesson(uid).await?.ok_or(not_found("lesson"))?;
        require(caller, Action::Read, &Resource::lesson(&lesson), "lesson")?;
        Ok(lesson)
    }

    pub async fn lesson(&self, caller: &Caller, uid: Uid) -> Result<StoredLesson, ServiceError> {
        let lesson = self.readable_lesson(caller, uid).await?;
        self.shown_lesson(caller, lesson).await
    }

    /// Lessons the caller may read, most recently changed first.
    pub async fn lessons(
        &self,
        caller: &Caller,
        filter: &LessonFilter,
        limit: i64,
    ) -> Result<Vec<StoredLesson>, ServiceError> {
        let found = self
            .store
            .lessons(filter, &caller.scope(), limit.clamp(1, MAX_LIST))
            .await?;
        let mut shown = Vec::with_capacity(found.len());
        for lesson in found {
            shown.push(self.shown_lesson(caller, lesson).await?);
        }
        Ok(shown)
    }

    /// The records a lesson names, each one the caller may read.
    async fn resolve_lesson(
        &self,
        caller: &Caller,
        lesson: Lesson<RecordRef>,
    ) -> Result<Lesson<Uid>, ServiceError> {
        self.check_references(caller, &lesson).await?;
        // Every key was found readable above.
        let one = |key: Option<RecordRef>, kind: RecordKind| async move {
            match key {
                Some(key) => self.find_readable(caller, kind, &key).await,
                None => Ok(None),
            }
        };
        let organization = one(lesson.organization, RecordKind::Organization).await?;
        let technology = one(lesson.technology, RecordKind::Offer).await?;
        if let Some(offer) = technology {
            let offer = self.offer(caller, offer).await?;
            if offer.offer.kind != kyoso_domain::OfferKind::Technology {
                return Err(invalid(
                    "technology",
                    "name a technology, not a partnership",
                ));
            }
        }
        let program = one(lesson.program, RecordKind::Program).await?;
        let mut people = Vec::with_capacity(lesson.people.len());
        for key in lesson.people {
            if let Some(uid) = self.find_readable(caller, RecordKind::Person, &key).await?
                && !people.contains(&uid)
            {
                people.push(uid);
            }
        }
        Ok(Lesson {
            title: lesson.title,
            language: lesson.language,
            practice: lesson.practice,
            adaptation: lesson.adaptation,
            context: lesson.context,
            result: lesson.result,
            country: lesson.country,
            sectors: lesson.sectors,
            organization,
            technology,
            program,
            people,
            visibility: lesson.visibility,
        })
    }

    /// Records a lesson for the organization it names, or the caller's own.
    pub async fn create_lesson(
        &self,
        caller: &Caller,
        lesson: Lesson<RecordRef>,
    ) -> Result<StoredLesson, ServiceError> {
        signed_in(caller)?;
        let mut lesson = self.resolve_lesson(caller, lesson).await?;
        let owner = lesson
            .organization
            .or(caller.managed_organization().map(|(_, org)| org));
        require(
            caller,
            Action::Create,
            &Resource::NewRecord { owner },
            "organization",
        )?;
        lesson.organization = owner;
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = writer.insert_lesson(&lesson, owner).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "lessons",
                record: uid,
                organization: owner,
                before: None,
                after: json(&lesson),
            },
        )
        .await?;
        let stored = self.store.lesson(uid).await?.ok_or(not_found("lesson"))?;
        self.shown_lesson(caller, stored).await
    }

    /// Changes a lesson; the organization that keeps it stays.
    pub async fn update_lesson(
        &self,
        caller: &Caller,
        uid: Uid,
        changed: Lesson<RecordRef>,
    ) -> Result<StoredLesson, ServiceError> {
        signed_in(caller)?;
        let before = self.readable_lesson(caller, uid).await?;
        require(caller, Action::Update, &Resource::lesson(&before), "lesson")?;
        let mut changed = self.resolve_lesson(caller, changed).await?;
        changed.organization = before.owner;
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.update_lesson(uid, &changed).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "lessons",
                record: uid,
                organization: before.owner,
                before: json(&before.lesson),
                after: json(&changed),
            },
        )
        .await?;
        let stored = self.store.lesson(uid).await?.ok_or(not_found("lesson"))?;
        self.shown_lesson(caller, stored).await
    }

    pub async fn delete_lesson(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        signed_in(caller)?;
        let before = self.readable_lesson(caller, uid).await?;
        require(caller, Action::Delete, &Resource::lesson(&before), "lesson")?;
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.delete_lesson(uid).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Delete,
                table: "lessons",
                record: uid,
                organization: before.owner,
                before: json(&before.lesson),
                after: None,
            },
        )
        .await?;
        Ok(())
    }
}

// --- a lesson's translations ---

impl Kyoso {
    /// Puts a lesson's text in another language (made elsewhere: kyoso
    /// never translates), in place of any it had in that language.
    pub async fn translate_lesson(
        &self,
        caller: &Caller,
        uid: Uid,
        translation: LessonTranslation,
    ) -> Result<StoredLesson, ServiceError> {
        signed_in(caller)?;
        let before = self.readable_lesson(caller, uid).await?;
        require(caller, Action::Update, &Resource::lesson(&before), "lesson")?;
        if translation.language == before.lesson.language {
            return Err(invalid(
                "language",
                "the lesson is written in this language: change the lesson itself",
            ));
        }
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.put_lesson_translation(uid, &translation).await?;
        let earlier = before
            .translations
            .iter()
            .find(|t| t.language == translation.language);
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "lessons",
                record: uid,
                organization: before.owner,
                before: earlier.and_then(json),
                after: json(&translation),
            },
        )
        .await?;
        let stored = self.store.lesson(uid).await?.ok_or(not_found("lesson"))?;
        self.shown_lesson(caller, stored).await
    }

    /// Removes a lesson's text in `language`.
    pub async fn remove_lesson_translation(
        &self,
        caller: &Caller,
        uid: Uid,
        language: LanguageCode,
    ) -> Result<StoredLesson, ServiceError> {
        signed_in(caller)?;
        let before = self.readable_lesson(caller, uid).await?;
        require(caller, Action::Update, &Resource::lesson(&before), "lesson")?;
        let Some(earlier) = before.translations.iter().find(|t| t.language == language) else {
            return Err(not_found("translation"));
        };
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.remove_lesson_translation(uid, language).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "lessons",
                record: uid,
                organization: before.owner,
                before: json(earlier),
                after: None,
            },
        )
        .await?;
        let stored = self.store.lesson(uid).await?.ok_or(not_found("lesson"))?;
        self.shown_lesson(caller, stored).await
    }
}

// --- questions and answers ---

impl Kyoso {
    pub async fn question(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<StoredQuestion, ServiceError> {
        let question = self
            .store
            .question(uid)
            .await?
            .ok_or(not_found("question"))?;
        require(
            caller,
            Action::Read,
            &Resource::question(&question),
            "question",
        )?;
        self.shown_question(caller, question).await
    }

    /// Questions the caller may read, most recently active first; `open`:
    /// only those no answer settled yet.
    pub async fn questions(
        &self,
        caller: &Caller,
        open: bool,
        limit: i64,
    ) -> Result<Vec<StoredQuestion>, ServiceError> {
        let found = self
            .store
            .questions(open, &caller.scope(), limit.clamp(1, MAX_LIST))
            .await?;
        let mut shown = Vec::with_capacity(found.len());
        for question in found {
            shown.push(self.shown_question(caller, question).await?);
        }
        Ok(shown)
    }

    /// The caller's own profile, which answers and questions are written
    /// as.
    fn own_person(caller: &Caller, field: Option<&str>) -> Result<Uid, ServiceError> {
        caller
            .user()
            .and_then(|u| u.person)
            .ok_or_else(|| ServiceError::Invalid {
                field: field.map(str::to_owned),
                message: "your account has no profile of a person to write this as".into(),
            })
    }

    /// Asks the network a question, as the caller's own profile or as a
    /// person whose record the caller keeps.
    pub async fn ask(
        &self,
        caller: &Caller,
        question: Question<RecordRef>,
    ) -> Result<StoredQuestion, ServiceError> {
        signed_in(caller)?;
        if let Err((field, error)) = question.check() {
            return Err(invalid(field, error.to_string()));
        }
        self.check_references(caller, &question).await?;
        let (asker, owner) = match &question.asked_by {
            Some(key) => self.acting_as(caller, key, "asked_by").await?,
            None => {
                let me = Self::own_person(caller, Some("asked_by"))?;
                let person = self.person(caller, me).await?;
                (me, person.owner.as_ref().map(|o| o.uid))
            }
        };
        let question = Question {
            title: question.title,
            body: question.body,
            language: question.language,
            country: question.country,
            sectors: question.sectors,
            asked_by: Some(asker),
            visibility: question.visibility,
        };
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = writer.insert_question(&question, asker, owner).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "questions",
                record: uid,
                organization: owner,
                before: None,
                after: json(&question),
            },
        )
        .await?;
        let stored = self
            .store
            .question(uid)
            .await?
            .ok_or(not_found("question"))?;
        self.shown_question(caller, stored).await
    }

    /// Answers a question, as the caller's own profile or as a person
    /// whose record the caller keeps.
    pub async fn answer(
        &self,
        caller: &Caller,
        question: Uid,
        answer: Answer<RecordRef>,
    ) -> Result<StoredQuestion, ServiceError> {
        signed_in(caller)?;
        let asked = self.question(caller, question).await?;
        self.check_references(caller, &answer).await?;
        let by = match &answer.answered_by {
            Some(key) => self.acting_as(caller, key, "answered_by").await?.0,
            None => {
                require(
                    caller,
                    Action::Create,
                    &Resource::question(&asked),
                    "question",
                )?;
                Self::own_person(caller, Some("answered_by"))?
            }
        };
        let answer = Answer {
            body: answer.body,
            language: answer.language,
            answered_by: Some(by),
        };
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = writer.insert_answer(question, by, &answer).await?;
        writer.changed("questions", Some(question)).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "answers",
                record: uid,
                organization: asked.owner,
                before: None,
                after: json(&answer),
            },
        )
        .await?;
        let stored = self
            .store
            .question(question)
            .await?
            .ok_or(not_found("question"))?;
        self.shown_question(caller, stored).await
    }

    /// The person `key` names, if the caller may write as them (their own
    /// profile, or a record their organization keeps), and its keeper.
    async fn acting_as(
        &self,
        caller: &Caller,
        key: &RecordRef,
        field: &str,
    ) -> Result<(Uid, Option<Uid>), ServiceError> {
        let uid = self
            .find_readable(caller, RecordKind::Person, key)
            .await?
            .ok_or_else(|| invalid(field, format!("no person has the id \"{key}\"")))?;
        let person = self.person(caller, uid).await?;
        if !caller.may(Action::Update, &Resource::person(&person)) {
            return Err(invalid(
                field,
                "you may write only as yourself or as a person whose record you keep",
            ));
        }
        Ok((uid, person.owner.as_ref().map(|o| o.uid)))
    }

    /// Settles a question with one of its answers.
    pub async fn accept_answer(
        &self,
        caller: &Caller,
        question: Uid,
        answer: Uid,
    ) -> Result<StoredQuestion, ServiceError> {
        signed_in(caller)?;
        let asked = self.question(caller, question).await?;
        require(
            caller,
            Action::Move,
            &Resource::question(&asked),
            "question",
        )?;
        if !asked.answers.iter().any(|a| a.uid == answer) {
            return Err(invalid("answer", "not an answer to this question"));
        }
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        if !writer.accept_answer(question, answer).await? {
            return Err(not_found("answer"));
        }
        writer.changed("questions", Some(question)).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "answers",
                record: answer,
                organization: asked.owner,
                before: None,
                after: Some(serde_json::json!({"accepted": true})),
            },
        )
        .await?;
        let stored = self
            .store
            .question(question)
            .await?
            .ok_or(not_found("question"))?;
        self.shown_question(caller, stored).await
    }

    /// Withdraws a question with its answers.
    pub async fn withdraw_question(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        signed_in(caller)?;
        let asked = self.question(caller, uid).await?;
        require(
            caller,
            Action::Delete,
            &Resource::question(&asked),
            "question",
        )?;
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.delete_question(uid).await?;
        self.commit_audited(
            writer,
            caller,
            Change {
                action: AuditAction::Delete,
                table: "questions",
                record: uid,
                organization: asked.owner,
                before: json(&asked),
                after: None,
            },
        )
        .await?;
        Ok(())
    }
}

// --- files of lessons ---

/// Makes a lesson's translations `wanted` where they were `had`.
async fn set_translations(
    writer: &mut kyoso_store::BulkWriter,
    lesson: Uid,
    had: &[LessonTranslation],
    wanted: &[LessonTranslation],
) -> Result<(), ServiceError> {
    for old in had {
        if !wanted.iter().any(|t| t.language == old.language) {
            writer
                .remove_lesson_translation(lesson, old.language)
                .await?;
        }
    }
    for translation in wanted {
        if !had.contains(translation) {
            writer.put_lesson_translation(lesson, translation).await?;
        }
    }
    Ok(())
}

/// Faults reported of a refused file, at most.
const MAX_REPORTED: usize = 1000;

impl Kyoso {
    /// Imports lessons from a JSON file, all or nothing: a row with an `id`
    /// changes that lesson, one without adds a new one, and every record a
    /// row names must exist. A file exported by [`Kyoso::export_lessons`]
    /// imports back unchanged.
    pub async fn import_lessons(
        &self,
        path: &std::path::Path,
        progress: &dyn crate::Progress,
    ) -> Result<crate::ImportOutcome, ServiceError> {
        use crate::progress::{Stage, Unit};
        let caller = Caller::Cli;
        let file = std::fs::File::open(path).map_err(|error| ServiceError::Io {
            path: path.to_owned(),
            error,
        })?;
        let owned_path = path.to_owned();
        let (rows, mut errors) = tokio::task::spawn_blocking(move || {
            let mut rows = Vec::new();
            let mut errors = Vec::new();
            for item in kyoso_exchange::LessonReader::new(file) {
                match item.map_err(|error| ServiceError::Read {
                    path: owned_path.clone(),
                    error,
                })? {
                    Ok(row) => rows.push(row),
                    Err(bad) => errors.extend(bad),
                }
            }
            Ok::<_, ServiceError>((rows, errors))
        })
        .await
        .map_err(|e| ServiceError::Failed(e.to_string()))??;
        progress.start(
            Stage::Importing {
                table: "lessons",
                unit: Unit::Rows,
            },
            Some(rows.len() as u64),
        );
        let mut summary = kyoso_domain::BulkSummary {
            received: rows.len() as u64,
            inserted: 0,
            updated: 0,
            unchanged: 0,
        };
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        for (done, (line, id, lesson, translations)) in rows.into_iter().enumerate() {
            let fault = |error: ServiceError| match error {
                ServiceError::Invalid { field, message } => kyoso_domain::RowError {
                    line,
                    field,
                    message,
                },
                other => kyoso_domain::RowError {
                    line,
                    field: None,
                    message: other.to_string(),
                },
            };
            let lesson = match self.resolve_lesson(&caller, lesson).await {
                Ok(lesson) => lesson,
                Err(error) => {
                    errors.push(fault(error));
                    continue;
                }
            };
            let before = match id {
                Some(uid) => self.store.lesson(uid).await?,
                None => None,
            };
            match (id, before) {
                (Some(uid), Some(before)) => {
                    let mut lesson = lesson;
                    lesson.organization = before.owner;
                    if lesson == before.lesson && translations == before.translations {
                        summary.unchanged += 1;
                    } else {
                        writer.update_lesson(uid, &lesson).await?;
                        set_translations(&mut writer, uid, &before.translations, &translations)
                            .await?;
                        audit(
                            &mut writer,
                            &caller,
                            Change {
                                action: AuditAction::Update,
                                table: "lessons",
                                record: uid,
                                organization: before.owner,
                                before: json(&before.lesson),
                                after: json(&lesson),
                            },
                        )
                        .await?;
                        summary.updated += 1;
                    }
                }
                (Some(_), None) => errors.push(kyoso_domain::RowError {
                    line,
                    field: Some("id".into()),
                    message: "no lesson has this id".into(),
                }),
                (None, _) => {
                    let owner = lesson.organization;
                    let uid = writer.insert_lesson(&lesson, owner).await?;
                    set_translations(&mut writer, uid, &[], &translations).await?;
                    audit(
                        &mut writer,
                        &caller,
                        Change {
                            action: AuditAction::Create,
                            table: "lessons",
                            record: uid,
                            organization: owner,
                            before: None,
                            after: json(&lesson),
                        },
                    )
                    .await?;
                    summary.inserted += 1;
                }
            }
            progress.set(done as u64 + 1);
        }
        progress.finish();
        if !errors.is_empty() {
            writer.rollback().await?;
            errors.sort_by_key(|e| e.line);
            let total = errors.len() as u64;
            errors.truncate(MAX_REPORTED);
            return Ok(crate::ImportOutcome::Rejected { errors, total });
        }
        self.commit(writer).await?;
        Ok(crate::ImportOutcome::Committed(summary))
    }

    /// Writes every lesson to `out` as a JSON array, one lesson a line.
    pub async fn export_lessons(
        &self,
        mut out: Box<dyn std::io::Write + Send>,
        progress: &dyn crate::Progress,
    ) -> Result<crate::ExportSummary, ServiceError> {
        let io_error = |error: std::io::Error| ServiceError::Io {
            path: "output".into(),
            error,
        };
        progress.start(crate::progress::Stage::Exporting { table: "lessons" }, None);
        let lessons = self.store.all_lessons().await?;
        out.write_all(b"[\n").map_err(io_error)?;
        for (at, lesson) in lessons.iter().enumerate() {
            let line = serde_json::to_string(&kyoso_exchange::lesson_to_json(lesson))
                .map_err(|e| ServiceError::Failed(e.to_string()))?;
            let separator = if at == 0 { "" } else { ",\n" };
            write!(out, "{separator}{line}").map_err(io_error)?;
            progress.set(at as u64 + 1);
        }
        out.write_all(b"\n]\n").map_err(io_error)?;
        out.flush().map_err(io_error)?;
        progress.finish();
        Ok(crate::ExportSummary {
            records: lessons.len() as u64,
        })
    }
}
