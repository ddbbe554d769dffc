#!/usr/bin/env python3
"""Generates the reminder-letter templates of Relance as flat ODF text documents (.fodt).

    python3 templates/make_templates.py          # (re)writes templates/{fr,en}/*.fodt
    python3 templates/make_templates.py --check  # exit 1 if a written file is out of date

Standard library only and deterministic (no date, no random id): the same script always writes
the same bytes, so the generated files are kept in git and reviewed as text. The build
(templates/CMakeLists.txt) converts each .fodt into the packaged .odt the extension ships.

Placeholders are "{{name}}" with the names of src/core/reminders/letter_fields.hxx (letterFieldNames(),
invoiceFieldNames()). How the extension fills them (src/uno/reminders/letter_writer.cxx):
  - every document-level {{name}} is replaced with XReplaceable, literally; a "{{" left over is
    an error, so the templates use no other name and none in headers or footers;
  - the table named "Factures": its second row (the first after the header row) is the
    per-invoice template, copied once per invoice; the facture.* names appear only there, one
    placeholder per cell, in a single paragraph;
  - multi-line values (client.adresse, societe.adresse) stand alone in their paragraph.
Each placeholder is written as one piece of text, never split by a span.

Legal references (see shared DOMAIN.md): Code de commerce L441-10 (late-payment penalties, ECB
main refinancing rate + 10 points by default, due the day after the due date without reminder;
40 EUR fixed indemnity), D441-5 (the 40 EUR amount), Code civil 1344 (mise en demeure).
"""

import os
import sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
NBSP = "\u00a0"

# Every name this script may write, as listed by src/core/reminders/letter_fields.hxx.
LETTER_FIELDS = {
    "client.nom", "client.raison_sociale", "client.adresse", "client.siren", "client.email",
    "societe.nom", "societe.siret", "societe.adresse", "societe.iban", "societe.bic",
    "societe.email", "societe.telephone", "societe.ville", "date", "date.longue", "niveau",
    "objet", "echeance_reglement", "delai", "nombre_factures", "factures.liste", "total.du",
    "total.penalites", "total.indemnites", "total.general", "mention.paiement_croise",
    "mention.releve_joint", "mention.piece_jointe", "suite",
}
INVOICE_FIELDS = {
    "facture.numero", "facture.date", "facture.echeance", "facture.montant", "facture.regle",
    "facture.reste", "facture.retard", "facture.penalite", "facture.taux", "facture.jours",
    "facture.indemnite",
}

TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less two 2 cm margins
RIGHT_COLUMN_CM = 9.5  # recipient, place and date, signature: 11.5 cm from the page's left edge
TOTALS_INDENT_CM = 3.0  # the totals: label, dotted leader, amount flush right


# --------------------------------------------------------------------------------------------
# Text content: a paragraph is a list of pieces, each a plain string or one of these.


class Tab:
    pass


class Bold:
    def __init__(self, text):
        self.text = text


TAB = Tab()


def french_typography(text):
    """No-break spaces before the French high punctuation and inside "40 €", "n° 1"."""
    for mark in (":", ";", "?", "!", "€"):
        text = text.replace(" " + mark, NBSP + mark)
    return text.replace("n° ", "n°" + NBSP).replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def inline(pieces, language):
    out = []
    for piece in pieces:
        if isinstance(piece, Tab):
            out.append("<text:tab/>")
        elif isinstance(piece, Bold):
            out.append('<text:span text:style-name="Strong">%s</text:span>' % text_xml(piece.text, language))
        else:
            out.append(text_xml(piece, language))
    return "".join(out)


def text_xml(text, language):
    if language == "fr":
        text = french_typography(text)
    if "  " in text:
        raise ValueError("a run of spaces needs text:s: %r" % text)
    return escape(text)


# --------------------------------------------------------------------------------------------
# Letters: each is a list of blocks ("p", style, pieces) or ("table", columns).


class Column:
    def __init__(self, header, field, width_cm, amount=False):
        self.header, self.field, self.width_cm, self.amount = header, field, width_cm, amount


def columns(specs):
    cols = [Column(*spec) for spec in specs]
    total = sum(c.width_cm for c in cols)
    if abs(total - TEXT_WIDTH_CM) > 1e-9:
        raise ValueError("the Factures columns are %.2f cm wide, not %.2f" % (total, TEXT_WIDTH_CM))
    return cols


def P(style, *pieces):
    return ("p", style, list(pieces))


def TABLE(cols, small=False):
    return ("table", cols, small)


def sender_block(tr):
    return [
        P("Sender_Name", "{{societe.nom}}"),
        P("Sender", "{{societe.adresse}}"),
        P("Sender", tr["siret"], "{{societe.siret}}"),
        P("Sender", tr["phone"], "{{societe.telephone}}"),
        P("Sender", tr["email"], "{{societe.email}}"),
    ]


