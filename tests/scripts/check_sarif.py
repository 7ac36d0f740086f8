#!/usr/bin/env python3
"""Runs `copydesk check` on one folder twice, with `--format sarif` and
`--format json`, and checks the SARIF log:

- it validates against the SARIF 2.1.0 JSON schema (when SCHEMA is given
  and exists; otherwise says so and skips that part);
- it has one run, `columnKind` `unicodeCodePoints`, and a rule descriptor
  (at `ruleIndex`) for every result;
- result by result, in the same order as the JSON diagnostics, the region
  points at the same text as the JSON range: same byte offset and length,
  same start and end line and column, and those agree with the file's bytes
  (columns in Unicode scalar values); the same for related locations
  against labels and for fixes.

Usage: check_sarif.py BIN DIR [--schema SCHEMA] -- COPYDESK-CHECK-ARGS...
(the check arguments are run in DIR, e.g. `--no-config drafts`).
"""
import json
import os
import subprocess
import sys
import urllib.parse

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def run(binary, cwd, fmt, args):
    cmd = [binary, "check", "--format", fmt, "--fail-on", "never", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} (in {cwd}) exited {proc.returncode}:\n{proc.stderr.decode()}")
    return json.loads(proc.stdout)


def position(raw, b):
    """1-based line and column (Unicode scalar values) of byte offset b."""
    before = raw[:b].decode("utf-8")
    return before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1


def compare(where, cwd, rng, path, loc, cache, problems):
    uri = loc["artifactLocation"]["uri"]
    got_path = urllib.parse.unquote(uri.removeprefix("file://"))
    if got_path != path:
        problems.append(f"{where}: uri {uri!r} is not the path {path!r}")
    region = loc["region"]
    start, end = rng["start"], rng["end"]
    expect = {
        "byteOffset": start["byte"],
        "byteLength": end["byte"] - start["byte"],
        "startLine": start["line"],
        "startColumn": start["column"],
        "endLine": end["line"],
        "endColumn": end["column"],
    }
    for key, want in expect.items():
        if region.get(key) != want:
            problems.append(f"{where}: region {key} is {region.get(key)}, the JSON says {want}")
    raw = cache.setdefault(path, open(os.path.join(cwd, path), "rb").read())
    b0, b1 = region["byteOffset"], region["byteOffset"] + region["byteLength"]
    if position(raw, b0) != (region["startLine"], region["startColumn"]):
        problems.append(f"{where}: start line/column disagree with byte {b0}")
    if position(raw, b1) != (region["endLine"], region["endColumn"]):
        problems.append(f"{where}: end line/column disagree with byte {b1}")
    snippet = region.get("snippet", {}).get("text")
    if snippet is not None and snippet != raw[b0:b1].decode("utf-8"):
        problems.append(f"{where}: snippet {snippet!r} is not the text at the region")


def main():
    argv = sys.argv[1:]
    if "--" not in argv or len(argv) < 3:
        sys.exit(__doc__)
    sep = argv.index("--")
    head, args = argv[:sep], argv[sep + 1:]
    binary, cwd = os.path.abspath(head[0]), head[1]
    schema = head[head.index("--schema") + 1] if "--schema" in head else None

    sarif = run(binary, cwd, "sarif", args)
    doc = run(binary, cwd, "json", args)
    problems = []

    if schema and os.path.exists(schema):
        import jsonschema

        validator = jsonschema.Draft4Validator(json.load(open(schema)))
        for e in validator.iter_errors(sarif):
            problems.append(f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        print(f"{cwd}: SARIF validated against {schema}")
    else:
        print(f"note: no SARIF schema at {schema!r}: skipping schema validation")

    if sarif.get("version") != "2.1.0" or len(sarif.get("runs", [])) != 1:
        problems.append("not one SARIF 2.1.0 run")
    run_ = sarif["runs"][0]
    if run_.get("columnKind") != "unicodeCodePoints":
        problems.append("run.columnKind is not unicodeCodePoints")
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    diags = doc["diagnostics"]
    if len(results) != len(diags):
        problems.append(f"{len(results)} SARIF results but {len(diags)} JSON diagnostics")
    cache = {}
    for i, (r, d) in enumerate(zip(results, diags)):
        where = f"{d['path']}: {d['rule']} (result {i})"
        if r["ruleId"] != d["rule"] or rules[r["ruleIndex"]]["id"] != d["rule"]:
            problems.append(f"{where}: ruleId/ruleIndex do not name {d['rule']}")
        if r["level"] != LEVEL[d["severity"]]:
            problems.append(f"{where}: level {r['level']} for severity {d['severity']}")
        if not r["message"]["text"].startswith(d["message"]):
            problems.append(f"{where}: message differs")
        compare(where, cwd, d["range"], d["path"], r["locations"][0]["physicalLocation"], cache, problems)
        related = r.get("relatedLocations", [])
        if len(related) != len(d["labels"]):
            problems.append(f"{where}: {len(related)} related locations, {len(d['labels'])} labels")
        for rel, label in zip(related, d["labels"]):
            compare(f"{where} label", cwd, label["range"], label["path"], rel["physicalLocation"], cache, problems)
            if rel["message"]["text"] != label["message"]:
                problems.append(f"{where}: related location message differs")
        fixes = r.get("fixes", [])
        if bool(fixes) != (d["fix"] is not None):
            problems.append(f"{where}: fix present in one format only")
        if fixes:
            change = fixes[0]["artifactChanges"][0]
            rep = change["replacements"][0]
            loc = {"artifactLocation": change["artifactLocation"], "region": rep["deletedRegion"]}
            compare(f"{where} fix", cwd, d["fix"]["range"], d["path"], loc, cache, problems)
            if rep["insertedContent"]["text"] != d["fix"]["replacement"]:
                problems.append(f"{where}: fix replacement differs")

    for p in problems:
        print(p)
    n_fix = sum(1 for r in results if r.get("fixes"))
    n_rel = sum(len(r.get("relatedLocations", [])) for r in results)
    print(f"{cwd}: {len(results)} results ({n_fix} with fixes, {n_rel} related locations), "
          f"{len(rules)} rules, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
