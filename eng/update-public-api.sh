#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, and drops lines it reports as no longer existing (RS0017).
# Run it after a deliberate public-API change, then review the diff of the PublicAPI files.
# Usage: eng/update-public-api.sh [src/Project]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || mapfile -t projects < <(find src -mindepth 1 -maxdepth 1 -type d | sort)
for dir in "${projects[@]}"; do
  file="$dir/PublicAPI.Unshipped.txt"
  [ -f "$file" ] || continue
  log=$(dotnet build "$dir" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
  added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$log" | sort -u || true)
  removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" <<<"$log" | sort -u || true)
  { echo '#nullable enable'
    { grep -v '^#nullable enable$' "$file" | grep -vxF -f <(printf '%s\n' "$removed") || true
      [ -z "$added" ] || printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u
  } > "$file.tmp" && mv "$file.tmp" "$file"
  echo "$dir: +$(grep -c . <<<"$added" || true) -$(grep -c . <<<"$removed" || true)"
done
