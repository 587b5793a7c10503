#!/usr/bin/env bash
# make eval: analyse every annotated article with `veille analyze --format jsonl` and score the
# output with the shared scorer, one report per set:
#   seed  ../shared/eval/gold/seed.json          the article the project started from
#   dev   ../shared/eval/gold/dev-*.json         six real articles
#   own   tests/eval/gold/*.json                 articles annotated for this project (tests/eval/README.md)
#   tune  tests/eval/tune/gold/*.json            real articles annotated before veille saw them; errors may be read
#   test  tests/eval/test/gold/*.json            the same, kept apart: scored to report, its errors never read
# Reports go to stdout and, as JSON, to $EVAL_OUT/SET.json (default eval-out/).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${VEILLE_SHARED:-../shared}
out=${EVAL_OUT:-eval-out}
veille=${VEILLE:-.venv/bin/veille}
python=${PYTHON:-.venv/bin/python}
mkdir -p "$out"

score_set() {  # NAME GOLD_FILES... ; texts are looked up in the shared corpus and tests/eval/corpus
    local name=$1; shift
    local gold="$out/gold-$name"
    rm -rf "$gold" && mkdir -p "$gold"
    cp "$@" "$gold/"
    "$python" scripts/eval_input.py "$gold" "$shared/corpus" "$shared/corpus/fr-news" tests/eval/corpus \
        tests/eval/tune/corpus tests/eval/test/corpus \
        > "$out/$name.in.jsonl"
    "$veille" analyze --format jsonl "$out/$name.in.jsonl" > "$out/$name.out.jsonl"
    echo "== $name"
    "$python" "$shared/eval/score.py" "$gold" "$out/$name.out.jsonl"
    "$python" "$shared/eval/score.py" "$gold" "$out/$name.out.jsonl" --json > "$out/$name.json"
}

score_set seed "$shared/eval/gold/seed.json"
score_set dev "$shared"/eval/gold/dev-*.json
score_set own tests/eval/gold/*.json
score_set tune tests/eval/tune/gold/*.json
score_set test tests/eval/test/gold/*.json
