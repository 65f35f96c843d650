//! `ereje schema SERVICE [--as-of DATE]`: the JSON Schema (2020-12) of the bundle of one
//! service, pretty JSON on stdout (`schema::bundle_schema` does the work).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::Outcome;
use super::out::say;
use super::rules::{LangArg, Shown};
use crate::schema::{SchemaOptions, bundle_schema};

/// Arguments of `ereje schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The service's id (`kz.mvd.permanent_residence`).
    pub service: String,
    /// The version of the service in force on this day (default: the one in force today, or
    /// the last one before today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Rule files folder (default: the shipped rules).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Language of `title` and `description` (every language is under `x-titles` and
    /// `x-descriptions`) and of diagnostics.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Run `ereje schema`.
pub fn run(args: &SchemaArgs) -> Outcome {
    let lang = args.lang.into();
    let shown = Shown {
        json: false,
        lang,
        per_file: false,
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let options = SchemaOptions {
        as_of: args.as_of,
        lang,
    };
    match bundle_schema(&rules, &args.service, &options) {
        Ok(schema) => match serde_json::to_string_pretty(&schema) {
            Ok(text) => {
                say!("{text}");
                Outcome::Clean
            }
            Err(e) => {
                eprintln!("error: {e}");
                Outcome::Failure
            }
        },
        Err(e) => {
            eprintln!(
                "error: {}\n\nhelp: {}",
                crate::report::escaped(&e.message(lang)),
                crate::report::escaped(&e.help(lang))
            );
            Outcome::Failure
        }
    }
}
