//! Maps byte spans of a raw article onto the cleaned text the pipeline made
//! of it. Cleaning drops lines and folds white space within a line, so each
//! raw line is found again, in order, in its folded form; a span on a line
//! the cleaner dropped has no place in the cleaned text.

use std::ops::Range;

pub struct Aligner<'a> {
    raw: &'a str,
    text: &'a str,
    /// Every raw line and where its folded form stands in `text`, if it is there.
    lines: Vec<(Range<usize>, Option<Range<usize>>)>,
}

/// White space as `clean` folds it: runs become one space, none at the start.
fn fold(part: &str, at_line_start: bool) -> String {
    let mut folded = String::with_capacity(part.len());
    let mut pending_space = false;
    for c in part.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space && !(folded.is_empty() && at_line_start) {
                folded.push(' ');
            }
            pending_space = false;
            folded.push(c);
        }
    }
    if pending_space && !(folded.is_empty() && at_line_start) {
        folded.push(' ');
    }
    folded
}

impl<'a> Aligner<'a> {
    pub fn new(raw: &'a str, text: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut cursor = 0;
        let mut line_start = 0;
        for line in raw.split_inclusive('\n') {
            let range = line_start..line_start + line.trim_end_matches(['\n', '\r']).len();
            line_start += line.len();
            let folded = fold(&raw[range.clone()], true);
            let folded = folded.trim_end();
            let found =
                (!folded.is_empty()).then(|| text[cursor..].find(folded).map(|at| cursor + at..cursor + at + folded.len())).flatten();
            if let Some(at) = &found {
                cursor = at.end;
            }
            lines.push((range, found));
        }
        Aligner { raw, text, lines }
    }

    /// Where the raw span `start..end` (within one line) stands in the cleaned text.
    pub fn map(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let (line, found) = self.lines.iter().find(|(line, _)| line.start <= start && end <= line.end)?;
        let prefix = fold(&self.raw[line.start..start], true);
        let surface = fold(&self.raw[start..end], false);
        let at = match found {
            Some(at) => at.start + prefix.len(),
            // A line the cleaner changed (a credit cut off): look for what leads up to the span
            // after the last line found, never within it (a dropped copy of the headline).
            None => {
                let previous = self
                    .lines
                    .iter()
                    .take_while(|(l, _)| l.start < line.start)
                    .filter_map(|(_, f)| f.as_ref().map(|f| f.end))
                    .last()
                    .unwrap_or(0);
                self.text[previous..].find(&format!("{prefix}{surface}")).map(|i| previous + i + prefix.len())?
            }
        };
        (self.text.get(at..at + surface.len()) == Some(surface.as_str())).then_some(at..at + surface.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_copy_of_a_line_maps_nowhere() {
        let raw = "Mayor resigns\n\nMayor resigns\n\nThe mayor resigned.\n";
        let text = "Mayor resigns\n\nThe mayor resigned.";
        let aligner = Aligner::new(raw, text);
        assert_eq!(aligner.map(0, 5), Some(0..5));
        assert_eq!(aligner.map(15, 20), None);
    }

    #[test]
    fn spans_follow_dropped_lines_and_folded_space() {
        let raw = "Headline here\n\nPhoto 123 abc\n  Mr  Blair   met\tBush.\nDropped line\nCaption by Ann. Photo credit: X\n";
        let text = "Mr Blair met Bush.\n\nCaption by Ann.";
        let aligner = Aligner::new(raw, text);
        let at = |word: &str| raw.find(word).unwrap();
        let map = |word: &str| aligner.map(at(word), at(word) + word.len()).map(|r| &text[r]);
        assert_eq!(map("Blair"), Some("Blair"));
        assert_eq!(map("Bush"), Some("Bush"));
        assert_eq!(map("Ann"), Some("Ann"));
        assert_eq!(map("Headline"), None);
        assert_eq!(map("Dropped"), None);
    }
}
