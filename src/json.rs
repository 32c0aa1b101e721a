//! A small pull reader of JSON text, for the corpus the page embeds
//! (`page::items`) and the numbers in links (`view::state`), and a writer
//! for the JSON exports (`view::export`). serde_json's reader with serde's
//! derived ones cost the shell 19 KiB more gzipped: each type gets a
//! visitor for maps, another for arrays and one for its member names, and
//! each list its own copy of the array loop; its writer cost 3 KiB more.
//! Here each type is one plain function over this reader or writer. The
//! pipeline and the prerenderer, which are native, still read and write
//! corpus files with serde.

use crate::view::decimal::decimal;
use std::borrow::Cow;

/// Where the text stops being the JSON expected, and what was expected.
#[derive(Debug, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub expected: &'static str,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.at)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// The powers of ten that a double holds exactly. serde_json scales by a
/// table up to 1e308; scaling by these in steps gives the same value when
/// the exponent is within ±22, as it is for every number a corpus holds
/// (shortest forms of up to 17 digits, between 1e-6 and 1e37), and at most
/// a few units in the last place apart beyond.
const POW10: [f64; 23] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, at: 0 }
    }

    fn error<T>(&self, expected: &'static str) -> Result<T> {
        Err(Error { at: self.at, expected })
    }

    /// The next byte that is not white space, left unread.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while bytes.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Reads `byte` (after white space), or fails expecting `expected`.
    fn eat(&mut self, byte: u8, expected: &'static str) -> Result<()> {
        if self.peek() != Some(byte) {
            return self.error(expected);
        }
        self.at += 1;
        Ok(())
    }

    /// Whether the next value is `literal` (`null`, `true`, `false`), reading it if so.
    fn literal(&mut self, literal: &str) -> bool {
        self.peek();
        let found = self.text[self.at..].starts_with(literal);
        if found {
            self.at += literal.len();
        }
        found
    }

    /// `value`, or an error naming the `member` an object lacked, at the object's end.
    pub fn required<T>(&self, value: Option<T>, member: &'static str) -> Result<T> {
        match value {
            Some(value) => Ok(value),
            None => self.error(member),
        }
    }

    /// The whole text is one value, read by `read`.
    pub fn document<T>(mut self, read: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<T> {
        let value = read(&mut self)?;
        match self.peek() {
            None => Ok(value),
            Some(_) => self.error("the end of the text"),
        }
    }

    /// An object, handing each member's name to `member`, which reads its
    /// value (or [`Reader::skip`]s it).
    pub fn object(&mut self, member: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>) -> Result<()> {
        self.eat(b'{', "`{`")?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            let name = self.string_in_place()?;
            self.eat(b':', "`:`")?;
            member(self, &name)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.error("`,` or `}`"),
            }
        }
    }

    /// An array, handing each item to `item`, which reads it: behind
    /// `&dyn`, so that the arrays of every kind share one copy of this code
    /// in the wasm.
    pub fn items(&mut self, item: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>) -> Result<()> {
        self.eat(b'[', "`[`")?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.error("`,` or `]`"),
            }
        }
    }

    /// An array, each item read by `item`, at its exact length, as a
    /// string is: a list grown by pushes keeps up to half its capacity, and
    /// at least four items, unused for as long as the corpus is held (most
    /// relations have one piece of evidence, most entities a mention or two).
    pub fn array<T>(&mut self, mut item: impl FnMut(&mut Reader<'a>) -> Result<T>) -> Result<Vec<T>> {
        let mut items = Vec::new();
        self.items(&mut |r| item(r).map(|value| items.push(value)))?;
        items.shrink_to_fit();
        Ok(items)
    }

    /// `null` as `None`, else the value `read` reads.
    pub fn nullable<T>(&mut self, read: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<Option<T>> {
        if self.literal("null") {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    pub fn boolean(&mut self) -> Result<bool> {
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            self.error("`true` or `false`")
        }
    }

    pub fn string(&mut self) -> Result<String> {
        // At its exact length, as a copy would be: a string grown by pushes
        // (one with escapes, such as a whole article's text) keeps up to
        // half its capacity unused for as long as the corpus is held.
        self.string_in_place().map(|text| {
            let mut owned = text.into_owned();
            owned.shrink_to_fit();
            owned
        })
    }

    /// A string, borrowed from the text unless it has escapes.
    fn string_in_place(&mut self) -> Result<Cow<'a, str>> {
        self.eat(b'"', "a string")?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        // Until the first escape, the string is a slice of the text.
        while let Some(&b) = bytes.get(self.at) {
            match b {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                b'\\' => break,
                _ => self.at += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.at]);
        let mut run = self.at;
        loop {
            match bytes.get(self.at) {
                None => return self.error("`\"`"),
                Some(b'"') => {
                    owned.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    owned.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let escaped = match bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.escaped_char()?,
                        _ => return self.error("an escape"),
                    };
                    owned.push(escaped);
                    self.at += 1;
                    run = self.at;
                }
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character of a `\u` escape (two for a surrogate pair), with
    /// `at` left on its last digit.
    fn escaped_char(&mut self) -> Result<char> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.text[self.at + 1..].starts_with("\\u") {
                return self.error("a low surrogate");
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return self.error("a low surrogate");
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.error("a character"),
        }
    }

    /// The four hex digits after the `u` at `at`, leaving `at` on the last.
    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.get(self.at + 1..self.at + 5).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => self.error("four hex digits"),
        }
    }

    /// A run of decimal digits as a number, and how many digits were
    /// dropped for not fitting in it.
    fn digits(&mut self, value: &mut u64) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let (mut read, mut dropped) = (0, 0);
        while let Some(digit) = bytes.get(self.at).filter(|b| b.is_ascii_digit()).map(|b| u64::from(b - b'0')) {
            match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                Some(v) if dropped == 0 => *value = v,
                _ => dropped += 1,
            }
            read += 1;
            self.at += 1;
        }
        (read, dropped)
    }

    /// A non-negative integer.
    pub fn unsigned(&mut self) -> Result<u64> {
        self.peek();
        let mut value = 0;
        let (read, dropped) = self.digits(&mut value);
        if read == 0 || dropped > 0 || matches!(self.text.as_bytes().get(self.at), Some(b'.' | b'e' | b'E')) {
            return self.error("an unsigned integer");
        }
        Ok(value)
    }

    pub fn usize(&mut self) -> Result<usize> {
        let at = self.at;
        let value = self.unsigned()?;
        usize::try_from(value).or(Err(Error { at, expected: "a smaller integer" }))
    }

    /// Any number, as serde_json reads it: the significand's first 19
    /// digits scaled by the power of ten ([`POW10`]). Exact for up to 15
    /// significant digits and an exponent within 22; otherwise within a few
    /// units in the last place, far below anything the app draws or prints.
    pub fn number(&mut self) -> Result<f64> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut significand = 0;
        let (read, dropped) = self.digits(&mut significand);
        if read == 0 {
            return self.error("a number");
        }
        let mut exponent = dropped as i64;
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            let (read, dropped) = self.digits(&mut significand);
            if read == 0 {
                return self.error("a digit");
            }
            exponent -= (read - dropped) as i64;
        }
        if matches!(bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match bytes.get(self.at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.at += 1;
            }
            let mut written = 0;
            if self.digits(&mut written).0 == 0 {
                return self.error("an exponent");
            }
            exponent += if sign < 0 { -(written as i64) } else { written as i64 };
        }
        let mut value = significand as f64;
        while exponent != 0 && value != 0.0 && value.is_finite() {
            let step = exponent.clamp(-22, 22);
            let power = POW10[step.unsigned_abs() as usize];
            value = if step > 0 { value * power } else { value / power };
            exponent -= step;
        }
        if value.is_infinite() {
            return self.error("a number in range");
        }
        Ok(if negative { -value } else { value })
    }

    /// Skips one value of any kind.
    pub fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.items(&mut Reader::skip),
            Some(b'"') => self.string_in_place().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ if self.literal("null") => Ok(()),
            _ => self.boolean().map(drop),
        }
    }
}