def recipient_block(tr, siren=False):
    blocks = [
        P("Recipient_First", "{{client.raison_sociale}}"),
        P("Recipient", "{{client.adresse}}"),
    ]
    if siren:
        blocks.append(P("Recipient", tr["siren"], "{{client.siren}}"))
    return blocks


def payment_block(tr):
    return [
        P("Payment_Title", tr["payment_title"]),
        P("Payment", Bold(tr["holder"]), "{{societe.nom}}"),
        P("Payment", Bold("IBAN" + tr["colon"]), "{{societe.iban}}"),
        P("Payment", Bold("BIC" + tr["colon"]), "{{societe.bic}}"),
        P("Payment", Bold(tr["reference"]), tr["reference_text"]),
    ]


def signature_block(lines, space=False):
    """The signing entity, then (after room for a handwritten signature if space) the signer."""
    blocks = [P("Signature_First", lines[0])]
    blocks += [P("Signature_Spaced" if space and i == 0 else "Signature", line)
               for i, line in enumerate(lines[1:])]
    return blocks


FR = {
    "colon": " : ",
    "siret": "SIRET : ",
    "siren": "SIREN : ",
    "phone": "Tél. : ",
    "email": "E-mail : ",
    "place_date": ["{{societe.ville}}, le {{date.longue}}"],
    "subject": "Objet : ",
    "dear": "Madame, Monsieur,",
    "payment_title": "Règlement par virement bancaire",
    "holder": "Titulaire : ",
    "reference": "Référence à indiquer : ",
    "reference_text": "numéros des factures réglées",
    "numero": "N° facture", "date": "Date", "echeance": "Échéance", "montant": "Montant TTC",
    "regle": "Réglé", "reste": "Reste dû", "retard": "Retard", "jours": "Jours",
    "taux": "Taux", "penalite": "Pénalités", "indemnite": "Indemnité",
}

EN = {
    "colon": ": ",
    "siret": "SIRET: ",
    "siren": "SIREN: ",
    "phone": "Tel.: ",
    "email": "E-mail: ",
    "place_date": ["{{societe.ville}}, {{date.longue}}"],
    "subject": "Subject: ",
    "dear": "Dear Sir or Madam,",
    "payment_title": "Payment by bank transfer",
    "holder": "Account holder: ",
    "reference": "Reference to quote: ",
    "reference_text": "the numbers of the invoices paid",
    "numero": "Invoice no.", "date": "Date", "echeance": "Due date", "montant": "Amount incl. VAT",
    "regle": "Paid", "reste": "Balance due", "retard": "Overdue", "jours": "Days",
    "taux": "Rate", "penalite": "Penalties", "indemnite": "Indemnity",
}


def standard_columns(tr, with_delay=True):
    """The table of the reminders and the statement: number, dates, amounts, days late."""
    if not with_delay:  # pre-due notice: nothing is late yet
        return columns([
            (tr["numero"], "facture.numero", 3.2),
            (tr["date"], "facture.date", 2.6),
            (tr["echeance"], "facture.echeance", 2.6),
            (tr["montant"], "facture.montant", 3.0, True),
            (tr["regle"], "facture.regle", 2.6, True),
            (tr["reste"], "facture.reste", 3.0, True),
        ])
    return columns([
        (tr["numero"], "facture.numero", 2.8),
        (tr["date"], "facture.date", 2.2),
        (tr["echeance"], "facture.echeance", 2.2),
        (tr["montant"], "facture.montant", 2.6, True),
        (tr["regle"], "facture.regle", 2.4, True),
        (tr["reste"], "facture.reste", 2.6, True),
        (tr["retard"], "facture.retard", 2.2, True),
    ])


def notice_columns(tr):
    """The formal notice's table: the balance plus the penalty and indemnity of each invoice.
    facture.jours (the days the penalty runs) replaces facture.retard, which says the same."""
    return columns([
        (tr["numero"], "facture.numero", 2.2),
        (tr["date"], "facture.date", 1.75),
        (tr["echeance"], "facture.echeance", 1.75),
        (tr["montant"], "facture.montant", 1.95, True),
        (tr["regle"], "facture.regle", 1.6, True),
        (tr["reste"], "facture.reste", 1.95, True),
        (tr["jours"], "facture.jours", 1.0, True),
        (tr["taux"], "facture.taux", 1.55, True),
        (tr["penalite"], "facture.penalite", 1.6, True),
        (tr["indemnite"], "facture.indemnite", 1.65, True),
    ])


