//! Expressions the main rules do not open with a date word: those anchored
//! to the previous date of the article rather than to the publication date
//! ("a year earlier", "two weeks later", "the previous year", "year-ago"),
//! period ends ("year-end", "the end of the month"), qualified dates
//! ("mid-November", "late 1996", "fiscal 2004") and years in words
//! ("nineteen ninety-six") or two digits ("in '94").

use super::{add_months, count_word, direction, month_number, year_number, year_offset, Point, Tagger, Tense};
use crate::pipeline::text::TokenKind;
use chrono::{Datelike, NaiveDate, TimeDelta};

/// Units a relative expression counts in.
const UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years"];

/// Words that qualify a date without changing its value: "late 1996", "fiscal 2004".
const QUALIFIERS: &[&str] = &["early", "late", "mid", "fiscal", "financial"];

const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TEENS: [&str; 10] = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const ONES: [&str; 9] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// "ninety-six" → 96, "twelve" → 12: a number from 10 to 99 in words.
fn tens_in_words(word: &str) -> Option<i32> {
    if let Some(teen) = TEENS.iter().position(|t| *t == word) {
        return Some(10 + teen as i32);
    }
    let (tens, ones) = word.split_once('-').unwrap_or((word, ""));
    let tens = 20 + 10 * TENS.iter().position(|t| *t == tens)? as i32;
    match ones {
        "" => Some(tens),
        ones => ONES.iter().position(|o| *o == ones).map(|o| tens + o as i32 + 1),
    }
}

/// `point` moved by `amount` units, at its own precision.
fn shifted(point: Point, unit: &str, amount: i64) -> Option<Point> {
    let in_months = match unit.trim_end_matches('s') {
        "year" => Some(12 * amount),
        "month" => Some(amount),
        _ => None,
    };
    let in_days = match unit.trim_end_matches('s') {
        "week" => 7 * amount,
        _ => amount,
    };
    Some(match point {
        Point::Year(year) => Point::Year(year + in_months.map_or(0, |m| (m / 12) as i32)),
        Point::Month(year, month) => {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let moved = match in_months {
                Some(m) => add_months(first, m)?,
                None => first + TimeDelta::days(in_days),
            };
            Point::Month(moved.year(), moved.month())
        }
        Point::Day(date) => Point::Day(match in_months {
            Some(m) => add_months(date, m)?,
            None => date + TimeDelta::days(in_days),
        }),
        unanchored @ Point::Unanchored(_) => unanchored,
    })
}

impl Tagger<'_, '_> {
    /// The point `amount` units from the article's previous date, or from
    /// the publication date when none came before.
    fn moved_from_previous(&self, unit: &str, amount: i64) -> Option<Point> {
        match self.previous.get() {
            Some(previous) => shifted(previous, unit, amount),
            None => self.shift(unit, amount),
        }
    }

    /// December of the year an expression of the year's end points to.
    fn year_end(&self, offset: i32, tense: Tense) -> Point {
        let Some(published) = self.published else { return Point::Unanchored(crate::model::Precision::Month) };
        // "at year-end, sales were …" looks back to the last one past.
        let back = i32::from(offset == 0 && tense == Tense::Past && published.month() < 12);
        Point::Month(published.year() + offset - back, 12)
    }

    /// An expression starting at token `i` that the main rules do not open:
    /// its end token, value, and whether later expressions may count from it
    /// (not "a year earlier", which itself counts from the date before).
    pub(super) fn relative(&self, i: usize, tense: &dyn Fn() -> Tense) -> Option<(usize, Point, bool)> {
        match self.counted_from_previous(i) {
            Some((end, point)) => Some((end, point, false)),
            None => self.qualified(i, tense).map(|(end, point)| (end, point, true)),
        }
    }

    /// "a year earlier", "two weeks later", "the previous year", "year-ago".
    fn counted_from_previous(&self, i: usize) -> Option<(usize, Point)> {
        let lower = self.lower(i);
        let next = self.lower(i + 1);
        if let Some(amount) = count_word(self.word(i)) {
            let after = self.lower(i + 2);
            if UNITS.contains(&next.as_str()) && matches!(after.as_str(), "earlier" | "later") {
                let sign = if after == "earlier" { -1 } else { 1 };
                return Some((i + 3, self.moved_from_previous(&next, sign * amount)?));
            }
        }
        if lower == "the" && matches!(next.as_str(), "previous" | "following") && UNITS.contains(&self.lower(i + 2).as_str()) {
            let sign = if next == "previous" { -1 } else { 1 };
            return Some((i + 3, self.moved_from_previous(&self.lower(i + 2), sign)?));
        }
        // "year-ago profits": the same period a year before the one just given.
        if lower == "year-ago" {
            return Some((i + 1, self.moved_from_previous("year", -1)?));
        }
        None
    }

    /// Period ends, qualified dates and years in words.
    fn qualified(&self, i: usize, tense: &dyn Fn() -> Tense) -> Option<(usize, Point)> {
        let lower = self.lower(i);
        let next = self.lower(i + 1);
        // "by year-end"
        if lower == "year-end" {
            return Some((i + 1, self.year_end(0, tense())));
        }
        // "the end of the month", "the end of next year"
        if lower == "end" && next == "of" {
            let which = self.lower(i + 2);
            let offset = if which == "the" { Some(0) } else { year_offset(&which) };
            if let (Some(offset), Some(published)) = (offset, self.published) {
                match self.lower(i + 3).as_str() {
                    "year" => return Some((i + 4, self.year_end(offset, if which == "the" { tense() } else { Tense::Future }))),
                    "month" => {
                        let month = shifted(Point::Month(published.year(), published.month()), "month", offset as i64)?;
                        return Some((i + 4, month));
                    }
                    _ => {}
                }
            }
        }
        // "mid-November", "mid-2004", written as one word
        if let Some(rest) = lower.strip_prefix("mid-") {
            if let Some(month) = month_number(rest) {
                return Some((i + 1, self.month_without_year(month, direction(None, tense()))));
            }
            if let Some(year) = year_number(rest) {
                return Some((i + 1, Point::Year(year)));
            }
        }
        // "late 1996", "early March", "mid - November", "fiscal 2004", "the financial year 2004"
        if QUALIFIERS.contains(&lower.as_str()) {
            let from = if matches!(next.as_str(), "year" | "-") { i + 2 } else { i + 1 };
            let opens = year_number(self.word(from)).is_some() || month_number(self.word(from)).is_some();
            if opens {
                return self.point(from, self.limit.get(), tense, Some("in"));
            }
        }
        // "in '94": a year in two digits after an apostrophe, in the century that puts it
        // no later than a year after publication.
        let apostrophe = matches!(self.doc.tokens.get(i).map(|t| t.kind), Some(TokenKind::Quote { double: false, .. }));
        let digits = self.word(i + 1);
        let touching = self.doc.tokens.get(i + 1).is_some_and(|t| t.start == self.doc.tokens[i].end && t.kind == TokenKind::Number);
        if apostrophe && touching && digits.len() == 2 {
            let short: i32 = digits.parse().ok()?;
            let horizon = self.published.map_or(2030, |p| p.year() + 1);
            let year = if 2000 + short <= horizon { 2000 + short } else { 1900 + short };
            return Some((i + 2, Point::Year(year)));
        }
        // "nineteen ninety-six"
        if lower == "nineteen" {
            if let Some(tens) = tens_in_words(&next) {
                return Some((i + 2, Point::Year(1900 + tens)));
            }
        }
        None
    }
}
