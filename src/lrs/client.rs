//! The HTTP side of xAPI 1.0.3's statements resource: post a batch, fetch one
//! statement, fetch a page and follow its `more` link. Blocking (call it from
//! a worker thread in an interactive program), with retries and exponential
//! backoff for failures that may pass (no connection, a busy or failing
//! server), none for answers that will not change (wrong credentials, a
//! rejected statement). Every failure is an [`LrsError`] that says what to do.

use super::config::{ENV_PASSWORD, LrsConfig};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;
use thiserror::Error;

/// The xAPI version every request declares.
pub const XAPI_VERSION: &str = "1.0.3";
/// The largest page of statements read (a page of 10,000 attempts is about 70 MB).
const MAX_PAGE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// The most of an error answer kept for its message.
const MAX_ERROR_BYTES: u64 = 64 * 1024;

/// How often and how patiently a request is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    /// Tries in all, the first included.
    pub attempts: u32,
    /// The wait before the first retry; each later wait doubles, up to `max_delay`.
    pub first_delay: Duration,
    pub max_delay: Duration,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            attempts: 4,
            first_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(4),
        }
    }
}

/// What went wrong talking to the LRS, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LrsError {
    #[error("cannot reach the LRS at {endpoint} ({detail})")]
    Unreachable { endpoint: String, detail: String },
    #[error(
        "the LRS at {endpoint} refused the credentials of user `{user}` (HTTP 401); check the user and {ENV_PASSWORD}"
    )]
    Unauthorized { endpoint: String, user: String },
    #[error("the LRS at {endpoint} does not let user `{user}` do this (HTTP 403){detail}")]
    Forbidden {
        endpoint: String,
        user: String,
        detail: String,
    },
    #[error(
        "{url} does not exist (HTTP 404); is {endpoint} the LRS's xAPI endpoint (often ending in /xAPI/)?"
    )]
    NotFound { url: String, endpoint: String },
    #[error("the LRS rejected the statement (HTTP {status}): {message}")]
    Rejected { status: u16, message: String },
    #[error("the LRS holds a different statement with the same id (HTTP 409): {message}")]
    Conflict { message: String },
    #[error("the request is too large for the LRS (HTTP 413)")]
    TooLarge,
    #[error("the LRS at {endpoint} failed (HTTP {status}): {message}")]
    Server {
        endpoint: String,
        status: u16,
        message: String,
    },
    #[error("the LRS at {endpoint} gave an answer that is not xAPI: {detail}")]
    BadAnswer { endpoint: String, detail: String },
    #[error("the statement could not be built: {0}")]
    Unsendable(String),
}

impl LrsError {
    /// A failure that may pass if the request is tried again later.
    pub fn is_transient(&self) -> bool {
        matches!(self, LrsError::Unreachable { .. } | LrsError::Server { .. })
    }

    /// A failure of the LRS as a whole, not of one statement: nothing else
    /// will get through either, so sending stops.
    pub fn stops_everything(&self) -> bool {
        !matches!(
            self,
            LrsError::Rejected { .. }
                | LrsError::Conflict { .. }
                | LrsError::TooLarge
                | LrsError::Unsendable(_)
        )
    }
}

/// What the LRS said to a batch of statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostAnswer {
    /// 200: the ids the LRS lists. Ralph lists only the statements it stored
    /// now; some LRSs list every statement of the batch.
    Stored(Vec<String>),
    /// 204: nothing new (every statement was there already).
    NothingNew,
}

impl PostAnswer {
    /// Whether the LRS says it stored this statement now.
    pub fn stored(&self, id: &str) -> bool {
        match self {
            PostAnswer::Stored(ids) => ids.iter().any(|stored| stored == id),
            PostAnswer::NothingNew => false,
        }
    }
}

/// One page of a statement query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementPage {
    pub statements: Vec<Value>,
    /// The next page, as an absolute URL on the LRS.
    pub more: Option<String>,
}

#[derive(Deserialize)]
struct PageBody {
    statements: Vec<Value>,
    #[serde(default)]
    more: Option<String>,
}

/// A connection to one LRS.
#[derive(Debug, Clone)]
pub struct LrsClient {
    agent: ureq::Agent,
    config: LrsConfig,
    authorization: String,
    retry: Retry,
}

impl LrsClient {
    pub fn new(config: LrsConfig) -> LrsClient {
        let agent_config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .user_agent(concat!("Rapport/", env!("CARGO_PKG_VERSION")))
            .build();
        let credentials = format!("{}:{}", config.user, config.password.reveal());
        LrsClient {
            agent: agent_config.into(),
            authorization: format!("Basic {}", BASE64.encode(credentials)),
            config,
            retry: Retry::default(),
        }
    }

    /// The same client with another retry policy.
    pub fn with_retry(mut self, retry: Retry) -> LrsClient {
        self.retry = retry;
        self
    }

    pub fn config(&self) -> &LrsConfig {
        &self.config
    }

