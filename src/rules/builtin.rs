//! The built-in rule pack, embedded so copydesk works with no configuration.

/// `(file name, contents)`, in load order.
pub const FILES: &[(&str, &str)] = &[
    ("language.toml", include_str!("../../rules/language.toml")),
    ("style.toml", include_str!("../../rules/style.toml")),
    ("figures.toml", include_str!("../../rules/figures.toml")),
    ("titles.toml", include_str!("../../rules/titles.toml")),
    ("claims.toml", include_str!("../../rules/claims.toml")),
];