def letter(tr, subject, body_before, table, body_after, closing, signature, siren=False,
           registered=None, crossed=None, enclosure=None):
    blocks = sender_block(tr) + recipient_block(tr, siren)
    blocks.append(P("Place_Date", *tr["place_date"]))
    if registered:
        blocks.append(P("Registered", registered))
    blocks.append(P("Subject", Bold(tr["subject"]), subject))
    blocks.append(P("Salutation", tr["dear"]))
    blocks += body_before
    blocks.append(table)
    blocks += body_after
    blocks += payment_block(tr)
    if crossed:
        blocks.append(P("Crossed", crossed))
    closing = [closing] if isinstance(closing, str) else closing
    blocks += [P("Body", line) for line in closing[:-1]]
    blocks.append(P("Closing", closing[-1]))
    blocks += signature_block(signature, space=registered is not None)
    if enclosure:
        blocks.append(P("Enclosure", enclosure))
    return blocks


def total_line(label, field, style="Total"):
    return P(style, label, TAB, field)


# --------------------------------------------------------------------------------------------
# The French letters.

FR_CLOSING = "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées."
FR_CROSSED = "Si votre règlement a croisé ce courrier, nous vous prions de ne pas tenir compte de cette relance."
FR_SIGNATURE = ["Le service comptabilité", "{{societe.nom}}"]

