//! Time: durations, the working-day calendar and term counting (placeholder until merged).

/// A working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar;

impl Calendar {
    /// n working days after d.
    pub fn add_working_days(
        &self,
        d: chrono::NaiveDate,
        _n: u32,
    ) -> Result<chrono::NaiveDate, std::fmt::Error> {
        Ok(d)
    }
}
