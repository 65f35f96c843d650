//! `ereje serve`: the HTTP service (`crate::serve`) with its limits from the command line.
//! It prints the address it listens on as one JSON line on stdout (port 0 picks a free one,
//! which is how the tests start it), the request log on stderr.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use super::Outcome;
use super::check::AssumeArg;
use super::rules::{LangArg, Shown};
use crate::check::Limits;
use crate::semantic::model::Assume;
use crate::serve::{Config, Shared};

/// Arguments of `ereje serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Rule files folder (default: the rules shipped in the binary); `SIGHUP` reloads it.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Largest bundle (and batch line), in MiB; a larger one is refused (413).
    #[arg(long, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_bundle_mib: u16,
    /// Largest batch body, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..=1_048_576))]
    pub max_batch_mib: u32,
    /// Deepest nesting of a bundle's JSON, at most 128.
    #[arg(long, value_name = "LEVELS", default_value_t = 128, value_parser = clap::value_parser!(u8).range(2..=128))]
    pub max_depth: u8,
    /// Most documents in one bundle.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_documents: usize,
    /// Most events in one bundle.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_events: usize,
    /// Seconds a request may take to be admitted and answered (a batch: to start, and
    /// between two chunks of its body or two reports taken).
    #[arg(long, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Requests checked at once; the others wait (at most `--queue-ms`, then 503).
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=65_536))]
    pub concurrency: u32,
    /// Milliseconds a request waits for a place among those checked at once before it is
    /// turned away with 503.
    #[arg(long, value_name = "MS", default_value_t = 2000, value_parser = clap::value_parser!(u64).range(0..=3_600_000))]
    pub queue_ms: u64,
    /// Threads of one batch (default: every core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Threads that serve connections (default: every core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Decide acts of unknown publication as if in force at the earliest or the latest day.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub assume_in_force: Option<AssumeArg>,
    /// No request log on stderr.
    #[arg(long)]
    pub quiet: bool,
    /// Show personal values masked in every report and trace (docs/personal-data.md); the
    /// request log never holds a bundle's values, masked or not.
    #[arg(long)]
    pub mask: bool,
}

/// Run `ereje serve`.
pub fn run(args: &ServeArgs) -> Outcome {
    let shown = Shown {
        json: true,
        lang: LangArg::En.into(),
        per_file: false,
    };
    let rules = match super::rules::load(args.rules.as_ref(), shown) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let defaults = Config::default();
    let config = Config {
        addr: args.addr,
        rules: args.rules.clone(),
        limits: Limits {
            bundle_bytes: usize::from(args.max_bundle_mib) * 1024 * 1024,
            depth: usize::from(args.max_depth),
            documents: args.max_documents,
            events: args.max_events,
        },
        batch_bytes: usize::try_from(args.max_batch_mib)
            .unwrap_or(usize::MAX)
            .saturating_mul(1024 * 1024),
        timeout: Duration::from_secs(args.timeout),
        concurrency: usize::try_from(args.concurrency).unwrap_or(64),
        queue: Duration::from_millis(args.queue_ms),
        threads: args.threads.unwrap_or(defaults.threads).max(1),
        assume_in_force: args.assume_in_force.map(Assume::from),
        log: !args.quiet,
        mask: args.mask,
    };
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if let Some(n) = args.workers {
        runtime.worker_threads(n.max(1));
    }
    let runtime = match runtime.build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the server's runtime: {e}");
            return Outcome::Failure;
        }
    };
    let shared = Arc::new(Shared::new(rules, config));
    let version = shared.rules().rules.version().to_string();
    let served = runtime.block_on(crate::serve::serve(shared, |addr| {
        // the one line on stdout: where to send requests
        println!(
            "{}",
            serde_json::json!({ "listening": addr.to_string(), "rules_version": version })
        );
    }));
    match served {
        Ok(()) => Outcome::Clean,
        Err(e) => {
            eprintln!("error: cannot serve on {}: {e}", args.addr);
            Outcome::Failure
        }
    }
}
