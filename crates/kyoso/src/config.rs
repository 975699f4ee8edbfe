//! kyoso's settings: defaults, then a `kyoso.toml`, then `KYOSO_*`
//! environment variables, then flags — each later one wins. Every key is
//! optional; an unknown key or a bad value is an error that names it.
//!
//! ```toml
//! database = "sqlite://kyoso.db"   # or postgres://user:password@host/db
//! log = "warn"                     # a tracing filter, as KYOSO_LOG
//!
//! [serve]
//! addr = "127.0.0.1:8080"
//! secure_cookies = false           # true behind HTTPS
//! max_connections = 1024
//!
//! [network]
//! hub_ties = 1000                  # member, alumni and attendance ties that make a hub
//! ```

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::say::{Arg, lang, say};

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Default,
    File,
    Environment,
    Flag,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str(&say!("cli-config-source-default")),
            Source::File => f.write_str("kyoso.toml"),
            Source::Environment => f.write_str(&say!("cli-config-source-environment")),
            Source::Flag => f.write_str(&say!("cli-config-source-flag")),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Setting<T> {
    pub(crate) value: T,
    pub(crate) source: Source,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            source: Source::Default,
        }
    }

    fn set(&mut self, value: Option<T>, source: Source) {
        if let Some(value) = value {
            *self = Setting { value, source };
        }
    }
}

/// The effective settings.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The file read, if any.
    pub(crate) file: Option<PathBuf>,
    pub(crate) database: Setting<String>,
    pub(crate) log: Setting<Option<String>>,
    pub(crate) addr: Setting<SocketAddr>,
    pub(crate) secure_cookies: Setting<bool>,
    pub(crate) max_connections: Setting<usize>,
    pub(crate) hub_ties: Setting<usize>,
}

/// `kyoso.toml`, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database: Option<String>,
    log: Option<String>,
    #[serde(default)]
    serve: ServeFile,
    #[serde(default)]
    network: NetworkFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkFile {
    hub_ties: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServeFile {
    addr: Option<SocketAddr>,
    secure_cookies: Option<bool>,
    max_connections: Option<usize>,
}

/// What the command line said of the settings.
#[derive(Debug, Default, Clone)]
pub(crate) struct Flags {
    pub(crate) config: Option<PathBuf>,
    pub(crate) database: Option<String>,
    pub(crate) addr: Option<SocketAddr>,
    pub(crate) secure_cookies: Option<bool>,
    pub(crate) max_connections: Option<usize>,
}

/// The environment variables kyoso reads as settings.
const ENVIRONMENT: [&str; 7] = [
    "KYOSO_CONFIG",
    "KYOSO_DATABASE_URL",
    "KYOSO_LOG",
    "KYOSO_ADDR",
    "KYOSO_SECURE_COOKIES",
    "KYOSO_MAX_CONNECTIONS",
    "KYOSO_HUB_TIES",
];

impl Config {
    /// The settings from the file `flags.config`, `KYOSO_CONFIG` or
    /// `./kyoso.toml` (if there is one), the environment and `flags`.
    pub(crate) fn load(
        flags: &Flags,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Config> {
        let mut config = Config {
            file: None,
            database: Setting::default("sqlite://kyoso.db".to_owned()),
            log: Setting::default(None),
            addr: Setting::default(SocketAddr::from(([127, 0, 0, 1], 8080))),
            secure_cookies: Setting::default(false),
            max_connections: Setting::default(1024),
            hub_ties: Setting::default(kyoso_service::network::DEFAULT_HUB_TIES),
        };
        let named = flags
            .config
            .clone()
            .or_else(|| env("KYOSO_CONFIG").map(PathBuf::from));
        let path = match named {
            Some(path) => Some(path),
            None => Some(PathBuf::from("kyoso.toml")).filter(|p| p.exists()),
        };
        if let Some(path) = path {
            let file = read_file(&path)?;
            config.database.set(file.database, Source::File);
            config.log.set(file.log.map(Some), Source::File);
            config.addr.set(file.serve.addr, Source::File);
            config
                .secure_cookies
                .set(file.serve.secure_cookies, Source::File);
            config
                .max_connections
                .set(file.serve.max_connections, Source::File);
            config.hub_ties.set(file.network.hub_ties, Source::File);
            config.file = Some(path);
        }
        let from_env = Source::Environment;
        config.database.set(env("KYOSO_DATABASE_URL"), from_env);
        config.log.set(env("KYOSO_LOG").map(Some), from_env);
        config.addr.set(
            parsed(env, "KYOSO_ADDR", "cli-config-not-an-address")?,
            from_env,
        );
        config
            .secure_cookies
            .set(parsed_bool(env, "KYOSO_SECURE_COOKIES")?, from_env);
        config.max_connections.set(
            parsed(
                env,
                "KYOSO_MAX_CONNECTIONS",
                "cli-config-not-a-whole-number",
            )?,
            from_env,
        );
        config.hub_ties.set(
            parsed(env, "KYOSO_HUB_TIES", "cli-config-not-a-whole-number")?,
            from_env,
        );
        config.database.set(flags.database.clone(), Source::Flag);
        config.addr.set(flags.addr, Source::Flag);
        config
            .secure_cookies
            .set(flags.secure_cookies, Source::Flag);
        config
            .max_connections
            .set(flags.max_connections, Source::Flag);
        if config.max_connections.value == 0 {
            bail!(say!(
                "cli-config-max-connections-zero",
                source = &config.max_connections.source.to_string()
            ));
        }
        Ok(config)
    }

    /// The effective settings as a `kyoso.toml` would hold them, each with
    /// where it came from; the database password masked.
    pub(crate) fn describe(&self) -> String {
        let line =
            |key: &str, value: String, source: Source| format!("{key} = {value:<40} # {source}\n");
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(&say!(
                "cli-config-read-from",
                file = &file.display().to_string()
            ));
            out.push('\n');
        }
        out.push_str(&line(
            "database",
            quoted(&kyoso_service::redact_url(&self.database.value)),
            self.database.source,
        ));
        match &self.log.value {
            Some(log) => out.push_str(&line("log", quoted(log), self.log.source)),
            None => {
                out.push_str(&say!("cli-config-log-not-set"));
                out.push('\n');
            }
        }
        out.push_str("\n[serve]\n");
        out.push_str(&line(
            "addr",
            quoted(&self.addr.value.to_string()),
            self.addr.source,
        ));
        out.push_str(&line(
            "secure_cookies",
            self.secure_cookies.value.to_string(),
            self.secure_cookies.source,
        ));
        out.push_str(&line(
            "max_connections",
            self.max_connections.value.to_string(),
            self.max_connections.source,
        ));
        out.push_str("\n[network]\n");
        out.push_str(&line(
            "hub_ties",
            self.hub_ties.value.to_string(),
            self.hub_ties.source,
        ));
        out
    }
}

/// `KYOSO_*` variables that name no setting (a mistyped name, most
/// likely), for a warning.
pub(crate) fn unknown_environment(names: impl Iterator<Item = String>) -> Vec<String> {
    names
        .filter(|name| name.starts_with("KYOSO_") && !ENVIRONMENT.contains(&name.as_str()))
        // The test suite's own switches.
        .filter(|name| !name.starts_with("KYOSO_TEST_") && !name.starts_with("KYOSO_BROWSER"))
        .filter(|name| !matches!(name.as_str(), "KYOSO_SCREENSHOTS" | "KYOSO_WRITE_DOCS"))
        .collect()
}

fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path).with_context(|| {
        say!(
            "cli-config-reading-file",
            file = &path.display().to_string()
        )
    })?;
    toml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))
}

