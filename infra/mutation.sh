#!/usr/bin/env bash
# Mutation testing with Stryker.NET (docs/testing.md, "Mutation testing"). Not part of .ci/run: it builds and tests
# the code once per group of mutants and takes minutes (Domain) to much longer (Infrastructure).
#   infra/mutation.sh domain                 Domain, against PropertyCare.Domain.Tests
#   infra/mutation.sh infrastructure         the security- and rule-bearing Infrastructure files (list in
#                                            infra/mutation/infrastructure.json), against the SQLite infrastructure tests
#   any further arguments go to Stryker, e.g. infra/mutation.sh domain --concurrency 1 --since:main
# Reports: artifacts/mutation/<target>/reports/mutation-report.{html,json}; the score is the last line printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dotnet tool restore >/dev/null
target=${1:-domain}; [ $# -gt 0 ] && shift
case "$target" in
  domain) tests=tests/PropertyCare.Domain.Tests ;;
  infrastructure) tests=tests/PropertyCare.Infrastructure.Tests ;;
  *) echo "unknown target $target (domain | infrastructure)" >&2; exit 2 ;;
esac
out="$root/artifacts/mutation/$target"
rm -rf "$out"
cd "$tests"
dotnet stryker --config-file "$root/infra/mutation/$target.json" --output "$out" --skip-version-check "$@"
