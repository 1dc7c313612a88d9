#!/bin/sh
# One fuzz campaign on one target, with the options of docs/fuzzing.md.
#
#   fuzz/campaign.sh TARGET [libFuzzer options...]
#
# e.g. fuzz/campaign.sh check -runs=10000000, or fuzz/campaign.sh fmt -max_total_time=300.
# SANITIZER=address (the default of cargo fuzz, with leak detection) or none (about twice as
# fast; piano has no unsafe code). PIANO_FUZZ_SKIP_KNOWN=1 passes the failures of known bug
# classes (tests/common/known.rs). New inputs go to fuzz/corpus/TARGET, crashes to
# fuzz/artifacts/TARGET.
set -eu
target=$1
shift
cd "$(dirname "$0")"
if [ ! -d "corpus/$target" ]; then
    (cd .. && cargo run --quiet --example fuzz_seeds -- fuzz/corpus)
fi
exec cargo +nightly fuzz run -O -a -s "${SANITIZER:-address}" "$target" "corpus/$target" -- \
    -dict=piano.dict -max_len=8192 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$@"
