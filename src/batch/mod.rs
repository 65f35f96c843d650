//! The NDJSON batch engine: bundles one per line in, exactly one report per line out, in the
//! input's order, whatever a line holds (text that is not UTF-8, a blank line, malformed JSON
//! each get an `invalid` report). Lines are read in chunks, so memory stays flat on an input of
//! any length, and each chunk is checked on several threads. `ereje check --ndjson` is a thin
//! layer over it; a server or a binding takes the same engine.
//!
//! ```
//! use ereje::{RuleSet, batch::Batch};
//!
//! let rules = RuleSet::shipped().expect("the shipped rules compile");
//! let input = "{\"service\": \"kz.mvd.permanent_residence\"}\n\nnot json\n";
//! let mut output = Vec::new();
//! let summary = Batch::new(&rules)
//!     .threads(2)
//!     .check_lines(input.as_bytes(), &mut output)
//!     .expect("reading and writing in memory cannot fail");
//! assert_eq!(summary.lines, 3);
//! let reports: Vec<serde_json::Value> = String::from_utf8(output)
//!     .expect("JSON is UTF-8")
//!     .lines()
//!     .map(|line| serde_json::from_str(line).expect("one JSON report per line"))
//!     .collect();
//! assert!(reports.iter().all(|r| r["verdict"] == "invalid"));
//! ```

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::RuleSet;
use crate::check::{Options, Report, Severity, Verdict};

mod order;
use order::{Gate, Outcome, gate_open, hand, write_in_order};

/// Lines checked together by default: enough to keep every core busy, few enough that memory
/// stays flat.
pub const CHUNK_LINES: usize = 2048;

/// Bytes of lines read together by default, at most (a chunk of long lines ends sooner). A
/// line's report can be many times the line (5.6 MB of 100,000 failing documents make a
/// report of tens of MB, and the check needs more while it runs), and a chunk's reports are
/// held until the chunk is written: 8 MiB still keeps 2,048 bundles of a few KB together,
/// and holds only two lines of that kind at once.
pub const CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// How to check NDJSON: the rules, the options of every check, the threads and the size of
/// the chunks of lines checked together.
#[derive(Debug, Clone)]
pub struct Batch<'r> {
    rules: &'r RuleSet,
    options: Options,
    threads: usize,
    chunk_lines: usize,
    chunk_bytes: usize,
    first_line: usize,
}

/// One bundle checked: the bytes read, the text its report points into and the report, spans
/// filled in.
#[derive(Debug, Clone)]
pub struct Checked<'a> {
    /// The bundle's bytes as read (for an NDJSON line, without its line ending): what a second
    /// check of the same bundle, under other rules, must start from (`crate::impact`).
    pub bytes: &'a [u8],
    /// The bundle's text (for bytes that are not UTF-8, their lossy reading).
    pub text: Cow<'a, str>,
    /// Its report.
    pub report: Report,
}

/// What a run delivered: lines, and the findings of their reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines (bundles) whose report was delivered.
    pub lines: usize,
    /// Reports with at least one error finding.
    pub with_errors: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Reports of each verdict, in the order of `Verdict::ALL`.
    pub verdicts: [usize; 6],
}

impl Summary {
    /// Count one more report.
    pub fn add(&mut self, report: &Report) {
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        self.lines += 1;
        self.errors += errors;
        self.warnings += report.findings.len() - errors;
        self.with_errors += usize::from(errors > 0);
        if let Some(n) = Verdict::ALL
            .iter()
            .position(|v| *v == report.verdict)
            .and_then(|i| self.verdicts.get_mut(i))
        {
            *n += 1;
        }
    }

    /// The reports of each verdict, in the order of `Verdict::ALL`.
    pub fn by_verdict(&self) -> impl Iterator<Item = (Verdict, usize)> + '_ {
        Verdict::ALL.into_iter().zip(self.verdicts)
    }

    /// Count the reports of another summary too.
    pub fn merge(&mut self, other: Summary) {
        self.lines += other.lines;
        self.with_errors += other.with_errors;
        self.errors += other.errors;
        self.warnings += other.warnings;
        for (n, more) in self.verdicts.iter_mut().zip(other.verdicts) {
            *n += more;
        }
    }
}

