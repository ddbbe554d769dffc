#!/usr/bin/env python3
"""Generate sample/factures.fods, a deliberately messy invoice-tracking sheet.

The workbook imitates the hand-typed "suivi des factures" of a small French
joinery business (Menuiserie Dupont SARL), still trading, kept over two years
(invoices from 1 July 2024 to 26 June 2026, situation at 30 June 2026).  It is
the test and demo input for the Relance Calc extension.  Its figures are those
of believable books: most customers pay around the due date, three are
habitual late payers, almost every invoice older than four months is paid; the
standard DSO is 50 to 65 days and 25 to 45 % of the receivables are overdue
(check() stops the script otherwise).  It also holds the cases an owner follows up: one invoice disputed
("litige livraison"), one payment promise ("promesse de paiement 10/07"), one
customer in litigation ("contentieux"), a few partial payments ("acompte
reçu") and one credit note (A2026-0001, a negative amount) netted against a
paid invoice.  Column I, "Relance", is the owner's note of the reminders he
already sent ("R1 le 02/06/2026", "2e relance 05/06/2026"...), so that the first
reminder run of 30/06/2026 has formal notices, second and first reminders.

The as-of date (cell B2, "Date de situation") is 30/06/2026 because 2026-S1 is
the last half-year whose ECB rate is published in data/: the late-payment
penalties of the formal notices can be computed.

It is messy on purpose, the way real sheets are:

* some dates and payment dates are TEXT ("12/03/2024", "12 mars 2024");
* some amounts are TEXT ("1 234,56 €", with a normal or no-break space);
* blank rows, quarterly "Sous-total ..." rows without an invoice number,
  two invoice rows typed twice, free-text remarks, blank payment terms.

Columns K-M hold formulas calling the extension's add-in functions (stored
under their programmatic service name); change the *_FORMULA constants below
if the service or function names change.

Output is deterministic (fixed seed).  Python 3.11 standard library only.
The figures printed at the end (DSO, share overdue, letters expected from the
first reminder run...) are computed here from the generated data.
Usage:  python3 scripts/make_sample.py [output.fods]
"""
import datetime as dt
import math
import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

# --- Formula templates ({n} = spreadsheet row number) ------------------------
DUE_DATE_FORMULA = "of:=fr.relance.Functions.dueDate([.C{n}];[.D{n}])"
DAYS_LATE_FORMULA = "of:=fr.relance.Functions.daysLate([.K{n}];[.F{n}];[.$B$2])"
BUCKET_FORMULA = "of:=fr.relance.Functions.agingBucket([.K{n}];[.F{n}];[.$B$2])"
FORMULA_HEADERS = ["Échéance (Relance)", "Jours de retard (Relance)", "Tranche (Relance)"]

SEED = 20260619
OUTPUT = Path(__file__).resolve().parent.parent / "sample" / "factures.fods"
TITLE = "Menuiserie Dupont SARL — Suivi des factures clients"
REF_DATE = dt.date(2026, 6, 30)
FIRST_DATE, LAST_DATE = dt.date(2024, 7, 1), dt.date(2026, 6, 26)
N_INVOICES = 320
HEADERS = ["N° fact.", "Client", "Date", "Conditions", "Montant TTC",
           "Réglé le", "Reste dû", "Remarques", "Relance"]
COL_WIDTHS = ["2.4cm", "6.4cm", "2.6cm", "5.0cm", "3.0cm", "2.6cm", "3.0cm",
              "5.8cm", "3.6cm", "0.8cm", "3.6cm", "4.4cm", "3.6cm"]  # A..M
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"]
CLIENTS = [
    "Boulangerie Martin", "SCI Les Tilleuls", "Garage Lefèvre SAS",
    "Hôtel du Parc SARL", "Restaurant L'Étoile d'Or", "Cabinet Moreau & Associés",
    "Pharmacie Girard", "EURL Rousseau Rénovation", "Mairie de Saint-Aubin",
    "SAS Bâtiments Fournier", "Crêperie Le Goéland", "Agence Immobilière Bonnet",
    "Camping Les Pins SARL", "SARL Dubois Frères", "École Sainte-Thérèse",
    "Fromagerie Chevalier", "M. et Mme Laurent", "Charpentes Mercier EURL",
    "Clinique vétérinaire des Ormes", "SCI Mont-Blanc", "Cave Perrin & Fils",
    "Auberge de la Forêt", "Cuisines Leroy SAS", "Gîte de l'Écluse",
    "Librairie Lambert EURL",
]
# (text, weight, typical payment delay in days); due_date() gives the exact due date
CONDITIONS = [("30 jours", 22, 30), ("30 jours net", 10, 30),
              ("45 jours fin de mois", 12, 60), ("à réception", 14, 3),
              ("60 jours date de facture", 8, 60), ("30 jours fin de mois le 10", 6, 50),
              ("fin de mois", 8, 15), ("comptant", 6, 1), ("", 8, 30)]
