//! The days an element is in force, as each language says them: the last day in force is
//! named (not the first one no longer in force, which reads as included), and a bound that
//! depends on an act of unknown entry into force says so, with its window.

use chrono::NaiveDate;

use crate::semantic::model::{Interval, Window};

/// One end of the days in force.
pub(super) enum Bound<'i> {
    /// A day known exactly: the first day in force, or the last one.
    Day(NaiveDate),
    /// The day `act` entered into force, on `earliest` or later and before `latest` (when a
    /// later bound is known).
    Window {
        act: &'i str,
        earliest: NaiveDate,
        latest: Option<NaiveDate>,
    },
}

/// The first and the last day in force of `interval` (`None`: no bound).
pub(super) fn bounds(interval: &Interval) -> (Option<Bound<'_>>, Option<Bound<'_>>) {
    fn window(day: NaiveDate, w: Option<&Window>) -> Bound<'_> {
        match w {
            Some(w) => Bound::Window {
                act: &w.act,
                earliest: day,
                latest: w.latest,
            },
            None => Bound::Day(day),
        }
    }
    let from = interval
        .from
        .map(|f| window(f, interval.from_window.as_ref()));
    let last = interval.until.map(|u| match &interval.until_window {
        // it stops when the act enters into force: the window is the act's
        Some(w) => window(u, Some(w)),
        None => Bound::Day(u.pred_opt().unwrap_or(u)),
    });
    (from, last)
}

#[cfg(test)]
mod tests {
    use super::super::catalogue;
    use crate::check::{About, Finding, Kind};
    use crate::codes;
    use crate::semantic::model::{Interval, Window};
    use crate::vocab::Lang;

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn closed(open: Interval) -> Finding {
        Finding::new(
            &codes::NOT_IN_FORCE,
            Kind::Applicability,
            "state_corporation",
            "/channel",
            About::ChannelNotInForce {
                day: day(2019, 9, 26),
                service: String::from("kz.mvd.permanent_residence"),
                open: Some(open),
                offered: vec![String::from("provider"), String::from("state_corporation")],
            },
        )
    }

    #[test]
    fn the_last_day_is_named_and_a_window_is_said() {
        let mut open = Interval::new(Some(day(2019, 9, 27)), Some(day(2020, 4, 14)));
        let help = |f: &Finding, lang| catalogue(lang).help(f).unwrap_or_default();
        assert_eq!(
            help(&closed(open.clone()), Lang::En),
            "the channel `state_corporation` is open from 2019-09-27 through 2020-04-13; \
             submit through another channel"
        );
        open.from_window = Some(Window {
            act: "kz.mia.order_799".into(),
            latest: Some(day(2020, 4, 13)),
        });
        let f = closed(open);
        assert_eq!(
            help(&f, Lang::En),
            "the channel `state_corporation` is open from the day `kz.mia.order_799` entered \
             into force (from 2019-09-27 to 2020-04-13, not known exactly) through 2020-04-13; \
             submit through another channel"
        );
        assert!(help(&f, Lang::Ru).contains("со дня вступления в силу `kz.mia.order_799`"));
        assert!(help(&f, Lang::Ru).contains("по 2020-04-13 включительно"));
        assert!(help(&f, Lang::Kk).contains("`kz.mia.order_799` күшіне енген күннен бастап"));
        assert!(help(&f, Lang::Kk).contains("2020-04-13 күнін қоса алғанда"));
    }
}
