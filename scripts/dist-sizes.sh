#!/usr/bin/env bash
# Prints every file of a build folder with its raw and gzip -9 size, and totals.
#   scripts/dist-sizes.sh [dist]
set -euo pipefail
dir=${1:-dist}
printf '\n%-48s %10s %10s\n' "dist file" "raw B" "gzip-9 B"
printf '%-48s %10s %10s\n' "------------------------------------------------" "----------" "----------"
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"
