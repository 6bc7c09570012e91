#!/usr/bin/env bash
# Installs the pinned packages of this folder once, outside the repository, and prints their node_modules folder. The
# Bake file test runs it; .ci/run runs it first so the test finds them installed.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../../npm-ci.sh" "$(dirname "${BASH_SOURCE[0]}")" dockerfilegen-bake
