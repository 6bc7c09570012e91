#!/usr/bin/env bash
# Lint-speed benchmark: `dockerfilegen lint` over 1,000 Dockerfiles in one run.
#   - the 1,000 files are the corpus and fixture Dockerfiles of tests/DockerfileGen.Core.Tests, copied round-robin into
#     1,000 folders (every other folder with a .dockerignore, so the context rules run too);
#   - dockerfilegen lints all of them in one process (a quoted '**' pattern), wall time of the whole process, JIT and
#     .NET startup included;
#   - in the same run, and on the same files: dockerfilegen one process per file (how CI had to call it before it took
#     several files; 50 files, per-file time), and, when node is there, dockerfilelint (a Node.js Dockerfile linter,
#     from ../shared/oracles) on all 1,000 files in one process.
# Runs are interleaved; the report gives medians. Target: at most 1 ms per file for the batch run.
#
# Prerequisites: the .NET 10 SDK; node for the dockerfilelint side (skipped, and said so, without it).
# Usage: benchmarks/lint-speed.sh    (RUNS=7 FILES=1000 OUT=benchmarks/results)
# Writes $OUT/lint-speed.md and $OUT/lint-speed.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-7}"
count="${FILES:-1000}"
single="${SINGLE_FILES:-50}"
out="${OUT:-$repo_root/benchmarks/results}"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/dfg-bench-lint-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

echo "publishing the dockerfilegen tool into $work/tool"
dotnet publish "$repo_root/src/DockerfileGen.Cli/DockerfileGen.Cli.csproj" -c Release -nodeReuse:false -v:q -nologo -o "$work/tool" >/dev/null

mapfile -t sources < <(find "$repo_root/tests/DockerfileGen.Core.Tests/Corpus" "$repo_root/tests/DockerfileGen.Core.Tests/Fixtures/Dockerfiles" -name Dockerfile | sort)
[ "${#sources[@]}" -gt 0 ] || die "no Dockerfiles found"
lines=0
for i in $(seq 0 $((count - 1))); do
  dir="$work/files/$(printf '%04d' "$i")"
  mkdir -p "$dir"
  cp "${sources[$((i % ${#sources[@]}))]}" "$dir/Dockerfile"
  if [ $((i % 2)) -eq 0 ]; then printf '.git\n**/bin\n**/obj\n.env\n.vs\n' >"$dir/.dockerignore"; fi
  lines=$((lines + $(wc -l <"$dir/Dockerfile")))
done
echo "$count Dockerfiles ($lines lines, ${#sources[@]} distinct) in $work/files"

tool=(dotnet "$work/tool/DockerfileGen.Cli.dll")
"${tool[@]}" lint "$work/files/**/Dockerfile" --format json >"$work/batch.json" || true
findings=$(grep -c '"ruleId"' "$work/batch.json" || true)
linted=$(awk '/"files"/,/\]/' "$work/batch.json" | grep -c '"/' || true)
[ "$linted" -eq "$count" ] || die "the batch run linted $linted files, not $count"

node_modules=""
if command -v node >/dev/null && [ -f "$repo_root/../shared/oracles/lint.sh" ]; then
  node_modules="$(bash "$repo_root/../shared/oracles/lint.sh" --install-only 2>/dev/null | tail -1)"
fi
dockerfilelint_version=""
[ -n "$node_modules" ] && dockerfilelint_version="$(node -p "require('$node_modules/dockerfilelint/package.json').version")"

time_of() { # command... -> seconds (exit code ignored: findings exit with 1)
  local start end
  start=$(now)
  "$@" >/dev/null 2>&1 || true
  end=$(now)
  elapsed "$start" "$end"
}

printf 'run\tside\tfiles\tseconds\n' >"$out/lint-speed.tsv"
batch=(); each=(); other=()
for run in $(seq 1 "$runs"); do
  t=$(time_of "${tool[@]}" lint "$work/files/**/Dockerfile"); batch+=("$t")
  printf '%s\tdockerfilegen, one run\t%s\t%s\n' "$run" "$count" "$t" >>"$out/lint-speed.tsv"
  start=$(now)
  for i in $(seq 0 $((single - 1))); do "${tool[@]}" lint "$work/files/$(printf '%04d' "$i")/Dockerfile" >/dev/null 2>&1 || true; done
  t=$(elapsed "$start" "$(now)"); each+=("$t")
  printf '%s\tdockerfilegen, one process per file\t%s\t%s\n' "$run" "$single" "$t" >>"$out/lint-speed.tsv"
  if [ -n "$node_modules" ]; then
    t=$(time_of node "$node_modules/dockerfilelint/bin/dockerfilelint" -j "$work"/files/*/Dockerfile); other+=("$t")
    printf '%s\tdockerfilelint, one run\t%s\t%s\n' "$run" "$count" "$t" >>"$out/lint-speed.tsv"
  fi
  echo "run $run: batch ${batch[-1]} s, per file x$single ${each[-1]} s${other:+, dockerfilelint ${other[-1]} s}"
done

per_file_ms() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.3f", s * 1000 / n }'; }
batch_median=$(median "${batch[@]}"); each_median=$(median "${each[@]}")
batch_ms=$(per_file_ms "$batch_median" "$count"); each_ms=$(per_file_ms "$each_median" "$single")
verdict=$(awk -v ms="$batch_ms" 'BEGIN { print (ms <= 1.0 ? "met" : "NOT met") }')
{
  echo "# Lint speed"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`benchmarks/lint-speed.sh\` on $(nproc) cores, .NET SDK $(dotnet --version);"
  echo "$count Dockerfiles ($lines lines in all; the ${#sources[@]} corpus and fixture files, copied round-robin), $runs interleaved runs, medians."
  echo "Load average (1/5/15 min) at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| linter | files per process | median wall time | per file | ratio to dockerfilegen (one run) |"
  echo "|---|---|---|---|---|"
  echo "| \`dockerfilegen lint '**/Dockerfile'\` (every rule, context rules on half the files; $findings findings) | $count | $batch_median s | **$batch_ms ms** | 1.00 |"
  echo "| \`dockerfilegen lint <file>\`, one process per file | 1 ($single files) | $each_median s | $each_ms ms | $(ratio "$each_ms" "$batch_ms") |"
  if [ -n "$node_modules" ]; then
    other_median=$(median "${other[@]}"); other_ms=$(per_file_ms "$other_median" "$count")
    echo "| \`dockerfilelint\` $dockerfilelint_version (Node.js; fewer rules) | $count | $other_median s | $other_ms ms | $(ratio "$other_ms" "$batch_ms") |"
  else
    echo "| \`dockerfilelint\` | – | not run: node is not installed | | |"
  fi
  echo
  echo "Batch lint, whole process (startup and JIT included) divided by the number of files: **$batch_ms ms per file** (target: at most 1 ms — $verdict)."
  echo "hadolint is not installed here (see ../shared/oracles/README.md); published comparisons give it about 1.85 ms per file."
  echo
  echo "Every run: [lint-speed.tsv](lint-speed.tsv)."
} >"$out/lint-speed.md"
cat "$out/lint-speed.md"
