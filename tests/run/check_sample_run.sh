#!/usr/bin/env bash
# The run command's engine on the bundled sample, into a fresh folder: the outputs the README
# promises must be there and readable.
# The output folder is made by mktemp -d under PARENT_DIR (mode 0700, as a user's own would be),
# and the office profile inside it: the install must not need anyone else to enter it.
#   check_sample_run.sh RELANCE_RUN PARENT_DIR
set -euo pipefail
run=$1
mkdir -p "$2"
rm -rf "$2"/run.*
out=$(mktemp -d "$2/run.XXXXXX")
[ "$(stat -c %a "$out")" = 700 ] || { echo "FAIL: mktemp -d made $out with mode $(stat -c %a "$out")" >&2; exit 1; }
echo "output folder: $out"
"$run" "$RELANCE_SOURCE_DIR/sample/factures.fods" "$out" 2026-11-15 >"$out/stdout.txt"

fail() { echo "FAIL: $*" >&2; exit 1; }
[ -s "$out/factures-registre.ods" ] || fail "no converted workbook"
grep -q "Registre créé : 320 factures" "$out/summary.txt" || fail "summary: $(head -3 "$out/summary.txt")"
grep -Eq "^[0-9]+ relance\(s\) générée\(s\)" "$out/summary.txt" || fail "summary has no reminders line"
# The share overdue as a percentage of the receivables, as the dashboard shows it.
grep -Eq "Part échue : [1-9][0-9],[0-9]{2}[^%]{0,4}%" "$out/summary.txt" || fail "share: $(grep 'Part' "$out/summary.txt")"

# A figure that cannot be computed says why and what to do, never a bare "?".
if grep -n '?' "$out/summary.txt"; then fail "a bare ? in the summary"; fi
grep -qF "Pénalités de retard exigibles : taux BCE 2026-S2 à saisir dans Paramètres" "$out/summary.txt" ||
  fail "penalties: $(grep 'Pénalités' "$out/summary.txt")"

letters=$out/relances/2026-11-15
pdfs=$(find "$letters" -name 'relance-1_*.pdf' | wc -l)
emls=$(find "$letters" -name 'relance-1_*.eml' | wc -l)
[ "$pdfs" -ge 10 ] || fail "only $pdfs letters"
[ "$emls" -eq "$pdfs" ] || fail "$emls e-mails for $pdfs letters"
[ -s "$letters/relances-a-imprimer.pdf" ] || fail "no combined PDF"
text=$(pdftotext "$letters/relance-1_boulangerie-martin.pdf" -)
for expected in "Boulangerie Martin" "Relance n° 1" "F2026-0047" "Si votre règlement a croisé"; do
  grep -qF "$expected" <<<"$text" || fail "Martin's letter lacks \"$expected\""
done
grep -q "^Content-Type: multipart/mixed" "$letters/relance-1_boulangerie-martin.eml" || fail "e-mail structure"
echo "sample run: $pdfs letters, $emls e-mails, combined PDF, summary"
