//! Attempts that reach the programme: a Learning Record Store over xAPI
//! 1.0.3. [`send_records`] puts attempts into an LRS (what it holds counts as
//! sent, a newer version goes as an update); [`read_attempts`] reads them back
//! as the same records a folder holds; the [`Outbox`] queues each attempt the
//! app saves and sends it when an LRS is configured and reachable; an
//! [`LrsConfig`] says where the LRS is and who Rapport is there. All of it is
//! blocking, for a worker thread: no async runtime. The statements themselves
//! (the profile) are in [`crate::export::xapi`], documented in `docs/xapi.md`.

mod client;
mod config;
mod outbox;
mod read;
mod send;

pub use client::{LrsClient, LrsError, PostAnswer, Retry, StatementPage, XAPI_VERSION};
pub use config::{CONFIG_FILE, ConfigError, ENV_PASSWORD, ENV_URL, ENV_USER, LrsConfig, Password};
pub use outbox::{Outbox, OutboxError, OutboxReport, OutboxStatus};
pub use read::{LrsRecords, ReadQuery, StatementPages, read_attempts};
pub use send::{DEFAULT_BATCH, SendReport, send_records};
