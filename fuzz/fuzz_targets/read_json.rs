//! Any bytes, read as a JSON file (array or lines) of records.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::read_every_kind(data, kyoso_exchange::Format::Json);
});
