//! The URL query's `key=value&...` form encoding (application/x-www-form-urlencoded,
//! as the URL standard and the `form_urlencoded` crate write and read it), in
//! the few lines the view state needs: the crate's tables cost the wasm more.

use std::borrow::Cow;

/// Appends `key=value` to `out`, after a `&` unless it is the first pair.
pub fn append_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    encode_into(out, key);
    out.push('=');
    encode_into(out, value);
}

/// ASCII letters, digits and `*-._` as they are, a space as `+`, every other
/// byte as `%` and two upper-case hex digits.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 15)] as char);
            }
        }
    }
}

/// The query's pairs in order: empty pieces between `&`s skipped, a piece
/// without `=` a key with an empty value, `+` a space, `%` and two hex
/// digits a byte (any other `%` as it is), invalid UTF-8 replaced.
pub fn parse(query: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    query.split('&').filter(|piece| !piece.is_empty()).map(|piece| {
        let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
        (decode(key), decode(value))
    })
}

fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains(['+', '%']) {
        return Cow::Borrowed(text);
    }
    let hex = |byte: u8| (byte as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let decoded = match bytes[at] {
            b'+' => Some((b' ', 1)),
            b'%' => match (bytes.get(at + 1).and_then(|&b| hex(b)), bytes.get(at + 2).and_then(|&b| hex(b))) {
                (Some(high), Some(low)) => Some(((high * 16 + low) as u8, 3)),
                _ => None,
            },
            _ => None,
        };
        let (byte, length) = decoded.unwrap_or((bytes[at], 1));
        out.push(byte);
        at += length;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn it_writes_and_reads_pairs() {
        let mut out = String::new();
        append_pair(&mut out, "q", "Hun Sen & co=1 +50%");
        append_pair(&mut out, "kinds", "person,place");
        assert_eq!(out, "q=Hun+Sen+%26+co%3D1+%2B50%25&kinds=person%2Cplace");
        let pairs: Vec<(String, String)> = parse(&out).map(|(k, v)| (k.into(), v.into())).collect();
        assert_eq!(pairs, [("q".into(), "Hun Sen & co=1 +50%".into()), ("kinds".into(), "person,place".into())]);
        let odd: Vec<(String, String)> = parse("&&a&b=%zz%4&c=%C3%A9%FF").map(|(k, v)| (k.into(), v.into())).collect();
        assert_eq!(odd, [("a".into(), "".into()), ("b".into(), "%zz%4".into()), ("c".into(), "é\u{fffd}".into())]);
    }

    proptest! {
        /// Byte for byte what the `form_urlencoded` crate writes and reads.
        #[test]
        fn it_agrees_with_form_urlencoded(pairs in prop::collection::vec(("\\PC{0,12}", "\\PC{0,12}"), 0..5), query in "[a-z=&+%0-9A-F\\PC]{0,40}") {
            let mut ours = String::new();
            let mut theirs = form_urlencoded::Serializer::new(String::new());
            for (key, value) in &pairs {
                append_pair(&mut ours, key, value);
                theirs.append_pair(key, value);
            }
            prop_assert_eq!(&ours, &theirs.finish());
            prop_assert!(parse(&query).eq(form_urlencoded::parse(query.as_bytes())));
        }
    }
}
