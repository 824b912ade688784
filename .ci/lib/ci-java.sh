# Shared by the scripts that run the CI drivers and the benchmark's programs. Those are compiled
# by the Maven build, warnings as errors, from src/tools/java into target/tools-classes, and the
# build writes the class path they run with (the test class path) to target/tools.classpath
# (docs/adr/0009-tooling-module.md).
#
#   tools_classpath DIR   prints the class path to run them with: a copy of target/tools-classes
#                         in DIR (so that a build running meanwhile cannot change them under a
#                         run), then the dependencies. It builds them first (./mvnw test-compile)
#                         when they are missing or older than src/tools. The service's own
#                         classes are not on it: a program that needs them adds the jar it
#                         works with (bench/run does, for the loader).
#   then: java -cp "$cp" org.solidarityfunds.tools.common.Tokens keygen KEYS, and so on
#   use_jdk_25            exports JAVA_HOME as the JDK 25 that builds, tests and runs the service
#                         (docs/adr/0021-jdk-25.md): JAVA_HOME itself when it is a JDK 25, else
#                         Temurin 25 where every machine of this kind has it; fails, saying so,
#                         when there is none. Maven, the tools and the service then run on it.

use_jdk_25() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "/usr/lib/jvm/temurin-25-jdk-$(dpkg --print-architecture 2>/dev/null || echo amd64)"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if grep -q '^JAVA_VERSION="25[."]' "$candidate/release" 2>/dev/null; then
      if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" != "$JAVA_HOME" ]; then
        echo "JAVA_HOME ($JAVA_HOME) is not a JDK 25: using $candidate" >&2
      fi
      export JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "No JDK 25: JAVA_HOME (${JAVA_HOME:-unset}) is not one, nor is /usr/lib/jvm/temurin-25-jdk-*; install Temurin 25 or point JAVA_HOME at a JDK 25." >&2
  return 1
}

tools_classpath() {
  local copy=$1 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if tools_stale "$root"; then
    echo "target/tools-classes is missing or older than src/tools: building it (./mvnw test-compile)" >&2
    (cd "$root" && ./mvnw -B -ntp -q test-compile) >&2
  fi
  mkdir -p "$copy"
  cp -a "$root/target/tools-classes/." "$copy/"
  echo "$copy:$(cat "$root/target/tools.classpath")"
}

# True when target/tools-classes or target/tools.classpath is missing, or a file under src/tools
# is newer than the newest class (the compiler rebuilds them all when any source changed).
tools_stale() {
  local root=$1 newest
  [ -f "$root/target/tools.classpath" ] || return 0
  newest=$(find "$root/target/tools-classes" -name '*.class' -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-)
  [ -n "$newest" ] || return 0
  [ -n "$(find "$root/src/tools" -type f -newer "$newest" -print -quit)" ]
}
