#!/usr/bin/env bash
# Builds Itinera's Linux distribution with the JDK's own jlink and jpackage:
#   OUT/runtime        a trimmed Java runtime (the JDK modules the app needs, its own CDS archive)
#   OUT/app/itinera    the self-contained app image (launcher bin/itinera, runtime, jars, AOT cache)
#   OUT/*.deb          the Debian package of that image (/opt/itinera, /usr/bin/itinera, a menu entry)
# Called by `./mvnw -pl installer -am package -Pdist`; usable by hand:
#   build-dist.sh INPUT_DIR OUT_DIR VERSION MAIN_JAR
# INPUT_DIR holds the application jar and every runtime jar (JavaFX's -linux jars included), all
# of which go on the class path as in ./itinera. Needs JAVA_HOME = a JDK >= 25, fakeroot and
# dpkg-deb for the .deb, and Xvfb (xvfb-run) for the start-up training run (without it the training
# runs on JavaFX's headless platform). ITINERA_AOT_TRAINING_OPTIONS: extra JVM options for the
# training run only (experiments, e.g. -XX:-AOTClassLinking). ITINERA_SKIP_DEB=1 builds the image only.
set -euo pipefail
input=${1:?input dir} out=${2:?output dir} version=${3:?version} main_jar=${4:?main jar name}
version=${version%%-*}  # jpackage wants digits and dots: 0.1.0-SNAPSHOT → 0.1.0
here=$(cd "$(dirname "$0")" && pwd)
: "${JAVA_HOME:?JAVA_HOME must point to a JDK 25}"
jbin="$JAVA_HOME/bin"
start=$(date +%s%N)
step() { local ds=$(( ($(date +%s%N) - start) / 100000000 )); printf '[dist %4d.%ds] %s\n' $((ds / 10)) $((ds % 10)) "$*"; }

# The JDK modules the jars use (jdeps over the class path: java.base, desktop, logging, naming,
# sql, xml), plus what is only reached by reflection or service loading: java.management
# (logback, Flyway), jdk.unsupported (JavaFX, BouncyCastle), jdk.zipfs (reading resources out of
# jars), jdk.localedata limited to the three interface languages.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.localedata
# Same flags as ./itinera: a small heap (a laptop shares its memory), serial GC (one window, short
# pauses, least memory), the native access SQLite and JavaFX need.
java_options=(-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
  -XX:-ShrinkHeapInSteps --enable-native-access=ALL-UNNAMED)

