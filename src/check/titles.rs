//! `title-consistency` (spec section 1).

use super::{Check, Data};
use crate::rules::{LoadError, Pack, Rule};

pub fn build(
    _pack: &Pack,
    _rule: Option<&Rule>,
    _data: &Data,
) -> Result<Option<Box<dyn Check>>, Vec<LoadError>> {
    Ok(None)
}
