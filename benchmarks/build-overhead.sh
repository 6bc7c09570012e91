#!/usr/bin/env bash
# Build-overhead benchmark: what DockerfileGen adds to `dotnet build` of a `dotnet new webapi` project (PROJECT=webapi,
# the default) or of samples/WebApi (PROJECT=sample).
#   - no-op incremental build (nothing changed) with the package vs. the same project without it;
#   - build where only a Dockerfile input changed (DockerfileGenConfiguration alternates between two values, so the
#     target runs and rewrites the Dockerfile while the compiler stays skipped).
# Runs are interleaved (with and without in alternating order, then inputs-changed, …) so machine load drifts hit all three alike; the
# report gives medians and ratios. Target: the no-op build with the package within 2% of the build without it (the
# median of the per-run ratios of at least 21 interleaved pairs).
#
# Prerequisites: the .NET 10 SDK and the NuGet sources the machine is configured with (the template's packages);
# no container engine.
# Usage: benchmarks/build-overhead.sh    (RUNS=21 PROJECT=webapi|sample OUT=benchmarks/results)
# Writes $OUT/build-overhead.md and $OUT/build-overhead.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-21}"
project="${PROJECT:-webapi}"
out="${OUT:-$repo_root/benchmarks/results}"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/dfg-bench-build-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

echo "packing DockerfileGen into $work/feed"
pack_into "$work"
case "$project" in
  sample)
    described="a copy of samples/WebApi"
    copy_sample WebApi "$work/with"
    copy_sample WebApi "$work/without"
    sed -i '/Include="DockerfileGen"/d' "$work/without/WebApi.csproj"
    grep -q "Include=\"DockerfileGen\"" "$work/without/WebApi.csproj" && die "could not remove the package reference"
    ;;
  webapi)
    # The project a new user starts from: the template, once without and once with the package added as
    # `dotnet add package` adds it (the version just packed).
    described="a \`dotnet new webapi\` project (named WebApi)"
    (cd "$work" && dotnet new webapi -o without -n WebApi --no-restore >/dev/null) || die "dotnet new webapi failed"
    cp -r "$work/without" "$work/with"
    version=$(ls "$work/feed" | sed -n 's/^DockerfileGen\.\([0-9].*\)\.nupkg$/\1/p' | head -1)
    [ -n "$version" ] || die "no DockerfileGen package in $work/feed"
    sed -i "s|</Project>|  <ItemGroup>\n    <PackageReference Include=\"DockerfileGen\" Version=\"$version\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>|" "$work/with/WebApi.csproj"
    grep -q "Include=\"DockerfileGen\"" "$work/with/WebApi.csproj" || die "could not add the package reference"
    ;;
  *) die "PROJECT is '$project': use webapi or sample" ;;
esac

# The sample's Directory.Build.props takes DockerfileGen from the repository's artifacts folder, which a copy outside
# the repository does not have: both copies restore from the feed packed above, with the same global properties.

build() { # dir [args] -> seconds
  local dir="$1"; shift
  local start end
  start=$(now)
  (cd "$dir" && dotnet build -nodeReuse:false -nologo -v:m "${feed_props[@]}" "$@") >"$work/last.log" 2>&1 || { cat "$work/last.log"; die "dotnet build failed in $dir"; }
  end=$(now)
  elapsed "$start" "$end"
}

echo "first builds (restore + compile), not measured"
current=Release
other=Staging
build "$work/with" "-p:DockerfileGenConfiguration=$current" >/dev/null
build "$work/without" "-p:DockerfileGenConfiguration=$current" >/dev/null
# Warm-up: one of each measured kind, not recorded (first-run JIT and disk caches).
build "$work/with" "-p:DockerfileGenConfiguration=$current" >/dev/null
build "$work/without" "-p:DockerfileGenConfiguration=$current" >/dev/null

tsv="$out/build-overhead.tsv"
printf 'run\twith_package_noop_s\twithout_package_noop_s\tdockerfile_inputs_changed_s\n' >"$tsv"
with=(); without=(); changed=()
for run in $(seq 1 "$runs"); do
  # Both no-op builds get the same global properties (the property means nothing to the project without the package).
  # Which of the pair goes first alternates, so neither always runs right after the inputs-changed build.
  if [ $((run % 2)) -eq 1 ]; then
    w=$(build "$work/with" "-p:DockerfileGenConfiguration=$current")
    wo=$(build "$work/without" "-p:DockerfileGenConfiguration=$current")
  else
    wo=$(build "$work/without" "-p:DockerfileGenConfiguration=$current")
    w=$(build "$work/with" "-p:DockerfileGenConfiguration=$current")
  fi
  # The other configuration: the inputs cache changes, generation runs and the Dockerfile is rewritten; the compiler
  # and everything else stay up to date. The next no-op build then uses this configuration.
  c=$(build "$work/with" "-p:DockerfileGenConfiguration=$other")
  grep -q "DockerfileGen: wrote Dockerfile" "$work/last.log" || die "run $run: the inputs-changed build did not rewrite the Dockerfile"
  read -r current other <<<"$other $current"
  with+=("$w"); without+=("$wo"); changed+=("$c")
  printf '%s\t%s\t%s\t%s\n' "$run" "$w" "$wo" "$c" >>"$tsv"
  echo "run $run: with ${w}s, without ${wo}s, Dockerfile inputs changed ${c}s"
done

# The noise-free view: the time MSBuild itself attributes to DockerfileGen's targets in one more no-op build.
(cd "$work/with" && dotnet build -nodeReuse:false -nologo -v:m "${feed_props[@]}" "-p:DockerfileGenConfiguration=$current" -clp:PerformanceSummary) >"$work/perf.log" 2>&1 \
  || { cat "$work/perf.log"; die "the performance-summary build failed"; }
