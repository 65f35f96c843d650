//! `POST /v1/check/batch`: NDJSON in, NDJSON out, streamed. The library's batch engine reads
//! the body as it arrives (a client may send a line and wait for its report) and writes one
//! report per line, in order, each naming its line; nothing is held beyond its window, so a
//! batch of any length runs in bounded memory.

use std::io::{self, BufReader, Read};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;

use super::state::Shared;
use super::{request, respond};
use crate::batch::Batch;

use crate::report::json::report_line;

/// The media types an NDJSON batch may be sent as.
pub const NDJSON_TYPES: &[&str] = &[
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/jsonlines",
];

/// Check every line of the body.
pub async fn batch(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let asked = match request::asked(
        &shared,
        &headers,
        query.as_deref(),
        NDJSON_TYPES,
        "application/x-ndjson",
    ) {
        Ok(a) => a,
        Err(refused) => return *refused,
    };
    let (loaded, options) = (asked.loaded, asked.options);
    let (lines_in, lines_arrive) = mpsc::channel::<io::Result<Bytes>>(16);
    let (reports_out, reports) = mpsc::channel::<io::Result<Bytes>>(64);
    tokio::spawn(forward(
        body,
        lines_in,
        shared.config.batch_bytes,
        shared.config.timeout,
    ));
    let threads = shared.config.threads;
    let idle = shared.config.timeout;
    let rules = Arc::clone(&loaded);
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let reader = BufReader::with_capacity(1 << 16, Arriving::new(lines_arrive));
        let engine = Batch::new(&rules.rules).options(options).threads(threads);
        let sent = engine.check_stream_with(
            reader,
            |_, checked| report_line(&checked.report),
            |line| {
                // a client that takes no report for as long as it may stay idle is let go
                let sent = runtime.block_on(tokio::time::timeout(
                    idle,
                    reports_out.send(Ok(Bytes::from(line))),
                ));
                match sent {
                    Ok(Ok(())) => Ok(()),
                    Ok(Err(_)) => Err(io::Error::new(io::ErrorKind::BrokenPipe, "the client left")),
                    Err(_) => Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client takes no reports",
                    )),
                }
            },
        );
        if let Err(crate::batch::BatchError::Read { source, .. }) = sent {
            // the body broke off: the stream ends in an error, so the client cannot take
            // the reports it got for the whole batch
            let _ = reports_out.blocking_send(Err(source));
        }
    });
    let mut response = (
        StatusCode::OK,
        Body::from_stream(ReceiverStream::new(reports)),
    )
        .into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    if let Ok(v) = HeaderValue::from_str(loaded.rules.version()) {
        h.insert(respond::RULES_VERSION, v);
    }
    response
}

/// Pass the body's chunks on to the check, at most `limit` bytes in all, and give up on a
/// client that sends nothing for `idle`.
async fn forward(body: Body, to: mpsc::Sender<io::Result<Bytes>>, limit: usize, idle: Duration) {
    let mut stream = body.into_data_stream();
    let mut total = 0usize;
    loop {
        let next = match tokio::time::timeout(idle, stream.next()).await {
            Err(_) => Some(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no bytes of the batch for {} s", idle.as_secs()),
            ))),
            Ok(None) => None,
            Ok(Some(Ok(chunk))) => {
                total = total.saturating_add(chunk.len());
                if total > limit {
                    Some(Err(io::Error::other(format!(
                        "the batch is larger than {limit} bytes"
                    ))))
                } else {
                    Some(Ok(chunk))
                }
            }
            Ok(Some(Err(e))) => Some(Err(io::Error::other(e.to_string()))),
        };
        let Some(item) = next else { return };
        let failed = item.is_err();
        if to.send(item).await.is_err() || failed {
            return;
        }
    }
}

/// The body's chunks as a blocking reader, for the batch engine's thread.
struct Arriving {
    chunks: mpsc::Receiver<io::Result<Bytes>>,
    current: Bytes,
}

impl Arriving {
    fn new(chunks: mpsc::Receiver<io::Result<Bytes>>) -> Arriving {
        Arriving {
            chunks,
            current: Bytes::new(),
        }
    }
}

impl Read for Arriving {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.chunks.blocking_recv() {
                None => return Ok(0),
                Some(Ok(chunk)) => self.current = chunk,
                Some(Err(e)) => return Err(e),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current.split_to(n));
        Ok(n)
    }
}
