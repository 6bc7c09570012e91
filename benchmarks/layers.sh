#!/usr/bin/env bash
# Layer benchmark: what a one-line code edit costs a registry, for the same web API (samples/WebApi with real NuGet
# packages added: Serilog.AspNetCore, Npgsql.EntityFrameworkCore.PostgreSQL, Swashbuckle.AspNetCore) built from
# DockerfileGen's layered Dockerfile and from the same Dockerfile with DockerfileGenLayers=false (the whole publish
# output in one COPY). Per variant and run: build, edit one string in Program.cs, rebuild; reports the rebuild time,
# the image size, and the layers whose digest changed (uncompressed bytes, and gzip bytes: what a push uploads).
# Then the NuGet cache mount: the same app with and without DockerfileGenNuGetCacheMount, rebuilt after adding one
# PackageReference (a different package each run, so the mount never holds it beforehand), timed side by side.
#
# Prerequisites (nothing is installed by this script):
#   - a container engine answering /usr/bin/docker (or $DOCKER) with BuildKit and the .NET 10 base images (on the
#     project's test machines: `sudo ../shared/engine/setup.sh`, with `STANDINS="10.0 10.0-chiseled"`);
#   - the .NET 10 SDK, python3 (reads `docker save` archives), and the NuGet registry reachable from the host and from
#     the image builds.
#
# Usage: benchmarks/layers.sh            (RUNS=3 OUT=benchmarks/results)
# Writes $OUT/layers.md (report) and $OUT/layers.tsv (every measurement).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-3}"
out="${OUT:-$repo_root/benchmarks/results}"
"$docker_cli" info >/dev/null 2>&1 || die "$docker_cli info fails: start the container engine first"
command -v python3 >/dev/null || die "python3 not found (it reads the docker save archives)"

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
work="$(mktemp -d /tmp/dfg-bench-layers-XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
echo "packing DockerfileGen into $work/feed"
pack_into "$work"

packages='    <PackageReference Include="Serilog.AspNetCore" Version="10.0.0" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.3" />
    <PackageReference Include="Swashbuckle.AspNetCore" Version="10.1.0" />'
# One package per run for the cache-mount measurement, none of them a dependency of the app's packages.
added_packages=(Humanizer.Core:3.0.10 Polly.Core:8.9.1 Dapper:2.1.86 CsvHelper:34.0.0 FluentValidation:12.2.0)

# samples/WebApi, its packages, and the DockerfileGen properties of the variant; then the build that writes the Dockerfile.
prepare() { # dir [msbuild properties]
  local dir="$1"; shift
  copy_sample WebApi "$dir"
  python3 - "$dir/WebApi.csproj" "$packages" <<'PY'
import sys
path, packages = sys.argv[1], sys.argv[2]
text = open(path).read()
text = text.replace("</Project>", "  <ItemGroup>\n" + packages + "\n  </ItemGroup>\n</Project>", 1)
open(path, "w").write(text)
PY
  generate "$dir" "$@"
}

generate() { # dir [msbuild properties]
  local dir="$1"; shift
  (cd "$dir" && dotnet build -nodeReuse:false -nologo -v:q "${feed_props[@]}" "$@") >"$dir.build.log" 2>&1 \
    || { tail -30 "$dir.build.log"; die "dotnet build in $dir failed"; }
}

build() { # dir tag log [docker build options] -> prints seconds
  local dir="$1" tag="$2" log="$3" start end
  shift 3
  start=$(now)
  if ! (cd "$dir" && DOCKER_BUILDKIT=1 "$docker_cli" build --progress=plain "$@" -t "$tag" -f Dockerfile . >"$log" 2>&1); then
    tail -30 "$log" >&2
    die "docker build failed in $dir (log: $log)"
  fi
  end=$(now)
  elapsed "$start" "$end"
}

# Each layer of an image as "diff_id uncompressed_bytes gzip_bytes", bottom first, from `docker save`.
layers() { # tag
  "$docker_cli" save "$1" | python3 -c '
import gzip, io, json, sys, tarfile
archive = tarfile.open(fileobj=io.BytesIO(sys.stdin.buffer.read()))
manifest = json.load(archive.extractfile("manifest.json"))[0]
config = json.load(archive.extractfile(manifest["Config"]))
for path, diff_id in zip(manifest["Layers"], config["rootfs"]["diff_ids"]):
    data = archive.extractfile(path).read()
    print(diff_id, len(data), len(gzip.compress(data, 6, mtime=0)))
'
}

