# Shared by the scripts that run the CI's Java drivers: compiles them, with the classes they
# share (.ci/lib/java: Json, Tokens), into one directory, without Maven. JDK 17's source
# launcher runs single files only, and the drivers must not each carry their own copy.
#
#   ci_java_build DIR   compiles .ci/lib/java/*.java and the drivers into DIR; then
#                       java -cp DIR Tokens keygen KEYS, java -cp DIR Drive run ..., and so on

ci_java_build() {
  local out=$1
  mkdir -p "$out"
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -nowarn -encoding UTF-8 -d "$out" \
    .ci/lib/java/*.java .ci/multi-instance/Drive.java .ci/graceful-shutdown/Drain.java
}
