#!/bin/sh
# Online backup of the SQLite database (safe while the app runs, WAL included).
# Usage: backup.sh <database file> <backup folder> [days to keep, default 14]
set -eu
db="$1"; dir="$2"; keep="${3:-14}"
mkdir -p "$dir"
target="$dir/propertycare-$(date +%Y%m%d-%H%M%S).db"
sqlite3 "$db" ".backup '$target'"
sqlite3 "$target" "PRAGMA integrity_check;" | grep -qx ok || { echo "backup $target failed its integrity check" >&2; exit 1; }
gzip "$target"
find "$dir" -name 'propertycare-*.db.gz' -mtime +"$keep" -delete
echo "backup written: $target.gz"
