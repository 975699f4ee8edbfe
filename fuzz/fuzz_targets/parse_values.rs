//! Any text, given to every value parser that takes outside input.
#![no_main]

use kyoso_domain::{
    CountryCode, Currency, Email, ExternalId, Journey, LanguageSkill, OrganisationType,
    PartialDate, Phone, RecordRef, SdgTarget, SectorCode, Skill, Strength, Text, Timestamp, Uid,
    WebAddress,
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
    let _ = SdgTarget::parse(s).map(|t| t.to_string());
    let _ = Currency::parse(s);
    if let Ok(by) = Text::line("fuzz", 10) {
        // A journey read from a file writes back the same line.
        if let Ok(journey) = Journey::from_line(s, &by) {
            let line = journey.to_line();
            let again = Journey::from_line(&line, &by).map(|j| j.to_line());
            assert_eq!(again.as_deref(), Ok(line.as_str()), "a journey line reads back");
        }
    }
});
