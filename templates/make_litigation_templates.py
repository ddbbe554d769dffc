#!/usr/bin/env python3
"""Generates the litigation file's templates (.fodt), with the letters' styles:

    python3 templates/make_litigation_templates.py          # (re)writes them
    python3 templates/make_litigation_templates.py --check  # exit 1 if one is out of date

  - dossier-contentieux / litigation-file: the cover of the file, one page gathering what a
    request for an injonction de payer asks for (Code de procédure civile art. 1405 ff.: the
    parties' identity, the amount with its breakdown, the basis of the claim, the reminders and
    the mise en demeure), then the bordereau de pièces (table "Pieces");
  - decompte-creance / statement-of-claim: the claim per invoice (table "Factures") and the
    penalties per invoice and half-year with their rate and days (table "Penalites").

The fields are those src/uno/litigation/litigation_file.cxx fills (litigationFields()): the
letters' societe.* and client.* names, date, dossier.*; in the tables, facture.* and ligne.*,
one per cell, their second row repeated per line. Multi-line values stand alone in their
paragraph. Same rules as make_templates.py, whose styles these documents share.
"""

import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_templates as letters  # noqa: E402

P, Bold, TAB = letters.P, letters.Bold, letters.TAB
FIELDS = {
    "societe.nom", "societe.siret", "societe.adresse", "societe.telephone", "societe.email",
    "societe.ville", "client.nom", "client.raison_sociale", "client.siren", "client.adresse",
    "date", "dossier.principal", "dossier.penalites", "dossier.indemnites", "dossier.total",
    "dossier.conditions", "dossier.taux", "dossier.relances", "dossier.mise_en_demeure",
    "dossier.non_reclamees", "dossier.avoirs", "dossier.avertissements",
}
ROW_PREFIXES = ("facture.", "ligne.")


class Table:
    def __init__(self, name, cols, small=False):
        total = sum(c.width_cm for c in cols)
        if abs(total - letters.TEXT_WIDTH_CM) > 1e-9:
            raise ValueError("%s: columns %.2f cm wide" % (name, total))
        self.name, self.cols, self.small = name, cols, small


def col(header, field, width, amount=False):
    return letters.Column(header, field, width, amount)


FR = {
    "cover_title": "Dossier de contentieux — requête en injonction de payer",
    "cover": [
        ("Créancier", ["{{societe.nom}}", "{{societe.adresse}}", "SIRET : {{societe.siret}}"]),
        ("Débiteur (dénomination sociale)", ["{{client.raison_sociale}}", "{{client.adresse}}",
                                             "SIREN : {{client.siren}}",
                                             "Nom commercial dans nos livres : {{client.nom}}"]),
    ],
    "amounts_title": "Montant réclamé au {{date}}",
    "principal": "Principal (factures échues et impayées)",
    "penalites": "Pénalités de retard (art. L441-10 du Code de commerce)",
    "indemnites": "Indemnités forfaitaires de recouvrement (art. D441-5, 40 € par facture)",
    "total": "Total réclamé",
    "basis_title": "Fondement de la créance",
    "basis": ["Conditions de paiement des factures : {{dossier.conditions}}.",
              "Taux des pénalités : {{dossier.taux}}"],
    "reminders_title": "Relances et mise en demeure",
    "notice": "Mise en demeure : {{dossier.mise_en_demeure}}",
    "excluded_title": "Non réclamé, et points à vérifier",
    "exhibits_title": "Bordereau de pièces communiquées",
    "exhibits": [col("N°", "ligne.numero", 1.2), col("Pièce", "ligne.piece", 10.3),
                 col("Fichier", "ligne.fichier", 5.5)],
    "place": ["Fait à {{societe.ville}}, le {{date}}"],
    "claim_title": "Décompte de la créance au {{date}}",
    "claim_intro": "Créancier : {{societe.nom}} (SIRET {{societe.siret}}). Débiteur : "
                   "{{client.raison_sociale}} (SIREN {{client.siren}}).",
    "invoices": [col("Facture", "facture.numero", 2.2), col("Date", "facture.date", 1.75),
                 col("Échéance", "facture.echeance", 1.75),
                 col("Montant TTC", "facture.montant", 1.95, True),
                 col("Réglé", "facture.regle", 1.6, True),
                 col("Principal dû", "facture.reste", 1.95, True),
                 col("Jours", "facture.jours", 1.0, True),
                 col("Taux", "facture.taux", 1.55, True),
                 col("Pénalités", "facture.penalite", 1.6, True),
                 col("Indemnité", "facture.indemnite", 1.65, True)],
    "periods_title": "Pénalités par facture et par semestre (taux BCE du semestre + 10 points, "
                     "sauf taux contractuel ; montant × taux × jours / 365)",
    "periods": [col("Facture", "ligne.facture", 2.6), col("Semestre", "ligne.periode", 2.0),
                col("Du", "ligne.du", 2.4), col("Au", "ligne.au", 2.4),
                col("Jours", "ligne.jours", 1.6, True), col("Taux", "ligne.taux", 2.2, True),
                col("Pénalités", "ligne.montant", 3.8, True)],
    "credit_notes": "Avoirs non imputés, déduits du principal : {{dossier.avoirs}}",
}

