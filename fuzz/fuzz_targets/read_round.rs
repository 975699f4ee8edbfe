//! Any bytes, read as an assignment round: errors are fine, panics are not.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Give most inputs a valid header so that the fuzzer reaches the rows.
    let mut input = b"participant,host,score,capacity,participant_preference,host_preference,country,gender\n".to_vec();
    input.extend_from_slice(data);
    for bytes in [&input[..], data] {
        if let Ok(Ok(round)) = kyoso_exchange::read_round(bytes) {
            assert!(round.pairs.iter().all(|p| (p.participant as usize) < round.participants.len()
                && (p.host as usize) < round.hosts.len()));
        }
    }
});
