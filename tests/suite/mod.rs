//! The integration tests, one module per area.

mod assess;
mod classifier;
mod cli;
mod drills;
mod loader;
mod lrs;
mod menu_order;
mod playthroughs;
mod properties;
mod records;
mod scenarios;
mod supervisor;
pub mod util;
#[cfg(feature = "app")]
mod window;
