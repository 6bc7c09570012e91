#!/usr/bin/env bash
# Image benchmark: for each sample, the image built from (a) DockerfileGen's Dockerfile, (b) a naive single-stage
# SDK Dockerfile, (c) a multi-stage Dockerfile that copies everything before restore. Per variant: image size,
# cold build time (--no-cache), rebuild time after a one-line source edit, and build-context bytes (the files the
# engine receives after the ignore file is applied). Ratios b/a and c/a come from the same run.
# Also, per sample, the default final image before and after issue 19 from the same sources: DockerfileGenImagePolicy=sdk
# (the SDK's PublishContainer choice, such as aspnet:10.0) against slim (the default, chiseled): image size, layers, and
# the OS packages the image holds (dpkg status entries, or Alpine's apk database, read from `docker export` because a
# chiseled image has no shell to ask).
#
# Prerequisites (nothing is installed by this script):
#   - a container engine answering /usr/bin/docker (or $DOCKER) with BuildKit, and the .NET base images the samples
#     use (on the project's test machines: `sudo ../shared/engine/setup.sh`, with `STANDINS="10.0 10.0-chiseled 8.0 8.0-chiseled"`, which both policies of both samples need);
#   - the .NET 10 SDK; gnuplot for the chart (Debian: `apt-get install gnuplot-nox`; without it, NO_CHART=1).
#
# Usage: benchmarks/images.sh            (SAMPLES="WebApi ConsoleApp" RUNS=3 OUT=benchmarks/results)
# Writes $OUT/images.md (report), $OUT/images.png (chart), $OUT/images.tsv (every measurement).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

samples="${SAMPLES:-WebApi ConsoleApp}"
runs="${RUNS:-3}"
out="${OUT:-$repo_root/benchmarks/results}"
no_chart="${NO_CHART:-0}"

"$docker_cli" info >/dev/null 2>&1 || die "$docker_cli info fails: start the container engine first"
if [ "$no_chart" != 1 ] && ! command -v gnuplot >/dev/null; then
  die "gnuplot not found: install it (Debian: apt-get install gnuplot-nox) or run with NO_CHART=1"
fi

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/dfg-bench-images-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
echo "packing DockerfileGen into $work/feed"
pack_into "$work"

tsv="$out/images.tsv"
printf 'sample\tvariant\trun\tsize_bytes\tcold_s\trebuild_s\tcontext_bytes\tcontext_files\n' >"$tsv"

# The build context as the engine sees it after applying the ignore file: a throwaway build copies the context into
# an empty image and exports that file system to a folder, whose file bytes are counted. (BuildKit's own
# "transferring context" figure is not usable: it is the delta against the previous transfer.)
printf 'FROM scratch\nCOPY . /\n' >"$work/context.Dockerfile"
context_bytes() { # dir -> "bytes files"
  local dir="$1" dest
  dest="$(mktemp -d "$work/context-XXXXXX")"
  DOCKER_BUILDKIT=1 "$docker_cli" build -q --no-cache -f "$work/context.Dockerfile" -o "type=local,dest=$dest" "$dir" >/dev/null 2>&1 \
    || die "could not export the build context of $dir"
  find "$dest" -type f -printf '%s\n' | awk '{ s += $1; n++ } END { printf "%d %d", s, n }'
  rm -rf "$dest"
}

# Size in bytes, layer count and OS package count of an image, read from outside: the image need not have a shell.
image_stats() { # tag -> "bytes layers packages"
  local tag="$1" id archive size layers dpkg status_d apk
  size=$("$docker_cli" image inspect --format '{{.Size}}' "$tag")
  layers=$("$docker_cli" image inspect --format '{{len .RootFS.Layers}}' "$tag")
  id=$("$docker_cli" create "$tag")
  archive="$work/export-$id.tar"
  "$docker_cli" export -o "$archive" "$id"
  "$docker_cli" rm "$id" >/dev/null
  dpkg=$( (tar -xOf "$archive" var/lib/dpkg/status 2>/dev/null || true) | grep -c '^Package:' || true)
  status_d=$( (tar -tf "$archive" || true) | grep -c '^var/lib/dpkg/status\.d/[^/]' || true)
  apk=$( (tar -xOf "$archive" lib/apk/db/installed 2>/dev/null || true) | grep -c '^P:' || true)
  rm -f "$archive"
  echo "$size $layers $((dpkg + status_d + apk))"
}

