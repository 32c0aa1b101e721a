//! The temporal tagger (HeidelTime-style rules): finds date expressions in
//! running text and normalises them against the publication date, each with
//! its precision. Relative expressions ("on Tuesday", "last month") stay
//! unresolved, never guessed, when there is no publication date.

mod periods;
mod relative;

use super::text::{Analysed, TokenKind};
use crate::model::{DatePoint, Precision};
use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};
use periods::Period;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub tokens: Range<usize>,
    pub sentence: usize,
    /// None when the expression could not be anchored.
    pub start: Option<DatePoint>,
    pub precision: Precision,
    pub end: Option<DatePoint>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tense {
    Past,
    /// "is", "begin", "play": a schedule stated in the present, mostly of what is to come.
    Present,
    Future,
}

/// A resolved or unresolvable point, before formatting.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Point {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
    /// Needs a publication date that the article lacks.
    Unanchored(Precision),
}

impl Point {
    fn precision(self) -> Precision {
        match self {
            Point::Year(_) => Precision::Year,
            Point::Month(..) => Precision::Month,
            Point::Day(_) => Precision::Day,
            Point::Unanchored(precision) => precision,
        }
    }

    fn to_date_point(self) -> Option<DatePoint> {
        let value = match self {
            Point::Year(year) => format!("{year:04}"),
            Point::Month(year, month) => format!("{year:04}-{month:02}"),
            Point::Day(date) => date.format("%Y-%m-%d").to_string(),
            Point::Unanchored(_) => return None,
        };
        Some(DatePoint { value, precision: self.precision() })
    }
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

fn month_number(word: &str) -> Option<u32> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = word.trim_end_matches('.').to_lowercase();
    if let Some(index) = MONTHS.iter().position(|m| *m == lower) {
        return Some(index as u32 + 1);
    }
    let short = if lower == "sept" { "sep" } else { lower.as_str() };
    (word.ends_with('.') || lower.len() == 3)
        .then(|| MONTHS.iter().position(|m| m.starts_with(short) && short.len() == 3))
        .flatten()
        .filter(|&i| short != "may" || word.ends_with('.') || i == 4)
        .map(|i| i as u32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Whether the two words after a number make it a time of day: "at 1830
/// GMT", "2100 local time" (four digits that would otherwise read as a year).
pub fn time_zone_follows(next: &str, after_next: &str) -> bool {
    matches!(next, "GMT" | "BST" | "UTC" | "CET" | "CEST" | "EST" | "EDT" | "PST" | "PDT" | "hrs")
        || (next == "local" && after_next == "time")
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok()).flatten().filter(|y| (1800..=2100).contains(y))
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    let day: u32 = digits.parse().ok()?;
    (matches!(suffix, "" | "st" | "nd" | "rd" | "th") && (1..=31).contains(&day) && digits.len() <= 2).then_some(day)
}

fn count_word(word: &str) -> Option<i64> {
    const WORDS: [&str; 12] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    let lower = word.to_lowercase();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    WORDS.iter().position(|w| *w == lower).map(|i| i as i64 + 1).or_else(|| word.parse().ok())
}

struct Tagger<'a, 't> {
    doc: &'a Analysed<'t>,
    published: Option<NaiveDate>,
    /// End of the sentence being tagged: no expression reads past it.
    limit: std::cell::Cell<usize>,
    /// The last anchored date found, which "a year earlier" counts from.
    previous: std::cell::Cell<Option<Point>>,
    /// The article reports football or rugby.
    winter_sport: bool,
}

impl<'a, 't> Tagger<'a, 't> {
    fn word(&self, i: usize) -> &'t str {
        if i >= self.limit.get() {
            return "";
        }
        self.doc.tokens.get(i).map_or("", |t| t.text(self.doc.text))
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    /// The tense around token `at`: the nearest tense marker before it in
    /// its sentence, else the nearest after it, else the past (news reports).
    /// A deadline ("by the end of February") looks forward unless the
    /// sentence is already in the past.
    fn tense_at(&self, at: usize, sentence: &Range<usize>) -> Tense {
        const FUTURE: &[&str] = &[
            "will",
            "\u{2019}ll",
            "'ll",
            "shall",
            "would",
            "next",
            "upcoming",
            "scheduled",
            "plans",
            "expected",
            "later",
            "tomorrow",
            "due",
            "payable",
            "expires",
            "deadline",
        ];
        const PAST: &[&str] = &[
            "said",
            "was",
            "were",
            "had",
            "did",
            "told",
            "came",
            "went",
            "met",
            "left",
            "took",
            "made",
            "gave",
            "began",
            "held",
            "sent",
            "won",
            "lost",
            "last",
            "ago",
            "yesterday",
        ];
        // "are to be married", "is announced", "a televised match": after these an -ed word
        // is a participle or an adjective, and the word before it tells the tense.
        const PARTICIPLE_LEADS: &[&str] =
            &["be", "being", "been", "is", "are", "am", "was", "were", "a", "an", "the", "its", "their", "his", "her", "our", "my"];
        // Verbs that state a schedule in the present: "they play Chelsea on Sunday".
        const PRESENT: &[&str] = &[
            "is", "are", "am", "begin", "begins", "start", "starts", "open", "opens", "play", "plays", "meet", "meets", "face", "faces",
            "host", "hosts", "visit", "visits", "take", "takes", "go", "goes", "close", "closes", "end", "ends", "return", "returns",
            "resume", "resumes", "launch", "launches", "arrive", "arrives",
        ];
        let marker = |i: usize| {
            let word = self.lower(i);
            let before = if i > sentence.start { self.lower(i - 1) } else { String::new() };
            // "won't", "wouldn't": a negative future, not the past "won".
            let negative_future = matches!(word.as_str(), "won" | "wouldn" | "shan" | "won't" | "won\u{2019}t")
                && (word.ends_with('t') || matches!(self.lower(i + 1).as_str(), "'t" | "\u{2019}t" | "'" | "\u{2019}"));
            if FUTURE.contains(&word.as_str())
                || negative_future
                || (word == "set" && self.lower(i + 1) == "to")
                || (word == "to" && matches!(before.as_str(), "is" | "are" | "am"))
            {
                Some(Tense::Future)
            } else if PAST.contains(&word.as_str())
                || (word.len() > 4 && word.ends_with("ed") && !PARTICIPLE_LEADS.contains(&before.as_str()))
            {
                Some(Tense::Past)
            } else if PRESENT.contains(&word.as_str()) && !matches!(before.as_str(), "to" | "will" | "would") {
                Some(Tense::Present)
            } else {
                None
            }
        };
        let deadline = (at.saturating_sub(4).max(sentence.start)..at).any(|i| matches!(self.lower(i).as_str(), "by" | "before"));
        if deadline && !(sentence.start..at).any(|i| marker(i) == Some(Tense::Past)) {
            return Tense::Future;
        }
        (sentence.start..at).rev().find_map(marker).or_else(|| (at..sentence.end).find_map(marker)).unwrap_or(Tense::Past)
    }