FR_LETTERS = {
    "pre-relance": ("Pré-relance", letter(
        FR,
        "{{objet}}",
        [P("Body", "Nous nous permettons de vous rappeler que le règlement détaillé ci-dessous "
                   "arrive prochainement à échéance. Ce courrier est un simple rappel, "
                   "destiné à faciliter le traitement du paiement par vos services.")],
        TABLE(standard_columns(FR, with_delay=False)),
        [total_line("Montant à régler", "{{total.du}}", "Total_Final"),
         P("Body", "Nous vous remercions de bien vouloir prévoir ce règlement à la date "
                   "d'échéance convenue, de préférence par virement sur le compte indiqué "
                   "ci-dessous, en rappelant nos références de facture."),
         P("Body", "Pour toute question concernant ces factures, notre service comptabilité "
                   "reste à votre disposition au {{societe.telephone}} ou par e-mail à "
                   "{{societe.email}}.")],
        "Nous vous remercions de votre confiance et vous prions d'agréer, Madame, Monsieur, "
        "l'expression de nos salutations distinguées.",
        FR_SIGNATURE,
        crossed="Si votre règlement a croisé ce courrier, nous vous prions de ne pas tenir "
                "compte de ce rappel.",
    )),
    "relance-1": ("Relance n° 1", letter(
        FR,
        "{{objet}}",
        [P("Body", "Sauf erreur ou omission de notre part, le règlement détaillé ci-dessous, "
                   "arrivé à échéance, ne nous est pas encore parvenu. Il s'agit sans doute "
                   "d'un simple oubli.")],
        TABLE(standard_columns(FR)),
        [total_line("Total restant dû", "{{total.du}}", "Total_Final"),
         P("Body", "Nous vous remercions de bien vouloir procéder à ce règlement dans les "
                   "meilleurs délais, de préférence par virement sur le compte indiqué "
                   "ci-dessous, en rappelant nos références de facture."),
         P("Body", "Si l'une de ces factures soulève une difficulté, n'hésitez pas à nous "
                   "contacter au {{societe.telephone}} ou par e-mail à {{societe.email}} : "
                   "nous trouverons ensemble une solution.")],
        "Nous vous remercions par avance et vous prions d'agréer, Madame, Monsieur, "
        "l'expression de nos salutations distinguées.",
        FR_SIGNATURE,
        crossed=FR_CROSSED,
    )),
    "relance-2": ("Relance n° 2", letter(
        FR,
        "{{objet}}",
        [P("Body", "Malgré notre précédente relance, le règlement détaillé ci-dessous ne nous "
                   "est toujours pas parvenu, bien que son échéance soit dépassée. "
                   "{{mention.releve_joint}}")],
        TABLE(standard_columns(FR)),
        [total_line("Total restant dû", "{{total.du}}", "Total_Final"),
         P("Body", "Nous vous demandons de régler cette somme dans un délai de {{delai}}, "
                   "soit au plus tard le {{echeance_reglement}}, par virement sur le compte "
                   "indiqué ci-dessous."),
         P("Body", "Nous vous rappelons que, conformément à l'article L441-10 du Code de "
                   "commerce et à nos conditions générales de vente, tout retard de paiement "
                   "rend exigibles de plein droit des pénalités de retard ainsi qu'une "
                   "indemnité forfaitaire pour frais de recouvrement de 40 € par facture "
                   "(article D441-5 du Code de commerce)."),
         P("Body", "À défaut de règlement dans ce délai, nous vous adresserons une mise en "
                   "demeure de payer. Si vous contestez tout ou partie de ces factures, merci "
                   "de nous en indiquer le motif sans attendre, au {{societe.telephone}} ou "
                   "par e-mail à {{societe.email}}.")],
        FR_CLOSING,
        FR_SIGNATURE,
        crossed=FR_CROSSED,
        enclosure="{{mention.piece_jointe}}",
    )),
    "mise-en-demeure": ("Mise en demeure de payer", letter(
        FR,
        "Mise en demeure de payer",
        [P("Body", "Malgré nos relances successives, restées sans effet, les sommes détaillées "
                   "ci-dessous, toutes échues, demeurent impayées à ce jour."),
         P("Body", "Par la présente, nous vous mettons en demeure de nous régler la somme de "
                   "{{total.general}}, qui se décompose comme suit :")],
        TABLE(notice_columns(FR), small=True),
        [total_line("Principal restant dû", "{{total.du}}", "Total_First"),
         total_line("Pénalités de retard (art. L441-10)", "{{total.penalites}}"),
         total_line("Indemnités forfaitaires (art. D441-5)", "{{total.indemnites}}"),
         total_line("Total dû", "{{total.general}}", "Total_Final"),
         P("Body", "Conformément à l'article L441-10 du Code de commerce, des pénalités de "
                   "retard sont exigibles de plein droit, sans qu'un rappel soit nécessaire, à "
                   "compter du jour suivant la date d'échéance. Elles sont calculées sur le "
                   "montant TTC restant dû, pour chaque jour de retard, au taux d'intérêt "
                   "appliqué par la Banque centrale européenne à son opération de "
                   "refinancement la plus récente majoré de 10 points de pourcentage (taux "
                   "indiqué pour chaque facture), sauf taux différent prévu par nos conditions "
                   "générales de vente. En application des articles L441-10 et D441-5 du même "
                   "code, une indemnité forfaitaire pour frais de recouvrement de 40 € est en "
                   "outre due pour chaque facture payée en retard, sans préjudice d'une "
                   "indemnisation complémentaire sur justification si les frais de "
                   "recouvrement exposés sont supérieurs."),
         P("Body", "En conséquence, nous vous demandons de nous régler la somme totale de "
                   "{{total.general}} dans un délai de {{delai}}, soit au plus tard le "
                   "{{echeance_reglement}}, par virement sur le compte indiqué ci-dessous."),
         P("Body", "À défaut de règlement intégral à cette date, nous saisirons sans autre avis "
                   "le Tribunal de commerce compétent d'une requête en injonction de payer, "
                   "afin d'obtenir le recouvrement de l'ensemble de ces sommes."),
         P("Body", "La présente lettre vaut mise en demeure au sens de l'article 1344 du Code "
                   "civil.")],
        "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations "
        "distinguées.",
        ["Pour {{societe.nom}},", "La direction"],
        siren=True,
        registered="Lettre recommandée avec accusé de réception",
        crossed="Si votre règlement a croisé ce courrier, nous vous prions de ne pas tenir "
                "compte de la présente mise en demeure.",
    )),
    "releve": ("Relevé de compte", letter(
        FR,
        "Relevé de compte au {{date}}",
        [P("Body", "Veuillez trouver ci-dessous le relevé de votre compte client au {{date}}, "
                   "qui reprend l'ensemble des factures restant ouvertes dans nos livres.")],
        TABLE(standard_columns(FR)),
        [total_line("Solde restant dû", "{{total.du}}", "Total_Final"),
         P("Body", "Les règlements reçus après le {{date}} ne figurent pas sur ce relevé. Nous "
                   "vous remercions de bien vouloir le rapprocher de votre comptabilité et de "
                   "nous signaler toute différence au {{societe.telephone}} ou par e-mail à "
                   "{{societe.email}}.")],
        FR_CLOSING,
        FR_SIGNATURE,
    )),
}

# --------------------------------------------------------------------------------------------
# The English letters: for English-speaking customers of a French company (French law applies).

EN_CLOSING = "Yours faithfully,"
EN_CROSSED = "If your payment has crossed this letter, please disregard this reminder."
EN_SIGNATURE = ["Accounts Department", "{{societe.nom}}"]

