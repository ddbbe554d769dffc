#include "core/litigation/litigation_fields.hxx"

#include <algorithm>

#include "core/ledger/ledger_preview.hxx"

namespace relance
{

LetterFields litigationFields(const LitigationClaim& claim, const SenderDetails& sender,
                              const std::vector<Exhibit>& exhibits, Language language)
{
    const bool fr = language == Language::French;
    LetterFields result;
    FieldMap& f = result.fields;
    f["societe.nom"] = sender.name;
    f["societe.siret"] = sender.siret;
    f["societe.adresse"] = sender.address;
    f["societe.telephone"] = sender.phone;
    f["societe.email"] = sender.email;
    f["societe.ville"] = sender.city;
    f["client.nom"] = claim.customer.name;
    f["client.raison_sociale"] = claim.customer.legalName;
    f["client.siren"] = claim.siren;
    f["client.adresse"] = claim.customer.address.empty()
                              ? (fr ? "(siège social à compléter)" : "(registered office to add)")
                              : claim.customer.address;
    f["date"] = formatDate(claim.asOf, language);
    f["dossier.principal"] = formatMoney(claim.principal, language);
    f["dossier.penalites"] = formatMoney(claim.penalties, language);
    f["dossier.indemnites"] = formatMoney(claim.indemnities, language);
    f["dossier.total"] = formatMoney(claim.total(), language);
    std::string terms;
    for (const std::string& t : claim.terms)
        terms += (terms.empty() ? "" : ", ") + t;
    f["dossier.conditions"] =
        terms.empty() ? (fr ? "non précisées dans le registre" : "not given in the ledger") : terms;
    f["dossier.taux"] =
        claim.contractualRate
            ? (fr ? "taux contractuel de " : "contractual rate of ") +
                  formatRate(*claim.contractualRate, language) +
                  (fr ? " (conditions générales de vente)." : " (terms of sale).")
            : (fr ? "taux de la BCE à son opération de refinancement la plus récente, majoré "
                    "de 10 points, pour chaque semestre (art. L441-10 II)."
                  : "the ECB's main refinancing rate plus 10 points, for each half-year "
                    "(L441-10 II).");
    std::string reminders;
    for (const LogRecord& record : claim.reminders)
        reminders +=
            (reminders.empty() ? "" : "\n") +
            levelName(static_cast<ReminderLevel>(std::clamp(record.level, 0, 3)), language) +
            (fr ? " du " : " of ") + formatDate(record.date, language) +
            (record.channel.empty() ? "" : " (" + record.channel + ")") +
            (record.invoices.empty() ? "" : (fr ? " : " : ": ") + record.invoices);
    f["dossier.relances"] = reminders.empty()
                                ? (fr ? "Aucune relance au journal." : "No reminder in the log.")
                                : reminders;
    f["dossier.mise_en_demeure"] =
        claim.formalNotice ? formatDate(claim.formalNotice->date, language) +
                                 (fr ? ", délai de paiement au " : ", payment deadline ") +
                                 formatDate(*claim.deadline, language) +
                                 (*claim.deadline < claim.asOf
                                      ? (fr ? ", expiré sans paiement" : ", passed unpaid")
                                      : "")
                           : (fr ? "aucune au journal" : "none in the log");
    std::string notClaimed;
    for (const auto& item : claim.notClaimed)
        notClaimed += (notClaimed.empty() ? "" : "\n") + item.number + " (" +
                      formatMoney(item.balance, language) + ") : " + item.reason;
    f["dossier.non_reclamees"] = notClaimed.empty()
                                     ? (fr ? "Toutes les factures ouvertes sont réclamées."
                                           : "Every open invoice is claimed.")
                                     : notClaimed;
    std::string creditNotes;
    for (const ReminderInvoice& note : claim.openCreditNotes)
        creditNotes += (creditNotes.empty() ? "" : ", ") + note.number + " " +
                       formatMoney(note.balance, language);
    f["dossier.avoirs"] = creditNotes.empty() ? (fr ? "aucun" : "none") : creditNotes;
    std::string warnings;
    for (const std::string& warning : claim.warnings)
        warnings += (warnings.empty() ? "" : "\n") + warning;
    f["dossier.avertissements"] = warnings;

    for (const ClaimLine& line : claim.lines)
    {
        ReminderLine row;
        row.invoice = line.invoice;
        row.daysLate = line.daysLate;
        row.level = ReminderLevel::FormalNotice;
        row.penalty = line.penalty;
        row.indemnity = line.indemnity;
        result.invoices.push_back(invoiceRow(row, language));
        for (const ClaimLine::Period& period : line.periods)
            result.tables["Penalites"].push_back(
                {{"ligne.facture", line.invoice.number},
                 {"ligne.periode", toString(period.segment.period)},
                 {"ligne.du", formatDate(period.from, language)},
                 {"ligne.au", formatDate(period.to, language)},
                 {"ligne.jours", std::to_string(period.segment.days)},
                 {"ligne.taux", formatRate(period.segment.rate, language)},
                 {"ligne.montant", formatMoney(period.amount, language)}});
    }
    auto& pieces = result.tables["Pieces"];
    for (const Exhibit& exhibit : exhibits)
        pieces.push_back({{"ligne.numero", std::to_string(exhibit.number)},
                          {"ligne.piece", exhibit.title},
                          {"ligne.fichier",
                           exhibit.missing ? (fr ? "manquant" : "missing") : exhibit.fileName}});
    return result;
}

std::string describe(const LitigationClaim& claim, Language language)
{
    const bool fr = language == Language::French;
    std::string text =
        (fr ? "Créance sur " : "Claim on ") + claim.customer.legalName + " (SIREN " + claim.siren +
        (fr ? ") au " : ") on ") + formatDate(claim.asOf, language) + (fr ? " : " : ": ") +
        std::to_string(claim.lines.size()) +
        (fr ? " facture(s), principal " : " invoice(s), principal ") +
        formatMoney(claim.principal, language) + (fr ? ", pénalités " : ", penalties ") +
        formatMoney(claim.penalties, language) + (fr ? ", indemnités " : ", indemnities ") +
        formatMoney(claim.indemnities, language) + (fr ? ", total " : ", total ") +
        formatMoney(claim.total(), language) + ".";
    for (const std::string& warning : claim.warnings)
        text += "\n" + warning;
    return text;
}

} // namespace relance