/// JSON text laid out as serde_json's `to_string_pretty` lays it out: a
/// member or an element per line, indented by two spaces.
#[derive(Default)]
pub struct Writer {
    out: String,
    depth: usize,
    /// Whether the object or array last opened has no member or element yet.
    empty: bool,
}

impl Writer {
    pub fn finish(self) -> String {
        self.out
    }

    /// An object whose members `members` writes, each with `member`.
    pub fn object(&mut self, members: impl FnOnce(&mut Writer)) {
        self.open('{');
        members(self);
        self.close('}');
    }

    /// A member of the object being written; its value is written next.
    pub fn member(&mut self, name: &str) -> &mut Writer {
        self.next_line();
        self.string(name);
        self.out.push_str(": ");
        self
    }

    /// An array of `items`, each written by `item`.
    pub fn array<T>(&mut self, items: impl IntoIterator<Item = T>, mut item: impl FnMut(&mut Writer, T)) {
        self.open('[');
        for value in items {
            self.next_line();
            item(self, value);
        }
        self.close(']');
    }

    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    let hex = |digit: u32| char::from_digit(digit, 16).unwrap_or('0');
                    self.out.extend(['\\', 'u', '0', '0', hex(c as u32 >> 4), hex(c as u32 & 15)]);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    pub fn optional_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.out.push_str("null"),
        }
    }

    pub fn unsigned(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    pub fn boolean(&mut self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// A float as serde_json writes one of at most six decimals (the
    /// pipeline writes positions to 0.1 and confidences to 0.01): the
    /// fewest decimals that read back as the same value, `0.94`, `400.0`.
    pub fn float(&mut self, value: f32) {
        let reads_back = |places: &i32| {
            let scale = 10f64.powi(*places);
            ((f64::from(value) * scale).round() / scale) as f32 == value
        };
        let places = (0..6).find(reads_back).unwrap_or(6);
        let text = decimal(value, places as u32).to_string();
        let integral = !text.contains('.');
        self.out.push_str(&text);
        if integral {
            self.out.push_str(".0");
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.out.push('\n');
            self.indent();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    fn next_line(&mut self) {
        self.out.push_str(if self.empty { "\n" } else { ",\n" });
        self.empty = false;
        self.indent();
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read<'a, T>(text: &'a str, read: impl FnOnce(&mut Reader<'a>) -> Result<T>) -> Result<T> {
        Reader::new(text).document(read)
    }

    #[test]
    fn strings_read_their_escapes() {
        let text = r#" "a\"b\\c\/d\b\f\n\r\t\u00e9\u003c\ud83d\ude00 é" "#;
        assert_eq!(read(text, Reader::string).unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\té<😀 é");
        assert_eq!(read(r#""plain""#, Reader::string).unwrap(), "plain");
        let long = read(&format!(r#""{}""#, r"line\n".repeat(1000)), Reader::string).unwrap();
        assert_eq!(long.capacity(), long.len(), "a string with escapes keeps no room it grew into");
        for bad in [r#""open"#, r#""\x""#, r#""\ud83d""#, r#""\u12""#, r#""\ud83d\u0041""#] {
            assert!(read(bad, Reader::string).is_err(), "{bad}");
        }
    }

    #[test]
    fn objects_arrays_and_literals_nest() {
        let text = r#"{ "a" : [1, 2 ,3], "b": {"x": [true, false, null, "s", {"y": []}, -1.5e3]}, "c": null, "d": {} }"#;
        let (mut a, mut c, mut names) = (Vec::new(), Some(0), Vec::new());
        read(text, |r| {
            r.object(&mut |r, name| {
                names.push(name.to_string());
                match name {
                    "a" => a = r.array(Reader::usize)?,
                    "c" => c = r.nullable(Reader::usize)?,
                    _ => r.skip()?,
                }
                Ok(())
            })
        })
        .unwrap();
        assert_eq!((a, c, names), (vec![1, 2, 3], None, vec!["a".to_string(), "b".into(), "c".into(), "d".into()]));
        assert_eq!(read("[]", |r| r.array(Reader::boolean)).unwrap(), Vec::<bool>::new());
        for len in [1, 5, 100] {
            let list = read(&format!("[{}1]", "1, ".repeat(len - 1)), |r| r.array(Reader::usize)).unwrap();
            assert_eq!((list.len(), list.capacity()), (len, len), "an array keeps no room it grew into");
        }
    }

    #[test]
    fn malformed_text_is_refused_where_it_goes_wrong() {
        assert_eq!(read(r#"{"a" 1}"#, |r| r.object(&mut |r, _| r.skip())), Err(Error { at: 5, expected: "`:`" }));
        assert_eq!(read("[1 2]", |r| r.array(Reader::usize)), Err(Error { at: 3, expected: "`,` or `]`" }));
        assert_eq!(read("[1] x", |r| r.array(Reader::usize)), Err(Error { at: 4, expected: "the end of the text" }));
        assert_eq!(read("[1, ", |r| r.array(Reader::usize)).unwrap_err().expected, "an unsigned integer");
        for bad in ["-1", "1.5", "1e2", "", "99999999999999999999"] {
            assert!(read(bad, Reader::unsigned).is_err(), "{bad}");
        }
        for bad in ["-", "1.", "1e", ".5", "1e400"] {
            assert!(read(bad, Reader::number).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn numbers_read_as_written(
            (mantissa, exponent) in (-10.0..10.0f64, -6..37i32),
            (short, short_exponent) in (-10.0..10.0f32, -13..30i32),
            (digits, power) in (0..1_000_000_000_000_000u64, -22..=22i32),
            n in any::<u64>(),
        ) {
            // Within a few units in the last place of the correctly rounded value (core's parser):
            // digits past the 15th and exponents past 22 are rounded more than once.
            let x = mantissa * 10f64.powi(exponent);
            let text = serde_json::to_string(&x).unwrap();
            let (got, exact) = (read(&text, Reader::number).unwrap(), text.parse::<f64>().unwrap());
            prop_assert!((got - exact).abs() <= 4.0 * f64::EPSILON * exact.abs(), "{} read as {}", text, got);
            // Exactly, on the fast path: at most 15 significant digits and an exponent within 22.
            let text = format!("{digits}e{power}");
            prop_assert_eq!(read(&text, Reader::number).unwrap(), text.parse::<f64>().unwrap(), "{}", text);
            let y = short * 10f32.powi(short_exponent);
            let text = serde_json::to_string(&y).unwrap();
            prop_assert_eq!(read(&text, Reader::number).unwrap() as f32, serde_json::from_str::<f32>(&text).unwrap(), "{}", text);
            let text = n.to_string();
            prop_assert_eq!(read(&text, Reader::unsigned).unwrap(), n);
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let floats = [0.0f32, 400.0, -3.5, 116.1, 0.94, -100.7, 1234.56, 0.125];
        let text = "\"quoted\" \\ \u{0}\u{8}\u{c}\n\r\t\u{1f}\u{7f} é 😀";
        let mut w = Writer::default();
        w.object(|w| {
            w.member("floats").array(floats, Writer::float);
            w.member("text").string(text);
            w.member("none").optional_string(None);
            w.member("empty").array([0u64; 0], Writer::unsigned);
            w.member("nested").object(|w| w.member("yes").boolean(true));
            w.member("empty object").object(|_| {});
        });
        #[derive(serde::Serialize)]
        struct Nested {
            yes: bool,
        }
        #[derive(serde::Serialize)]
        struct Empty {}
        #[derive(serde::Serialize)]
        struct Sample {
            floats: [f32; 8],
            text: &'static str,
            none: Option<&'static str>,
            empty: Vec<u64>,
            nested: Nested,
            #[serde(rename = "empty object")]
            empty_object: Empty,
        }
        let expected = Sample { floats, text, none: None, empty: vec![], nested: Nested { yes: true }, empty_object: Empty {} };
        assert_eq!(w.finish(), serde_json::to_string_pretty(&expected).unwrap());
    }
}
