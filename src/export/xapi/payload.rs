//! The whole attempt record carried inside a statement, so a supervisor who
//! reads statements back from an LRS gets the same transcript and debrief as
//! from a folder.
//!
//! The record is JSON (exactly what `rapport export --format json` writes for
//! one record), gzip-compressed and base64-encoded. Compressed because a
//! record is tens of kilobytes of mostly repeated keys, and an LRS stores,
//! validates and serves every node of a statement: one string is cheap, two
//! thousand nested values per attempt are not. Decoding needs nothing
//! Rapport-specific: `base64 -d | gunzip` shows the JSON.

use crate::records::{AttemptRecord, RECORD_SCHEMA};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::{Read as _, Write as _};
use thiserror::Error;

/// What the payload's `format` says: a Rapport attempt record as JSON.
pub const PAYLOAD_FORMAT: &str = "rapport-attempt-record+json";
/// What the payload's `encoding` says.
pub const PAYLOAD_ENCODING: &str = "gzip+base64";
/// A decoded record larger than this is refused, so a hostile or broken
/// statement cannot make the reader allocate without bound (a real record
/// is well under 1 MB).
const MAX_DECODED_BYTES: u64 = 32 * 1024 * 1024;

/// Why a payload could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PayloadError {
    #[error("the attempt record is not an object with `format`, `encoding` and `data`")]
    Shape,
    #[error("the attempt record has format `{0}`, which this Rapport does not read")]
    Format(String),
    #[error("the attempt record has encoding `{0}`, which this Rapport does not read")]
    Encoding(String),
    #[error("the attempt record's data is not valid base64")]
    Base64,
    #[error("the attempt record's data does not decompress: {0}")]
    Gzip(String),
    #[error("the attempt record is larger than {} MB", MAX_DECODED_BYTES / 1024 / 1024)]
    TooLarge,
    #[error(
        "the attempt record was written by a newer Rapport (record schema {0}; this build reads up to {RECORD_SCHEMA})"
    )]
    NewerSchema(u32),
    #[error("the attempt record is not readable: {0}")]
    Record(String),
    #[error("cannot encode the attempt record: {0}")]
    Encode(String),
}

/// A record ready to go into a statement: the extension value and the
/// SHA-256 of the record's JSON, which tells two versions of one attempt apart.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedRecord {
    pub value: Value,
    pub digest: String,
}

/// Encodes a record as the payload object. The same record always gives
/// the same bytes (gzip without a time stamp or file name), so a re-sent
/// statement is identical to the one the LRS already holds.
pub fn encode_record(record: &AttemptRecord) -> Result<EncodedRecord, PayloadError> {
    let json = serde_json::to_vec(record).map_err(|e| PayloadError::Encode(e.to_string()))?;
    let digest = hex(&Sha256::digest(&json));
    let mut gzip = GzEncoder::new(Vec::with_capacity(json.len() / 4), Compression::default());
    gzip.write_all(&json)
        .map_err(|e| PayloadError::Encode(e.to_string()))?;
    let compressed = gzip
        .finish()
        .map_err(|e| PayloadError::Encode(e.to_string()))?;
    let value = json!({
        "format": PAYLOAD_FORMAT,
        "encoding": PAYLOAD_ENCODING,
        "sha256": digest,
        "data": BASE64.encode(compressed),
    });
    Ok(EncodedRecord { value, digest })
}

/// The digest a payload declares, without decoding it.
pub fn payload_digest(payload: &Value) -> Option<&str> {
    payload.get("sha256")?.as_str()
}

/// The record's JSON, decompressed from a payload.
pub fn decode_json(payload: &Value) -> Result<Vec<u8>, PayloadError> {
    let field = |name: &str| payload.get(name).and_then(Value::as_str);
    let (Some(format), Some(encoding), Some(data)) =
        (field("format"), field("encoding"), field("data"))
    else {
        return Err(PayloadError::Shape);
    };
    if format != PAYLOAD_FORMAT {
        return Err(PayloadError::Format(format.to_owned()));
    }
    if encoding != PAYLOAD_ENCODING {
        return Err(PayloadError::Encoding(encoding.to_owned()));
    }
    let compressed = BASE64.decode(data).map_err(|_| PayloadError::Base64)?;
    let mut json = Vec::with_capacity(compressed.len() * 5);
    GzDecoder::new(compressed.as_slice())
        .take(MAX_DECODED_BYTES + 1)
        .read_to_end(&mut json)
        .map_err(|e| PayloadError::Gzip(e.to_string()))?;
    if json.len() as u64 > MAX_DECODED_BYTES {
        return Err(PayloadError::TooLarge);
    }
    Ok(json)
}

/// Only the schema number, to say "newer Rapport" rather than a missing field.
#[derive(serde::Deserialize)]
struct SchemaProbe {
    schema: u32,
}

/// Decodes a payload back into the record it was made from.
pub fn decode_record(payload: &Value) -> Result<AttemptRecord, PayloadError> {
    let json = decode_json(payload)?;
    match serde_json::from_slice::<AttemptRecord>(&json) {
        Ok(record) if record.schema > RECORD_SCHEMA => {
            Err(PayloadError::NewerSchema(record.schema))
        }
        Ok(record) => Ok(record),
        Err(error) => match serde_json::from_slice::<SchemaProbe>(&json) {
            Ok(probe) if probe.schema > RECORD_SCHEMA => {
                Err(PayloadError::NewerSchema(probe.schema))
            }
            _ => Err(PayloadError::Record(error.to_string())),
        },
    }
}

/// A statement with its payload shown as the record's JSON instead of the
/// compressed string: what the trainee is shown when they ask what a
/// statement holds. Statements without a payload come back unchanged.
pub fn readable_statement(statement: &Value) -> Value {
    let mut shown = statement.clone();
    let Some(payload) = shown
        .pointer_mut("/result/extensions")
        .and_then(|e| e.get_mut(super::RECORD_EXTENSION))
    else {
        return shown;
    };
    if let Ok(json) = decode_json(payload)
        && let Ok(record) = serde_json::from_slice::<Value>(&json)
    {
        payload["data"] = record;
        payload["encoding"] = json!("shown decoded");
    }
    shown
}

/// Lower-case hexadecimal.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_that_is_not_ours_says_why() {
        assert_eq!(decode_record(&json!("text")), Err(PayloadError::Shape));
        let foreign = json!({"format": "other", "encoding": PAYLOAD_ENCODING, "data": ""});
        assert_eq!(
            decode_record(&foreign),
            Err(PayloadError::Format("other".into()))
        );
        let bad = json!({"format": PAYLOAD_FORMAT, "encoding": PAYLOAD_ENCODING, "data": "%%%"});
        assert_eq!(decode_record(&bad), Err(PayloadError::Base64));
        let not_gzip = json!({
            "format": PAYLOAD_FORMAT,
            "encoding": PAYLOAD_ENCODING,
            "data": BASE64.encode(b"plain text"),
        });
        assert!(matches!(
            decode_record(&not_gzip),
            Err(PayloadError::Gzip(_))
        ));
    }

    #[test]
    fn a_bomb_is_refused_before_it_is_read_whole() {
        let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..40 {
            gzip.write_all(&zeros).unwrap();
        }
        let payload = json!({
            "format": PAYLOAD_FORMAT,
            "encoding": PAYLOAD_ENCODING,
            "data": BASE64.encode(gzip.finish().unwrap()),
        });
        assert_eq!(decode_record(&payload), Err(PayloadError::TooLarge));
    }
}
