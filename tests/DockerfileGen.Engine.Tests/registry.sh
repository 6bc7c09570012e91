#!/usr/bin/env bash
# Starts the registry the push engine tests push to: Debian's docker-registry (the CNCF distribution registry) on the
# loopback address, plain HTTP, no auth, its blobs in a folder the tests read to count what a push uploaded.
# Idempotent: a registry this script started that still answers is reused. Installs the package when it is missing.
# Prints the two variables the tests read, for `eval "$(bash registry.sh)"`; everything else goes to stderr.
#   DOCKERFILEGEN_TEST_REGISTRY          host:port to push to (127.0.0.1:5055)
#   DOCKERFILEGEN_TEST_REGISTRY_STORAGE  the registry's storage root (its blobs are docker/registry/v2/blobs/**/data)
set -euo pipefail

address="127.0.0.1:5055"
state=/var/lib/dockerfilegen-test
storage="$state/registry"
config="$state/registry.yml"
pidfile=/run/dockerfilegen-test-registry.pid
log="$state/registry.log"

answers() { curl -fs -o /dev/null --max-time 2 "http://$address/v2/"; }

missing=()
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y "${missing[@]}" || { apt-get update && apt-get install -y "${missing[@]}"; }; } >&2
fi

# The package's own service (:5000, htpasswd auth, /var/lib/docker-registry) is not used: its postinst may start it
# where services run, and it listens elsewhere, so it is left alone.
if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && answers; then
  echo "registry.sh: reusing the registry at $address (PID $(cat "$pidfile"), storage $storage)" >&2
else
  if answers; then
    echo "registry.sh: something else answers at $address; stop it or free the port" >&2
    exit 1
  fi

  mkdir -p "$storage"
  # Deletes are on so a test can remove the repositories it pushed; the storage health check is off (it only logs).
  cat > "$config" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
http:
  addr: $address
EOF
  setsid docker-registry serve "$config" >>"$log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  for _ in $(seq 1 50); do
    answers && break
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.2
  done
  if ! answers; then
    echo "registry.sh: the registry did not answer at $address; its log ($log) ends with:" >&2
    tail -n 20 "$log" >&2 || true
    exit 1
  fi
  echo "registry.sh: started the registry at $address (PID $(cat "$pidfile"), storage $storage, log $log)" >&2
fi

echo "export DOCKERFILEGEN_TEST_REGISTRY=$address"
echo "export DOCKERFILEGEN_TEST_REGISTRY_STORAGE=$storage"
