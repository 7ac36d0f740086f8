//! `copydesk claims import`: ClaimReview JSON-LD and Fact Check Tools API
//! responses to claims TOML.

use crate::cli::ImportArgs;

pub fn command(_args: &ImportArgs) -> std::io::Result<u8> {
    eprintln!("error: `copydesk claims import` is not implemented yet");
    Ok(2)
}
