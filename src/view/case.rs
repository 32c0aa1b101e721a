//! Lower-casing by a table of its own. `char::to_lowercase` brings std's
//! Unicode case tables into the wasm, about 10 KiB of the shell's gzip; the
//! same mappings are 1,487 chars in 185 runs that share an offset, kept here.
//! A test checks every char against std's mapping and prints the table anew
//! when a Rust release moves to a newer Unicode.
//!
//! Text is lowered char by char (no final-sigma rule), the same way for an
//! index, a query and a highlight, so lengths map back onto the text.

/// Runs of chars with the same lowercase offset: (first char, how many,
/// whether they alternate with their lowercase forms so only every other
/// char is in the run, offset to the lowercase form). Sorted by first char.
#[rustfmt::skip]
const LOWERCASE_RUNS: [(u32, u8, bool, i32); 185] = [
      (0x0041, 26, false, 32),
      (0x00C0, 23, false, 32),
      (0x00D8, 7, false, 32),
      (0x0100, 24, true, 1),
      (0x0132, 3, true, 1),
      (0x0139, 8, true, 1),
      (0x014A, 23, true, 1),
      (0x0178, 1, false, -121),
      (0x0179, 3, true, 1),
      (0x0181, 1, false, 210),
      (0x0182, 2, true, 1),
      (0x0186, 1, false, 206),
      (0x0187, 1, false, 1),
      (0x0189, 2, false, 205),
      (0x018B, 1, false, 1),
      (0x018E, 1, false, 79),
      (0x018F, 1, false, 202),
      (0x0190, 1, false, 203),
      (0x0191, 1, false, 1),
      (0x0193, 1, false, 205),
      (0x0194, 1, false, 207),
      (0x0196, 1, false, 211),
      (0x0197, 1, false, 209),
      (0x0198, 1, false, 1),
      (0x019C, 1, false, 211),
      (0x019D, 1, false, 213),
      (0x019F, 1, false, 214),
      (0x01A0, 3, true, 1),
      (0x01A6, 1, false, 218),
      (0x01A7, 1, false, 1),
      (0x01A9, 1, false, 218),
      (0x01AC, 1, false, 1),
      (0x01AE, 1, false, 218),
      (0x01AF, 1, false, 1),
      (0x01B1, 2, false, 217),
      (0x01B3, 2, true, 1),
      (0x01B7, 1, false, 219),
      (0x01B8, 1, false, 1),
      (0x01BC, 1, false, 1),
      (0x01C4, 1, false, 2),
      (0x01C5, 1, false, 1),
      (0x01C7, 1, false, 2),
      (0x01C8, 1, false, 1),
      (0x01CA, 1, false, 2),
      (0x01CB, 9, true, 1),
      (0x01DE, 9, true, 1),
      (0x01F1, 1, false, 2),
      (0x01F2, 2, true, 1),
      (0x01F6, 1, false, -97),
      (0x01F7, 1, false, -56),
      (0x01F8, 20, true, 1),
      (0x0220, 1, false, -130),
      (0x0222, 9, true, 1),
      (0x023A, 1, false, 10795),
      (0x023B, 1, false, 1),
      (0x023D, 1, false, -163),
      (0x023E, 1, false, 10792),
      (0x0241, 1, false, 1),
      (0x0243, 1, false, -195),
      (0x0244, 1, false, 69),
      (0x0245, 1, false, 71),
      (0x0246, 5, true, 1),
      (0x0370, 2, true, 1),
      (0x0376, 1, false, 1),
      (0x037F, 1, false, 116),
      (0x0386, 1, false, 38),
      (0x0388, 3, false, 37),
      (0x038C, 1, false, 64),
      (0x038E, 2, false, 63),
      (0x0391, 17, false, 32),
      (0x03A3, 9, false, 32),
      (0x03CF, 1, false, 8),
      (0x03D8, 12, true, 1),
      (0x03F4, 1, false, -60),
      (0x03F7, 1, false, 1),
      (0x03F9, 1, false, -7),
      (0x03FA, 1, false, 1),
      (0x03FD, 3, false, -130),
      (0x0400, 16, false, 80),
      (0x0410, 32, false, 32),
      (0x0460, 17, true, 1),
      (0x048A, 27, true, 1),
      (0x04C0, 1, false, 15),
      (0x04C1, 7, true, 1),
      (0x04D0, 48, true, 1),
      (0x0531, 38, false, 48),
      (0x10A0, 38, false, 7264),
      (0x10C7, 1, false, 7264),
      (0x10CD, 1, false, 7264),
      (0x13A0, 80, false, 38864),
      (0x13F0, 6, false, 8),
      (0x1C89, 1, false, 1),
      (0x1C90, 43, false, -3008),
      (0x1CBD, 3, false, -3008),
      (0x1E00, 75, true, 1),
      (0x1E9E, 1, false, -7615),
      (0x1EA0, 48, true, 1),
      (0x1F08, 8, false, -8),
      (0x1F18, 6, false, -8),
      (0x1F28, 8, false, -8),
      (0x1F38, 8, false, -8),
      (0x1F48, 6, false, -8),
      (0x1F59, 4, true, -8),
      (0x1F68, 8, false, -8),
      (0x1F88, 8, false, -8),
      (0x1F98, 8, false, -8),
      (0x1FA8, 8, false, -8),
      (0x1FB8, 2, false, -8),
      (0x1FBA, 2, false, -74),
      (0x1FBC, 1, false, -9),
      (0x1FC8, 4, false, -86),
      (0x1FCC, 1, false, -9),
      (0x1FD8, 2, false, -8),
      (0x1FDA, 2, false, -100),
      (0x1FE8, 2, false, -8),
      (0x1FEA, 2, false, -112),
      (0x1FEC, 1, false, -7),
      (0x1FF8, 2, false, -128),
      (0x1FFA, 2, false, -126),
      (0x1FFC, 1, false, -9),
      (0x2126, 1, false, -7517),
      (0x212A, 1, false, -8383),
      (0x212B, 1, false, -8262),
      (0x2132, 1, false, 28),
      (0x2160, 16, false, 16),
      (0x2183, 1, false, 1),
      (0x24B6, 26, false, 26),
      (0x2C00, 48, false, 48),
      (0x2C60, 1, false, 1),
      (0x2C62, 1, false, -10743),
      (0x2C63, 1, false, -3814),
      (0x2C64, 1, false, -10727),
      (0x2C67, 3, true, 1),
      (0x2C6D, 1, false, -10780),
      (0x2C6E, 1, false, -10749),
      (0x2C6F, 1, false, -10783),
      (0x2C70, 1, false, -10782),
      (0x2C72, 1, false, 1),
      (0x2C75, 1, false, 1),
      (0x2C7E, 2, false, -10815),
      (0x2C80, 50, true, 1),
      (0x2CEB, 2, true, 1),
      (0x2CF2, 1, false, 1),
      (0xA640, 23, true, 1),
      (0xA680, 14, true, 1),
      (0xA722, 7, true, 1),
      (0xA732, 31, true, 1),
      (0xA779, 2, true, 1),
      (0xA77D, 1, false, -35332),
      (0xA77E, 5, true, 1),
      (0xA78B, 1, false, 1),
      (0xA78D, 1, false, -42280),
      (0xA790, 2, true, 1),
      (0xA796, 10, true, 1),
      (0xA7AA, 1, false, -42308),
      (0xA7AB, 1, false, -42319),
      (0xA7AC, 1, false, -42315),
      (0xA7AD, 1, false, -42305),
      (0xA7AE, 1, false, -42308),
      (0xA7B0, 1, false, -42258),
      (0xA7B1, 1, false, -42282),
      (0xA7B2, 1, false, -42261),
      (0xA7B3, 1, false, 928),
      (0xA7B4, 8, true, 1),
      (0xA7C4, 1, false, -48),
      (0xA7C5, 1, false, -42307),
      (0xA7C6, 1, false, -35384),
      (0xA7C7, 2, true, 1),
      (0xA7CB, 1, false, -42343),
      (0xA7CC, 8, true, 1),
      (0xA7DC, 1, false, -42561),
      (0xA7F5, 1, false, 1),
      (0xFF21, 26, false, 32),
      (0x10400, 40, false, 40),
      (0x104B0, 36, false, 40),
      (0x10570, 11, false, 39),
      (0x1057C, 15, false, 39),
      (0x1058C, 7, false, 39),
      (0x10594, 2, false, 39),
      (0x10C80, 51, false, 64),
      (0x10D50, 22, false, 32),
      (0x118A0, 32, false, 32),
      (0x16E40, 32, false, 32),
      (0x16EA0, 25, false, 27),
      (0x1E900, 34, false, 34),
];

