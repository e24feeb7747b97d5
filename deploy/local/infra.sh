#!/usr/bin/env bash
# Local infrastructure for development and CI: Apache Kafka (from Maven Central) and one PostgreSQL database
# per service on the PostgreSQL server at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres).
# Usage: infra.sh up|down|status
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB_PREFIX=${DB_PREFIX:-opm_}
SERVICES=(sales production purchasing quality finance logistics)

postgres_up() {
  if ! pg_isready -q -t 5; then
    # A Debian cluster that is installed but stopped is started; anything else is the operator's to start.
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    fi
    for _ in $(seq 1 30); do pg_isready -q -t 1 && break; sleep 1; done
    pg_isready -q -t 5 || { echo "postgres: nothing answers on $PGHOST:$PGPORT" >&2; return 1; }
  fi
  for s in "${SERVICES[@]}"; do
    db="${DB_PREFIX}${s}"
    if [ "$(psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      psql -d postgres -qc "CREATE DATABASE $db" && echo "postgres: created $db" >&2
    fi
  done
  echo "postgres: ready on $PGHOST:$PGPORT, databases ${DB_PREFIX}{$(IFS=,; echo "${SERVICES[*]}")}" >&2
}

case "${1:-}" in
  up) bash "$here/kafka/kafka.sh" start && postgres_up ;;
  down) bash "$here/kafka/kafka.sh" stop ;;
  status) bash "$here/kafka/kafka.sh" status; pg_isready ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