# The layers of $2 whose digest $1 does not have: "count uncompressed gzip".
changed() { # before-tag after-tag
  local before after
  before="$(layers "$1")"
  after="$(layers "$2")"
  awk 'NR == FNR { seen[$1] = 1; next } !($1 in seen) { n++; u += $2; g += $3 } END { printf "%d %d %d", n, u, g }' \
    <(echo "$before") <(echo "$after")
}

tsv="$out/layers.tsv"
printf 'measurement\tvariant\trun\tseconds\timage_bytes\tchanged_layers\tchanged_bytes\tchanged_gzip_bytes\tlayers\n' >"$tsv"

declare -A result
echo "== the layered and the one-layer Dockerfile of the same app"
prepare "$work/layered"
prepare "$work/single" -p:DockerfileGenLayers=false
grep -q '^COPY --from=build /layers/packages/ /$' "$work/layered/Dockerfile" || die "the layered Dockerfile has no packages layer"
[ "$(grep -c '^COPY --from=build ' "$work/single/Dockerfile")" = 1 ] || die "DockerfileGenLayers=false still wrote a layered Dockerfile"
for variant in layered single; do
  build "$work/$variant" "dfg-bench-layers:$variant" "$work/$variant-warm.log" >/dev/null
done
for run in $(seq 1 "$runs"); do
  for variant in layered single; do
    dir="$work/$variant"
    tag="dfg-bench-layers:$variant"
    "$docker_cli" tag "$tag" "$tag-before"
    # A new string each time: the build cache is keyed by content, so an edit seen before would be a cache hit.
    sed -i "s/Hello from a DockerfileGen image[^\"]*/Hello from a DockerfileGen image, edit $run $(date +%s%N)/" "$dir/Program.cs"
    seconds=$(build "$dir" "$tag" "$work/$variant-$run.log")
    read -r count bytes gz <<<"$(changed "$tag-before" "$tag")"
    size=$("$docker_cli" image inspect --format '{{.Size}}' "$tag")
    total=$("$docker_cli" image inspect --format '{{len .RootFS.Layers}}' "$tag")
    "$docker_cli" rmi "$tag-before" >/dev/null
    printf 'code-edit\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$run" "$seconds" "$size" "$count" "$bytes" "$gz" "$total" >>"$tsv"
    echo "   $variant run $run: rebuild ${seconds}s, image $size B in $total layers, changed $count layers: $bytes B ($gz B gzip)"
    result[$variant,seconds]="${result[$variant,seconds]:-} $seconds"
    result[$variant,bytes]="${result[$variant,bytes]:-} $bytes"
    result[$variant,gz]="${result[$variant,gz]:-} $gz"
    result[$variant,count]=$count; result[$variant,size]=$size; result[$variant,total]=$total
  done
done
app_layer_files=$("$docker_cli" save dfg-bench-layers:layered | python3 -c '
import io, json, sys, tarfile
archive = tarfile.open(fileobj=io.BytesIO(sys.stdin.buffer.read()))
manifest = json.load(archive.extractfile("manifest.json"))[0]
last = tarfile.open(fileobj=archive.extractfile(manifest["Layers"][-1]))
print(sum(m.size for m in last.getmembers() if m.isfile()))
')

echo "== the NuGet cache mount: a rebuild after adding one PackageReference"
# An empty mount to begin with: the packages added below must not be in it from an earlier run of this script. The warm
# builds run without the layer cache, so their restore fills the mount with the app's packages (a cached restore step
# would leave it empty).
prepare "$work/mount"
prepare "$work/nomount" -p:DockerfileGenNuGetCacheMount=false
grep -q -- '--mount=type=cache,id=nuget' "$work/mount/Dockerfile" || die "the default Dockerfile has no NuGet cache mount"
! grep -q -- '--mount=type=cache' "$work/nomount/Dockerfile" || die "DockerfileGenNuGetCacheMount=false still mounts a cache"
"$docker_cli" builder prune -f --filter type=exec.cachemount >/dev/null
for variant in mount nomount; do
  build "$work/$variant" "dfg-bench-layers:$variant" "$work/$variant-warm.log" --no-cache >/dev/null
done
for run in $(seq 1 "$runs"); do
  added="${added_packages[$(( (run - 1) % ${#added_packages[@]} ))]}"
  for variant in mount nomount; do
    dir="$work/$variant"
    python3 - "$dir/WebApi.csproj" "${added%%:*}" "${added##*:}" <<'PY'
import re, sys, time
path, package, version = sys.argv[1:]
text = open(path).read()
text = re.sub(r'\n    <PackageReference Include="[^"]+" Version="[^"]+" /><!-- added [^>]*-->', "", text)
# A comment no earlier run wrote: the builder's layer cache, which outlives this script, must not hold the new restore.
text = text.replace("  </ItemGroup>\n</Project>", f'    <PackageReference Include="{package}" Version="{version}" /><!-- added {time.time_ns()} -->\n  </ItemGroup>\n</Project>', 1)
open(path, "w").write(text)
PY
    extra=(); [ "$variant" = nomount ] && extra=(-p:DockerfileGenNuGetCacheMount=false)
    generate "$dir" "${extra[@]}"
    seconds=$(build "$dir" "dfg-bench-layers:$variant" "$work/$variant-$run.log")
    printf 'package-added\t%s\t%s\t%s\t\t\t\t\t\n' "$variant" "$run" "$seconds" >>"$tsv"
    echo "   $variant run $run (+$added): rebuild ${seconds}s"
    result[$variant,seconds]="${result[$variant,seconds]:-} $seconds"
  done
done

for variant in layered single mount nomount; do
  "$docker_cli" rmi -f "dfg-bench-layers:$variant" >/dev/null 2>&1 || true
done

mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }
# shellcheck disable=SC2086
med() { median $1; }

