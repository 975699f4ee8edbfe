//! Filling a database with the demonstration network.

use std::sync::Arc;

use kyoso_demo::Demo;
use kyoso_domain::BulkSummary;
use kyoso_domain::Counts;
use kyoso_domain::{Journey, JourneyAction, Text};
use kyoso_store::{BulkOptions, Table};
use serde::Serialize;
use tokio::sync::mpsc;

use crate::Kyoso;
use crate::progress::Stage;
use crate::{Progress, ServiceError};

/// People generated and written at a time.
const BATCH: u64 = 10_000;

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub people: u64,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            people: 5_000,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DemoSummary {
    pub organizations: BulkSummary,
    pub people: BulkSummary,
    pub ties: BulkSummary,
    pub counts: Counts,
}

impl Kyoso {
    /// Writes the demonstration network. Writing it again with the same
    /// options changes nothing; into an empty database it takes the fast path.
    pub async fn demo(
        &self,
        options: DemoOptions,
        progress: &dyn Progress,
    ) -> Result<DemoSummary, ServiceError> {
        let store = &self.store;
        let started = std::time::Instant::now();
        let demo = Arc::new(Demo::new(options.people, options.seed));
        let fast = BulkOptions {
            fast_empty_load: true,
            ..BulkOptions::default()
        };
        let organizations = {
            let mut writer = store.bulk(Table::Organizations, fast).await?;
            let mut errors = writer.write_organizations(demo.organizations()).await?;
            errors.extend(writer.resolve_deferred().await?);
            refuse_errors(&errors)?;
            self.commit(writer).await?
        };

        tracing::info!(elapsed = ?started.elapsed(), "organizations written");
        let people = {
            progress.start(Stage::Generating { table: "people" }, Some(options.people));
            let mut writer = store.bulk(Table::People, fast).await?;
            let mut batches = generate(demo.clone(), Demo::person);
            let mut done = 0;
            while let Some(batch) = batches.recv().await {
                done += batch.len() as u64;
                refuse_errors(&writer.write_people(batch).await?)?;
                progress.set(done);
            }
            let summary = self.commit(writer).await?;
            progress.finish();
            summary
        };

        tracing::info!(elapsed = ?started.elapsed(), "people written");
        {
            let mut writer = store.bulk(Table::Events, BulkOptions::default()).await?;
            refuse_errors(&writer.write_events(demo.events()).await?)?;
            self.commit(writer).await?;
        }
        let ties = {
            progress.start(Stage::Generating { table: "ties" }, Some(options.people));
            let mut writer = store.bulk(Table::Ties, fast).await?;
            writer.preload_references(Table::People).await?;
            writer.preload_references(Table::Organizations).await?;
            writer.preload_references(Table::Events).await?;
            refuse_errors(&writer.write_ties(demo.organization_ties()).await?)?;
            let mut batches = generate(demo.clone(), Demo::ties_of);
            let mut done = 0;
            while let Some(batch) = batches.recv().await {
                done += batch.len() as u64;
                let ties = batch.into_iter().flatten().collect();
                refuse_errors(&writer.write_ties(ties).await?)?;
                progress.set(done);
            }
            let summary = self.commit(writer).await?;
            progress.finish();
            summary
        };
        tracing::info!(elapsed = ?started.elapsed(), "ties written");
        let participations = self.write_programs(&demo).await?;
        tracing::info!(elapsed = ?started.elapsed(), participations, "programs written");
        self.write_matching(options.people).await?;
        tracing::info!(elapsed = ?started.elapsed(), "needs and offers written");
        self.write_knowledge(options.people).await?;
        tracing::info!(elapsed = ?started.elapsed(), "lessons and questions written");
        // JICA, the agency behind the whole of Japan's cooperation, introduces
        // nobody by itself at any size of demo: an administrator's flag, as
        // AOTS is a hub by its number of alumni.
        const ORGANIZATION: &[kyoso_domain::RecordKind] = &[kyoso_domain::RecordKind::Organization];
        if let Ok((_, jica)) = self.find(&crate::Caller::Cli, ORGANIZATION, "JICA").await {
            self.flag_hub(&crate::Caller::Cli, jica, true).await?;
        }
        Ok(DemoSummary {
            organizations,
            people,
            ties,
            counts: store.counts().await?,
        })
    }
}