    /// The month-day's year: the one nearest the publication date, leaning
    /// to the past or the future with the tense.
    fn day_without_year(&self, month: u32, day: u32, tense: Tense) -> Point {
        let Some(published) = self.published else { return Point::Unanchored(Precision::Day) };
        let candidates = [published.year() - 1, published.year(), published.year() + 1];
        let best = candidates.iter().filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day)).min_by_key(|date| {
            let distance = (*date - published).num_days();
            let wrong_side = match tense {
                Tense::Past => distance > 31,
                Tense::Present => false,
                Tense::Future => distance < -31,
            };
            (wrong_side, distance.abs())
        });
        best.map_or(Point::Unanchored(Precision::Day), Point::Day)
    }

    fn month_without_year(&self, month: u32, direction: Direction) -> Point {
        let Some(published) = self.published else { return Point::Unanchored(Precision::Month) };
        let (year, current) = (published.year(), published.month());
        let year = match direction {
            Direction::OnOrBefore => {
                if month <= current {
                    year
                } else {
                    year - 1
                }
            }
            Direction::Before => {
                if month < current {
                    year
                } else {
                    year - 1
                }
            }
            Direction::OnOrAfter => {
                if month >= current {
                    year
                } else {
                    year + 1
                }
            }
            Direction::After => {
                if month > current {
                    year
                } else {
                    year + 1
                }
            }
            Direction::Nearest => {
                let ahead = (month + 12 - current) % 12;
                if ahead <= 6 && month >= current {
                    year
                } else if ahead <= 6 {
                    year + 1
                } else if month <= current {
                    year
                } else {
                    year - 1
                }
            }
        };
        Point::Month(year, month)
    }

    fn weekday_date(&self, day: Weekday, direction: Direction) -> Point {
        let Some(published) = self.published else { return Point::Unanchored(Precision::Day) };
        let back = (7 + published.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64) % 7;
        let date = match direction {
            Direction::OnOrBefore => published - TimeDelta::days(back),
            Direction::Before => published - TimeDelta::days(if back == 0 { 7 } else { back }),
            Direction::OnOrAfter => published + TimeDelta::days((7 - back) % 7),
            Direction::After => published + TimeDelta::days(if back == 0 { 7 } else { 7 - back }),
            // "are deported on Tuesday", "is announced on Sunday": the closer of the two.
            Direction::Nearest => published + TimeDelta::days(if back <= 3 { -back } else { 7 - back }),
        };
        Point::Day(date)
    }

    /// A date point starting at token `i`: its end token and value. The
    /// tense is asked for only when a date needs it, since reading it scans
    /// the sentence and this runs at every token.
    fn point(&self, i: usize, limit: usize, tense: &dyn Fn() -> Tense, modifier: Option<&str>) -> Option<(usize, Point)> {
        let word = self.word(i);
        let direction = || direction(modifier, tense());
        if let Some(month) = month_number(word) {
            // "February 5", "February 5, 2018", "February 2017", "February"
            if i + 1 < limit {
                if let Some(day) = day_number(self.word(i + 1)) {
                    let (end, year) = if self.word(i + 2) == "," && year_number(self.word(i + 3)).is_some() {
                        (i + 4, year_number(self.word(i + 3)))
                    } else if let Some(year) = year_number(self.word(i + 2)) {
                        (i + 3, Some(year))
                    } else {
                        (i + 2, None)
                    };
                    let point = match year {
                        Some(year) => NaiveDate::from_ymd_opt(year, month, day).map(Point::Day)?,
                        None => self.day_without_year(month, day, tense()),
                    };
                    return Some((end, point));
                }
                if let Some(year) = year_number(self.word(i + 1)) {
                    return Some((i + 2, Point::Month(year, month)));
                }
                // "January this year", "March last year": one expression.
                if let (Some(offset), "year") = (year_offset(&self.lower(i + 1)), self.lower(i + 2).as_str()) {
                    let point = self.published.map_or(Point::Unanchored(Precision::Month), |p| Point::Month(p.year() + offset, month));
                    return Some((i + 3, point));
                }
            }
            let previous = i.checked_sub(1).map(|p| self.lower(p)).unwrap_or_default();
            let cued = modifier.is_some()
                || [
                    "in", "since", "until", "by", "during", "early", "late", "mid", "from", "before", "after", "of", "through", "till",
                    "this",
                ]
                .contains(&previous.as_str());
            // "a £8m January bid", "the much smaller February conference": a capitalised month
            // between a lower-case word or a number and the lower-case noun it dates.
            let is_token = |k: usize, kind: TokenKind| self.doc.tokens.get(k).is_some_and(|t| t.kind == kind);
            let lower_word = |k: usize| is_token(k, TokenKind::Word) && self.word(k).chars().all(char::is_lowercase);
            let modifies = i > 0
                && word.starts_with(char::is_uppercase)
                && (lower_word(i - 1) || is_token(i - 1, TokenKind::Number))
                && lower_word(i + 1);
            // "May" only counts when cued, like every month; "Jan" needs its full stop.
            if (cued || modifies) && (word.len() > 3 || word.ends_with('.') || word == "May") {
                return Some((i + 1, self.month_without_year(month, direction())));
            }
            return None;
        }
        if let Some(day) = day_number(word) {
            // "5 February 2004"
            if let Some(month) = month_number(self.word(i + 1)) {
                return Some(match year_number(self.word(i + 2)) {
                    Some(year) => (i + 3, NaiveDate::from_ymd_opt(year, month, day).map(Point::Day)?),
                    None => (i + 2, self.day_without_year(month, day, tense())),
                });
            }
            return None;
        }
        if let Some(year) = year_number(word) {
            if self.doc.tokens[i].kind == TokenKind::Number
                && !matches!(self.word(i + 1), "%" | "per")
                && !time_zone_follows(self.word(i + 1), self.word(i + 2))
            {
                return Some((i + 1, Point::Year(year)));
            }
        }
        if let Some(day) = weekday(word) {
            return Some((i + 1, self.weekday_date(day, direction())));
        }
        None
    }

    fn shift(&self, unit: &str, amount: i64) -> Option<Point> {
        let Some(published) = self.published else {
            return Some(Point::Unanchored(match unit {
                "year" | "years" => Precision::Year,
                "month" | "months" => Precision::Month,
                _ => Precision::Day,
            }));
        };
        Some(match unit {
            "year" | "years" => Point::Year(published.year() + amount as i32),
            "month" | "months" => {
                let date = add_months(published, amount)?;
                Point::Month(date.year(), date.month())
            }
            "day" | "days" => Point::Day(published + TimeDelta::days(amount)),
            "week" | "weeks" => Point::Day(published + TimeDelta::weeks(amount)),
            _ => return None,
        })
    }

    /// The occurrence of a yearly `period` an expression means: the year
    /// written, else the one the modifier ("last", "next", "this") or the
    /// tense points to, from the publication date.
    fn period_points(
        &self,
        period: Period,
        year: Option<i32>,
        modifier: Option<&str>,
        direction: Direction,
    ) -> Option<(Point, Option<Point>)> {
        let days = match (year, self.published) {
            (Some(year), _) => period.days(year)?,
            (None, None) => {
                let precision = if matches!(period, Period::Months { .. }) { Precision::Month } else { Precision::Day };
                return Some((Point::Unanchored(precision), None));
            }
            (None, Some(published)) => {
                let years = [published.year() - 1, published.year(), published.year() + 1];
                let spans: Vec<(NaiveDate, NaiveDate)> = years.iter().filter_map(|&y| period.days(y)).collect();
                let latest = |test: &dyn Fn(&(NaiveDate, NaiveDate)) -> bool| spans.iter().rev().find(|s| test(s)).copied();
                let earliest = |test: &dyn Fn(&(NaiveDate, NaiveDate)) -> bool| spans.iter().find(|s| test(s)).copied();
                // "travel chaos over the Christmas weekend", reported days after it: a holiday named
                // alone within a fortnight before publication is that one, whatever the tense.
                let is_holiday = matches!(period, Period::Holiday(_) | Period::HolidayWeekend(_));
                let just_past = latest(&|s| s.1 <= published && (published - s.1).num_days() <= 14).filter(|_| is_holiday);
                match (modifier, direction) {
                    (None, _) if just_past.is_some() => just_past,
                    (Some("this"), _) => earliest(&|s| s.0 <= published && published <= s.1).or_else(|| earliest(&|s| s.1 >= published)),
                    (_, Direction::Before) => latest(&|s| s.1 < published),
                    (_, Direction::After) => earliest(&|s| s.0 > published),
                    (_, Direction::OnOrBefore) => latest(&|s| s.0 <= published),
                    // A period stated in the present ("the summer is busy") is the coming or current one.
                    (_, Direction::OnOrAfter | Direction::Nearest) => earliest(&|s| s.1 >= published),
                }?
            }
        };
        Some(match period {
            Period::Holiday(_) => (Point::Day(days.0), None),
            Period::HolidayWeekend(_) => (Point::Day(days.0), Some(Point::Day(days.1))),
            Period::Months { .. } => (Point::Month(days.0.year(), days.0.month()), Some(Point::Month(days.1.year(), days.1.month()))),
        })
    }

    /// A year written after a period: "Christmas 2004", "the summer of 2004",
    /// "the first half of next year". The token after it, and the year.
    fn year_after(&self, i: usize) -> (usize, Option<i32>) {
        if let Some(year) = year_number(self.word(i)).filter(|_| self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)) {
            return (i + 1, Some(year));
        }
        if self.lower(i) == "of" {
            if let Some(year) = year_number(self.word(i + 1)) {
                return (i + 2, Some(year));
            }
            let following = self.lower(i + 1);
            let offset = if following == "the" { Some(0) } else { year_offset(&following) };
            if let (Some(offset), "year", Some(published)) = (offset, self.lower(i + 2).as_str(), self.published) {
                return (i + 3, Some(published.year() + offset));
            }
        }
        (i, None)
    }

    /// "last week" → Monday to Sunday of that week.
    fn week(&self, offset: i64) -> (Point, Option<Point>) {
        match self.published {
            None => (Point::Unanchored(Precision::Day), None),
            Some(published) => {
                let monday = published - TimeDelta::days(published.weekday().num_days_from_monday() as i64) + TimeDelta::weeks(offset);
                (Point::Day(monday), Some(Point::Day(monday + TimeDelta::days(6))))
            }
        }
    }

    /// "this weekend" → the Saturday and Sunday of that week.
    fn weekend(&self, offset: i64) -> (Point, Option<Point>) {
        match self.week(offset) {
            (Point::Day(monday), _) => (Point::Day(monday + TimeDelta::days(5)), Some(Point::Day(monday + TimeDelta::days(6)))),
            unanchored => unanchored,
        }
    }

    fn tag_sentence(&self, sentence_index: usize, out: &mut Vec<TimeExpr>) {
        let sentence = &self.doc.sentences[sentence_index];
        let range = sentence.tokens.clone();
        self.limit.set(range.end);
        let mut i = range.start;
        let business = periods::is_business(range.clone().map(|k| self.word(k)));
        let push = |out: &mut Vec<TimeExpr>, tokens: Range<usize>, start: Point, end: Option<Point>| {
            if !matches!(start, Point::Unanchored(_)) {
                self.previous.set(Some(start));
            }
            out.push(TimeExpr {
                tokens,
                sentence: sentence_index,
                precision: start.precision(),
                start: start.to_date_point(),
                end: end.and_then(Point::to_date_point),
            });
        };
        while i < range.end {
            let here = i;
            let tense = || self.tense_at(here, &range);
            let lower = self.lower(i);
            let next = self.lower(i + 1);
            // Intervals: "since 2002", "since September", "from 2001 to 2003", "between 2001 and 2003".
            if matches!(lower.as_str(), "since" | "from" | "between") {
                if let Some((end, start)) = self.point(i + 1, range.end, &|| Tense::Past, None) {
                    let closing =
                        if lower == "since" { None } else { Some(if lower == "from" { ["to", "until"] } else { ["and", "and"] }) };
                    match closing {
                        None => {
                            let until = self.published.map(Point::Day).unwrap_or(Point::Unanchored(Precision::Day));
                            push(out, i..end, start, Some(until));
                            i = end;
                            continue;
                        }
                        Some(words) if words.contains(&self.lower(end).as_str()) => {
                            if let Some((stop, finish)) = self.point(end + 1, range.end, &tense, None) {
                                push(out, i..stop, start, Some(finish));
                                i = stop;
                                continue;
                            }
                        }
                        Some(_) => {}
                    }
                }
            }
            // "the 1990s"
            if let Some(decade) = lower.strip_suffix('s').and_then(year_number).filter(|y| y % 10 == 0) {
                push(out, i..i + 1, Point::Year(decade), Some(Point::Year(decade + 9)));
                i += 1;
                continue;
            }
            // "Christmas Day", "last summer", "the third quarter of 2004"
            let modifier = matches!(lower.as_str(), "last" | "next" | "this").then_some(lower.as_str());
            let words_from = if modifier.is_some() || lower == "the" { i + 1 } else { i };
            let year_follows = |k: usize| year_number(self.word(k)).is_some();
            let opener = if words_from == i { &lower } else { &next };
            let named = periods::may_open(opener)
                .then(|| {
                    periods::named_period(
                        &|k| self.lower(k),
                        words_from,
                        periods::Context { business, winter_sport: self.winter_sport },
                        &year_follows,
                    )
                })
                .flatten();
            if let Some((end, period)) = named {
                let (stop, year) = self.year_after(end);
                if let Some((start, finish)) = self.period_points(period, year, modifier, direction(modifier, tense())) {
                    push(out, i..stop, start, finish);
                }
                i = stop;
                continue;
            }
            match lower.as_str() {
                // "BBC Radio 4's Today programme": capitalised mid-sentence, it is a name.
                "today" | "tonight"
                    if i > range.start
                        && self.word(i).starts_with(char::is_uppercase)
                        && self.doc.tokens[i - 1].kind == TokenKind::Word =>
                {
                    i += 1;
                    continue;
                }
                "yesterday" | "today" | "tomorrow" | "tonight" => {
                    let days = match lower.as_str() {
                        "yesterday" => -1,
                        "tomorrow" => 1,
                        _ => 0,
                    };
                    if let Some(point) = self.shift("days", days) {
                        push(out, i..i + 1, point, None);
                    }
                    i += 1;
                    continue;
                }
                "last" | "next" | "this" | "past" => {
                    let offset = match lower.as_str() {
                        "last" | "past" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                    let the_before = i > range.start && self.lower(i - 1) == "the";
                    match next.as_str() {
                        "night" if lower == "last" => {
                            if let Some(point) = self.shift("days", -1) {
                                push(out, i..i + 2, point, None);
                            }
                            i += 2;
                            continue;
                        }
                        "week" => {
                            let (start, end) = self.week(offset);
                            push(out, i..i + 2, start, end);
                            i += 2;
                            continue;
                        }
                        "weekend" if lower != "past" => {
                            let (start, end) = self.weekend(offset);
                            push(out, i..i + 2, start, end);
                            i += 2;
                            continue;
                        }
                        "month" | "year" if the_before && offset == -1 => {
                            // "over the last year": the twelve months before publication.
                            let start = self.shift(&next, -1);
                            let end = self.published.map(|p| Point::Month(p.year(), p.month()));
                            if let Some(start) = start {
                                let start = match start {
                                    Point::Year(_) => self.shift("months", -12).unwrap_or(start),
                                    other => other,
                                };
                                push(out, i - 1..i + 2, start, end);
                            }
                            i += 2;
                            continue;
                        }
                        "month" | "year" if lower != "past" => {
                            if let Some(point) = self.shift(&next, offset) {
                                push(out, i..i + 2, point, None);
                            }
                            i += 2;
                            continue;
                        }
                        _ if lower != "past" => {
                            if let Some((end, point)) = self.point(i + 1, range.end, &tense, Some(&lower)) {
                                push(out, i..end, point, None);
                                i = end;
                                continue;
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            // "two years ago", "two weeks' ago"
            if let Some(amount) = count_word(self.word(i)) {
                let unit = self.lower(i + 1);
                let apostrophe = usize::from(matches!(self.word(i + 2), "'" | "\u{2019}"));
                if self.lower(i + 2 + apostrophe) == "ago"
                    && matches!(unit.as_str(), "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years")
                {
                    let end = i + 3 + apostrophe;
                    if let Some(point) = self.shift(&unit, -amount) {
                        push(out, i..end, point, None);
                    }
                    i = end;
                    continue;
                }
            }
            if let Some((end, point, anchors)) = self.relative(i, &tense) {
                let before = self.previous.get();
                push(out, i..end, point, None);
                if !anchors {
                    self.previous.set(before);
                }
                i = end;
                continue;
            }
            if let Some((end, point)) = self.point(i, range.end, &tense, None) {
                push(out, i..end, point, None);
                i = end;
                continue;
            }
            i += 1;
        }
    }
}

/// `date` moved by `n` calendar months, back when `n` is negative.
fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}

/// Which way from the publication date an expression reaches: "last" and
/// "next" say so; otherwise the tense does.
fn direction(modifier: Option<&str>, tense: Tense) -> Direction {
    match (modifier, tense) {
        (Some("last"), _) => Direction::Before,
        (Some("next"), _) => Direction::After,
        (_, Tense::Past) => Direction::OnOrBefore,
        (_, Tense::Present) => Direction::Nearest,
        (_, Tense::Future) => Direction::OnOrAfter,
    }
}

/// The year "this year", "last year" or "next year" names, as an offset from the publication year.
fn year_offset(word: &str) -> Option<i32> {
    match word {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
enum Direction {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
    Nearest,
}

pub fn tag(doc: &Analysed, published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let winter_sport = periods::is_winter_sport((0..doc.tokens.len()).map(|i| doc.word(i)));
    let tagger = Tagger { doc, published, limit: std::cell::Cell::new(0), previous: std::cell::Cell::new(None), winter_sport };
    let mut out = Vec::new();
    for sentence in 0..doc.sentences.len() {
        tagger.tag_sentence(sentence, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::text::analyse_paragraphs;

    /// Each expression as "as written => value[..end] precision".
    fn check(text: &str, published: Option<&str>, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let published = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let got: Vec<String> = tag(&doc, published)
            .iter()
            .map(|e| {
                let written = &text[doc.tokens[e.tokens.start].start..doc.tokens[e.tokens.end - 1].end];
                let value = e.start.as_ref().map_or("?".to_string(), |p| p.value.clone());
                let end = e.end.as_ref().map_or(String::new(), |p| format!("..{}", p.value));
                format!("{written} => {value}{end} {:?}", e.precision)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn counted_from_the_previous_date_qualified_and_in_words() {
        check(
            "Profits rose in March 2005, up on a year earlier; year-ago sales fell. By year-end it will cut jobs, and by the end of the month sell a unit. Prices peaked in mid-November and in late 1996. It was founded in nineteen ninety-six, in fiscal 2004, in '94 and a week later.",
            Some("2004-12-15"),
            &[
                "March 2005 => 2005-03 Month",
                "a year earlier => 2004-03 Month",
                "year-ago => 2004-03 Month",
                "year-end => 2004-12 Month",
                "end of the month => 2004-12 Month",
                "mid-November => 2004-11 Month",
                "late 1996 => 1996 Year",
                "nineteen ninety-six => 1996 Year",
                "fiscal 2004 => 2004 Year",
                "'94 => 1994 Year",
                "a week later => 1994 Year",
            ],
        );
    }

    #[test]
    fn a_month_dating_a_noun_needs_no_cue() {
        check(
            "Real are preparing an £8m January bid. Blackpool will get the much smaller February conference. April Ashley and Theresa May spoke, and you may go.",
            Some("2004-12-15"),
            &["January => 2005-01 Month", "February => 2005-02 Month"],
        );
    }

    #[test]
    fn absolute_dates() {
        check(
            "The 2002 agreement. Detainees have until February 5 to file. On 5 February 2004 and September 17, 2017 it rained in March 2010.",
            Some("2018-01-29"),
            &[
                "2002 => 2002 Year",
                "February 5 => 2018-02-05 Day",
                "5 February 2004 => 2004-02-05 Day",
                "September 17, 2017 => 2017-09-17 Day",
                "March 2010 => 2010-03 Month",
            ],
        );
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        check(
            "Cambodia said on Tuesday it had acted. Only last month, it agreed. A spokesman said in December that it held. Last year, they came, the last group arriving in September. Lawyers could not be reached yesterday.",
            Some("2017-02-08"),
            &[
                "Tuesday => 2017-02-07 Day",
                "last month => 2017-01 Month",
                "December => 2016-12 Month",
                "Last year => 2016 Year",
                "September => 2016-09 Month",
                "yesterday => 2017-02-07 Day",
            ],
        );
    }

    #[test]
    fn intervals() {
        check(
            "Since 2002, many were deported. A logjam since September grew. Between 2001 and 2003 it grew. It was a wedge over the last year. Last week was calm. In the 1990s it began.",
            Some("2017-02-08"),
            &[
                "Since 2002 => 2002..2017-02-08 Year",
                "since September => 2016-09..2017-02-08 Month",
                "Between 2001 and 2003 => 2001..2003 Year",
                "the last year => 2016-02..2017-02 Month",
                "Last week => 2017-01-30..2017-02-05 Day",
                "1990s => 1990..1999 Year",
            ],
        );
    }

    #[test]
    fn tense_is_read_near_the_expression() {
        check(
            "More deportees will come, though a spokesman said in December that it held. In a ruling on Friday, the judge said the due process was violated.",
            Some("2017-02-08"),
            &["December => 2016-12 Month", "Friday => 2017-02-03 Day"],
        );
    }

    #[test]
    fn expressions_stop_at_the_sentence_end() {
        check("Kick-off: Tuesday, 1 March\n\n2000 GMT", Some("2005-02-25"), &["Tuesday => 2005-02-22 Day", "1 March => 2005-03-01 Day"]);
    }

    #[test]
    fn a_negative_future_looks_forward() {
        check(
            "You won't see them again until early in the New Year. The shop won\u{2019}t open until March. They wouldn't play on Sunday.",
            Some("2004-12-03"),
            &["the New Year => 2005-01-01 Day", "March => 2005-03 Month", "Sunday => 2004-12-05 Day"],
        );
    }

    #[test]
    fn four_digits_before_a_time_zone_are_a_time_of_day() {
        check(
            "The euro was at $1.36 by 1830 GMT. The bomb was due to explode at 2100 local time. Sales rose in 2004 and 1999.",
            Some("2005-02-25"),
            &["2004 => 2004 Year", "1999 => 1999 Year"],
        );
    }

    #[test]
    fn future_tense_looks_forward() {
        check("He will visit on Friday and again in March.", Some("2017-02-08"), &["Friday => 2017-02-10 Day", "March => 2017-03 Month"]);
    }

    #[test]
    fn schedules_modals_and_deadlines_look_forward() {
        check(
            "They are to be married on 8 April. They play Chelsea on Sunday. It must cut costs by the end of February. He said he would visit on Friday. Auditions begin on Thursday. The club lost on Saturday.",
            Some("2005-02-10"),
            &[
                "8 April => 2005-04-08 Day",
                "Sunday => 2005-02-13 Day",
                "February => 2005-02 Month",
                "Friday => 2005-02-11 Day",
                "Thursday => 2005-02-10 Day",
                "Saturday => 2005-02-05 Day",
            ],
        );
    }

    #[test]
    fn a_count_ago_with_or_without_an_apostrophe() {
        check(
            "It closed two years ago. Two weeks' ago the group announced cuts.",
            Some("2005-02-10"),
            &["two years ago => 2003 Year", "Two weeks' ago => 2005-01-27 Day"],
        );
    }

    #[test]
    fn holidays_seasons_quarters_and_weekends() {
        check(
            "Sales rose in the third quarter. He left last summer and returns next summer. It began in January this year. The chart is out by Christmas. It closed on Christmas Day 2003. Profits fell in the first half of 2006. They meet this weekend. The summer of 2004 was wet.",
            Some("2005-02-10"),
            &[
                "the third quarter => 2004-07..2004-09 Month",
                "last summer => 2004-06..2004-08 Month",
                "next summer => 2005-06..2005-08 Month",
                "January this year => 2005-01 Month",
                "Christmas => 2005-12-25 Day",
                "Christmas Day 2003 => 2003-12-25 Day",
                "the first half of 2006 => 2006-01..2006-06 Month",
                "this weekend => 2005-02-12..2005-02-13 Day",
                "The summer of 2004 => 2004-06..2004-08 Month",
            ],
        );
    }

    #[test]
    fn holiday_weekends_recent_holidays_and_winter_sport_seasons() {
        check(
            "Airlines will be investigated after chaos over the Christmas weekend.",
            Some("2004-12-28"),
            &["the Christmas weekend => 2004-12-24..2004-12-26 Day"],
        );
        check("Shops shut for the Thanksgiving holiday.", Some("2004-12-01"), &["the Thanksgiving holiday => 2004-11-25 Day"]);
        check(
            "The striker will join the Premiership club next season, after this season's football.",
            Some("2005-02-10"),
            &["next season => 2005-08..2006-05 Month", "this season => 2004-08..2005-05 Month"],
        );
        check("The tennis star will play more next season.", Some("2005-02-10"), &[]);
    }

    #[test]
    fn a_programme_named_today_is_no_date() {
        check("He told Radio 4's Today programme he would go today.", Some("2005-02-10"), &["today => 2005-02-10 Day"]);
    }

    #[test]
    fn named_periods_only_where_they_date_something() {
        check("His Christmas message was read. Keane scored in the second half. Prices fall and spring back.", Some("2005-02-10"), &[]);
    }

    #[test]
    fn participles_and_adjectives_are_no_past() {
        check(
            "The chart is announced on Sunday. The teams play a televised match on Sunday. The chart was announced on Sunday.",
            Some("2005-02-10"),
            &["Sunday => 2005-02-13 Day", "Sunday => 2005-02-13 Day", "Sunday => 2005-02-06 Day"],
        );
    }

    #[test]
    fn without_publication_relative_dates_stay_unresolved() {
        check(
            "On Tuesday, last month and in 2002, and 10 a month.",
            None,
            &["Tuesday => ? Day", "last month => ? Month", "2002 => 2002 Year"],
        );
    }
}
