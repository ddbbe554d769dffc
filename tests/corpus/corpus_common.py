"""What the corpus's writers share: money in cents, dates, French VAT, names, the CSV and
flat-ODS writers, and the ledger's own rules (balance, days late, status) that the expected
figures of manifest.json are computed with.

Every expected figure comes from the data a writer produced, through the rules below, which
restate the converter's documented behaviour (src/uno/ledger/ledger_layout.cxx and
src/core/ledger/ledger_model.hxx): never from running the converter.
"""
import datetime as dt
import math
from xml.sax.saxutils import escape

# --- Money: integer cents, no float arithmetic --------------------------------------------

# French VAT rates in per mille: standard, intermediate (renovation works, catering), reduced
# (energy-saving works, food) and the press rate.
VAT_RATES = (200, 100, 55, 21)


def ttc_from_ht(ht_cents, rate_per_mille):
    """TTC rounded half up to the cent, as invoicing software prints it."""
    sign = -1 if ht_cents < 0 else 1
    return sign * ((abs(ht_cents) * (1000 + rate_per_mille) + 500) // 1000)


def is_vat_ratio(ht_cents, ttc_cents):
    """True when TTC is HT plus one of the French rates, give or take a cent of rounding."""
    return any(abs(ttc_from_ht(ht_cents, r) - ttc_cents) <= 1 for r in VAT_RATES)


def decimal_text(cents, point=","):
    """123456 -> '1234,56' (a software export: no thousands separator)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros}{point}{rest:02d}"


def grouped_text(cents, group=",", point="."):
    """123456 -> '1,234.56' (an English report)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros:,}".replace(",", group) + f"{point}{rest:02d}"


NBSP = "\u00a0"


