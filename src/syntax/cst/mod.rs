//! The concrete syntax tree: a lossless view of a rule file, built from pest's pairs.
//!
//! Every byte of the source belongs to exactly one token, and the tokens in order spell the
//! source again (a test holds this for every shipped file and fixture). Nodes carry the
//! grammar [`Rule`] that matched them, their byte span and their children in source order;
//! tokens are the atomic pairs of the grammar (names, strings, dates, keywords…), the
//! punctuation that pest matches as anonymous literals (`{ } ( ) , : ? § + .. ==`…) and the
//! trivia between them: whitespace and `//` comments.
//!
//! Why a concrete tree rather than a table of comments hung on the AST: the formatter prints
//! the punctuation, keeps every item in its written order and puts every comment back exactly
//! where it was, relative to the tokens around it. The AST forgets all three (it is the
//! semantic view: what a file says, not how it is written), and a side table would have to
//! re-derive the token order from spans. The AST stays what `semantic` reads; this tree is
//! only for tools that rewrite text.

mod lex;

use pest::Parser;
use pest::iterators::Pair;

use super::parser::{Rule, RuleParser};

/// A lossless tree of one rule file.
#[derive(Debug, Clone)]
pub(crate) struct Cst<'s> {
    /// The text the spans point into.
    pub(crate) text: &'s str,
    /// The `file` node; it covers the whole text.
    pub(crate) root: Node,
}

/// A grammar rule's match and its parts.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The rule that matched.
    pub(crate) rule: Rule,
    /// Byte offset of the node's first byte.
    pub(crate) start: usize,
    /// Byte offset one past its last byte.
    pub(crate) end: usize,
    /// Nodes and tokens in source order.
    pub(crate) children: Vec<Element>,
}

/// A child of a node.
#[derive(Debug, Clone)]
pub(crate) enum Element {
    /// A rule with parts of its own.
    Node(Node),
    /// A piece of text.
    Token(Token),
}

/// A piece of text with no parts the formatter looks into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// What it is.
    pub(crate) kind: TokenKind,
    /// Byte offset of its first byte.
    pub(crate) start: usize,
    /// Byte offset one past its last byte.
    pub(crate) end: usize,
}

/// The kinds of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// An atomic rule of the grammar (`ident`, `path`, `string`, `kw_when`…).
    Leaf(Rule),
    /// A literal the grammar matches without a rule of its own (`{`, `,`, `§`, `==`…).
    Punct,
    /// Spaces, tabs, newlines (and a byte-order mark).
    Whitespace,
    /// A `//` comment, up to but not including its newline.
    Comment,
}

impl TokenKind {
    /// Whitespace and comments: what the grammar skips.
    pub(crate) fn is_trivia(self) -> bool {
        matches!(self, TokenKind::Whitespace | TokenKind::Comment)
    }
}

impl<'s> Cst<'s> {
    /// The concrete tree of `text`, or pest's error when it does not parse.
    ///
    /// Call it on text that [`parse_file`](crate::syntax::parse_file) accepted: that is where
    /// the limits on nesting and on pest's work are enforced, and this parse repeats that
    /// same work.
    pub(crate) fn parse(text: &'s str) -> Result<Self, Box<pest::error::Error<Rule>>> {
        let mut pairs = RuleParser::parse(Rule::file, text).map_err(Box::new)?;
        let mut root = match pairs.next() {
            Some(file) => node(text, file),
            None => Node {
                rule: Rule::file,
                start: 0,
                end: 0,
                children: Vec::new(),
            },
        };
        // `file` starts at SOI and ends at EOI, so these gaps are empty; lexing them anyway
        // keeps the tree lossless whatever pest decides about the edges.
        let mut children = Vec::new();
        lex::gap(text, 0, root.start, &mut children);
        children.append(&mut root.children);
        lex::gap(text, root.end, text.len(), &mut children);
        root.children = children;
        root.start = 0;
        root.end = text.len();
        Ok(Cst { text, root })
    }

    /// The text of a token.
    pub(crate) fn text_of(&self, token: &Token) -> &'s str {
        self.text.get(token.start..token.end).unwrap_or("")
    }

    /// Every token in source order.
    pub(crate) fn tokens(&self) -> Vec<Token> {
        let mut out = Vec::new();
        collect_tokens(&self.root, &mut out);
        out
    }

    /// The texts of every comment, in order, without trailing whitespace.
    pub(crate) fn comments(&self) -> Vec<&'s str> {
        self.tokens()
            .iter()
            .filter(|t| t.kind == TokenKind::Comment)
            .map(|t| self.text_of(t).trim_end())
            .collect()
    }
}

fn collect_tokens(node: &Node, out: &mut Vec<Token>) {
    for child in &node.children {
        match child {
            Element::Node(n) => collect_tokens(n, out),
            Element::Token(t) => out.push(*t),
        }
    }
}

/// The node of a pair: its child pairs become nodes or leaves, and the text between them is
/// lexed into punctuation and trivia.
fn node(text: &str, pair: Pair<'_, Rule>) -> Node {
    let span = pair.as_span();
    let (start, end) = (span.start(), span.end());
    let rule = pair.as_rule();
    let mut children = Vec::new();
    let mut cursor = start;
    for child in pair.into_inner() {
        let child_span = child.as_span();
        lex::gap(text, cursor, child_span.start(), &mut children);
        cursor = child_span.end();
        match child.as_rule() {
            // End of input matches no text.
            Rule::EOI => {}
            r if is_leaf(r) => children.push(Element::Token(Token {
                kind: TokenKind::Leaf(r),
                start: child_span.start(),
                end: child_span.end(),
            })),
            _ => children.push(Element::Node(node(text, child))),
        }
    }
    lex::gap(text, cursor, end, &mut children);
    Node {
        rule,
        start,
        end,
        children,
    }
}

