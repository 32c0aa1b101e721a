//! Named stretches of the calendar: holidays ("Christmas Day", "Easter"),
//! seasons ("the summer"), quarters and halves of a year ("the third
//! quarter", "the first half of 2006"). Each is a span of days that comes
//! round once a year; the tagger picks the year.

use chrono::{Datelike, NaiveDate, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
    NewYear,
    Valentine,
    Easter,
    Halloween,
    Thanksgiving,
    ChristmasEve,
    Christmas,
    BoxingDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    /// One day a year.
    Holiday(Holiday),
    /// The weekend a holiday falls in or next to: "the Christmas weekend".
    HolidayWeekend(Holiday),
    /// Months `first` to `last` of a year; a `last` before `first` runs into
    /// the next year (winter).
    Months { first: u32, last: u32 },
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

impl Period {
    /// Its first and last day in `year`.
    pub(super) fn days(self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Period::HolidayWeekend(holiday) => {
                let (day, _) = Period::Holiday(holiday).days(year)?;
                // Friday to Sunday around a weekend holiday, Saturday to a Monday one, and a
                // midweek one to the Sunday after it (Thanksgiving Thursday to Sunday).
                let (before, after) = match day.weekday() {
                    Weekday::Mon => (2, 0),
                    Weekday::Sat => (1, 1),
                    Weekday::Sun => (2, 0),
                    weekday => (0, 6 - weekday.num_days_from_monday() as i64),
                };
                Some((day - chrono::TimeDelta::days(before), day + chrono::TimeDelta::days(after)))
            }
            Period::Holiday(holiday) => {
                let day = match holiday {
                    Holiday::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
                    Holiday::Valentine => NaiveDate::from_ymd_opt(year, 2, 14),
                    Holiday::Easter => easter(year),
                    Holiday::Halloween => NaiveDate::from_ymd_opt(year, 10, 31),
                    Holiday::Thanksgiving => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4),
                    Holiday::ChristmasEve => NaiveDate::from_ymd_opt(year, 12, 24),
                    Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
                    Holiday::BoxingDay => NaiveDate::from_ymd_opt(year, 12, 26),
                }?;
                Some((day, day))
            }
            Period::Months { first, last } => {
                let end_year = if last < first { year + 1 } else { year };
                let start = NaiveDate::from_ymd_opt(year, first, 1)?;
                let after =
                    if last == 12 { NaiveDate::from_ymd_opt(end_year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(end_year, last + 1, 1) }?;
                Some((start, after.pred_opt()?))
            }
        }
    }
}

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// What the words around a named period say of the article.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    /// The sentence speaks of money, so that its quarters are a year's.
    pub(super) business: bool,
    /// The article reports football or rugby, whose seasons span the winter.
    pub(super) winter_sport: bool,
}

/// Whether a named period can open with `word` (lower case).
pub(super) fn may_open(word: &str) -> bool {
    FIRST_WORDS.contains(&word)
}

/// The words a named period can open with.
const FIRST_WORDS: &[&str] = &[
    "christmas",
    "boxing",
    "easter",
    "halloween",
    "thanksgiving",
    "valentine",
    "new",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "last",
    "season",
];

/// Words that make "the third quarter" a part of a year, not of a match.
const BUSINESS_WORDS: &[&str] = &[
    "profit",
    "profits",
    "sales",
    "earnings",
    "results",
    "revenue",
    "revenues",
    "growth",
    "economy",
    "gdp",
    "output",
    "income",
    "loss",
    "losses",
    "shares",
    "quarterly",
    "fiscal",
    "financial",
];

