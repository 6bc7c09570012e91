#!/usr/bin/env bash
# What generation costs for an application whose project graph holds N projects (default 30).
#
# Generates a throwaway repository (Directory.Build.props importing a shared props file, an application
# referencing a tree of libraries, each library with a lock file), builds it once, then
#   - regenerates RUNS times in each of three situations (a changed DockerfileGen property forces the
#     GenerateDockerfile task to run): graph unchanged (evaluations come from the obj/ cache), one project
#     file edited (that project is evaluated again), and no cache (every project is evaluated), reporting
#     the median task time of each, and
#   - runs a no-op build and checks that the generation target is skipped, and
#   - in the same run, builds the graph cold COLD_RUNS times without DockerfileGen (bin/ and obj/ removed, restore
#     included, as a fresh clone builds) and compares the first generation's task time (no cache) with that build.
# Prints a Markdown table. Usage: benchmarks/project-graph.sh [projects] ; RUNS=5, COLD_RUNS=3 by default.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
projects=${1:-30}
runs=${RUNS:-5}
cold_runs=${COLD_RUNS:-3}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDTERMINALLOGGER=off

dotnet build "$repo/src/DockerfileGen.Tasks" -c Release -nologo -v:q >/dev/null
tasks="$repo/src/DockerfileGen.Tasks/bin/Release/net8.0/DockerfileGen.Tasks.dll"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/eng" "$work/src/App"
cat > "$work/eng/common.props" <<'XML'
<Project><PropertyGroup><Company>Bench</Company><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
XML
cat > "$work/Directory.Build.props" <<'XML'
<Project><Import Project="$(MSBuildThisFileDirectory)eng/common.props" /></Project>
XML
# Libraries form a binary tree: lib i references libs 2i and 2i+1, so the closure is transitive and deep.
libs=$((projects - 1))
for i in $(seq 1 "$libs"); do
  mkdir -p "$work/src/Lib$i"
  refs=""
  for child in $((2 * i)) $((2 * i + 1)); do
    [ "$child" -le "$libs" ] && refs="$refs<ProjectReference Include=\"../Lib$child/Lib$child.csproj\" />"
  done
  printf '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>%s</ItemGroup></Project>\n' "$refs" > "$work/src/Lib$i/Lib$i.csproj"
  printf 'namespace Lib%s; public static class C%s { }\n' "$i" "$i" > "$work/src/Lib$i/C.cs"
done
cat > "$work/src/App/App.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
<ItemGroup><ProjectReference Include="../Lib1/Lib1.csproj" /></ItemGroup></Project>
XML
echo 'System.Console.WriteLine("bench");' > "$work/src/App/Program.cs"

common=(-nologo -nodeReuse:false "-p:CustomBeforeMicrosoftCommonProps=$repo/build/DockerfileGen.props"
        "-p:CustomAfterMicrosoftCommonTargets=$repo/build/DockerfileGen.targets" "-p:DockerfileGenTasksAssembly=$tasks")
cd "$work/src/App"
dotnet build "${common[@]}" -v:q >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
cache=$(ls "$work"/src/App/obj/*/net10.0/DockerfileGen.graph.cache)

# One generation with a new DockerfileGen property value (which forces the task to run); prints the task's ms. The
# property is the image registry's mirror: it changes the Dockerfile, not the graph (the image's configuration would:
# the graph is read as the image's build reads it).
generate() {
  local out
  out=$(dotnet build "${common[@]}" --no-restore -clp:PerformanceSummary "-p:DockerfileGenImageRegistry=registry.example.com/$1")
  grep -E '^\s+[0-9]+ ms\s+GenerateDockerfile\s' <<<"$out" | tail -1 | awk '{print $1}'
}

warm=(); one=(); cold=()
for run in $(seq 1 "$runs"); do
  warm+=("$(generate "warm$run")")
  touch "$work/src/Lib$((run % libs + 1))/Lib$((run % libs + 1)).csproj"
  one+=("$(generate "one$run")")
  rm -f "$cache"
  cold+=("$(generate "cold$run")")
done
copied=$(grep -c '^COPY \[".*\.csproj"' Dockerfile || true)

noop=$(dotnet build "${common[@]}" --no-restore -v:d "-p:DockerfileGenImageRegistry=registry.example.com/cold$runs")
skipped=no
grep -q 'Skipping target "_DockerfileGenGenerate" because all output files are up-to-date' <<<"$noop" && skipped=yes

echo "Project graph of $projects projects ($copied project folders copied in the restore layer); no-op build skips generation: $skipped."
echo
echo "| generation (task time, median of $runs) | ms |"
echo "|---|---|"
echo "| graph unchanged (a property changed): every evaluation comes from the cache | $(printf '%s\n' "${warm[@]}" | median) |"
echo "| one project file edited: that project is evaluated again | $(printf '%s\n' "${one[@]}" | median) |"
echo "| no cache (first generation, or after dotnet clean): all $projects projects evaluated | $(printf '%s\n' "${cold[@]}" | median) |"

# The graph's own cold build, without DockerfileGen: what the first generation is compared with.
builds=()
for run in $(seq 1 "$cold_runs"); do
  find "$work/src" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
  start=$(date +%s%N)
  dotnet build -nologo -nodeReuse:false -v:q >/dev/null
  builds+=($(( ($(date +%s%N) - start) / 1000000 )))
done
cold_ms=$(printf '%s\n' "${cold[@]}" | median)
build_ms=$(printf '%s\n' "${builds[@]}" | median)
echo
echo "| cold \`dotnet build\` of the graph without DockerfileGen (median of $cold_runs) | first generation (no cache) | share |"
echo "|---|---|---|"
echo "| $build_ms ms | $cold_ms ms | $(awk -v g="$cold_ms" -v b="$build_ms" 'BEGIN { printf "%.1f%%", 100 * g / b }') |"
