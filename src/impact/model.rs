//! The impact of a change of the rules on an archive, as plain data: how many bundles, which
//! verdicts flipped from what to what, which findings the new rules add and remove, grouped by
//! the element of the law they concern, each with its count and the first bundles it was seen
//! in. Rendered by `render` (for people, as JSON, as Markdown); its JSON is the contract of
//! docs/impact.md.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::diff::FindingKey;
use crate::check::Verdict;

/// One bundle named in a sample: its line in the archive, and its `id` if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The line, from 1.
    pub line: usize,
    /// The bundle's `id` (cut to 200 bytes), or `None`.
    pub id: Option<String>,
}

/// A count of bundles and the first of them, in line order (at most the samples asked for).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// How many bundles.
    pub bundles: usize,
    /// The first ones, by line.
    pub samples: Vec<Sample>,
}

impl Counted {
    /// Count one more bundle, keeping it as a sample while there are fewer than `most`.
    pub fn add(&mut self, sample: impl FnOnce() -> Sample, most: usize) {
        self.bundles += 1;
        if self.samples.len() < most {
            self.samples.push(sample());
        }
    }

    /// Bundles counted but not among the samples.
    pub fn left_out(&self) -> usize {
        self.bundles.saturating_sub(self.samples.len())
    }
}

/// Bundles whose verdict went from one verdict to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictFlip {
    /// The verdict under the base rules.
    pub from: Verdict,
    /// The verdict under the new rules.
    pub to: Verdict,
    /// The bundles.
    pub bundles: Counted,
}

/// Findings of one code about one element, added (or removed) by the new rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The code and the element.
    pub key: FindingKey,
    /// The bundles that gained (or lost) such a finding.
    pub bundles: Counted,
    /// How many findings (a bundle may gain two: a certificate missing for two children).
    pub findings: usize,
}

/// The findings added, or removed, by the new rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// Bundles that gained (or lost) at least one finding.
    pub bundles: usize,
    /// Findings, in every group.
    pub findings: usize,
    /// The groups: the most bundles first, then by code, service, subject and rule.
    pub groups: Vec<Group>,
    /// What the groups past the most that are kept ([`super::tally::MAX_GROUPS`]) counted: an
    /// archive whose bundles each name another field cannot take the memory.
    pub left_out: LeftOut,
}

/// Findings of groups not kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Their findings.
    pub findings: usize,
    /// The bundles that have at least one of them.
    pub bundles: usize,
}

/// One of the two rule sets compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// How the user named it: `shipped` for the rules in the binary, else the folder.
    pub rules: String,
    /// Its `rules_version` (`sha256:…`), as reports name it.
    pub rules_version: String,
}

/// The impact of the new rules on an archive of bundles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Impact {
    /// The rules compared against.
    pub base: Side,
    /// The changed rules.
    pub new: Side,
    /// `--as-of`, if given (else each bundle's own day).
    pub as_of: Option<NaiveDate>,
    /// `--now`, if given.
    pub now: Option<DateTime<FixedOffset>>,
    /// The most samples kept per count.
    pub samples: usize,
    /// Lines of the archive, each a bundle (readable or not).
    pub bundles: usize,
    /// Bundles for which anything flips (a verdict, a finding added or removed).
    pub changed: Counted,
    /// Lines that cannot be read as a JSON bundle: `invalid` under both rule sets, counted in
    /// every total.
    pub unreadable: Counted,
    /// Bundles of each verdict under the base rules, in the order of `Verdict::ALL`.
    pub base_verdicts: [usize; 6],
    /// Bundles of each verdict under the new rules, in the order of `Verdict::ALL`.
    pub new_verdicts: [usize; 6],
    /// Every pair of different verdicts some bundle went between, in the order of
    /// `Verdict::ALL` (by the base verdict, then the new one).
    pub flips: Vec<VerdictFlip>,
    /// Findings the new rules add.
    pub added: Findings,
    /// Findings the new rules remove.
    pub removed: Findings,
}

impl Impact {
    /// Whether anything flips: some bundle's verdict, or a finding added or removed.
    pub fn flips(&self) -> bool {
        self.changed.bundles > 0
    }
}
