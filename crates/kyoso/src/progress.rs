use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kyoso_service::Progress;

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
    fn start(&self, stage: &str, total: Option<u64>) {
        let bytes = stage.starts_with("importing");
        self.bytes
            .store(bytes, std::sync::atomic::Ordering::Relaxed);
        let template = if total.is_none() {
            // Nothing to count: a spinner and the time taken.
            "{spinner} {msg} ({elapsed})"
        } else if bytes {
            "{msg:>18} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)"
        } else {
            "{msg:>18} [{bar:30}] {human_pos}/{human_len} ({per_sec}, {eta} left)"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.reset();
        self.bar.set_length(total.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.set_message(stage.to_owned());
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn set(&self, done: u64) {
        self.bar.set_position(done);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