    /// Posts statements as one batch (xAPI POST /statements).
    pub fn post_statements(&self, statements: &[&Value]) -> Result<PostAnswer, LrsError> {
        let body = serde_json::to_vec(statements)
            .map_err(|e| self.bad_answer(format!("encoding: {e}")))?;
        let url = self.config.statements_url();
        self.with_retries(|| {
            let response = self
                .agent
                .post(&url)
                .header("Authorization", &self.authorization)
                .header("X-Experience-API-Version", XAPI_VERSION)
                .content_type("application/json")
                .send(body.as_slice());
            let mut response = self.check(&url, response)?;
            if response.status().as_u16() == 204 {
                return Ok(PostAnswer::NothingNew);
            }
            let bytes = response
                .body_mut()
                .with_config()
                .limit(MAX_ERROR_BYTES * 16)
                .read_to_vec()
                .map_err(|e| self.unreachable(&e))?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(PostAnswer::NothingNew);
            }
            serde_json::from_slice::<Vec<String>>(&bytes)
                .map(PostAnswer::Stored)
                .map_err(|e| {
                    self.bad_answer(format!("the answer to a POST is not a list of ids: {e}"))
                })
        })
    }

    /// One statement by id (xAPI GET /statements?statementId=); `None` when
    /// the LRS does not have it.
    pub fn get_statement(&self, id: &str) -> Result<Option<Value>, LrsError> {
        let url = self.config.statements_url();
        self.with_retries(|| {
            let response = self.request_get(&url).query("statementId", id).call();
            let mut response = match self.check(&url, response) {
                Err(LrsError::NotFound { .. }) => return Ok(None),
                other => other?,
            };
            let bytes = response
                .body_mut()
                .with_config()
                .limit(MAX_PAGE_BYTES)
                .read_to_vec()
                .map_err(|e| self.unreachable(&e))?;
            let answer = serde_json::from_slice::<Value>(&bytes)
                .map_err(|e| self.bad_answer(format!("a statement that is not JSON: {e}")))?;
            // The standard answer is the statement itself; some LRSs (Ralph)
            // answer with a page holding it, or an empty page.
            Ok(match answer.get("statements").and_then(Value::as_array) {
                Some(page) => page.iter().find(|s| s["id"] == id).cloned(),
                None => Some(answer),
            })
        })
    }

    /// The first page of a statement query with these parameters.
    pub fn first_page(&self, params: &[(&str, String)]) -> Result<StatementPage, LrsError> {
        let url = self.config.statements_url();
        self.with_retries(|| {
            let mut request = self.request_get(&url);
            for (name, value) in params {
                request = request.query(*name, value);
            }
            self.read_page(&url, request.call())
        })
    }

    /// The page a `more` link names.
    pub fn page(&self, more: &str) -> Result<StatementPage, LrsError> {
        self.with_retries(|| self.read_page(more, self.request_get(more).call()))
    }

    fn request_get(&self, url: &str) -> ureq::RequestBuilder<ureq::typestate::WithoutBody> {
        self.agent
            .get(url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", XAPI_VERSION)
    }

    fn read_page(
        &self,
        url: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<StatementPage, LrsError> {
        let mut response = self.check(url, response)?;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_PAGE_BYTES)
            .read_to_vec()
            .map_err(|e| self.unreachable(&e))?;
        let page: PageBody = serde_json::from_slice(&bytes).map_err(|e| {
            self.bad_answer(format!("the statements page is not a StatementResult: {e}"))
        })?;
        let more = match page.more.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(link) => Some(self.resolve_more(link)?),
        };
        Ok(StatementPage {
            statements: page.statements,
            more,
        })
    }

    /// Resolves a `more` link (a path on the LRS, or an absolute URL on the
    /// same origin). A link to another host is refused: the credentials go
    /// with every request.
    fn resolve_more(&self, link: &str) -> Result<String, LrsError> {
        let origin = self.config.origin();
        if link.starts_with('/') {
            return Ok(format!("{origin}{link}"));
        }
        let same_origin = link
            .strip_prefix(origin)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        if same_origin {
            Ok(link.to_owned())
        } else {
            Err(self.bad_answer(format!(
                "the next page is on another server ({link}); Rapport only follows links on {origin}"
            )))
        }
    }

    /// Turns a transport result into the response, or the error its status means.
    fn check(
        &self,
        url: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<ureq::http::Response<ureq::Body>, LrsError> {
        let mut response = response.map_err(|e| self.unreachable(&e))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let message = response
            .body_mut()
            .with_config()
            .limit(MAX_ERROR_BYTES)
            .read_to_string()
            .map(|body| lrs_message(&body))
            .unwrap_or_default();
        let endpoint = self.config.endpoint.clone();
        Err(match status {
            401 => LrsError::Unauthorized {
                endpoint,
                user: self.config.user.clone(),
            },
            403 => LrsError::Forbidden {
                endpoint,
                user: self.config.user.clone(),
                detail: if message.is_empty() {
                    String::new()
                } else {
                    format!(": {message}")
                },
            },
            404 => LrsError::NotFound {
                url: url.split('?').next().unwrap_or(url).to_owned(),
                endpoint,
            },
            409 => LrsError::Conflict { message },
            413 => LrsError::TooLarge,
            408 | 429 | 500..=599 => LrsError::Server {
                endpoint,
                status,
                message,
            },
            _ => LrsError::Rejected { status, message },
        })
    }

    fn unreachable(&self, error: &ureq::Error) -> LrsError {
        let detail = match error {
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::ConnectionAborted => {
                    "the connection was closed".to_owned()
                }
                std::io::ErrorKind::TimedOut => "timed out".to_owned(),
                _ => io.to_string(),
            },
            ureq::Error::HostNotFound => "host not found".to_owned(),
            ureq::Error::Timeout(_) => "timed out".to_owned(),
            ureq::Error::BodyExceedsLimit(limit) => {
                format!("the answer is larger than {limit} bytes")
            }
            other => other.to_string(),
        };
        LrsError::Unreachable {
            endpoint: self.config.endpoint.clone(),
            detail,
        }
    }

    fn bad_answer(&self, detail: String) -> LrsError {
        LrsError::BadAnswer {
            endpoint: self.config.endpoint.clone(),
            detail,
        }
    }

    /// Runs `request`, retrying transient failures with exponential backoff.
    fn with_retries<T>(
        &self,
        mut request: impl FnMut() -> Result<T, LrsError>,
    ) -> Result<T, LrsError> {
        let mut delay = self.retry.first_delay;
        let mut tries = 1;
        loop {
            match request() {
                Err(error) if error.is_transient() && tries < self.retry.attempts => {
                    std::thread::sleep(delay);
                    delay = (delay * 2).min(self.retry.max_delay);
                    tries += 1;
                }
                done => return done,
            }
        }
    }
}

