//! Time: durations, the working-day calendar and term counting (owned by issue 3's work).