def euro_text(cents):
    """123456 -> '1 234,56 €' with no-break spaces, as a French spreadsheet shows it."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return sign + f"{euros:,}".replace(",", NBSP) + f",{rest:02d}{NBSP}€"


def lognormal_cents(rng, median_euros, sigma, low, high):
    """A plausible invoice amount: log-normal, redrawn (not clamped) outside [low, high]."""
    while True:
        euros = rng.lognormvariate(math.log(median_euros), sigma)
        if low <= euros <= high:
            return int(round(euros * 100))


# --- Dates ----------------------------------------------------------------------------------

MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MOIS_TITRE = [m.capitalize() for m in MOIS]


def fr_date(d):
    return d.strftime("%d/%m/%Y")


def us_date(d):
    """M/D/YYYY without leading zeros, as US software writes it."""
    return f"{d.month}/{d.day}/{d.year}"


def long_fr_date(d):
    return f"{d.day} {MOIS[d.month - 1]} {d.year}"


def end_of_month(d):
    nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


# Due dates of the terms the converter reads (src/core/calendar/payment_terms.hxx, with the
# default reading "days, then end of month").
def due_from_terms(d, terms):
    t = terms.lower()
    if t in ("à réception", "comptant", "due on receipt"):
        return d
    if t == "45 jours fin de mois":
        return end_of_month(d + dt.timedelta(days=45))
    if t == "30 jours fin de mois":
        return end_of_month(d + dt.timedelta(days=30))
    for days in (60, 45, 30, 15):
        if t in (f"{days} jours", f"{days} jours net", f"net {days}"):
            return d + dt.timedelta(days=days)
    raise ValueError(f"terms the corpus does not use: {terms}")


def seasonal_dates(rng, first, last, count, month_weights):
    """count business days between first and last, drawn with a weight per calendar month
    (1..12), sorted: most trades invoice less in August and at Christmas."""
    days = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() < 5]
    weights = [month_weights[d.month - 1] for d in days]
    return sorted(rng.choices(days, weights=weights, k=count))


TRADE_SEASON = [0.9, 1.0, 1.1, 1.1, 1.0, 1.1, 0.9, 0.35, 1.1, 1.15, 1.05, 0.7]


# --- Names ----------------------------------------------------------------------------------

SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
            "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
            "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel",
            "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
            "Fontaine", "Chevalier", "Robin"]
TRADES = ["Boulangerie {n}", "Garage {n}", "Pharmacie {n}", "Hôtel {n} SARL", "Cabinet {n}",
          "Restaurant Chez {n}", "Transports {n} SAS", "Imprimerie {n}", "Librairie {n} EURL",
          "Cave {n} & Fils", "Fromagerie {n}", "Auto-école {n}", "Agence immobilière {n}",
          "Laboratoire {n}", "SCI {n}", "SARL {n} Frères", "Charpentes {n} EURL",
          "Cuisines {n} SAS", "Clinique vétérinaire {n}", "Bâtiments {n} SAS", "Pressing {n}",
          "Fleuriste {n}", "Optique {n}", "Boucherie {n}", "Ambulances {n}"]
TOWNS = ["Saint-Aubin", "Montreuil-Bellay", "Vertou", "Pornic", "Saumur", "Ancenis",
         "Clisson", "Challans", "Doué-la-Fontaine", "Cholet"]


def french_customers(rng, count):
    """Distinct French customer names: trades with a surname, a few town halls and schools."""
    names = set()
    for town in rng.sample(TOWNS, 3):
        names.add(f"Mairie de {town}")
    names.add("École Sainte-Thérèse")
    names.add("EHPAD Les Tilleuls")
    while len(names) < count:
        names.add(rng.choice(TRADES).format(n=rng.choice(SURNAMES)))
    return sorted(names)[:count]


def siren(rng):
    """A nine-digit SIREN whose last digit is its Luhn key."""
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
    total = 0
    for position, digit in enumerate(digits):
        doubled = digit * 2 if position % 2 == 1 else digit
        total += doubled - 9 if doubled > 9 else doubled
    key = (10 - total % 10) % 10
    return "".join(map(str, digits)) + str(key)


# --- The ledger's own rules -----------------------------------------------------------------

def days_late(due, payment_date, balance_cents, as_of):
    """The Registre's "Jours de retard" (ledger_layout.cxx): DAYSLATE(due; payment date when
    nothing is left to pay, else blank; as-of), i.e. up to the payment date when the invoice
    is settled and that date is on or before the as-of date, else up to the as-of date; never
    negative. None (a blank cell) without a due date."""
    if due is None:
        return None
    settled = balance_cents <= 0 and payment_date is not None and payment_date <= as_of
    end = payment_date if settled else as_of
    return max(0, (end - due).days)


STATUS_LABELS = {
    "not_due": ("Non échue", "Not due"),
    "overdue": ("En retard", "Overdue"),
    "partial": ("Partiellement réglée", "Partially paid"),
    "paid": ("Réglée", "Paid"),
    "disputed": ("En litige", "Disputed"),
    "promised": ("Promesse de paiement", "Payment promised"),
    "litigation": ("Contentieux", "Litigation"),
}


def status(amount_cents, balance_cents, due, as_of, flag=None):
    """The Registre's "Statut" (core/risk/invoice_status.hxx): paid when nothing is left, then
    the follow-up flag the notes carry (litigation, disputed, promised while the promise
    holds), then partially paid, overdue, not due. Returns {"fr": ..., "en": ...}."""
    if due is None:  # the Registre leaves the status blank without a due date
        return {"fr": "", "en": ""}
    if balance_cents <= 0:
        key = "paid"
    elif flag:
        key = flag
    elif balance_cents < amount_cents:
        key = "partial"
    elif due is not None and as_of > due:
        key = "overdue"
    else:
        key = "not_due"
    fr, en = STATUS_LABELS[key]
    return {"fr": fr, "en": en}


class LedgerRow:
    """An invoice as the ledger holds it once converted: TTC amount, what was paid as the
    ledger allocates it (never more than the amount: an overpayment stays unallocated on the
    Payments sheet; a credit note keeps what the sheet says of it), the last payment date."""

    def __init__(self, number, customer, invoice_date, due, amount, paid, payment_date,
                 flag=None, level=None):
        self.number = number
        self.customer = customer
        self.invoice_date = invoice_date
        self.due = due
        self.amount = amount
        credit_note = amount < 0
        self.paid = paid if credit_note else min(max(paid, 0), amount)
        self.payment_date = payment_date
        self.flag = flag
        self.level = level

    @property
    def balance(self):
        return self.amount - self.paid

    def days_late(self, as_of):
        return days_late(self.due, self.payment_date, self.balance, as_of)

    def spot(self, as_of, with_status=True, **extra):
        check = {"number": self.number, "outstanding_cents": self.balance,
                 "customer": self.customer,
                 "due_date": self.due.isoformat() if self.due else None}
        if with_status:
            check["status"] = status(self.amount, self.balance, self.due, as_of, self.flag)
        if self.level is not None:
            check["level"] = self.level
        check.update(extra)
        return check


REMARK_KEYS = ("paid_excl_vat", "paid_status_with_balance", "unpaid_status_nothing_due",
               "overpaid", "payment_before_invoice", "due_before_invoice",
               "number_other_amount", "vat_ratio")


def remark_counts(found):
    """{key: [invoice numbers]} -> counts for every key (0 when none) and the numbers."""
    counts = {key: len(found.get(key, [])) for key in REMARK_KEYS}
    return counts, {key: sorted(found[key]) for key in REMARK_KEYS if found.get(key)}


def check_overpaid_customers(rows, overpaid_numbers):
    """An overpayment's excess goes to the same customer's open invoices first: the corpus
    keeps its overpaying customers without any, so that the excess stays unallocated and
    every figure here holds whatever order the payments are allocated in."""
    for number in overpaid_numbers:
        customer = next(r.customer for r in rows if r.number == number)
        others = [r for r in rows if r.customer == customer and r.number != number
                  and r.amount > 0 and r.balance > 0]
        assert not others, f"{number}: {customer} has open invoices {others[0].number}"


# --- Writers --------------------------------------------------------------------------------

def write_csv(path, rows, separator, line_end="\r\n"):
    """Fields quoted only when they hold the separator, a quote or a line break, as
    spreadsheet and accounting software export them."""
    def field(value):
        text = "" if value is None else str(value)
        if any(c in text for c in (separator, '"', "\n", "\r")):
            return '"' + text.replace('"', '""') + '"'
        return text
    with open(path, "w", encoding="utf-8", newline="") as out:
        for row in rows:
            out.write(separator.join(field(v) for v in row) + line_end)


# Cells of a flat ODS sheet: None, a string, or one of these.
def date_cell(d):
    return ("date", d)


def money_cell(cents):
    return ("money", cents)


def float_cell(value):
    return ("float", value)


def text_cell(text, style=None):
    return ("text", text, style)


FODS_NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
           "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
           "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
           "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
           "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
           "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
           "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"}

FODS_STYLES = """<office:automatic-styles>
 <number:date-style style:name="N_DATE"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <number:currency-style style:name="N_EUR_P" style:volatile="true" number:language="fr" number:country="FR"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>
 <number:currency-style style:name="N_EUR" number:language="fr" number:country="FR"><style:text-properties fo:color="#c9211e"/><number:text>-</number:text><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol><style:map style:condition="value()&gt;=0" style:apply-style-name="N_EUR_P"/></number:currency-style>
 <number:number-style style:name="N_NUM"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
 <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="6.0cm"/></style:style>
 <style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>
 <style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="ceHead" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#dde8cb"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE"/>
 <style:style style:name="ceMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_EUR"/>
 <style:style style:name="ceNum" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_NUM"/>
 <style:style style:name="ceSub" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceSubMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_EUR"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>"""


