#!/usr/bin/env bash
# The container, built and served for real on this machine (run by .ci/run after the test suite).
#
#  1. A container engine: Debian's docker.io (and debootstrap, nginx, chromium) are installed when missing,
#     and `dockerd --bridge=none` is started when no engine answers. If it cannot start, this fails with
#     the reason: it never skips.
#  2. The base image: when python:3.11-slim-bookworm is not in the engine (no image registry is reachable
#     here), a stand-in is made once from Debian's own packages with debootstrap (Debian 12's python3,
#     3.11.2) and `docker import`ed under that tag.
#  3. The project's Dockerfile, unchanged: `docker build --network host`. Its size and build time are printed.
#  4. scripts/container_check.py runs one container and two replicas behind Debian's nginx, all with
#     `--network host` on 127.0.0.1, and checks them (health, uid, read-only app files, nothing test-only,
#     Compare and a chart in Chromium through nginx).
#  5. The containers are stopped and removed by name; the engine is stopped only if this script started it.
#
# Network: only `--network host`, never a bridge network; nothing is sent to a private-range address.
# Environment: DOCKER (client, default `docker`), IMAGE (default peace-proposals:check),
# DEBIAN_MIRROR (default: the bookworm mirror in /etc/apt/sources.list*), KEEP_IMAGE=1 (keep the old image
# when a rebuild replaces it), BUILD_FROM=head or another commit (build from `git archive <commit>` instead of
# the working tree: what a clean CI checkout builds, without uncommitted edits).
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKER="${DOCKER:-docker}"
IMAGE="${IMAGE:-peace-proposals:check}"
BASE="python:3.11-slim-bookworm"
STANDIN_NOTE="stand-in for $BASE: debootstrap bookworm minbase with Debian's python3 (scripts/check_container.sh)"
NAMES=(pp-check-single pp-check-replica-1 pp-check-replica-2)   # the containers container_check.py starts
ARTIFACTS=tests/artifacts/container
export DOCKER DOCKER_BUILDKIT=0   # the classic builder: `--network host` for RUN steps, no buildx needed

T0=$(date +%s)
WORK="$(mktemp -d /tmp/pp-check-container.XXXXXX)"
DOCKERD_PID=""
mkdir -p "$ARTIFACTS"

say() { echo "check_container: $*"; }
fail() { echo "check_container: FAILED: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

cleanup() {
  local code=$?
  if [ -n "$DOCKERD_PID" ] || "$DOCKER" info >/dev/null 2>&1; then
    for name in "${NAMES[@]}"; do "$DOCKER" rm -f "$name" >/dev/null 2>&1 || true; done
  fi
  if [ -n "$DOCKERD_PID" ]; then
    say "stopping the engine this script started (dockerd pid $DOCKERD_PID)"
    kill -TERM "$DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$DOCKERD_PID" 2>/dev/null; then
      echo "check_container: dockerd did not stop within 20 s; killing it" >&2
      kill -KILL "$DOCKERD_PID" 2>/dev/null || true
    fi
  fi
  rm -rf "$WORK"
  say "total time $(elapsed "$T0") (exit $code)"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. tools and the engine ----------------------------------------------------------------------------
as_root() { [ "$(id -u)" -eq 0 ] || fail "$1 needs root (run as root, or install/start it first)"; }
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v "$DOCKER" >/dev/null 2>&1 || need+=(docker.io)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ "${#need[@]}" -gt 0 ]; then
  as_root "installing ${need[*]}"
  say "installing Debian's ${need[*]}…"
  apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$WORK/apt.log" 2>&1 \
    || { tail -20 "$WORK/apt.log" >&2; fail "apt-get install ${need[*]} failed"; }
fi
[ -x .venv/bin/python ] || fail ".venv is missing: run bash scripts/setup.sh test first (the checks use its Playwright)"

if "$DOCKER" info >/dev/null 2>&1; then
  say "using the container engine that is already running"
else
  as_root "starting dockerd"
  [ -S /var/run/docker.sock ] && pgrep -x dockerd >/dev/null 2>&1 \
    && fail "a dockerd runs but does not answer 'docker info' (see its log); not starting a second one"
  say "starting dockerd --bridge=none (log: $ARTIFACTS/dockerd.log)"
  dockerd --bridge=none >"$ARTIFACTS/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do
    "$DOCKER" info >/dev/null 2>&1 && break
    kill -0 "$DOCKERD_PID" 2>/dev/null || { DOCKERD_PID=""; tail -20 "$ARTIFACTS/dockerd.log" >&2
      fail "the container engine could not start (dockerd exited; its last lines are above)"; }
    sleep 0.5
  done
  "$DOCKER" info >/dev/null 2>&1 || { tail -20 "$ARTIFACTS/dockerd.log" >&2
    fail "the container engine did not answer within 30 s (dockerd's last lines are above)"; }
fi
say "engine: Docker $("$DOCKER" version --format '{{.Server.Version}}'), client $("$DOCKER" version --format '{{.Client.Version}}')"

# ---- 2. the base image ----------------------------------------------------------------------------------
bookworm_mirror() {  # the first Debian mirror apt uses for bookworm (deb822 .sources, then one-line lists)
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
         { uri = ""; suite = 0
           for (i = 1; i <= NF; i++) {
             if ($i ~ /^URIs:/) { split(substr($i, 6), u, " "); uri = u[1] }
             if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) suite = 1 }
           if (suite && uri != "") { print uri; exit } }' "$file"
  done
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | sed -E 's/\[[^]]*\]//' | awk '$1 == "deb" && $3 == "bookworm" { print $2 }' || true
}

