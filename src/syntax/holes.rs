//! Holes: the parts of a rule file that could not be parsed, remembered by the names they
//! seem to declare. Analysis goes on without them; a use of one of these names is not reported
//! as undefined, because the syntax error at the hole already says what is wrong.

use std::collections::HashSet;

/// Names declared (as far as a cheap reading can tell) in text that did not parse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holes {
    names: HashSet<String>,
}

impl Holes {
    /// No holes.
    pub fn new() -> Holes {
        Holes::default()
    }

    /// Whether `name` may have been declared in a hole.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// Remember a name.
    pub fn insert(&mut self, name: impl Into<String>) {
        self.names.insert(name.into());
    }

    /// Add every name of another file's holes.
    pub fn extend(&mut self, other: Holes) {
        self.names.extend(other.names);
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}
