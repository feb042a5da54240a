# Sourced by ./mvnw and ./itinera: selects a JDK >= 25 and exports JAVA_HOME.
# Order: JAVA_HOME if it qualifies, then JDKs under /usr/lib/jvm (newest first), then `java` on PATH.
# Stops with a clear message when none is found.
itinera_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
itinera_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(itinera_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 25 ] && return 0
  fi
  for d in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    v=$(itinera_java_major "$d")
    if [ "${v:-0}" -ge 25 ]; then export JAVA_HOME="$d"; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(itinera_java_major "$d")
    if [ "${v:-0}" -ge 25 ]; then export JAVA_HOME="$d"; return 0; fi
  fi
  echo "Itinera needs a JDK 25 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
  echo "Install one, e.g. Temurin 25 (apt: temurin-25-jdk from packages.adoptium.net), or set JAVA_HOME to it." >&2
  return 1
}
itinera_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
