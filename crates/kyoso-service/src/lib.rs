//! kyoso's use cases: importing and exporting records, filling a database
//! with the demonstration network, checking a database. The CLI and the web
//! application both call these; they only translate input and render output.
//!
//! Work that reads or writes files runs on a blocking thread and talks to the
//! async store through a small bounded channel, so that parsing and writing
//! overlap and memory stays bounded.

#![forbid(unsafe_code)]

pub mod access;
pub mod access_table;
pub mod accounts;
pub mod aftercare;
pub mod assignment;
mod demo;
mod enrolments;
mod error;
pub mod events;
mod exchange;
mod feed;
mod kept;
pub mod knowledge;
mod kyoso;
pub mod matching;
pub mod network;
pub mod programs;
mod progress;
pub mod protection;
mod references;
pub mod registry;
pub mod search;
pub mod words;

pub use access::{Action, Caller, Decision, Resource};
pub use demo::{DemoOptions, DemoSummary};
pub use error::ServiceError;
pub use exchange::{ExportSummary, ImportOptions, ImportOutcome, Records};
pub use kyoso::{Clock, Kyoso, WarmUp, redact_url};
pub use progress::{NoProgress, Progress, Stage, Unit};