impl Kyoso {
    /// Records the demonstration's lessons learned and questions with their
    /// answers (once), through the same readers and use cases as the API.
    async fn write_knowledge(&self, people: u64) -> Result<(), ServiceError> {
        // The questions name the first demo people.
        if people < 10 || !self.store.all_lessons().await?.is_empty() {
            return Ok(());
        }
        let broken = |what: &str, error: String| {
            ServiceError::Failed(format!("the demo's {what} is broken: {error}"))
        };
        let object = |value: &serde_json::Value| value.as_object().cloned().unwrap_or_default();
        let knowledge: serde_json::Value = serde_json::from_str(kyoso_demo::KNOWLEDGE)
            .map_err(|e| broken("knowledge", e.to_string()))?;
        let cli = crate::Caller::Cli;
        for lesson in knowledge["lessons"].as_array().into_iter().flatten() {
            let lesson = kyoso_exchange::lesson_from_json(object(lesson), 0)
                .map_err(|e| broken("lesson", format!("{e:?}")))?;
            self.create_lesson(&cli, lesson).await?;
        }
        for item in knowledge["questions"].as_array().into_iter().flatten() {
            let question = kyoso_exchange::question_from_json(object(&item["question"]), 0)
                .map_err(|e| broken("question", format!("{e:?}")))?;
            let mut asked = self.ask(&cli, question).await?;
            for answer in item["answers"].as_array().into_iter().flatten() {
                let accepted = answer["accepted"].as_bool().unwrap_or(false);
                let mut fields = object(answer);
                fields.remove("accepted");
                let answer = kyoso_exchange::answer_from_json(fields, 0)
                    .map_err(|e| broken("answer", format!("{e:?}")))?;
                asked = self.answer(&cli, asked.uid, answer).await?;
                if accepted && let Some(last) = asked.answers.last() {
                    asked = self.accept_answer(&cli, asked.uid, last.uid).await?;
                }
            }
        }
        Ok(())
    }
}

/// Above this many people the demo proposes no introductions: ranking
/// would first read and index them all, which `kyoso serve` does anyway.
const DEMO_PIPELINE_UP_TO: u64 = 200_000;

impl Kyoso {
    /// Posts the demonstration's needs and offers (once), and for the first
    /// need asks for introductions to its best candidates and moves them along,
    /// so that the pipeline has something to show.
    async fn write_matching(&self, people: u64) -> Result<(), ServiceError> {
        let store = &self.store;

        let today = self.today();
        let needs = kyoso_demo::matching::needs(today);
        let first_title = needs.first().map(|n| n.title.clone());
        let everything = kyoso_store::ReadScope {
            everything: true,
            ..kyoso_store::ReadScope::default()
        };
        let filter = kyoso_domain::NeedFilter {
            text: first_title,
            ..kyoso_domain::NeedFilter::default()
        };
        if !store.needs(&filter, &everything, 1).await?.is_empty() {
            return Ok(());
        }
        let cli = crate::Caller::Cli;
        for offer in kyoso_demo::matching::offers() {
            self.create_offer(&cli, offer).await?;
        }
        let mut posted = Vec::new();
        for need in needs {
            posted.push(self.post_need(&cli, need).await?);
        }
        let Some(first) = posted.first().filter(|_| people <= DEMO_PIPELINE_UP_TO) else {
            return Ok(());
        };
        let ranking = self.rank(&cli, first.uid, 3, Default::default()).await?;
        let moves: [&[kyoso_domain::MatchStatus]; 2] = [
            &[
                kyoso_domain::MatchStatus::Introduced,
                kyoso_domain::MatchStatus::Accepted,
                kyoso_domain::MatchStatus::Collaborating,
            ],
            &[kyoso_domain::MatchStatus::Introduced],
        ];
        for (candidate, steps) in ranking.candidates.iter().zip(moves) {
            let proposed = self
                .propose(&cli, first.uid, candidate.candidate.uid)
                .await?;
            for &to in steps {
                let step = kyoso_domain::MatchMove {
                    to,
                    outcome: None,
                    note: None,
                };
                self.move_match(&cli, proposed.uid, step).await?;
            }
        }
        Ok(())
    }