/// Why a run stopped before the end of its input. Every line before the one named was checked
/// and its report delivered, in order; the summary says what was delivered.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// Reading the input failed after its `done.lines` lines.
    #[error("reading the input failed after line {}: {source}", done.lines)]
    Read {
        /// What was delivered.
        done: Summary,
        /// The reader's error.
        source: io::Error,
    },
    /// Delivering the report of the line after the `done.lines` ones failed.
    #[error("writing the report of line {} failed: {source}", done.lines + 1)]
    Write {
        /// What was delivered.
        done: Summary,
        /// The writer's error.
        source: io::Error,
    },
    /// The line after the `done.lines` ones could not be reported even as an
    /// `internal-error` report (a bug of ereje that panics twice): rather than skip it, the run
    /// stops there. A line whose check alone panics gets that report and the run goes on.
    #[error(
        "checking line {} failed: ereje panicked ({message}); no line after it was checked",
        done.lines + 1
    )]
    Panicked {
        /// What was delivered.
        done: Summary,
        /// The panic's message.
        message: String,
    },
}

impl BatchError {
    /// What was delivered before the run stopped.
    pub fn done(&self) -> Summary {
        match self {
            BatchError::Read { done, .. }
            | BatchError::Write { done, .. }
            | BatchError::Panicked { done, .. } => *done,
        }
    }
}

/// A line read: its bytes without the line ending.
type Line = Vec<u8>;

/// Lines of one block handed to a worker at most, and bytes (a longer line is a block alone).
const BLOCK_LINES: usize = 32;
const BLOCK_BYTES: usize = 64 * 1024;

/// The chunk's lines cut into blocks of consecutive lines: up to [`BLOCK_LINES`] lines of
/// [`BLOCK_BYTES`] together.
fn blocks(chunk: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut blocks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, line) in chunk.iter().enumerate() {
        if i > start && (i - start == BLOCK_LINES || bytes + line.len() > BLOCK_BYTES) {
            blocks.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += line.len();
    }
    if start < chunk.len() {
        blocks.push(start..chunk.len());
    }
    blocks
}

impl<'r> Batch<'r> {
    /// Check with `rules`, default options, on every core, in chunks of [`CHUNK_LINES`] lines
    /// and at most [`CHUNK_BYTES`] bytes.
    pub fn new(rules: &'r RuleSet) -> Batch<'r> {
        Batch {
            rules,
            options: Options::default(),
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            chunk_lines: CHUNK_LINES,
            chunk_bytes: CHUNK_BYTES,
            first_line: 1,
        }
    }

    /// The options of every check (day applied, `now`, language).
    #[must_use]
    pub fn options(mut self, options: Options) -> Batch<'r> {
        self.options = options;
        self
    }

