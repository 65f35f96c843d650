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
    /// Whether a step on the way has no deadline (or one that cannot be bounded), so the
    /// range counts only the deadlines that are known.
    pub open: bool,
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
                    let own = step.within.and_then(|w| lengths.length(w));
                    State::Done(Due {
                        length: own.map_or(before.length, |own| before.length.then(own)),
                        open: before.open || own.is_none(),
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

/// The latest due time of any step: the critical path of the view.
pub fn critical_path(due: &[Option<Due>]) -> Option<(usize, Due)> {
    due.iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|d| (i, d)))
        .max_by_key(|(_, d)| (d.length.range().1, d.length.lo))
}
