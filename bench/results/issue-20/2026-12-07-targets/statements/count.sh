#!/usr/bin/env bash
# One-off (issue #20, item 1): the SQL statements of one contribution, one vote, one deciding vote
# and one payment (pg_stat_statements: BEGIN and the deferred checks that run inside the COMMIT
# included, the COMMIT itself not; so statements, not round trips).
set -euo pipefail
cd /work/main
source .ci/lib/postgres15.sh; source .ci/lib/ci-java.sh; source .ci/lib/api.sh
use_jdk_25
app=/tmp/bench-build/target/quarkus-app
out=/tmp/b20/count; mkdir -p $out
work=$(mktemp -d /tmp/count.XXXX); pg_port=55451; http_port=55497; base=http://127.0.0.1:$http_port; app_pid=
trap 'set +e; [ -n "$app_pid" ] && kill $app_pid; wait; pg15_stop' EXIT
cp_tools=$(tools_classpath $work/tools)
$JAVA_HOME/bin/java -cp "$cp_tools" org.solidarityfunds.tools.common.Tokens keygen $work/keys
$JAVA_HOME/bin/java -cp "$cp_tools" org.solidarityfunds.tools.common.Tokens sign $work/keys/private.der https://count.invalid \
  c-admin:admin c-finance:finance m1:committee m2:committee m3:committee > $work/tokens
tok() { awk -v r="$1" '$1 == r {print $2}' $work/tokens; }
pg15_install; pg15_start $pg_port
pg15_psql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
runuser -u postgres -- "$PG15_BIN/pg_ctl" -D "$PG15_WORK/data" -w -m fast restart >/dev/null
pg15_psql -d ledger -c "CREATE EXTENSION pg_stat_statements" >/dev/null
( cd $work; exec env MALLOC_ARENA_MAX=2 QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$http_port \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pg_port/ledger" \
  QUARKUS_DATASOURCE_USERNAME=ledger_app QUARKUS_DATASOURCE_PASSWORD="$PG15_APP_PASSWORD" \
  QUARKUS_FLYWAY_USERNAME=ledger_owner QUARKUS_FLYWAY_PASSWORD="$PG15_OWNER_PASSWORD" \
  MP_JWT_VERIFY_PUBLICKEY="$(cat $work/keys/public.pem)" QUARKUS_OIDC_STAFF_TENANT_ENABLED=false \
  MP_JWT_VERIFY_ISSUER=https://count.invalid \
  $JAVA_HOME/bin/java -Xmx256m -Xms256m -Xmn128m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -jar $app/quarkus-run.jar ) > $out/service.log 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' $base/q/health/ready)" = 200 ] && break; sleep 0.2; done
A=$(tok admin); F=$(tok finance)
member() { awk -v n="$1" '$1 == "committee" {i++; if (i == n) print $2}' $work/tokens; }
api_request $base "$A" POST /api/v1/funds '{"code":"CNT-1","name":"Count fund"}' >/dev/null
donor=$(api_request $base "$A" POST /api/v1/donors '{"kind":"COMMUNE","name":"Commune Count"}' | jq -r .id)
pledge=$(api_request $base "$F" POST /api/v1/funds/CNT-1/pledges "{\"donorId\":\"$donor\",\"amount\":{\"amountMinor\":100000000,\"currency\":\"EUR\"},\"pledgedOn\":\"2020-09-15\"}" | jq -r .id)
api_request $base "$A" PUT /api/v1/funds/CNT-1/committee '{"members":[{"subject":"m1","name":"M 1","validFrom":"2020-01-01"},{"subject":"m2","name":"M 2","validFrom":"2020-01-01"},{"subject":"m3","name":"M 3","validFrom":"2020-01-01"}],"quorum":2,"majority":"SIMPLE","reason":"Count"}' >/dev/null
contribution() { api_request $base "$F" POST /api/v1/funds/CNT-1/contributions "{\"donorId\":\"$donor\",\"amount\":{\"amountMinor\":1000000,\"currency\":\"EUR\"},\"receivedOn\":\"2020-10-02\",\"bankReference\":\"B-$1\",\"allocations\":[{\"pledgeId\":\"$pledge\",\"amountMinor\":1000000}]}" >/dev/null; }
request() { api_request $base "$F" POST /api/v1/funds/CNT-1/disbursements '{"beneficiary":{"name":"Beneficiary","country":"MZ"},"purpose":"Count","amount":{"amountMinor":10000,"currency":"EUR"}}' | jq -r .id; }
reset() { pg15_psql -d ledger -c "SELECT pg_stat_statements_reset()" >/dev/null; }
count() { # NAME N: statements per operation over N operations, and the list
  pg15_psql -d ledger -At -F $'\t' -c "SELECT calls, toplevel, regexp_replace(left(query, 110), '\s+', ' ', 'g') FROM pg_stat_statements WHERE userid = 'ledger_app'::regrole ORDER BY toplevel DESC, calls DESC" > $out/$1.tsv
  echo "$1: $(awk -F'\t' -v n=$2 '$2=="t" {t+=$1} $2=="f" {f+=$1} END {printf "%.2f top-level statements per operation (BEGIN and the deferred checks included, COMMIT not), %.2f inside functions and triggers", t/n, f/n}' $out/$1.tsv)" | tee -a $out/summary.txt
}
# warm: a few of each first (caches of what never changes, prepared statements)
for i in 1 2 3 4 5; do contribution w$i; d=$(request); api_request $base "$(member 1)" POST /api/v1/disbursements/$d/votes '{"vote":"FOR"}' >/dev/null; api_request $base "$(member 2)" POST /api/v1/disbursements/$d/votes '{"vote":"FOR"}' >/dev/null; api_request $base "$F" POST /api/v1/disbursements/$d/payment '{"paymentReference":"P-w'$i'","paidOn":"2020-11-02"}' >/dev/null; done
n=10
reset; for i in $(seq 1 $n); do contribution c$i; done; count contribution $n
ids=(); for i in $(seq 1 $n); do ids+=("$(request)"); done
reset; for d in "${ids[@]}"; do api_request $base "$(member 1)" POST /api/v1/disbursements/$d/votes '{"vote":"FOR"}' >/dev/null; done; count vote $n
reset; for d in "${ids[@]}"; do api_request $base "$(member 2)" POST /api/v1/disbursements/$d/votes '{"vote":"FOR"}' >/dev/null; done; count deciding-vote $n
reset; i=0; for d in "${ids[@]}"; do i=$((i+1)); api_request $base "$F" POST /api/v1/disbursements/$d/payment '{"paymentReference":"P-'$i'","paidOn":"2020-11-02"}' >/dev/null; done; count payment $n