/// The lowercase of `c` where it is one char, which is everywhere but at
/// U+0130 (see [`push_lowercase`]).
fn lowercase_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = u32::from(c);
    let after = LOWERCASE_RUNS.partition_point(|&(first, ..)| first <= code);
    let Some(&(first, count, alternating, offset)) = after.checked_sub(1).map(|at| &LOWERCASE_RUNS[at]) else {
        return c;
    };
    let step = if alternating { 2 } else { 1 };
    let into_run = code - first;
    if into_run < step * u32::from(count) && into_run % step == 0 {
        code.checked_add_signed(offset).and_then(char::from_u32).unwrap_or(c)
    } else {
        c
    }
}

/// Appends the lowercase of `c` to `into`: what `char::to_lowercase` gives.
pub fn push_lowercase(c: char, into: &mut String) {
    match c {
        // The one char whose lowercase is two: "i" and a combining dot above.
        '\u{130}' => into.push_str("i\u{307}"),
        c => into.push(lowercase_char(c)),
    }
}

/// How many bytes the lowercase of `c` takes in UTF-8.
pub fn lowercase_len(c: char) -> usize {
    match c {
        '\u{130}' => 3,
        c => lowercase_char(c).len_utf8(),
    }
}

/// `text` lowered char by char.
pub fn lowercase(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    for c in text.chars() {
        push_lowercase(c, &mut lower);
    }
    lower
}