build() { # dir tag log [extra args] -> prints seconds
  local dir="$1" tag="$2" log="$3"; shift 3
  local start end
  start=$(now)
  if ! (cd "$dir" && DOCKER_BUILDKIT=1 "$docker_cli" build --progress=plain "$@" -t "$tag" -f Dockerfile . >"$log" 2>&1); then
    tail -20 "$log" >&2
    die "docker build failed in $dir (log: $log)"
  fi
  end=$(now)
  elapsed "$start" "$end"
}

declare -A result
benchmarked=""
for sample in $samples; do
  base="$work/$sample"
  copy_sample "$sample" "$base/a"
  echo "== $sample: dotnet build (writes the Dockerfile and ignore file)"
  (cd "$base/a" && dotnet build -nodeReuse:false -nologo -v:q "${feed_props[@]}") >"$work/$sample-build.log" 2>&1 || { cat "$work/$sample-build.log"; die "dotnet build of $sample failed"; }

  generated="$base/a/Dockerfile"
  sdk_image=$(awk '/^FROM / && / AS build$/ { print $(NF-2) }' "$generated")
  final_image=$(awk '/^FROM / && / AS final$/ { print $(NF-2) }' "$generated")
  project=$(basename "$(ls "$base/a"/*.csproj)")
  assembly="${project%.csproj}"
  missing=""
  for image in "$sdk_image" "$final_image"; do
    "$docker_cli" image inspect "$image" >/dev/null 2>&1 || missing="$missing $image"
  done
  if [ -n "$missing" ]; then
    echo "== $sample: SKIPPED, the engine lacks$missing"
    result[$sample,skipped]="the engine lacks$missing"
    benchmarked="$benchmarked $sample"
    continue
  fi

  # (b) and (c) see the same folder a developer has after building: bin/ and obj/ included, no ignore file.
  for variant in b c; do
    mkdir -p "$base/$variant"
    (cd "$base/a" && tar --exclude=./Dockerfile --exclude=./.dockerignore -cf - .) | (cd "$base/$variant" && tar -xf -)
  done
  cat >"$base/b/Dockerfile" <<DOCKERFILE
FROM $sdk_image
WORKDIR /src
COPY . .
RUN dotnet publish $project -c Release -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "$assembly.dll"]
DOCKERFILE
  cat >"$base/c/Dockerfile" <<DOCKERFILE
FROM $sdk_image AS build
WORKDIR /src
COPY . .
RUN dotnet restore $project
RUN dotnet publish $project -c Release --no-restore -o /app

