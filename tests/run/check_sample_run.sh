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
"$run" "$RELANCE_SOURCE_DIR/sample/factures.fods" "$out" 2026-06-30 >"$out/stdout.txt"

fail() { echo "FAIL: $*" >&2; exit 1; }
summary=$out/summary.txt
[ -s "$out/factures-registre.ods" ] || fail "no converted workbook"
grep -q "Registre créé : 321 factures" "$summary" || fail "summary: $(head -3 "$summary")"
grep -Eq "^[0-9]+ relance\(s\) générée\(s\)" "$summary" || fail "summary has no reminders line"
# The share overdue as a percentage of the receivables, as the dashboard shows it.
grep -Eq "Part échue : [1-9][0-9],[0-9]{2}[^%]{0,4}%" "$summary" || fail "share: $(grep 'Part' "$summary")"

# A believable business: a DSO of a trading joinery, between 45 and 75 days.
dso=$(sed -n 's/^  DSO standard (jours) : \([0-9]*\)$/\1/p' "$summary")
[ -n "$dso" ] && [ "$dso" -ge 45 ] && [ "$dso" -le 75 ] || fail "DSO: $(grep 'DSO standard' "$summary")"

# Every figure computed (the sample is as of 30/06/2026, whose half-year's ECB rate is
# published): no bare "?", and penalties in euros.
if grep -n '?' "$summary"; then fail "a bare ? in the summary"; fi
grep -Eq "Pénalités de retard exigibles : [1-9][^,]*,[0-9]{2} €" "$summary" ||
  fail "penalties: $(grep 'Pénalités' "$summary")"

# Letters of three levels, from the history the owner noted in the sheet.
letters=$out/relances/2026-06-30
for prefix in relance-1 relance-2 mise-en-demeure; do
  [ "$(find "$letters" -name "${prefix}_*.pdf" | wc -l)" -ge 2 ] || fail "fewer than two $prefix letters"
done
# The steering figures: the forecast's weeks, the reminders' effect with a history (the owner's
# notes on invoices since paid), the share of invoices that needed a reminder.
grep -q "^Encaissements attendus (8 semaines)$" "$summary" || fail "summary has no cash-in forecast"
grep -Eq "^  Semaine 8, .* : [0-9][^,]*,[0-9]{2} € \([0-9]+ facture" "$summary" || fail "no week 8 forecast"
grep -Eq "^  Relance 1 : [1-9][0-9]* lettre\(s\) ; Réglées sous 8 j : [0-9]+,[0-9]{2} %.*Délai médian \(j\) : [0-9]+$" \
  "$summary" || fail "reminder effect: $(grep '^  Relance 1 :' "$summary")"
grep -Eq "^Factures relancées .* : [1-9][0-9]?,[0-9]{2} %$" "$summary" ||
  fail "reminded share: $(grep 'Factures relancées' "$summary")"
grep -Eq "^Relance 1 : [0-9]+, Relance 2 : [0-9]+, Mise en demeure : [0-9]+$" "$summary" ||
  fail "no count per level: $(sed -n 2,3p "$summary")"
pdfs=$(find "$letters" -name '*_*.pdf' | wc -l)
emls=$(find "$letters" -name '*.eml' | wc -l)
[ "$pdfs" -ge 8 ] || fail "only $pdfs letters"
[ "$emls" -ge $((pdfs - 2)) ] || fail "$emls e-mails for $pdfs letters"
[ -s "$letters/relances-a-imprimer.pdf" ] || fail "no combined PDF"

# The formal notice claims the statutory penalties and the 40 € indemnity, per invoice.
text=$(pdftotext "$letters/mise-en-demeure_hotel-du-parc-sarl.pdf" -)
for expected in "Hôtel du Parc SARL" "Mise en demeure" "F2026-0059" "12,15 %" "40,00 €" "L441-10"; do
  grep -qF "$expected" <<<"$text" || fail "the formal notice lacks \"$expected\""
done
# Reminder 2 encloses the statement of account; reminder 1 is the courteous one.
pdftotext "$letters/relance-2_cuisines-leroy-sas.pdf" - | grep -qF "Relevé de compte au" ||
  fail "reminder 2 without its statement"
text=$(pdftotext "$letters/relance-1_cave-perrin-fils.pdf" -)
for expected in "Cave Perrin & Fils" "Relance n° 1" "F2026-0076" "simple oubli"; do
  grep -qF "$expected" <<<"$text" || fail "Cave Perrin's letter lacks \"$expected\""
done
# Left out with their reason: the dispute, the promise, the litigation.
for excluded in "Mairie de Saint-Aubin" "Camping Les Pins SARL" "Cabinet Moreau"; do
  if find "$letters" -name '*.pdf' | grep -qi "$(tr ' ' - <<<"${excluded,,}" | cut -c1-12)"; then
    fail "$excluded was chased"
  fi
done
grep -q "^Content-Type: multipart/mixed" "$letters/relance-1_cave-perrin-fils.eml" || fail "e-mail structure"
# The litigation file of a customer served a formal notice: its folder, its zip, the claim
# claiming the formal notice's penalties, and the summary naming them.
litigation=$(find "$out/contentieux" -mindepth 2 -maxdepth 2 -type d -name 2026-06-30 | head -1)
[ -n "$litigation" ] || fail "no litigation file under $out/contentieux"
[ -s "$litigation.zip" ] || fail "no zip of $litigation"
for file in 00-bordereau-de-pieces.pdf 01-decompte-de-la-creance.pdf 02-releve-de-compte.pdf \
            03-factures.ods; do
  [ -s "$litigation/$file" ] || fail "litigation file lacks $file"
done
text=$(pdftotext "$litigation/00-bordereau-de-pieces.pdf" -)
for expected in "Bordereau de pièces" "SIREN" "Mise en demeure du 30/06/2026" "attendez-le"; do
  grep -qF "$expected" <<<"$text" || fail "the litigation file's cover lacks \"$expected\""
done
grep -Eq "^Créance sur .* \(SIREN [0-9]{9}\) au 30/06/2026 : [0-9]+ facture" "$summary" ||
  fail "summary: no litigation line"
echo "sample run: $pdfs letters, $emls e-mails, combined PDF, summary (DSO $dso days)"
