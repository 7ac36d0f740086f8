//! `copydesk explain RULE` (and an editor's hover): what a rule checks, why,
//! its examples and how to silence it, as plain text.

use crate::check::examples::DRAFT_SEPARATOR;
use crate::rules::Rule;
use std::fmt::Write;

/// The explanation of a rule, ending with a newline.
pub fn explain(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = write_explain(rule, &mut out);
    out
}

fn write_explain(rule: &Rule, out: &mut String) -> std::fmt::Result {
    writeln!(out, "{} ({}, {})", rule.id, rule.kind.name(), rule.severity)?;
    writeln!(
        out,
        "defined in {}:{}\n",
        rule.origin.path,
        rule.origin.line()
    )?;
    writeln!(out, "{}\n", rule.description.trim())?;
    let show = |out: &mut String, title: &str, list: &[String]| -> std::fmt::Result {
        if !list.is_empty() {
            writeln!(out, "{title}")?;
            for e in list {
                let text = e.replace(DRAFT_SEPARATOR, "\n    -- next draft --\n");
                writeln!(out, "    {}", text.replace('\n', "\n    "))?;
            }
            writeln!(out)?;
        }
        Ok(())
    };
    show(out, "Flagged:", &rule.bad)?;
    show(out, "Not flagged:", &rule.good)?;
    writeln!(out, "To silence it:")?;
    writeln!(
        out,
        "    on one line:  <!-- copydesk-disable-next-line {} -->",
        rule.id
    )?;
    writeln!(
        out,
        "    in a region:  <!-- copydesk-disable {} --> ... <!-- copydesk-enable {} -->",
        rule.id, rule.id
    )?;
    writeln!(
        out,
        "    everywhere:   [rules] disable = [\"{}\"] in copydesk.toml",
        rule.id
    )
}