rm -rf "$out"
mkdir -p "$out/input"
# the class path, with signed jars (BouncyCastle) unsigned: see StripJarSignature.java
list() { if command -v unzip >/dev/null; then unzip -Z1 "$1"; else "$jbin/jar" tf "$1"; fi; }
for j in "$input"/*.jar; do
  if list "$j" | grep -iE '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$' >/dev/null; then  # not -q: pipefail + SIGPIPE
    step "unsigning $(basename "$j")"
    "$jbin/java" "$here/StripJarSignature.java" "$j" "$out/input/$(basename "$j")"
  else
    cp "$j" "$out/input/"
  fi
done
input="$out/input"
step "jlink: runtime with $modules"
"$jbin/jlink" --add-modules "$modules" --include-locales=en,fr,ar \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out/runtime" >/dev/null
# only used with heaps above 32 GB; ours is 256 MB
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

step "jpackage: app image"
jp_opts=()
for o in "${java_options[@]}"; do jp_opts+=(--java-options "$o"); done
"$jbin/jpackage" --type app-image --name itinera --app-version "$version" \
  --vendor "Itinera" --description "Offline-first case management for migrant-assistance missions" \
  --input "$input" --main-jar "$main_jar" --main-class org.itinera.desktop.Main \
  --runtime-image "$out/runtime" "${jp_opts[@]}" --dest "$out/app"
app="$out/app/itinera"
cfg="$app/lib/app/itinera.cfg"

# Start-up: an ahead-of-time cache (JDK 25's CDS archive of the loaded and linked classes, JEP 483/514)
# from one training run that opens the sign-in window and closes it (ITINERA_AOT_TRAINING=signed_in:
# also signs in with xdotool first). It must be made with exactly the
# flags the launcher uses, so the training runs the launcher itself with one extra line in its cfg.
step "training run for the AOT cache"
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
printf 'training passphrase for the cache\n' >"$train/pass"
export ITINERA_HOME="$train/data"
if "$app/bin/itinera" --data-dir "$train/data" --lang en init --user trainer --passphrase-file "$train/pass" \
     --name Trainer --office-code TRN --office-name Training --country SEN >"$train/init.log" 2>&1; then
  echo 'java-options=-XX:AOTCacheOutput=$APPDIR/itinera.aot' >>"$cfg"
  for o in ${ITINERA_AOT_TRAINING_OPTIONS:-}; do echo "java-options=$o" >>"$cfg"; done
  run=("$app/bin/itinera" --data-dir "$train/data" --exit-when shown)
  if [ "${ITINERA_AOT_TRAINING:-shown}" = signed_in ] && command -v xvfb-run >/dev/null 2>&1 \
     && command -v xdotool >/dev/null 2>&1; then
    # sign in too, so the main window's and the registry's classes are cached as well: a cache
    # twice the size (92 MB), sign-in faster, but the window later (the JVM maps every cached
    # class at start); docs/benchmarks.md, issue 8
    timeout 300 xvfb-run -a bash -c '
      log="$1/data/logs/itinera.log"
      "$2" --data-dir "$1/data" --lang en --exit-when signed_in & pid=$!
      for _ in $(seq 1200); do grep -q "window shown" "$log" 2>/dev/null && break; sleep 0.1; done
      sleep 1
      xdotool search --name "^Itinera$" windowfocus --sync >/dev/null 2>&1 || true
      xdotool type --delay 20 trainer; xdotool key Tab
      xdotool type --delay 20 "training passphrase for the cache"; xdotool key Return
      wait $pid' train "$train" "$app/bin/itinera" >"$train/train.log" 2>&1 || true
    grep -q "main view shown" "$train/data/logs/itinera.log" 2>/dev/null \
      || echo "warning: the training run did not get past sign-in; the cache covers the sign-in window only" >&2
  elif command -v xvfb-run >/dev/null 2>&1; then
    timeout 300 xvfb-run -a "${run[@]}" >"$train/train.log" 2>&1 || true
  else
    echo "xvfb-run not found: training on JavaFX's headless platform (fewer window classes cached)" >&2
    echo 'java-options=-Dglass.platform=Headless' >>"$cfg"
    echo 'java-options=-Dprism.order=sw' >>"$cfg"
    timeout 300 "${run[@]}" >"$train/train.log" 2>&1 || true
    sed -i '/^java-options=-Dglass.platform=Headless$/d; /^java-options=-Dprism.order=sw$/d' "$cfg"
  fi
  for o in ${ITINERA_AOT_TRAINING_OPTIONS:-}; do grep -vxF "java-options=$o" "$cfg" >"$cfg.tmp"; mv "$cfg.tmp" "$cfg"; done
  if [ -s "$app/lib/app/itinera.aot" ]; then
    sed -i 's|^java-options=-XX:AOTCacheOutput=|java-options=-XX:AOTCache=|' "$cfg"
  else
    echo "warning: the training run made no AOT cache; the app starts without it. Log:" >&2
    tail -n 20 "$train/train.log" >&2
    sed -i '/AOTCacheOutput/d' "$cfg"
  fi
else
  echo "warning: could not set up the training installation; no AOT cache. Log:" >&2
  cat "$train/init.log" >&2
fi
unset ITINERA_HOME
rm -f "$app/lib/app/itinera.aot.config"

if [ "${ITINERA_SKIP_DEB:-0}" != 1 ]; then
  # The .deb is the app image as it is, under /opt/itinera, packed with dpkg-deb rather than
  # `jpackage --type deb`: jpackage copies the image without keeping file times, and the AOT cache
  # refuses jars whose time differs from the training run (it would silently start without cache).
  # Also gives a menu entry and /usr/bin/itinera, which jpackage's shortcut scripts fail to.
  # gzip rather than xz: 5x faster to build for a package about 15 % larger, and every dpkg reads it.
  step "dpkg-deb: .deb"
  stage="$out/deb-stage"
  rm -rf "$stage"
  mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/doc/itinera"
  cp -a "$app" "$stage/opt/itinera"
  ln -s /opt/itinera/bin/itinera "$stage/usr/bin/itinera"
  install -m 644 "$here/itinera.desktop" "$stage/usr/share/applications/itinera.desktop"
  install -m 644 "$here/copyright" "$stage/usr/share/doc/itinera/copyright"
  size_kb=$(du -sk "$stage" | cut -f1)
  # the libraries the runtime and JavaFX load (as jpackage computes them, plus GTK for JavaFX)
  cat >"$stage/DEBIAN/control" <<CONTROL
Package: itinera
Version: $version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: Itinera <itinera@example.org>
Installed-Size: $size_kb
Depends: libc6, libgtk-3-0, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libasound2 | libasound2t64
Description: Offline-first case management for migrant-assistance missions
 Movements, medical and assistance case files in one encrypted database on the laptop, with
 signed sync packages exchanged by USB stick. Data lives in each user's ~/.local/share/itinera
 and stays there when the package is removed or upgraded.
CONTROL
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$out/itinera_${version}_amd64.deb" >/dev/null
  rm -rf "$stage"
fi

step "done"
du -sh "$app" | sed 's/^/app image: /'
ls "$out"/*.deb >/dev/null 2>&1 && du -h "$out"/*.deb | sed 's/^/deb: /'
exit 0