/// The LRS's own words from an error body: a JSON `detail` (Ralph, FastAPI),
/// `message` or `error` field, or the text itself, shortened.
fn lrs_message(body: &str) -> String {
    let from_json = serde_json::from_str::<Value>(body).ok().and_then(|json| {
        ["detail", "message", "error", "errors"]
            .iter()
            .find_map(|key| json.get(key).map(describe_json))
    });
    let text = from_json.unwrap_or_else(|| body.trim().to_owned());
    let mut short: String = text.chars().take(400).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// A JSON error detail in words: strings as they are, FastAPI's validation
/// lists as "where: what" lines.
fn describe_json(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| match (item.get("loc"), item.get("msg")) {
                (Some(Value::Array(loc)), Some(Value::String(msg))) => {
                    let at: Vec<String> = loc
                        .iter()
                        .map(|part| match part {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    format!("{}: {msg}", at.join("."))
                }
                _ => describe_json(item),
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lrs::Password;

    #[test]
    fn lrs_messages_are_read_from_common_error_shapes() {
        assert_eq!(
            lrs_message(r#"{"detail": "Invalid JSON body"}"#),
            "Invalid JSON body"
        );
        assert_eq!(
            lrs_message(
                r#"{"detail": [{"loc": ["body", 0, "actor"], "msg": "Field required", "type": "missing"}]}"#
            ),
            "body.0.actor: Field required"
        );
        assert_eq!(lrs_message(r#"{"message": "bad verb"}"#), "bad verb");
        assert_eq!(lrs_message("  plain words \n"), "plain words");
        assert!(lrs_message(&"x".repeat(1000)).ends_with('…'));
    }

    #[test]
    fn more_links_stay_on_the_lrs() {
        let config =
            LrsConfig::new("http://127.0.0.1:8100/xAPI/", "u", Password::new("p")).unwrap();
        let client = LrsClient::new(config);
        assert_eq!(
            client.resolve_more("/xAPI/statements?x=1").unwrap(),
            "http://127.0.0.1:8100/xAPI/statements?x=1"
        );
        assert!(client.resolve_more("http://127.0.0.1:8100/more").is_ok());
        assert!(client.resolve_more("http://127.0.0.1:81000/more").is_err());
        assert!(
            client
                .resolve_more("https://elsewhere.example/more")
                .is_err()
        );
    }

    #[test]
    fn only_whole_lrs_failures_stop_a_sync() {
        let unreachable = LrsError::Unreachable {
            endpoint: "e".into(),
            detail: "d".into(),
        };
        assert!(unreachable.is_transient() && unreachable.stops_everything());
        let rejected = LrsError::Rejected {
            status: 400,
            message: "m".into(),
        };
        assert!(!rejected.is_transient() && !rejected.stops_everything());
        let unauthorized = LrsError::Unauthorized {
            endpoint: "e".into(),
            user: "u".into(),
        };
        assert!(!unauthorized.is_transient() && unauthorized.stops_everything());
    }
}
