#!/usr/bin/env bash
# Analyzer cost benchmark: what DockerfileGen's Roslyn component (the source facts generator and the source analyzer)
# adds to a compile of samples/WebApi. Rebuilds the sample RUNS times with the compiler's own timing report
# (-p:ReportAnalyzer=true) and compares the time the compiler attributes to DockerfileGen.Analyzers with the Csc task's
# time in the same build. Target: under 2% of the compile.
#
# ORDER=last moves DockerfileGen's analyzer to the end of the compiler's list (benchmarks/analyzer-last.targets). The
# compiler runs generators in list order and charges the generator driver's one-time start-up in the process to the
# first one, which is DockerfileGen as the SDK orders a package's analyzers; with ORDER=last that start-up is charged to
# one of the SDK's generators, and DockerfileGen's time is what it adds to a compile that runs them anyway.
#
# Prerequisites: the .NET 10 SDK. The first build packs DockerfileGen from the sources (samples/WebApi does that itself).
# Usage: benchmarks/analyzer-cost.sh    (RUNS=9 ORDER=shipped|last OUT=benchmarks/results)
# Writes $OUT/analyzer-cost[-last].tsv (every run) and $OUT/analyzer-cost[-last].md (the medians).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDTERMINALLOGGER=off DOTNET_NOLOGO=1
runs="${RUNS:-9}"
order="${ORDER:-shipped}"
out="${OUT:-benchmarks/results}"
extra=()
case "$order" in
  shipped) name=analyzer-cost ;;
  last) name=analyzer-cost-last; extra=("-p:CustomAfterMicrosoftCommonTargets=$PWD/benchmarks/analyzer-last.targets") ;;
  *) echo "ORDER is shipped or last" >&2; exit 2 ;;
esac
rows="$out/$name.tsv"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"

log="$(mktemp /tmp/dfg-analyzer-cost-XXXXXX.log)"
trap 'rm -f "$log"' EXIT
mkdir -p "$out"

dotnet build samples/WebApi -nodeReuse:false >"$log" 2>&1 || { cat "$log"; exit 1; }
echo "order: $order; load average at start: $load_at_start"
printf 'run\tgenerator (ms)\tanalyzers (ms)\tDockerfileGen (ms)\tCsc (ms)\tshare\n' | tee "$rows"
for i in $(seq 1 "$runs"); do
  dotnet build samples/WebApi -nodeReuse:false --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary "${extra[@]}" >"$log" 2>&1 \
    || { cat "$log"; exit 1; }
  # The report lists each analyzer and generator assembly once per table (analyzers first, then generators);
  # "<0.001" counts as 0.
  times=$(awk '/Total analyzer execution time/ {t = "a"} /Total generator execution time/ {t = "g"}
               / DockerfileGen\.Analyzers, / {v = $1; if (v == "<0.001") v = 0; s[t] += v * 1000}
               END {printf "%.0f\t%.0f\t%.0f", s["g"], s["a"], s["g"] + s["a"]}' "$log")
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc ' "$log" | awk '{print $1}')
  ours=$(cut -f3 <<<"$times")
  printf '%s\t%s\t%s\t%s\n' "$i" "$times" "$csc" "$(awk -v o="$ours" -v c="$csc" 'BEGIN{printf "%.2f%%", 100*o/c}')" | tee -a "$rows"
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
column() { tail -n +2 "$rows" | cut -f"$1" | tr -d '%' | median; }
summary=$(printf 'median: generator %s ms, analyzers %s ms, DockerfileGen %s ms, Csc %s ms, share %s%% (median of the per-run shares, %s–%s%%)' \
  "$(column 2)" "$(column 3)" "$(column 4)" "$(column 5)" "$(column 6)" \
  "$(tail -n +2 "$rows" | cut -f6 | tr -d '%' | sort -n | head -1)" "$(tail -n +2 "$rows" | cut -f6 | tr -d '%' | sort -n | tail -1)")
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "$summary"
echo "load average at end: $load_at_end"
cat >"$out/$name.md" <<MD
# Analyzer cost ($order order)

Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`benchmarks/analyzer-cost.sh\` (ORDER=$order) on $(nproc) cores, .NET SDK $(dotnet --version);
$runs rebuilds of samples/WebApi with \`-p:ReportAnalyzer=true\`. Load average (1/5/15 min) at the start: $load_at_start,
at the end: $load_at_end.

$summary. Target: under 2% of the compile.

Every run: [$name.tsv]($name.tsv).
MD
