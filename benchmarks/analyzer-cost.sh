#!/usr/bin/env bash
# Analyzer cost benchmark: what DockerfileGen's Roslyn component (the source facts generator and the analyzers) adds to a
# compile of samples/WebApi. Rebuilds the sample RUNS times with the compiler's own timing report (-p:ReportAnalyzer=true)
# and compares the time the compiler attributes to DockerfileGen.Analyzers with the Csc task's time in the same build.
# Target: under 2% of the compile.
#
# Prerequisites: the .NET 10 SDK. The first build packs DockerfileGen from the sources (samples/WebApi does that itself).
# Usage: benchmarks/analyzer-cost.sh    (RUNS=9)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDTERMINALLOGGER=off DOTNET_NOLOGO=1
runs="${RUNS:-9}"
log="$(mktemp /tmp/dfg-analyzer-cost-XXXXXX.log)"
rows="$(mktemp /tmp/dfg-analyzer-cost-XXXXXX.tsv)"
trap 'rm -f "$log" "$rows"' EXIT

dotnet build samples/WebApi -nodeReuse:false >"$log" 2>&1 || { cat "$log"; exit 1; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'run\tDockerfileGen (ms)\tCsc (ms)\tshare\n'
for i in $(seq 1 "$runs"); do
  dotnet build samples/WebApi -nodeReuse:false --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary >"$log" 2>&1 \
    || { cat "$log"; exit 1; }
  # The report lists each analyzer and generator assembly once per table; "<0.001" counts as 0.
  ours=$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+DockerfileGen\.Analyzers, ' "$log" | awk '{v=$1; if (v=="<0.001") v=0; s+=v*1000} END {printf "%.0f", s}')
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc ' "$log" | awk '{print $1}')
  printf '%s\t%s\t%s\t%s\n' "$i" "$ours" "$csc" "$(awk -v o="$ours" -v c="$csc" 'BEGIN{printf "%.2f%%", 100*o/c}')" | tee -a "$rows"
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf 'median: DockerfileGen %s ms, Csc %s ms, share %s%% (median of the per-run shares)\n' \
  "$(cut -f2 "$rows" | median)" "$(cut -f3 "$rows" | median)" "$(cut -f4 "$rows" | tr -d '%' | median)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
