//! The tally: each bundle's [`Change`] counted as it comes, in line order, into counts and
//! bounded samples, so that an archive of any size takes the same memory. Changes arrive in
//! line order whatever the threads (the batch engine hands them on in order), so the samples
//! are the first bundles by line and the tally is the same on one thread or many.

use std::collections::HashMap;

use super::diff::{Change, FindingKey};
use super::model::{Counted, Findings, Group, Impact, LeftOut, Sample, Side, VerdictFlip};
use crate::check::Verdict;

/// The most groups of findings kept in each direction (added, removed); the findings of any
/// other group are only counted ([`LeftOut`]).
pub const MAX_GROUPS: usize = 10_000;

/// Counts so far.
#[derive(Debug)]
pub(crate) struct Tally {
    samples: usize,
    bundles: usize,
    changed: Counted,
    unreadable: Counted,
    base_verdicts: [usize; 6],
    new_verdicts: [usize; 6],
    /// By base verdict, then new verdict (the diagonal stays empty).
    flips: [[Counted; 6]; 6],
    added: FindingGroups,
    removed: FindingGroups,
}

/// FindingGroups of one direction, as they are found.
#[derive(Debug, Default)]
struct FindingGroups {
    index: HashMap<FindingKey, usize>,
    groups: Vec<Group>,
    bundles: usize,
    findings: usize,
    left_out: LeftOut,
}

impl FindingGroups {
    /// Count one bundle's findings of this direction.
    fn add(&mut self, changes: &[(FindingKey, usize)], sample: &impl Fn() -> Sample, most: usize) {
        if changes.is_empty() {
            return;
        }
        self.bundles += 1;
        let mut left_out = false;
        for (key, n) in changes {
            self.findings += n;
            let at = match self.index.get(key) {
                Some(&at) => Some(at),
                None if self.groups.len() < MAX_GROUPS => {
                    self.index.insert(key.clone(), self.groups.len());
                    self.groups.push(Group {
                        key: key.clone(),
                        bundles: Counted::default(),
                        findings: 0,
                    });
                    Some(self.groups.len() - 1)
                }
                None => None,
            };
            match at.and_then(|at| self.groups.get_mut(at)) {
                Some(group) => {
                    group.findings += n;
                    group.bundles.add(sample, most);
                }
                None => {
                    self.left_out.findings += n;
                    left_out = true;
                }
            }
        }
        self.left_out.bundles += usize::from(left_out);
    }

    /// The groups, the most bundles first, then the most findings, then by key.
    fn finish(self) -> Findings {
        let mut groups = self.groups;
        groups.sort_by(|a, b| {
            b.bundles
                .bundles
                .cmp(&a.bundles.bundles)
                .then(b.findings.cmp(&a.findings))
                .then_with(|| a.key.sort_key().cmp(&b.key.sort_key()))
        });
        Findings {
            bundles: self.bundles,
            findings: self.findings,
            groups,
            left_out: self.left_out,
        }
    }
}

/// The place of a verdict in `Verdict::ALL`.
fn place(v: Verdict) -> usize {
    Verdict::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

impl Tally {
    /// A tally that keeps up to `samples` bundles per count.
    pub(crate) fn new(samples: usize) -> Tally {
        Tally {
            samples,
            bundles: 0,
            changed: Counted::default(),
            unreadable: Counted::default(),
            base_verdicts: [0; 6],
            new_verdicts: [0; 6],
            flips: Default::default(),
            added: FindingGroups::default(),
            removed: FindingGroups::default(),
        }
    }

    /// Count one bundle's change; bundles must come in line order for the samples to be the
    /// first ones.
    pub(crate) fn add(&mut self, change: &Change) {
        let most = self.samples;
        let sample = || Sample {
            line: change.line,
            id: change.id.clone(),
        };
        self.bundles += 1;
        let (from, to) = (place(change.base), place(change.new));
        if let Some(n) = self.base_verdicts.get_mut(from) {
            *n += 1;
        }
        if let Some(n) = self.new_verdicts.get_mut(to) {
            *n += 1;
        }
        if change.unreadable {
            self.unreadable.add(sample, most);
        }
        if change.flips() {
            self.changed.add(sample, most);
        }
        if from != to
            && let Some(cell) = self.flips.get_mut(from).and_then(|row| row.get_mut(to))
        {
            cell.add(sample, most);
        }
        self.added.add(&change.added, &sample, most);
        self.removed.add(&change.removed, &sample, most);
    }

    /// The impact counted, between the `base` and `new` rule sets.
    pub(crate) fn finish(self, base: Side, new: Side, options: &crate::check::Options) -> Impact {
        let mut flips = Vec::new();
        for (from, row) in Verdict::ALL.into_iter().zip(self.flips) {
            for (to, bundles) in Verdict::ALL.into_iter().zip(row) {
                if bundles.bundles > 0 {
                    flips.push(VerdictFlip { from, to, bundles });
                }
            }
        }
        Impact {
            base,
            new,
            as_of: options.as_of,
            now: options.now,
            samples: self.samples,
            bundles: self.bundles,
            changed: self.changed,
            unreadable: self.unreadable,
            base_verdicts: self.base_verdicts,
            new_verdicts: self.new_verdicts,
            flips,
            added: self.added.finish(),
            removed: self.removed.finish(),
        }
    }
}
