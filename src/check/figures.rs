//! `unattributed-figure` and `unverified-figure` (spec sections 2 and 3).

use super::Check;
use crate::rules::{LoadError, Pack, Rule};

pub fn build(
    _pack: &Pack,
    _unattributed: Option<&Rule>,
    _unverified: Option<&Rule>,
) -> Result<Option<Box<dyn Check>>, Vec<LoadError>> {
    Ok(None)
}