NBSP = "\u00a0"
# Payment behaviour, in days after the due date
ON_TIME, LATE = (-5, 20), (25, 60)
N_LATE_PAYERS = 3
# The owner's reminder notes (column I): (text, level sent, date sent)
R1_NOTES = [("R1 le 02/06/2026", 1, dt.date(2026, 6, 2)),
            ("relancé le 20/05/2026", 1, dt.date(2026, 5, 20))]
R2_NOTES = [("R2 le 12/06/2026", 2, dt.date(2026, 6, 12)),
            ("2e relance 05/06/2026", 2, dt.date(2026, 6, 5))]
DISPUTE_NOTE = "litige livraison"
PROMISE_NOTE = "promesse de paiement 10/07"
LITIGATION_NOTE = "contentieux — injonction de payer déposée"
DEPOSIT_NOTE = "acompte reçu"
LEVEL_NAMES = {3: "mise en demeure", 2: "relance 2", 1: "relance 1"}


def text_date(d, rng):
    """A date typed as text, either 12/03/2024 or 12 mars 2024."""
    if rng.random() < 0.5:
        return d.strftime("%d/%m/%Y")
    return f"{d.day} {MOIS[d.month - 1]} {d.year}"


def money_text(x, sep=" "):
    """1234.56 -> '1 234,56 €' (French layout, chosen thousands separator)."""
    sign = "-" if x < 0 else ""
    euros, cents = divmod(round(abs(x) * 100), 100)
    return sign + f"{euros:,}".replace(",", sep) + f",{cents:02d} €"


def end_of_month(d):
    """Last day of d's month."""
    nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def due_date(d, cond):
    """Due date of an invoice of date d under the terms cond (blank: 30 days)."""
    if cond in ("à réception", "comptant"):
        return d
    if cond == "45 jours fin de mois":
        return end_of_month(d + dt.timedelta(days=45))
    if cond == "60 jours date de facture":
        return d + dt.timedelta(days=60)
    if cond == "30 jours fin de mois le 10":
        return end_of_month(d + dt.timedelta(days=30)) + dt.timedelta(days=10)
    if cond == "fin de mois":
        return end_of_month(d)
    return d + dt.timedelta(days=30)  # "30 jours", "30 jours net", blank


def days_late(inv):
    """Days past due at the as-of date (negative: not due yet)."""
    return (REF_DATE - inv["due"]).days


def is_open(inv):
    return inv["rest"] > 0


def is_credit(inv):
    return inv["amount"] < 0


def make_invoices(rng):
    """Return the list of invoice dicts, sorted by date, and the late payers."""
    span = (LAST_DATE - FIRST_DATE).days
    offsets = sorted([0, span] + [rng.randint(0, span) for _ in range(N_INVOICES - 2)])
    weights = [rng.uniform(0.3, 3.0) for _ in CLIENTS]  # some clients order more
    invoices, per_year = [], {}
    for off in offsets:
        d = FIRST_DATE + dt.timedelta(days=off)
        per_year[d.year] = per_year.get(d.year, 0) + 1  # numbering restarts each year
        cond = rng.choices(CONDITIONS, weights=[c[1] for c in CONDITIONS])[0][0]
        amount = 0.0
        while not 80 <= amount <= 18000:  # redraw instead of clamping to the bounds
            amount = round(rng.lognormvariate(math.log(1400), 1.0), 2)
        invoices.append(dict(num=f"F{d.year}-{per_year[d.year]:04d}",
                             client=rng.choices(CLIENTS, weights=weights)[0], date=d,
                             due=due_date(d, cond), cond=cond, amount=amount, paid=None,
                             rest=amount, note="", remind="", level=0,
                             date_txt=None, amount_txt=None, paid_txt=None))
    # Three regular customers (mid-sized accounts, one invoice due 30 to 60 days ago at
    # least) who always pay late
    regular = [c for c in sorted(CLIENTS, key=lambda c: -weights[CLIENTS.index(c)])[3:15]
               if any(v["client"] == c and 30 <= days_late(v) <= 60 and modest(v)
                      for v in invoices)]
    late_payers = rng.sample(regular, N_LATE_PAYERS)
    for inv in invoices:
        lo, hi = LATE if inv["client"] in late_payers else ON_TIME
        paid = max(inv["date"], inv["due"] + dt.timedelta(days=rng.randint(lo, hi)))
        if paid <= REF_DATE:
            inv.update(paid=paid, rest=0.0)
    return invoices, late_payers


