//! `ereje test`: run the examples written in the rule files.

use std::path::PathBuf;

use clap::Args;

use super::Outcome;

/// Arguments of `ereje test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Rule files folder (default: the rules shipped in the binary, bundles read relative to
    /// the current folder).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// Run `ereje test`.
pub fn run(args: &TestArgs) -> Outcome {
    let rules = match super::check::load_rules(args.rules.as_ref()) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let outcomes = crate::examples::run(&rules, std::path::Path::new(""));
    let failed = outcomes.iter().filter(|o| !o.passed()).count();
    for o in &outcomes {
        if o.passed() {
            println!("ok      {} — {}", o.service, o.name);
        } else {
            println!("FAILED  {} — {} ({})", o.service, o.name, o.location);
            for f in &o.failures {
                println!("        {f}");
            }
        }
    }
    println!("{} passed, {failed} failed", outcomes.len() - failed);
    if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
