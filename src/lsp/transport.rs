//! The connection to the editor on stdin and stdout: `Content-Length` framing, as the
//! protocol sets it, read so that one bad message does not end the session. `lsp-server`'s
//! own stdio transport stops at the first body it cannot read (a byte that is not UTF-8, a
//! lone surrogate escape, a batch, `42`), and the editor's server dies with it; here such a
//! message is answered with a JSON-RPC error (`-32700` parse error, `-32600` invalid
//! request, with the message's `id` when it has one, else `null`) and reading goes on.

use std::io::{self, BufRead, Read, Write};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, bounded, select};
use lsp_server::{Connection, Message};
use serde_json::{Value, json};

/// The largest message body read (an open file is at most 16 MiB; its text escaped in JSON
/// can take more). A larger one is skipped and answered with an error.
const MAX_BODY: usize = 64 << 20;

/// The longest header line read.
const MAX_HEADER_LINE: usize = 1 << 10;

/// The reading and writing threads; [`Threads::join`] waits for both.
pub struct Threads {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Wait for both threads; the first failure of either.
    pub fn join(self) -> Result<(), String> {
        let reader = self.reader.join();
        let writer = self.writer.join();
        for outcome in [reader, writer] {
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e.to_string()),
                Err(_) => return Err("a thread of the connection failed".to_string()),
            }
        }
        Ok(())
    }
}

/// A connection on stdin and stdout.
pub fn stdio() -> Result<(Connection, Threads), String> {
    let (to_editor, outgoing) = bounded::<Message>(0);
    let (errors, raw) = bounded::<Value>(16);
    let (incoming, from_editor) = bounded::<Message>(0);
    let writer = std::thread::Builder::new()
        .name("ereje-lsp-writer".into())
        .spawn(move || write_all(&mut io::stdout().lock(), &outgoing, &raw))
        .map_err(|e| e.to_string())?;
    let reader = std::thread::Builder::new()
        .name("ereje-lsp-reader".into())
        .spawn(move || read_all(&mut io::stdin().lock(), &incoming, &errors))
        .map_err(|e| e.to_string())?;
    let connection = Connection {
        sender: to_editor,
        receiver: from_editor,
    };
    Ok((connection, Threads { reader, writer }))
}

/// Read messages until the editor closes stdin or sends `exit`; each is handed to the
/// server, each that cannot be read answered with an error.
pub fn read_all(
    input: &mut impl BufRead,
    incoming: &Sender<Message>,
    errors: &Sender<Value>,
) -> io::Result<()> {
    loop {
        let body = match read_body(input)? {
            Body::End => return Ok(()),
            Body::Bad(why) => {
                let _ = errors.send(error(&Value::Null, -32700, &why));
                continue;
            }
            Body::Text(bytes) => bytes,
        };
        match parse(&body) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if incoming.send(message).is_err() || exit {
                    return Ok(());
                }
            }
            Err(answer) => {
                let _ = errors.send(answer);
            }
        }
    }
}

/// One framed body, read.
enum Body {
    /// stdin ended (between messages, or inside one: nothing more can be read).
    End,
    /// A message that cannot be framed; its bytes (if its length was known) were skipped.
    Bad(String),
    /// The bytes of a body.
    Text(Vec<u8>),
}

fn read_body(input: &mut impl BufRead) -> io::Result<Body> {
    let mut length: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut any = false;
    loop {
        let mut line = Vec::new();
        let n = input
            .by_ref()
            .take(MAX_HEADER_LINE as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Body::End);
        }
        if !line.ends_with(b"\n") && line.len() >= MAX_HEADER_LINE {
            // a header line without end: skip to its end
            let mut rest = Vec::new();
            input.read_until(b'\n', &mut rest)?;
            bad = Some("a header line is too long".into());
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !any {
                continue; // stray blank lines between messages
            }
            break;
        }
        any = true;
        match text.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = Some(format!("`Content-Length` is not a number: {text}")),
                }
            }
            Some(_) => {} // Content-Type and other headers
            None => bad = Some(format!("a header line without `:`: {text}")),
        }
    }
    let Some(length) = length else {
        return Ok(Body::Bad(
            bad.unwrap_or_else(|| "a message without `Content-Length`".into()),
        ));
    };
    if length > MAX_BODY {
        let skipped = io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
        if skipped < length as u64 {
            return Ok(Body::End);
        }
        return Ok(Body::Bad(format!(
            "a message of {length} bytes is larger than the {MAX_BODY} ereje reads"
        )));
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Ok(Body::End);
    }
    Ok(match bad {
        Some(why) => Body::Bad(why),
        None => Body::Text(body),
    })
}

