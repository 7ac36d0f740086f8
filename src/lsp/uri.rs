//! `file:` URIs to paths and back (RFC 8089, as editors write them).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The path of a `file:` URI; `None` for other schemes (`untitled:`) and
/// for files on other hosts.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let scheme_end = s.find(':')?;
    if !s[..scheme_end].eq_ignore_ascii_case("file") {
        return None;
    }
    let rest = s[scheme_end + 1..].strip_prefix("//")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let slash = rest.find('/')?;
    let host = &rest[..slash];
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(&rest[slash..])?).ok()?;
    // `/c:/Users/...` on Windows.
    let b = decoded.as_bytes();
    let decoded = if cfg!(windows) && b.len() >= 3 && b[2] == b':' && b[1].is_ascii_alphabetic() {
        decoded[1..].to_string()
    } else {
        decoded
    };
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    let mut out = String::from("file://");
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_spaces_and_accents() {
        let p = Path::new("/tmp/news room/café #1.md");
        let uri = from_path(p).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/news%20room/caf%C3%A9%20%231.md");
        assert_eq!(to_path(&uri).unwrap(), p);
    }

    #[test]
    fn other_schemes_and_hosts_have_no_path() {
        let u = |s: &str| Uri::from_str(s).unwrap();
        assert_eq!(to_path(&u("untitled:Untitled-1")), None);
        assert_eq!(to_path(&u("file://server/share/a.md")), None);
        assert_eq!(
            to_path(&u("file://localhost/a/b.md")),
            Some(PathBuf::from("/a/b.md"))
        );
    }
}
