//! Calendar arithmetic for the view: dates as day numbers (days since
//! 1970-01-01) and the day range a date of some precision covers. Pure, so the
//! browser build needs no date library.

use crate::model::{DatePoint, EventDate};

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let next = if month == 12 { days_from_civil(year + 1, 1, 1) } else { days_from_civil(year, month + 1, 1) };
    (next - days_from_civil(year, month, 1)) as u32
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the inclusive day range it covers.
pub fn range_of(value: &str) -> Option<(i64, i64)> {
    let mut parts = value.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() || !(1..=9999).contains(&year) {
        return None;
    }
    match (month, day) {
        (None, _) => Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31))),
        (Some(m), None) if (1..=12).contains(&m) => Some((days_from_civil(year, m, 1), days_from_civil(year, m, days_in_month(year, m)))),
        (Some(m), Some(d)) if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m) => {
            let day = days_from_civil(year, m, d);
            Some((day, day))
        }
        _ => None,
    }
}

/// The days from the first start to the last end of day ranges.
pub fn span_of(ranges: impl IntoIterator<Item = (i64, i64)>) -> Option<(i64, i64)> {
    ranges.into_iter().reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// The inclusive day range an event covers: its precision honestly, or its interval.
pub fn event_range(date: &EventDate) -> Option<(i64, i64)> {
    let (start, end) = range_of(date.value.as_deref()?)?;
    let end = date.end.as_ref().and_then(|p: &DatePoint| range_of(&p.value)).map_or(end, |(_, e)| e.max(start));
    Some((start, end))
}

/// `YYYY-MM-DD` of a day number.
pub fn format_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2017, 2, 8), 17205);
        for days in [-800_000, -1, 0, 59, 60, 17205, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(format_day(17205), "2017-02-08");
    }

    #[test]
    fn precision_spans_its_whole_period() {
        assert_eq!(range_of("2016"), Some((days_from_civil(2016, 1, 1), days_from_civil(2016, 12, 31))));
        assert_eq!(range_of("2016-02"), Some((days_from_civil(2016, 2, 1), days_from_civil(2016, 2, 29))));
        assert_eq!(range_of("2017-02-07"), Some((17204, 17204)));
        for bad in ["", "x", "2017-13", "2017-02-30", "2017-02-07-1", "0"] {
            assert_eq!(range_of(bad), None, "{bad}");
        }
    }
}
