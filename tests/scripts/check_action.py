#!/usr/bin/env python3
"""Checks action.yml: a composite action with the documented inputs, whose
`check` step's script, run the way GitHub runs it (bash -eo pipefail, the
inputs as environment variables, $GITHUB_OUTPUT a file), prints
annotations, honours changed-only, paths and output, and sets exit-code.

Usage: check_action.py BIN   (BIN: a built copydesk binary)
"""
import json
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BAD = "The attack was claimed by Al Qaeda.\n"
passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    print(("ok: " if ok else "FAIL: ") + what)
    if ok:
        passed += 1
    else:
        failed += 1


def git(repo, *args):
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.com",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.com"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def main():
    binary = os.path.abspath(sys.argv[1])
    action = yaml.safe_load(open(os.path.join(ROOT, "action.yml")))
    check(action["runs"]["using"] == "composite", "a composite action")
    inputs = action["inputs"]
    defaults = {k: str(v.get("default", "")) for k, v in inputs.items()}
    want = {"paths": ".", "config": "", "fail-on": "warning", "format": "github",
            "changed-only": "false", "changed-since": "", "output": ""}
    check(all(defaults.get(k) == v for k, v in want.items()), f"inputs and defaults: {defaults}")
    steps = action["runs"]["steps"]
    check(any(s.get("uses", "").startswith("dtolnay/rust-toolchain@") for s in steps),
          "installs Rust when cargo is missing")
    script = next(s["run"] for s in steps if s.get("id") == "check")

    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "news")
        os.makedirs(os.path.join(repo, "drafts"))
        git(repo, "init", "-q", "-b", "main")
        open(os.path.join(repo, "drafts/old.md"), "w").write(BAD)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "old")
        base = git(repo, "rev-parse", "HEAD")
        open(os.path.join(repo, "drafts/new.md"), "w").write(BAD)
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "new")
        script_file = os.path.join(tmp, "step.sh")
        open(script_file, "w").write(script)

        def run(**overrides):
            out_file = os.path.join(tmp, "github_output")
            open(out_file, "w").close()
            env = {**os.environ, "GITHUB_OUTPUT": out_file, "NO_COLOR": "1",
                   "PATH": os.path.dirname(binary) + os.pathsep + os.environ["PATH"],
                   "PR_BASE_SHA": "", "PUSH_BEFORE_SHA": ""}
            for k, v in {**defaults, **overrides}.items():
                if k.isupper():  # the event's shas
                    env[k] = v
                else:
                    env["INPUT_" + k.upper().replace("-", "_")] = v
            p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script_file],
                               cwd=repo, env=env, capture_output=True, text=True)
            return p, open(out_file).read()

        p, out = run()
        lines = p.stdout.splitlines()
        check(p.returncode == 1 and "exit-code=1" in out, f"defaults: exit 1 and exit-code=1 ({p.returncode}, {out!r})")
        check(len(lines) == 2 and all(l.startswith("::warning file=drafts/") for l in lines),
              f"defaults: one annotation per finding: {lines}")

        p, out = run(**{"changed-only": "true"}, PR_BASE_SHA=base)
        check(p.returncode == 1 and p.stdout.count("::warning") == 1 and "drafts/new.md" in p.stdout,
              f"changed-only on a pull request: only the new draft: {p.stdout!r} {p.stderr!r}")

        p, out = run(**{"changed-since": base, "paths": "drafts/old.md\n drafts/new.md"})
        check(p.stdout.count("::warning") == 1, f"changed-since and several paths: {p.stdout!r} {p.stderr!r}")

        p, out = run(**{"changed-only": "true"}, PUSH_BEFORE_SHA="0" * 40)
        check("new branch" in p.stdout and p.stdout.count("::warning") == 2,
              f"changed-only on a new branch checks everything: {p.stdout!r}")

        p, out = run(format="sarif", output="copydesk.sarif", **{"fail-on": "never"})
        sarif = json.load(open(os.path.join(repo, "copydesk.sarif")))
        check(p.returncode == 0 and "exit-code=0" in out and len(sarif["runs"][0]["results"]) == 2,
              "format sarif into an output file, fail-on never")

        p, out = run(**{"changed-since": "no-such-ref"})
        check(p.returncode == 2 and "exit-code=2" in out, "a bad ref fails the step with exit 2")

    print(f"action.yml: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