def reopen(inv, rest=None):
    """Make an invoice open again (not paid yet, or only partly: rest)."""
    inv.update(paid=None, rest=inv["amount"] if rest is None else rest)


def modest(inv):
    """An everyday amount: the follow-up cases are not the year's biggest jobs."""
    return 300 <= inv["amount"] <= 3000


def open_of(invoices, client):
    return [v for v in invoices if v["client"] == client and is_open(v)]


def chase(invoices, client, reminder):
    """Note a reminder (text, level, date sent) on each open invoice of client then overdue."""
    text, level, sent = reminder
    for v in open_of(invoices, client):
        if v["due"] < sent and v["note"] != LITIGATION_NOTE:
            v.update(remind=text, level=level)


def add_follow_up(invoices, late_payers, rng):
    """Litigation, partial payments, reminders already sent, dispute, promise, credit note.

    Returns the credit note (inserted in date order in invoices)."""
    taken = set(late_payers)  # customers already given a role
    # One customer in litigation: its two last invoices, 100-150 days late, never paid
    # (an injunction to pay was filed); it has ordered nothing since.
    window = [v for v in invoices if 100 <= days_late(v) <= 150 and v["client"] not in taken
              and modest(v)]
    pairs = sorted({v["client"] for v in window
                    if sum(1 for w in window if w["client"] == v["client"]) >= 2})
    litigant = rng.choice(pairs)
    first, second = [v for v in window if v["client"] == litigant][-2:]
    others = [c for c in CLIENTS if c != litigant and c not in late_payers]
    for inv in invoices:
        if inv["client"] == litigant and inv["date"] > first["date"] and inv is not second:
            inv["client"] = rng.choice(others)  # someone else's order (paid as drawn)
    for inv in (first, second):
        reopen(inv)
        inv["note"] = LITIGATION_NOTE
    taken.add(litigant)
    # The late payers were chased twice: R2 on every invoice overdue on the letter's date;
    # each has at least one invoice 30 days late or more (formal notice due).
    for k, client in enumerate(sorted(late_payers)):
        if not any(days_late(v) >= 30 for v in open_of(invoices, client)):
            reopen(rng.choice([v for v in invoices if v["client"] == client
                               and 30 <= days_late(v) <= 60 and modest(v)]))
        chase(invoices, client, R2_NOTES[k % 2])
    # Partial payments: three overdue invoices of on-time customers, chased once (the
    # customer paid part after the reminder), and three deposits on recent invoices.
    good = [c for c in CLIENTS if c not in taken]
    chased = [v for v in invoices if v["client"] in good and 42 <= days_late(v) <= 100
              and modest(v)]
    partials = []
    for inv in rng.sample(chased, len(chased)):
        if len(partials) < 3 and inv["client"] not in {p["client"] for p in partials}:
            partials.append(inv)
    deposits = [v for v in invoices if v["client"] in good and -45 <= days_late(v) <= 0
                and v["client"] not in {p["client"] for p in partials}]
    partials += rng.sample(deposits, 3)
    for inv in partials:
        reopen(inv, round(inv["amount"] * rng.uniform(0.2, 0.8), 2))
    for inv in rng.sample(partials, 3):
        inv["note"] = DEPOSIT_NOTE
    for k, inv in enumerate(partials[:3]):
        chase(invoices, inv["client"], R1_NOTES[k == 1])
        taken.add(inv["client"])
    # An on-time customer who forgot an invoice and had a first reminder
    forgot = [v for v in invoices if v["client"] not in taken and 30 <= days_late(v) <= 60
              and modest(v)]
    inv = rng.choice(forgot)
    reopen(inv)
    chase(invoices, inv["client"], R1_NOTES[0])
    taken.add(inv["client"])
    # Two on-time customers with an invoice overdue for a few weeks, not chased yet
    for _ in range(2):
        unchased = [v for v in invoices if v["client"] not in taken and 16 <= days_late(v) <= 45
                    and modest(v) and not any(days_late(w) > 0
                                              for w in open_of(invoices, v["client"]))]
        inv = rng.choice(unchased)
        reopen(inv)
        taken.add(inv["client"])
    # A payment promise on a recent overdue invoice, its customer's only overdue one
    single = [v for v in invoices if v["client"] not in taken and 3 <= days_late(v) <= 25
              and modest(v) and not any(days_late(w) > 0 and w is not v
                                        for w in open_of(invoices, v["client"]))]
    inv = rng.choice(single)
    reopen(inv)
    inv["note"] = PROMISE_NOTE
    taken.add(inv["client"])
    # A disputed delivery, 40-90 days late, from a customer owing nothing else
    calm = [v for v in invoices if v["client"] not in taken and 40 <= days_late(v) <= 90
            and modest(v) and not open_of(invoices, v["client"])]
    inv = rng.choice(calm)
    reopen(inv)
    inv["note"] = DISPUTE_NOTE
    taken.add(inv["client"])
    # A credit note for a non-conforming door, netted against a paid invoice of spring 2026
    spring = [v for v in invoices if dt.date(2026, 3, 1) <= v["date"] <= dt.date(2026, 5, 31)
              and v["paid"] and not v["note"] and 2000 <= v["amount"] <= 9000]
    inv = rng.choice(spring)
    credit = round(inv["amount"] * rng.uniform(0.08, 0.2), -1)
    issued = inv["date"] + dt.timedelta(days=rng.randint(8, 15))
    inv["paid"] = max(inv["paid"], issued + dt.timedelta(days=rng.randint(2, 10)))
    note = dict(num="A2026-0001", client=inv["client"], date=issued, due=issued, cond="",
                amount=-credit, paid=None, rest=0.0, remind="", level=0,
                note=f"avoir sur {inv['num']} (porte non conforme)", credited=inv,
                date_txt=None, amount_txt=None, paid_txt=None)
    invoices.append(note)
    invoices.sort(key=lambda v: v["date"])  # stable: the credit note after that day's invoices
    return note