    /// Check on `threads` threads (at least one); the reports keep the input's order.
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Batch<'r> {
        self.threads = threads.max(1);
        self
    }

    /// Read and check at most `lines` lines (at least one) and about `bytes` bytes together.
    #[must_use]
    pub fn chunks(mut self, lines: usize, bytes: usize) -> Batch<'r> {
        self.chunk_lines = lines.max(1);
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// Number the first line of the input `line` (at least 1; 1 by default): a part of a
    /// larger archive, split across processes or machines, keeps the archive's line numbers.
    #[must_use]
    pub fn first_line(mut self, line: usize) -> Batch<'r> {
        self.first_line = line.max(1);
        self
    }

    /// Check one bundle given as bytes: text that is not UTF-8 gets an `invalid` report that
    /// says where the encoding breaks (the text shown is then its lossy reading).
    pub fn check<'a>(&self, bytes: &'a [u8]) -> Checked<'a> {
        // the encoding is validated once: only text that is not UTF-8 takes the lossy reading
        let (mut report, text) = match std::str::from_utf8(bytes) {
            Ok(text) => (self.rules.check(text, &self.options), Cow::Borrowed(text)),
            Err(_) => (
                self.rules.check_bytes(bytes, &self.options),
                String::from_utf8_lossy(bytes),
            ),
        };
        crate::report::spans::fill(&mut report, &text);
        if self.options.mask {
            // masked in place: the spans just found hold in the masked text
            let masked = self.rules.masker(&report, &text).text(&text);
            return Checked {
                bytes,
                text: Cow::Owned(masked),
                report,
            };
        }
        Checked {
            bytes,
            text,
            report,
        }
    }

    /// NDJSON from `reader`, one JSON report line (the report contract) written to `writer` per
    /// input line, in order; each report names its input line (`"line"`, from 1).
    pub fn check_lines(
        &self,
        reader: impl BufRead,
        mut writer: impl Write,
    ) -> Result<Summary, BatchError> {
        self.check_lines_with(
            reader,
            |_, checked| crate::report::json::report_line(&checked.report),
            |line: String| writer.write_all(line.as_bytes()),
        )
    }

    /// NDJSON from `reader`: each line checked and rendered by `render` (given the line's
    /// number, from 1, which its report's `line` also holds) on the worker threads, and the
    /// renderings handed to `sink` in input order, one per line.
    pub fn check_lines_with<T: Send>(
        &self,
        mut reader: impl BufRead,
        render: impl Fn(usize, &Checked<'_>) -> T + Sync,
        mut sink: impl FnMut(T) -> io::Result<()>,
    ) -> Result<Summary, BatchError> {
        let mut done = Summary::default();
        loop {
            let (chunk, read) = self.read_chunk(&mut reader);
            self.deliver(&chunk, &render, &mut sink, &mut done)?;
            match read {
                Ok(true) => {}
                Ok(false) => return Ok(done),
                Err(source) => return Err(BatchError::Read { done, source }),
            }
        }
    }

    /// As [`Batch::check_lines_with`], for an input that may pause between lines (a pipe from
    /// a producer that sends a line and waits for its report, a terminal): a chunk is the
    /// lines that have arrived, so each report is handed to `sink` as soon as its line is
    /// checked, never held back for lines that have not come. The lines are read on a thread
    /// of their own, at most a chunk (in lines and in bytes) ahead of the check.
    pub fn check_stream_with<T: Send>(
        &self,
        mut reader: impl BufRead + Send,
        render: impl Fn(usize, &Checked<'_>) -> T + Sync,
        mut sink: impl FnMut(T) -> io::Result<()>,
    ) -> Result<Summary, BatchError> {
        let (lines, arrived) =
            std::sync::mpsc::sync_channel::<io::Result<Option<Line>>>(self.chunk_lines);
        // bytes read but not yet taken, and whether the check has stopped: the reader waits
        // while a chunk's worth is in flight, and gives up when nobody will take more
        let in_flight = (
            std::sync::Mutex::new((0usize, false)),
            std::sync::Condvar::new(),
        );
        let budget = self.chunk_bytes;
        let max = self.options.limits.bundle_bytes;
        std::thread::scope(|scope| {
            let in_flight = &in_flight;
            // dropped when the check stops, however it stops: the reader is told so
            let arrived = arrived;
            let _stopped = Stopped(in_flight);
            scope.spawn(move || {
                loop {
                    let line = read_line(&mut reader, max);
                    let last = !matches!(line, Ok(Some(_)));
                    if let Ok(Some(l)) = &line {
                        let (state, taken) = in_flight;
                        let mut held = state
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        while held.0 > budget && !held.1 {
                            held = taken
                                .wait(held)
                                .unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                        if held.1 {
                            return;
                        }
                        held.0 += l.len();
                    }
                    // a closed channel: the check stopped (a write failed), so reading stops
                    if lines.send(line).is_err() || last {
                        return;
                    }
                }
            });
            let take = |line: &Line| {
                let (state, taken) = in_flight;
                let mut held = state
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                held.0 = held.0.saturating_sub(line.len());
                taken.notify_one();
            };
            let mut done = Summary::default();
            let mut ended = false;
            while !ended {
                // wait for one line, then take those that have arrived, up to a chunk
                let mut chunk = Vec::new();
                let mut next = arrived.recv().unwrap_or(Ok(None));
                loop {
                    match next {
                        Ok(Some(line)) => {
                            take(&line);
                            chunk.push(line);
                        }
                        Ok(None) => {
                            ended = true;
                            break;
                        }
                        Err(source) => {
                            self.deliver(&chunk, &render, &mut sink, &mut done)?;
                            return Err(BatchError::Read { done, source });
                        }
                    }
                    if chunk.len() >= self.chunk_lines {
                        break;
                    }
                    next = match arrived.try_recv() {
                        Ok(line) => line,
                        Err(std::sync::mpsc::TryRecvError::Empty) => break,
                        Err(std::sync::mpsc::TryRecvError::Disconnected) => Ok(None),
                    };
                }
                self.deliver(&chunk, &render, &mut sink, &mut done)?;
            }
            Ok(done)
        })
    }

    /// Check and deliver one chunk of lines, counted into `done`: each rendering is handed to
    /// `sink` as soon as those before it are, so a chunk's reports are never all held at once.
    fn deliver<T: Send>(
        &self,
        chunk: &[Line],
        render: &(impl Fn(usize, &Checked<'_>) -> T + Sync),
        sink: &mut impl FnMut(T) -> io::Result<()>,
        done: &mut Summary,
    ) -> Result<(), BatchError> {
        let first = self.first_line.saturating_add(done.lines);
        if self.threads <= 1 || chunk.len() < 2 {
            for (i, line) in chunk.iter().enumerate() {
                hand(
                    self.check_one(first.saturating_add(i), line, render),
                    sink,
                    done,
                )?;
            }
            return Ok(());
        }
        // workers take blocks of lines in order, at most `window` blocks ahead of the one
        // written last: a block is a few small lines (one long line alone), so a line's hand-off
        // costs the threads little next to its check, and the renderings held waiting for an
        // earlier block stay bounded by the threads, not by the chunk (a line of 100,000
        // failing documents renders to hundreds of MB)
        let blocks = blocks(chunk);
        let window = 2 * self.threads;
        let next = std::sync::atomic::AtomicUsize::new(0);
        let gate = (
            std::sync::Mutex::new(Gate::default()),
            std::sync::Condvar::new(),
        );
        let (sent, received) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..self.threads.min(blocks.len()))
                .map(|_| {
                    let (sent, next, gate, blocks) = (sent.clone(), &next, &gate, &blocks);
                    scope.spawn(move || {
                        loop {
                            let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(lines) = blocks.get(b) else { return };
                            if !gate_open(gate, b, window) {
                                return;
                            }
                            let outcomes: Vec<Outcome<T>> = lines
                                .clone()
                                .filter_map(|i| {
                                    let line = chunk.get(i)?;
                                    Some(self.check_one(first.saturating_add(i), line, render))
                                })
                                .collect();
                            if sent.send((b, outcomes)).is_err() {
                                return;
                            }
                        }
                    })
                })
                .collect();
            drop(sent);
            let result = write_in_order(blocks.len(), &received, &gate, sink, done);
            {
                let (state, moved) = &gate;
                state
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .stopped = true;
                moved.notify_all();
            }
            drop(received);
            // joined here so that a worker that died outside a line's check (its line never
            // came: `write_in_order` said so) does not take the run down with it
            for worker in workers {
                let _ = worker.join();
            }
            result
        })
    }

    /// Check and render one line numbered `number`. A line whose check or rendering panics
    /// is rendered as an `internal-error` report; it is an `Err` with the panic's message only
    /// when that rendering panics too.
    fn check_one<T>(
        &self,
        number: usize,
        line: &Line,
        render: &impl Fn(usize, &Checked<'_>) -> T,
    ) -> Outcome<T> {
        let deliver = |mut checked: Checked<'_>| {
            checked.report.line = Some(number);
            let mut counted = Summary::default();
            counted.add(&checked.report);
            (render(number, &checked), counted)
        };
        catch_unwind(AssertUnwindSafe(|| deliver(self.check(line)))).or_else(|panic| {
            // the line gets an `internal-error` report in its place: one record loses its
            // check, none is lost
            let message = panic_message(&*panic);
            let report = self.rules.failed(&message, &self.options);
            let text = String::from_utf8_lossy(line);
            let text = if self.options.mask {
                Cow::Owned(self.rules.masker(&report, &text).text(&text))
            } else {
                text
            };
            let failed = Checked {
                bytes: line,
                text,
                report,
            };
            catch_unwind(AssertUnwindSafe(|| deliver(failed)))
                .map_err(|again| panic_message(&*again))
        })
    }

    /// The next lines: a chunk, and whether more may follow (or why reading stopped). The lines
    /// read before an error are kept: they are checked like any other.
    fn read_chunk(&self, reader: &mut impl BufRead) -> (Vec<Line>, io::Result<bool>) {
        let mut chunk = Vec::with_capacity(self.chunk_lines.min(CHUNK_LINES));
        let mut bytes = 0;
        while chunk.len() < self.chunk_lines && bytes < self.chunk_bytes {
            match read_line(reader, self.options.limits.bundle_bytes) {
                Ok(Some(line)) => {
                    bytes += line.len();
                    chunk.push(line);
                }
                Ok(None) => return (chunk, Ok(false)),
                Err(e) => return (chunk, Err(e)),
            }
        }
        (chunk, Ok(true))
    }
}

/// Tells the reader of [`Batch::check_stream_with`] that the check has stopped.
struct Stopped<'a>(&'a (std::sync::Mutex<(usize, bool)>, std::sync::Condvar));

impl Drop for Stopped<'_> {
    fn drop(&mut self) {
        let (state, taken) = self.0;
        state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .1 = true;
        taken.notify_all();
    }
}

/// One line without its ending (`\n`, and any `\r` before it), or `None` at the end of the
/// input. A line longer than a bundle may be is kept up to one byte past the limit (its
/// report says it is too large) and the rest of it is skipped unread, so that one huge line
/// cannot take the memory.
fn read_line(reader: &mut impl BufRead, max: usize) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let limit = u64::try_from(max.saturating_add(1)).unwrap_or(u64::MAX);
    // `Read::take` of the reference: the reader itself stays for the next line
    if Read::take(&mut *reader, limit).read_until(b'\n', &mut line)? == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') && line.len() > max {
        skip_rest_of_line(reader)?;
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

/// Skip to just past the next `\n` (or the end of the input).
fn skip_rest_of_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|b| *b == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                reader.consume(all);
            }
        }
    }
}

/// What a panic said.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| String::from("no message"))
}
