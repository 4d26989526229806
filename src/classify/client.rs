//! What the client's own words show, for callers that have no scenario to
//! say it: `rapport assess` reads a real transcript's client lines this way.

use super::features::client_context;
use super::text::Text;
use serde::Serialize;

/// The classifier's reading of one client utterance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClientReading {
    /// 0 none, 1 mild, 2 a real difficulty, 3 a painful disclosure.
    pub distress: u8,
    /// The client complains about the counselor or the work (a confrontation marker).
    pub complains: bool,
    /// The complaint is aimed at something the counselor did.
    pub blames_counselor: bool,
    /// The client asked the counselor a question.
    pub asked_question: bool,
    pub word_count: usize,
}

/// Reads a client utterance with the same lexicons the classifier uses for context.
pub fn read_client(client: &str) -> ClientReading {
    let text = Text::new(client);
    let context = client_context(&text);
    ClientReading {
        distress: context.distress,
        complains: context.rupture,
        blames_counselor: context.blames_counselor,
        asked_question: context.asked_question,
        word_count: context.word_count,
    }
}
