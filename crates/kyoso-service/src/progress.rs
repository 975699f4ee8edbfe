/// Where long jobs report how far they are. The CLI draws a bar; tests and
/// the web ignore it.
pub trait Progress: Send + Sync {
    /// A stage begins; `total` is in the stage's unit if known.
    fn start(&self, stage: Stage<'_>, total: Option<u64>);
    /// `done` units of the current stage are finished.
    fn set(&self, done: u64);
    fn finish(&self);
}

/// What a long job is doing, for the one who shows it to name in the
/// reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage<'a> {
    /// Reading a file into `table` ("people", "programs", ...).
    Importing { table: &'a str, unit: Unit },
    /// Writing the records of `table`, counted in records.
    Exporting { table: &'a str },
    /// Making the demonstration's records of `table`, counted in records.
    Generating { table: &'a str },
    /// Work the caller named itself, already in the reader's language.
    Named(&'a str),
}

/// What a stage counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Bytes,
    Rows,
}

/// Progress that goes nowhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _stage: Stage<'_>, _total: Option<u64>) {}
    fn set(&self, _done: u64) {}
    fn finish(&self) {}
}
