//! Where the LRS is and who Rapport is there: the xAPI endpoint, a user and
//! a password. Kept in a file readable by the user alone; the password is
//! never printed (its `Debug` is redacted).

use crate::records::write_atomic;
use crate::scenario::{parse_ron, to_ron};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;
use thiserror::Error;

/// The environment variable holding the endpoint, for the command line.
pub const ENV_URL: &str = "RAPPORT_LRS_URL";
/// The environment variable holding the user.
pub const ENV_USER: &str = "RAPPORT_LRS_USER";
/// The environment variable holding the password (never a flag: a flag is
/// visible to every user of the machine in the process list).
pub const ENV_PASSWORD: &str = "RAPPORT_LRS_PASSWORD";
/// The file name [`LrsConfig::save_in`] uses inside a data folder.
pub const CONFIG_FILE: &str = "lrs.ron";

/// A password that does not show itself in logs or error messages.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    pub fn new(password: impl Into<String>) -> Password {
        Password(password.into())
    }

    /// The password itself, for the Authorization header only.
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(hidden)")
    }
}

/// Why a configuration is not usable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("no LRS endpoint: pass --lrs URL or set {ENV_URL}")]
    NoEndpoint,
    #[error("no LRS user: pass --user NAME or set {ENV_USER}")]
    NoUser,
    #[error(
        "no LRS password: set {ENV_PASSWORD} (Rapport never takes a password on the command line)"
    )]
    NoPassword,
    #[error("`{0}` is not an http:// or https:// address of an LRS's xAPI endpoint")]
    BadEndpoint(String),
    #[error(
        "the LRS address contains a user or password; give the user with --user and the password in {ENV_PASSWORD}"
    )]
    CredentialsInUrl,
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

/// An LRS to send statements to and read them from.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LrsConfig {
    /// The xAPI endpoint, e.g. `https://lrs.example.org/xAPI/`; statements
    /// are at `<endpoint>statements`.
    pub endpoint: String,
    pub user: String,
    pub password: Password,
}

impl fmt::Debug for LrsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LrsConfig")
            .field("endpoint", &self.endpoint)
            .field("user", &self.user)
            .field("password", &self.password)
            .finish()
    }
}

impl LrsConfig {
    /// A checked configuration. The endpoint is normalised to end with `/`;
    /// an address ending in `/statements` is taken to mean its endpoint.
    pub fn new(endpoint: &str, user: &str, password: Password) -> Result<LrsConfig, ConfigError> {
        let endpoint = normalise_endpoint(endpoint)?;
        if user.trim().is_empty() {
            return Err(ConfigError::NoUser);
        }
        if password.reveal().is_empty() {
            return Err(ConfigError::NoPassword);
        }
        Ok(LrsConfig {
            endpoint,
            user: user.trim().to_owned(),
            password,
        })
    }

    /// A configuration from command-line values, each falling back to its
    /// environment variable; the password comes from the environment only.
    pub fn from_args_or_env(
        endpoint: Option<&str>,
        user: Option<&str>,
    ) -> Result<LrsConfig, ConfigError> {
        let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let endpoint = endpoint
            .filter(|e| !e.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| from_env(ENV_URL))
            .ok_or(ConfigError::NoEndpoint)?;
        let user = user
            .filter(|u| !u.trim().is_empty())
            .map(str::to_owned)
            .or_else(|| from_env(ENV_USER))
            .ok_or(ConfigError::NoUser)?;
        let password = std::env::var(ENV_PASSWORD)
            .ok()
            .filter(|p| !p.is_empty())
            .ok_or(ConfigError::NoPassword)?;
        LrsConfig::new(&endpoint, &user, Password::new(password))
    }

    /// The statements resource.
    pub fn statements_url(&self) -> String {
        format!("{}statements", self.endpoint)
    }

    /// `scheme://host[:port]` of the endpoint, which an LRS's relative `more`
    /// links are resolved against.
    pub fn origin(&self) -> &str {
        let after_scheme = self.endpoint.find("://").map_or(0, |i| i + 3);
        let end = self.endpoint[after_scheme..]
            .find('/')
            .map_or(self.endpoint.len(), |i| after_scheme + i);
        &self.endpoint[..end]
    }

