//! ereje: public-service regulations as code.
//!
//! ```text
//! grammar/ereje.pest → syntax (AST with spans) → semantic (resolve, types, validity: the
//! checked model) → compile (checker plan) → check (bundle → findings, deadlines, verdict)
//! → report (human via miette, JSON)
//! ```
//!
//! Each stage is a function: [`parse`], [`analyze`], [`compile()`]; [`RuleSet`] composes them and
//! checks bundles (and [`batch::Batch`] checks NDJSON, one report per line, on every core;
//! [`trace::trace`] shows the derivation for one bundle, as the checker made it):
//!
//! ```
//! use ereje::{RuleSet, check::{Options, Verdict}};
//!
//! let rules = RuleSet::shipped().expect("the shipped rules compile");
//! let bundle = r#"{
//!   "service": "kz.mvd.permanent_residence",
//!   "submitted_at": "2019-05-14T10:00:00+06:00",
//!   "applicant": { "category": "stateless", "birth_date": "1990-01-01", "grounds": [],
//!                  "children": [], "records": {} },
//!   "documents": [],
//!   "checks": { "national_security": "objection" }
//! }"#;
//! let report = rules.check(bundle, &Options::default());
//! assert_eq!(report.verdict, Verdict::Refused);
//! assert!(report.findings.iter().any(|f| f.subject == "national_security_objection"));
//! ```

pub mod analysis;
pub mod batch;
pub mod check;
#[doc(hidden)]
pub mod cli;
pub mod codes;
pub mod compile;
pub mod diagnostic;
pub mod examples;
pub mod fmt;
pub mod impact;
pub mod lint;
pub mod lsp;
pub mod mask;
pub mod report;
pub mod rule_set;
pub mod schema;
pub mod semantic;
pub mod serve;
pub mod slots;
pub mod source;
pub(crate) mod suggest;
pub mod syntax;
pub mod time;
pub mod trace;
pub mod vocab;

pub use compile::compile;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use rule_set::RuleSet;
pub use semantic::analyze;
pub use syntax::parse_file as parse;
