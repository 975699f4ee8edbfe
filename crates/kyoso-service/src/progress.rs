/// Where long jobs report how far they are. The CLI draws a bar; tests and
/// the web ignore it.
pub trait Progress: Send + Sync {
    /// A stage begins; `total` is in the stage's unit (bytes, rows) if known.
    fn start(&self, stage: &str, total: Option<u64>);
    /// `done` units of the current stage are finished.
    fn set(&self, done: u64);
    fn finish(&self);
}

/// Progress that goes nowhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _stage: &str, _total: Option<u64>) {}
    fn set(&self, _done: u64) {}
    fn finish(&self) {}
}