    /// Reads a configuration file; a missing file is `Ok(None)`. The file's
    /// permissions are narrowed to the user alone if they were wider.
    pub fn load(path: &Path) -> Result<Option<LrsConfig>, ConfigError> {
        let file_error = |message: String| ConfigError::File {
            path: path.display().to_string(),
            message,
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(file_error(e.to_string())),
        };
        restrict_to_owner(path).map_err(|e| file_error(e.to_string()))?;
        let config: LrsConfig = parse_ron(&text).map_err(|d| {
            file_error(format!(
                "{}:{}: {}",
                d.line.unwrap_or(0),
                d.col.unwrap_or(0),
                d.message
            ))
        })?;
        LrsConfig::new(&config.endpoint, &config.user, config.password).map(Some)
    }

    /// Writes the configuration atomically, readable by the user alone.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let file_error = |message: String| ConfigError::File {
            path: path.display().to_string(),
            message,
        };
        let text = to_ron(self).map_err(|e| file_error(e.to_string()))?;
        write_atomic(path, text.as_bytes()).map_err(|e| file_error(e.to_string()))
    }

    /// Saves into `<data dir>/lrs.ron`.
    pub fn save_in(&self, data_dir: &Path) -> Result<(), ConfigError> {
        self.save(&data_dir.join(CONFIG_FILE))
    }

    /// Loads `<data dir>/lrs.ron`; `Ok(None)` when no LRS is configured.
    pub fn load_from(data_dir: &Path) -> Result<Option<LrsConfig>, ConfigError> {
        LrsConfig::load(&data_dir.join(CONFIG_FILE))
    }
}

fn normalise_endpoint(endpoint: &str) -> Result<String, ConfigError> {
    let trimmed = endpoint.trim();
    let bad = || ConfigError::BadEndpoint(trimmed.to_owned());
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(bad());
    }
    if host.contains('@') {
        return Err(ConfigError::CredentialsInUrl);
    }
    if rest.contains(['?', '#']) {
        return Err(bad());
    }
    let mut normal = trimmed.trim_end_matches('/').to_owned();
    if let Some(base) = normal.strip_suffix("/statements") {
        normal = base.to_owned();
    }
    normal.push('/');
    Ok(normal)
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(endpoint: &str) -> Result<LrsConfig, ConfigError> {
        LrsConfig::new(endpoint, "u", Password::new("p"))
    }

    #[test]
    fn endpoints_are_normalised() {
        let c = config("http://127.0.0.1:8100/xAPI").unwrap();
        assert_eq!(c.endpoint, "http://127.0.0.1:8100/xAPI/");
        assert_eq!(c.statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        assert_eq!(c.origin(), "http://127.0.0.1:8100");
        let c = config("https://lrs.example.org/data/xAPI/statements/").unwrap();
        assert_eq!(c.endpoint, "https://lrs.example.org/data/xAPI/");
        assert_eq!(c.origin(), "https://lrs.example.org");
    }

    #[test]
    fn bad_endpoints_are_refused_with_the_reason() {
        assert!(matches!(
            config("lrs.example.org"),
            Err(ConfigError::BadEndpoint(_))
        ));
        assert!(matches!(
            config("ftp://x/"),
            Err(ConfigError::BadEndpoint(_))
        ));
        assert!(matches!(
            config("http:///x"),
            Err(ConfigError::BadEndpoint(_))
        ));
        assert_eq!(
            config("https://me:secret@lrs.example.org/xAPI/"),
            Err(ConfigError::CredentialsInUrl)
        );
        assert_eq!(
            LrsConfig::new("http://x/", "u", Password::new("")),
            Err(ConfigError::NoPassword)
        );
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let c = LrsConfig::new("http://x/", "u", Password::new("hunter2")).unwrap();
        assert!(!format!("{c:?}").contains("hunter2"));
        assert!(!ConfigError::NoPassword.to_string().contains("hunter2"));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_reads_back() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let c = LrsConfig::new("http://x/xAPI/", "u", Password::new("p w")).unwrap();
        c.save_in(dir.path()).unwrap();
        let path = dir.path().join(CONFIG_FILE);
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(LrsConfig::load_from(dir.path()).unwrap(), Some(c));
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            LrsConfig::load_from(&dir.path().join("none")).unwrap(),
            None
        );
    }
}
