#!/usr/bin/env bash
# Provides the image the Dockerfiles start FROM, debian:trixie-slim: pulled from Docker Hub where a registry is
# reachable, else (CI here) made locally: a minimal Debian by debootstrap from the host's apt mirror, imported under
# the public name, so `FROM debian:trixie-slim` builds the same Dockerfiles here and anywhere.
#
#   docker/base-image.sh            nothing if the tag exists; else pull it, else make it
#   docker/base-image.sh --force    make it again locally (e.g. after the host's CA certificates changed)
#
# Like the public slim image: minbase variant, no documentation, man pages or locales (dpkg excludes them), apt
# keeps no package cache. Unlike it: ca-certificates is installed and the host's local CA certificates
# (update-ca-certificates' local directory) are added, because here HTTPS to Maven Central and npm passes a proxy
# that only they make trusted. The Dockerfiles install ca-certificates themselves, so they need neither.
#
# The root file system is kept as a tarball in COGENTX_DOCKER_CACHE (default ~/.cache/cogentx-docker) and imported
# from there next time (seconds instead of ~1 min of debootstrap): delete it to start over.
# Settings (environment): DEBIAN_SUITE (trixie), BASE_IMAGE (debian:$DEBIAN_SUITE-slim), DEBIAN_MIRROR and
# DEBIAN_SECURITY_MIRROR (default: the ones apt on this machine uses), DOCKER (the docker client), LOCAL_CA_DIR.
set -euo pipefail

force=false
[ "${1:-}" = "--force" ] && force=true

suite=${DEBIAN_SUITE:-trixie}
tag=${BASE_IMAGE:-debian:$suite-slim}
cache=${COGENTX_DOCKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cogentx-docker}
ca_dir=${LOCAL_CA_DIR:-/usr/local/share/ca-certificates}
# The docker.io package's client (/usr/bin/docker): a newer client earlier on PATH may lack buildx.
docker=${DOCKER:-$( [ -x /usr/bin/docker ] && echo /usr/bin/docker || command -v docker )}

log() { echo "base-image: $*" >&2; }

size() { "$docker" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'; }
if ! $force; then
  if "$docker" image inspect "$tag" >/dev/null 2>&1; then
    log "$tag exists ($(size)); --force makes it again"
    exit 0
  fi
  if "$docker" pull -q "$tag" >/dev/null 2>&1; then
    log "pulled $tag ($(size))"
    exit 0
  fi
  log "$tag cannot be pulled here: making it locally"
fi

# The mirror apt uses on this machine (deb822 .sources or one-line sources.list), else Debian's CDN.
apt_uris() {
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed -E 's/^deb (\[[^]]*\] )?//' | awk '{print $1}'
  } | grep -E '/debian(-security)?/?$' || true
}
mirror=${DEBIAN_MIRROR:-$(apt_uris | grep -v -- '-security' | head -n1)}
mirror=${mirror:-http://deb.debian.org/debian}
mirror=${mirror%/}
security=${DEBIAN_SECURITY_MIRROR:-$(apt_uris | grep -- '-security' | head -n1)}
security=${security:-${mirror}-security}
security=${security%/}

# The cache is keyed by suite and the local certificates it contains.
ca_files=()
if [ -d "$ca_dir" ]; then
  while IFS= read -r -d '' f; do ca_files+=("$f"); done < <(find "$ca_dir" -type f -name '*.crt' -print0 | sort -z)
fi
ca_key=$( { [ ${#ca_files[@]} -gt 0 ] && cat "${ca_files[@]}"; echo "$mirror $security"; } | sha256sum | cut -c1-12)
tarball="$cache/debian-$suite-minbase-$ca_key.tar"

import() {
  log "importing $tarball as $tag"
  "$docker" import \
    --change 'CMD ["bash"]' \
    --change "LABEL io.cogentx.base-image=\"debootstrap $suite from $mirror (docker/base-image.sh)\"" \
    "$tarball" "$tag" >/dev/null
  log "$tag: $(size)"
}

if [ -f "$tarball" ] && ! $force; then
  import
  exit 0
fi

command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
[ "$(id -u)" -eq 0 ] || { log "debootstrap needs root"; exit 1; }

mkdir -p "$cache"
rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
trap 'rm -rf "$rootfs" "$tarball.tmp"' EXIT
start=$(date +%s)
log "debootstrap $suite from $mirror (about a minute)"
debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" > "$cache/debootstrap.log" 2>&1 \
  || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }

cat > "$rootfs/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF

# What the public slim image configures: no docs in later installs, no package cache, no translations.
cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
cat > "$rootfs/etc/apt/apt.conf.d/docker-no-languages" <<'EOF'
Acquire::Languages "none";
EOF
cat > "$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests" <<'EOF'
Apt::AutoRemove::SuggestsImportant "false";
EOF

if [ ${#ca_files[@]} -gt 0 ]; then
  log "adding ${#ca_files[@]} local CA certificate(s) from $ca_dir"
  cp "${ca_files[@]}" "$rootfs/usr/local/share/ca-certificates/"
  chroot "$rootfs" update-ca-certificates > /dev/null 2>&1
fi

chroot "$rootfs" apt-get clean
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
rm -rf "$rootfs"/usr/share/{man,info,locale,groff,lintian}/* "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/*

tar --numeric-owner --xattrs -C "$rootfs" -cf "$tarball.tmp" .
mv "$tarball.tmp" "$tarball"
# Only the newest tarball is kept.
find "$cache" -maxdepth 1 -name "debian-$suite-minbase-*.tar" ! -path "$tarball" -delete
log "root file system made in $(( $(date +%s) - start )) s"
import