/// The rules written `@{…}` or `${…}` in the grammar: their text has no trivia to keep apart,
/// so the tree takes each whole as one token. A unit test compares this list with the grammar.
fn is_leaf(rule: Rule) -> bool {
    use Rule as R;
    matches!(
        rule,
        R::ident
            | R::path
            | R::segment
            | R::string
            | R::string_inner
            | R::date
            | R::number
            | R::lang
            | R::lint_name
            | R::subject_path
            | R::para_ref
            | R::para_number
            | R::unit_qualifier
            | R::unit_word
            | R::kw_any
            | R::kw_all
            | R::kw_act
            | R::kw_wording
            | R::kw_from
            | R::kw_service
            | R::kw_calendar
            | R::kw_title
            | R::kw_kind
            | R::kw_issued
            | R::kw_issuer
            | R::kw_number
            | R::kw_personal
            | R::kw_registered
            | R::kw_published
            | R::kw_in_force
            | R::kw_amended
            | R::kw_repealed
            | R::kw_annex
            | R::kw_excluded
            | R::kw_unknown
            | R::kw_by
            | R::kw_at
            | R::kw_on
            | R::kw_standard
            | R::kw_timezone
            | R::kw_channel
            | R::kw_actor
            | R::kw_input
            | R::kw_let
            | R::kw_document
            | R::kw_required
            | R::kw_always
            | R::kw_when
            | R::kw_unless
            | R::kw_valid
            | R::kw_for
            | R::kw_each
            | R::kw_in
            | R::kw_where
            | R::kw_matched
            | R::kw_refusal
            | R::kw_message
            | R::kw_quote
            | R::kw_source
            | R::kw_unverified
            | R::kw_note
            | R::kw_since
            | R::kw_until
            | R::kw_allow
            | R::kw_because
            | R::kw_process
            | R::kw_view
            | R::kw_step
            | R::kw_within
            | R::kw_after
            | R::kw_parallel
            | R::kw_with
            | R::kw_maps
            | R::kw_to
            | R::kw_term
            | R::kw_action
            | R::kw_written
            | R::kw_refers
            | R::kw_dated
            | R::kw_paragraphs
            | R::kw_of
            | R::kw_empty
            | R::kw_addressed
            | R::kw_results
            | R::kw_produces
            | R::kw_names
            | R::kw_as
            | R::kw_example
            | R::kw_bundle
            | R::kw_expect
            | R::kw_finding
            | R::kw_others
            | R::kw_and_others
            | R::kw_art
            | R::kw_and
            | R::kw_or
            | R::kw_not
            | R::kw_has_any
            | R::kw_has
            | R::kw_true
            | R::kw_false
            | R::kw_list
            | R::kw_set
            | R::kw_one_of
            | R::kw_weekend
            | R::kw_holiday
            | R::kw_working
            | R::kw_transfer
            | R::kw_observed
            | R::kw_fixed
            | R::kw_years
            | R::kw_counting
    )
}

/// The text rebuilt from the concrete tree of `text`: the same text, when the tree is
/// lossless. `None` when the text is not a rule file that parses. Tests hold it to the
/// shipped files and fixtures; nothing else needs it.
pub fn tokens_text(text: &str) -> Option<String> {
    let source = crate::source::SourceFile::new("", text);
    crate::syntax::parse_file(&source, 0).ok()?;
    let cst = Cst::parse(text).ok()?;
    Some(cst.tokens().iter().map(|t| cst.text_of(t)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names of the grammar's rules written as atomic (`@{`) or compound-atomic (`${`).
    fn atomic_in_grammar() -> Vec<String> {
        include_str!("../../../grammar/ereje.pest")
            .lines()
            .filter_map(|line| {
                let (name, rest) = line.split_once('=')?;
                let name = name.trim();
                let rest = rest.trim_start();
                let plain =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                (plain && (rest.starts_with("@{") || rest.starts_with("${")))
                    .then(|| name.to_string())
            })
            .collect()
    }

    #[test]
    fn leaves_are_the_atomic_rules_of_the_grammar() {
        let atomic = atomic_in_grammar();
        assert!(atomic.len() > 50, "the grammar scan found too few rules");
        for rule in Rule::all_rules() {
            let name = format!("{rule:?}");
            assert_eq!(
                is_leaf(*rule),
                atomic.contains(&name),
                "`{name}`: is_leaf disagrees with the grammar"
            );
        }
    }

    #[test]
    fn punctuation_and_trivia_become_tokens() {
        let text = "calendar kz { // c\n  years 2015..2020\n}\n";
        let cst = Cst::parse(text).map_err(|e| e.to_string()).unwrap();
        let tokens: Vec<(TokenKind, &str)> = cst
            .tokens()
            .iter()
            .map(|t| (t.kind, cst.text_of(t)))
            .collect();
        assert!(tokens.contains(&(TokenKind::Punct, "..")));
        assert!(tokens.contains(&(TokenKind::Punct, "{")));
        assert!(tokens.contains(&(TokenKind::Comment, "// c")));
        assert!(tokens.contains(&(TokenKind::Leaf(Rule::number), "2015")));
        let rebuilt: String = tokens.iter().map(|(_, s)| *s).collect();
        assert_eq!(rebuilt, text);
    }
}
