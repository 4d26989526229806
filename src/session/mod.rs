//! The session engine: plays a validated scenario, moves the simulated
//! client's state, writes the transcript ([`crate::transcript`]), rewinds,
//! saves and resumes.

mod auto;
mod engine;
pub mod order;
mod save;
mod state;

pub use auto::{MAX_AUTO_TURNS, Strategy, play_auto};
pub use engine::{AbandonedBranch, Session, SessionError};
pub use save::{ResumeError, SAVE_FORMAT, SavedSession};
pub use state::{Moment, TurnReading};