HISTORY_FORMS = {1: ["R1 le {d}", "relancé le {d}"],
                 2: ["R2 le {d}", "2e relance {d}"]}


def note_past_reminders(invoices, rng):
    """The owner's notes of the reminders that got paid invoices of the last eight months paid.

    Most invoices paid a week or more past due were chased first: a first reminder 3 to 8 days
    after the due date, a second one 18 to 24 days after it for those still unpaid then; the
    note names the last one, dated before the payment.  Returns {note text: date sent}."""
    sent = {}
    for inv in invoices:
        if (is_open(inv) or is_credit(inv) or inv["remind"] or not inv["paid"]
                or inv["due"] < REF_DATE - dt.timedelta(days=240)):
            continue
        late = (inv["paid"] - inv["due"]).days
        if late < 7 or rng.random() < 0.25:
            continue  # paid without a reminder, or the owner did not chase it
        first = inv["due"] + dt.timedelta(days=rng.randint(3, 8))
        second = inv["due"] + dt.timedelta(days=rng.randint(18, 24))
        level, day = (2, second) if second < inv["paid"] else (1, first)
        if day >= inv["paid"]:
            continue
        text = rng.choice(HISTORY_FORMS[level]).format(d=day.strftime("%d/%m/%Y"))
        inv.update(remind=text, level=level)
        sent[text] = day
    return sent


def add_mess(invoices, rng):
    """Turn some values into text (never the credit note's: it stays a clean row)."""
    for inv in invoices:
        if is_credit(inv):
            continue
        if rng.random() < 0.15:
            inv["date_txt"] = text_date(inv["date"], rng)
        if rng.random() < 0.10:
            inv["amount_txt"] = money_text(inv["amount"], rng.choice([" ", NBSP]))
        if inv["paid"] and rng.random() < 0.03:
            inv["paid_txt"] = text_date(inv["paid"], rng)


