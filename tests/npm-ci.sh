#!/usr/bin/env bash
# npm-ci.sh FOLDER NAME: installs the pinned packages of FOLDER (its package.json and package-lock.json, with npm ci)
# once, outside the repository, under the cache folder NAME, and prints their node_modules folder. A changed lock file
# installs into a new folder; concurrent callers wait on a lock instead of installing twice. The oracle tests' install
# scripts call it; .ci/run runs those first so the tests find their packages installed.
set -euo pipefail
here="$(cd "$1" && pwd)"
hash=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-12)
home="${DOCKERFILEGEN_NPM_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/$2}"
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
