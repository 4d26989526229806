//! The session engine: plays a validated scenario, keeps the simulated
//! client's state and a full transcript, rewinds, saves and resumes.

mod auto;
mod engine;
pub mod order;
mod playthrough;
mod save;
mod state;
mod transcript;

pub use auto::{MAX_AUTO_TURNS, Strategy, play_auto};
pub use engine::{AbandonedBranch, Session, SessionError};
pub use playthrough::{Bounds, Expectations, Playthrough, Step};
pub use save::{ResumeError, SAVE_FORMAT, SavedSession};
pub use state::{ClientState, Moment, TurnReading};
pub use transcript::{Answer, Line, Turn, TurnScores};
