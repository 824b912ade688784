# Shared by the CI scripts that need a standalone PostgreSQL 15 with the production roles
# (docs/operating/database-roles.md): .ci/postgres15-tests and .ci/multi-instance-test.
# Source it, set a trap that calls pg15_stop, then call pg15_start PORT. Needs root: the
# server runs as the postgres user. Only throwaway passwords, for CI only.
#
#   pg15_install        installs Debian's postgresql-15 when it is missing
#   pg15_start PORT     a new cluster in a temporary directory (PG15_WORK), scram auth,
#                       listening on localhost:PORT; creates ledger_owner, ledger_app and the
#                       database ledger owned by ledger_owner
#   pg15_stop           stops the server and removes PG15_WORK; safe to call at any time
#   pg15_psql ARGS...   psql as the postgres superuser on the server started (database: -d)
#   pg15_export_service_env   exports the QUARKUS_* variables the service and the tests use

PG15_BIN=/usr/lib/postgresql/15/bin
PG15_SUPERUSER_PASSWORD=postgres-ci-only
PG15_OWNER_PASSWORD=owner-ci-only
PG15_APP_PASSWORD=app-ci-only
PG15_WORK=

pg15_install() {
  if [ ! -x "$PG15_BIN/initdb" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
}

pg15_start() {
  PG15_PORT=$1
  PG15_WORK=$(mktemp -d /tmp/ledger-pg15.XXXXXX)
  chown postgres "$PG15_WORK"
  echo "$PG15_SUPERUSER_PASSWORD" > "$PG15_WORK/pwfile" && chown postgres "$PG15_WORK/pwfile"
  runuser -u postgres -- "$PG15_BIN/initdb" -D "$PG15_WORK/data" -U postgres -A scram-sha-256 \
    --pwfile="$PG15_WORK/pwfile" >/dev/null
  runuser -u postgres -- "$PG15_BIN/pg_ctl" -D "$PG15_WORK/data" -l "$PG15_WORK/server.log" -w \
    -o "-p $PG15_PORT -k $PG15_WORK -c listen_addresses=localhost -c fsync=on" start >/dev/null

  # The production roles (docs/operating/database-roles.md), with throwaway passwords.
  pg15_psql <<SQL
CREATE ROLE ledger_owner LOGIN PASSWORD '$PG15_OWNER_PASSWORD';
CREATE ROLE ledger_app LOGIN PASSWORD '$PG15_APP_PASSWORD';
CREATE DATABASE ledger OWNER ledger_owner;
\c ledger
ALTER SCHEMA public OWNER TO ledger_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
}

pg15_stop() {
  if [ -n "${PG15_WORK:-}" ]; then
    runuser -u postgres -- "$PG15_BIN/pg_ctl" -D "$PG15_WORK/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG15_WORK"
    PG15_WORK=
  fi
}

pg15_psql() {
  PGPASSWORD="$PG15_SUPERUSER_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG15_PORT" -U postgres "$@"
}

pg15_version() {
  "$PG15_BIN/postgres" --version | awk '{print $3}'
}

pg15_export_service_env() {
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG15_PORT/ledger"
  export QUARKUS_DATASOURCE_USERNAME=ledger_app QUARKUS_DATASOURCE_PASSWORD="$PG15_APP_PASSWORD"
  export QUARKUS_FLYWAY_USERNAME=ledger_owner QUARKUS_FLYWAY_PASSWORD="$PG15_OWNER_PASSWORD"
}