# The package's targets: the private ones (_DockerfileGen…) and the public ones (GenerateDockerfile, ValidateDockerfile,
# BuildDockerfileImage); not the sample's own _PackDockerfileGenForSample, which both copies run.
ours='/(_DockerfileGen|GenerateDockerfile|ValidateDockerfile|BuildDockerfileImage)/ && !/_PackDockerfileGenForSample/'
targets_ms=$(awk '/Target Performance Summary:/ { t = 1 } /Task Performance Summary:/ { t = 0 }
  t && '"$ours"' { for (i = 1; i <= NF; i++) if ($i == "ms") { s += $(i - 1); break } } END { printf "%.0f", s }' "$work/perf.log")
targets_list=$(awk '/Target Performance Summary:/ { t = 1 } /Task Performance Summary:/ { t = 0 }
  t && '"$ours"' { for (i = 1; i <= NF; i++) if ($i == "ms") { printf "%s%s %s ms", sep, $(i + 1), $(i - 1); sep = ", "; break } }' "$work/perf.log")
evaluation_ms=$(awk '/Project Evaluation Performance Summary:/ { e = 1; next } e && /WebApi.csproj/ { print $1; exit }' "$work/perf.log")

# What the validation cache saves: the ValidateDockerfile target's own time (MSBuild's accounting, steadier than wall
# time) in no-op builds that replay the findings, and in no-op builds that lint again (_DockerfileGenLintEveryBuild=true).
validate_ms() { # [args] -> ms of the ValidateDockerfile target in a no-op build
  (cd "$work/with" && dotnet build -nodeReuse:false -nologo -v:m "${feed_props[@]}" "-p:DockerfileGenConfiguration=$current" -clp:PerformanceSummary "$@") >"$work/validate.log" 2>&1 \
    || { cat "$work/validate.log"; die "the ValidateDockerfile timing build failed"; }
  awk '/Target Performance Summary:/ { t = 1 } /Task Performance Summary:/ { t = 0 } t && $3 == "ValidateDockerfile" { print $1; exit }' "$work/validate.log"
}
validate_runs="${VALIDATE_RUNS:-9}"
replayed=(); linted=()
for run in $(seq 1 "$validate_runs"); do
  replayed+=("$(validate_ms)")
  linted+=("$(validate_ms -p:_DockerfileGenLintEveryBuild=true)")
done
echo "ValidateDockerfile: replayed ${replayed[*]} ms; linted ${linted[*]} ms"

mw=$(median "${with[@]}"); mwo=$(median "${without[@]}"); mc=$(median "${changed[@]}")
# Load from other processes drifts over minutes, so the with/without pair of one run (seconds apart) is compared
# first: the median of those per-run ratios is the estimate; the ratio of the two medians is shown beside it.
paired=$(median $(for i in "${!with[@]}"; do awk -v a="${with[$i]}" -v b="${without[$i]}" 'BEGIN { printf "%.4f\n", a / b }'; done))
overhead=$(awk -v r="$paired" 'BEGIN { printf "%+.1f", (r - 1) * 100 }')
overhead_of_medians=$(awk -v a="$mw" -v b="$mwo" 'BEGIN { printf "%+.1f", (a / b - 1) * 100 }')
verdict=$(awk -v r="$paired" 'BEGIN { print (r <= 1.02) ? "met" : "NOT met" }')
spread=$(printf '%s\n' "${without[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f–%.2f s", v[1], v[NR] }')
report="$out/build-overhead.md"
{
  echo "# Build overhead"
  echo
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') by \`benchmarks/build-overhead.sh\` on $(nproc) cores, .NET SDK $(dotnet --version);"
  echo "\`dotnet build -nodeReuse:false\` of $described (implicit no-op restore included), $runs interleaved runs, medians."
  echo "Load average (1/5/15 min) at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| build | median | ratio |"
  echo "|---|---|---|"
  echo "| no-op, without DockerfileGen | ${mwo} s | 1.00 |"
  echo "| no-op, with DockerfileGen | ${mw} s | $(ratio "$mw" "$mwo") |"
  echo "| only Dockerfile inputs changed (Dockerfile rewritten), with DockerfileGen | ${mc} s | $(ratio "$mc" "$mwo") |"
  echo
  echo "No-op overhead of the package, median of the per-run ratios: **${overhead}%** (target: within 2% — $verdict);"
  echo "ratio of the medians: ${overhead_of_medians}%. The no-op build without the package alone ranged over $spread in these runs,"
  echo "so differences of a few percent are within the noise of this machine."
  echo
  echo "MSBuild's own accounting of one more no-op build with the package (\`-clp:PerformanceSummary\`): DockerfileGen's targets"
  echo "took **${targets_ms} ms** in total ($targets_list); the evaluations of the project took ${evaluation_ms} ms in that build."
  echo "The rest of any difference is evaluation (the package's props and targets), restore and noise."
  echo
  echo "ValidateDockerfile in a no-op build ($validate_runs builds each, medians): **$(median "${replayed[@]}") ms** replaying its findings"
  echo "from \`obj/…/DockerfileGen.validation.cache\`, $(median "${linted[@]}") ms linting again (cache turned off with"
  echo "\`-p:_DockerfileGenLintEveryBuild=true\`, which is how every build ran before the cache)."
  echo
  echo "Every run: [build-overhead.tsv](build-overhead.tsv)."
} >"$report"
echo "wrote $report"
cat "$report"
