#!/usr/bin/env bash
# The pre-commit hook end to end: in a temporary newsroom repository that
# uses this checkout's `.pre-commit-hooks.yaml`, committing a draft with a
# warning is blocked with the finding printed, and the fixed draft commits.
#
# Needs git, python3 (with venv) and cargo; reaches PyPI (to install
# pre-commit into a throwaway virtualenv) and crates.io (pre-commit's
# `language: rust` runs `cargo install --path` on the hook repository).
# Works with CI=true and no standard input.
#
# Usage: tests/pre-commit.sh
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Keep the user's git and pre-commit settings out of it.
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Copy Desk" GIT_AUTHOR_EMAIL="desk@example.com"
export GIT_COMMITTER_NAME="Copy Desk" GIT_COMMITTER_EMAIL="desk@example.com"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export PRE_COMMIT_COLOR=never
export NO_COLOR=1
# `cargo install` reuses the dependencies the checkout already built.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"

passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

echo "--- pre-commit from PyPI into a virtualenv"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
"$pre_commit" --version

# pre-commit fetches `rev` from `repo`, so the rev must be a commit there. A
# clean checkout is used as it is; a working tree with uncommitted changes
# is copied (tracked and untracked, not ignored, files) into a temporary
# repository and committed, so the hook tested is the code on disk.
if [ -z "$(git -C "$root" status --porcelain)" ]; then
  hook_repo="$root"
else
  echo "--- the working tree has uncommitted changes: committing a copy of it"
  hook_repo="$work/hook-repo"
  mkdir -p "$hook_repo"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf -) | tar -xf - -C "$hook_repo"
  git -C "$hook_repo" init -q -b main
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q -m "working tree of $root"
fi
rev="$(git -C "$hook_repo" rev-parse HEAD)"
echo "hook repository: $hook_repo @ $rev"

echo "--- a newsroom repository"
news="$work/newsroom"
mkdir -p "$news/drafts" "$news/tools"
cd "$news"
git init -q -b main
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: copydesk
EOF
cat > copydesk.toml <<'EOF'
[rules]
disable = ["hedge-reportedly"]
EOF
git add -A
git commit -q -m "copydesk config"
"$pre_commit" install </dev/null
echo "--- pre-commit install-hooks (cargo install of the hook repository)"
"$pre_commit" install-hooks </dev/null

commits() { git rev-list --count HEAD; }

echo "--- committing a draft with a warning"
printf '# Strike\n\nThe attack was claimed by Al Qaeda, officials said.\n' > drafts/strike.md
git add drafts/strike.md
before="$(commits)"
set +e
git commit -m "strike draft" </dev/null > "$work/bad.out" 2>&1
status=$?
set -e
cat "$work/bad.out"
if [ "$status" -ne 0 ] && [ "$(commits)" = "$before" ]; then
  ok "the commit was blocked (git commit exited $status)"
else
  fail "the commit of a draft with a warning was not blocked (exit $status)"
fi
if grep -q 'al-qaida' "$work/bad.out" && grep -q 'drafts/strike.md:3:' "$work/bad.out" \
  && grep -q 'Al Qaeda' "$work/bad.out"; then
  ok "the finding was printed with its rule, place and words"
else
  fail "the finding was not printed"
fi

echo "--- committing the fixed draft (and a source file pre-commit must not pass)"
printf '# Strike\n\nThe attack was claimed by al-Qaida, officials said.\n' > drafts/strike.md
# Not a draft: `types_or: [markdown, plain-text]` keeps it from copydesk.
printf '// Al Qaeda\n' > tools/spelling.rs
git add drafts/strike.md tools/spelling.rs
set +e
git commit -m "strike draft" </dev/null > "$work/good.out" 2>&1
status=$?
set -e
cat "$work/good.out"
if [ "$status" -eq 0 ] && [ "$(commits)" = "$((before + 1))" ] \
  && grep -q '^copydesk.*Passed' "$work/good.out"; then
  ok "the fixed draft was committed"
else
  fail "the fixed draft was not committed (exit $status)"
fi

echo
echo "pre-commit hook: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
