//! Rapport's xAPI 1.0.3 profile, both ways: the statement for an attempt
//! ("<trainee> completed <scenario>", with the scores as the result, the
//! scenario's hash and seed as context, the assignment set as a grouping
//! activity and the whole record as a result extension), the "updated"
//! statement that replaces the record of an attempt the LRS already holds in
//! an older version, and reading attempts back out of statements. Statement
//! ids derive from record ids, so sending the same records twice never
//! duplicates them in an LRS. `docs/xapi.md` documents the profile.

mod payload;
mod read;

pub use payload::{
    EncodedRecord, PAYLOAD_ENCODING, PAYLOAD_FORMAT, PayloadError, decode_json, decode_record,
    encode_record, payload_digest, readable_statement,
};
pub use read::{AttemptCollector, StatementAttempt, attempt_from_statement};

use crate::assign::{ScenarioCatalog, SetLibrary, judge_attempt, observed_mean};
use crate::records::AttemptRecord;
use chrono::SecondsFormat;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

/// The verb of an attempt's statement.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// The verb of a statement that replaces the record of an earlier one.
pub const VERB_UPDATED: &str = "http://activitystrea.ms/schema/1.0/update";
/// The result extension holding the whole attempt record.
pub const RECORD_EXTENSION: &str = "urn:rapport:xapi:record";
/// The prefix of a scenario's activity id.
pub const SCENARIO_ACTIVITY_PREFIX: &str = "urn:rapport:scenario:";
/// The activity type of a scenario.
const ACTIVITY_SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
/// The activity type of an assignment set.
const ACTIVITY_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
/// Prefix of Rapport's activity ids and extension keys.
const IRI_BASE: &str = "urn:rapport";

/// What statements are built with besides the records.
#[derive(Debug, Clone, Copy)]
pub struct XapiOptions<'a> {
    /// `actor.account.homePage`: the system the trainee names belong to.
    pub home_page: &'a str,
    /// Sets to judge `result.success` against; without one, success is omitted.
    pub sets: &'a SetLibrary,
    /// Scenario facts for judging repair criteria.
    pub catalog: Option<&'a ScenarioCatalog>,
}

/// The `actor.account.homePage` trainee names belong to unless told otherwise.
pub const DEFAULT_HOME_PAGE: &str = "urn:rapport";

/// [`XapiOptions`] owning what they refer to, for a worker thread.
#[derive(Debug, Clone)]
pub struct XapiContext {
    pub home_page: String,
    pub sets: SetLibrary,
    pub catalog: Option<ScenarioCatalog>,
}

impl Default for XapiContext {
    fn default() -> XapiContext {
        XapiContext {
            home_page: DEFAULT_HOME_PAGE.to_owned(),
            sets: SetLibrary::default(),
            catalog: None,
        }
    }
}

impl XapiContext {
    pub fn options(&self) -> XapiOptions<'_> {
        XapiOptions {
            home_page: &self.home_page,
            sets: &self.sets,
            catalog: self.catalog.as_ref(),
        }
    }
}

/// A statement id shaped as a UUID (8-4-4-4-12, version nibble 5, RFC 4122
/// variant), from the SHA-256 of the record id: stable across exports.
pub fn statement_id(record_id: &str) -> String {
    uuid_from(&format!("{IRI_BASE}:statement:{record_id}"))
}

/// The id of the "updated" statement carrying one version (by its digest)
/// of a record: the same version always gets the same id.
pub fn revision_statement_id(record_id: &str, digest: &str) -> String {
    uuid_from(&format!(
        "{IRI_BASE}:statement:{record_id}:version:{digest}"
    ))
}

