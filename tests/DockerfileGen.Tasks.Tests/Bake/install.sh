#!/usr/bin/env bash
# Installs the pinned packages of this folder (npm ci) once, outside the repository, and prints their node_modules
# folder. The Bake file test runs it; .ci/run runs it first so the test finds them installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-12)
home="${DOCKERFILEGEN_NPM_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerfilegen-bake}"
target="$home/$hash"
if [ ! -f "$target/.complete" ]; then
  mkdir -p "$home"
  exec 9>"$home/.lock"
  flock 9
  if [ ! -f "$target/.complete" ]; then
    work=$(mktemp -d "$home/install.XXXXXX")
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund >&2)
    touch "$work/.complete"
    rm -rf "$target"
    mv "$work" "$target"
  fi
fi
echo "$target/node_modules"
