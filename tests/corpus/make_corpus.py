#!/usr/bin/env python3
"""Write the invoice corpus: ten messy invoice files as software and owners produce them, and
manifest.json, the figures the ledger must show once each file is converted.

Usage:  python3 tests/corpus/make_corpus.py OUTPUT_FOLDER

Deterministic (one fixed seed per file), Python 3 standard library only. Every expected
figure is computed here from the data written, through the ledger rules restated in
corpus_common.py, never by running the converter. tests/corpus/README.md lists the files.

manifest.json: {"version": 1, "seed": ..., "remark_keys": [...], "files": [entry, ...]},
each entry:
  file, format ("csv" | "fods"), language ("fr" | "en"), exercises (what it is for);
  load: {filter, filter_options}: the office's import filter and its options string for a
      CSV (null for a flat ODS, which opens as it is);
  save_as: ["as_is", "xlsx" | "ods"]: the test converts the file as loaded and after a round
      trip through the format (stored with its Calc filter, reloaded);
  sheets: the source sheets converted together (the SourceSheets argument), [] for the one;
  as_of: the AsOf argument (ISO); date_order: how the file writes its text dates, for
      information (the test passes no DateOrder: the converter is to decide);
  expected:
    invoices: ledger rows; outstanding_cents: the sum of the ledger's balances;
    remarks: {key: count} for every remark key; remark_invoices: {key: [numbers]};
    import_problems: {blank_row, subtotal_row, duplicate_number}; skipped_rows: their sum;
    credit_notes (when the file has some): ledger rows with a negative amount;
    days_late: null, or {header_row, number_column, column, rule, compared,
      differs_until_fixed}: the file's own days-late column, to compare with the ledger's
      for every row but those listed;
    spot_checks: [{number, outstanding_cents, customer, due_date, status: {fr, en},
      and optionally level, legal_name, siren, invoice_date, outstanding_cents_after_fixes}];
  fixes (optional): {keys, outstanding_cents, days_late_compared}: a second conversion with
      Fixes=<keys joined by ';'> and what it must give.
"""
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_common import REMARK_KEYS  # noqa: E402
from corpus_exports import (write_ar_export_en, write_export_fr_snake,  # noqa: E402
                            write_invoices_en, write_quickbooks_like, write_sage_like_fr)
from corpus_fec import write_fec  # noqa: E402
from corpus_workbooks import (write_facturier_avoirs, write_multi_year,  # noqa: E402
                              write_owner_status, write_relances_maison, write_tableau_mensuel)

SEED = 20261207
WRITERS = [write_ar_export_en, write_export_fr_snake, write_tableau_mensuel,
           write_facturier_avoirs, write_relances_maison, write_quickbooks_like,
           write_sage_like_fr, write_owner_status, write_multi_year, write_invoices_en]


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print(__doc__)
        sys.exit(0 if sys.argv[1:] in (["-h"], ["--help"]) else 2)
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for index, writer in enumerate(WRITERS):
        # One generator per file: changing one file's writer leaves the others as they were.
        entries.append(writer(folder, random.Random(SEED + index)))
    # The accountant's FEC, apart: it is imported, not converted (fec/manifest.json).
    fec = write_fec(folder / "fec", SEED + len(WRITERS))
    print(f"fec/: {fec['invoices']} invoices, {fec['credit_notes']} credit notes, 411 balance "
          f"{fec['balance_cents'] / 100:.2f}")
    manifest = {"version": 1, "seed": SEED, "remark_keys": list(REMARK_KEYS),
                "files": entries}
    with open(folder / "manifest.json", "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")
    for entry in entries:
        expected = entry["expected"]
        remarks = ", ".join(f"{k} {v}" for k, v in expected["remarks"].items() if v)
        print(f"{entry['file']}: {expected['invoices']} invoices, outstanding "
              f"{expected['outstanding_cents'] / 100:.2f}"
              + (f", remarks: {remarks}" if remarks else ""))


if __name__ == "__main__":
    main()
