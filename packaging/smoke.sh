#!/usr/bin/env bash
# Smoke test of the one-folder bundle (`make bundle-smoke`): builds it if it is not
# there (or with --rebuild), then runs the CLI and the editor from it, with no
# Python on PATH and no virtual environment, and prints a summary with sizes and timings.
#
# Every step must exit 0; the script exits 1 if any did not.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BUNDLE="$ROOT/dist/journey-workbench"
EXAMPLE="$ROOT/examples/banking-savings.journey"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/workbench-smoke.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

if [ "${1:-}" = "--rebuild" ] || [ ! -x "$BUNDLE/workbench" ] || [ ! -x "$BUNDLE/workbench-gui" ]; then
    bash packaging/build_bundle.sh || { echo "smoke: the bundle could not be built" >&2; exit 1; }
fi

# The bundle must not lean on the checkout or on any Python: a bare environment,
# run from a folder outside the source tree, with a data folder of its own.
BARE=(env -i "PATH=/usr/bin:/bin" "HOME=$OUT/home" "LANG=C.UTF-8"
      "JOURNEY_WORKBENCH_DATA=$OUT/data" "TMPDIR=$OUT")
mkdir -p "$OUT/home" "$OUT/data"
cp "$EXAMPLE" "$OUT/example.journey"

failures=0
summary=()

# step NAME EXPECTED_FILE COMMAND... : run from $OUT, time it, check exit 0 and the file made.
step() {
    local name="$1" expect="$2"
    shift 2
    local start end status size=""
    start=$(date +%s.%N)
    (cd "$OUT" && "${BARE[@]}" "$@") >"$OUT/$name.log" 2>&1
    status=$?
    end=$(date +%s.%N)
    if [ "$status" -eq 0 ] && [ -n "$expect" ]; then
        if [ -s "$OUT/$expect" ]; then
            size=" $(du -h "$OUT/$expect" | cut -f1) $expect"
        else
            status="no-$expect"
        fi
    fi
    local seconds
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    if [ "$status" = "0" ]; then
        summary+=("ok    ${seconds}s  $name$size")
    else
        failures=$((failures + 1))
        summary+=("FAIL  ${seconds}s  $name (exit $status)")
        sed 's/^/    | /' "$OUT/$name.log" | tail -20 >&2
    fi
}

step version "" "$BUNDLE/workbench" --version
grep -q '^workbench [0-9]' "$OUT/version.log" || { failures=$((failures + 1)); summary+=("FAIL  version printed: $(head -1 "$OUT/version.log")"); }
step export-pdf x.pdf "$BUNDLE/workbench" export example.journey -o x.pdf
step export-png x.png env QT_QPA_PLATFORM=offscreen "$BUNDLE/workbench" export example.journey --format png -o x.png
step check "" "$BUNDLE/workbench" check example.journey
step convert-mmd x.mmd "$BUNDLE/workbench" convert example.journey -o x.mmd
step french "" env LANGUAGE=fr "$BUNDLE/workbench" --help
grep -q 'afficher la version' "$OUT/french.log" || { failures=$((failures + 1)); summary+=("FAIL  the French catalogue is not in the bundle (--help in English)"); }
step editor "" env QT_QPA_PLATFORM=offscreen JOURNEY_WORKBENCH_EXIT_AFTER_PAINT=1 "$BUNDLE/workbench" example.journey
step editor-gui "" env QT_QPA_PLATFORM=offscreen JOURNEY_WORKBENCH_EXIT_AFTER_PAINT=1 "$BUNDLE/workbench-gui" example.journey

head -c 5 "$OUT/x.pdf" 2>/dev/null | grep -q '%PDF-' || { failures=$((failures + 1)); summary+=("FAIL  x.pdf is not a PDF"); }

echo
echo "Bundle: $BUNDLE"
echo "  size on disk: $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files);" \
    "workbench $(du -h "$BUNDLE/workbench" | cut -f1), workbench-gui $(du -h "$BUNDLE/workbench-gui" | cut -f1)"
printf '  %s\n' "${summary[@]}"
if [ "$failures" -ne 0 ]; then
    echo "smoke: $failures step(s) failed" >&2
    exit 1
fi
echo "smoke: all steps passed"
