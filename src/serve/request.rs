//! What a request asks for besides its body: the language (`?lang=`, `Accept-Language`), the
//! day and moment of the check (`?as_of=`, `?now=`), the media type of the body; and the body
//! itself, read up to the limit.

use axum::body::Body;
use axum::http::{HeaderMap, header};
use chrono::DateTime;
use tokio_stream::StreamExt;

use super::Config;
use super::lang::negotiate;
use super::state::{Loaded, Shared};
use crate::check::{Options, Rejection};
use crate::vocab::Lang;

/// What a request about bundles asks for, read before its body: the rules in service when it
/// came, the language, the options of the check.
pub struct Asked {
    /// The rules it is answered with, though they be reloaded meanwhile.
    pub loaded: std::sync::Arc<Loaded>,
    /// The language of the answer.
    pub lang: Lang,
    /// The options of the check.
    pub options: Options,
}

/// Read what a request about bundles asks for and check that its body is one of `media`
/// (`expected` naming it); a refusal is the response to send.
pub fn asked(
    shared: &Shared,
    headers: &HeaderMap,
    query: Option<&str>,
    media: &[&str],
    expected: &'static str,
) -> Result<Asked, Box<axum::response::Response>> {
    let loaded = shared.rules();
    let lang = lang(headers, query);
    let options = match options(&shared.config, lang, query) {
        Ok(o) => o,
        Err(r) => return Err(Box::new(super::respond::rejected(&loaded, lang, r))),
    };
    if !media_type_is(headers, media) {
        let r = Rejection::MediaType { expected };
        return Err(Box::new(super::respond::rejected(&loaded, lang, r)));
    }
    Ok(Asked {
        loaded,
        lang,
        options,
    })
}

/// The language of the response: `?lang=kk|ru|en`, else `Accept-Language`, else English.
pub fn lang(headers: &HeaderMap, query: Option<&str>) -> Lang {
    let asked = pairs(query.unwrap_or(""))
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v));
    asked
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(negotiate)
        })
        .unwrap_or(Lang::En)
}

/// The options of a check from the query (`as_of`, `now`, `lang`) and the server's limits.
pub fn options(config: &Config, lang: Lang, query: Option<&str>) -> Result<Options, Rejection> {
    let mut options = Options {
        lang: Some(lang),
        limits: config.limits,
        assume_in_force: config.assume_in_force,
        mask: config.mask,
        ..Options::default()
    };
    for (key, value) in pairs(query.unwrap_or("")) {
        match key.as_str() {
            "as_of" => {
                options.as_of = Some(crate::time::parse_date(&value).ok_or(
                    Rejection::BadParameter {
                        name: "as_of",
                        expected: "a date like 2019-05-14".into(),
                    },
                )?);
            }
            "now" => {
                options.now = Some(DateTime::parse_from_rfc3339(&value).map_err(|_| {
                    Rejection::BadParameter {
                        name: "now",
                        expected: "a moment like 2019-05-14T10:00:00+06:00 (`+` written `%2B`)"
                            .into(),
                    }
                })?);
            }
            "lang" if Lang::parse(&value).is_some() => {}
            "lang" => {
                return Err(Rejection::BadParameter {
                    name: "lang",
                    expected: "`kk`, `ru` or `en`".into(),
                });
            }
            _ => {
                return Err(Rejection::BadParameter {
                    name: "query",
                    expected: "`as_of`, `now` and `lang` only".into(),
                });
            }
        }
    }
    Ok(options)
}

/// Refuse a query with a parameter not in `allowed` (an endpoint that takes fewer than a check).
pub fn only(query: Option<&str>, allowed: &[&str]) -> Result<(), Rejection> {
    match pairs(query.unwrap_or("")).find(|(k, _)| !allowed.contains(&k.as_str())) {
        None => Ok(()),
        Some(_) => Err(Rejection::BadParameter {
            name: "query",
            expected: allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
                + " only",
        }),
    }
}

/// Whether the body's declared media type is one of `accepted` (no `Content-Type` at all is
/// taken as the endpoint's own).
pub fn media_type_is(headers: &HeaderMap, accepted: &[&str]) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    accepted.iter().any(|a| essence.eq_ignore_ascii_case(a))
}

/// The whole body, at most `limit` bytes.
pub async fn body(body: Body, limit: usize) -> Result<Vec<u8>, Rejection> {
    let mut stream = body.into_data_stream();
    let mut out = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| Rejection::BodyUnreadable {
            detail: e.to_string(),
        })?;
        if out.len() + chunk.len() > limit {
            return Err(Rejection::BodyTooLarge { bytes: limit });
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// The `key=value` pairs of a query, percent-decoded (a `+` stays a `+`: no parameter here
/// holds a space, and moments carry a `+` in their offset).
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decoded(k), decoded(v))
    })
}

fn decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::pairs;

    #[test]
    fn a_query_is_split_and_decoded() {
        let got: Vec<(String, String)> =
            pairs("as_of=2019-05-14&now=2019-05-14T10%3A00%3A00%2B06:00&lang=kk&x").collect();
        assert_eq!(got[1].1, "2019-05-14T10:00:00+06:00");
        assert_eq!(got[2], ("lang".into(), "kk".into()));
        assert_eq!(got[3], ("x".into(), String::new()));
        assert_eq!(pairs("a=%zz%4").next().map(|p| p.1), Some("%zz%4".into()));
    }
}