fn parsed<T: std::str::FromStr>(
    env: &dyn Fn(&str) -> Option<String>,
    name: &str,
    message: &str,
) -> anyhow::Result<Option<T>> {
    env(name)
        .map(|value| {
            value.trim().parse().map_err(|_| {
                let args = [("name", Arg::Text(name)), ("value", Arg::Text(&value))];
                anyhow::anyhow!(lang().format(message, &args))
            })
        })
        .transpose()
}

fn parsed_bool(env: &dyn Fn(&str) -> Option<String>, name: &str) -> anyhow::Result<Option<bool>> {
    env(name)
        .map(|value| match value.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" | "" => Ok(false),
            _ => bail!(say!(
                "cli-config-not-true-or-false",
                name = name,
                value = &value
            )),
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(file: Option<&str>, env: &[(&str, &str)], flags: Flags) -> anyhow::Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        let mut flags = flags;
        if let Some(text) = file {
            let path = dir.path().join("kyoso.toml");
            std::fs::write(&path, text).unwrap();
            flags.config = Some(path);
        }
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::load(&flags, &|name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn later_sources_win() {
        let file = "database = \"sqlite://file.db\"\n[serve]\naddr = \"0.0.0.0:9000\"\nmax_connections = 10\n";
        let config = load(
            Some(file),
            &[("KYOSO_ADDR", "127.0.0.1:9001")],
            Flags {
                max_connections: Some(20),
                ..Flags::default()
            },
        )
        .unwrap();
        assert_eq!(config.database.value, "sqlite://file.db");
        assert_eq!(config.database.source, Source::File);
        assert_eq!(config.addr.value.port(), 9001);
        assert_eq!(config.addr.source, Source::Environment);
        assert_eq!(config.max_connections.value, 20);
        assert_eq!(config.max_connections.source, Source::Flag);
        assert!(!config.secure_cookies.value);
        assert_eq!(config.secure_cookies.source, Source::Default);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        let error = load(Some("[serve]\nadress = \"x\"\n"), &[], Flags::default()).unwrap_err();
        let message = format!("{error:#}");
        assert!(
            message.contains("adress") && message.contains("kyoso.toml"),
            "{message}"
        );
        let error = load(
            Some("[serve]\nmax_connections = -1\n"),
            &[],
            Flags::default(),
        )
        .unwrap_err();
        assert!(
            format!("{error:#}").contains("max_connections"),
            "{error:#}"
        );
        let error = load(None, &[("KYOSO_SECURE_COOKIES", "maybe")], Flags::default()).unwrap_err();
        assert!(
            format!("{error:#}").contains("KYOSO_SECURE_COOKIES"),
            "{error:#}"
        );
        let error = load(None, &[("KYOSO_MAX_CONNECTIONS", "0")], Flags::default()).unwrap_err();
        assert!(
            format!("{error:#}").contains("max_connections"),
            "{error:#}"
        );
    }

    #[test]
    fn the_password_is_masked() {
        let config = load(
            None,
            &[("KYOSO_DATABASE_URL", "postgres://kyoso:s3cret@db/kyoso")],
            Flags::default(),
        )
        .unwrap();
        let described = config.describe();
        assert!(!described.contains("s3cret"), "{described}");
        assert!(described.contains("environment"), "{described}");
    }

    #[test]
    fn mistyped_variables_are_noticed() {
        let names = [
            "KYOSO_DATABSE_URL",
            "KYOSO_LOG",
            "KYOSO_TEST_POSTGRES",
            "PATH",
        ];
        assert_eq!(
            unknown_environment(names.iter().map(|n| (*n).to_owned())),
            vec!["KYOSO_DATABSE_URL".to_owned()]
        );
    }
}
