//! The subcommands: each turns parsed arguments into output and an exit
//! status.

use crate::check::examples;
use crate::cli::{CheckArgs, ColorWhen, ExplainArgs, RulesArgs};
use crate::report::{self, Format};
use crate::rules::LoadError;
use crate::run::{self, Engine, Options};
use crate::settings::Config;
use std::io::{IsTerminal, Read, Write};
use termcolor::{BufferedStandardStream, StandardStream, WriteColor};

fn stdout(color: ColorWhen) -> BufferedStandardStream {
    BufferedStandardStream::stdout(color.choice(std::io::stdout().is_terminal()))
}

fn stderr(color: ColorWhen) -> StandardStream {
    StandardStream::stderr(color.choice(std::io::stderr().is_terminal()))
}

/// Prints load errors and returns exit status 2.
fn fail(errors: &[LoadError], color: ColorWhen) -> std::io::Result<u8> {
    let mut err = stderr(color);
    report::human::print_load_errors(errors, &mut err)?;
    let n = errors.len();
    writeln!(
        err,
        "copydesk: could not load the rules or config ({n} error{})",
        if n == 1 { "" } else { "s" }
    )?;
    Ok(2)
}

fn load(config: Option<&str>, none: bool) -> Result<(Config, Engine), Vec<LoadError>> {
    let config = run::find_config(config, none)?;
    let engine = Engine::new(&config)?;
    Ok((config, engine))
}

/// The reporter for `--format`, which prints the files that could not be
/// read to standard error first (but for `github`, where they are
/// annotations).
fn sink<'a>(args: &CheckArgs, rules: &'a [crate::rules::Rule], color: bool) -> FormatSink<'a> {
    let inner: Box<dyn report::Sink + 'a> = match args.format {
        Format::Human => Box::new(report::human::HumanSink { color }),
        Format::Json => Box::new(report::json::JsonSink::default()),
        Format::Sarif => Box::new(report::sarif::SarifSink { rules }),
        Format::Github => Box::new(report::github::GithubSink),
    };
    FormatSink {
        inner,
        errors_to_stderr: (args.format != Format::Github).then_some(args.color),
    }
}

struct FormatSink<'a> {
    inner: Box<dyn report::Sink + 'a>,
    errors_to_stderr: Option<ColorWhen>,
}

impl report::Sink for FormatSink<'_> {
    fn head(&mut self, r: &run::Report, out: &mut dyn Write) -> std::io::Result<()> {
        if let Some(color) = self.errors_to_stderr {
            report::human::print_file_errors(r, &mut stderr(color))?;
        }
        self.inner.head(r, out)
    }

    fn render(&self, r: &run::Report, findings: &[crate::finding::Finding], buf: &mut Vec<u8>) {
        self.inner.render(r, findings, buf)
    }

    fn write(&mut self, rendered: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        self.inner.write(rendered, out)
    }

    fn tail(&mut self, r: &run::Report, out: &mut dyn Write) -> std::io::Result<()> {
        self.inner.tail(r, out)
    }

    fn keeps_findings(&self) -> bool {
        self.inner.keeps_findings()
    }
}

pub fn check(args: &CheckArgs) -> std::io::Result<u8> {
    let (config, mut engine) = match load(args.config.as_deref(), args.no_config) {
        Ok(x) => x,
        Err(errors) => return fail(&errors, args.color),
    };
    let mut options = Options {
        date: args.date,
        progress: true,
        ..Options::default()
    };
    if args.stdin {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".to_string());
        match run::decode(bytes) {
            Ok(text) => options.stdin = Some((name, text)),
            Err(message) => {
                writeln!(stderr(args.color), "error: {name}: {message}")?;
                return Ok(2);
            }
        }
    } else if args.paths.is_empty() {
        options.paths = vec![".".to_string()];
        options.implicit_paths = true;
    } else {
        options.paths = args.paths.clone();
    }
    if let Some(rev) = &args.changed_since {
        match crate::changed::since(rev) {
            Ok(changed) => options.changed = Some(changed),
            Err(message) => {
                writeln!(stderr(args.color), "error: {message}")?;
                return Ok(2);
            }
        }
    }
    options.fix = args.fix || args.diff;
    let mut out = stdout(args.color);
    let report = if options.fix {
        let (mut report, fixed) = run::run_fixing(&mut engine, &config, &options);
        let mut err = stderr(args.color);
        let changed = crate::fix::settle(&mut report, fixed, args.diff, &mut out, &mut err)?;
        if args.diff {
            // The diff is the output; the findings would point into text
            // that was not written.
            report::human::print_file_errors(&report, &mut stderr(args.color))?;
            out.flush()?;
            return Ok(if report.errors.is_empty() {
                u8::from(changed > 0)
            } else {
                2
            });
        }
        let mut sink = sink(args, &engine.pack.rules, out.supports_color());
        report::write_report(&report, &mut sink, &mut out)?;
        report
    } else {
        // Findings are written as the run finds them. The run needs the
        // engine whole: SARIF's list of rules is a copy.
        let rules = match args.format {
            Format::Sarif => engine.pack.rules.clone(),
            _ => Vec::new(),
        };
        let mut sink = sink(args, &rules, out.supports_color());
        run::run_to(&mut engine, &config, &options, &mut sink, &mut out)?
    };
    out.flush()?;
    let status = if !report.errors.is_empty() {
        2
    } else {
        let failing = match (args.fail_on.threshold(), report.max_severity()) {
            (Some(threshold), Some(max)) => max >= threshold,
            _ => false,
        };
        u8::from(failing)
    };
    // The process ends here: freeing a large run's findings and a claims
    // database piece by piece only costs time.
    std::mem::forget(report);
    std::mem::forget(engine);
    Ok(status)
}

