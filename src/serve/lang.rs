//! The language of a response: `?lang=` if given, else the best of `Accept-Language` among
//! Kazakh, Russian and English (RFC 9110 § 12.5.4: quality values, `*`, region subtags), else
//! English.

use crate::vocab::Lang;

/// The language `accept` (an `Accept-Language` value) prefers among ours, if any.
pub fn negotiate(accept: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1000), quality);
        let Some(quality) = quality.filter(|q| *q > 0) else {
            continue;
        };
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        let lang = match primary.as_str() {
            "*" => Lang::En,
            other => match Lang::parse(other) {
                Some(l) => l,
                None => continue,
            },
        };
        // the first of equal quality wins, as the client listed them
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, lang));
        }
    }
    best.map(|(_, l)| l)
}

/// A quality value (`0.8`) in thousandths; `None` if it is not one.
fn quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if !(whole == "0" || whole == "1") || fraction.len() > 3 {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{fraction:0<3}");
    let value = u16::from(whole == "1") * 1000 + padded.parse::<u16>().ok()?;
    (value <= 1000).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::negotiate;
    use crate::vocab::Lang;

    #[test]
    fn the_client_s_preference_among_ours_wins() {
        assert_eq!(negotiate("ru-RU,ru;q=0.9,en;q=0.8"), Some(Lang::Ru));
        assert_eq!(negotiate("de, kk;q=0.5, ru;q=0.4"), Some(Lang::Kk));
        assert_eq!(negotiate("en;q=0.2, kk-KZ"), Some(Lang::Kk));
        assert_eq!(negotiate("fr, de"), None);
        assert_eq!(negotiate("*"), Some(Lang::En));
        assert_eq!(negotiate("ru;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(negotiate("ru;q=2, kk;q=bad, en;q=0.001"), Some(Lang::En));
        assert_eq!(negotiate(""), None);
    }
}