EN = {
    "cover_title": "Litigation file — request for an injunction to pay (injonction de payer)",
    "cover": [
        ("Creditor", ["{{societe.nom}}", "{{societe.adresse}}", "SIRET: {{societe.siret}}"]),
        ("Debtor (legal name)", ["{{client.raison_sociale}}", "{{client.adresse}}",
                                 "SIREN: {{client.siren}}", "Trade name in our books: {{client.nom}}"]),
    ],
    "amounts_title": "Amount claimed on {{date}}",
    "principal": "Principal (invoices due and unpaid)",
    "penalites": "Late-payment penalties (French Commercial Code L441-10)",
    "indemnites": "Fixed recovery indemnities (D441-5, €40 per invoice)",
    "total": "Total claimed",
    "basis_title": "Basis of the claim",
    "basis": ["Payment terms of the invoices: {{dossier.conditions}}.",
              "Penalty rate: {{dossier.taux}}"],
    "reminders_title": "Reminders and formal notice",
    "notice": "Formal notice: {{dossier.mise_en_demeure}}",
    "excluded_title": "Not claimed, and points to check",
    "exhibits_title": "List of exhibits",
    "exhibits": [col("No.", "ligne.numero", 1.2), col("Exhibit", "ligne.piece", 10.3),
                 col("File", "ligne.fichier", 5.5)],
    "place": ["{{societe.ville}}, {{date}}"],
    "claim_title": "Statement of the claim on {{date}}",
    "claim_intro": "Creditor: {{societe.nom}} (SIRET {{societe.siret}}). Debtor: "
                   "{{client.raison_sociale}} (SIREN {{client.siren}}).",
    "invoices": [col("Invoice", "facture.numero", 2.2), col("Date", "facture.date", 1.75),
                 col("Due", "facture.echeance", 1.75),
                 col("Amount", "facture.montant", 1.95, True),
                 col("Paid", "facture.regle", 1.6, True),
                 col("Principal", "facture.reste", 1.95, True),
                 col("Days", "facture.jours", 1.0, True),
                 col("Rate", "facture.taux", 1.55, True),
                 col("Penalty", "facture.penalite", 1.6, True),
                 col("Indemnity", "facture.indemnite", 1.65, True)],
    "periods_title": "Penalties per invoice and half-year (the half-year's ECB rate + 10 points, "
                     "unless a contractual rate; amount × rate × days / 365)",
    "periods": [col("Invoice", "ligne.facture", 2.6), col("Half-year", "ligne.periode", 2.0),
                col("From", "ligne.du", 2.4), col("To", "ligne.au", 2.4),
                col("Days", "ligne.jours", 1.6, True), col("Rate", "ligne.taux", 2.2, True),
                col("Penalty", "ligne.montant", 3.8, True)],
    "credit_notes": "Open credit notes, deducted from the principal: {{dossier.avoirs}}",
}


