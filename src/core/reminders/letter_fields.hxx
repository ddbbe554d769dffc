// The fields a letter template (Writer document, e-mail body) uses, as display strings, and
// the literal filling of {{name}} placeholders.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/language.hxx"
#include "core/reminders/reminder_plan.hxx"

namespace relance
{

// The sender: the business sending the reminders.
struct SenderDetails
{
    std::string name;
    std::string siret;
    std::string address; // multi-line, '\n' between lines
    std::string iban;
    std::string bic;
    std::string email;
    std::string phone;
    std::string city; // "Fait à Lyon, le ..."
};

using FieldMap = std::map<std::string, std::string, std::less<>>;

struct LetterFields
{
    FieldMap fields;                // letterFieldNames()
    std::vector<FieldMap> invoices; // one per invoice line, invoiceFieldNames()
    // Other tables of a template by their name, one FieldMap per row ("ligne.*" names): the
    // litigation file's exhibits and penalty periods.
    std::map<std::string, std::vector<FieldMap>, std::less<>> tables;
};

// Every name letterFields() fills, in a stable order, for the template editor's list:
// client.nom, client.raison_sociale, client.adresse, client.siren, client.email,
// societe.nom, societe.siret, societe.adresse, societe.iban, societe.bic, societe.email,
// societe.telephone, societe.ville, date, date.longue, niveau, objet, echeance_reglement,
// delai, nombre_factures, factures.liste, total.du, total.penalites, total.indemnites,
// total.general, mention.paiement_croise, mention.releve_joint, mention.piece_jointe, suite.
const std::vector<std::string_view>& letterFieldNames();
// facture.numero, facture.date, facture.echeance, facture.montant, facture.regle,
// facture.reste, facture.retard, facture.penalite, facture.taux, facture.jours,
// facture.indemnite.
const std::vector<std::string_view>& invoiceFieldNames();

// Dates "15/11/2026" (French) or "2026-11-15" (English), money "1 234,56 €" / "€1,234.56"
// (formatMoney). Penalty, rate, penalty days and indemnity are empty below the formal notice.
// "objet" is the subject: "Relance n° 1 : facture(s) impayée(s)", "Mise en demeure de payer".
// With `statementEnclosed`, mention.releve_joint says in the body that the statement of
// account is enclosed and mention.piece_jointe is the enclosure line ("P. J. : relevé de
// compte"); both are empty otherwise, so that no letter announces what it does not carry.
LetterFields letterFields(const CustomerReminder& letter, const SenderDetails& sender,
                          Language language, bool statementEnclosed = false);

// 121'500 ppm: "12,15 %" (French, no-break space) or "12.15%".
std::string formatRate(RatePpm rate, Language language);
// The distinct rates of a penalty's half-years, in order: "12,15 % / 12 %".
std::string penaltyRates(const Penalty& penalty, Language language);
// One invoice's facture.* fields.
FieldMap invoiceRow(const ReminderLine& line, Language language);

// The distinct placeholder names of a text, in order of first appearance. A placeholder is
// "{{name}}", spaces allowed around the name; a name is letters, digits, '.', '_' and '-'.
// Text between "{{" and "}}" that is not a name ("{{client nom}}") throws InputError; an
// unclosed "{{" is literal text.
std::vector<std::string> placeholdersIn(std::string_view text);

// Each placeholder replaced by its value, literally: values are never re-scanned (a customer
// named "{{total.du}}" stays literal) nor escaped (markup such as "<b>" or "&" is copied as is;
// escaping for the target format is the caller's). An unknown name throws InputError naming it.
std::string fillPlaceholders(std::string_view text, const FieldMap& fields);

} // namespace relance
