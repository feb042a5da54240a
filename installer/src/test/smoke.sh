#!/usr/bin/env bash
# Smoke test of the packaged application (issue 8). Run after `./mvnw -pl installer -am package -Pdist`:
#   installer/src/test/smoke.sh [DIST_DIR] [SCREENSHOT.png]
# 1. the .deb's layout: launcher, runtime, jars, AOT cache, all under /opt/itinera, nothing else
# 2. installs the .deb into a scratch dpkg database and directory (no root, no system change)
# 3. seeds a test account with the installed launcher's command line, as a fresh user (own HOME)
# 4. starts the installed launcher under Xvfb, waits for the sign-in window (log line), types the
#    account into it with xdotool, waits for the main view, and expects a clean exit (code 0)
# 5. checks data and logs went to the user-data folder ($XDG_DATA_HOME/itinera), not beside the
#    binaries; upgrades to a next version (same files, version + .1) and opens the data with it;
#    uninstalls the package and checks the data is still there
# Needs: dpkg, Xvfb, xdotool (and imagemagick's `import` for the optional screenshot).
set -euo pipefail
root_dir=$(cd "$(dirname "$0")/../.." && pwd)
dist=${1:-$root_dir/target/dist}
shot=${2:-}
deb=$(ls "$dist"/itinera_*_amd64.deb | head -n 1)
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
ok() { echo "ok - $*"; }
for t in dpkg dpkg-deb Xvfb xdotool; do command -v $t >/dev/null || fail "$t is not installed"; done

scratch=$(mktemp -d)
xpid="" apid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null || true
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# 1. layout
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$scratch/contents"
for f in /opt/itinera/bin/itinera /opt/itinera/lib/app/itinera.cfg /opt/itinera/lib/app/itinera.aot \
         /opt/itinera/lib/runtime/lib/server/libjvm.so /opt/itinera/lib/runtime/lib/modules \
         /opt/itinera/lib/runtime/lib/server/classes.jsa; do
  grep -qx "$f" "$scratch/contents" || fail "$f missing from the package"
done
grep -q '^/opt/itinera/lib/app/itinera-desktop-.*\.jar$' "$scratch/contents" || fail "application jar missing"
grep -q '^/opt/itinera/lib/app/javafx-graphics-.*-linux\.jar$' "$scratch/contents" || fail "JavaFX missing"
for f in /usr/bin/itinera /usr/share/applications/itinera.desktop /usr/share/doc/itinera/copyright; do
  grep -qx "$f" "$scratch/contents" || fail "$f missing from the package"
done
outside=$(grep -v -e '^/$' -e '^/opt/$' -e '^/opt/itinera' -e '^/usr/$' -e '^/usr/bin/$' -e '^/usr/bin/itinera$' \
  -e '^/usr/share/$' -e '^/usr/share/applications/' -e '^/usr/share/doc/' "$scratch/contents" || true)
[ -z "$outside" ] || fail "unexpected files: $outside"
dpkg-deb --field "$deb" Depends | grep -q libgtk-3-0 || fail "Depends lacks libgtk-3-0"
ok "package layout: /opt/itinera (launcher, runtime, jars, AOT cache), /usr/bin/itinera, menu entry ($(du -h "$deb" | cut -f1))"

# 2. install into a scratch dpkg database (maintainer scripts run without chroot; dependencies
#    are not this test's business: the build machine has them)
inst="$scratch/root" admin="$scratch/root/var/lib/dpkg"
mkdir -p "$admin/info" "$admin/updates"
touch "$admin/status" "$admin/available"
dpkg_s() { dpkg --instdir="$inst" --admindir="$admin" --force-depends --force-script-chrootless \
  --force-not-root --log=/dev/null "$@"; }
dpkg_s -i "$deb" >"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log" >&2; fail "dpkg -i"; }
launcher="$inst/opt/itinera/bin/itinera"
[ -x "$launcher" ] || fail "launcher not installed"
dpkg_s -s itinera | grep -q '^Status: install ok installed' || fail "dpkg does not list it as installed"
ok "dpkg -i into a scratch root"
touch "$scratch/installed-at"
sleep 1

# 3. a fresh user's default data folder (no --data-dir): Java takes the home folder from the
#    account, not from $HOME, so the test moves the XDG data folder instead
unset ITINERA_HOME || true
export XDG_DATA_HOME="$scratch/home/.local/share"
mkdir -p "$XDG_DATA_HOME"
data="$XDG_DATA_HOME/itinera"
printf 'smoke test passphrase 2026\n' >"$scratch/pass"
"$launcher" --lang en init --user tester --passphrase-file "$scratch/pass" --name "Smoke Test" \
  --office-code DKR --office-name Dakar --country SEN >"$scratch/init.log" 2>&1 || { cat "$scratch/init.log" >&2; fail "init"; }