FROM $final_image AS final
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "$assembly.dll"]
DOCKERFILE

  for variant in a b c; do
    read -r bytes files <<<"$(context_bytes "$base/$variant")"
    result[$sample,$variant,context]=$bytes
    result[$sample,$variant,files]=$files
  done
  for run in $(seq 1 "$runs"); do
    for variant in a b c; do
      dir="$base/$variant"
      tag="dfg-bench-$(echo "$sample" | tr 'A-Z' 'a-z'):$variant"
      log="$work/$sample-$variant-$run"
      cold=$(build "$dir" "$tag" "$log-cold.log" --no-cache)
      size=$("$docker_cli" image inspect --format '{{.Size}}' "$tag")
      # A new line each time: BuildKit's cache is keyed by content, so an edit seen before would be a cache hit.
      echo "// benchmark edit $(date +%s%N)" >>"$dir/Program.cs"
      rebuild=$(build "$dir" "$tag" "$log-rebuild.log")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$sample" "$variant" "$run" "$size" "$cold" "$rebuild" "${result[$sample,$variant,context]}" "${result[$sample,$variant,files]}" >>"$tsv"
      echo "   $sample ($variant) run $run: size $size B, cold ${cold}s, rebuild ${rebuild}s, context ${result[$sample,$variant,context]} B"
      result[$sample,$variant,size]=$size
      result[$sample,$variant,cold]="${result[$sample,$variant,cold]:-} $cold"
      result[$sample,$variant,rebuild]="${result[$sample,$variant,rebuild]:-} $rebuild"
    done
  done

  # The default final image before (policy sdk) and after (slim, what (a) shipped on), from the same sources.
  lower="$(echo "$sample" | tr 'A-Z' 'a-z')"
  copy_sample "$sample" "$base/sdk"
  (cd "$base/sdk" && dotnet build -nodeReuse:false -nologo -v:q "${feed_props[@]}" -p:DockerfileGenImagePolicy=sdk) >"$work/$sample-build-sdk.log" 2>&1 \
    || { cat "$work/$sample-build-sdk.log"; die "dotnet build of $sample with DockerfileGenImagePolicy=sdk failed"; }
  result[$sample,sdk,image]=$(awk '/^FROM / && / AS final$/ { print $(NF-2) }' "$base/sdk/Dockerfile")
  result[$sample,slim,image]=$final_image
  if "$docker_cli" image inspect "${result[$sample,sdk,image]}" >/dev/null 2>&1; then
    build "$base/sdk" "dfg-bench-$lower:sdk" "$work/$sample-sdk.log" >/dev/null
    for policy in sdk slim; do
      tag="dfg-bench-$lower:$([ $policy = sdk ] && echo sdk || echo a)"
      read -r bytes layers packages <<<"$(image_stats "$tag")"
      result[$sample,$policy,bytes]=$bytes; result[$sample,$policy,layers]=$layers; result[$sample,$policy,packages]=$packages
      printf '%s\tpolicy-%s\t1\t%s\t\t\t\t\n' "$sample" "$policy" "$bytes" >>"$tsv"
      echo "   $sample policy $policy: ${result[$sample,$policy,image]}, $bytes B, $layers layers, $packages OS packages"
    done
  else
    result[$sample,policy,skipped]="the engine lacks ${result[$sample,sdk,image]}"
  fi

  for variant in a b c sdk; do
    "$docker_cli" rmi -f "dfg-bench-$lower:$variant" >/dev/null 2>&1 || true
  done
  benchmarked="$benchmarked $sample"
done

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e3 }'; }

report="$out/images.md"
{
  echo "# Image benchmark"
  echo
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') by \`benchmarks/images.sh\` (RUNS=$runs; times are medians of the runs) on $(nproc) cores,"
  echo "$("$docker_cli" version --format 'Docker engine {{.Server.Version}}' 2>/dev/null), $(dotnet --version | sed 's/^/.NET SDK /')."
  echo "Variants: **(a)** the Dockerfile and \`.dockerignore\` DockerfileGen generated; **(b)** a naive single-stage SDK Dockerfile"
  echo "(\`COPY . .\`, \`dotnet publish\`); **(c)** multi-stage, but \`COPY . .\` before \`dotnet restore\`. (b) and (c) have no ignore file and"
  echo "see the project folder as a developer has it after \`dotnet build\` (with \`bin/\` and \`obj/\`). Cold = \`--no-cache\`; rebuild ="
  echo "the same build after appending one comment line to \`Program.cs\`. Sizes are uncompressed (\`docker image inspect\`, MB = 10^6 B)."
  echo "Load average (1/5/15 min) at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other builds shared the machine)."
  echo "Base images are local stand-ins of the official ones (see the engine README); absolute numbers depend on the machine, the ratios are what to compare."
  echo
  echo "| sample | variant | image size | cold build | rebuild after edit | build context |"
  echo "|---|---|---|---|---|---|"
  for sample in $benchmarked; do
    if [ -n "${result[$sample,skipped]:-}" ]; then
      echo "| $sample | skipped: ${result[$sample,skipped]} | | | | |"
      continue
    fi
    for variant in a b c; do
      cold=$(median ${result[$sample,$variant,cold]}); rebuild=$(median ${result[$sample,$variant,rebuild]})
      result[$sample,$variant,coldm]=$cold; result[$sample,$variant,rebuildm]=$rebuild
      echo "| $sample | ($variant) | $(mb "${result[$sample,$variant,size]}") MB | ${cold} s | ${rebuild} s | $(kb "${result[$sample,$variant,context]}") kB in ${result[$sample,$variant,files]} files |"
    done
  done
  echo
  echo "Ratios to DockerfileGen's Dockerfile (same run; > 1 means (a) is smaller or faster):"
  echo
  echo "| sample | compared | image size | cold build | rebuild after edit | build context |"
  echo "|---|---|---|---|---|---|"
  for sample in $benchmarked; do
    [ -n "${result[$sample,skipped]:-}" ] && continue
    for variant in b c; do
      echo "| $sample | ($variant)/(a) | $(ratio "${result[$sample,$variant,size]}" "${result[$sample,a,size]}")x | $(ratio "${result[$sample,$variant,coldm]}" "${result[$sample,a,coldm]}")x | $(ratio "${result[$sample,$variant,rebuildm]}" "${result[$sample,a,rebuildm]}")x | $(ratio "${result[$sample,$variant,context]}" "${result[$sample,a,context]}")x |"
    done
  done
  echo
  echo "The default final image before (\`DockerfileGenImagePolicy=sdk\`: the SDK's \`PublishContainer\` choice) and after (\`slim\`, the"
  echo "default: chiseled unless the project needs more), the same app built from the same sources; OS packages are the dpkg"
  echo "status entries (or apk database entries) in the image's file system, read through \`docker export\`:"
  echo
  echo "| sample | policy | final image | image size | layers | OS packages |"
  echo "|---|---|---|---|---|---|"
  for sample in $benchmarked; do
    [ -n "${result[$sample,skipped]:-}" ] && continue
    if [ -n "${result[$sample,policy,skipped]:-}" ]; then
      echo "| $sample | skipped: ${result[$sample,policy,skipped]} | | | | |"
      continue
    fi
    for policy in sdk slim; do
      echo "| $sample | $policy | \`${result[$sample,$policy,image]#mcr.microsoft.com/}\` | $(mb "${result[$sample,$policy,bytes]}") MB | ${result[$sample,$policy,layers]} | ${result[$sample,$policy,packages]} |"
    done
  done
  echo
  [ "$no_chart" != 1 ] && echo "![image size, build times and context per variant](images.png)"
  echo
  echo "Every measurement: [images.tsv](images.tsv)."
} >"$report"

