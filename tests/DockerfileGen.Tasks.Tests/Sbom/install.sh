#!/usr/bin/env bash
# Installs the pinned CycloneDX JSON validator of this folder once, outside the repository, and prints its node_modules
# folder. The SBOM schema test runs it; .ci/run runs it first so the test finds it installed.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../../npm-ci.sh" "$(dirname "${BASH_SOURCE[0]}")" dockerfilegen-sbom
