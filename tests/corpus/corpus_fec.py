"""The FEC a joinery's accountant exports for 2025 (Fichier des Écritures Comptables, A47 A-1),
in the variants software writes: '|' and UTF-8 with plain amounts; tab and ISO-8859-15 with
zero-padded signed amounts and one unreadable line; tab with Montant/Sens.

Journals AN (opening entries from 2024), VT (sales), BQ (bank), OD (other). Customers under
411000 with an auxiliary account, and one with its own 411GAR account. Lettering: full codes
(upper case), partial ones (lower case) on invoices paid in part, payments left unlettered by
the accountant, one lettering done after the closing date. Credit notes lettered with their
invoice, and one left open.

fec/manifest.json gives what the ledger must show, computed here from the entries themselves:
the 411 balance at the closing date, the number of invoices and credit notes, and per invoice
what is left where the lettering decides it.
"""

import json
import random

CLOSING = (2025, 12, 31)
HEADER = ["JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
          "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
          "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise"]
CUSTOMERS = [
    ("C001", "Boulangerie Pâtissière Lefèvre"),
    ("C002", "Hôtel du Lac SAS"),
    ("C003", "Crèche Les Œillets"),
    ("C004", "SCI Les Érables"),
    ("C005", "Cabinet Médical Saint-Éloi"),
    ("C006", "Restaurant L'Étoile"),
    ("C007", "Mairie de Saint-Genès"),
    (None, "Garage Müller"),  # its own account 411GAR
]
JOURNALS = {"AN": "A-nouveaux", "VT": "Ventes", "BQ": "Banque", "OD": "Opérations diverses"}


def ordinal(y, m, d):
    import datetime
    return datetime.date(y, m, d).toordinal()


def date_of(n):
    import datetime
    return datetime.date.fromordinal(n)


def fec_date(n):
    return date_of(n).strftime("%Y%m%d")


