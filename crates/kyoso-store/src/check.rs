//! placeholder
#[derive(Debug)]
pub struct CheckReport;