def build_rows(invoices, rng):
    """Lay out rows: invoices, quarterly subtotals, blank rows, duplicates."""
    rows, month_sum = [], 0.0
    plain = [i for i in range(20, len(invoices) - 20)
             if not (invoices[i]["note"] or invoices[i]["remind"] or is_credit(invoices[i])
                     or 0 < invoices[i]["rest"] < invoices[i]["amount"])]
    dup_idx = set(rng.sample(plain, 2))
    blank_idx = set(rng.sample(range(10, len(invoices) - 10), 4))
    for i, inv in enumerate(invoices):
        rows.append(("inv", inv))
        month_sum += inv["amount"]
        if i in dup_idx:
            rows.append(("inv", inv))  # same row typed twice
        nxt = invoices[i + 1]["date"] if i + 1 < len(invoices) else None
        m = inv["date"].month
        if nxt is None or nxt.month != m:
            if m % 3 == 0:
                label = f"Sous-total {MOIS[m - 1]} {inv['date'].year}"
                rows.append(("sub", (label, round(month_sum, 2))))
            month_sum = 0.0
        if i in blank_idx:
            rows.append(("blank", None))
    return rows


def first_run_levels(invoices):
    """Letter level per customer in the first reminder run at REF_DATE.

    An invoice's next level is its last level sent + 1, at most what its lateness allows
    (1 day: reminder 1, 15: reminder 2, 30: formal notice); disputed, promised (after the
    as-of date) and litigation invoices are left out; a customer's letter is at the highest
    level of its invoices.  Returns {customer: (level, [invoice, ...])}."""
    letters = {}
    for inv in invoices:
        late = days_late(inv)
        if not is_open(inv) or late < 1 or inv["note"] in (DISPUTE_NOTE, PROMISE_NOTE,
                                                            LITIGATION_NOTE):
            continue
        allowed = 3 if late >= 30 else 2 if late >= 15 else 1
        level = min(inv["level"] + 1, allowed)
        best, listed = letters.get(inv["client"], (0, []))
        letters[inv["client"]] = (max(best, level), listed + [inv])
    return letters


# --- XML helpers ---------------------------------------------------------------
def c_str(text, style=None):
    st = f' table:style-name="{style}"' if style else ""
    if not text:
        return f"<table:table-cell{st}/>"
    return f'<table:table-cell{st} office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'


def c_date(d):
    return (f'<table:table-cell table:style-name="ceDate" office:value-type="date" '
            f'office:date-value="{d.isoformat()}"><text:p>{d.strftime("%d/%m/%Y")}</text:p></table:table-cell>')


def c_money(x, style="ceMoney"):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="currency" '
            f'office:currency="EUR" office:value="{x:.2f}"><text:p>{money_text(x, NBSP)}</text:p></table:table-cell>')


def c_formula(tpl, n, style):
    # No cached value on purpose: Calc then has to compute the cell on load.
    f = escape(tpl.format(n=n), {'"': "&quot;"})
    return f'<table:table-cell table:style-name="{style}" table:formula="{f}"/>'


def invoice_cells(inv, n):
    cells = [c_str(inv["num"]), c_str(inv["client"]),
             c_str(inv["date_txt"]) if inv["date_txt"] else c_date(inv["date"]),
             c_str(inv["cond"]),
             c_str(inv["amount_txt"], "ceRight") if inv["amount_txt"] else c_money(inv["amount"]),
             c_str(inv["paid_txt"]) if inv["paid_txt"] else (c_date(inv["paid"]) if inv["paid"] else c_str("")),
             c_money(inv["rest"]), c_str(inv["note"]), c_str(inv["remind"]), "<table:table-cell/>",
             c_formula(DUE_DATE_FORMULA, n, "ceDate"),
             c_formula(DAYS_LATE_FORMULA, n, "ceInt"),
             c_formula(BUCKET_FORMULA, n, "Default")]
    return "".join(cells)