    /// Writes the demonstration programs, their cohorts and participants'
    /// journeys, with the ties they imply, in one transaction. Returns how many
    /// participations were written (none when they are there already).
    async fn write_programs(&self, demo: &Arc<Demo>) -> Result<u64, ServiceError> {
        let store = &self.store;
        let generator = demo.clone();
        let programs = tokio::task::spawn_blocking(move || generator.programs())
            .await
            .map_err(|e| ServiceError::Failed(e.to_string()))?;
        let Some(first) = programs.first().and_then(|p| p.program.uid) else {
            return Ok(0);
        };
        if store.program(first).await?.is_some() {
            return Ok(0);
        }
        let refused = |errors: Vec<kyoso_domain::RowError>| refuse_errors(&errors);
        let by = Text::line("kyoso:demo", 20).map_err(|e| ServiceError::Failed(e.to_string()))?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let mut written = 0;
        for demo_program in programs {
            let uid = match writer.write_program(demo_program.program).await? {
                Ok(uid) => uid,
                Err(errors) => return refused(errors).map(|()| 0),
            };
            let program = writer
                .read_program(uid)
                .await?
                .ok_or(ServiceError::NotFound("program"))?;
            for (cohort_uid, cohort) in &demo_program.cohorts {
                if let Err(errors) = writer.write_cohort(Some(*cohort_uid), cohort).await? {
                    return refused(errors).map(|()| 0);
                }
            }
            for part in demo_program.participations {
                let uid = match writer
                    .add_participation(part.participation, part.applied_on)
                    .await?
                {
                    Ok(uid) => uid,
                    Err(errors) => return refused(errors).map(|()| 0),
                };
                let mut journey = Journey::default();
                for (to, on) in part.moves {
                    let entry = journey
                        .record(JourneyAction::Move { to }, on, by.clone(), None)
                        .map_err(|e| ServiceError::Failed(format!("demo journey: {e}")))?
                        .clone();
                    writer
                        .append_journey_entry(uid, &entry, journey.state(), journey.since())
                        .await?;
                }
                for placement in &part.placements {
                    if let Err(errors) = writer.add_placement(uid, placement).await? {
                        return refused(errors).map(|()| 0);
                    }
                }
                let stored = writer
                    .read_participation(uid)
                    .await?
                    .ok_or(ServiceError::NotFound("participation"))?;
                let implied =
                    crate::programs::implied_tie(&program, &stored.stored.record, &journey);
                crate::programs::settle_implied_tie(
                    &mut writer,
                    uid,
                    implied,
                    program.owner.as_ref(),
                )
                .await?;
                if let Some(outcome) = &part.outcome {
                    let outcome_uid = match writer.add_outcome(uid, outcome, by.as_str()).await? {
                        Ok(outcome_uid) => outcome_uid,
                        Err(errors) => return refused(errors).map(|()| 0),
                    };
                    crate::aftercare::write_outcome_tie(
                        &mut writer,
                        outcome_uid,
                        stored.stored.record.person.uid,
                        outcome,
                        program.owner.as_ref(),
                    )
                    .await?;
                }
                written += 1;
            }
        }
        self.commit(writer).await?;
        Ok(written)
    }
}

/// Generates the items for every person on a blocking thread, a batch at a
/// time, so that generating the next batch overlaps writing this one.
fn generate<T: Send + 'static>(
    demo: Arc<Demo>,
    make: fn(&Demo, u64) -> T,
) -> mpsc::Receiver<Vec<T>> {
    let (sender, receiver) = mpsc::channel(2);
    tokio::task::spawn_blocking(move || {
        let people = demo.people();
        let mut start = 0;
        while start < people {
            let end = (start + BATCH).min(people);
            let batch = (start..end).map(|i| make(&demo, i)).collect();
            if sender.blocking_send(batch).is_err() {
                return;
            }
            start = end;
        }
    });
    receiver
}

/// The demo's own records must all be accepted; a refusal is a defect.
fn refuse_errors(errors: &[kyoso_domain::RowError]) -> Result<(), ServiceError> {
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(ServiceError::Failed(format!(
            "the demonstration network was refused ({} errors), first: line {} {}: {}",
            errors.len(),
            first.line,
            first.field.as_deref().unwrap_or("-"),
            first.message
        ))),
    }
}
