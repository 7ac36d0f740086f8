//! `copydesk claims harvest PATH...`: the claims that drafts mark false
//! (`the false claim that X`, see [`crate::check::harvest`]) as claims TOML
//! entries, each after a comment naming the draft and line that marked it,
//! so that a newsroom can review them and promote them into its claims
//! database. The output loads as a claims database.
//!
//! Each entry's `all` regexes are the claim's names (the last word of each)
//! and numbers, and two-thirds of its content words by stem: a regex
//! database cannot say "two of these three", so it takes the first ones.

use crate::check::harvest::{Harvested, Harvester};
use crate::claim_words::{pattern, slug};
use crate::claims_import::{Imported, unique_ids};
use crate::cli::HarvestArgs;
use crate::draft::Draft;
use crate::rules::Pack;
use crate::walk::{self, Target};
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

pub fn command(args: &HarvestArgs) -> std::io::Result<u8> {
    let pack = crate::run::find_config(None, false)
        .ok()
        .and_then(|c| c.load_pack().ok())
        .or_else(|| Pack::builtin().ok())
        .unwrap_or_default();
    let mut failed = false;
    let mut targets: Vec<Target> = Vec::new();
    for p in &args.paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            targets.extend(walk::archive(&[(path, p.replace('\\', "/"))]));
        } else if path.is_file() {
            targets.push(Target {
                shown: p.replace('\\', "/"),
                path,
            });
        } else {
            eprintln!("error: {p}: no such file or folder");
            failed = true;
        }
    }
    let lang = pack.language();
    let mut drafts = Vec::new();
    for t in &targets {
        match crate::run::read_draft(&t.path) {
            Ok(text) => drafts.push(Draft::parse(t.shown.clone(), text, &lang)),
            Err(e) => {
                eprintln!("error: {}: {e}", t.shown);
                failed = true;
            }
        }
    }
    if failed {
        return Ok(2);
    }
    let harvester = Harvester::new(&pack);
    let harvested: Vec<Harvested> = drafts
        .iter()
        .enumerate()
        .flat_map(|(i, d)| harvester.harvest(d, i))
        .collect();
    let out = to_toml(&harvested, harvester.stop_words(), &args.paths);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(out.as_bytes()).and_then(|_| lock.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    let n = out.matches("[[claim]]").count();
    eprintln!(
        "harvested {n} claim{} from {} draft{}",
        if n == 1 { "" } else { "s" },
        drafts.len(),
        if drafts.len() == 1 { "" } else { "s" }
    );
    Ok(0)
}

/// The matcher of a harvested claim, as claims-database regexes.
pub fn matcher(h: &Harvested) -> Vec<String> {
    let w = &h.words;
    let mut all: Vec<String> = w
        .names
        .iter()
        .chain(&w.numbers)
        .map(|x| format!(r"\b{}\b", pattern(x)))
        .collect();
    all.extend(
        w.content
            .iter()
            .take(w.content_needed())
            .map(|s| format!(r"\b{}\w*", pattern(s))),
    );
    all
}

/// The claims TOML for `harvested` (in draft order; a claim marked in
/// several drafts is written once, with a comment for each).
pub fn to_toml(harvested: &[Harvested], stop: &HashSet<String>, sources: &[String]) -> String {
    let mut entries: Vec<(Imported, Vec<String>)> = Vec::new();
    let mut seen: Vec<&crate::claim_words::ClaimWords> = Vec::new();
    for h in harvested {
        let from = format!("# from {}:{}", h.path, h.line);
        if let Some(k) = seen.iter().position(|w| **w == h.words) {
            if !entries[k].1.contains(&from) {
                entries[k].1.push(from);
            }
            continue;
        }
        seen.push(&h.words);
        let claim = h.display();
        entries.push((
            Imported {
                id: slug(&claim, stop),
                claim,
                rating: "False".to_string(),
                reviewed_by: Some(format!("newsroom draft {}:{}", h.path, h.line)),
                url: None,
                date: h.date,
                // A pronoun says nothing out of its draft.
                claimant: h
                    .subject
                    .clone()
                    .filter(|s| !matches!(s.to_lowercase().as_str(), "he" | "she" | "they" | "it")),
                all: matcher(h),
            },
            vec![from],
        ));
    }
    let mut claims: Vec<Imported> = entries.iter().map(|(c, _)| c.clone()).collect();
    unique_ids(&mut claims);
    let mut out = format!(
        "# Harvested by `copydesk claims harvest` from {}: claims that drafts\n\
         # mark false. Review each one before adding it to a claims database.\n",
        sources.join(", ")
    );
    for (c, (_, from)) in claims.iter().zip(&entries) {
        out.push('\n');
        for f in from {
            out.push_str(f);
            out.push('\n');
        }
        crate::claims_import::push_entry(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn output_loads_as_a_claims_database() {
        let pack = Pack::builtin().unwrap();
        let h = Harvester::new(&pack);
        let d = Draft::parse(
            "drafts/a.md",
            "---\ndate: 2025-03-04\n---\n\nSenator Ruth O'Neil falsely said that she had shut the Kessel coal mine in 2019.\n\nOthers repeated the false claim that the Kessel mine's owners paid $40 million in bribes.\n",
            &pack.language(),
        );
        let found = h.harvest(&d, 0);
        assert_eq!(found.len(), 2);
        let toml = to_toml(&found, h.stop_words(), &["drafts".to_string()]);
        assert!(toml.contains("# from drafts/a.md:5\n[[claim]]\n"), "{toml}");
        let claims = crate::rules::claims::parse("h.toml", Arc::from(toml.as_str()))
            .unwrap_or_else(|e| panic!("{e:?}\n{toml}"));
        assert_eq!(claims.len(), 2);
        assert_eq!(
            claims[0].claim,
            "Senator Ruth O'Neil had shut the Kessel coal mine in 2019"
        );
        assert_eq!(claims[0].rating, "False");
        assert!(claims[0].all.contains(&r"\bkessel\b".to_string()));
        assert!(claims[1].all.contains(&r"\b40\b".to_string()));
    }
}
