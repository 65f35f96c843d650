//! The bounded search over a finite domain: every assignment of the variables in turn (an
//! odometer), until one satisfies the question, the domain is exhausted, or the budget is
//! spent. Past the budget the answer is "not decided", never a hang.

use std::time::{Duration, Instant};

/// How much one question may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Assignments tried at most per question.
    pub assignments: u64,
    /// Time spent at most per question (checked every few hundred assignments).
    pub time: Duration,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            assignments: 100_000,
            time: Duration::from_millis(200),
        }
    }
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Search {
    /// An assignment (the index of each variable's value) that satisfies the question.
    Found(Vec<usize>),
    /// None does: every one of this many assignments was tried.
    Exhausted(u64),
    /// The budget ran out first.
    Bounded(Bound),
}

/// Why a search stopped before it could answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bound {
    /// Assignments tried.
    pub tried: u64,
    /// Assignments in the domain (saturated at `u64::MAX`).
    pub total: u64,
    /// The time ran out (else the count of assignments did).
    pub by_time: bool,
}

/// How many assignments a domain of variables with these numbers of values has.
pub(crate) fn size(sizes: &[usize]) -> u64 {
    sizes.iter().fold(1u64, |n, &k| {
        n.saturating_mul(u64::try_from(k).unwrap_or(u64::MAX))
    })
}

/// Try every assignment of variables with `sizes` values each until `wanted` holds.
pub(crate) fn search(
    sizes: &[usize],
    budget: Budget,
    mut wanted: impl FnMut(&[usize]) -> bool,
) -> Search {
    let total = size(sizes);
    if total == 0 {
        return Search::Exhausted(0);
    }
    let start = Instant::now();
    let mut at = vec![0usize; sizes.len()];
    let mut tried = 0u64;
    loop {
        if tried >= budget.assignments {
            return Search::Bounded(Bound {
                tried,
                total,
                by_time: false,
            });
        }
        if tried % 256 == 255 && start.elapsed() > budget.time {
            return Search::Bounded(Bound {
                tried,
                total,
                by_time: true,
            });
        }
        tried += 1;
        if wanted(&at) {
            return Search::Found(at);
        }
        // the next assignment: the first variable moves fastest
        let mut carried = true;
        for (value, &n) in at.iter_mut().zip(sizes) {
            *value += 1;
            if *value < n {
                carried = false;
                break;
            }
            *value = 0;
        }
        if carried {
            return Search::Exhausted(tried);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assignment_is_tried_once() {
        let mut seen = Vec::new();
        let found = search(&[2, 3], Budget::default(), |a| {
            seen.push(a.to_vec());
            false
        });
        assert_eq!(found, Search::Exhausted(6));
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 6);
    }

    #[test]
    fn the_budget_stops_a_large_domain() {
        let budget = Budget {
            assignments: 10,
            ..Budget::default()
        };
        let found = search(&[3; 50], budget, |_| false);
        assert!(matches!(found, Search::Bounded(b) if b.tried == 10 && b.total == u64::MAX));
    }

    #[test]
    fn an_empty_variable_leaves_nothing_to_try() {
        assert_eq!(
            search(&[2, 0], Budget::default(), |_| true),
            Search::Exhausted(0)
        );
    }
}
