//! Many pointers located in one scan of a bundle's text: a container is opened only when some
//! pointer needs something inside it, every other value is skipped whole.

use super::lexer::{Malformed, Scanner};
use super::pointer::Route;
use super::{JsonSpan, Located, MAX_DEPTH};

/// The spans of several pointers, found in one scan of the text: for each pointer the span of
/// the value it names, or, when it names nothing, the span of its nearest existing ancestor
/// with the length of the pointer prefix that matched (the whole text when nothing could be
/// read).
///
/// The scan reads the whole JSON grammar with validating loops, so it stops at the byte where
/// the text stops being JSON; it opens a container only when some pointer still needs something
/// inside it, and every other value is skipped whole. Each open level keeps the pointers whose
/// path goes through it, and a member or element is compared only with those. A later repeat of
/// a key replaces the earlier value for every pointer going through it (the last key wins, as
/// serde_json reads it). Never panics, never loops,
/// no recursion; the text is read once, and each member or element read in an opened container
/// costs one comparison per pointer going through that container. Allocations are per pointer
/// (its tokens) and per scan, never per value.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Located> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let routes: Vec<Route> = pointers
        .iter()
        .map(|pointer| Route::parse(pointer))
        .collect();
    // a byte-order mark is not JSON, and a checked bundle may start with one: spans are found
    // after it, as offsets into the text as given
    let start = if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    };
    let mut scanner = Scanner::at(text, start);
    let Some(bests) = scanner.walk_all(&routes) else {
        let nothing = Located {
            span: JsonSpan {
                offset: 0,
                length: text.len(),
            },
            exact: false,
            matched: 0,
        };
        return vec![nothing; pointers.len()];
    };
    let stop = scanner.pos;
    routes
        .iter()
        .zip(bests)
        .map(|(route, best)| Located {
            span: JsonSpan {
                offset: best.offset,
                length: best.end.unwrap_or(stop).saturating_sub(best.offset),
            },
            exact: route.names_all(best.level),
            matched: route.matched(best.level),
        })
        .collect()
}

/// A container that more routes go through than this is given a [`Lookup`].
const FEW: usize = 8;

/// The routes going through one open container, by the key or index they name next: with
/// 32,000 pointers into `/documents`, each element is matched by one look, not compared with
/// every pointer.
#[derive(Default)]
struct Lookup {
    keys: std::collections::HashMap<Vec<u8>, Vec<usize>>,
    indices: std::collections::HashMap<usize, Vec<usize>>,
}

impl Lookup {
    /// The lookup of a container at `level` for the routes `active`; none for a few.
    fn of(routes: &[Route], active: &[usize], level: usize) -> Option<Lookup> {
        if active.len() <= FEW {
            return None;
        }
        // the maps are sized once: one of 60,000 pointers would otherwise be rehashed a
        // dozen times as it grows
        let mut keyed = Vec::new();
        let mut indexed = Vec::new();
        for &r in active {
            let Some(route) = routes.get(r) else {
                continue;
            };
            if let Some(key) = route.key_at(level) {
                keyed.push((key, r));
            }
            if let Some(index) = route.index_at(level) {
                indexed.push((index, r));
            }
        }
        let mut lookup = Lookup {
            keys: std::collections::HashMap::with_capacity(keyed.len()),
            indices: std::collections::HashMap::with_capacity(indexed.len()),
        };
        for (key, r) in keyed {
            lookup.keys.entry(key).or_default().push(r);
        }
        for (index, r) in indexed {
            lookup.indices.entry(index).or_default().push(r);
        }
        Some(lookup)
    }
}

/// A container [`Scanner::follow_all`] opened.
struct Level {
    /// The routes going through it, by what they name next, when there are many.
    lookup: Option<Lookup>,
    /// Where its pointers (those whose path goes through it) start in the list of active ones.
    start: usize,
    is_object: bool,
    /// Whether a member or element has been read (so a `,` or the closing bracket comes next).
    after_item: bool,
    /// Elements read so far (an array).
    count: usize,
}

/// The deepest value found on the path so far.
struct Best {
    /// How many tokens name it.
    level: usize,
    offset: usize,
    /// Where it ends, once known (a container on the path is open until its bracket closes).
    end: Option<usize>,
}

