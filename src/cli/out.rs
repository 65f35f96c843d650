//! Writing to standard output. A reader that goes away (`ereje explain | head`) ends the run
//! quietly, as it ends any Unix tool: no message, no panic, status 141 (128 + SIGPIPE, as a
//! shell reports a tool that the closed pipe stopped). Any other failure to write (a full
//! disk) is an error on stderr and status 2, never silent. Every command writes through here
//! (`say!`, [`put`]), so no write can panic as `println!` does.

use std::io::{self, Write};

/// The status of a run whose reader went away.
pub const READER_GONE: i32 = 141;

/// Write `args` and a line break to stdout, or end the run as [`failed`] says.
pub fn line(args: std::fmt::Arguments<'_>) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        failed(&e);
    }
}

/// Write `text` as it is to stdout, or end the run as [`failed`] says.
pub fn put(text: &str) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        failed(&e);
    }
}

/// End the run after a failed write to stdout: quietly when the reader went away, else with
/// the error on stderr and status 2.
pub fn failed(e: &io::Error) -> ! {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(READER_GONE);
    }
    let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
    std::process::exit(2)
}

/// `println!` that never panics: [`line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::out::line(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// A path as a message shows it: its control, bidirectional and invisible characters escaped,
/// so a file name cannot end the line, colour the terminal or print backwards.
pub(crate) fn shown(path: &std::path::Path) -> String {
    crate::report::escaped(&path.display().to_string()).into_owned()
}