/// Whether `c` has a lowercase form other than itself: capitals and title-case
/// letters.
pub fn is_capital(c: char) -> bool {
    lowercase_char(c) != c || c == '\u{130}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    #[test]
    fn every_char_lowercases_as_std_does() {
        for c in all_chars() {
            let mut ours = String::new();
            push_lowercase(c, &mut ours);
            let std: String = c.to_lowercase().collect();
            assert_eq!(ours, std, "{c:?} (U+{:04X})", u32::from(c));
            assert_eq!(lowercase_len(c), std.len(), "{c:?}");
            assert_eq!(is_capital(c), std != c.to_string(), "{c:?}");
        }
    }

    /// The table as std's mappings give it: one run after another, each the
    /// longest of consecutive or alternating chars with one offset.
    fn derived_runs() -> Vec<(u32, u8, bool, i32)> {
        let mapped: Vec<(u32, i32)> = all_chars()
            .filter_map(|c| {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) if l != c => Some((u32::from(c), u32::from(l) as i32 - u32::from(c) as i32)),
                    _ => None,
                }
            })
            .collect();
        let mut runs = Vec::new();
        let mut at = 0;
        while at < mapped.len() {
            let (first, offset) = mapped[at];
            let length = |step: u32| {
                (1..).take_while(|&n| mapped.get(at + n).is_some_and(|&(c, o)| c == first + step * n as u32 && o == offset)).count() + 1
            };
            let (count, alternating) = if length(2) > length(1) { (length(2), true) } else { (length(1), false) };
            let count = count.min(usize::from(u8::MAX));
            runs.push((first, count as u8, alternating, offset));
            at += count;
        }
        runs
    }

    #[test]
    fn the_table_is_the_one_std_gives() {
        let derived = derived_runs();
        let text: String = derived
            .iter()
            .map(|(first, count, alternating, offset)| format!("    ({first:#06X}, {count}, {alternating}, {offset}),\n"))
            .collect();
        assert!(
            derived == LOWERCASE_RUNS,
            "std's case mappings moved: make LOWERCASE_RUNS [(u32, u8, bool, i32); {}] =\n{text}",
            derived.len()
        );
    }

    #[test]
    fn text_lowers_char_by_char() {
        assert_eq!(lowercase("Ünal ÇELİK, ΟΔΟΣ"), "ünal çeli\u{307}k, οδοσ");
        assert_eq!(lowercase("Phnom Penh"), "phnom penh");
    }
}
