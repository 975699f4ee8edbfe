//! Normal forms of text: what two spellings of one word have in common.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::Script;

/// NFKC (full-width Latin and half-width kana become their usual forms),
/// lower case, katakana as hiragana.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        for lower in c.to_lowercase() {
            out.push(katakana_to_hiragana(lower));
        }
    }
    out
}

/// Drops the marks of Latin letters, so that Vietnamese typed without them
/// meets the text written with them: "bôi trơn" → "boi tron", "đ" → "d".
/// Text in other scripts is returned as it is (Thai vowels and Japanese
/// voicing marks are letters' parts, not decoration).
pub fn fold_marks(word: &str) -> String {
    if word.is_ascii() {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c)
            && out
                .chars()
                .last()
                .is_some_and(|last| script_of(last) == Script::Latin)
        {
            continue;
        }
        out.push(match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        });
    }
    out.nfc().collect()
}

fn katakana_to_hiragana(c: char) -> char {
    // ァ (U+30A1) to ヶ (U+30F6) sit 0x60 above their hiragana.
    if ('\u{30A1}'..='\u{30F6}').contains(&c) {
        char::from_u32(c as u32 - 0x60).unwrap_or(c)
    } else {
        c
    }
}

/// The script of one character, as analysis treats it.
pub fn script_of(c: char) -> Script {
    match c as u32 {
        0x0E00..=0x0E7F => Script::Thai,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => {
            Script::Cjk
        }
        _ => Script::Latin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_cases_and_kana_meet() {
        assert_eq!(normalize("ＣＮＣ旋盤"), "cnc旋盤");
        assert_eq!(normalize("ﾌｫｰｸﾘﾌﾄ"), normalize("フォークリフト"));
        assert_eq!(normalize("フォークリフト"), "ふぉーくりふと");
        assert_eq!(normalize("Welding"), "welding");
    }

    #[test]
    fn vietnamese_marks_fold_and_other_scripts_keep_theirs() {
        assert_eq!(fold_marks("bôi trơn"), "boi tron");
        assert_eq!(fold_marks("đào tạo"), "dao tao");
        assert_eq!(fold_marks("Hàn Quốc"), "Han Quoc");
        assert_eq!(fold_marks("การหล่อลื่น"), "การหล่อลื่น");
        assert_eq!(fold_marks("が"), "が");
    }
}