pub fn rules(args: &RulesArgs) -> std::io::Result<u8> {
    let mut config = match run::find_config(args.config.as_deref(), args.no_config) {
        Ok(c) => c,
        Err(errors) => return fail(&errors, args.color),
    };
    // Packs named on the command line are tested on top of the config's.
    let first_new = config.packs.len();
    for p in &args.packs {
        config.packs.push((p.into(), p.clone()));
    }
    let mut engine = match Engine::new(&config) {
        Ok(e) => e,
        Err(errors) => return fail(&errors, args.color),
    };
    let mut out = stdout(args.color);
    if !args.test {
        if !args.packs.is_empty() {
            writeln!(
                stderr(args.color),
                "note: packs named on the command line are only read with --test"
            )?;
        }
        for r in &engine.pack.rules {
            writeln!(
                out,
                "{:<24} {:<20} {:<8} {}:{}",
                r.id,
                r.kind.name(),
                r.severity.as_str(),
                r.origin.path,
                r.origin.line()
            )?;
        }
        out.flush()?;
        return Ok(0);
    }
    let only: Option<Vec<String>> = (!args.packs.is_empty()).then(|| {
        let shown: Vec<&str> = config.packs[first_new..]
            .iter()
            .map(|(_, s)| s.as_str())
            .collect();
        engine
            .pack
            .rules
            .iter()
            .filter(|r| {
                shown.iter().any(|s| {
                    r.origin.path == *s
                        || r.origin
                            .path
                            .starts_with(&format!("{}/", s.trim_end_matches('/')))
                })
            })
            .map(|r| r.id.to_string())
            .collect()
    });
    let (count, failures) = examples::run(&mut engine, only.as_deref());
    for f in &failures {
        if f.expected_finding {
            writeln!(
                out,
                "FAIL {} ({}): bad example not flagged:\n    {}",
                f.rule,
                f.origin,
                f.example.replace('\n', "\n    ")
            )?;
        } else {
            writeln!(
                out,
                "FAIL {} ({}): good example flagged:\n    {}",
                f.rule,
                f.origin,
                f.example.replace('\n', "\n    ")
            )?;
            for m in &f.got {
                writeln!(out, "    -> {m}")?;
            }
        }
    }
    writeln!(
        out,
        "{} passed, {} failed",
        count - failures.len(),
        failures.len()
    )?;
    out.flush()?;
    Ok(u8::from(!failures.is_empty()))
}

pub fn explain(args: &ExplainArgs) -> std::io::Result<u8> {
    let (_, engine) = match load(args.config.as_deref(), args.no_config) {
        Ok(x) => x,
        Err(errors) => return fail(&errors, ColorWhen::Auto),
    };
    let Some(rule) = engine.pack.rule(&args.rule) else {
        let ids: Vec<&str> = engine.pack.rules.iter().map(|r| &*r.id).collect();
        eprintln!(
            "error: unknown rule id `{}`\n  = help: the loaded rules are: {}",
            args.rule,
            ids.join(", ")
        );
        return Ok(2);
    };
    std::io::stdout()
        .lock()
        .write_all(report::explain::explain(rule).as_bytes())?;
    Ok(0)
}
