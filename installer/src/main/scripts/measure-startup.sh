#!/usr/bin/env bash
# Start-up of the packaged app (issue 8): process launch → first window shown, with and without
# class-data sharing; optionally → searchable case list after a sign-in on a big database.
#   measure-startup.sh [-n RUNS] [-b BIG_DATA_DIR -u USER -p PASSPHRASE] [APP_IMAGE]
# APP_IMAGE defaults to installer/target/dist/app/itinera (./mvnw -pl installer -am package -Pdist).
# Three variants of the same launcher, run alternately, each run a new process (the OS file cache
# is warm, as on a laptop after the first start of the day):
#   no-cds  -Xshare:off: every class loaded and verified from the jars
#   jdk-cds the runtime's default CDS archive (JDK classes only)
#   aot     what ships: JDK 25 AOT cache (app + JDK classes, loaded and linked) from the build's training run
# Times come from the app's own log ("Start-up: window shown N ms after process start", measured
# from the OS process start time), CPU = user+sys of the whole run (less sensitive to other load).
# With -b: also signs in (xdotool) on that installation and waits for "registry list ready".
# Needs Xvfb and xdotool.
set -euo pipefail
runs=5 big="" user="" pass=""
while getopts "n:b:u:p:" o; do
  case $o in n) runs=$OPTARG ;; b) big=$OPTARG ;; u) user=$OPTARG ;; p) pass=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
here=$(cd "$(dirname "$0")" && pwd)
image=${1:-$here/../../../target/dist/app/itinera}
[ -x "$image/bin/itinera" ] || { echo "no app image at $image" >&2; exit 2; }

scratch=$(mktemp -d)
xpid=""
trap '[ -n "$xpid" ] && kill $xpid 2>/dev/null; rm -rf "$scratch"' EXIT
cp -a "$image" "$scratch/app"     # keeps file times: the AOT cache checks them
app="$scratch/app"
cfg="$app/lib/app/itinera.cfg"
# one launcher per variant: a jpackage launcher reads lib/app/<its own name>.cfg
grep -v 'XX:AOTCache' "$cfg" >"$app/lib/app/jdk-cds.cfg"
{ grep -v 'XX:AOTCache' "$cfg"; echo 'java-options=-Xshare:off'; } >"$app/lib/app/no-cds.cfg"
cp "$cfg" "$app/lib/app/aot.cfg"
for v in jdk-cds no-cds aot; do cp "$app/bin/itinera" "$app/bin/$v"; done
grep -q 'XX:AOTCache=' "$cfg" || echo "warning: this image has no AOT cache" >&2

disp=$(( 100 + RANDOM % 800 ))
while [ -e /tmp/.X11-unix/X$disp ] || [ -e /tmp/.X$disp-lock ]; do disp=$((disp + 1)); done
Xvfb :$disp -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$disp ] && break; sleep 0.1; done
export DISPLAY=:$disp

data="$scratch/data"
printf 'measure start-up passphrase\n' >"$scratch/pass"
"$app/bin/aot" --data-dir "$data" --lang en init --user timer --passphrase-file "$scratch/pass" --name Timer \
  --office-code DKR --office-name Dakar --country SEN >"$scratch/init.log" 2>&1 || { cat "$scratch/init.log" >&2; exit 1; }

ms_of() { grep -o "$1 [0-9]* ms" "$2" | tail -n 1 | grep -o '[0-9]* ms' | cut -d' ' -f1; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in no-cds jdk-cds aot; do : >"$scratch/$v.win"; : >"$scratch/$v.cpu"; done
for i in $(seq "$runs"); do
  for v in no-cds jdk-cds aot; do
    rm -f "$data/logs/itinera.log"
    TIMEFORMAT='%U %S'
    t=$( { time "$app/bin/$v" --data-dir "$data" --exit-when shown >/dev/null 2>&1; } 2>&1 )
    echo "$t" | awk '{printf "%d\n", ($1+$2)*1000}' >>"$scratch/$v.cpu"
    ms_of "window shown" "$data/logs/itinera.log" >>"$scratch/$v.win"
  done
done
printf '%-8s %28s %26s\n' variant "window shown ms (median, all)" "CPU ms whole run (median)"
for v in no-cds jdk-cds aot; do
  printf '%-8s %8s (%s) %12s\n' "$v" "$(median <"$scratch/$v.win")" "$(tr '\n' ' ' <"$scratch/$v.win" | sed 's/ $//')" \
    "$(median <"$scratch/$v.cpu")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

[ -n "$big" ] || exit 0
# to a searchable list: launch, wait for the window, sign in, wait for the registry's count
command -v xdotool >/dev/null || { echo "xdotool missing" >&2; exit 2; }
echo "to searchable list on $big:"
for v in no-cds aot; do
  for i in 1 2; do
    log="$big/logs/itinera.log"
    : >"$log"
    t0=$(date +%s%3N)
    "$app/bin/$v" --data-dir "$big" --lang en >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 600); do grep -q "window shown" "$log" && break; sleep 0.05; done
    win=$(ms_of "window shown" "$log")
    sleep 0.5
    xdotool search --name '^Itinera$' windowfocus --sync >/dev/null 2>&1 || true
    xdotool type --delay 20 "$user"; xdotool key Tab; xdotool type --delay 20 "$pass"
    t_submit=$(date +%s%3N)
    xdotool key Return
    for _ in $(seq 1200); do grep -q "registry list ready" "$log" && break; sleep 0.05; done
    ready=$(grep -o 'registry list ready ([0-9]* persons) [0-9]* ms' "$log" | tail -n 1 | grep -o '[0-9]* ms$' | cut -d' ' -f1)
    main=$(ms_of "main view shown" "$log")
    # what a person waits: the start to the window, plus sign-in click to the list (typing excluded)
    submit_ms=$((t_submit - t0))
    echo "$v run $i: window $win ms; sign-in → main view $((main - submit_ms)) ms; sign-in → searchable list $((ready - submit_ms)) ms; total without typing $((win + ready - submit_ms)) ms ($(grep -o '([0-9]* persons)' "$log" | tail -n 1))"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  done
done