fn uuid_from(name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// An ISO 8601 duration with 0.01 s precision, e.g. `PT1H2M3.5S`; negative
/// spans (a clock set back) count as zero.
pub fn iso8601_duration(milliseconds: i64) -> String {
    let centis = milliseconds.max(0) / 10;
    let (hours, rest) = (centis / 360_000, centis % 360_000);
    let (minutes, rest) = (rest / 6_000, rest % 6_000);
    let (seconds, fraction) = (rest / 100, rest % 100);
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if seconds > 0 || fraction > 0 || out.len() == 2 {
        match fraction {
            0 => out.push_str(&format!("{seconds}S")),
            f if f % 10 == 0 => out.push_str(&format!("{seconds}.{}S", f / 10)),
            f => out.push_str(&format!("{seconds}.{f:02}S")),
        }
    }
    out
}

fn language_map(text: &str) -> Value {
    json!({ "en-US": text })
}

fn extension_key(name: &str) -> String {
    format!("{IRI_BASE}:xapi:{name}")
}

fn round_to(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

/// An attempt's statement with the digest of the record it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptStatement {
    pub record_id: String,
    /// The "completed" statement.
    pub statement: Value,
    /// SHA-256 of the record's JSON: tells versions of one attempt apart.
    pub digest: String,
}

impl AttemptStatement {
    /// Builds the statement of one attempt.
    pub fn new(
        record: &AttemptRecord,
        options: &XapiOptions<'_>,
    ) -> Result<AttemptStatement, PayloadError> {
        let encoded = encode_record(record)?;
        Ok(AttemptStatement {
            record_id: record.id.clone(),
            statement: completed_statement(record, options, encoded.value),
            digest: encoded.digest,
        })
    }

    /// The id of the "completed" statement.
    pub fn id(&self) -> &str {
        self.statement["id"].as_str().unwrap_or_default()
    }

    /// The statement to send when the LRS already holds this attempt's
    /// "completed" statement with another version of the record (the trainee
    /// added reflections, or went on after a rewind): statements cannot be
    /// changed, so this one says "<trainee> updated <that statement>" and
    /// carries the same result, context and the newer record. Readers take
    /// the most recently stored version of each record.
    pub fn revision(&self) -> Value {
        let mut revision = self.statement.clone();
        revision["id"] = json!(revision_statement_id(&self.record_id, &self.digest));
        revision["verb"] = json!({ "id": VERB_UPDATED, "display": language_map("updated") });
        revision["object"] = json!({ "objectType": "StatementRef", "id": self.id() });
        revision
    }
}

/// The statement for one attempt.
pub fn statement(record: &AttemptRecord, options: &XapiOptions<'_>) -> Result<Value, PayloadError> {
    AttemptStatement::new(record, options).map(|built| built.statement)
}

fn completed_statement(record: &AttemptRecord, options: &XapiOptions<'_>, payload: Value) -> Value {
    let trainee = if record.trainee.trim().is_empty() {
        "anonymous"
    } else {
        record.trainee.as_str()
    };
    let set = options.sets.for_record(record);
    let mut result = Map::new();
    if let Some(mean) = observed_mean(&record.debrief.scores) {
        let raw = round_to(mean, 2);
        result.insert(
            "score".into(),
            json!({ "scaled": round_to(raw / 100.0, 4), "raw": raw, "min": 0, "max": 100 }),
        );
    }
    if let Some(set) = set {
        result.insert(
            "success".into(),
            json!(judge_attempt(set, record, options.catalog).meets_criteria()),
        );
    }
    result.insert("completion".into(), json!(record.ending.is_some()));
    let duration = (record.ended_at - record.started_at).num_milliseconds();
    result.insert("duration".into(), json!(iso8601_duration(duration)));
    let mut extensions = result_extensions(record);
    extensions.insert(RECORD_EXTENSION.to_owned(), payload);
    result.insert("extensions".into(), Value::Object(extensions));

    let mut context = Map::new();
    context.insert("platform".into(), json!("Rapport"));
    context.insert(
        "revision".into(),
        json!(record.scenario_version.to_string()),
    );
    context.insert(
        "extensions".into(),
        json!({
            extension_key("scenario-hash"): record.scenario_hash,
            extension_key("seed"): record.seed.to_string(),
            extension_key("record-id"): record.id,
            extension_key("written-by"): record.written_by,
        }),
    );
    let set_id = set.map(|s| s.id.as_str()).or(record.assignment.as_deref());
    if let Some(set_id) = set_id {
        let mut grouping = json!({
            "objectType": "Activity",
            "id": format!("{IRI_BASE}:assignment:{set_id}"),
        });
        if let Some(set) = set {
            grouping["definition"] = json!({
                "name": language_map(&set.title),
                "type": ACTIVITY_ASSESSMENT,
            });
        }
        context.insert(
            "contextActivities".into(),
            json!({ "grouping": [grouping] }),
        );
    }

    json!({
        "id": statement_id(&record.id),
        "actor": {
            "objectType": "Agent",
            "name": trainee,
            "account": { "homePage": options.home_page, "name": trainee },
        },
        "verb": { "id": VERB_COMPLETED, "display": language_map("completed") },
        "object": {
            "objectType": "Activity",
            "id": format!("{SCENARIO_ACTIVITY_PREFIX}{}", record.scenario_id),
            "definition": {
                "name": language_map(&record.scenario_title),
                "description": language_map(&format!(
                    "Rapport practice session \"{}\" (scenario {}, version {})",
                    record.scenario_title, record.scenario_id, record.scenario_version
                )),
                "type": ACTIVITY_SIMULATION,
            },
        },
        "result": result,
        "context": context,
        "timestamp": record.ended_at.to_rfc3339_opts(SecondsFormat::Millis, true),
    })
}

/// The three dimension scores and the skill ratings that were observed.
fn result_extensions(record: &AttemptRecord) -> Map<String, Value> {
    let scores = &record.debrief.scores;
    let mut extensions = Map::new();
    for (name, score) in [
        ("empathy", scores.empathy),
        ("warmth", scores.warmth),
        ("repair", scores.repair),
    ] {
        if let Some(score) = score {
            extensions.insert(extension_key(name), json!(score));
        }
    }
    let skills: Map<String, Value> = record
        .debrief
        .skills
        .iter()
        .filter_map(|s| Some((s.skill.to_string(), json!(s.rating?))))
        .collect();
    extensions.insert(extension_key("skill-ratings"), Value::Object(skills));
    if let Some(ending) = &record.ending {
        extensions.insert(extension_key("outcome"), json!(ending.outcome));
    }
    extensions
}

/// One statement per attempt, in the records' order.
pub fn statements(
    records: &[AttemptRecord],
    options: &XapiOptions<'_>,
) -> Result<Value, PayloadError> {
    records
        .iter()
        .map(|r| statement(r, options))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso8601_duration(0), "PT0S");
        assert_eq!(iso8601_duration(-5_000), "PT0S");
        assert_eq!(iso8601_duration(3_500), "PT3.5S");
        assert_eq!(iso8601_duration(61_010), "PT1M1.01S");
        assert_eq!(iso8601_duration(3_600_000 + 120_000), "PT1H2M");
    }

    #[test]
    fn statement_ids_are_stable_uuids() {
        let id = statement_id("20260101T000000-x-0000abcd");
        assert_eq!(id, statement_id("20260101T000000-x-0000abcd"));
        assert_ne!(id, statement_id("another"));
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('5'));
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
    }
}
