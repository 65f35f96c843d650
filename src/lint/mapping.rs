//! How the steps of a view map onto the process: the process's steps by id, and which of
//! them some step of a view maps to, looked up in constant time (a view of thousands of
//! steps must not cost a scan of the process per step).

use std::collections::{HashMap, HashSet};

use crate::semantic::model::{ProcessView, StepDef};

/// The steps of the process, by id.
pub fn by_id(process: &ProcessView) -> HashMap<&str, &StepDef> {
    process.steps.iter().map(|s| (s.id.as_str(), s)).collect()
}

/// The ids of the process's steps that some step of `view` maps to.
pub fn mapped(view: &ProcessView) -> HashSet<&str> {
    view.steps
        .iter()
        .flat_map(|s| &s.maps_to)
        .map(String::as_str)
        .collect()
}
