# Shared by the CI checks that drive the packaged service: why a check failed, said again as the
# very last lines of its output. A failing check prints the tails of the service's and the
# database's logs when it stops; CI keeps only the end of a run's output, so without this the
# reason printed before those logs would be lost.
#
#   verdict_reason TEXT...        remembers one reason (fail() calls it before it exits)
#   verdict_lines LABEL TEXT      remembers the first 5 lines of TEXT, each after LABEL
#   verdict_driver_output FILE    a file holding a driver's output: its VIOLATION lines are reasons too
#   verdict_print NAME            prints the reasons under a heading, last; nothing if there are none

verdict_reasons=()
verdict_outputs=()

verdict_reason() {
  verdict_reasons+=("$*")
}

verdict_lines() {
  local label=$1 line
  while IFS= read -r line; do
    [ -n "$line" ] && verdict_reasons+=("$label: ${line:0:600}")
  done < <(printf '%s\n' "$2" | grep -v '^$' | head -n 5)
}

verdict_driver_output() {
  verdict_outputs+=("$1")
}

verdict_print() {
  local name=$1 file
  local lines=()
  for file in "${verdict_outputs[@]}"; do
    [ -f "$file" ] || continue
    # The drivers print each violation at once on a line of its own (tools/common/Violations.java).
    mapfile -t -O "${#lines[@]}" lines < <(grep -h '^VIOLATION: ' "$file" | head -n 20 | cut -c1-600)
  done
  lines+=("${verdict_reasons[@]}")
  [ "${#lines[@]}" -gt 0 ] || return 0
  echo "---- why the $name failed ----" >&2
  printf '  %s\n' "${lines[@]}" >&2
}
