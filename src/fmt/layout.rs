//! The layout: which line each token goes on, how far it is indented, and where the comments
//! and blank lines stand. The result is a list of lines; `printer` turns it into text.
//!
//! Line breaks come from two places only. The structure forces some: every item of a block
//! starts its own line and every block's `}` stands alone. The author chose the others: a
//! break between two tokens of one item is kept as a continuation line, and none is added
//! or taken away (except before a block's `{`, which always joins its header unless a comment
//! stands in between). So formatting twice changes nothing the first pass did not.
//!
//! The rules, in full:
//! - Items of a block at depth `d` start at `2 d` spaces; the file's declarations are depth 0.
//!   `{` ends the header line after one space; `}` stands alone at the header's indentation;
//!   a block with no items and no comments is `{}`.
//! - A continuation line is indented two spaces more than the line where the innermost node
//!   around its first token (starting before it) began; an example's `bundle … expect …` run
//!   counts as such a node. A line that starts with a closing `)` or a list type's `}` lines
//!   up with the line of its opening bracket instead, and a block's `{` that a comment keeps
//!   off the header line lines up with the header, as its `}` does.
//! - Within a line, tokens are spaced as `spacing` says.
//! - A comment alone on its line goes on a line of its own before the next token, at that
//!   token's indentation (before a `}`, at the indentation of the block's items). A comment
//!   after a token stays after it, at the end of that token's line.
//! - Where the author left blank lines, one is kept; none at the start of the file, right
//!   after a block's `{` or right before its `}`.

use super::spacing;
use super::stream::{Gap, Piece, Role, Stream};

/// Spaces per level of indentation.
const INDENT: usize = 2;

/// One output line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line<'s> {
    /// Spaces before the code.
    pub(super) indent: usize,
    /// The tokens, spaced; for a comment line, the comment.
    pub(super) code: String,
    /// A comment after the code.
    pub(super) trailing: Option<&'s str>,
    /// Whether one blank line comes before it.
    pub(super) blank_before: bool,
    /// The block whose body the line is in; trailing comments align within one block.
    pub(super) block: usize,
}

/// Where a token goes.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// On the current line, after one space or none.
    Same { space: bool },
    /// At the start of a new line with this indentation.
    New { indent: usize },
}

/// Lay out a flattened file.
pub(super) fn lay_out<'s>(stream: &Stream<'s>) -> Vec<Line<'s>> {
    let mut layout = Layout {
        lines: Vec::new(),
        piece_indent: Vec::with_capacity(stream.pieces.len()),
        node_indent: vec![0; stream.nodes],
        after_open: false,
    };
    for (index, piece) in stream.pieces.iter().enumerate() {
        layout.piece(stream, index, piece);
    }
    layout.trailing(&stream.tail);
    layout.comments(&stream.tail, 0, 0);
    layout.lines
}

struct Layout<'s> {
    lines: Vec<Line<'s>>,
    /// The indentation of the line each piece went on, by piece index.
    piece_indent: Vec<usize>,
    /// The indentation of the line each node began on, by node id.
    node_indent: Vec<usize>,
    /// Whether the last line ends with a block's `{` (no blank line may follow it).
    after_open: bool,
}

impl<'s> Layout<'s> {
    fn piece(&mut self, stream: &Stream<'s>, index: usize, piece: &Piece<'s>) {
        let gap = &piece.before;
        self.trailing(gap);
        let previous = index.checked_sub(1).and_then(|i| stream.pieces.get(i));
        let place = self.place(piece, previous);
        let indent = match place {
            Place::New { indent } => {
                let comment_indent = match piece.role {
                    // A comment before `}` belongs to the block's body: a dangling comment.
                    Role::BlockClose(_, depth) => (depth + 1) * INDENT,
                    _ => indent,
                };
                self.comments(gap, comment_indent, piece.block);
                let blank = gap.newlines >= 2
                    && self.blank_allowed()
                    && !matches!(piece.role, Role::BlockClose(..));
                self.lines.push(Line {
                    indent,
                    code: piece.text.to_string(),
                    trailing: None,
                    blank_before: blank,
                    block: piece.block,
                });
                indent
            }
            // `place` starts the first line itself, so there is a line to continue.
            Place::Same { space } => match self.lines.last_mut() {
                Some(line) => {
                    if space {
                        line.code.push(' ');
                    }
                    line.code.push_str(piece.text);
                    line.indent
                }
                None => 0,
            },
        };
        self.after_open = matches!(piece.role, Role::BlockOpen(_));
        self.piece_indent.push(indent);
        for node in &piece.opens {
            if let Some(slot) = self.node_indent.get_mut(*node) {
                *slot = indent;
            }
        }
    }

    /// Where a piece goes, given the one before it.
    fn place(&self, piece: &Piece<'s>, previous: Option<&Piece<'s>>) -> Place {
        let gap = &piece.before;
        let Some(previous) = previous.filter(|_| !self.lines.is_empty()) else {
            return Place::New { indent: 0 };
        };
        match piece.role {
            Role::ItemStart(depth) => Place::New {
                indent: depth * INDENT,
            },
            Role::BlockOpen(block) => {
                if gap.has_comments() {
                    // The header's line: the `{` lines up with its `}`.
                    Place::New {
                        indent: self.node_indent.get(block).copied().unwrap_or(0),
                    }
                } else {
                    Place::Same { space: true }
                }
            }
            Role::BlockClose(block, depth) => {
                if previous.role == Role::BlockOpen(block) && !gap.has_comments() {
                    Place::Same { space: false }
                } else {
                    Place::New {
                        indent: depth * INDENT,
                    }
                }
            }
            Role::Inline if gap.broke() => Place::New {
                indent: self.continuation(piece),
            },
            Role::Inline => Place::Same {
                space: spacing::space_between(previous, piece),
            },
        }
    }

    /// The indentation of a continuation line that starts with `piece`: one step more than
    /// the line where the innermost node around it began; a closing bracket lines up with
    /// the line of its opening one instead.
    fn continuation(&self, piece: &Piece<'s>) -> usize {
        if let Some(opener) = piece.opener {
            return self.piece_indent.get(opener).copied().unwrap_or(0);
        }
        self.node_indent.get(piece.anchor).copied().unwrap_or(0) + INDENT
    }

    /// Hang a trailing comment on the line of the piece before it.
    fn trailing(&mut self, gap: &Gap<'s>) {
        if let (Some(comment), Some(line)) = (gap.trailing, self.lines.last_mut()) {
            line.trailing = Some(comment);
        }
    }

    /// The comments that stand on lines of their own before the next piece.
    fn comments(&mut self, gap: &Gap<'s>, indent: usize, block: usize) {
        for (newlines, text) in &gap.own_line {
            let blank = *newlines >= 2 && self.blank_allowed();
            self.lines.push(Line {
                indent,
                code: (*text).to_string(),
                trailing: None,
                blank_before: blank,
                block,
            });
            self.after_open = false;
        }
    }

    /// A blank line is kept only between two lines, and never right after a `{`.
    fn blank_allowed(&self) -> bool {
        !self.lines.is_empty() && !self.after_open
    }
}