if [ "$no_chart" != 1 ]; then
  for metric in size cold rebuild context; do
    : >"$work/$metric.dat"
    for sample in $benchmarked; do
      [ -n "${result[$sample,skipped]:-}" ] && continue
      case $metric in
        size) printf '%s %s %s %s\n' "$sample" "$(mb "${result[$sample,a,size]}")" "$(mb "${result[$sample,b,size]}")" "$(mb "${result[$sample,c,size]}")" ;;
        context) printf '%s %s %s %s\n' "$sample" "$(kb "${result[$sample,a,context]}")" "$(kb "${result[$sample,b,context]}")" "$(kb "${result[$sample,c,context]}")" ;;
        *) printf '%s %s %s %s\n' "$sample" "${result[$sample,a,${metric}m]}" "${result[$sample,b,${metric}m]}" "${result[$sample,c,${metric}m]}" ;;
      esac >>"$work/$metric.dat"
    done
  done
  gnuplot <<GNUPLOT
set terminal pngcairo size 1200,800 font ",10"
set output "$out/images.png"
set multiplot layout 2,2 title "DockerfileGen (a) vs naive single-stage (b) vs copy-everything multi-stage (c)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top left
set grid ytics
set yrange [0:*]
set title "image size (MB)"
plot "$work/size.dat" using 2:xtic(1) title "(a) DockerfileGen", "" using 3 title "(b) naive", "" using 4 title "(c) copy-all"
set title "cold build (s)"
plot "$work/cold.dat" using 2:xtic(1) title "(a) DockerfileGen", "" using 3 title "(b) naive", "" using 4 title "(c) copy-all"
set title "rebuild after a source edit (s)"
plot "$work/rebuild.dat" using 2:xtic(1) title "(a) DockerfileGen", "" using 3 title "(b) naive", "" using 4 title "(c) copy-all"
set title "build context (kB)"
set logscale y
set yrange [0.1:*]
plot "$work/context.dat" using 2:xtic(1) title "(a) DockerfileGen", "" using 3 title "(b) naive", "" using 4 title "(c) copy-all"
unset multiplot
GNUPLOT
fi
echo "wrote $report"
cat "$report"
