#!/usr/bin/env bash
# Analyzer cost benchmark: what DockerfileGen's Roslyn component (the source facts generator and the source analyzer)
# adds to a compile of samples/WebApi. Rebuilds the sample with the compiler's own timing report
# (-p:ReportAnalyzer=true) and compares the time the compiler attributes to DockerfileGen.Analyzers with the Csc task's
# time in the same build. Target: under 2% of the compile.
#
# Every run rebuilds the sample three times, interleaved:
#   shipped  the package as it ships: its targets put DockerfileGen's analyzers last in the compiler's list;
#   first    DockerfileGen's generator first (NuGet's order without that target), where the compiler charges it the
#            generator driver's one-time start-up in the process;
#   without  no DockerfileGen analyzer: the compile the other two are compared with. The difference of its total
#            analyzer and generator time from shipped's would be what DockerfileGen adds, whichever generator the report
#            charges, were the totals not spread more widely from build to build than that.
# (benchmarks/analyzer-order.targets sets the order for the last two.)
#
# The compiler server is off (UseSharedCompilation=false), so every compile is a fresh process, the worst case. SERVER=1
# turns it on, as `dotnet build` runs by default: later compiles reuse the server's compiled code and its generator state.
#
# Prerequisites: the .NET 10 SDK. The first build packs DockerfileGen from the sources (samples/WebApi does that itself).
# Usage: benchmarks/analyzer-cost.sh    (RUNS=9 OUT=benchmarks/results SERVER=0)
# Writes $OUT/analyzer-cost[-server].tsv (every build) and $OUT/analyzer-cost[-server].md (the medians).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDTERMINALLOGGER=off DOTNET_NOLOGO=1
runs="${RUNS:-9}"
out="${OUT:-benchmarks/results}"
if [ "${SERVER:-0}" = 1 ]; then
  export UseSharedCompilation=true; name=analyzer-cost-server; server=on
else
  export UseSharedCompilation=false; name=analyzer-cost; server=off
fi
rows="$out/$name.tsv"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

log="$(mktemp /tmp/dfg-analyzer-cost-XXXXXX.log)"
trap 'rm -f "$log" "$log.summary"' EXIT
mkdir -p "$out"

dotnet build samples/WebApi -nodeReuse:false >"$log" 2>&1 || { cat "$log"; exit 1; }
echo "load average at start: $load_at_start"
printf 'run\torder\tDockerfileGen generator (ms)\tDockerfileGen analyzers (ms)\tDockerfileGen (ms)\tall generators (ms)\tall analyzers (ms)\tCsc (ms)\tshare\n' | tee "$rows"
for i in $(seq 1 "$runs"); do
  for order in shipped first without; do
    extra=()
    [ "$order" = shipped ] || extra=("-p:CustomAfterMicrosoftCommonTargets=$PWD/benchmarks/analyzer-order.targets" "-p:BenchmarkAnalyzerOrder=$order")
    dotnet build samples/WebApi -nodeReuse:false --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary "${extra[@]}" >"$log" 2>&1 \
      || { cat "$log"; exit 1; }
    # The report has an analyzer table, then a generator table; each names an assembly on a line with its total and
    # then its analyzers or generators. "<0.001" counts as 0.
    times=$(awk '/Total analyzer execution time/ {t = "a"; all[t] = $5 * 1000} /Total generator execution time/ {t = "g"; all[t] = $5 * 1000}
                 / DockerfileGen\.Analyzers, / {v = $1; if (v == "<0.001") v = 0; s[t] += v * 1000}
                 END {printf "%.0f\t%.0f\t%.0f\t%.0f\t%.0f", s["g"], s["a"], s["g"] + s["a"], all["g"], all["a"]}' "$log")
    csc=$(grep -E '^\s+[0-9]+ ms\s+Csc ' "$log" | awk '{print $1}')
    ours=$(cut -f3 <<<"$times")
    printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$order" "$times" "$csc" "$(awk -v o="$ours" -v c="$csc" 'BEGIN{printf "%.2f%%", 100*o/c}')" | tee -a "$rows"
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# column ORDER N: the median of column N over that order's builds
column() { awk -F'\t' -v o="$1" -v c="$2" 'NR > 1 && $2 == o {gsub("%", "", $c); print $c}' "$rows" | median; }
range() { awk -F'\t' -v o="$1" 'NR > 1 && $2 == o {gsub("%", "", $9); print $9}' "$rows" | sort -n | sed -n '1p;$p' | paste -sd'-' | sed 's/-/–/'; }
# all generators + all analyzers per build: the median, and the lowest and highest
totals() { awk -F'\t' -v o="$1" 'NR > 1 && $2 == o {print $6 + $7}' "$rows"; }
total() { totals "$1" | median; }
spread() { totals "$1" | sort -n | sed -n '1p;$p' | paste -sd'-' | sed 's/-/–/'; }
summary() {
  printf '%s: DockerfileGen %s ms (generator %s, analyzers %s) of a %s ms Csc task, share %s%% (per build %s%%); all analyzers and generators %s ms (%s)' \
    "$1" "$(column "$1" 5)" "$(column "$1" 3)" "$(column "$1" 4)" "$(column "$1" 8)" "$(column "$1" 9)" "$(range "$1")" "$(total "$1")" "$(spread "$1")"
}
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  summary shipped; echo
  summary first; echo
  printf 'without: all analyzers and generators %s ms (%s), Csc %s ms\n' "$(total without)" "$(spread without)" "$(column without 8)"
} | tee "$log.summary"
echo "load average at end: $load_at_end"
cat >"$out/$name.md" <<MD
# Analyzer cost (compiler server $server)

Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`benchmarks/analyzer-cost.sh\` (SERVER=${SERVER:-0}) on $(nproc) cores, .NET SDK $(dotnet --version),
compiler server $server; $runs rounds of three rebuilds of samples/WebApi with \`-p:ReportAnalyzer=true\` (medians). Load average
(1/5/15 min) at the start: $load_at_start, at the end: $load_at_end.

$(sed 's/^/- /' "$log.summary")

Target: under 2% of the compile, as the package ships (\`shipped\`). \`first\` runs DockerfileGen's generator before the
SDK's, where the compiler charges it the generator driver's start-up; \`without\` is the same compile without
DockerfileGen; the spread of its total analyzer and generator time from build to build (in brackets) is wider than
what DockerfileGen adds, so the difference of the totals is not a measurement of it.

Every build: [$name.tsv]($name.tsv).
MD
# The compiler server outlives the builds; do not leave it behind.
[ "$server" = off ] || dotnet build-server shutdown >/dev/null 2>&1 || true