/// A named period whose words start at token `i`, given the words of the
/// sentence as lower-case (`word`, "" past its end) and whether the
/// sentence speaks of money: the token after it and the period. Seasons
/// need a cue before them ("the", "this", "in"), since "spring" and "fall"
/// are words too; quarters and halves need a year after them or a money
/// sentence, since matches have halves.
pub(super) fn named_period(
    word: &dyn Fn(usize) -> String,
    i: usize,
    context: Context,
    year_follows: &dyn Fn(usize) -> bool,
) -> Option<(usize, Period)> {
    let Context { business, winter_sport } = context;
    let here = word(i);
    if !FIRST_WORDS.contains(&here.as_str()) {
        return None; // the common case, decided before any more words are read
    }
    let next = word(i + 1);
    // A bare "Christmas" dates something only after a time word ("by Christmas"), not in "a Christmas message".
    let time_cued = i > 0
        && matches!(
            word(i - 1).as_str(),
            "by" | "at" | "over" | "before" | "after" | "until" | "till" | "since" | "for" | "this" | "last" | "next" | "on"
        )
        || year_follows(i + 1);
    // "the Christmas weekend", "the Thanksgiving holiday", "the Easter break".
    let holiday = |h: Holiday, len: usize| match word(i + len).as_str() {
        "weekend" => Some((i + len + 1, Period::HolidayWeekend(h))),
        "holiday" | "holidays" | "break" => Some((i + len + 1, Period::Holiday(h))),
        _ => (len > 1 || time_cued).then_some((i + len, Period::Holiday(h))),
    };
    match here.as_str() {
        "christmas" => match next.as_str() {
            "eve" => holiday(Holiday::ChristmasEve, 2),
            "day" => holiday(Holiday::Christmas, 2),
            _ => holiday(Holiday::Christmas, 1),
        },
        "boxing" if next == "day" => holiday(Holiday::BoxingDay, 2),
        "easter" => holiday(Holiday::Easter, if matches!(next.as_str(), "sunday" | "day") { 2 } else { 1 }),
        "halloween" => holiday(Holiday::Halloween, 1),
        "thanksgiving" => holiday(Holiday::Thanksgiving, if next == "day" { 2 } else { 1 }),
        "valentine" if next == "'s" && word(i + 2) == "day" => holiday(Holiday::Valentine, 3),
        "new" if next == "year" || next == "year's" => {
            let day = matches!(word(i + 2).as_str(), "day") as usize;
            holiday(Holiday::NewYear, 2 + day)
        }
        "spring" | "summer" | "autumn" | "fall" | "winter" => {
            let cued = i > 0
                && matches!(word(i - 1).as_str(), "the" | "this" | "last" | "next" | "in" | "early" | "late" | "during" | "by" | "until")
                || year_follows(i + 1);
            let (first, last) = match here.as_str() {
                "spring" => (3, 5),
                "summer" => (6, 8),
                "autumn" | "fall" => (9, 11),
                _ => (12, 2),
            };
            cued.then_some((i + 1, Period::Months { first, last }))
        }
        // "next season", "this season": a football or rugby season runs from August to May.
        "season" if winter_sport && i > 0 && matches!(word(i - 1).as_str(), "this" | "last" | "next") => {
            Some((i + 1, Period::Months { first: 8, last: 5 }))
        }
        ordinal if ORDINALS.contains(&ordinal) || ordinal == "final" || ordinal == "last" => {
            let number = ORDINALS.iter().position(|o| *o == ordinal).map(|n| n as u32 + 1);
            let of_year = word(i + 2) == "of" && (year_follows(i + 3) || word(i + 3) == "the" && word(i + 4) == "year");
            if !(business || of_year) {
                return None;
            }
            match next.as_str() {
                "quarter" => {
                    let q = number.unwrap_or(4);
                    Some((i + 2, Period::Months { first: 3 * q - 2, last: 3 * q }))
                }
                "half" if number.is_some_and(|n| n <= 2) || ordinal == "final" => {
                    let h = number.unwrap_or(2);
                    Some((i + 2, Period::Months { first: 6 * h - 5, last: 6 * h }))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Words of football and rugby reports, two of which make one.
const WINTER_SPORT_WORDS: &[&str] =
    &["football", "rugby", "premiership", "striker", "midfielder", "goalkeeper", "defender", "fly-half", "scrum-half", "uefa", "fifa"];

/// Whether an article's words report football or rugby: two distinct words of theirs.
pub(super) fn is_winter_sport<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    crate::pipeline::lexicon::distinct_words_from(words, WINTER_SPORT_WORDS) >= 2
}

/// Whether a sentence's words speak of money, so that its quarters are a year's.
pub(super) fn is_business<'w>(mut words: impl Iterator<Item = &'w str>) -> bool {
    words.any(|w| BUSINESS_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_fall_on_their_day() {
        let day = |h: Holiday, year: i32| Period::Holiday(h).days(year).unwrap().0.to_string();
        assert_eq!(day(Holiday::Easter, 2005), "2005-03-27");
        assert_eq!(day(Holiday::Easter, 2018), "2018-04-01");
        assert_eq!(day(Holiday::Thanksgiving, 2004), "2004-11-25");
        assert_eq!(day(Holiday::Christmas, 2004), "2004-12-25");
    }

    #[test]
    fn seasons_and_quarters_span_their_months() {
        let span = |first, last, year| {
            let (a, b) = Period::Months { first, last }.days(year).unwrap();
            format!("{a}..{b}")
        };
        assert_eq!(span(12, 2, 2004), "2004-12-01..2005-02-28");
        assert_eq!(span(7, 9, 2004), "2004-07-01..2004-09-30");
        assert_eq!(span(10, 12, 2004), "2004-10-01..2004-12-31");
    }
}
