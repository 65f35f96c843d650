//! Dates and moments as bundles and reports write them: a strict `YYYY-MM-DD` read, and RFC
//! 3339 to the second, with the offset of the moment, written.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// `2019-05-21T23:59:59+06:00`: RFC 3339 to the second, written without chrono's formatter
/// (it runs for every step of every bundle).
pub fn rfc3339(t: DateTime<FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    fn two(out: &mut String, n: u32) {
        for digit in [n / 10 % 10, n % 10] {
            out.push(char::from_digit(digit, 10).unwrap_or('0'));
        }
    }
    let offset = t.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs() / 60;
    let year = u32::try_from(t.year()).unwrap_or(0);
    let mut out = String::with_capacity(25);
    two(&mut out, year / 100);
    two(&mut out, year % 100);
    out.push('-');
    two(&mut out, t.month());
    out.push('-');
    two(&mut out, t.day());
    out.push('T');
    two(&mut out, t.hour());
    out.push(':');
    two(&mut out, t.minute());
    out.push(':');
    two(&mut out, t.second());
    out.push(sign);
    two(&mut out, offset / 60);
    out.push(':');
    two(&mut out, offset % 60);
    out
}

/// A strict `YYYY-MM-DD` date (read by hand: chrono's format parser is slow on a hot path).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}
