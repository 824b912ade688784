# Shared by the CI scripts that run the packaged service: reading its log, which is JSON in
# production (one object per line, docs/operating/monitoring.md) and text elsewhere.
#
#   service_log_lines LEVEL FILE...   prints the lines of this level (WARN, ERROR...), in either form
#   service_log_count LEVEL FILE      how many lines of this level FILE has

service_log_lines() {
  local level=$1
  shift
  grep -h -E "\"level\":\"$level\"|^[0-9-]+ [0-9:,.]+ $level " "$@" || true
}

service_log_count() {
  service_log_lines "$1" "$2" | wc -l
}
