"""Files that software writes: an AR tool's English export, a French invoicing program's
export, a QuickBooks-like invoice list, a Sage-like ledger extract and a small English sheet.
Each writer returns its manifest entry (see make_corpus.py for the format)."""
import datetime as dt
import string

from corpus_common import (LedgerRow, TRADE_SEASON, check_overpaid_customers, days_late,
                           decimal_text, due_from_terms, fr_date,
                           french_customers, grouped_text, is_vat_ratio, lognormal_cents,
                           remark_counts, seasonal_dates, siren, ttc_from_ht, us_date,
                           write_csv)

CSV_FILTER = "Text - txt - csv (StarCalc)"


def csv_load(separator):
    """How a user in a French office opens the file: UTF-8, French locale, quoted fields not
    forced to text, "detect special numbers" off, so that dates and decimal-point amounts stay
    text (which the converter reads) and only plain French numbers become numbers."""
    return {"filter": CSV_FILTER,
            "filter_options": f"{ord(separator)},34,76,1,,1036,false,false"}


def no_problems(**counts):
    problems = {"blank_row": 0, "subtotal_row": 0, "duplicate_number": 0}
    problems.update(counts)
    return problems


# --- 1. ar_export_en.csv --------------------------------------------------------------------

def write_ar_export_en(folder, rng):
    """An AR tool's export in the layout of the public "accounts receivable" data set."""
    as_of = dt.date(2026, 3, 31)
    countries = [391, 406, 770, 818, 897]
    ids = set()
    while len(ids) < 100:
        ids.add(f"{rng.randint(0, 9999):04d}-"
                + "".join(rng.choice(string.ascii_uppercase) for _ in range(5)))
    customers = []
    for customer_id in sorted(ids):
        slow = rng.random() < 0.2
        customers.append(dict(
            id=customer_id, country=rng.choices(countries, weights=[3, 2, 2, 2, 1])[0],
            paperless=dt.date(2023, 6, 1) + dt.timedelta(days=rng.randint(0, 900)),
            settle=(38, 16) if slow else (24, 8), weight=rng.uniform(0.3, 2.5)))
    dates = seasonal_dates(rng, dt.date(2024, 1, 2), dt.date(2025, 12, 31), 2400,
                           [1.0] * 11 + [0.8])
    numbers = rng.sample(range(100000, 9999999), len(dates))
    header = ["countryCode", "customerID", "PaperlessDate", "invoiceNumber", "InvoiceDate",
              "DueDate", "InvoiceAmount", "Disputed", "SettledDate", "PaperlessBill",
              "DaysToSettle", "DaysLate"]
    rows, ledger = [header], []
    weights = [c["weight"] for c in customers]
    for invoice_date, number in zip(dates, numbers):
        customer = rng.choices(customers, weights=weights)[0]
        due = invoice_date + dt.timedelta(days=30)
        amount = 0
        while not 500 <= amount <= 13000:
            amount = int(round(rng.gauss(5900, 2000)))
        disputed = rng.random() < (0.35 if customer["settle"][0] > 30 else 0.15)
        mean, spread = customer["settle"]
        to_settle = max(0, int(round(rng.gauss(mean + (14 if disputed else 0), spread))))
        to_settle = min(to_settle, (as_of - invoice_date).days - 1)
        settled = invoice_date + dt.timedelta(days=to_settle)
        late = max(0, (settled - due).days)
        rows.append([customer["country"], customer["id"], us_date(customer["paperless"]),
                     number, us_date(invoice_date), us_date(due), decimal_text(amount, "."),
                     "Yes" if disputed else "No", us_date(settled),
                     "Electronic" if invoice_date >= customer["paperless"] else "Paper",
                     to_settle, late])
        row = LedgerRow(str(number), customer["id"], invoice_date, due, amount, amount, settled)
        assert row.days_late(as_of) == late
        ledger.append(row)
    write_csv(folder / "ar_export_en.csv", rows, ",", "\n")
    remarks, listed = remark_counts({})
    return {
        "file": "ar_export_en.csv", "format": "csv", "language": "en",
        "exercises": "camelCase headers of an English AR tool, US dates M/D/YYYY, decimal "
                     "points, derived columns (DaysToSettle, DaysLate) left unmapped, every "
                     "invoice settled; its DaysLate against the ledger's days late",
        "load": csv_load(","), "save_as": ["as_is", "xlsx"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "MDY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": 0,
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(), "skipped_rows": 0,
            "days_late": {
                "header_row": 1, "number_column": "invoiceNumber", "column": "DaysLate",
                "rule": "max(0, SettledDate - DueDate); every invoice is settled on or before "
                        "the as-of date, so the ledger counts to its payment date too",
                "compared": len(ledger), "differs_until_fixed": []},
            "spot_checks": [r.spot(as_of) for r in rng.sample(ledger, 5)],
        },
    }


