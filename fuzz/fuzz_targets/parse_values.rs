//! Any text, given to every value parser that takes outside input.
#![no_main]

use kyoso_domain::{
    CountryCode, Email, ExternalId, LanguageSkill, OrganisationType, PartialDate, Phone, RecordRef,
    SectorCode, Skill, Strength, Text, Timestamp, Uid, WebAddress,
};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = CountryCode::parse(s);
    let _ = SectorCode::parse(s);
    let _ = OrganisationType::parse(s);
    let _ = LanguageSkill::parse(s);
    let _ = PartialDate::parse(s).map(|d| (d.first_day(), d.last_day(), d.to_string()));
    let _ = Timestamp::parse(s).map(|t| t.to_string());
    let _ = Email::parse(s);
    let _ = Phone::parse(s);
    let _ = WebAddress::parse(s);
    let _ = Skill::parse(s);
    let _ = Strength::parse(s);
    let _ = Uid::parse(s);
    let _ = ExternalId::parse(s);
    let _ = RecordRef::parse(s);
    let _ = Text::line(s, 200);
    let _ = Text::multiline(s, 4000);
});
