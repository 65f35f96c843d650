//! A view of a service's process: its steps, their deadlines and the service terms.

use super::Meta;
use crate::vocab::Duration;

/// A step of a process view.
#[derive(Debug, Clone)]
pub struct StepDef {
    /// Its id.
    pub id: String,
    /// The actors' ids, in the order written (`by a, b`); empty when the step names none.
    pub actors: Vec<String>,
    /// The deadline's duration, if the act sets one.
    pub within: Option<Duration>,
    /// The earlier event it counts from; `None` when the step has no `after` clause.
    pub after: Option<Anchor>,
    /// Steps it runs in parallel with.
    pub parallel_with: Vec<String>,
    /// Steps of the main process it corresponds to (views).
    pub maps_to: Vec<String>,
    /// To whom it sends its result: an actor's id, or `applicant` (the recipient).
    pub addressee: Option<String>,
    /// Provenance, validity.
    pub meta: Meta,
}

/// What a deadline counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// `submitted_at`.
    Submitted,
    /// Another step of the same view, by index.
    Step(usize),
}

/// A service term.
#[derive(Debug, Clone)]
pub struct TermDef {
    /// Its length.
    pub duration: Duration,
    /// What it counts from.
    pub after: Anchor,
    /// Provenance.
    pub meta: Meta,
}

/// A view of a process: the authoritative one or a second one (a table).
#[derive(Debug, Clone, Default)]
pub struct ProcessView {
    /// Its id (`process` for the main one).
    pub id: String,
    /// Steps in order.
    pub steps: Vec<StepDef>,
    /// Terms.
    pub terms: Vec<TermDef>,
    /// Provenance, validity.
    pub meta: Meta,
}
