"""Sheets that owners keep by hand: a sheet per month, an invoice book with credit notes, a
status column that contradicts the amounts, a sheet per year, and a reminder sheet exported
to CSV. Each writer returns its manifest entry (see make_corpus.py for the format)."""
import datetime as dt

from corpus_common import (LedgerRow, MOIS, MOIS_TITRE, TRADE_SEASON, date_cell,
                           due_from_terms, euro_text, fr_date, french_customers, long_fr_date,
                           lognormal_cents, money_cell, remark_counts, seasonal_dates,
                           text_cell, ttc_from_ht, write_csv, write_fods)
from corpus_exports import csv_load, no_problems

FODS_LOAD = {"filter": None, "filter_options": None}
GENERATOR = "make_corpus.py (Relance invoice corpus)"


def subtotal(label, amount_column, sums, width):
    """A bold "Total ..." row: the label in the first column, sums under their columns."""
    row = [text_cell(label, "ceSub")] + [None] * (width - 1)
    for column, cents in zip(amount_column, sums):
        row[column] = ("submoney", cents)
    return row


# --- 3. tableau_mensuel_2026.fods -----------------------------------------------------------

def write_tableau_mensuel(folder, rng):
    """A caterer's workbook with one sheet per month, January to June 2026."""
    as_of = dt.date(2026, 6, 30)
    customers = french_customers(rng, 22)
    header = ["N°", "Client", "Date", "Échéance", "Montant TTC", "Réglé le", "Reste dû",
              "Remarques"]
    season = [0.7, 0.8, 1.0, 1.1, 1.4, 1.7]  # weddings and company parties in spring
    sheets, ledger, number = [], [], 0
    credit_notes, duplicate = 0, None
    for month in range(1, 7):
        first = dt.date(2026, month, 1)
        last = min(dt.date(2026, month + 1, 1) - dt.timedelta(days=1), dt.date(2026, 6, 26))
        dates = seasonal_dates(rng, first, last, int(24 * season[month - 1]), [1.0] * 12)
        rows = [[text_cell(f"Factures de {MOIS[month - 1]} 2026 — Les Saveurs d'Anjou, "
                           "traiteur", "ceTitle")], [],
                [text_cell(h, "ceHead") for h in header]]
        if duplicate:  # January's last invoice typed again at the top of February
            rows.append(duplicate)
            duplicate = None
        month_rows = []
        for invoice_date in dates:
            number += 1
            customer = rng.choice(customers)
            due = invoice_date + dt.timedelta(days=30)
            amount = ttc_from_ht(lognormal_cents(rng, 900, 0.8, 90, 12000), 100)
            paid_on = due + dt.timedelta(days=rng.randint(-20, 25))
            rest, note = (0, "") if paid_on <= as_of else (amount, "")
            if rest and rng.random() < 0.3:  # a deposit paid with the order
                paid_on, rest = invoice_date, amount - amount * 30 // 100
                note = "acompte 30 % à la commande"
            month_rows.append(dict(number=f"F26-{number:03d}", customer=customer,
                                   date=invoice_date, due=due, amount=amount,
                                   paid_on=paid_on if rest < amount else None, rest=rest,
                                   note=note))
        # A credit note each month from March: a cancelled service, netted on a paid
        # invoice (nothing left on either), or still to deduct from the next invoice.
        if month >= 3:
            credited = rng.choice([r for r in month_rows if r["rest"] == 0
                                   and r["amount"] > 30000] or month_rows[:1])
            credit_notes += 1
            value = -((credited["amount"] * rng.choice([10, 15, 20]) // 100) // 100 * 100)
            issued = credited["date"] + dt.timedelta(days=rng.randint(2, 6))
            netted = month % 2 == 1
            month_rows.append(dict(
                number=f"AV26-{credit_notes:02d}", customer=credited["customer"],
                date=issued, due=issued, amount=value, paid_on=None,
                rest=0 if netted else value,
                note=(f"avoir sur {credited['number']} (couverts en moins), déduit"
                      if netted else f"avoir sur {credited['number']}, à déduire de la "
                      "prochaine facture")))
            if netted:
                credited["note"] = f"réglé net de l'avoir AV26-{credit_notes:02d}"
            month_rows.sort(key=lambda r: r["date"])
        for r in month_rows:
            rows.append([r["number"], r["customer"], date_cell(r["date"]), date_cell(r["due"]),
                         money_cell(r["amount"]),
                         date_cell(r["paid_on"]) if r["paid_on"] else None,
                         money_cell(r["rest"]), r["note"]])
            ledger.append(LedgerRow(r["number"], r["customer"], r["date"], r["due"],
                                    r["amount"], r["amount"] - r["rest"], r["paid_on"]))
        if month == 1:
            duplicate = rows[-1]
        rows.append([])
        rows.append(subtotal(f"Total {MOIS[month - 1]}", [4, 6],
                             [sum(r["amount"] for r in month_rows),
                              sum(r["rest"] for r in month_rows)], len(header)))
        sheets.append((MOIS_TITRE[month - 1], rows))
    write_fods(folder / "tableau_mensuel_2026.fods", sheets, GENERATOR)
    remarks, listed = remark_counts({})
    notes = [r for r in ledger if r.amount < 0]
    spots = [next(r for r in ledger if r.number == sheets[0][1][-3][0])] + notes[:2] + \
        rng.sample([r for r in ledger if 0 < r.balance < r.amount], 1) + \
        rng.sample([r for r in ledger if r.amount > 0], 2)
    return {
        "file": "tableau_mensuel_2026.fods", "format": "fods", "language": "fr",
        "exercises": "a sheet per month (Janvier to Juin) converted together, a title row, "
                     "real date and currency cells, a blank row and a Total row closing each "
                     "month, an invoice typed again in the next month (a true duplicate), "
                     "credit notes netted or still to deduct, deposits",
        "load": FODS_LOAD, "save_as": ["as_is", "xlsx"],
        "sheets": [name for name, _ in sheets],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(blank_row=6, subtotal_row=6, duplicate_number=1),
            "skipped_rows": 13, "credit_notes": len(notes),
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }


# --- 4. facturier_avoirs.fods ---------------------------------------------------------------

def write_facturier_avoirs(folder, rng):
    """A printer's invoice book: a Type column (Facture / Avoir), a "Payé ?" Oui/Non column
    not always backed by a payment date or amount, deposits, credit notes."""
    as_of = dt.date(2026, 6, 30)
    customers = french_customers(rng, 18)
    header = ["Type", "N°", "Client", "Date", "Échéance", "Montant TTC", "Payé ?", "Réglé le",
              "Montant réglé", "Observations"]
    dates = seasonal_dates(rng, dt.date(2026, 1, 5), dt.date(2026, 6, 26), 80, [1.0] * 12)
    entries = []
    for k, invoice_date in enumerate(dates, start=1):
        due = invoice_date + dt.timedelta(days=30)
        amount = ttc_from_ht(lognormal_cents(rng, 650, 0.8, 60, 8000), 200)
        paid_on = due + dt.timedelta(days=rng.randint(-15, 20))
        entry = dict(kind="Facture", number=f"F2026-{k:03d}", customer=rng.choice(customers),
                     date=invoice_date, due=due, amount=amount, flag="Non", paid_on=None,
                     paid=None, note="")
        if paid_on <= as_of:
            entry["flag"] = "Oui"
            way = rng.choices(["amount", "date", "flag"], weights=[50, 35, 15])[0]
            if way != "flag":
                entry["paid_on"] = paid_on
            if way == "amount":
                entry["paid"] = amount
            if way == "flag":
                entry["note"] = rng.choice(["espèces", "chèque remis en main propre"])
        elif rng.random() < 0.3:
            entry.update(paid=amount * 50 // 100 // 100 * 100,
                         paid_on=invoice_date + dt.timedelta(days=2), note="acompte 50 %")
        entries.append(entry)
    # Credit notes for misprints: four netted on their invoice, two still to deduct.
    for k in range(6):
        netted = k < 4
        credited = rng.choice([e for e in entries if e["kind"] == "Facture" and not e["note"]
                               and e["amount"] > 20000 and (e["flag"] == "Oui") == netted])
        value = -((credited["amount"] * rng.choice([10, 20, 30]) // 100) // 100 * 100)
        number = f"AV2026-{k + 1:02d}"
        issued = credited["date"] + dt.timedelta(days=rng.randint(3, 12))
        entries.append(dict(kind="Avoir", number=number, customer=credited["customer"],
                            date=issued, due=issued, amount=value,
                            flag="Oui" if netted else "Non", paid_on=None, paid=None,
                            note=(f"imputé sur {credited['number']}" if netted
                                  else f"sur {credited['number']}, à déduire")))
        credited["note"] = f"avoir {number}"
    entries.sort(key=lambda e: e["date"])
    rows = [[text_cell("Imprimerie Castel — factures et avoirs 2026", "ceTitle")],
            [text_cell(h, "ceHead") for h in header]]
    ledger = []
    for e in entries:
        rows.append([e["kind"], e["number"], e["customer"], date_cell(e["date"]),
                     date_cell(e["due"]), money_cell(e["amount"]), e["flag"],
                     date_cell(e["paid_on"]) if e["paid_on"] else None,
                     money_cell(e["paid"]) if e["paid"] is not None else None, e["note"]])
        # "Payé ? Oui" with no amount paid: paid in full (a credit note: netted in full).
        paid = e["paid"] if e["paid"] is not None else (e["amount"] if e["flag"] == "Oui"
                                                        else 0)
        ledger.append(LedgerRow(e["number"], e["customer"], e["date"], e["due"], e["amount"],
                                paid, e["paid_on"]))
    write_fods(folder / "facturier_avoirs.fods", [("Facturier 2026", rows)], GENERATOR)
    remarks, listed = remark_counts({})
    flag_only = [r for r, e in zip(ledger, entries) if e["flag"] == "Oui" and not e["paid_on"]
                 and e["kind"] == "Facture"]
    notes = [r for r in ledger if r.amount < 0]
    spots = flag_only[:2] + [notes[0], notes[-1]] + \
        rng.sample([r for r in ledger if 0 < r.balance < r.amount], 1) + \
        rng.sample([r for r in ledger if r.balance == r.amount > 0], 1)
    return {
        "file": "facturier_avoirs.fods", "format": "fods", "language": "fr",
        "exercises": "invoices and credit notes in one book (Type Facture/Avoir, negative "
                     "amounts), a Payé ? Oui/Non column, invoices marked paid with neither a "
                     "date nor an amount, deposits, credit notes netted or still open",
        "load": FODS_LOAD, "save_as": ["as_is", "ods"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(), "skipped_rows": 0, "credit_notes": len(notes),
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }


# --- 8. owner_status.fods -------------------------------------------------------------------

def write_owner_status(folder, rng):
    """A landscaper's sheet whose Statut column the owner updates by hand, not always with
    the amounts; dates typed as text in three ways beside real date cells."""
    as_of = dt.date(2026, 6, 30)
    customers = french_customers(rng, 15)
    header = ["N°", "Client", "Date facture", "Échéance", "Montant TTC", "Déjà réglé",
              "Réglé le", "Statut"]
    dates = seasonal_dates(rng, dt.date(2026, 1, 5), dt.date(2026, 6, 24), 60,
                           [0.4, 0.5, 1.2, 1.6, 1.6, 1.4] + [1.0] * 6)

    def typed(d):
        """A date as the owner typed it: a date cell mostly, else text in one of his ways."""
        form = rng.choices(["cell", "slash", "long", "iso"], weights=[55, 20, 15, 10])[0]
        if form == "cell":
            return date_cell(d)
        return {"slash": fr_date, "long": long_fr_date, "iso": dt.date.isoformat}[form](d)
    entries = []
    for k, invoice_date in enumerate(dates, start=1):
        due = invoice_date + dt.timedelta(days=rng.choice([30, 30, 45]))
        amount = ttc_from_ht(lognormal_cents(rng, 1100, 0.8, 120, 15000), 100)
        paid_on = due + dt.timedelta(days=rng.randint(-10, 30))
        e = dict(number=f"2026-{k:03d}", customer=rng.choice(customers), date=invoice_date,
                 due=due, amount=amount, paid=0, paid_on=None)
        if paid_on <= as_of:
            e.update(paid=amount, paid_on=paid_on, status=rng.choice(["Payée", "Réglée"]))
        elif rng.random() < 0.25:
            e.update(paid=amount * 40 // 100, paid_on=invoice_date + dt.timedelta(days=3),
                     status="Partiel")
        else:
            e["status"] = "Impayée" if due < as_of else "En attente"
        entries.append(e)
    found = {"paid_status_with_balance": [], "unpaid_status_nothing_due": []}
    # "Payée" typed when the customer's cheque arrived, for a part only.
    for e in rng.sample([e for e in entries if e["paid"] < e["amount"]], 3):
        if not e["paid"]:
            e.update(paid=e["amount"] * 60 // 100,
                     paid_on=min(as_of, e["date"] + dt.timedelta(days=10)))
        e["status"] = "Payée"
        found["paid_status_with_balance"].append(e["number"])
    # Paid in full, the status never updated.
    for e in rng.sample([e for e in entries if e["paid"] == e["amount"]], 2):
        e["status"] = "Impayée"
        found["unpaid_status_nothing_due"].append(e["number"])
    rows = [[text_cell("Paysages Morel — suivi des factures 2026", "ceTitle")], [],
            [text_cell(h, "ceHead") for h in header]]
    ledger = []
    for e in entries:
        rows.append([e["number"], e["customer"], typed(e["date"]), typed(e["due"]),
                     money_cell(e["amount"]), money_cell(e["paid"]) if e["paid"] else None,
                     typed(e["paid_on"]) if e["paid_on"] else None, e["status"]])
        ledger.append(LedgerRow(e["number"], e["customer"], e["date"], e["due"], e["amount"],
                                e["paid"], e["paid_on"]))
    write_fods(folder / "owner_status.fods", [("Suivi", rows)], GENERATOR)
    remarks, listed = remark_counts(found)
    by_number = {r.number: r for r in ledger}
    text_dated = [by_number[row[0]] for row in rows[3:] if isinstance(row[2], str)]
    spots = [by_number[n] for key in found for n in found[key][:2]] + text_dated[:3]
    return {
        "file": "owner_status.fods", "format": "fods", "language": "fr",
        "exercises": "a Statut column contradicting the amounts (Payée with a balance, "
                     "Impayée with nothing due), dates typed as text (05/03/2026, 5 mars "
                     "2026, 2026-03-05) beside date cells",
        "load": FODS_LOAD, "save_as": ["as_is", "xlsx"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(), "skipped_rows": 0,
            "days_late": None,
            "spot_checks": [r.spot(as_of, invoice_date=r.invoice_date.isoformat())
                            for r in spots],
        },
    }


# --- 9. multi_year.fods ---------------------------------------------------------------------

def write_multi_year(folder, rng):
    """An aluminium joinery's workbook with a sheet per year (2024, 2025, 2026), due dates
    left to the payment terms, HT / TVA / TTC at the French rates of its work."""
    as_of = dt.date(2026, 6, 30)
    customers = french_customers(rng, 26)
    header = ["N° facture", "Client", "Date", "Conditions", "Montant HT", "TVA", "Montant TTC",
              "Payé le", "Reste à payer", "Notes"]
    terms_of = {c: rng.choice(["30 jours", "45 jours fin de mois", "à réception", "60 jours"])
                for c in customers}
    litigant = rng.choice(customers)
    sheets, ledger = [], []
    for year, count in ((2024, 45), (2025, 55), (2026, 30)):
        # the litigant's last two invoices, in the autumn of 2024, were never paid
        in_litigation = set(rng.sample(range(count - 12, count), 2)) if year == 2024 else set()
        last = dt.date(2026, 6, 26) if year == 2026 else dt.date(year, 12, 31)
        dates = seasonal_dates(rng, dt.date(year, 1, 2), last, count, TRADE_SEASON)
        rows = [[text_cell(h, "ceHead") for h in header]]
        sums = [0, 0, 0, 0]
        for k, invoice_date in enumerate(dates, start=1):
            customer = litigant if k - 1 in in_litigation else rng.choice(customers)
            terms = terms_of[customer]
            due = due_from_terms(invoice_date, terms)
            # windows for homes: 5.5 % energy renovation or 10 %; shops and offices: 20 %
            rate = rng.choices([55, 100, 200], weights=[35, 25, 40])[0]
            ht = lognormal_cents(rng, 3200, 0.7, 300, 40000)
            ttc = ttc_from_ht(ht, rate)
            # never before the invoice: paid on receipt at the earliest
            paid_on = max(invoice_date, due + dt.timedelta(days=rng.randint(-5, 35)))
            rest, note, flag = (0, "", None) if paid_on <= as_of else (ttc, "", None)
            if k - 1 in in_litigation:
                paid_on, rest = None, ttc
                note, flag = "contentieux — injonction de payer déposée", "litigation"
            elif rest and rng.random() < 0.3:
                paid_on, rest = invoice_date + dt.timedelta(days=7), ttc - ttc * 30 // 100
                note = "acompte 30 % versé"
            number = f"{year}-{k:03d}"
            rows.append([number, customer, date_cell(invoice_date), terms, money_cell(ht),
                         money_cell(ttc - ht), money_cell(ttc),
                         date_cell(paid_on) if paid_on and rest < ttc else None,
                         money_cell(rest), note])
            sums = [sums[0] + ht, sums[1] + ttc - ht, sums[2] + ttc, sums[3] + rest]
            ledger.append(LedgerRow(number, customer, invoice_date, due, ttc, ttc - rest,
                                    paid_on if rest < ttc else None, flag))
        rows.append(subtotal(f"Total {year}", [4, 5, 6, 8], sums, len(header)))
        sheets.append((str(year), rows))
    assert any(r.flag for r in ledger), "no invoice of 2024 for the litigant"
    write_fods(folder / "multi_year.fods", sheets, GENERATOR)
    remarks, listed = remark_counts({})
    spots = [r for r in ledger if r.flag][:1] + \
        [rng.choice([r for r in ledger if r.number.startswith(str(y))]) for y in (2024, 2025)] + \
        rng.sample([r for r in ledger if r.balance > 0 and not r.flag], 2)
    return {
        "file": "multi_year.fods", "format": "fods", "language": "fr",
        "exercises": "a sheet per year (2024, 2025, 2026) converted together, due dates "
                     "from the payment terms only, HT / TVA / TTC at 5.5, 10 and 20 %, a "
                     "Total row per year, an old invoice in litigation",
        "load": FODS_LOAD, "save_as": ["as_is", "ods"], "sheets": [n for n, _ in sheets],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(subtotal_row=3), "skipped_rows": 3,
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }


# --- 5. relances_maison.csv -----------------------------------------------------------------

def write_relances_maison(folder, rng):
    """A plumber's own follow-up sheet saved as CSV from his spreadsheet: a title above the
    header, two payment columns, a Litige Oui/Non column, his note of the reminders sent."""
    as_of = dt.date(2026, 6, 30)
    customers = french_customers(rng, 20)
    header = ["N° fact.", "Client", "Date", "Conditions", "Montant TTC", "Règlement 1",
              "Date règlement 1", "Règlement 2", "Date règlement 2", "Litige", "Relance"]
    width = len(header)
    dates = seasonal_dates(rng, dt.date(2025, 11, 3), dt.date(2026, 6, 24), 75,
                           [1.3, 1.2, 1.0, 0.9, 0.8, 0.8] + [1.0] * 4 + [1.2, 1.3])
    reminders = [("R1 le 02/06/2026", 1, dt.date(2026, 6, 2)),
                 ("R1 le 22/06/2026", 1, dt.date(2026, 6, 22)),
                 ("relancé le 20/05/2026", 1, dt.date(2026, 5, 20)),
                 ("R2 le 15/06/2026", 2, dt.date(2026, 6, 15)),
                 ("MED le 25/06/2026", 3, dt.date(2026, 6, 25))]
    rows = [["Suivi des factures et relances — Plomberie Chauffage Roux"] + [""] * (width - 1),
            ["Mis à jour le 30/06/2026"] + [""] * (width - 1), [""] * width, header]
    slow = set(rng.sample(customers, 7))  # the plumber's habitual late payers
    entries = []
    for k, invoice_date in enumerate(dates, start=1):
        customer = rng.choice(customers)
        terms = rng.choices(["30 jours", "à réception", "45 jours fin de mois", ""],
                            weights=[55, 20, 17, 8])[0]
        due = due_from_terms(invoice_date, terms) if terms else None
        amount = ttc_from_ht(lognormal_cents(rng, 700, 0.9, 80, 9000),
                             rng.choice([100, 100, 55, 200]))
        low, high = (20, 150) if customer in slow else (-10, 25)
        paid_by = max(invoice_date, (due or invoice_date + dt.timedelta(days=30)) +
                      dt.timedelta(days=rng.randint(low, high)))
        payments = []
        if paid_by <= as_of:
            if rng.random() < 0.2:  # paid in two goes, a month apart
                first = amount * 50 // 100
                payments = [(first, max(invoice_date, paid_by - dt.timedelta(days=30))),
                            (amount - first, paid_by)]
            else:
                payments = [(amount, paid_by)]
        elif rng.random() < 0.25:
            payments = [(amount * 30 // 100, invoice_date + dt.timedelta(days=4))]
        entries.append(dict(number=f"F{invoice_date.year % 100}-{k:03d}", customer=customer,
                            date=invoice_date, terms=terms, due=due, amount=amount,
                            payments=payments, litige="Non", flag=None, mark="", level=None))
    overdue = [e for e in entries if e["due"] and e["due"] < dt.date(2026, 6, 10)
               and sum(p for p, _ in e["payments"]) < e["amount"]]
    for e in rng.sample(overdue, 3):
        e.update(litige="Oui", flag="disputed")
    for e in overdue:
        # a first reminder ten days past due, a second and a formal notice later on
        sent = [r for r in reminders if r[2] > e["due"] + dt.timedelta(days=20 * r[1] - 10)]
        if not e["flag"] and sent:
            e["mark"], e["level"], _ = rng.choice(sent)
    ledger = []
    for e in entries:
        cells = [e["number"], e["customer"], fr_date(e["date"]), e["terms"],
                 euro_text(e["amount"])]
        for p, d in e["payments"] + [(None, None)] * (2 - len(e["payments"])):
            cells += [euro_text(p) if p else "", fr_date(d) if d else ""]
        rows.append(cells + [e["litige"], e["mark"]])
        ledger.append(LedgerRow(e["number"], e["customer"], e["date"], e["due"], e["amount"],
                                sum(p for p, _ in e["payments"]),
                                e["payments"][-1][1] if e["payments"] else None, e["flag"],
                                e["level"]))
    rows.append(["TOTAL", "", "", "", euro_text(sum(r.amount for r in ledger))]
                + [""] * (width - 5))
    write_csv(folder / "relances_maison.csv", rows, ";")
    remarks, listed = remark_counts({})
    spots = [r for r in ledger if r.flag][:1] + [r for r in ledger if r.level][:3] + \
        [r for r in ledger if r.due is None][:1] + \
        rng.sample([r for r in ledger if r.balance == 0], 1)
    return {
        "file": "relances_maison.csv", "format": "csv", "language": "fr",
        "exercises": "a hand-kept sheet saved as CSV: title rows above the header, amounts "
                     "shown as 1 234,56 € (no-break spaces), payments in two column pairs, a "
                     "Litige Oui/Non column, the owner's reminder notes (R1 le 02/06/2026, "
                     "MED le ...), blank terms, a TOTAL row",
        "load": csv_load(";"), "save_as": ["as_is", "xlsx"], "sheets": [],
        "as_of": as_of.isoformat(), "date_order": "DMY",
        "expected": {
            "invoices": len(ledger), "outstanding_cents": sum(r.balance for r in ledger),
            "remarks": remarks, "remark_invoices": listed,
            "import_problems": no_problems(subtotal_row=1), "skipped_rows": 1,
            "days_late": None,
            "spot_checks": [r.spot(as_of) for r in spots],
        },
    }
