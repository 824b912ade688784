# Shared by the scripts that drive the running service through its API (bench/run's set-up,
# .ci/image-build's training run).
#
#   api_request BASE TOKEN METHOD PATH [JSON]
#       prints the body of a 2xx answer; otherwise says "METHOD PATH answered STATUS: BODY" (or
#       that curl failed, with its exit code: 28 is the time limit) on stderr and returns 1. A POST
#       carries a fresh Idempotency-Key; a JSON body is sent as application/json. At most
#       API_REQUEST_MAX_TIME seconds per request (30; bench/run's closing of a million-entry year
#       takes about 50).

api_request() {
  local base=$1 token=$2 method=$3 path=$4 out status args
  args=(-s --max-time "${API_REQUEST_MAX_TIME:-30}" -w '\n%{http_code}' -X "$method" "$base$path" -H "Authorization: Bearer $token")
  if [ "$method" = POST ]; then
    args+=(-H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)")
  fi
  if [ $# -ge 5 ]; then
    args+=(-H 'Content-Type: application/json' -d "$5")
  fi
  out=$(curl "${args[@]}") || { echo "$method $path: curl failed (exit $?)" >&2; return 1; }
  status=${out##*$'\n'}
  case "$status" in
    2??) printf '%s' "${out%$'\n'*}" ;;
    *) echo "$method $path answered $status: ${out%$'\n'*}" >&2; return 1 ;;
  esac
}
