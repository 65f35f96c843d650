//! The order of a batch's output: the lines of a chunk are checked on several threads and
//! finish in any order; their renderings are handed to the sink in input order, each as soon
//! as those before it are, and the workers are held at most a window ahead of the writing.

use std::io;

use super::{BatchError, Summary};

/// One line's rendering and what it counts, or why it has none (see [`Batch::check_one`]).
pub(super) type Outcome<T> = Result<(T, Summary), String>;

/// How far the writing of a chunk has got, and whether it has stopped.
#[derive(Default)]
pub(super) struct Gate {
    /// Blocks of lines handed to the sink.
    pub(super) written: usize,
    /// The chunk is over (written, or a write failed): workers stop.
    pub(super) stopped: bool,
}

/// Wait until block `i` is less than `window` ahead of the writing; `false` if the writing
/// stopped meanwhile.
pub(super) fn gate_open(
    gate: &(std::sync::Mutex<Gate>, std::sync::Condvar),
    i: usize,
    window: usize,
) -> bool {
    let (state, moved) = gate;
    let mut g = state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    while i >= g.written + window && !g.stopped {
        g = moved
            .wait(g)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    !g.stopped
}

/// Hand the renderings of `blocks` blocks of lines, which arrive out of order, to `sink` in
/// order, each block as soon as those before it are, telling the workers how far it got.
pub(super) fn write_in_order<T>(
    blocks: usize,
    received: &std::sync::mpsc::Receiver<(usize, Vec<Outcome<T>>)>,
    gate: &(std::sync::Mutex<Gate>, std::sync::Condvar),
    sink: &mut impl FnMut(T) -> io::Result<()>,
    done: &mut Summary,
) -> Result<(), BatchError> {
    let mut early = std::collections::BTreeMap::new();
    let mut written = 0;
    while written < blocks {
        let Ok((b, outcomes)) = received.recv() else {
            // every worker ended before this block came: one died outside a line's check; the
            // run stops at the block rather than skip it
            return Err(BatchError::Panicked {
                done: *done,
                message: String::from("a worker thread stopped outside a line's check"),
            });
        };
        early.insert(b, outcomes);
        while let Some(outcomes) = early.remove(&written) {
            for outcome in outcomes {
                hand(outcome, sink, done)?;
            }
            written += 1;
            let (state, moved) = gate;
            state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .written = written;
            moved.notify_all();
        }
    }
    Ok(())
}

/// Hand one line's rendering to `sink` and count it, or stop the run at a line that could not
/// be rendered at all.
pub(super) fn hand<T>(
    outcome: Outcome<T>,
    sink: &mut impl FnMut(T) -> io::Result<()>,
    done: &mut Summary,
) -> Result<(), BatchError> {
    match outcome {
        Ok((rendered, counted)) => {
            sink(rendered).map_err(|source| BatchError::Write {
                done: *done,
                source,
            })?;
            done.merge(counted);
            Ok(())
        }
        Err(message) => Err(BatchError::Panicked {
            done: *done,
            message,
        }),
    }
}
