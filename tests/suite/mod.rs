//! The integration tests, one module per area.

mod cli;
mod loader;
mod playthroughs;
mod properties;
mod records;
mod scenarios;
pub mod util;