STYLES = """<office:automatic-styles>
 <number:date-style style:name="N_DATE"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:currency-style style:name="N_EUR_P" style:volatile="true" number:language="fr" number:country="FR"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>
 <number:currency-style style:name="N_EUR" number:language="fr" number:country="FR"><style:text-properties fo:color="#c9211e"/><number:text>-</number:text><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol><style:map style:condition="value()&gt;=0" style:apply-style-name="N_EUR_P"/></number:currency-style>
 <number:number-style style:name="N_INT"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
{columns}
 <style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
 <style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>
 <style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="ceHead" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#dddddd" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE"/>
 <style:style style:name="ceMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_EUR"/>
 <style:style style:name="ceSubMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_EUR"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceSub" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-style="italic" fo:font-weight="bold"/></style:style>
 <style:style style:name="ceRight" style:family="table-cell" style:parent-style-name="Default"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="ceInt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_INT"/>
</office:automatic-styles>"""

NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2"}


def render(rows):
    ncols = len(COL_WIDTHS)
    col_styles = "\n".join(
        f' <style:style style:name="co{i}" style:family="table-column">'
        f'<style:table-column-properties fo:break-before="auto" style:column-width="{w}"/></style:style>'
        for i, w in enumerate(COL_WIDTHS))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<office:document " + " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
           + ' office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           "<office:meta><meta:generator>make_sample.py (Relance sample)</meta:generator></office:meta>",
           '<office:styles><style:style style:name="Default" style:family="table-cell"/></office:styles>',
           STYLES.format(columns=col_styles),
           '<office:body><office:spreadsheet><table:table table:name="Factures" table:style-name="ta1">']
    out += [f'<table:table-column table:style-name="co{i}" table:default-cell-style-name="Default"/>'
            for i in range(ncols)]

    def row(cells):
        out.append(f'<table:table-row table:style-name="ro1">{cells}</table:table-row>')

    row(f'<table:table-cell table:style-name="ceTitle" office:value-type="string" '
        f'table:number-columns-spanned="{len(HEADERS)}" table:number-rows-spanned="1"><text:p>{escape(TITLE)}</text:p>'
        f'</table:table-cell><table:covered-table-cell table:number-columns-repeated="{len(HEADERS) - 1}"/>')
    row(c_str("Date de situation", "ceHead") + c_date(REF_DATE))
    row("<table:table-cell/>")
    row("".join(c_str(h, "ceHead") for h in HEADERS) + "<table:table-cell/>"
        + "".join(c_str(h, "ceHead") for h in FORMULA_HEADERS))
    for n, (kind, data) in enumerate(rows, start=5):
        if kind == "inv":
            row(invoice_cells(data, n))
        elif kind == "sub":
            row("<table:table-cell/>" + c_str(data[0], "ceSub")
                + '<table:table-cell table:number-columns-repeated="2"/>' + c_money(data[1], "ceSubMoney"))
        else:
            row("<table:table-cell/>")
    out.append("</table:table></office:spreadsheet></office:body></office:document>")
    return "\n".join(out) + "\n"


def figures(invoices):
    """Standard DSO, share of the outstanding overdue, oldest open invoice's days late."""
    outstanding = sum(v["rest"] for v in invoices)
    sales = sum(v["amount"] for v in invoices  # credit note included: net sales
                if REF_DATE - dt.timedelta(days=365) < v["date"] <= REF_DATE)
    overdue = sum(v["rest"] for v in invoices if v["due"] < REF_DATE)
    oldest = max(days_late(v) for v in invoices
                 if is_open(v) and v["note"] not in (DISPUTE_NOTE, LITIGATION_NOTE))
    return outstanding / sales * 365, overdue / outstanding, oldest


