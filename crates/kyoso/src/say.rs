//! What the command line tells people, in their language (`LC_ALL`,
//! `LC_MESSAGES` or `LANG`; English if none is one of kyoso's four), from
//! the message files of `kyoso-i18n`.

use std::sync::OnceLock;

pub(crate) use kyoso_i18n::{Arg, Lang};

static LANG: OnceLock<Lang> = OnceLock::new();

/// The reader's language.
pub(crate) fn lang() -> Lang {
    *LANG.get_or_init(|| Lang::from_environment(|name| std::env::var(name).ok()))
}

/// A message in the reader's language: `say!("cli-user-enabled", email = &email)`.
macro_rules! say {
    ($id:literal) => {
        $crate::say::lang().text($id).to_owned()
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::say::lang().format(
            $id,
            &[$((stringify!($name), $crate::say::Arg::from($value))),+],
        )
    };
}
pub(crate) use say;
