//! Impact: what a change of the rules does to the bundles already received. An archive of
//! bundles (NDJSON, one a line) is replayed under two rule sets, the base and the new; each
//! bundle's two reports are compared (`diff`) and counted as they come (`tally`) into the
//! verdicts that flip, from what to what, and the findings added and removed, grouped by the
//! element of the law they concern, each with the first bundles it was seen in (`model`).
//! `render` writes it for people, as JSON (docs/impact.md, docs/impact.schema.json) and as
//! Markdown for a comment on a change of the rules.
//!
//! It rides on the batch engine (`crate::batch`): the lines are read in chunks and checked
//! on every core, each worker checking a line under both rule sets, and the changes are handed
//! on in line order, so memory stays flat on an archive of any size and the result is the
//! same on one thread or many.
//!
//! ```
//! use ereje::{RuleSet, impact::Replay};
//!
//! let rules = RuleSet::shipped().expect("the shipped rules compile");
//! let archive = "{\"service\": \"kz.mvd.permanent_residence\"}\nnot json\n";
//! let impact = Replay::new(&rules, &rules)
//!     .replay(archive.as_bytes())
//!     .expect("reading in memory cannot fail");
//! assert_eq!(impact.bundles, 2);
//! assert_eq!(impact.unreadable.bundles, 1);
//! assert!(!impact.flips(), "the same rules change nothing");
//! ```
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

pub mod diff;
pub mod model;
pub mod render;
pub(crate) mod tally;

use std::io::BufRead;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub use diff::{Change, FindingKey};
pub use model::{Counted, Findings, Group, Impact, LeftOut, Sample, Side, VerdictFlip};
pub use tally::MAX_GROUPS;

use crate::RuleSet;
use crate::batch::{Batch, BatchError};
use crate::check::{Options, Report};

/// The version of the impact document (`impact_version`, docs/impact.md).
pub const IMPACT_VERSION: &str = "1.0";

/// The JSON Schema (draft 2020-12) of the impact document of [`IMPACT_VERSION`]
/// (docs/impact.schema.json).
pub const SCHEMA: &str = include_str!("../../docs/impact.schema.json");

/// Samples kept per count unless asked otherwise (`--samples`).
pub const DEFAULT_SAMPLES: usize = 5;

/// How to replay an archive: the two rule sets, the options of every check, the threads and
/// the samples kept.
#[derive(Debug, Clone)]
pub struct Replay<'r> {
    base: &'r RuleSet,
    new: &'r RuleSet,
    names: (String, String),
    options: Options,
    threads: Option<usize>,
    samples: usize,
}

impl<'r> Replay<'r> {
    /// Replay under `base` and `new`, with default options, on every core, keeping
    /// [`DEFAULT_SAMPLES`] samples per count.
    pub fn new(base: &'r RuleSet, new: &'r RuleSet) -> Replay<'r> {
        let name = |rules: &RuleSet, other: &str| {
            if rules.is_embedded() {
                String::from("shipped")
            } else {
                String::from(other)
            }
        };
        Replay {
            base,
            new,
            names: (name(base, "base"), name(new, "new")),
            options: Options::default(),
            threads: None,
            samples: DEFAULT_SAMPLES,
        }
    }

    /// How the two rule sets are named in the result (the folders the user gave).
    #[must_use]
    pub fn names(mut self, base: impl Into<String>, new: impl Into<String>) -> Replay<'r> {
        self.names = (base.into(), new.into());
        self
    }

    /// The options of every check, under both rule sets (day applied, `now`, limits).
    #[must_use]
    pub fn options(mut self, options: Options) -> Replay<'r> {
        self.options = options;
        self
    }

    /// Check on `threads` threads (at least one); the result is the same on any number.
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Replay<'r> {
        self.threads = Some(threads.max(1));
        self
    }

    /// Keep the first `samples` bundles (by line) of each count.
    #[must_use]
    pub fn samples(mut self, samples: usize) -> Replay<'r> {
        self.samples = samples;
        self
    }

    /// Replay the archive read from `reader` (NDJSON, one bundle a line, every line counted:
    /// a blank or unreadable line is a bundle that is `invalid` under both rule sets).
    pub fn replay(&self, reader: impl BufRead) -> Result<Impact, BatchError> {
        let mut batch = Batch::new(self.new).options(self.options.clone());
        if let Some(threads) = self.threads {
            batch = batch.threads(threads);
        }
        let mut tally = tally::Tally::new(self.samples);
        batch.check_lines_with(
            reader,
            |line, checked| Change::compare(line, &self.check_base(checked.bytes), &checked.report),
            |change| {
                tally.add(&change);
                Ok(())
            },
        )?;
        let side = |rules: &RuleSet, name: &str| Side {
            rules: name.to_string(),
            rules_version: rules.version().to_string(),
        };
        Ok(tally.finish(
            side(self.base, &self.names.0),
            side(self.new, &self.names.1),
            &self.options,
        ))
    }

    /// The report of a line under the base rules, read as the batch engine reads it under the
    /// new ones (text when it is UTF-8, else the bytes); a check that panics gets the
    /// `internal-error` report in its place, as a batch gives it.
    fn check_base(&self, bytes: &[u8]) -> Report {
        catch_unwind(AssertUnwindSafe(|| match std::str::from_utf8(bytes) {
            Ok(text) => self.base.check(text, &self.options),
            Err(_) => self.base.check_bytes(bytes, &self.options),
        }))
        .unwrap_or_else(|panic| {
            let message = crate::batch::panic_message(&*panic);
            self.base.failed(&message, &self.options)
        })
    }
}
