//! Errors in rule, config and data files. Each points at the place in the
//! file, so it can be printed like a finding, with a caret under the value.

use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct LoadError {
    /// The file's path as the user would write it.
    pub path: String,
    /// The file's text, when it could be read.
    pub text: Option<Arc<str>>,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub help: Option<String>,
}

impl LoadError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            path: path.into(),
            text: None,
            span: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn at(
        path: &str,
        text: &Arc<str>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> LoadError {
        let span = clamp(text, span);
        LoadError {
            path: path.to_string(),
            text: Some(text.clone()),
            span: Some(span),
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> LoadError {
        self.help = Some(help.into());
        self
    }

    /// Turns a TOML parse or type error into a load error at its span.
    pub fn from_toml(path: &str, text: &Arc<str>, err: &toml::de::Error) -> LoadError {
        let message = err.message().trim_end().to_string();
        match err.span() {
            Some(span) => LoadError::at(path, text, span, message),
            None => LoadError {
                text: Some(text.clone()),
                ..LoadError::new(path, message)
            },
        }
    }
}

fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.text, &self.span) {
            (Some(text), Some(span)) => {
                let line = text[..span.start].matches('\n').count() + 1;
                let col = text[..span.start]
                    .rsplit('\n')
                    .next()
                    .map_or(0, |l| l.chars().count())
                    + 1;
                write!(f, "{}:{}:{}: {}", self.path, line, col, self.message)
            }
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}