if "$DOCKER" image inspect "$BASE" >/dev/null 2>&1; then
  say "base image $BASE is present"
else
  as_root "building the stand-in base image"
  command -v debootstrap >/dev/null 2>&1 || {
    say "installing Debian's debootstrap…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
      || fail "apt-get install debootstrap failed"; }
  mirror="${DEBIAN_MIRROR:-$(bookworm_mirror | sed -n 1p)}"
  [ -n "$mirror" ] || fail "no Debian bookworm mirror in /etc/apt/sources.list*; set DEBIAN_MIRROR"
  say "no $BASE in the engine and no registry: building a stand-in with debootstrap from $mirror (once)…"
  T=$(date +%s)
  rootfs="$WORK/rootfs"
  debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
      bookworm "$rootfs" "$mirror" >"$ARTIFACTS/debootstrap.log" 2>&1 \
    || { tail -20 "$ARTIFACTS/debootstrap.log" >&2; fail "debootstrap failed"; }
  ln -sf /usr/bin/python3 "$rootfs/usr/local/bin/python"
  rm -f "$rootfs"/usr/lib/python3*/EXTERNALLY-MANAGED
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"  # or pip cannot reach PyPI
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*       # as the slim images do
  tar -C "$rootfs" -c . | "$DOCKER" import -m "$STANDIN_NOTE" -c 'ENV LANG=C.UTF-8' -c 'CMD ["python3"]' - "$BASE" >/dev/null \
    || fail "docker import of the stand-in base image failed"
  rm -rf "$rootfs"
  say "stand-in base image built in $(elapsed "$T")"
fi
if [ "$("$DOCKER" image inspect --format '{{.Comment}}' "$BASE")" = "$STANDIN_NOTE" ]; then
  base_kind="stand-in made with debootstrap (Debian 12, $("$DOCKER" run --rm --network host "$BASE" python -V 2>&1)), not the official image"
else
  base_kind="the image tagged $BASE in the engine"
fi
say "base: $base_kind"

# ---- 3. the image, from the Dockerfile unchanged -------------------------------------------------------
old_id="$("$DOCKER" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)"
context=.
if [ -n "${BUILD_FROM:-}" ]; then
  rev="${BUILD_FROM/#head/HEAD}"
  context="$WORK/context"; mkdir -p "$context"
  git archive "$rev" | tar -x -C "$context" || fail "git archive $rev failed"
  say "build context: commit $(git rev-parse --short "$rev"), not the working tree"
fi
say "building $IMAGE from the Dockerfile (docker build --network host; log: $ARTIFACTS/build.log)…"
T=$(date +%s)
"$DOCKER" build --network host -t "$IMAGE" "$context" >"$ARTIFACTS/build.log" 2>&1 \
  || { tail -30 "$ARTIFACTS/build.log" >&2; fail "docker build failed (log above)"; }
build_time=$(elapsed "$T")
new_id="$("$DOCKER" image inspect --format '{{.Id}}' "$IMAGE")"
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ] && [ -z "${KEEP_IMAGE:-}" ]; then
  "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true   # the previous build, now untagged
fi
size=$("$DOCKER" image inspect --format '{{.Size}}' "$IMAGE")
base_size=$("$DOCKER" image inspect --format '{{.Size}}' "$BASE")
cached=$(grep -c 'Using cache' "$ARTIFACTS/build.log" || true)
say "image $IMAGE: $((size / 1000000)) MB (base $((base_size / 1000000)) MB), built in $build_time ($cached steps from the layer cache)"

# ---- 4. run and check ----------------------------------------------------------------------------------
say "running one container and two replicas behind nginx (--network host, 127.0.0.1)…"
T=$(date +%s)
.venv/bin/python scripts/container_check.py "$IMAGE" || fail "the running image failed a check (above)"
say "all checks passed in $(elapsed "$T")"
say "summary: base = $base_kind; image $((size / 1000000)) MB; build $build_time; not run here: the official $BASE and compose's DNS name 'app' (needs a bridge network)"
