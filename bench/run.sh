#!/usr/bin/env bash
# The copydesk end-to-end benchmark: see bench/README.md.
#
#   bash bench/run.sh                 4 configs on the 20 MB corpus
#   bash bench/run.sh --scale         full config on 5, 20 and 80 MB corpora
#
# Options: --mb N (corpus size, default 20), --files N (default 2000),
# --seed N (default 1), --runs N (timed runs after one warm-up, default 3),
# --scale [LIST] (comma-separated MB sizes, default 5,20,80).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
MB=20
FILES=2000
SEED=1
RUNS=3
SCALE=""

while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --files) FILES="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --scale)
            if [[ $# -gt 1 && "$2" =~ ^[0-9.,]+$ ]]; then SCALE="$2"; shift 2; else SCALE="5,20,80"; shift; fi ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

if [[ ! -x /usr/bin/time ]]; then
    echo "run.sh: /usr/bin/time is needed for peak RSS (apt-get install time)" >&2
    exit 2
fi

echo "building release binaries..." >&2
cargo build --release --quiet --bin copydesk --example gen-corpus
BIN=target/release/copydesk
GEN=target/release/examples/gen-corpus

# Generates a corpus into DIR unless one made with the same flags is there.
ensure_corpus() { # DIR MB FILES
    local dir="$1" mb="$2" files="$3"
    # The generator's source is part of the stamp: a changed generator
    # makes a new corpus.
    local stamp
    stamp="mb=$mb files=$files seed=$SEED gen=$(cat bench/gen_corpus.rs bench/gen/mod.rs | cksum | cut -d' ' -f1)"
    if [[ -d "$dir/drafts" && -f "$dir/.stamp" && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
        return
    fi
    echo "generating $mb MB corpus in $dir..." >&2
    "$GEN" --out "$dir" --mb "$mb" --files "$files" --seed "$SEED"
    echo "$stamp" > "$dir/.stamp"
}

corpus_bytes() { find "$1/drafts" -type f -printf '%s\n' | awk '{s += $1} END {print s}'; }

# Runs one check: prints "SECONDS RSS_KB". Wall time from the shell's clock
# (ns), peak RSS from /usr/bin/time.
run_once() { # DIR CONFIG
    local dir="$1" config="$2" tmp start end
    tmp=$(mktemp)
    start=$(date +%s%N)
    if ! /usr/bin/time -f '%e %M' -o "$tmp" "$BIN" check --format json --fail-on never \
        --config "$dir/config-$config.toml" "$dir/drafts" > /dev/null; then
        echo "run.sh: copydesk check failed with config-$config.toml" >&2
        cat "$tmp" >&2
        rm -f "$tmp"
        exit 1
    fi
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(tail -n 1 "$tmp" | awk '{print $2}')" | awk '{printf "%.3f %d\n", $1 / 1e6, $2}'
    rm -f "$tmp"
}

# One warm-up, then RUNS timed runs: prints "BEST_SECONDS MAX_RSS_KB".
measure() { # DIR CONFIG
    local best="" rss=0 t m
    run_once "$1" "$2" > /dev/null
    for ((i = 0; i < RUNS; i++)); do
        read -r t m < <(run_once "$1" "$2")
        if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then best="$t"; fi
        (( m > rss )) && rss=$m
    done
    echo "$best $rss"
}

cpu=$(nproc)
if [[ -z "$SCALE" ]]; then
    ensure_corpus "$OUT" "$MB" "$FILES"
    bytes=$(corpus_bytes "$OUT")
    files=$(find "$OUT/drafts" -type f | wc -l)
    echo
    echo "corpus: $files drafts, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB; best of $RUNS runs after 1 warm-up; $cpu CPUs"
    echo
    echo "| config | best wall (s) | MB/s | peak RSS (MB) |"
    echo "|---|---:|---:|---:|"
    declare -A wall
    for config in builtin-style-only generic builtin builtin-claims style full; do
        read -r t m < <(measure "$OUT" "$config")
        wall[$config]=$t
        awk -v c="$config" -v t="$t" -v m="$m" -v b="$bytes" \
            'BEGIN {printf "| %s | %.2f | %.1f | %.0f |\n", c, t, b / 1e6 / t, m / 1024}'
    done
    echo
    # What the newsroom checks cost over the style rules alone, and what a
    # registry and claims database cost over the packs.
    awk -v a="${wall[builtin]}" -v b="${wall[builtin-style-only]}" -v c="${wall[generic]}" \
        -v s="${wall[style]}" -v f="${wall[full]}" 'BEGIN {
            printf "builtin / builtin-style-only: %.2fx; builtin / generic: %.2fx; full / style: %.2fx\n", a / b, a / c, f / s
        }'
else
    per_file=$(awk -v mb="$MB" -v f="$FILES" 'BEGIN {print mb / f}')
    echo
    echo "scaling: config-full, same draft size ($(awk -v p="$per_file" 'BEGIN {printf "%.0f", p * 1e6}') bytes on average); best of $RUNS runs after 1 warm-up; $cpu CPUs"
    echo
    echo "| corpus (MB) | drafts | best wall (s) | s per MB | MB/s | peak RSS (MB) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    IFS=',' read -r -a sizes <<< "$SCALE"
    for mb in "${sizes[@]}"; do
        files=$(awk -v mb="$mb" -v p="$per_file" 'BEGIN {printf "%d", mb / p + 0.5}')
        dir="$OUT/scale-$mb"
        ensure_corpus "$dir" "$mb" "$files"
        bytes=$(corpus_bytes "$dir")
        read -r t m < <(measure "$dir" full)
        awk -v mb="$mb" -v f="$files" -v t="$t" -v m="$m" -v b="$bytes" \
            'BEGIN {printf "| %s | %d | %.2f | %.4f | %.1f | %.0f |\n", mb, f, t, t / (b / 1e6), b / 1e6 / t, m / 1024}'
    done
fi