def cover(tr):
    blocks = [P("Subject", Bold(tr["cover_title"]))]
    for title, lines in tr["cover"]:
        blocks.append(P("Payment_Title", title))
        blocks += [P("Payment", line) for line in lines]
    blocks.append(P("Subject", Bold(tr["amounts_title"])))
    blocks += [letters.total_line(tr["principal"], "{{dossier.principal}}", "Total_First"),
               letters.total_line(tr["penalites"], "{{dossier.penalites}}"),
               letters.total_line(tr["indemnites"], "{{dossier.indemnites}}"),
               letters.total_line(tr["total"], "{{dossier.total}}", "Total_Final")]
    blocks.append(P("Subject", Bold(tr["basis_title"])))
    blocks += [P("Body", line) for line in tr["basis"]]
    blocks.append(P("Subject", Bold(tr["reminders_title"])))
    blocks.append(P("Body", "{{dossier.relances}}"))
    blocks.append(P("Body", tr["notice"]))
    blocks.append(P("Subject", Bold(tr["excluded_title"])))
    blocks.append(P("Body", "{{dossier.non_reclamees}}"))
    blocks.append(P("Body", "{{dossier.avertissements}}"))
    blocks.append(("pagebreak",))
    blocks.append(P("Subject", Bold(tr["exhibits_title"])))
    blocks.append(("table", Table("Pieces", tr["exhibits"])))
    blocks += [P("Place_Date", line) for line in tr["place"]]
    blocks += letters.signature_block(["{{societe.nom}}"])
    return blocks


def claim(tr):
    blocks = [P("Subject", Bold(tr["claim_title"])), P("Body", tr["claim_intro"]),
              ("table", Table("Factures", tr["invoices"], small=True)),
              P("Body", tr["credit_notes"]),
              letters.total_line(tr["principal"], "{{dossier.principal}}", "Total_First"),
              letters.total_line(tr["penalites"], "{{dossier.penalites}}"),
              letters.total_line(tr["indemnites"], "{{dossier.indemnites}}"),
              letters.total_line(tr["total"], "{{dossier.total}}", "Total_Final"),
              P("Body", tr["periods_title"]),
              ("table", Table("Penalites", tr["periods"], small=True))]
    blocks += [P("Place_Date", line) for line in tr["place"]]
    return blocks


DOCUMENTS = {
    "fr": {"dossier-contentieux": ("Dossier de contentieux", cover(FR)),
           "decompte-creance": ("Décompte de la créance", claim(FR))},
    "en": {"litigation-file": ("Litigation file", cover(EN)),
           "statement-of-claim": ("Statement of the claim", claim(EN))},
}


def table_styles(table):
    name = table.name
    rows = ['<style:style style:name="%s" style:family="table"><style:table-properties '
            'style:width="%.2fcm" table:align="margins" fo:margin-top="0.1cm" '
            'fo:margin-bottom="0.2cm" style:may-break-between-rows="true"/></style:style>'
            % (name, letters.TEXT_WIDTH_CM)]
    for index, c in enumerate(table.cols):
        rows.append('<style:style style:name="%s.%s" style:family="table-column">'
                    '<style:table-column-properties style:column-width="%.2fcm" '
                    'style:rel-column-width="%d*"/></style:style>'
                    % (name, letters.column_letter(index), c.width_cm, round(c.width_cm * 1000)))
    padding = "0.06cm" if table.small else "0.1cm"
    rows.append('<style:style style:name="%s.H" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="bottom" fo:background-color="%s" fo:padding="%s" fo:border="%s"/>'
                '</style:style>' % (name, letters.HEADER_FILL, padding, letters.BORDER))
    rows.append('<style:style style:name="%s.C" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="top" fo:padding="%s" fo:border="%s"/></style:style>'
                % (name, padding, letters.BORDER))
    return rows


def table_xml(table):
    prefix = "Table_Small_" if table.small else "Table_"
    out = ['   <table:table table:name="%s" table:style-name="%s">' % (table.name, table.name)]
    for index, _ in enumerate(table.cols):
        out.append('    <table:table-column table:style-name="%s.%s"/>'
                   % (table.name, letters.column_letter(index)))
    out.append("    <table:table-header-rows><table:table-row>")
    for c in table.cols:
        out.append('     <table:table-cell table:style-name="%s.H"><text:p text:style-name="%s">%s'
                   '</text:p></table:table-cell>'
                   % (table.name, prefix + ("Heading_Amount" if c.amount else "Heading"), escape(c.header)))
    out.append("    </table:table-row></table:table-header-rows>")
    out.append("    <table:table-row>")
    for c in table.cols:
        out.append('     <table:table-cell table:style-name="%s.C"><text:p text:style-name="%s">{{%s}}'
                   '</text:p></table:table-cell>'
                   % (table.name, prefix + ("Contents_Amount" if c.amount else "Contents"), c.field))
    out.append("    </table:table-row>")
    out.append("   </table:table>")
    return out


