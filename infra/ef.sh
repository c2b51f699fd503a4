#!/usr/bin/env bash
# Runs dotnet-ef against the application database model, e.g. `infra/ef.sh migrations add AddComplaints`.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
out=()
[ "${1:-} ${2:-}" = "migrations add" ] && out=(-o Data/Migrations)
exec dotnet ef "$@" -p src/PropertyCare.Infrastructure -s src/PropertyCare.Web "${out[@]}"