EN_LETTERS = {
    "pre-due-notice": ("Pre-due notice", letter(
        EN,
        "{{objet}}",
        [P("Body", "We would like to remind you that the payment detailed below will soon fall "
                   "due. This is simply a courtesy notice, to help your team schedule the "
                   "payment.")],
        TABLE(standard_columns(EN, with_delay=False)),
        [total_line("Amount to be paid", "{{total.du}}", "Total_Final"),
         P("Body", "We would be grateful if you could arrange payment on the agreed due date, "
                   "preferably by bank transfer to the account below, quoting our invoice "
                   "numbers as reference."),
         P("Body", "Should you have any question about these invoices, our accounts department "
                   "is available on {{societe.telephone}} or by e-mail at {{societe.email}}.")],
        ["Thank you for your business.", EN_CLOSING],
        EN_SIGNATURE,
        crossed="If your payment has crossed this letter, please disregard this notice.",
    )),
    "reminder-1": ("Reminder no. 1", letter(
        EN,
        "{{objet}}",
        [P("Body", "According to our records, the payment detailed below, which is now past its "
                   "due date, has not yet reached us. This is probably an oversight.")],
        TABLE(standard_columns(EN)),
        [total_line("Total balance due", "{{total.du}}", "Total_Final"),
         P("Body", "We would be grateful if you could arrange payment at your earliest "
                   "convenience, preferably by bank transfer to the account below, quoting our "
                   "invoice numbers as reference."),
         P("Body", "If any of these invoices raises a question, please do not hesitate to "
                   "contact us on {{societe.telephone}} or by e-mail at {{societe.email}}: we "
                   "will be glad to find a solution together.")],
        ["Thank you in advance for your prompt payment.", EN_CLOSING],
        EN_SIGNATURE,
        crossed=EN_CROSSED,
    )),
    "reminder-2": ("Reminder no. 2", letter(
        EN,
        "{{objet}}",
        [P("Body", "Despite our previous reminder, the payment detailed below has still not "
                   "reached us, although it is now overdue. {{mention.releve_joint}}")],
        TABLE(standard_columns(EN)),
        [total_line("Total balance due", "{{total.du}}", "Total_Final"),
         P("Body", "We ask you to pay this amount within {{delai}}, that is by "
                   "{{echeance_reglement}} at the latest, by bank transfer to the account below."),
         P("Body", "We remind you that, under article L441-10 of the French Commercial Code "
                   "(Code de commerce) and our terms of sale, any late payment automatically "
                   "makes late-payment penalties payable, together with a fixed indemnity for "
                   "recovery costs of €40 per invoice (article D441-5 of the Code de "
                   "commerce)."),
         P("Body", "Failing payment within this period, we will send you a formal notice to "
                   "pay. If you dispute all or part of these invoices, please let us know the "
                   "reason without delay, on {{societe.telephone}} or by e-mail at "
                   "{{societe.email}}.")],
        EN_CLOSING,
        EN_SIGNATURE,
        crossed=EN_CROSSED,
        enclosure="{{mention.piece_jointe}}",
    )),
    "formal-notice": ("Formal notice to pay", letter(
        EN,
        "Formal notice to pay",
        [P("Body", "Despite our successive reminders, which have remained unanswered, the sums "
                   "detailed below, all past their due date, are still unpaid."),
         P("Body", "We hereby give you formal notice to pay us the sum of {{total.general}}, "
                   "made up as follows:")],
        TABLE(notice_columns(EN), small=True),
        [total_line("Outstanding principal", "{{total.du}}", "Total_First"),
         total_line("Late-payment penalties (art. L441-10)", "{{total.penalites}}"),
         total_line("Fixed recovery indemnities (art. D441-5)", "{{total.indemnites}}"),
         total_line("Total due", "{{total.general}}", "Total_Final"),
         P("Body", "Under article L441-10 of the French Commercial Code (Code de commerce), "
                   "late-payment penalties are due automatically, without any reminder being "
                   "necessary, from the day after the due date. They are calculated on the "
                   "outstanding amount including VAT, for each day of delay, at the interest "
                   "rate applied by the European Central Bank to its most recent refinancing "
                   "operation plus 10 percentage points (the rate shown for each invoice), "
                   "unless our terms of sale provide for a different rate. Under articles "
                   "L441-10 and D441-5 of the same code, a fixed indemnity for recovery costs "
                   "of €40 is also due for each invoice paid late, without prejudice to "
                   "further compensation, on proof, where the recovery costs incurred are "
                   "higher."),
         P("Body", "We therefore require you to pay us the total sum of {{total.general}} "
                   "within {{delai}}, that is by {{echeance_reglement}} at the latest, by bank "
                   "transfer to the account below."),
         P("Body", "Failing full payment by that date, we will, without further notice, apply "
                   "to the competent Commercial Court (Tribunal de commerce) for an order for "
                   "payment (injonction de payer) to recover all of these sums."),
         P("Body", "This letter constitutes formal notice within the meaning of article 1344 of "
                   "the French Civil Code (Code civil).")],
        EN_CLOSING,
        ["For {{societe.nom}},", "The Management"],
        siren=True,
        registered="Registered letter with acknowledgement of receipt",
        crossed="If your payment has crossed this letter, please disregard this formal notice.",
    )),
    "statement": ("Statement of account", letter(
        EN,
        "Statement of account as at {{date}}",
        [P("Body", "Please find below the statement of your customer account as at {{date}}, "
                   "listing all the invoices still open in our books.")],
        TABLE(standard_columns(EN)),
        [total_line("Balance due", "{{total.du}}", "Total_Final"),
         P("Body", "Payments received after {{date}} do not appear on this statement. We would "
                   "be grateful if you could check it against your own records and let us know "
                   "of any difference, on {{societe.telephone}} or by e-mail at "
                   "{{societe.email}}.")],
        "Kind regards,",
        EN_SIGNATURE,
    )),
}