# --- 2. export_fr_snake.csv -----------------------------------------------------------------

def write_export_fr_snake(folder, rng):
    """A French invoicing program's export whose payments recorded from April to September
    2025 (the bank import misconfigured) mostly carry the HT amount instead of the TTC."""
    as_of = dt.date(2026, 6, 30)
    names = french_customers(rng, 70)
    customers = []
    for k, name in enumerate(names):
        kind = rng.choices(["good", "slow", "bad"], weights=[70, 22, 8])[0]
        customers.append(dict(
            name=name, code=f"C{k + 1:04d}", kind=kind, weight=rng.uniform(0.3, 2.8),
            terms=rng.choice(["30 jours", "30 jours", "45 jours fin de mois", "60 jours"])))
    dates = seasonal_dates(rng, dt.date(2025, 1, 2), dt.date(2026, 6, 26), 1500, TRADE_SEASON)
    header = ["numero_facture", "code_client", "nom_client", "date_facture", "date_echeance",
              "montant_ht", "montant_ttc", "montant_regle", "date_reglement", "statut",
              "jours_retard", "annee", "mois"]
    rows, ledger, mistakes = [header], [], []
    delays = {"good": (-12, 8), "slow": (5, 45), "bad": (25, 110)}
    per_year = {}
    for invoice_date in dates:
        customer = rng.choices(customers, weights=[c["weight"] for c in customers])[0]
        per_year[invoice_date.year] = per_year.get(invoice_date.year, 0) + 1  # restarts
        number = f"FA{invoice_date.year}-{per_year[invoice_date.year]:05d}"
        due = due_from_terms(invoice_date, customer["terms"])
        rate = rng.choices([200, 100, 55], weights=[75, 18, 7])[0]
        ht = lognormal_cents(rng, 850, 0.9, 60, 25000)
        ttc = ttc_from_ht(ht, rate)
        low, high = delays[customer["kind"]]
        paid_on = max(invoice_date + dt.timedelta(days=1),
                      due + dt.timedelta(days=rng.randint(low, high)))
        if customer["kind"] == "bad" and rng.random() < 0.25:
            paid_on = None  # never paid: a customer in difficulty
        if paid_on and paid_on <= as_of:
            statut, paid = "Payée", ttc
            if dt.date(2025, 4, 1) <= paid_on <= dt.date(2025, 9, 30) and rng.random() < 0.62:
                paid = ht
                mistakes.append(number)
            late = max(0, (paid_on - due).days)
        elif rng.random() < 0.18:
            statut = "Partiellement payée"
            paid = (ttc * rng.choice([30, 40, 50]) // 100) // 100 * 100  # a round deposit
            paid_on = invoice_date + dt.timedelta(days=rng.randint(3, 20))
            late = max(0, (as_of - due).days)
        else:
            statut, paid, paid_on = "Impayée", 0, None
            late = max(0, (as_of - due).days)
        assert paid != ht or number in mistakes
        rows.append([number, customer["code"], customer["name"], fr_date(invoice_date),
                     fr_date(due), decimal_text(ht), decimal_text(ttc), decimal_text(paid),
                     fr_date(paid_on) if paid_on else "", statut, late, invoice_date.year,
                     invoice_date.month])
        row = LedgerRow(number, customer["name"], invoice_date, due, ttc, paid, paid_on)
        row.fixed_balance = 0 if number in mistakes else row.balance
        row.file_late = late
        ledger.append(row)
    write_csv(folder / "export_fr_snake.csv", rows, ";")
    for row in ledger:  # the file's rule is the ledger's, but on the HT/TTC rows until fixed
        fixed_late = days_late(row.due, row.payment_date, row.fixed_balance, as_of)
        assert fixed_late == row.file_late
        assert (row.days_late(as_of) == row.file_late) == (row.number not in mistakes)
    remarks, listed = remark_counts({"paid_excl_vat": mistakes})
    by_number = {r.number: r for r in ledger}
    spots = [by_number[rng.choice(mistakes)]]
    for statut in ("Partiellement payée", "Impayée", "Payée"):
        spots += rng.sample([by_number[r[0]] for r in rows[1:] if r[9] == statut
                             and r[0] not in mistakes], 2)
    return {
        "file": "export_fr_snake.csv", "format": "csv", "language": "fr",
        "exercises": "snake_case headers of a French export, ';' and decimal commas, HT and "
                     "TTC columns, the HT/TTC mistake (montant_regle = HT on invoices marked "
                     "Payée), partial payments, derived columns (jours_retard, annee, mois) "
                     "left unmapped; its jours_retard against the ledger's days late",
        "load": csv_load(";"), "save_as": ["as_is", "ods"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(), "skipped_rows": 0,
            "days_late": {
                "header_row": 1, "number_column": "numero_facture", "column": "jours_retard",
                "rule": "Payée: max(0, date_reglement - date_echeance); Impayée and "
                        "Partiellement payée: max(0, as-of - date_echeance). The ledger "
                        "counts the HT/TTC rows to the as-of date until the fix settles them "
                        "(it sees TTC - HT still due): they are compared after the fix only",
                "compared": len(ledger) - len(mistakes), "differs_until_fixed": mistakes},
            "spot_checks": [r.spot(as_of, outstanding_cents_after_fixes=r.fixed_balance)
                            for r in spots],
        },
        "fixes": {"keys": ["paid_excl_vat"],
                  "outstanding_cents": sum(r.fixed_balance for r in ledger),
                  "days_late_compared": len(ledger)},
    }


# --- 6. quickbooks_like.csv -----------------------------------------------------------------

EN_CUSTOMERS = ["Harbor View Dental", "Oakridge Property Management", "Blue Heron Cafe",
                "Summit Physical Therapy", "Maple Street Bakery", "Riverside Veterinary Clinic",
                "Greenfield Elementary PTA", "Lakeside Yacht Club", "Pioneer Auto Body",
                "Cedar Grove HOA", "Northwind Traders", "Bayside Chiropractic",
                "Silver Birch Apartments", "Copper Kettle Restaurant", "Hillcrest Church",
                "Evergreen Senior Living", "Foxglove Florist", "Granite State Realty",
                "Tidewater Marina", "Willow Creek Winery", "Ironwood Fitness",
                "Sunrise Montessori"]


def write_quickbooks_like(folder, rng):
    """A QuickBooks-like invoice list: title lines, quoted amounts with thousands separators,
    Net 30 / Due on receipt terms, an Open Balance column and a TOTAL line."""
    as_of = dt.date(2026, 6, 30)
    terms_of = {c: rng.choices(["Net 30", "Net 15", "Due on receipt", "Net 60"],
                               weights=[50, 20, 20, 10])[0] for c in EN_CUSTOMERS}
    season = [0.3, 0.3, 0.7, 1.3, 1.6, 1.5, 1.3, 1.2, 1.1, 1.3, 0.8, 0.4]  # landscaping
    dates = seasonal_dates(rng, dt.date(2025, 7, 1), dt.date(2026, 6, 26), 160, season)
    memos = ["Spring cleanup", "Weekly mowing - May", "Irrigation repair", "Mulch delivery",
             "Tree removal", "Snow plowing", "Hardscape - patio", "Fall leaf removal", ""]
    rows = [["Brightwater Landscaping LLC"], ["Invoice List"], ["All Dates"], [],
            ["Num", "Customer", "Date", "Due Date", "Terms", "Amount", "Open Balance",
             "Memo"]]
    ledger, disputed = [], set(rng.sample(EN_CUSTOMERS, 2))
    for k, invoice_date in enumerate(dates):
        customer = rng.choice(EN_CUSTOMERS)
        terms = terms_of[customer]
        due = due_from_terms(invoice_date, terms)
        amount = lognormal_cents(rng, 1100, 0.8, 85, 24000)
        paid_by = due + dt.timedelta(days=rng.randint(-10, 40))
        open_balance = 0 if paid_by <= as_of else amount
        memo = rng.choice(memos)
        flag = None
        if open_balance and rng.random() < 0.25:
            open_balance = amount - amount * rng.choice([25, 50]) // 100
            memo = "Deposit received"
        if customer in disputed and open_balance == amount and due < as_of and \
                not any(r.flag for r in ledger if r.customer == customer):
            memo, flag = "Disputed - crew no-show on 2 visits", "disputed"
        number = str(1001 + k)
        rows.append([number, customer, us_date(invoice_date), us_date(due), terms,
                     grouped_text(amount), grouped_text(open_balance), memo])
        ledger.append(LedgerRow(number, customer, invoice_date, due, amount,
                                amount - open_balance, None, flag))
    rows.append(["TOTAL", "", "", "", "", grouped_text(sum(r.amount for r in ledger)),
                 grouped_text(sum(r.balance for r in ledger)), ""])
    write_csv(folder / "quickbooks_like.csv", rows, ",")
    remarks, listed = remark_counts({})
    spots = [r for r in ledger if r.flag][:1] + rng.sample(
        [r for r in ledger if 0 < r.balance < r.amount], 1) + rng.sample(ledger, 3)
    return {
        "file": "quickbooks_like.csv", "format": "csv", "language": "en",
        "exercises": "an English invoice list with title lines, US dates, quoted amounts "
                     "with thousands separators, Net 30 / Due on receipt terms, an Open "
                     "Balance column, a memo naming a dispute, a TOTAL line",
        "load": csv_load(","), "save_as": ["as_is", "ods"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "MDY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(subtotal_row=1), "skipped_rows": 1,
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }


# --- 7. sage_like_fr.csv --------------------------------------------------------------------

def write_sage_like_fr(folder, rng):
    """A Sage-like extract of a farm-supply wholesaler: customer codes, legal names, SIREN,
    HT and TTC, paid amounts and dates, balances; and the typos an accountant finds."""
    as_of = dt.date(2026, 6, 30)
    customers = []
    for k, name in enumerate(french_customers(rng, 30)):
        word = "".join(c for c in name.upper() if c in string.ascii_uppercase)[:6]
        customers.append(dict(code=f"{word}{k + 1:02d}", legal=name, siren=siren(rng),
                              terms=rng.choice(["30 jours", "45 jours fin de mois"])))
    dates = seasonal_dates(rng, dt.date(2026, 1, 5), dt.date(2026, 6, 26), 220,
                           [0.8, 0.9, 1.3, 1.4, 1.2, 1.0] + [1.0] * 6)
    entries = []
    for k, invoice_date in enumerate(dates, start=1):
        customer = rng.choice(customers)
        due = due_from_terms(invoice_date, customer["terms"])
        ht = lognormal_cents(rng, 1300, 0.9, 90, 30000)
        rate = rng.choices([200, 100, 55], weights=[60, 25, 15])[0]
        ttc = ttc_from_ht(ht, rate)
        paid_on = due + dt.timedelta(days=rng.randint(-15, 30))
        paid = paid_on <= as_of
        entries.append(dict(number=f"FC26-{k:04d}", customer=customer, date=invoice_date,
                            due=due, ht=ht, rate=rate, ttc=ttc, paid=ttc if paid else 0,
                            paid_on=paid_on if paid else None))
    found = {key: [] for key in ("vat_ratio", "payment_before_invoice", "due_before_invoice",
                                 "overpaid", "number_other_amount")}
    # A customer who paid an invoice twice; all his invoices are settled, so the excess
    # stays unallocated.
    payer = rng.choice(customers)
    for e in entries:
        if e["customer"] is payer and not e["paid"]:
            e["paid"], e["paid_on"] = e["ttc"], min(as_of, e["date"] + dt.timedelta(days=9))
    twice = rng.choice([e for e in entries if e["customer"] is payer])
    twice["paid"] = 2 * twice["ttc"]
    found["overpaid"].append(twice["number"])
    used = {twice["number"]}

    def pick(condition):
        choice = rng.choice([e for e in entries if condition(e) and e["number"] not in used
                             and e["customer"] is not payer])
        used.add(choice["number"])
        return choice
    while len(found["vat_ratio"]) < 3:  # a TTC typed with two digits swapped, left unpaid
        e = pick(lambda e: e["paid"] == 0 and e["ttc"] >= 10000)
        digits = list(str(e["ttc"]))
        digits[1], digits[2] = digits[2], digits[1]
        typed = int("".join(digits))
        if is_vat_ratio(e["ht"], typed):
            continue  # same digits, or a swap that happens to be a rate: not a typo to find
        e["ttc"] = typed
        found["vat_ratio"].append(e["number"])
    for _ in range(2):  # a payment dated the year before (2025 typed for 2026)
        e = pick(lambda e: e["paid"])
        e["paid_on"] = e["paid_on"].replace(year=2025)
        found["payment_before_invoice"].append(e["number"])
    for _ in range(2):  # a due date typed before the invoice's, still unpaid
        e = pick(lambda e: e["paid"] == 0)
        e["due"] = e["date"] - dt.timedelta(days=rng.randint(5, 20))
        found["due_before_invoice"].append(e["number"])
    # The same number typed again further down with another amount (the later row).
    e = pick(lambda e: e["paid"] == 0 and e["date"] < dt.date(2026, 6, 1))
    retyped = dict(e, ht=e["ht"] + 10000)
    retyped["ttc"] = ttc_from_ht(retyped["ht"], e["rate"])
    found["number_other_amount"].append(e["number"])
    entries.insert(entries.index(e) + rng.randint(8, 20), retyped)

    header = ["Code client", "Raison sociale", "SIREN", "N° facture", "Date", "Échéance",
              "Mt HT", "Mt TTC", "Réglé", "Date règlement", "Reste dû"]
    rows, ledger, seen = [header], [], set()
    for e in entries:
        c = e["customer"]
        rows.append([c["code"], c["legal"], c["siren"], e["number"], fr_date(e["date"]),
                     fr_date(e["due"]), decimal_text(e["ht"]), decimal_text(e["ttc"]),
                     decimal_text(e["paid"]), fr_date(e["paid_on"]) if e["paid_on"] else "",
                     decimal_text(e["ttc"] - e["paid"])])
        if e["number"] in seen:
            continue  # the ledger keeps the first row of a number
        seen.add(e["number"])
        row = LedgerRow(e["number"], c["code"], e["date"], e["due"], e["ttc"], e["paid"],
                        e["paid_on"])
        row.legal, row.siren = c["legal"], c["siren"]
        ledger.append(row)
    write_csv(folder / "sage_like_fr.csv", rows, ";")
    check_overpaid_customers(ledger, found["overpaid"])
    remarks, listed = remark_counts(found)
    by_number = {r.number: r for r in ledger}
    spots = [by_number[found[key][0]] for key in found]
    spots += rng.sample([r for r in ledger if r.number not in used], 2)
    return {
        "file": "sage_like_fr.csv", "format": "csv", "language": "fr",
        "exercises": "an accounting extract: customer codes with legal names and SIREN, HT "
                     "and TTC with a few TTC that are no VAT rate (typos), payments dated "
                     "before their invoice, due dates before the invoice date, an invoice "
                     "paid twice, a number retyped with another amount",
        "load": csv_load(";"), "save_as": ["as_is", "xlsx"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(duplicate_number=1), "skipped_rows": 1,
            "days_late": None,
            "spot_checks": [r.spot(as_of, legal_name=r.legal, siren=r.siren) for r in spots],
        },
    }


# --- 10. invoices_en.csv --------------------------------------------------------------------

def write_invoices_en(folder, rng):
    """A small English sheet kept by a translation agency in Lyon: ISO dates, VAT-inclusive
    amounts, the owner's notes (a dispute, a payment promise)."""
    as_of = dt.date(2026, 6, 30)
    clients = [("Atelier Nord SAS", "C-003"), ("Brasserie du Port", "C-007"),
               ("Cabinet Vidal Avocats", "C-011"), ("Domaine des Trois Chênes", "C-014"),
               ("Eurotrans Logistics", "C-018"), ("Fondation Lumière", "C-021"),
               ("Galerie Saint-Jean", "C-025"), ("Hexa Robotics GmbH", "C-030")]
    dates = seasonal_dates(rng, dt.date(2026, 1, 5), dt.date(2026, 6, 24), 40, [1.0] * 12)
    header = ["Invoice #", "Customer Name", "Customer ID", "Issue Date", "Due Date",
              "Amount (incl. VAT)", "Paid", "Paid Date", "Notes"]
    entries = []
    for k, issued in enumerate(dates, start=1):
        name, code = rng.choice(clients)
        due = issued + dt.timedelta(days=30)
        amount = ttc_from_ht(lognormal_cents(rng, 900, 0.7, 120, 9000), 200)
        paid_on = due + dt.timedelta(days=rng.randint(-12, 25))
        entry = dict(number=f"INV-2026-{k:03d}", name=name, code=code, issued=issued, due=due,
                     amount=amount, paid=0, paid_on=None, note="", flag=None)
        if paid_on <= as_of:
            entry.update(paid=amount, paid_on=paid_on,
                         note="paid by card" if rng.random() < 0.15 else "")
        elif rng.random() < 0.3:
            entry.update(paid=amount * 40 // 100, paid_on=issued + dt.timedelta(days=5),
                         note="40% upfront")
        entries.append(entry)
    # Two invoices of the spring the customer disputes, one he promised to pay in July.
    spring = [e for e in entries if dt.date(2026, 3, 1) <= e["issued"] <= dt.date(2026, 4, 30)]
    for e, note, flag in zip(rng.sample(spring, 3), ["disputed", "disputed",
                                                     "promise 2026-07-15"],
                             ["disputed", "disputed", "promised"]):
        e.update(paid=0, paid_on=None, note=note, flag=flag)
    rows, ledger = [header], []
    for e in entries:
        rows.append([e["number"], e["name"], e["code"], e["issued"].isoformat(),
                     e["due"].isoformat(), decimal_text(e["amount"], "."),
                     decimal_text(e["paid"], "."),
                     e["paid_on"].isoformat() if e["paid_on"] else "", e["note"]])
        ledger.append(LedgerRow(e["number"], e["name"], e["issued"], e["due"], e["amount"],
                                e["paid"], e["paid_on"], e["flag"]))
    write_csv(folder / "invoices_en.csv", rows, ",")
    remarks, listed = remark_counts({})
    spots = [r for r in ledger if r.flag] + rng.sample([r for r in ledger if not r.flag], 2)
    return {
        "file": "invoices_en.csv", "format": "csv", "language": "en",
        "exercises": "a small English sheet: ISO dates, decimal points, a customer name and "
                     "a customer ID column, partial payments, notes naming a dispute and a "
                     "promise with its ISO date",
        "load": csv_load(","), "save_as": ["as_is", "xlsx"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "YMD",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(), "skipped_rows": 0,
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }

