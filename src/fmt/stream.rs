//! The concrete tree flattened for the layout: the file's tokens in order, each with the
//! trivia written before it and the facts of the tree the layout needs about it.
//!
//! The layout decides line by line and never walks the tree itself; everything it needs from
//! the structure (which token starts an item, which braces are a block's, which node a
//! continuation line hangs from, which bracket closes which) is worked out here, once.

use crate::syntax::cst::{Cst, Element, Node, Token, TokenKind};
use crate::syntax::parser::Rule;

/// The rules whose `{ … }` is a block: one item a line, indented.
const BLOCKS: [Rule; 8] = [
    Rule::act_decl,
    Rule::service_decl,
    Rule::calendar_decl,
    Rule::document_decl,
    Rule::refusal_decl,
    Rule::process_decl,
    Rule::view_decl,
    Rule::example_decl,
];

/// A printable token and what comes before it.
#[derive(Debug, Clone)]
pub(super) struct Piece<'s> {
    /// Its text, printed verbatim.
    pub(super) text: &'s str,
    /// What the layout must do with it.
    pub(super) role: Role,
    /// The rule of the node it is a direct child of.
    pub(super) parent: Rule,
    /// The innermost node that contains it and starts before it: a continuation line that
    /// starts with this token is indented from the line where that node began.
    pub(super) anchor: usize,
    /// The nodes that start with this token.
    pub(super) opens: Vec<usize>,
    /// For a closing `)` or an inline `}`: the piece that opened it.
    pub(super) opener: Option<usize>,
    /// The block whose body it is in (for a block's own braces, the block around it).
    pub(super) block: usize,
    /// The trivia between the previous piece and this one.
    pub(super) before: Gap<'s>,
}

/// What a piece is to the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The first token of an item of a block at this depth (0 is the file itself).
    ItemStart(usize),
    /// The `{` of the block node with this id.
    BlockOpen(usize),
    /// The `}` of the block node with this id, whose header is at this depth.
    BlockClose(usize, usize),
    /// Any other token.
    Inline,
}

/// The trivia between two pieces.
#[derive(Debug, Clone, Default)]
pub(super) struct Gap<'s> {
    /// A comment on the same line as the previous piece.
    pub(super) trailing: Option<&'s str>,
    /// Comments on lines of their own, each with the number of line breaks before it.
    pub(super) own_line: Vec<(usize, &'s str)>,
    /// Line breaks between the last comment (or the previous piece) and the next piece.
    pub(super) newlines: usize,
}

impl Gap<'_> {
    /// Whether the author broke the line here.
    pub(super) fn broke(&self) -> bool {
        self.trailing.is_some() || !self.own_line.is_empty() || self.newlines > 0
    }

    /// Whether a comment stands here.
    pub(super) fn has_comments(&self) -> bool {
        self.trailing.is_some() || !self.own_line.is_empty()
    }
}

/// The flattened file.
#[derive(Debug, Clone, Default)]
pub(super) struct Stream<'s> {
    /// The pieces in order.
    pub(super) pieces: Vec<Piece<'s>>,
    /// The trivia after the last piece.
    pub(super) tail: Gap<'s>,
    /// How many ids were given: one per node of the tree and one per run of tokens that is
    /// an item (every id is below this).
    pub(super) nodes: usize,
}

/// Flatten a concrete tree.
pub(super) fn flatten<'s>(cst: &Cst<'s>) -> Stream<'s> {
    let mut walker = Walker {
        cst,
        stream: Stream::default(),
        gap: Gap::default(),
        ancestors: Vec::new(),
        unopened: Vec::new(),
        pending_item: None,
    };
    walker.node(&cst.root, Body { block: 0, depth: 0 });
    walker.stream.tail = std::mem::take(&mut walker.gap);
    walker.stream
}

struct Walker<'c, 's> {
    cst: &'c Cst<'s>,
    stream: Stream<'s>,
    /// Trivia seen since the last piece.
    gap: Gap<'s>,
    /// Ids of the nodes being walked that already have a first piece, outermost first.
    ancestors: Vec<usize>,
    /// Ids of the nodes entered since the last piece (they start with the next one).
    unopened: Vec<usize>,
    /// The depth of the item that the next piece starts, if it starts one.
    pending_item: Option<usize>,
}

/// The block body a node is in.
#[derive(Debug, Clone, Copy)]
struct Body {
    /// The id of the block node (0: the file).
    block: usize,
    /// The depth of its items.
    depth: usize,
}

impl Walker<'_, '_> {
    /// Walk a node that is in `body`.
    fn node(&mut self, node: &Node, body: Body) {
        let id = self.stream.nodes;
        self.stream.nodes += 1;
        self.unopened.push(id);
        if node.rule == Rule::file {
            self.body(
                node,
                &node.children,
                Body {
                    block: id,
                    depth: 0,
                },
            );
        } else if BLOCKS.contains(&node.rule) {
            self.block(node, id, body);
        } else {
            self.children(node, &node.children, body);
        }
        // Children have left these lists already, so this node is the last of its own.
        if self.ancestors.last() == Some(&id) {
            self.ancestors.pop();
        }
        self.unopened.retain(|n| *n != id);
    }

    /// A block: header, `{`, items, `}`.
    fn block(&mut self, node: &Node, id: usize, outer: Body) {
        let is_brace = |e: &Element, brace: &str| {
            matches!(e, Element::Token(t)
                if t.kind == TokenKind::Punct && self.cst.text_of(t) == brace)
        };
        let open = node.children.iter().position(|e| is_brace(e, "{"));
        let close = node.children.iter().rposition(|e| is_brace(e, "}"));
        let (Some(open), Some(close)) = (open, close) else {
            // Not the shape the grammar gives a block; print it as one run of tokens.
            self.children(node, &node.children, outer);
            return;
        };
        let (header, rest) = node.children.split_at(open);
        let (items, closing) = rest.split_at(close - open);
        self.children(node, header, outer);
        if let [brace, items @ ..] = items {
            self.token(node, brace, Role::BlockOpen(id), outer, &mut Vec::new());
            let inner = Body {
                block: id,
                depth: outer.depth + 1,
            };
            self.body(node, items, inner);
        }
        if let [brace, after @ ..] = closing {
            let role = Role::BlockClose(id, outer.depth);
            self.token(node, brace, role, outer, &mut Vec::new());
            self.children(node, after, outer);
        }
    }

    /// The items of a block body (or of the file): each child node is one, and so is each
    /// run of tokens between them (an example's `bundle … expect …`). A run has no node of
    /// its own in the tree, so it gets an id here: its continuation lines hang from it as
    /// they would from a node.
    fn body(&mut self, node: &Node, children: &[Element], body: Body) {
        let mut run: Option<usize> = None;
        let mut brackets = Vec::new();
        for child in children {
            match child {
                Element::Node(n) => {
                    self.end_run(run.take());
                    self.pending_item = Some(body.depth);
                    self.node(n, body);
                }
                Element::Token(t) if t.kind.is_trivia() => self.trivia(t),
                Element::Token(_) => {
                    if run.is_none() {
                        let id = self.stream.nodes;
                        self.stream.nodes += 1;
                        self.unopened.push(id);
                        self.pending_item = Some(body.depth);
                        run = Some(id);
                    }
                    self.token(node, child, Role::Inline, body, &mut brackets);
                }
            }
        }
        self.end_run(run);
    }

    /// Close the run of tokens with this id, if any.
    fn end_run(&mut self, run: Option<usize>) {
        if run.is_some() && self.ancestors.last() == run.as_ref() {
            self.ancestors.pop();
        }
    }

    /// The children of a node that is not a block.
    fn children(&mut self, node: &Node, children: &[Element], body: Body) {
        let mut brackets = Vec::new();
        for child in children {
            match child {
                Element::Node(n) => self.node(n, body),
                Element::Token(t) if t.kind.is_trivia() => self.trivia(t),
                Element::Token(_) => self.token(node, child, Role::Inline, body, &mut brackets),
            }
        }
    }

    fn trivia(&mut self, token: &Token) {
        let text = self.cst.text_of(token);
        if token.kind == TokenKind::Comment {
            let text = text.trim_end();
            let first_in_gap = !self.gap.has_comments();
            if first_in_gap && self.gap.newlines == 0 && !self.stream.pieces.is_empty() {
                self.gap.trailing = Some(text);
            } else {
                self.gap.own_line.push((self.gap.newlines, text));
            }
            self.gap.newlines = 0;
        } else {
            self.gap.newlines += text.matches('\n').count();
        }
    }

    /// A significant token. `brackets` holds the open brackets among its siblings.
    fn token(
        &mut self,
        parent: &Node,
        element: &Element,
        role: Role,
        body: Body,
        brackets: &mut Vec<usize>,
    ) {
        let Element::Token(token) = element else {
            return;
        };
        let text = self.cst.text_of(token);
        let index = self.stream.pieces.len();
        let bracket = token.kind == TokenKind::Punct && role == Role::Inline;
        let opener = match text {
            "(" | "{" if bracket => {
                brackets.push(index);
                None
            }
            ")" | "}" if bracket => brackets.pop(),
            _ => None,
        };
        let role = match self.pending_item.take() {
            Some(depth) if role == Role::Inline => Role::ItemStart(depth),
            _ => role,
        };
        let anchor = self.ancestors.last().copied().unwrap_or(0);
        let opens = std::mem::take(&mut self.unopened);
        self.ancestors.extend(&opens);
        self.stream.pieces.push(Piece {
            text,
            role,
            parent: parent.rule,
            anchor,
            opens,
            opener,
            block: body.block,
            before: std::mem::take(&mut self.gap),
        });
    }
}
