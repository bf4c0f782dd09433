#!/usr/bin/env bash
# Records every public symbol the PublicApiAnalyzers report as undeclared (RS0016) in its package's
# PublicAPI.Unshipped.txt. Run it after adding public API on purpose and review the diff; at a release, move the lines
# to PublicAPI.Shipped.txt. Removed API (RS0017) is left for a person to take out of the files.
set -euo pipefail
cd "$(dirname "$0")/.."
for folder in src/*/; do
  [ -s "$folder/PublicAPI.Unshipped.txt" ] || echo '#nullable enable' > "$folder/PublicAPI.Unshipped.txt"
  [ -e "$folder/PublicAPI.Shipped.txt" ] || echo '#nullable enable' > "$folder/PublicAPI.Shipped.txt"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for _ in 1 2 3; do
  dotnet build Connectors.sln --no-incremental -p:TreatWarningsAsErrors=false > "$log" 2>&1 || true
  grep -q "warning RS0016" "$log" || exit 0
  for project in src/*/*.csproj; do
    unshipped="$(dirname "$project")/PublicAPI.Unshipped.txt"
    { grep -F "[$PWD/$project]" "$log" \
        | grep -oE "warning RS0016: Symbol '[^']+' is not part of the declared public API" \
        | sed -E "s/^warning RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" || true
      grep -v '^#nullable' "$unshipped" || true
    } | sort -u | { echo '#nullable enable'; cat; } > "$unshipped.new"
    mv "$unshipped.new" "$unshipped"
  done
done
