//! Did-you-mean: the closest known name to one that is not known. Rule-file errors, bundle
//! findings and the command line all offer it, so it lives on the ground floor.

/// How similar (Jaro-Winkler, lower case) a candidate must be to be offered (`may_be_similar`
/// has it built in).
const SIMILAR: f64 = 0.85;

/// The closest candidate to `name`: the same name in another case, else a similar one.
pub fn suggest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let lower = name.to_lowercase();
    if let Some(same) = candidates
        .clone()
        .find(|c| c.eq_ignore_ascii_case(name) || c.to_lowercase() == lower)
    {
        return Some(same);
    }
    candidates
        .filter_map(|c| {
            let c_lower = c.to_lowercase();
            if !may_be_similar(&c_lower, &lower) {
                return None;
            }
            Some((strsim::jaro_winkler(&c_lower, &lower), c))
        })
        .filter(|(score, _)| *score > SIMILAR)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Did-you-mean answers remembered for one fixed list of candidates (a service's document
/// kinds): intake streams bring the same few unknown names in bundle after bundle, and
/// each answer costs a measure against every candidate. Shared by the threads of a batch;
/// bounded in entries and in the length of a name remembered.
#[derive(Debug, Default)]
pub struct Memo {
    answers: std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
}

/// Names a [`Memo`] remembers at most, and the longest it remembers.
const MEMO_ENTRIES: usize = 4_096;
const MEMO_NAME_BYTES: usize = 64;

impl Memo {
    /// [`suggest`], remembered: `candidates` must be the same list at every call.
    pub fn suggest<'a>(
        &self,
        name: &str,
        candidates: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<String> {
        if let Ok(answers) = self.answers.lock()
            && let Some(answer) = answers.get(name)
        {
            return answer.clone();
        }
        let answer = suggest(name, candidates).map(String::from);
        if name.len() <= MEMO_NAME_BYTES
            && let Ok(mut answers) = self.answers.lock()
            && answers.len() < MEMO_ENTRIES
        {
            answers.insert(name.to_string(), answer.clone());
        }
        answer
    }
}

/// Whether two ASCII words share enough letters to be similar at all: Jaro counts at most the
/// letters they have in common (`m ≤ c`), so Jaro ≤ (c/|a| + c/|b| + 1) / 3, and the Winkler
/// bonus (at most four letters of prefix, 0.1 each) lifts that to at most 0.6 + 0.4 · Jaro. A
/// pair that cannot pass is skipped without the full measure: an unknown document kind is
/// compared with every known one, and a bundle may bring thousands of kinds. Non-ASCII words
/// are always measured.
fn may_be_similar(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() || a.is_empty() || b.is_empty() {
        return true;
    }
    let mut counts = [0i32; 128];
    for &x in a.as_bytes() {
        counts[usize::from(x & 0x7F)] += 1;
    }
    let mut common = 0usize;
    for &x in b.as_bytes() {
        let slot = &mut counts[usize::from(x & 0x7F)];
        if *slot > 0 {
            *slot -= 1;
            common += 1;
        }
    }
    // 0.6 + 0.4 · (c/a + c/b + 1) / 3 > 0.85  ⟺  c/a + c/b > 7/8  ⟺  8·c·(a + b) > 7·a·b
    let (a, b) = (a.len(), b.len());
    common.saturating_mul(8).saturating_mul(a.saturating_add(b))
        > a.saturating_mul(b).saturating_mul(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut never drops a pair the full measure would offer: every pair of a set of
    /// names (the shipped kinds and their misspellings) scores the same with and without it.
    #[test]
    fn the_shortcut_agrees_with_the_full_measure() {
        let names = [
            "passport",
            "pasport",
            "passprot",
            "birth_certificate",
            "birth_certficate",
            "exit_consent",
            "exitconsent",
            "autobiography",
            "autobiografy",
            "solvency_proof",
            "letter_1",
            "letter_12345",
            "a",
            "ab",
            "ba",
            "application_form",
            "aplication_form",
            "stateless_document",
            "x",
            "passports",
            "PASSPORT",
            "consent_exit",
        ];
        for a in names {
            for b in names {
                let (la, lb) = (a.to_lowercase(), b.to_lowercase());
                let full = strsim::jaro_winkler(&la, &lb) > SIMILAR;
                if full {
                    assert!(may_be_similar(&la, &lb), "{a} / {b} would be dropped");
                }
            }
        }
        assert!(!may_be_similar("letter_12345", "passport"));
        assert_eq!(
            suggest("pasport", ["exit_consent", "passport"].into_iter()),
            Some("passport")
        );
        assert_eq!(
            suggest("letter_9", ["passport", "exit_consent"].into_iter()),
            None
        );
    }
}