def check(title, blocks):
    for block in blocks:
        if block[0] == "p":
            for piece in block[2]:
                text = piece.text if isinstance(piece, Bold) else piece if isinstance(piece, str) else ""
                for name in letters.placeholders_of(text):
                    if name not in FIELDS:
                        raise ValueError("%s: {{%s}} is not a field" % (title, name))
        elif block[0] == "table":
            for c in block[1].cols:
                if not c.field.startswith(ROW_PREFIXES):
                    raise ValueError("%s: {{%s}} is not a row field" % (title, c.field))


def document_xml(language, title, blocks):
    check(title, blocks)
    tables = [b[1] for b in blocks if b[0] == "table"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document %s office:version="1.3" '
           'office:mimetype="application/vnd.oasis.opendocument.text">'
           % " ".join('xmlns:%s="%s"' % ns for ns in letters.NAMESPACES),
           " <office:meta>",
           "  <meta:generator>Relance templates/make_litigation_templates.py</meta:generator>",
           "  <dc:title>%s</dc:title>" % escape(title),
           "  <dc:language>%s</dc:language>" % ("fr-FR" if language == "fr" else "en-GB"),
           " </office:meta>",
           " <office:font-face-decls>",
           '  <style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" '
           'style:font-family-generic="swiss" style:font-pitch="variable"/>' % (letters.FONT, letters.FONT),
           " </office:font-face-decls>",
           " <office:styles>"]
    out += ["  " + row for row in letters.styles_xml(language)]
    out.append(" </office:styles>")
    out.append(" <office:automatic-styles>")
    # The page layout of the letters, then one set of styles per table.
    out.append("  " + letters.automatic_styles_xml([], False)[0])
    out.append('  <style:style style:name="Break" style:family="paragraph" '
               'style:parent-style-name="Letter"><style:paragraph-properties '
               'fo:break-before="page"/></style:style>')
    for table in tables:
        out += ["  " + row for row in table_styles(table)]
    out.append(" </office:automatic-styles>")
    out.append(" <office:master-styles>")
    out.append('  <style:master-page style:name="Standard" style:page-layout-name="pm1">'
               '<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/>'
               ' / <text:page-count/></text:p></style:footer></style:master-page>')
    out.append(" </office:master-styles>")
    out.append(" <office:body>")
    out.append("  <office:text>")
    pending_break = False
    for block in blocks:
        if block[0] == "pagebreak":
            pending_break = True
        elif block[0] == "p":
            _, style, pieces = block
            if pending_break:
                out.append('   <text:p text:style-name="Break"/>')
                pending_break = False
            out.append('   <text:p text:style-name="%s">%s</text:p>'
                       % (style, letters.inline(pieces, language)))
        else:
            out += table_xml(block[1])
    out.append("  </office:text>")
    out.append(" </office:body>")
    out.append("</office:document>")
    return "\n".join(out) + "\n"


def outputs():
    here = os.path.dirname(os.path.abspath(__file__))
    for language, documents in DOCUMENTS.items():
        for name, (title, blocks) in documents.items():
            yield os.path.join(here, language, name + ".fodt"), document_xml(language, title, blocks)


def main(argv):
    check_only = "--check" in argv[1:]
    stale = []
    for path, text in outputs():
        data = text.encode("utf-8")
        if check_only:
            try:
                with open(path, "rb") as existing:
                    if existing.read() == data:
                        continue
            except FileNotFoundError:
                pass
            stale.append(path)
            continue
        with open(path, "wb") as out:
            out.write(data)
        print(os.path.relpath(path, os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    for path in stale:
        print("out of date: %s (run templates/make_litigation_templates.py)" % path, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