[ -f "$data/itinera.db" ] || fail "no database in $data"
grep -q '\[aot\]' "$scratch/init.log" && { cat "$scratch/init.log" >&2; fail "the installed launcher rejects its AOT cache"; }
ok "test account seeded with the installed launcher's CLI into $data"

# 4. the window, a sign-in, a clean exit
disp=$(( 100 + RANDOM % 800 ))
while [ -e /tmp/.X11-unix/X$disp ] || [ -e /tmp/.X$disp-lock ]; do disp=$((disp + 1)); done
Xvfb :$disp -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$disp ] && break; sleep 0.1; done
export DISPLAY=:$disp
log="$data/logs/itinera.log"
"$launcher" --lang en --exit-when signed_in >"$scratch/app.out" 2>&1 &
apid=$!
wait_log() { # pattern seconds
  for _ in $(seq $(( $2 * 10 ))); do
    grep -q "$1" "$log" 2>/dev/null && return 0
    kill -0 "$apid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
wait_log "Start-up: window shown" 90 || { cat "$scratch/app.out" >&2; fail "no window within 90 s"; }
ok "sign-in window shown: $(grep -o 'window shown [0-9]* ms' "$log" | tail -n 1) after process start"
sleep 1.5
wid=$(xdotool search --name '^Itinera$' | head -n 1)
[ -n "$wid" ] || fail "no window titled Itinera"
xdotool windowfocus --sync "$wid" 2>/dev/null || true
[ -n "$shot" ] && command -v import >/dev/null && import -window root "$shot" && ok "screenshot $shot"
xdotool type --delay 40 tester
xdotool key Tab
xdotool type --delay 40 "smoke test passphrase 2026"
xdotool key Return
wait_log "Start-up: main view shown" 60 || { cat "$scratch/app.out" >&2; tail -n 20 "$log" >&2; fail "not signed in within 60 s"; }
ok "signed in: main view shown"
code=0
for _ in $(seq 300); do kill -0 "$apid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$apid" 2>/dev/null && fail "still running 30 s after the window closed"
wait "$apid" || code=$?
apid=""
[ "$code" = 0 ] || { cat "$scratch/app.out" >&2; fail "exit code $code"; }
grep -q ' ERROR ' "$log" && { grep ' ERROR ' "$log" >&2; fail "errors in the log"; }
ok "closed cleanly (exit 0, no error in the log)"

# 5. where the data went; uninstall keeps it
[ -f "$log" ] || fail "no log in $data/logs"
written=$(find "$inst" -newer "$scratch/installed-at" -type f | grep -v '^'"$admin" || true)
[ -z "$written" ] || fail "files written beside the binaries: $written"
ok "data and logs in $data, nothing written under the installation"
# an upgrade: the same package as the next version, installed over this one
mkdir -p "$scratch/next"
dpkg-deb -R "$deb" "$scratch/next/pkg"
v=$(dpkg-deb --field "$deb" Version)
sed -i "s/^Version: .*/Version: $v.1/" "$scratch/next/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$scratch/next/pkg" "$scratch/next/itinera_$v.1_amd64.deb" >/dev/null
rm -rf "$scratch/next/pkg"
dpkg_s -i "$scratch/next/itinera_$v.1_amd64.deb" >"$scratch/dpkg-u.log" 2>&1 || { cat "$scratch/dpkg-u.log" >&2; fail "upgrade"; }
dpkg_s -s itinera | grep -q "^Version: $v.1$" || fail "upgrade not recorded"
"$launcher" --lang en db check --user tester --passphrase-file "$scratch/pass" >"$scratch/check.log" 2>&1 \
  || { cat "$scratch/check.log" >&2; fail "the upgraded app cannot open the data"; }
grep -q "The database is healthy" "$scratch/check.log" || { cat "$scratch/check.log" >&2; fail "db check after upgrade"; }
ok "upgraded to $v.1 over it: the same data opens and checks healthy"
dpkg_s -r itinera >"$scratch/dpkg-r.log" 2>&1 || { cat "$scratch/dpkg-r.log" >&2; fail "dpkg -r"; }
[ ! -e "$launcher" ] || fail "launcher still there after removal"
[ -f "$data/itinera.db" ] && [ -f "$data/keyring.json" ] || fail "data gone after uninstall"
ok "uninstalled; the database and keyring are still in $data"
echo "SMOKE OK"
