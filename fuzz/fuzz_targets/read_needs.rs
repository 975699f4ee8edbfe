//! Any bytes, read as a need's or an offer's JSON object (the API's
//! bodies): errors are fine, panics are not, and what is read keeps the
//! rules that join its fields.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(data)
    else {
        return;
    };
    if let Ok(need) = kyoso_exchange::need_from_json(object.clone(), 1) {
        assert!(need.check().is_ok());
        assert!(need.languages.len() <= 6);
    }
    if let Ok(offer) = kyoso_exchange::offer_from_json(object, 1) {
        assert!(offer.check().is_ok());
    }
});