def _fods_cell(cell):
    if cell is None or cell == "":
        return "<table:table-cell/>"
    if isinstance(cell, str):
        cell = ("text", cell, None)
    kind = cell[0]
    if kind == "text":
        style = f' table:style-name="{cell[2]}"' if cell[2] else ""
        return (f'<table:table-cell{style} office:value-type="string"><text:p>'
                f"{escape(cell[1])}</text:p></table:table-cell>")
    if kind == "date":
        d = cell[1]
        return (f'<table:table-cell table:style-name="ceDate" office:value-type="date" '
                f'office:date-value="{d.isoformat()}"><text:p>{fr_date(d)}</text:p>'
                "</table:table-cell>")
    if kind in ("money", "submoney"):
        cents = cell[1]
        style = "ceMoney" if kind == "money" else "ceSubMoney"
        return (f'<table:table-cell table:style-name="{style}" office:value-type="currency" '
                f'office:currency="EUR" office:value="{decimal_text(cents, ".")}"><text:p>'
                f"{escape(euro_text(cents))}</text:p></table:table-cell>")
    if kind == "float":
        return (f'<table:table-cell table:style-name="ceNum" office:value-type="float" '
                f'office:value="{cell[1]}"><text:p>{cell[1]}</text:p></table:table-cell>')
    raise ValueError(kind)


def write_fods(path, sheets, generator):
    """sheets: [(name, rows)], rows of cells (see the *_cell helpers). Written by hand as a
    flat ODF spreadsheet, which Calc opens like an .ods."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<office:document " + " ".join(f'xmlns:{k}="{v}"' for k, v in FODS_NS.items())
           + ' office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.'
           'spreadsheet">',
           f"<office:meta><meta:generator>{escape(generator)}</meta:generator></office:meta>",
           '<office:styles><style:style style:name="Default" style:family="table-cell"/>'
           "</office:styles>",
           FODS_STYLES,
           "<office:body><office:spreadsheet>"]
    for name, rows in sheets:
        out.append(f'<table:table table:name="{escape(name)}" table:style-name="ta1">')
        out.append('<table:table-column table:style-name="co1"/>'
                   '<table:table-column table:style-name="co2"/>'
                   '<table:table-column table:style-name="co1" '
                   'table:number-columns-repeated="10"/>')
        for row in rows:
            cells = "".join(_fods_cell(c) for c in row) or "<table:table-cell/>"
            out.append(f"<table:table-row>{cells}</table:table-row>")
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document>")
    with open(path, "w", encoding="utf-8", newline="\n") as target:
        target.write("\n".join(out) + "\n")
