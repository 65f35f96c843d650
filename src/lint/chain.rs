//! Step deadlines one after another: when each step of a view is due at the latest, counted
//! from the submission along its `after` anchors, as a range of minutes. Steps that run in
//! parallel count from the same anchor, so the longest chain is the critical path, not the
//! sum of every step.

use super::durations::{Length, Lengths};
use crate::semantic::model::{Anchor, ProcessView};

/// When a step is due, counted from the submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Due {
    /// How long after the submission.
    pub length: Length,
    /// Whether a step on the way has no deadline, so the range counts only the deadlines
    /// that are known.
    pub open: bool,
    /// Whether a step on the way counts working days in a service without a calendar: such
    /// a deadline has no bound, and `length` is only the least the chain takes (each working
    /// day counted as one calendar day).
    pub unbounded: bool,
}

/// Each step's due time, by index; `None` for a step whose anchors lead nowhere (a cycle,
/// which analysis reports as an error before any lint runs).
pub fn due_times(view: &ProcessView, lengths: &Lengths) -> Vec<Option<Due>> {
    #[derive(Clone, Copy)]
    enum State {
        New,
        Waiting,
        Done(Due),
        Failed,
    }
    let n = view.steps.len();
    let mut state = vec![State::New; n];
    for start in 0..n {
        // an explicit stack: a chain of thousands of steps must not exhaust the real one
        let mut stack = vec![start];
        while let Some(&i) = stack.last() {
            let Some(step) = view.steps.get(i) else {
                stack.pop();
                continue;
            };
            if matches!(state[i], State::Done(_) | State::Failed) {
                stack.pop();
                continue;
            }
            let before = match step.after {
                Some(Anchor::Step(j)) => match state.get(j).copied() {
                    Some(State::Done(d)) => Some(d),
                    Some(State::New) => {
                        state[i] = State::Waiting;
                        stack.push(j);
                        continue;
                    }
                    // a cycle, or a step whose own anchors fail
                    _ => None,
                },
                _ => Some(Due::default()),
            };
            stack.pop();
            state[i] = match before {
                None => State::Failed,
                Some(before) => {
                    let own = step.within.map(|w| lengths.bounded(w));
                    State::Done(Due {
                        length: own.map_or(before.length, |(own, _)| before.length.then(own)),
                        open: before.open || own.is_none(),
                        unbounded: before.unbounded || own.is_some_and(|(_, bounded)| !bounded),
                    })
                }
            };
        }
    }
    state
        .into_iter()
        .map(|s| match s {
            State::Done(d) => Some(d),
            _ => None,
        })
        .collect()
}

/// The latest due time of any step whose due time is bounded: the critical path of the
/// view, if no chain counts working days without a calendar (see [`unbounded`]).
pub fn critical_path(due: &[Option<Due>]) -> Option<(usize, Due)> {
    due.iter()
        .enumerate()
        .filter_map(|(i, d)| d.filter(|d| !d.unbounded).map(|d| (i, d)))
        .max_by_key(|(_, d)| (d.length.range().1, d.length.lo))
}

/// The step surely due latest: the greatest least due time, bounded or not (of a chain
/// that cannot be bounded, its least is all that is known).
pub fn surely_latest(due: &[Option<Due>]) -> Option<(usize, Due)> {
    due.iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .max_by_key(|(_, d)| (d.length.lo, d.length.range().1))
}

/// Whether some chain has no bound: a sum or comparison with it can say only "at least".
pub fn unbounded(due: &[Option<Due>]) -> bool {
    due.iter().flatten().any(|d| d.unbounded)
}