report="$out/layers.md"
{
  echo "# Layer benchmark"
  echo
  echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') by \`benchmarks/layers.sh\` (RUNS=$runs; times and bytes are medians of the runs) on $(nproc) cores,"
  echo "$("$docker_cli" version --format 'Docker engine {{.Server.Version}}' 2>/dev/null), $(dotnet --version | sed 's/^/.NET SDK /')."
  echo "The app: samples/WebApi with Serilog.AspNetCore, Npgsql.EntityFrameworkCore.PostgreSQL and Swashbuckle.AspNetCore,"
  echo "on the default image. **layered** is DockerfileGen's Dockerfile; **one layer** is the same with \`DockerfileGenLayers=false\`"
  echo "(the whole publish output in one \`COPY\`). Each run edits one string in \`Program.cs\` and rebuilds with the builder's cache."
  echo "Changed layers are the image's layers whose digest the image before the edit did not have: what a registry stores"
  echo "again and a push uploads (gzip at level 6, as the engine compresses for a push). MB = 10^6 B."
  echo "Load average (1/5/15 min) at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| variant | image size | layers | changed layers after a code edit | changed bytes | of which gzip (pushed) | rebuild |"
  echo "|---|---|---|---|---|---|---|"
  for variant in layered single; do
    name=$([ $variant = layered ] && echo layered || echo "one layer")
    echo "| $name | $(mb "${result[$variant,size]}") MB | ${result[$variant,total]} | ${result[$variant,count]} | $(mb "$(med "${result[$variant,bytes]}")") MB | $(mb "$(med "${result[$variant,gz]}")") MB | $(med "${result[$variant,seconds]}") s |"
  done
  echo
  echo "- Bytes a code edit pushes, one layer / layered: **$(ratio "$(med "${result[single,gz]}")" "$(med "${result[layered,gz]}")")×** (gzip), $(ratio "$(med "${result[single,bytes]}")" "$(med "${result[layered,bytes]}")")× uncompressed."
  echo "- The app's own files (the last layer's regular files): $(mb "$app_layer_files") MB; the layered image's changed bytes are"
  echo "  $(ratio "$(med "${result[layered,bytes]}")" "$app_layer_files")× that (tar headers and the directory entries)."
  echo "- Image size, layered / one layer: $(ratio "${result[layered,size]}" "${result[single,size]}")×."
  echo "- Rebuild time, layered / one layer: $(ratio "$(med "${result[layered,seconds]}")" "$(med "${result[single,seconds]}")")×."
  echo
  echo "## The NuGet cache mount"
  echo
  echo "The same app with and without \`DockerfileGenNuGetCacheMount\`, each warm, then rebuilt after adding one"
  echo "PackageReference (a different one each run: ${added_packages[*]:0:$runs}). The builder's cache mounts are pruned first"
  echo "and the warm builds run with \`--no-cache\`, so the mount holds the app's packages and none of the added ones."
  echo "Without the mount the new restore layer downloads every package again."
  echo
  echo "| variant | rebuild after adding a package (median) | runs |"
  echo "|---|---|---|"
  echo "| cache mount (default) | $(med "${result[mount,seconds]}") s |${result[mount,seconds]} |"
  echo "| no cache mount | $(med "${result[nomount,seconds]}") s |${result[nomount,seconds]} |"
  echo
  echo "- Without / with the mount: **$(ratio "$(med "${result[nomount,seconds]}")" "$(med "${result[mount,seconds]}")")×**."
} >"$report"
echo "wrote $report and $tsv"
cat "$report"
