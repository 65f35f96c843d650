//! Did-you-mean: the closest known name to one that is not known. Rule-file errors, bundle
//! findings and the command line all offer it, so it lives on the ground floor.

/// The closest candidate to `name`: the same name in another case, else a similar one.
pub fn suggest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    if let Some(same) = candidates
        .clone()
        .find(|c| c.eq_ignore_ascii_case(name) || c.to_lowercase() == name.to_lowercase())
    {
        return Some(same);
    }
    candidates
        .map(|c| {
            (
                strsim::jaro_winkler(&c.to_lowercase(), &name.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
