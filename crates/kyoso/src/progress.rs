use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kyoso_service::{Progress, Stage, Unit};

use crate::say::{lang, say};

/// A progress bar on standard error when it is a terminal; nothing when the
/// output is piped or `--quiet` is given.
pub(crate) struct Bar {
    bar: ProgressBar,
    bytes: std::sync::atomic::AtomicBool,
}

impl Bar {
    pub(crate) fn new(quiet: bool) -> Bar {
        let target = if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        Bar {
            bar: ProgressBar::with_draw_target(None, target),
            bytes: false.into(),
        }
    }
}

impl Progress for Bar {
    fn start(&self, stage: Stage<'_>, total: Option<u64>) {
        let bytes = matches!(
            stage,
            Stage::Importing {
                unit: Unit::Bytes,
                ..
            }
        );
        self.bytes
            .store(bytes, std::sync::atomic::Ordering::Relaxed);
        let left = say!("cli-progress-eta", eta = "{eta}");
        let template = if total.is_none() {
            // Nothing to count: a spinner and the time taken.
            "{spinner} {msg} ({elapsed})".to_owned()
        } else if bytes {
            format!(
                "{{msg:>18}} [{{bar:30}}] {{bytes}}/{{total_bytes}} ({{bytes_per_sec}}, {left})"
            )
        } else {
            format!("{{msg:>18}} [{{bar:30}}] {{human_pos}}/{{human_len}} ({{per_sec}}, {left})")
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.reset();
        self.bar.set_length(total.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.set_message(message(stage));
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn set(&self, done: u64) {
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// What a stage is called, in the reader's language.
fn message(stage: Stage<'_>) -> String {
    let table = |table: &str| lang().text(&format!("cli-table-{table}")).to_owned();
    match stage {
        Stage::Importing { table: t, .. } => say!("cli-progress-importing", table = &table(t)),
        Stage::Exporting { table: t } => say!("cli-progress-exporting", table = &table(t)),
        Stage::Generating { table: t } => table(t),
        Stage::Named(text) => text.to_owned(),
    }
}
