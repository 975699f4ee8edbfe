use std::io::Cursor;

use kyoso_domain::{
    Enrolment, Event, Need, Offer, Organization, Person, RecordRef, Text, Tie, Timestamp,
};
use kyoso_exchange::{Defaults, Format, Reader, Record};

fn read_all<T: Record>(data: &[u8], format: Format) {
    let defaults = Defaults {
        owner: None,
        asserted_by: Text::line("fuzz", 10).expect("valid"),
        asserted_at: Timestamp::now(),
    };
    if let Ok(reader) = Reader::<T>::new(Cursor::new(data.to_vec()), format, defaults) {
        for item in reader {
            if item.is_err() {
                break;
            }
        }
    }
}

/// Reads `data` as every kind of record file.
pub fn read_every_kind(data: &[u8], format: Format) {
    read_all::<Person>(data, format);
    read_all::<Organization<RecordRef>>(data, format);
    read_all::<Tie<RecordRef>>(data, format);
    read_all::<Event<RecordRef>>(data, format);
    read_all::<Enrolment<RecordRef>>(data, format);
    read_all::<Need<Option<RecordRef>>>(data, format);
    read_all::<Offer<Option<RecordRef>>>(data, format);
    if format == Format::Json {
        for item in kyoso_exchange::ProgramReader::new(Cursor::new(data.to_vec())) {
            if item.is_err() {
                break;
            }
        }
    }
}