impl Scanner<'_> {
    /// Follow every route from the document's start: the deepest value found for each (an end of `None` = still open where reading stopped), or
    /// `None` when not even the root could be read.
    fn walk_all(&mut self, routes: &[Route]) -> Option<Vec<Best>> {
        self.skip_ws();
        let offset = self.pos;
        let opens = matches!(self.peek(), Some(b'{' | b'['));
        let mut bests: Vec<Best> = routes
            .iter()
            .map(|_| Best {
                level: 0,
                offset,
                end: None,
            })
            .collect();
        if opens && routes.iter().any(|route| route.usable() > 0) {
            // On an error every container still open ends where reading stopped.
            let _ = self.follow_all(routes, &mut bests);
        } else if self.skip_value(0).is_err() && !opens {
            // A scalar exists only once read; an opened container even if it never closes.
            return None;
        }
        let stop = self.pos;
        for best in &mut bests {
            best.end.get_or_insert(stop);
        }
        Some(bests)
    }

    /// Read the root container (at `pos`) for all routes at once: a value is opened when it is on the path of some route that goes deeper
    /// than it, else skipped whole. `active` lists, level after level, the routes whose path goes
    /// through each open container (the innermost's at the end).
    fn follow_all(&mut self, routes: &[Route], bests: &mut [Best]) -> Result<(), Malformed> {
        let mut active: Vec<usize> = (0..routes.len()).collect();
        let deepest = routes.iter().map(Route::usable).max().unwrap_or(0);
        let mut levels: Vec<Level> = Vec::with_capacity(deepest.min(MAX_DEPTH) + 1);
        levels.push(Level {
            lookup: Lookup::of(routes, &active, 0),
            start: 0,
            is_object: self.peek() == Some(b'{'),
            after_item: false,
            count: 0,
        });
        self.pos += 1;
        let mut decoded = String::new();
        loop {
            let depth = levels.len();
            let Some(container) = levels.last_mut() else {
                return Ok(());
            };
            let level = depth - 1;
            let start = container.start;
            self.skip_ws();
            let close = if container.is_object { b'}' } else { b']' };
            match self.peek() {
                Some(b) if b == close => {
                    self.pos += 1;
                    for &route in active.get(start..).unwrap_or_default() {
                        if let Some(best) = bests.get_mut(route)
                            && best.level == level
                        {
                            best.end = Some(self.pos);
                        }
                    }
                    active.truncate(start);
                    levels.pop();
                    continue;
                }
                Some(b',') if container.after_item => {
                    self.pos += 1;
                    self.skip_ws();
                }
                Some(_) if !container.after_item => {}
                _ => return Err(Malformed),
            }
            container.after_item = true;
            // The routes of the container that name this member or element go after its own.
            let here = active.len();
            if container.is_object {
                let key_start = self.pos;
                self.key()?;
                let key = self.key_text(key_start, &mut decoded);
                if let Some(lookup) = &container.lookup {
                    if let Some(named) = key.and_then(|k| lookup.keys.get(k)) {
                        active.extend_from_slice(named);
                    }
                } else {
                    for i in start..here {
                        if let (Some(&route), Some(key)) = (active.get(i), key)
                            && routes.get(route).is_some_and(|r| r.names_key(level, key))
                        {
                            active.push(route);
                        }
                    }
                }
                self.colon()?;
            } else {
                let index = container.count;
                container.count += 1;
                if let Some(lookup) = &container.lookup {
                    if let Some(named) = lookup.indices.get(&index) {
                        active.extend_from_slice(named);
                    }
                } else {
                    for i in start..here {
                        if let Some(&route) = active.get(i)
                            && routes
                                .get(route)
                                .is_some_and(|r| r.names_index(level, index))
                        {
                            active.push(route);
                        }
                    }
                }
            }
            let named = active.get(here..).unwrap_or_default();
            if named.is_empty() {
                self.skip_value(depth)?;
                continue;
            }
            let offset = self.pos;
            match self.peek() {
                Some(open @ (b'{' | b'[')) if depth < MAX_DEPTH => {
                    // Opened, so it replaces an earlier member of the same key.
                    let mut deeper = false;
                    for &route in named {
                        if let Some(best) = bests.get_mut(route) {
                            *best = Best {
                                level: level + 1,
                                offset,
                                end: None,
                            };
                        }
                        deeper |= routes.get(route).is_some_and(|r| level + 1 < r.usable());
                    }
                    if deeper {
                        let lookup =
                            Lookup::of(routes, active.get(here..).unwrap_or_default(), level + 1);
                        levels.push(Level {
                            lookup,
                            start: here,
                            is_object: open == b'{',
                            after_item: false,
                            count: 0,
                        });
                        self.pos += 1;
                    } else {
                        self.skip_value(depth)?;
                        for &route in named {
                            if let Some(best) = bests.get_mut(route) {
                                best.end = Some(self.pos);
                            }
                        }
                        active.truncate(here);
                    }
                }
                _ => {
                    // A scalar (or a container too deep to index) exists once read whole.
                    self.skip_value(depth)?;
                    for &route in named {
                        if let Some(best) = bests.get_mut(route) {
                            *best = Best {
                                level: level + 1,
                                offset,
                                end: Some(self.pos),
                            };
                        }
                    }
                    active.truncate(here);
                }
            }
        }
    }
}