# --------------------------------------------------------------------------------------------
# The document.

FONT = "Liberation Sans"
BORDER = "0.5pt solid #7f7f7f"
HEADER_FILL = "#e6ebf1"

NAMESPACES = [
    ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
]


def paragraph_style(name, display, parent="Letter", props="", text="", tabs=None, klass="text"):
    tab_xml = ""
    if tabs:
        tab_xml = "<style:tab-stops>%s</style:tab-stops>" % "".join(
            '<style:tab-stop style:position="%.2fcm" style:type="right"%s/>'
            % (pos, ' style:leader-style="dotted" style:leader-text="."' if dotted else "")
            for pos, dotted in tabs)
    inner = ""
    if props or tab_xml:
        inner += "<style:paragraph-properties%s%s>" % (props and " " + props, "" if tab_xml else "/")
        if tab_xml:
            inner += tab_xml + "</style:paragraph-properties>"
    if text:
        inner += "<style:text-properties %s/>" % text
    parent_attr = ' style:parent-style-name="%s"' % parent if parent else ""
    return ('<style:style style:name="%s" style:display-name=%s style:family="paragraph"%s '
            'style:class="%s">%s</style:style>' % (name, quoteattr(display), parent_attr, klass, inner))


def styles_xml(language):
    fo_language, fo_country = ("fr", "FR") if language == "fr" else ("en", "GB")
    right = 'fo:margin-left="%.1fcm"' % RIGHT_COLUMN_CM
    rows = [
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>'
        '<style:text-properties style:font-name="%s" fo:font-size="10pt" fo:language="%s" '
        'fo:country="%s" fo:hyphenate="false"/></style:default-style>' % (FONT, fo_language, fo_country),
        '<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/>'
        '</style:default-style>',
        paragraph_style("Standard", "Standard", parent=None),
        paragraph_style("Letter", "Relance: letter", parent="Standard",
                        props='fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="115%"',
                        text='style:font-name="%s" fo:font-size="10pt"' % FONT),
        paragraph_style("Sender_Name", "Relance: sender name", text='fo:font-size="12pt" fo:font-weight="bold"'),
        paragraph_style("Sender", "Relance: sender", text='fo:font-size="9pt" fo:color="#404040"'),
        paragraph_style("Recipient_First", "Relance: recipient name",
                        props=right + ' fo:margin-top="0.7cm"', text='fo:font-weight="bold"'),
        paragraph_style("Recipient", "Relance: recipient", props=right),
        paragraph_style("Place_Date", "Relance: place and date",
                        props=right + ' fo:margin-top="0.8cm" fo:margin-bottom="0.6cm"'),
        paragraph_style("Registered", "Relance: registered letter",
                        props='fo:margin-bottom="0.2cm"',
                        text='fo:font-weight="bold" fo:text-transform="uppercase" fo:font-size="9pt"'),
        paragraph_style("Subject", "Relance: subject", props='fo:margin-bottom="0.4cm"',
                        text='fo:font-weight="bold"'),
        paragraph_style("Salutation", "Relance: salutation", props='fo:margin-bottom="0.3cm"'),
        paragraph_style("Body", "Relance: body", props='fo:margin-bottom="0.25cm" fo:text-align="justify" '
                        'fo:orphans="2" fo:widows="2"'),
        # Tab positions are relative to the paragraph's indent (Writer's default for ODF).
        paragraph_style("Total", "Relance: total", tabs=[(TEXT_WIDTH_CM - TOTALS_INDENT_CM, True)],
                        props='fo:margin-left="%.1fcm" fo:keep-with-next="always"' % TOTALS_INDENT_CM),
        paragraph_style("Total_First", "Relance: first total", parent="Total",
                        props='fo:margin-top="0.3cm"'),
        paragraph_style("Total_Final", "Relance: final total", parent="Total",
                        props='fo:margin-top="0.15cm" fo:margin-bottom="0.5cm" fo:keep-with-next="auto"',
                        text='fo:font-weight="bold"'),
        paragraph_style("Payment_Title", "Relance: payment title",
                        props='fo:margin-top="0.2cm" fo:padding="0.15cm" fo:border="%s" '
                              'fo:background-color="%s" fo:keep-with-next="always"' % (BORDER, HEADER_FILL),
                        text='fo:font-weight="bold" fo:font-size="9.5pt"'),
        paragraph_style("Payment", "Relance: payment details",
                        props='fo:padding="0.15cm" fo:border="%s" fo:keep-with-next="always"' % BORDER,
                        text='fo:font-size="9.5pt"'),
        paragraph_style("Crossed", "Relance: crossed payment", props='fo:margin-top="0.3cm" fo:margin-bottom="0.25cm"',
                        text='fo:font-style="italic"'),
        paragraph_style("Closing", "Relance: closing", props='fo:margin-bottom="0.4cm" fo:keep-with-next="always"'),
        paragraph_style("Signature_First", "Relance: signature", props=right + ' fo:keep-with-next="always"'),
        paragraph_style("Signature", "Relance: signature name", props=right, text='fo:font-weight="bold"'),
        paragraph_style("Signature_Spaced", "Relance: signature name after room to sign", parent="Signature",
                        props='fo:margin-top="1.6cm"'),
        paragraph_style("Enclosure", "Relance: enclosure", props='fo:margin-top="0.5cm"', text='fo:font-size="9pt"'),
        paragraph_style("Table_Heading", "Relance: table heading", props='fo:text-align="start"',
                        text='fo:font-weight="bold" fo:font-size="8.5pt"'),
        paragraph_style("Table_Heading_Amount", "Relance: table heading, amount", parent="Table_Heading",
                        props='fo:text-align="end"'),
        paragraph_style("Table_Contents", "Relance: table contents", props='fo:text-align="start"',
                        text='fo:font-size="8.5pt"'),
        paragraph_style("Table_Contents_Amount", "Relance: table contents, amount", parent="Table_Contents",
                        props='fo:text-align="end"'),
        paragraph_style("Table_Small_Heading", "Relance: small table heading", parent="Table_Heading",
                        text='fo:font-size="7.5pt"'),
        paragraph_style("Table_Small_Heading_Amount", "Relance: small table heading, amount",
                        parent="Table_Small_Heading", props='fo:text-align="end"'),
        paragraph_style("Table_Small_Contents", "Relance: small table contents", parent="Table_Contents",
                        text='fo:font-size="7.5pt"'),
        paragraph_style("Table_Small_Contents_Amount", "Relance: small table contents, amount",
                        parent="Table_Small_Contents", props='fo:text-align="end"'),
        paragraph_style("Footer", "Footer", parent="Letter", klass="extra",
                        props='fo:text-align="center"', text='fo:font-size="8pt" fo:color="#595959"'),
        '<style:style style:name="Strong" style:display-name="Strong Emphasis" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>',
    ]
    return rows


