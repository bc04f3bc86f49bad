#!/usr/bin/env bash
# Builds the container image of a PeerCircle service as an OCI image archive, without a container daemon
# and without a registry: the OS base comes from Debian packages (apt-get download + dpkg-deb -x), the Java
# runtime from jlink, the application from the service's Quarkus fast-jar (<service>/target/quarkus-app).
#
#   deploy/images/build.sh <service>|--all [--tag TAG]
#
# Output: <service>/target/image/<service>-<TAG>.oci.tar, named peercircle/<service>:<TAG>. The tag defaults
# to the project version. The same inputs give byte-identical archives. See deploy/images/README.md.
#
# Environment:
#   SOURCE_DATE_EPOCH       image creation time and mtime of the service layers' files (default 1980-01-01)
#   JLINK_JDK               JDK 17 whose jlink and jmods make the runtime (default Debian's openjdk-17)
#   IMAGE_SOURCE            value of the org.opencontainers.image.source label (default: git remote origin)
#   PEERCIRCLE_IMAGE_CACHE  where the downloaded packages and the base and JRE layers are kept
#                           (default deploy/images/target/cache)
set -euo pipefail
umask 022
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVICES=(participant-service session-service assessment-service reporting-service)

# The base and JRE layers always carry this mtime, so they stay byte-identical across services and builds
# whatever SOURCE_DATE_EPOCH is; 1980-01-01 is the earliest time ZIP tools and reproducible builds accept.
FIXED_EPOCH=315532800
EPOCH=${SOURCE_DATE_EPOCH:-$FIXED_EPOCH}

JDK=${JLINK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
CACHE=${PEERCIRCLE_IMAGE_CACHE:-$HERE/target/cache}

# What Quarkus with JDBC, Kafka and OIDC needs (jdeps over quarkus-app/lib: java.base, java.logging,
# java.sql, java.naming, java.desktop (java.beans), java.management, java.security.jgss/sasl, java.xml,
# java.transaction.xa, jdk.unsupported, jdk.management, jdk.jfr), plus the modules only found through
# service loaders or reflection: EC keys for TLS and ES256 tokens, DNS for JNDI, zip file systems,
# Flight Recorder streaming, GBK/GB18030 charsets and zh/en locale data for Chinese text, Kerberos for
# Kafka SASL/GSSAPI, extended socket options.
JRE_MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jfr,jdk.management.jfr,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.net,jdk.security.auth,jdk.security.jgss
# --compress=0: the layer is gzipped anyway, and gzip over uncompressed modules is smaller (29 MB) than over
# jlink-compressed ones (36 MB); it also spares the decompression at class loading.
JLINK_OPTIONS=(--include-locales=en,zh --strip-debug --no-header-files --no-man-pages --compress=0)

# The Debian packages of the base: the C and C++ runtimes and zlib that the JVM links against, CA
# certificates, time zones, /etc/services and friends, and base-files for the directory tree and
# /etc/os-release (which vulnerability scanners read). libc-bin only for the C.UTF-8 locale.
BASE_PACKAGES=(base-files netbase tzdata ca-certificates libc6 libgcc-s1 gcc-12-base libstdc++6 zlib1g libc-bin)
# Dependencies that only the packages' maintainer scripts use; nothing in the image runs those scripts.
INSTALL_TIME_ONLY="awk openssl debconf debconf-2.0"

JAVA_HOME_IN_IMAGE=/opt/java
APP_DIR=/deployments
USER_ID=185

die() { echo "build.sh: $*" >&2; exit 1; }
usage() { echo "usage: deploy/images/build.sh <service>|--all [--tag TAG]" >&2; exit 2; }

targets=()
TAG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --all) targets=("${SERVICES[@]}") ;;
    --tag) [ $# -ge 2 ] || usage; TAG=$2; shift ;;
    --tag=*) TAG=${1#--tag=} ;;
    -h|--help) usage ;;
    -*) usage ;;
    *)
      [[ " ${SERVICES[*]} " == *" $1 "* ]] || die "unknown service '$1' (one of: ${SERVICES[*]})"
      targets+=("$1") ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || usage
