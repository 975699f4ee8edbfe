//! Any bytes, read as a CSV file of people, organizations, ties or events: errors
//! are fine, panics are not.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Give most inputs a valid header so that the fuzzer reaches the rows.
    let mut input = b"id,external_id,name_latin,name_native,languages,skills,sectors,org_type,kind,from,to,to_type,start,end,strength,event,place,organizer\n".to_vec();
    input.extend_from_slice(data);
    common::read_every_kind(&input, kyoso_exchange::Format::Csv);
    common::read_every_kind(data, kyoso_exchange::Format::Csv);
});