def check(invoices, letters, history):
    """Stop if the data misses the figures the sample is meant to show (try another SEED)."""
    dso, share, oldest = figures(invoices)
    levels = [lv for lv, _ in letters.values()]
    partial = [v for v in invoices if 0 < v["rest"] < v["amount"]]
    sent = {text: day for text, _, day in R1_NOTES + R2_NOTES}
    past = [v for v in invoices if v["remind"] in history]
    problems = [what for what, bad in [
        (f"DSO {dso:.1f} not in 50..65", not 50 <= dso <= 65),
        (f"share overdue {share:.1%} not in 25..45 %", not 0.25 <= share <= 0.45),
        (f"oldest open invoice {oldest} days past due", oldest > 150),
        ("fewer than 3 formal notices", levels.count(3) < 3),
        ("fewer than 3 second reminders", levels.count(2) < 3),
        ("fewer than 3 first reminders", levels.count(1) < 3),
        (f"{len(partial)} partial payments", not 5 <= len(partial) <= 8),
        ("a reminder noted on a paid invoice, or before its due date or less than 10 days "
         "before the as-of date",
         any(v["remind"] and v["remind"] not in history
             and (not is_open(v) or not v["due"] < sent[v["remind"]]
                  or (REF_DATE - sent[v["remind"]]).days < 10) for v in invoices)),
        (f"{len(past)} past reminders on paid invoices, not 25..70", not 25 <= len(past) <= 70),
        ("a past reminder not between its due date and its payment",
         any(not v["due"] < history[v["remind"]] < v["paid"] for v in past)),
    ] if bad]
    if problems:
        sys.exit("make_sample.py: " + "; ".join(problems) + " (try another SEED)")


def main():
    rng = random.Random(SEED)
    invoices, late_payers = make_invoices(rng)
    credit = add_follow_up(invoices, late_payers, rng)
    add_mess(invoices, rng)
    rows = build_rows(invoices, rng)
    letters = first_run_levels(invoices)
    # Its own random sequence: the history does not change the rest of the sample.
    history = note_past_reminders(invoices, random.Random(SEED + 1))
    check(invoices, letters, history)
    if len(sys.argv) > 1 and sys.argv[1].startswith("-"):
        print(__doc__)
        sys.exit(0 if sys.argv[1] in ("-h", "--help") else 2)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(rows), encoding="utf-8", newline="\n")
    inv_rows = [d for k, d in rows if k == "inv"]
    dso, share, oldest = figures(invoices)
    stats = {
        "invoices (unique)": sum(1 for v in invoices if not is_credit(v)),
        "credit notes": sum(1 for v in invoices if is_credit(v)),
        "invoice rows": len(inv_rows),
        "duplicated rows": len(inv_rows) - len(invoices),
        "text dates": sum(1 for v in inv_rows if v["date_txt"]),
        "text amounts": sum(1 for v in inv_rows if v["amount_txt"]),
        "text paid dates": sum(1 for v in inv_rows if v["paid_txt"]),
        "blank terms": sum(1 for v in invoices if not v["cond"] and not is_credit(v)),
        "paid": sum(1 for v in invoices if v["paid"]),
        "open": sum(1 for v in invoices if is_open(v)),
        "overdue": sum(1 for v in invoices if is_open(v) and days_late(v) > 0),
        "partial": sum(1 for v in invoices if 0 < v["rest"] < v["amount"]),
        "outstanding": money_text(sum(v["rest"] for v in invoices)),
        "standard DSO (days)": round(dso, 1),
        "share overdue": f"{share:.1%}",
        "oldest open, days past due (disputes, litigation aside)": oldest,
        "blank rows": sum(1 for k, _ in rows if k == "blank"),
        "subtotal rows": sum(1 for k, _ in rows if k == "sub"),
        "credit note": f"{credit['num']} on {credit['credited']['num']} ({credit['client']})",
        "last row": 4 + len(rows),
        "past reminders noted on paid invoices": sum(1 for v in invoices
                                                     if v["remind"] in history),
    }
    for level in (3, 2, 1):
        stats[f"first run, {LEVEL_NAMES[level]}"] = sum(1 for lv, _ in letters.values()
                                                       if lv == level)
    print(f"wrote {target}")
    for k, v in stats.items():
        print(f"  {k}: {v}")
    for level in (3, 2, 1):
        print(f"  {LEVEL_NAMES[level]}:")
        for client, (lv, listed) in sorted(letters.items()):
            if lv == level:
                print(f"    {client}: " + ", ".join(
                    f"{v['num']} {days_late(v)} j {money_text(v['rest'])}"
                    + (f" [{v['remind']}]" if v["remind"] else "") for v in listed))
    for v in invoices:
        if v["note"] and v["note"] != DEPOSIT_NOTE:
            print(f"  {v['num']} {v['client']} {money_text(v['amount'])} "
                  f"reste {money_text(v['rest'])}: {v['note']}")


if __name__ == "__main__":
    main()