def automatic_styles_xml(cols, small):
    rows = [
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
        'fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" '
        'fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
        # 1 cm + the footer (0.4 cm spacing, 0.6 cm high): the text ends 2 cm above the page's edge.
        '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>',
        '<style:style style:name="Factures" style:family="table"><style:table-properties '
        'style:width="%.2fcm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.2cm" '
        'style:may-break-between-rows="true"/></style:style>' % TEXT_WIDTH_CM,
    ]
    for index, col in enumerate(cols):
        rows.append('<style:style style:name="Factures.%s" style:family="table-column">'
                    '<style:table-column-properties style:column-width="%.2fcm" '
                    'style:rel-column-width="%d*"/></style:style>'
                    % (column_letter(index), col.width_cm, round(col.width_cm * 1000)))
    padding = "0.06cm" if small else "0.1cm"
    rows.append('<style:style style:name="Factures.H" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="bottom" fo:background-color="%s" fo:padding="%s" fo:border="%s"/>'
                '</style:style>' % (HEADER_FILL, padding, BORDER))
    rows.append('<style:style style:name="Factures.C" style:family="table-cell"><style:table-cell-properties '
                'style:vertical-align="top" fo:padding="%s" fo:border="%s"/></style:style>' % (padding, BORDER))
    return rows


def column_letter(index):
    return chr(ord("A") + index)


