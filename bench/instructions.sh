#!/usr/bin/env bash
# Instructions a run executes, counted by valgrind's callgrind: a figure
# that does not move with the machine's load, for comparing two builds on
# a busy or shared machine where wall times wander (see bench/README.md).
#
#   bash bench/instructions.sh                   4 configs on the 20 MB corpus
#   bash bench/instructions.sh --bin OTHER       another build of copydesk
#   bash bench/instructions.sh builtin style     some configs only
#
# Uses the corpus of bench/run.sh (run it first). One thread, so the count
# is the whole run's work; start-up is counted apart, from a run over one
# short draft, so that the per-MB figure is the drafts' own.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
BIN=target/release/copydesk
CONFIGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) BIN="$2"; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "instructions.sh: unknown option $1" >&2; exit 2 ;;
        *) CONFIGS+=("$1"); shift ;;
    esac
done
[[ ${#CONFIGS[@]} -gt 0 ]] || CONFIGS=(builtin-style-only builtin style full)

if ! command -v valgrind > /dev/null; then
    echo "instructions.sh: valgrind is needed (apt-get install valgrind)" >&2
    exit 2
fi
if [[ ! -d "$OUT/drafts" ]]; then
    echo "instructions.sh: no corpus in $OUT: run bash bench/run.sh first" >&2
    exit 2
fi
if [[ "$BIN" == target/release/copydesk ]]; then
    cargo build --release --quiet --bin copydesk
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/one"
printf -- '---\ntitle: One\ndate: 2025-01-01\n---\n\nThe council met.\n' > "$tmp/one/one.md"

# Prints the instructions of one run over DIR with CONFIG.
count() { # CONFIG DIR
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
        "$BIN" check --format json --fail-on never --config "$OUT/config-$1.toml" "$2" \
        > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.out"
}

bytes=$(find "$OUT/drafts" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo
echo "binary: $BIN; corpus: $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"
echo
echo "| config | instructions (M) | start-up (M) | per MB of drafts (M) |"
echo "|---|---:|---:|---:|"
for config in "${CONFIGS[@]}"; do
    all=$(count "$config" "$OUT/drafts")
    start=$(count "$config" "$tmp/one")
    awk -v c="$config" -v a="$all" -v s="$start" -v b="$bytes" \
        'BEGIN {printf "| %s | %.0f | %.0f | %.1f |\n", c, a / 1e6, s / 1e6, (a - s) / (b / 1e6) / 1e6}'
done
