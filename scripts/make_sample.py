#!/usr/bin/env python3
"""Generate sample/factures.fods, a deliberately messy invoice-tracking sheet.

The workbook imitates the hand-typed "suivi des factures" of a small French
joinery business (Menuiserie Dupont SARL) kept over almost three years.  It is
the test and demo input for the Relance Calc extension, so it is messy on
purpose, the way real sheets are:

* some dates and payment dates are TEXT ("12/03/2024", "12 mars 2024");
* some amounts are TEXT ("1 234,56 €", with a normal or no-break space);
* blank rows, quarterly "Sous-total ..." rows without an invoice number,
  two invoice rows typed twice, free-text remarks, blank payment terms.

Columns J-L hold formulas calling the extension's add-in functions (stored
under their programmatic service name); change the *_FORMULA constants below
if the service or function names change.

Output is deterministic (fixed seed).  Python 3.11 standard library only.
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
DAYS_LATE_FORMULA = "of:=fr.relance.Functions.daysLate([.J{n}];[.F{n}];[.$B$2])"
BUCKET_FORMULA = "of:=fr.relance.Functions.agingBucket([.J{n}];[.F{n}];[.$B$2])"
FORMULA_HEADERS = ["Échéance (Relance)", "Jours de retard (Relance)", "Tranche (Relance)"]

SEED = 20261115
OUTPUT = Path(__file__).resolve().parent.parent / "sample" / "factures.fods"
TITLE = "Menuiserie Dupont SARL — Suivi des factures clients"
REF_DATE = dt.date(2026, 11, 15)
FIRST_DATE, LAST_DATE = dt.date(2024, 1, 3), dt.date(2026, 11, 10)
N_INVOICES = 320
HEADERS = ["N° fact.", "Client", "Date", "Conditions", "Montant TTC",
           "Réglé le", "Reste dû", "Remarques"]
COL_WIDTHS = ["2.4cm", "6.4cm", "2.6cm", "5.0cm", "3.0cm", "2.6cm", "3.0cm",
              "5.8cm", "0.8cm", "3.6cm", "4.4cm", "3.6cm"]  # A..L
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
# (text, weight, typical payment delay in days)
CONDITIONS = [("30 jours", 22, 30), ("30 jours net", 10, 30),
              ("45 jours fin de mois", 12, 60), ("à réception", 14, 3),
              ("60 jours date de facture", 8, 60), ("30 jours fin de mois le 10", 6, 50),
              ("fin de mois", 8, 15), ("comptant", 6, 1), ("", 8, 30)]
NBSP = "\u00a0"


def text_date(d, rng):
    """A date typed as text, either 12/03/2024 or 12 mars 2024."""
    if rng.random() < 0.5:
        return d.strftime("%d/%m/%Y")
    return f"{d.day} {MOIS[d.month - 1]} {d.year}"


def money_text(x, sep=" "):
    """1234.56 -> '1 234,56 €' (French layout, chosen thousands separator)."""
    euros, cents = divmod(round(x * 100), 100)
    return f"{euros:,}".replace(",", sep) + f",{cents:02d} €"


def make_invoices(rng):
    """Return the list of invoice dicts, sorted by date."""
    span = (LAST_DATE - FIRST_DATE).days
    offsets = sorted([0, span] + [rng.randint(0, span) for _ in range(N_INVOICES - 2)])
    weights = [rng.uniform(0.3, 3.0) for _ in CLIENTS]  # some clients order more
    invoices, per_year = [], {}
    for off in offsets:
        d = FIRST_DATE + dt.timedelta(days=off)
        per_year[d.year] = per_year.get(d.year, 0) + 1  # numbering restarts each year
        cond, _, delay = rng.choices(CONDITIONS, weights=[c[1] for c in CONDITIONS])[0]
        amount = 0.0
        while not 80 <= amount <= 18000:  # redraw instead of clamping to the bounds
            amount = round(rng.lognormvariate(math.log(1400), 1.0), 2)
        inv = dict(num=f"F{d.year}-{per_year[d.year]:04d}",
                   client=rng.choices(CLIENTS, weights=weights)[0], date=d, cond=cond,
                   amount=amount, paid=None, rest=amount, note="",
                   date_txt=None, amount_txt=None, paid_txt=None)
        age = (REF_DATE - d).days
        p_paid = 0.80 if age > 365 else 0.50 if age > 120 else 0.12
        if rng.random() < p_paid:
            late = rng.random() < 0.35
            extra = rng.randint(10, 90) if late else rng.randint(-10, 5)
            paid = d + dt.timedelta(days=max(1, delay + extra))
            if paid <= REF_DATE:
                inv.update(paid=paid, rest=0.0)
        invoices.append(inv)
    return invoices


def add_mess(invoices, rng):
    """Turn some values into text, add partial payments and remarks."""
    for inv in invoices:
        if rng.random() < 0.15:
            inv["date_txt"] = text_date(inv["date"], rng)
        if rng.random() < 0.10:
            inv["amount_txt"] = money_text(inv["amount"], rng.choice([" ", NBSP]))
        if inv["paid"] and rng.random() < 0.03:
            inv["paid_txt"] = text_date(inv["paid"], rng)
    unpaid = [v for v in invoices if v["paid"] is None]
    for inv in rng.sample(unpaid, 8):  # partial payments: Réglé le stays blank
        inv["rest"] = round(inv["amount"] * rng.uniform(0.2, 0.8), 2)
        if rng.random() < 0.5:
            inv["note"] = "acompte reçu"
    old_open = [v for v in unpaid if (REF_DATE - v["date"]).days > 200 and not v["note"]]
    rng.choice(old_open)["note"] = "litige livraison"
    recent = [v for v in unpaid if (REF_DATE - v["date"]).days <= 60 and not v["note"]]
    rng.choice(recent)["note"] = "promesse de paiement 20/11"
    victim = rng.choice([v for v in unpaid if not v["note"]])["client"]
    for inv in [v for v in unpaid if v["client"] == victim and not v["note"]][-3:]:
        inv["note"] = "client en redressement ?"


def build_rows(invoices, rng):
    """Lay out rows: invoices, quarterly subtotals, blank rows, duplicates."""
    rows, month_sum = [], 0.0
    dup_idx = set(rng.sample(range(20, len(invoices) - 20), 2))
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
             c_money(inv["rest"]), c_str(inv["note"]), "<table:table-cell/>",
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
        f'table:number-columns-spanned="8" table:number-rows-spanned="1"><text:p>{escape(TITLE)}</text:p>'
        f'</table:table-cell><table:covered-table-cell table:number-columns-repeated="7"/>')
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


def main():
    rng = random.Random(SEED)
    invoices = make_invoices(rng)
    add_mess(invoices, rng)
    rows = build_rows(invoices, rng)
    if len(sys.argv) > 1 and sys.argv[1].startswith("-"):
        print(__doc__)
        sys.exit(0 if sys.argv[1] in ("-h", "--help") else 2)
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(rows), encoding="utf-8", newline="\n")
    inv_rows = [d for k, d in rows if k == "inv"]
    stats = {
        "invoices (unique)": len(invoices), "invoice rows": len(inv_rows),
        "duplicated rows": len(inv_rows) - len(invoices),
        "text dates": sum(1 for v in inv_rows if v["date_txt"]),
        "text amounts": sum(1 for v in inv_rows if v["amount_txt"]),
        "text paid dates": sum(1 for v in inv_rows if v["paid_txt"]),
        "paid": sum(1 for v in invoices if v["paid"]),
        "partial": sum(1 for v in invoices if 0 < v["rest"] < v["amount"]),
        "blank rows": sum(1 for k, _ in rows if k == "blank"),
        "subtotal rows": sum(1 for k, _ in rows if k == "sub"),
        "last row": 4 + len(rows),
    }
    print(f"wrote {target}")
    for k, v in stats.items():
        print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
