//! Any bytes, read as a file of lessons learned, and as a question's and
//! an answer's JSON object: errors are fine, panics are not.
#![no_main]

use std::io::Cursor;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    for item in kyoso_exchange::LessonReader::new(Cursor::new(data.to_vec())) {
        if item.is_err() {
            break;
        }
    }
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(data)
    else {
        return;
    };
    if let Ok(question) = kyoso_exchange::question_from_json(object.clone(), 1) {
        assert!(question.check().is_ok());
    }
    let _ = kyoso_exchange::answer_from_json(object, 1);
});
