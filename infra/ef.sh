#!/usr/bin/env bash
# Runs dotnet-ef against the application database model. One migrations set per provider (docs/decisions/0014):
#   infra/ef.sh migrations add AddComplaints     creates the migration in every set (SQLite, SQL Server, PostgreSQL)
#   infra/ef.sh migrations remove                removes the last migration from every set (not yet applied anywhere!),
#                                                refused when the sets' newest migrations differ
#   EF_PROVIDER=SqlServer infra/ef.sh migrations script --idempotent -o out.sql    any other command, one set
#                                                (EF_PROVIDER = Sqlite (default) | SqlServer | PostgreSql)
# No database server is needed to add migrations: the design-time factory only configures the provider.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

project() {
  case "$1" in
    Sqlite) echo src/PropertyCare.Infrastructure ;;
    SqlServer) echo src/PropertyCare.Migrations.SqlServer ;;
    PostgreSql) echo src/PropertyCare.Migrations.PostgreSql ;;
    *) echo "unknown provider $1 (Sqlite | SqlServer | PostgreSql)" >&2; exit 2 ;;
  esac
}

run() { # provider, ef arguments...
  local provider=$1; shift
  local out=()
  [ "${1:-} ${2:-}" = "migrations add" ] && out=(-o "$([ "$provider" = Sqlite ] && echo Data/Migrations || echo Migrations)")
  # The SQLite set keeps the namespace its history was generated with.
  [ "${1:-} ${2:-}" = "migrations add" ] && [ "$provider" = Sqlite ] && out+=(-n PropertyCare.Infrastructure.Data.Migrations)
  # SQLite: the web project starts it as before; the other sets are their own startup project (their factory).
  local startup=src/PropertyCare.Web
  [ "$provider" != Sqlite ] && startup=$(project "$provider")
  # `migrations remove` would ask the database whether the migration is applied; the server sets' design-time
  # connection strings are placeholders (no server here), so they remove without asking.
  [ "${1:-} ${2:-}" = "migrations remove" ] && [ "$provider" != Sqlite ] && out+=(--force)
  dotnet ef "$@" -p "$(project "$provider")" -s "$startup" "${out[@]}" -- --provider "$provider"
}

last() { # provider -> name of its newest migration (without the timestamp)
  local dir="$(project "$1")/$([ "$1" = Sqlite ] && echo Data/Migrations || echo Migrations)"
  ls "$dir" | grep -E '^[0-9]{14}_.*\.cs$' | grep -v '\.Designer\.cs$' | sort | tail -1 | sed -E 's/^[0-9]{14}_//; s/\.cs$//'
}

# The SQLite set has migrations of its own (MaskStoredHistory, WriteAheadLog), so "remove" is safe only when every
# set's newest migration is the same one.
if [ "${1:-} ${2:-}" = "migrations remove" ]; then
  names=$(for p in Sqlite SqlServer PostgreSql; do last "$p"; done | sort -u)
  if [ "$(echo "$names" | wc -l)" != 1 ]; then
    echo "The sets' newest migrations differ ($(echo $names)); remove one set at a time with dotnet ef (see this script's run())." >&2
    exit 2
  fi
fi

if [ "${1:-} ${2:-}" = "migrations add" ] || [ "${1:-} ${2:-}" = "migrations remove" ]; then
  dotnet build src/PropertyCare.Web -nologo -v q >/dev/null
  for provider in Sqlite SqlServer PostgreSql; do
    echo "== $provider"
    run "$provider" "$@" --no-build
  done
else
  run "${EF_PROVIDER:-Sqlite}" "$@"
fi