/// A body as a message, or the error that answers it.
fn parse(body: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        error(
            &Value::Null,
            -32700,
            &format!("the message is not JSON: {e}"),
        )
    })?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    if !value.is_object() {
        return Err(error(
            &Value::Null,
            -32600,
            "a message must be one JSON object (ereje takes no batches)",
        ));
    }
    serde_json::from_value::<Message>(value).map_err(|e| {
        error(
            &id,
            -32600,
            &format!("the message is no request, response or notification: {e}"),
        )
    })
}

/// A JSON-RPC error response.
fn error(id: &Value, code: i32, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

/// Write the server's messages and the reader's error answers until the server is done.
fn write_all(
    out: &mut impl Write,
    outgoing: &Receiver<Message>,
    raw: &Receiver<Value>,
) -> io::Result<()> {
    loop {
        select! {
            recv(outgoing) -> m => match m {
                Ok(message) => message.write(out)?,
                Err(_) => {
                    // the server is done; answer what the reader still has, then stop
                    while let Ok(v) = raw.try_recv() {
                        frame(out, &v)?;
                    }
                    return Ok(());
                }
            },
            recv(raw) -> v => {
                if let Ok(v) = v {
                    frame(out, &v)?;
                }
            }
        }
    }
}

fn frame(out: &mut impl Write, value: &Value) -> io::Result<()> {
    let body = value.to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &[u8]) -> Vec<u8> {
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn a_bad_message_is_answered_and_reading_goes_on() {
        let mut input = Vec::new();
        input.extend(framed(b"{not json"));
        input.extend(framed(b"42"));
        input.extend(framed(b"[{\"jsonrpc\":\"2.0\",\"method\":\"x\"}]"));
        input.extend(framed(
            b"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"x\",\"params\":\"\\ud800\"}",
        ));
        input.extend(framed(&[b'"', 0xFF, b'"']));
        input.extend(b"Garbage-Line\r\n\r\n");
        input.extend(framed(b"{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":3}"));
        input.extend(framed(
            b"{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
        ));
        input.extend(framed(b"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
        input.extend(framed(b"{\"jsonrpc\":\"2.0\",\"method\":\"after-exit\"}"));
        let (incoming, messages) = crossbeam_channel::unbounded();
        let (errors, answers) = crossbeam_channel::unbounded();
        read_all(&mut input.as_slice(), &incoming, &errors).expect("read");
        let methods: Vec<String> = messages
            .try_iter()
            .map(|m| match m {
                Message::Notification(n) => n.method,
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(methods, ["initialized", "exit"]);
        let answered: Vec<(Value, i64)> = answers
            .try_iter()
            .map(|v| (v["id"].clone(), v["error"]["code"].as_i64().unwrap_or(0)))
            .collect();
        assert_eq!(
            answered,
            [
                (Value::Null, -32700),
                (Value::Null, -32600),
                (Value::Null, -32600),
                (Value::Null, -32700),
                (Value::Null, -32700),
                (Value::Null, -32700),
                (json!(8), -32600),
            ]
        );
    }

    #[test]
    fn a_body_past_the_end_of_input_ends_the_session() {
        let input = b"Content-Length: 100\r\n\r\n{\"jsonrpc\"";
        let (incoming, messages) = crossbeam_channel::unbounded();
        let (errors, answers) = crossbeam_channel::unbounded();
        read_all(&mut input.as_slice(), &incoming, &errors).expect("read");
        assert_eq!(messages.try_iter().count(), 0);
        assert_eq!(answers.try_iter().count(), 0);
    }
}
