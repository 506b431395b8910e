#!/usr/bin/env bash
# Peyk's end-to-end benchmark (README "Benchmarks"): builds Peyk's jar and the bench, then runs the harness, which
# prints a markdown table on stdout (progress on stderr). Options: bench/run.sh --help. Extra: --no-build skips
# building Peyk's jar (e.g. with --peyk-jar pointing at another build).
set -euo pipefail
bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$bench")"
build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done
# Offline first (the usual case: the Maven repository is warm), online when something is missing. Maven's output is
# shown only when the build fails, so stdout holds the report alone.
mvn_package() {
  local log
  log="$(mktemp)"
  if mvn -B -ntp -q -o -DskipTests package </dev/null >"$log" 2>&1 || mvn -B -ntp -q -DskipTests package </dev/null >"$log" 2>&1; then
    rm -f "$log"
  else
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
}
if [ "$build" = 1 ]; then
  echo "bench: building Peyk (target/peyk.jar)" >&2
  (cd "$repo" && mvn_package)
fi
echo "bench: building the bench" >&2
(cd "$bench" && mvn_package)
cp="$bench/target/classes:$(cat "$bench/target/classpath.txt")"
exec java -Dbench.repo="$repo" -Dbench.clkTck="$(getconf CLK_TCK)" -cp "$cp" ir.peyk.bench.Harness ${args[@]+"${args[@]}"}