def lettering_code(index, partial=False):
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    code = letters[index // 26 % 26] + letters[index % 26]
    return code.lower() if partial else code


class Book:
    def __init__(self):
        self.lines = []  # dicts with HEADER keys, amounts in cents
        self.entries = 0

    def entry(self, journal, day, piece, label, rows):
        """rows: (account, account label, aux, aux label, debit, credit, lettering, date_let)."""
        self.entries += 1
        for account, account_label, aux, aux_label, debit, credit, let, date_let in rows:
            self.lines.append({
                "JournalCode": journal, "JournalLib": JOURNALS[journal],
                "EcritureNum": "%s%05d" % (journal, self.entries), "EcritureDate": day,
                "CompteNum": account, "CompteLib": account_label, "CompAuxNum": aux or "",
                "CompAuxLib": aux_label or "", "PieceRef": piece, "PieceDate": day,
                "EcritureLib": label, "Debit": debit, "Credit": credit, "EcritureLet": let or "",
                "DateLet": date_let, "ValidDate": day, "Montantdevise": "", "Idevise": ""})


def customer_account(customer):
    aux, name = customer
    if aux is None:
        return "411GAR", name, None, None
    return "411000", "Clients", aux, name


def build(rng):
    book = Book()
    closing = ordinal(*CLOSING)
    expected = {"settled": [], "partial": {}, "open": {}, "credit_notes_open": {}}
    letter_index = [0]

    def next_code(partial=False):
        code = lettering_code(letter_index[0], partial)
        letter_index[0] += 1
        return code

    loose_customers = set()
    invoices = []  # (number, customer, day, amount)
    # Opening entries: invoices of late 2024 still open on 1 January.
    for k, customer in enumerate(CUSTOMERS[:3]):
        day = ordinal(2024, 11, 5 + 7 * k)
        amount = rng.randrange(80000, 450000)
        number = "F2024-%04d" % (300 + k)
        invoices.append((number, customer, day, amount, "AN"))
    for k in range(118):
        customer = CUSTOMERS[rng.randrange(len(CUSTOMERS))]
        day = ordinal(2025, 1, 6) + k * 3 + rng.randrange(3)
        amount = rng.randrange(15000, 900000)
        invoices.append(("F2025-%04d" % (k + 1), customer, day, amount, "VT"))

    pending = []  # payments to book: (day, customer, amount, piece, letter, date_let)
    for number, customer, day, amount, journal in invoices:
        account, account_label, aux, aux_label = customer_account(customer)
        draw = rng.random()
        code, date_let, invoice_let = "", "", ""
        if journal == "VT" and draw < 0.05:
            # A credit note for a return: lettered with the invoice and the payment of the rest.
            note = amount // 5
            code = next_code()
            note_pay_day = day + rng.randrange(25, 60)
            if note_pay_day < closing:
                book_credit_note = (day + 8, note)
                pending.append((note_pay_day, customer, amount - note, "VIR-" + number, code,
                                fec_date(note_pay_day)))
                invoice_let = code
                expected["settled"].append(number)
            else:
                book_credit_note = None
        else:
            book_credit_note = None
        pay_day = day + rng.randrange(20, 95)
        if journal == "VT":
            ht = round(amount / 1.2)
            rows = [(account, account_label, aux, aux_label, amount, 0, invoice_let,
                     fec_date(note_pay_day) if invoice_let else ""),
                    ("706000", "Prestations de services", None, None, 0, ht, "", ""),
                    ("445710", "TVA collectée", None, None, 0, amount - ht, "", "")]
        else:
            rows = [(account, account_label, aux, aux_label, amount, 0, "", ""),
                    ("890000", "Bilan d'ouverture", None, None, 0, amount, "", "")]
        if book_credit_note:
            note_day, note = book_credit_note
        if book_credit_note is None and not invoice_let:
            if pay_day >= closing or draw > 0.93:
                expected["open"][number] = amount
            elif draw < 0.10 and journal == "VT":
                # Paid in two instalments: the second still to come at the closing.
                first = amount // 2
                code = next_code(partial=True)
                rows[0] = rows[0][:6] + (code, fec_date(pay_day))
                pending.append((pay_day, customer, first, "VIR-" + number, code, fec_date(pay_day)))
                expected["partial"][number] = amount - first
            elif draw < 0.16:
                # Paid, but the accountant did not letter it.
                pending.append((pay_day, customer, amount, "CHQ-" + number, "", ""))
                loose_customers.add(customer[1])
            elif draw < 0.18 and pay_day + 30 > closing:
                # Lettered in January: open, lettering-wise, on 31 December.
                let_day = ordinal(2026, 1, 15)
                code = next_code()
                rows[0] = rows[0][:6] + (code, fec_date(let_day))
                pending.append((pay_day, customer, amount, "VIR-" + number, code, fec_date(let_day)))
                loose_customers.add(customer[1])
            else:
                code = next_code()
                let_day = min(pay_day + rng.randrange(0, 20), closing)
                rows[0] = rows[0][:6] + (code, fec_date(let_day))
                pending.append((pay_day, customer, amount, "VIR-" + number, code, fec_date(let_day)))
                expected["settled"].append(number)
        entry_day = ordinal(2025, 1, 1) if journal == "AN" else day
        piece_day = fec_date(day)
        book.entry(journal, fec_date(entry_day), number, "Facture " + number + " " + customer[1],
                   rows)
        book.lines[-len(rows)]["PieceDate"] = piece_day
        if book_credit_note:
            ht = round(note / 1.2)
            book.entry("VT", fec_date(note_day), "AV-" + number, "Avoir sur " + number, [
                (account, account_label, aux, aux_label, 0, note, invoice_let,
                 fec_date(note_pay_day)),
                ("706000", "Prestations de services", None, None, ht, 0, "", ""),
                ("445710", "TVA collectée", None, None, note - ht, 0, "", "")])
    # A credit note granted in December, not yet set against anything.
    customer = CUSTOMERS[3]
    account, account_label, aux, aux_label = customer_account(customer)
    book.entry("VT", fec_date(ordinal(2025, 12, 18)), "AV-2025-0009", "Avoir geste commercial",
               [(account, account_label, aux, aux_label, 0, 24000, "", ""),
                ("706000", "Prestations de services", None, None, 20000, 0, "", ""),
                ("445710", "TVA collectée", None, None, 4000, 0, "", "")])
    expected["credit_notes_open"]["AV-2025-0009"] = -24000
    for pay_day, customer, amount, piece, code, date_let in sorted(pending, key=lambda p: p[0]):
        account, account_label, aux, aux_label = customer_account(customer)
        book.entry("BQ", fec_date(pay_day), piece, "Règlement " + customer[1], [
            ("512000", "Banque", None, None, amount, 0, "", ""),
            (account, account_label, aux, aux_label, 0, amount, code, date_let)])
    # An open invoice the accountant moves to doubtful customers (416) at the closing: the
    # debt is the same, the ledger must neither settle it nor count it twice.
    doubtful = next(n for n in expected["open"] if n.startswith("F2025"))
    number, customer, _day, amount, _journal = next(i for i in invoices if i[0] == doubtful)
    account, account_label, aux, aux_label = customer_account(customer)
    book.entry("OD", fec_date(closing), "DOUT-" + number, "Créance douteuse " + number, [
        (account, account_label, aux, aux_label, 0, amount, "", ""),
        ("416" + account[3:], "Clients douteux", aux, aux_label if aux else customer[1],
         amount, 0, "", "")])
    if aux is None:
        book.lines[-1]["CompteLib"] = customer[1]
    expected["doubtful"] = doubtful
    # Other entries, for realism: rent, salaries.
    for month in range(1, 13):
        book.entry("OD", fec_date(ordinal(2025, month, 28)), "LOY%02d" % month, "Loyer atelier", [
            ("613200", "Locations immobilières", None, None, 120000, 0, "", ""),
            ("401000", "Fournisseurs", None, None, 0, 120000, "", "")])
    # Invoices whose customer also had unlettered payments are allocated oldest first: their
    # balances depend on that order, so only the customer's total is fixed.
    for key in ("partial", "open"):
        expected[key] = {n: v for n, v in expected[key].items()
                         if next(c for (num, c, *_r) in invoices if num == n)[1] not in loose_customers}
    balance = sum(l["Debit"] - l["Credit"] for l in book.lines
                  if l["CompteNum"].startswith(("411", "416")))
    credit_notes = sum(1 for l in book.lines if l["PieceRef"].startswith("AV-") and
                       l["CompteNum"].startswith("411"))
    return book, {"balance_cents": balance, "invoices": len(invoices), "credit_notes": credit_notes,
                  "closing": "%04d-%02d-%02d" % CLOSING, **expected}


def amount_text(cents, padded):
    text = "%d,%02d" % (abs(cents) // 100, abs(cents) % 100)
    if padded:
        return (" " if cents >= 0 else "-") + text.rjust(18, "0")
    return text


def write(book, path, separator, encoding, padded=False, sense=False, bad_line=False):
    header = HEADER if not sense else HEADER[:11] + ["Montant", "Sens"] + HEADER[13:]
    out = [separator.join(header)]
    for index, line in enumerate(book.lines):
        cells = []
        for name in HEADER:
            value = line[name]
            if name in ("Debit", "Credit"):
                continue
            cells.append(str(value))
        if sense:
            debit, credit = line["Debit"], line["Credit"]
            amounts = [amount_text(debit or credit, padded), "D" if debit else "C"]
        else:
            amounts = [amount_text(line["Debit"], padded), amount_text(line["Credit"], padded)]
        cells = cells[:11] + amounts + cells[11:]
        out.append(separator.join(cells))
        if bad_line and index == 40:
            broken = list(cells)
            broken[4], broken[11] = "627000", "12,3,4"
            out.append(separator.join(broken))
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(out) + "\r\n")
    return (len(out) - 1) // 1


def write_fec(folder, seed):
    rng = random.Random(seed)
    book, expected = build(rng)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "pipe_utf8": "512345678FEC20251231.txt",
        "tab_latin9": "512345678FEC20251231-latin9.txt",
        "tab_sense": "512345678FEC20251231-montant-sens.txt",
    }
    write(book, folder / files["pipe_utf8"], "|", "utf-8")
    write(book, folder / files["tab_latin9"], "\t", "iso-8859-15", padded=True, bad_line=True)
    write(book, folder / files["tab_sense"], "\t", "utf-8", sense=True)
    # The unreadable line is line 43 of the latin-9 file (header, 41 lines, then it).
    manifest = {"files": files, "bad_line": 43, **expected}
    with open(folder / "manifest.json", "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return manifest
