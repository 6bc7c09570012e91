#!/usr/bin/env bash
# Installs the CycloneDX dotnet tool (NuGet package CycloneDX, pinned below) once, outside the repository, from the
# machine's configured NuGet feed, and prints the path of its executable. The SBOM comparison test runs it; .ci/run runs
# it first so the test finds it installed.
set -euo pipefail
version=6.3.1
home="${DOCKERFILEGEN_TOOLS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerfilegen-cyclonedx}"
target="$home/$version"
if [ ! -f "$target/.complete" ]; then
  mkdir -p "$home"
  exec 9>"$home/.lock"
  flock 9
  if [ ! -f "$target/.complete" ]; then
    work=$(mktemp -d "$home/install.XXXXXX")
    dotnet tool install CycloneDX --version "$version" --tool-path "$work" >&2
    touch "$work/.complete"
    rm -rf "$target"
    mv "$work" "$target"
  fi
fi
echo "$target/dotnet-CycloneDX"