def table_xml(cols, small, indent):
    prefix = "Table_Small_" if small else "Table_"
    pad = " " * indent
    out = [pad + '<table:table table:name="Factures" table:style-name="Factures">']
    for index, _ in enumerate(cols):
        out.append(pad + '  <table:table-column table:style-name="Factures.%s"/>' % column_letter(index))
    out.append(pad + "  <table:table-header-rows>")
    out.append(pad + "    <table:table-row>")
    for col in cols:
        style = prefix + ("Heading_Amount" if col.amount else "Heading")
        out.append(pad + '      <table:table-cell table:style-name="Factures.H">'
                   '<text:p text:style-name="%s">%s</text:p></table:table-cell>' % (style, escape(col.header)))
    out.append(pad + "    </table:table-row>")
    out.append(pad + "  </table:table-header-rows>")
    out.append(pad + "  <table:table-row>")
    for col in cols:
        style = prefix + ("Contents_Amount" if col.amount else "Contents")
        out.append(pad + '      <table:table-cell table:style-name="Factures.C">'
                   '<text:p text:style-name="%s">{{%s}}</text:p></table:table-cell>' % (style, col.field))
    out.append(pad + "  </table:table-row>")
    out.append(pad + "</table:table>")
    return out


def document_xml(language, title, blocks):
    tables = [b for b in blocks if b[0] == "table"]
    if len(tables) != 1:
        raise ValueError("%s: a letter has exactly one Factures table" % title)
    _, cols, small = tables[0]
    check_placeholders(title, blocks)

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append('<office:document %s office:version="1.3" '
               'office:mimetype="application/vnd.oasis.opendocument.text">'
               % " ".join('xmlns:%s="%s"' % ns for ns in NAMESPACES))
    out.append(" <office:meta>")
    out.append("  <meta:generator>Relance templates/make_templates.py</meta:generator>")
    out.append("  <dc:title>%s</dc:title>" % escape(title))
    out.append("  <dc:language>%s</dc:language>" % ("fr-FR" if language == "fr" else "en-GB"))
    out.append(" </office:meta>")
    out.append(" <office:font-face-decls>")
    out.append('  <style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" '
               'style:font-family-generic="swiss" style:font-pitch="variable"/>' % (FONT, FONT))
    out.append(" </office:font-face-decls>")
    out.append(" <office:styles>")
    out += ["  " + row for row in styles_xml(language)]
    out.append(" </office:styles>")
    out.append(" <office:automatic-styles>")
    out += ["  " + row for row in automatic_styles_xml(cols, small)]
    out.append(" </office:automatic-styles>")
    out.append(" <office:master-styles>")
    out.append('  <style:master-page style:name="Standard" style:page-layout-name="pm1">'
               '<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/>'
               ' / <text:page-count/></text:p></style:footer></style:master-page>')
    out.append(" </office:master-styles>")
    out.append(" <office:body>")
    out.append("  <office:text>")
    for block in blocks:
        if block[0] == "p":
            _, style, pieces = block
            out.append('   <text:p text:style-name="%s">%s</text:p>' % (style, inline(pieces, language)))
        else:
            out += table_xml(cols, small, 3)
    out.append("  </office:text>")
    out.append(" </office:body>")
    out.append("</office:document>")
    return "\n".join(out) + "\n"


def placeholders_of(text):
    names, position = [], 0
    while True:
        start = text.find("{{", position)
        if start < 0:
            return names
        end = text.find("}}", start)
        if end < 0:
            raise ValueError("unclosed placeholder in %r" % text)
        names.append(text[start + 2:end])
        position = end + 2


def check_placeholders(title, blocks):
    """Document-level names only outside the table, invoice names only in its template row."""
    for block in blocks:
        if block[0] == "p":
            for piece in block[2]:
                text = piece.text if isinstance(piece, Bold) else piece if isinstance(piece, str) else ""
                for name in placeholders_of(text):
                    if name not in LETTER_FIELDS:
                        raise ValueError("%s: {{%s}} is not a letter field" % (title, name))
        else:
            for col in block[1]:
                if col.field not in INVOICE_FIELDS:
                    raise ValueError("%s: {{%s}} is not an invoice field" % (title, col.field))


def outputs():
    for language, letters in (("fr", FR_LETTERS), ("en", EN_LETTERS)):
        for name, (title, blocks) in letters.items():
            path = os.path.join(HERE, language, name + ".fodt")
            yield path, document_xml(language, title, blocks)


def main(argv):
    check = "--check" in argv[1:]
    stale = []
    for path, text in outputs():
        data = text.encode("utf-8")
        if check:
            try:
                with open(path, "rb") as existing:
                    if existing.read() == data:
                        continue
            except FileNotFoundError:
                pass
            stale.append(path)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
        print(os.path.relpath(path, os.path.dirname(HERE)))
    if stale:
        for path in stale:
            print("out of date: %s (run templates/make_templates.py)" % path, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
