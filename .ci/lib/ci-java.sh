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
