//! The standard code lists some values of a bundle are written in: `applicant.citizenship` in
//! ISO 3166-1 alpha-2 (countries) and a document's `language` in ISO 639-1 (languages).
//!
//! The tables are written out here rather than taken from a crate: they are short, they change
//! rarely, and the checker needs nothing but the codes. Where they come from:
//!
//! - [`COUNTRIES`]: the 249 *officially assigned* alpha-2 elements of ISO 3166-1, as the ISO
//!   3166 Maintenance Agency publishes them (the Online Browsing Platform, iso.org/obp), in
//!   capitals. Reserved and user-assigned codes (`EU`, `UK`, `SU`, `XK`) are not in it.
//! - [`LANGUAGES`]: the 184 two-letter codes of ISO 639-1, as the ISO 639-2 Registration
//!   Authority (the Library of Congress, loc.gov/standards/iso639-2) lists them, in lower case;
//!   `bh` (Bihari, since deprecated for its member languages) is still one of them, `sh`
//!   (withdrawn in 2000) is not.
//!
//! Both tables were compared, code for code, with the `iso-codes` package of Debian
//! (`iso_3166-1.json`, the `alpha_2` entries of `iso_639-2.json`) and with tzdata's
//! `iso3166.tab`.
//!
//! A code is the same code in any case: the checker reads `"ru"` as the country `RU` and `"RU"`
//! as the language `ru` (a `noncanonical-code` warning says so), and compares these two fields
//! with the rules' texts without regard to case. Any other text is not a code of the list.

/// A standard list of codes that a bundle's value is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeList {
    /// ISO 3166-1 alpha-2: a country, written in capitals (`KZ`).
    Country,
    /// ISO 639-1: a language, written in lower case (`kk`).
    Language,
}

/// The input that holds a country code: the applicant's state of citizenship.
const CITIZENSHIP: &str = "applicant.citizenship";

impl CodeList {
    /// The list an input of the service is written in, by its dotted path.
    pub(crate) fn of_input(name: &str) -> Option<CodeList> {
        (name == CITIZENSHIP).then_some(CodeList::Country)
    }

    /// The codes, in their standard case, sorted.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            CodeList::Country => &COUNTRIES,
            CodeList::Language => &LANGUAGES,
        }
    }

    /// The code as the standard writes it, if `text` is a code of the list in any case.
    pub fn canonical(self, text: &str) -> Option<&'static str> {
        let [a, b] = text.as_bytes() else {
            return None;
        };
        let wanted = match self {
            CodeList::Country => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
            CodeList::Language => [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
        };
        let codes = self.codes();
        codes
            .binary_search_by(|code| code.as_bytes().cmp(&wanted[..]))
            .ok()
            .and_then(|i| codes.get(i).copied())
    }

    /// The code a value that is none of this list was most likely meant to be: a country's
    /// code written for its language (`kz` for Kazakh, whose code is `kk`), or the common
    /// `UK` for the United Kingdom (`GB`).
    pub fn meant(self, text: &str) -> Option<&'static str> {
        let table: &[(&str, &str)] = match self {
            CodeList::Language => &LANGUAGE_SLIPS,
            CodeList::Country => &[("UK", "GB")],
        };
        table
            .iter()
            .find(|(slip, _)| slip.eq_ignore_ascii_case(text))
            .map(|(_, code)| *code)
    }
}

/// Country codes written where a language code belongs, with the language meant: the
/// languages of the region first (`kz` → `kk`, `ua` → `uk`, `cn` → `zh`).
const LANGUAGE_SLIPS: [(&str, &str); 14] = [
    ("kz", "kk"),
    ("ua", "uk"),
    ("cn", "zh"),
    ("kg", "ky"),
    ("tj", "tg"),
    ("by", "be"),
    ("am", "hy"),
    ("ge", "ka"),
    ("jp", "ja"),
    ("gr", "el"),
    ("cz", "cs"),
    ("ee", "et"),
    ("se", "sv"),
    ("dk", "da"),
];

/// ISO 3166-1 alpha-2, the officially assigned codes (249).
pub const COUNTRIES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// ISO 639-1, the two-letter language codes (184).
pub const LANGUAGES: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

#[cfg(test)]
mod tests {
    use super::{COUNTRIES, CodeList, LANGUAGES};

    /// Binary search needs sorted tables; a code given twice would hide a typo.
    #[test]
    fn the_tables_are_sorted_without_repeats_in_their_standard_case() {
        for (codes, upper) in [(&COUNTRIES[..], true), (&LANGUAGES[..], false)] {
            assert!(codes.windows(2).all(|w| w.first() < w.last()));
            assert!(codes.iter().all(|c| c.len() == 2
                && c.bytes().all(|b| if upper {
                    b.is_ascii_uppercase()
                } else {
                    b.is_ascii_lowercase()
                })));
        }
    }

    #[test]
    fn a_code_in_any_case_is_that_code() {
        assert_eq!(CodeList::Country.canonical("cn"), Some("CN"));
        assert_eq!(CodeList::Country.canonical("Kz"), Some("KZ"));
        assert_eq!(CodeList::Language.canonical("RU"), Some("ru"));
        assert_eq!(CodeList::Language.canonical("kk"), Some("kk"));
        for text in ["", "R", "RUS", "XK", "UK", "zz", "р у", "ру"] {
            assert_eq!(CodeList::Country.canonical(text), None, "{text}");
        }
        for text in ["", "e", "eng", "sh", "xx", "ру"] {
            assert_eq!(CodeList::Language.canonical(text), None, "{text}");
        }
    }
}
