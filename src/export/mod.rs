//! Attempt records exported for other tools: CSV for spreadsheets, JSON for
//! scripts, and xAPI 1.0.3 statements for a learning record store.

mod csv;
pub mod xapi;

pub use csv::{CSV_COLUMNS, csv_field, records_to_csv};
pub use xapi::{
    AttemptStatement, XapiOptions, iso8601_duration, readable_statement, statement, statement_id,
    statements,
};

use crate::records::AttemptRecord;

/// The records as a pretty-printed JSON array, exactly as they are stored.
pub fn records_to_json(records: &[AttemptRecord]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(records)
}
