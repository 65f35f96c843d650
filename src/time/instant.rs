//! Moments as reports write them: RFC 3339 to the second, with the offset of the moment.

use chrono::{DateTime, FixedOffset};

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