if [ -z "$TAG" ]; then
  TAG=$(grep -m1 -o '<version>[^<]*</version>' "$ROOT/pom.xml" | sed 's/<[^>]*>//g')
fi
[[ "$TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "invalid tag '$TAG'"
[[ "$EPOCH" =~ ^[0-9]+$ ]] || die "SOURCE_DATE_EPOCH must be a number of seconds"
[ -x "$JDK/bin/jlink" ] && [ -d "$JDK/jmods" ] || die "no JDK with jlink and jmods at $JDK (set JLINK_JDK)"
"$JDK/bin/java" -version 2>&1 | grep -q '"17\.' || die "$JDK is not a JDK 17"
for tool in apt-get dpkg-deb tar gzip sha256sum flock; do
  command -v "$tool" >/dev/null || die "$tool is needed"
done
SOURCE_URL=${IMAGE_SOURCE:-$(git -C "$ROOT" config --get remote.origin.url 2>/dev/null || true)}
SOURCE_URL=${SOURCE_URL:-https://git.peercircle.example/peercircle/peercircle}

mkdir -p "$CACHE/debs" "$CACHE/layers" "$HERE/target/work"
exec 9>"$CACHE/.lock"
flock 9 # one build at a time per cache: the base and JRE layers are made once
WORK=$(mktemp -d "$HERE/target/work/build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

sha256() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }
iso_time() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
json_string() { # escapes for JSON; our values are plain, but a label from the environment might not be
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# layer <dir> <epoch> <out-prefix> [tar options...]: a gzip layer of the directory's contents, entries
# sorted, owned by 0:0, one mtime. Writes <out-prefix>.tar.gz and <out-prefix>.meta ("diff_id digest size").
layer() {
  local dir=$1 epoch=$2 out=$3
  shift 3
  (cd "$dir" && find . -mindepth 1 -printf '%P\0' | sort -z) >"$out.list"
  tar --create --file="$out.tar" --directory="$dir" --no-recursion --null --files-from="$out.list" \
    --format=gnu --numeric-owner --owner=0 --group=0 --mtime="@$epoch" "$@"
  local diff_id
  diff_id=$(sha256 "$out.tar")
  gzip -n -6 <"$out.tar" >"$out.tar.gz.part"
  rm -f "$out.tar" "$out.list"
  mv "$out.tar.gz.part" "$out.tar.gz"
  echo "$diff_id $(sha256 "$out.tar.gz") $(size "$out.tar.gz")" >"$out.meta.part"
  mv "$out.meta.part" "$out.meta"
}

# --- (a) the OS base from Debian packages -------------------------------------------------------------
resolve_packages() { # prints "file sha256" for the candidate version of each package
  local uris
  if ! uris=$(cd "$WORK" && apt-get download --print-uris "${BASE_PACKAGES[@]}" 2>&1); then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq >/dev/null
      uris=$(cd "$WORK" && apt-get download --print-uris "${BASE_PACKAGES[@]}")
    else
      die "apt-get cannot resolve the base packages; run apt-get update as root: $uris"
    fi
  fi
  [ "$(grep -c "^'" <<<"$uris")" = ${#BASE_PACKAGES[@]} ] || die "apt-get did not resolve every package: $uris"
  awk '/^\047/ { sub(/^SHA256:/, "", $4); print $2, $4 }' <<<"$uris" | sort
}

download_packages() { # <resolved list>
  local missing=() file sum
  while read -r file sum; do
    [ -f "$CACHE/debs/$file" ] && [ "$(sha256 "$CACHE/debs/$file")" = "$sum" ] || missing+=("$file")
  done <<<"$1"
  if [ ${#missing[@]} -gt 0 ]; then
    local sandbox=()
    [ "$(id -u)" = 0 ] && sandbox=(-o APT::Sandbox::User=root) # the cache dir is not the _apt user's
    (cd "$CACHE/debs" && apt-get -qq "${sandbox[@]}" download "${BASE_PACKAGES[@]}" >/dev/null)
  fi
  while read -r file sum; do
    [ "$(sha256 "$CACHE/debs/$file")" = "$sum" ] || die "checksum mismatch for $file"
  done <<<"$1"
  # versions that the archive has replaced since
  find "$CACHE/debs" -maxdepth 1 -name '*.deb' -printf '%f\n' | { grep -vxF -f <(awk '{print $1}' <<<"$1") || true; } \
    | while read -r old; do rm -f "$CACHE/debs/$old"; done
}

check_dependencies() { # every run-time dependency of every package is in the set
  local provided="" deb dep alt ok
  for deb in "$@"; do provided+=" $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Provides | sed 's/([^)]*)//g; s/,/ /g')"; done
  provided+=" $INSTALL_TIME_ONLY "
  for deb in "$@"; do
    while IFS= read -r dep; do
      [ -n "$dep" ] || continue
      ok=no
      for alt in ${dep//|/ }; do
        alt=${alt%%:*}
        [[ "$provided" == *" $alt "* ]] && ok=yes
      done
      [ $ok = yes ] || die "$(basename "$deb") needs '$dep', which is not in BASE_PACKAGES"
    done < <({ dpkg-deb -f "$deb" Pre-Depends; echo ,; dpkg-deb -f "$deb" Depends; } | tr -d '\n' \
      | sed 's/([^)]*)//g' | tr ',' '\n' | sed 's/^ *//; s/ *$//; s/ *| */|/g')
  done
}

build_base() { # <resolved list> <out-prefix>
  local stage=$WORK/base file sum debs=()
  mkdir -p "$stage"
  while read -r file sum; do debs+=("$CACHE/debs/$file"); done <<<"$1"
  check_dependencies "${debs[@]}"
  for deb in "${debs[@]}"; do
    if [ "$(dpkg-deb -f "$deb" Package)" = libc-bin ]; then
      # only the C.UTF-8 locale: without it the JVM falls back to ASCII for file names and default charset
      dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$stage" ./usr/lib/locale/C.utf8 ./usr/share/doc/libc-bin/copyright
    else
      dpkg-deb -x "$deb" "$stage"
    fi
    # what dpkg would know: vulnerability scanners (Trivy, Grype) read these, as in Google's distroless
    mkdir -p "$stage/var/lib/dpkg/status.d"
    dpkg-deb -I "$deb" control >"$stage/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
  done
  (
    cd "$stage"
    # Documentation (the copyright files stay: the licences require them), manuals, the iconv modules
    # (the JVM has its own charsets), the leap-second time zones and a script without its interpreter.
    find usr/share/doc -type f ! -name copyright -delete
    rm -rf usr/share/man usr/share/info usr/share/lintian usr/share/zoneinfo/right \
      usr/lib/x86_64-linux-gnu/gconv usr/sbin/update-ca-certificates etc/ca-certificates/update.d
    # What the maintainer scripts would have made.
    mkdir -p etc/ssl/certs
    for crt in usr/share/ca-certificates/mozilla/*.crt; do awk 1 "$crt"; done >etc/ssl/certs/ca-certificates.crt
    ln -sfn /usr/share/zoneinfo/Etc/UTC etc/localtime
    echo Etc/UTC >etc/timezone
    cat >etc/passwd <<EOF
root:x:0:0:root:/root:/usr/sbin/nologin
peercircle:x:$USER_ID:$USER_ID:PeerCircle service:$APP_DIR:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
    cat >etc/group <<EOF
root:x:0:
peercircle:x:$USER_ID:
nogroup:x:65534:
EOF
    cat >etc/nsswitch.conf <<'EOF'
passwd:         files
group:          files
shadow:         files
hosts:          files dns
networks:       files
protocols:      files
services:       files
ethers:         files
rpc:            files
EOF
    chmod 0644 etc/passwd etc/group etc/nsswitch.conf etc/timezone etc/ssl/certs/ca-certificates.crt
    mkdir -p tmp var/tmp
    chmod 1777 tmp var/tmp
  )
  layer "$stage" "$FIXED_EPOCH" "$2"
}

# --- (b) the Java runtime -------------------------------------------------------------------------------
build_jre() { # <out-prefix>
  local stage=$WORK/jre
  mkdir -p "$stage/opt"
  "$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$JRE_MODULES" "${JLINK_OPTIONS[@]}" \
    --output "$stage$JAVA_HOME_IN_IMAGE"
  layer "$stage" "$FIXED_EPOCH" "$1" --mode='u+rw,go-w,a+rX'
}

cached_layer() { # <name> <key> <builder> [args...]: prints the cache prefix of the layer, building it if absent
  local name=$1 key=$2 builder=$3
  shift 3
  local prefix="$CACHE/layers/$name-$key"
  if [ ! -f "$prefix.meta" ]; then
    local started=$SECONDS
    "$builder" "$@" "$WORK/$name"
    mv "$WORK/$name.tar.gz" "$prefix.tar.gz"
    mv "$WORK/$name.meta" "$prefix.meta"
    echo "  $name layer built in $((SECONDS - started)) s" >&2
    find "$CACHE/layers" -name "$name-*" ! -name "$name-$key.*" -delete # older recipes or inputs
  fi
  echo "$prefix"
}

SCRIPT_SUM=$(sha256 "${BASH_SOURCE[0]}")
RESOLVED=$(resolve_packages)
download_packages "$RESOLVED"
BASE_KEY=$(printf '%s\n' "$SCRIPT_SUM" "$RESOLVED" | sha256sum | cut -c1-16)
BASE=$(cached_layer base "$BASE_KEY" build_base "$RESOLVED")
JRE_KEY=$( (echo "$SCRIPT_SUM"; cat "$JDK/release"; cd "$JDK/jmods" && sha256sum ./*.jmod) | sha256sum | cut -c1-16)
BASE_VERSIONS=$(awk '{print $1}' <<<"$RESOLVED" | sed 's/_[^_]*$//; s/%3a/:/; s/_/=/' | paste -sd' ')
JRE=$(cached_layer jre "$JRE_KEY" build_jre)
JAVA_RUNTIME_VERSION=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release")

# --- (c), (d), (e) the service ------------------------------------------------------------------------------
build_image() {
  local svc=$1 started=$SECONDS
  local app="$ROOT/$svc/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: package $svc first (./mvnw -DskipTests package -pl $svc)"
  local w="$WORK/$svc"
  mkdir -p "$w/lib/${APP_DIR#/}/lib/main" "$w/own/${APP_DIR#/}/lib/main" "$w/app/${APP_DIR#/}"
  # (c) third-party libraries; (d) the project's own modules (platform, contracts), which change more often
  cp -R "$app/lib/boot" "$w/lib/${APP_DIR#/}/lib/"
  find "$app/lib/main" -maxdepth 1 -type f ! -name 'org.peercircle.*' -exec cp {} "$w/lib/${APP_DIR#/}/lib/main/" \;
  find "$app/lib/main" -maxdepth 1 -type f -name 'org.peercircle.*' -exec cp {} "$w/own/${APP_DIR#/}/lib/main/" \;
  # (e) the service itself: its classes, Quarkus' generated code and the launcher
  cp -R "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$w/app/${APP_DIR#/}/"
  local normalize=(--mode='u+rw,go-w,a+rX') # root-owned and read-only for uid 185; umask-independent
  layer "$w/lib" "$EPOCH" "$w/lib-layer" "${normalize[@]}"
  layer "$w/own" "$EPOCH" "$w/own-layer" "${normalize[@]}"
  layer "$w/app" "$EPOCH" "$w/app-layer" "${normalize[@]}"

  local oci="$w/oci" blobs="$w/oci/blobs/sha256"
  mkdir -p "$blobs"
  local prefixes=("$BASE" "$JRE" "$w/lib-layer" "$w/own-layer" "$w/app-layer")
  local descriptions=(
    "OS base from Debian packages: $BASE_VERSIONS"
    "Java runtime $JAVA_RUNTIME_VERSION (jlink: $JRE_MODULES)"
    "third-party libraries (quarkus-app/lib)"
    "PeerCircle modules (quarkus-app/lib/main/org.peercircle.*)"
    "$svc (quarkus-app/app, quarkus, quarkus-run.jar)")
  local diff_ids="" layers="" history="" docker_layers="" sep="" uncompressed=0 compressed=0 i
  for i in "${!prefixes[@]}"; do
    local diff_id digest lsize
    read -r diff_id digest lsize <"${prefixes[$i]}.meta"
    ln -f "${prefixes[$i]}.tar.gz" "$blobs/$digest" 2>/dev/null || cp "${prefixes[$i]}.tar.gz" "$blobs/$digest"
    diff_ids+="$sep\"sha256:$diff_id\""
    layers+="$sep{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$lsize}"
    history+="$sep{\"created\":\"$(iso_time "$EPOCH")\",\"created_by\":$(json_string "deploy/images/build.sh: ${descriptions[$i]}")}"
    docker_layers+="$sep\"blobs/sha256/$digest\""
    compressed=$((compressed + lsize))
    uncompressed=$((uncompressed + $(gzip -l "$blobs/$digest" | awk 'NR==2 {print $2}')))
    sep=,
  done

  local name="peercircle/$svc:$TAG"
  cat >"$w/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$(iso_time "$EPOCH")","config":{"User":"$USER_ID:$USER_ID","ExposedPorts":{"8080/tcp":{}},"Env":["PATH=$JAVA_HOME_IN_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME_IN_IMAGE","LANG=C.UTF-8","QUARKUS_HTTP_PORT=8080"],"Entrypoint":["$JAVA_HOME_IN_IMAGE/bin/java","-jar","$APP_DIR/quarkus-run.jar"],"WorkingDir":"$APP_DIR","Labels":{"org.opencontainers.image.title":"$svc","org.opencontainers.image.version":"$TAG","org.opencontainers.image.source":$(json_string "$SOURCE_URL"),"org.opencontainers.image.description":"PeerCircle $svc (Quarkus, Java $JAVA_RUNTIME_VERSION)"}},"rootfs":{"type":"layers","diff_ids":[$diff_ids]},"history":[$history]}
EOF
  local config_digest config_size
  config_digest=$(sha256 "$w/config.json")
  config_size=$(size "$w/config.json")
  cp "$w/config.json" "$blobs/$config_digest"
  cat >"$w/manifest.json" <<EOF
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config_digest","size":$config_size},"layers":[$layers]}
EOF
  local manifest_digest manifest_size
  manifest_digest=$(sha256 "$w/manifest.json")
  manifest_size=$(size "$w/manifest.json")
  cp "$w/manifest.json" "$blobs/$manifest_digest"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$oci/oci-layout"
  cat >"$oci/index.json" <<EOF
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:$manifest_digest","size":$manifest_size,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"org.opencontainers.image.ref.name":"$name","io.containerd.image.name":"docker.io/$name"}}]}
EOF
  # docker load (any version) and crane push read this docker-archive manifest; OCI tools read index.json
  echo "[{\"Config\":\"blobs/sha256/$config_digest\",\"RepoTags\":[\"$name\"],\"Layers\":[$docker_layers]}]" >"$oci/manifest.json"

  local out_dir="$ROOT/$svc/target/image"
  local out="$out_dir/$svc-$TAG.oci.tar"
  mkdir -p "$out_dir"
  (cd "$oci" && find . -mindepth 1 -printf '%P\0' | sort -z) >"$w/archive.list"
  tar --create --file="$out.part.$$" --directory="$oci" --no-recursion --null --files-from="$w/archive.list" \
    --format=gnu --numeric-owner --owner=0 --group=0 --mtime="@$EPOCH" --mode='u+rw,go-w,a+rX'
  mv "$out.part.$$" "$out"
  rm -rf "$w"
  printf '%s  %s\n  manifest sha256:%s, %d layers, %.1f MB compressed, %.1f MB uncompressed, built in %d s\n' \
    "$name" "${out#"$ROOT"/}" "$manifest_digest" ${#prefixes[@]} \
    "$(awk "BEGIN {print ($compressed + $config_size) / 1e6}")" "$(awk "BEGIN {print $uncompressed / 1e6}")" \
    $((SECONDS - started))
}

for svc in "${targets[@]}"; do
  build_image "$svc"
done
