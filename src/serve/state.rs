//! What every request shares: the rules in service (swapped whole on a reload, so a request
//! keeps the rules it started with), where they come from, how the last reload went, and
//! whether the server is draining.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde::Serialize;
use serde_json::Value;

use super::Config;
use crate::RuleSet;
use crate::diagnostic::Diagnostics;
use crate::vocab::Lang;

/// The server's state.
#[derive(Debug)]
pub struct Shared {
    rules: RwLock<Arc<Loaded>>,
    last_reload: Mutex<Option<Reload>>,
    draining: AtomicBool,
    requests: AtomicU64,
    /// Request-independent admission: how many requests are checked at once.
    pub(super) admission: tokio::sync::Semaphore,
    /// The configuration it was started with.
    pub config: Config,
}

/// A rule set in service, with when it was loaded.
#[derive(Debug)]
pub struct Loaded {
    /// The rules.
    pub rules: RuleSet,
    /// When they were loaded (RFC 3339, UTC).
    pub loaded_at: String,
}

/// How a reload went, as `/readyz` and the log say it.
#[derive(Debug, Clone, Serialize)]
pub struct Reload {
    /// When it was tried (RFC 3339, UTC).
    pub at: String,
    /// Whether the new rules are in service.
    pub ok: bool,
    /// The version in service after it.
    pub rules_version: String,
    /// Why the new rules were not taken: the rule files' errors, as `ereje lint --format json`
    /// records them, or what kept them from being read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Value>,
}

impl Shared {
    /// The state of a server that starts with `rules`.
    pub fn new(rules: RuleSet, config: Config) -> Shared {
        Shared {
            rules: RwLock::new(Arc::new(Loaded {
                rules,
                loaded_at: now(),
            })),
            last_reload: Mutex::new(None),
            draining: AtomicBool::new(false),
            requests: AtomicU64::new(0),
            admission: tokio::sync::Semaphore::new(config.concurrency.max(1)),
            config,
        }
    }

    /// The rules in service now.
    pub fn rules(&self) -> Arc<Loaded> {
        // a poisoned lock still holds a whole rule set: the swap is one assignment
        Arc::clone(&self.rules.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Load the rules again from `--rules`: the new ones go into service if they compile;
    /// otherwise the old ones keep serving, and the result says why.
    pub fn reload(&self) -> Reload {
        let outcome = match &self.config.rules {
            None => Err(vec![Value::from(
                "the server runs the rules embedded in the binary: there is nothing to reload (start it with --rules DIR)",
            )]),
            Some(dir) => load(dir),
        };
        let ok = outcome.is_ok();
        let errors = match outcome {
            Ok(rules) => {
                *self.rules.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(Loaded {
                    rules,
                    loaded_at: now(),
                });
                Vec::new()
            }
            Err(errors) => errors,
        };
        let reload = Reload {
            at: now(),
            ok,
            rules_version: self.rules().rules.version().to_string(),
            errors,
        };
        *self
            .last_reload
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(reload.clone());
        reload
    }

    /// How the last reload went, if there was one.
    pub fn last_reload(&self) -> Option<Reload> {
        self.last_reload
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Stop taking work: `/readyz` answers 503 from now on, so a balancer sends no more.
    pub fn drain(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    /// Whether the server is shutting down.
    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    /// A number for the next request (for its id when the client gives none).
    pub fn next_request(&self) -> u64 {
        self.requests.fetch_add(1, Ordering::Relaxed) + 1
    }
}

/// Load and compile the rule files under `dir`; their errors as JSON records.
fn load(dir: &Path) -> Result<RuleSet, Vec<Value>> {
    RuleSet::load(dir)
        .map(|(rules, _warnings)| rules)
        .map_err(|errors| records(&errors))
}

/// Diagnostics as the JSON records `ereje lint --format json` writes (in English: they go to
/// the operator's log).
pub fn records(diagnostics: &Diagnostics) -> Vec<Value> {
    diagnostics
        .iter()
        .filter_map(|d| {
            serde_json::to_value(crate::report::json::diagnostic(
                d,
                &diagnostics.sources,
                Lang::En,
            ))
            .ok()
        })
        .collect()
}

/// This moment, RFC 3339 in UTC.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
