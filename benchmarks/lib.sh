# Shared helpers for the benchmark scripts (sourced, not run).

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docker_cli="${DOCKER:-/usr/bin/docker}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 MSBUILDTERMINALLOGGER=off

die() { echo "error: $*" >&2; exit 1; }

now() { date +%s.%N; }

# seconds between two `now` values, 2 decimals
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# a / b with 2 decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# Packs DockerfileGen from the sources into $1/feed and sets feed_props: the properties a build of a copied sample
# needs to take this exact build of the package (the feed, a packages folder under $1, the version just packed), since
# the sample's Directory.Build.props finds no repository around the copy. They are global properties rather than a
# NuGet.config above the copies: DockerfileGen would rightly put a NuGet.config's folder feed into the build context.
pack_into() {
  local work="$1" package
  dotnet pack "$repo_root/src/DockerfileGen.Package/DockerfileGen.Package.csproj" -c Release -nodeReuse:false -v:q -nologo \
    -o "$work/feed" "-p:NuspecOutputPath=$work/nuspec/" >/dev/null
  package="$(cd "$work/feed" && ls DockerfileGen.*.nupkg)"
  package="${package#DockerfileGen.}"
  feed_props=("-p:RestoreAdditionalProjectSources=$work/feed" "-p:RestorePackagesPath=$work/packages/" "-p:DockerfileGenVersion=${package%.nupkg}")
}

# Copies a sample (without bin/, obj/ and generated files) to $2.
copy_sample() {
  local sample="$1" target="$2"
  mkdir -p "$target"
  (cd "$repo_root/samples/$sample" && tar --exclude=./bin --exclude=./obj --exclude=./Dockerfile --exclude=./.dockerignore -cf - .) | (cd "$target" && tar -xf -)
}
