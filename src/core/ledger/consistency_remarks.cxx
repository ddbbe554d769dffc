// The consistency remarks in words, French and English: what the sheet says, the money at
// stake, the rows; the fix proposed or applied; the dialog's checkbox label.
#include "core/ledger/consistency_checks.hxx"
#include "core/ledger/source_sheets.hxx"

#include <string>

#include "core/ledger/ledger_preview.hxx"

namespace relance
{
namespace
{

constexpr std::size_t kRowsListed = 8;

// "1 204" with a narrow no-break space as formatMoney groups French amounts, "1,204" in English.
std::string formatCount(std::size_t count, Language language)
{
    const std::string digits = std::to_string(count);
    const std::string separator = language == Language::French ? "\u202f" : ",";
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            text += separator;
        text += digits[i];
    }
    return text;
}

// At most a few dozen characters of a status text, cut on a UTF-8 boundary.
std::string quoted(std::string_view value, Language language)
{
    constexpr std::size_t kMaxBytes = 40;
    std::string text(value);
    if (text.size() > kMaxBytes)
    {
        std::size_t cut = kMaxBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut) + "…";
    }
    return language == Language::French ? "« " + text + " »" : "“" + text + "”";
}

// "ligne 5", "lignes 5, 6 et 9", "lignes 5, 6, 9, 12, 15, 17, 20, 21 … et 1 196 autres";
// "lignes Janvier 5, Février 9" when several sheets are converted together.
std::string rowList(const ConsistencyRemark& remark, const SourceSheets& sheets, Language language)
{
    const std::vector<std::size_t>& rows = remark.rows;
    const auto rowName = [&](std::size_t i)
    {
        const std::size_t sheet = i < remark.sheets.size() ? remark.sheets[i] : 0;
        const std::string number = std::to_string(sheetRow(sheets, sheet, rows[i]));
        return sheets.size() > 1 && sheet < sheets.size() ? sheets[sheet].name + " " + number
                                                          : number;
    };
    const bool fr = language == Language::French;
    std::string text = rows.size() == 1 ? (fr ? "ligne " : "row ") : (fr ? "lignes " : "rows ");
    const std::size_t listed = rows.size() > kRowsListed ? kRowsListed : rows.size();
    for (std::size_t i = 0; i < listed; ++i)
    {
        if (i > 0)
            text += i + 1 == rows.size() ? (fr ? " et " : " and ") : ", ";
        text += rowName(i);
    }
    if (rows.size() > listed)
        text += (fr ? " … et " : " … and ") + formatCount(rows.size() - listed, language) +
                (fr ? " autres" : " more");
    return text;
}

// "1 facture dite « Payée »", "3 factures données pour réglées", "3 invoices marked “Paid”".
std::string statusSubject(const ConsistencyRemark& remark, bool paid, Language language)
{
    const bool one = remark.count == 1;
    const std::string count = formatCount(remark.count, language);
    if (language == Language::French)
    {
        const std::string invoices = count + (one ? " facture " : " factures ");
        if (!remark.sample.empty())
            return invoices + (one ? "dite " : "dites ") + quoted(remark.sample, language);
        return invoices + (one ? "donnée pour " : "données pour ") +
               (paid ? (one ? "réglée" : "réglées") : (one ? "impayée" : "impayées"));
    }
    const std::string invoices = count + (one ? " invoice " : " invoices ");
    if (!remark.sample.empty())
        return invoices + "marked " + quoted(remark.sample, language);
    return invoices + (paid ? "shown as paid" : "shown as unpaid");
}

// ": 1 500,00 € en tout" for the remarks whose money is the amounts concerned; nothing when
// the rows have no amount.
std::string amountsInAll(const ConsistencyRemark& remark, Language language)
{
    if (remark.amount == 0)
        return {};
    const bool fr = language == Language::French;
    return (fr ? " : " : ": ") + formatMoney(remark.amount, language) +
           (remark.count == 1 ? ""
            : fr              ? " en tout"
                              : " in all");
}

std::string invoicesWhose(const ConsistencyRemark& remark, Language language)
{
    const bool one = remark.count == 1;
    const std::string count = formatCount(remark.count, language);
    return language == Language::French ? count + (one ? " facture dont " : " factures dont ")
                                        : count + (one ? " invoice whose " : " invoices whose ");
}

} // namespace

std::string describe(const ConsistencyRemark& remark, Language language, std::size_t firstSheetRow)
{
    return describe(remark, language, SourceSheets{{std::string(), firstSheetRow}});
}

std::string describe(const ConsistencyRemark& remark, Language language, const SourceSheets& sheets)
{
    const bool fr = language == Language::French;
    const bool one = remark.count == 1;
    const std::string money = formatMoney(remark.amount, language);
    const std::string count = formatCount(remark.count, language);
    std::string text;
    switch (remark.kind)
    {
    case RemarkKind::PaidExclVat:
        text =
            statusSubject(remark, true, language) +
            (fr ? " dont le montant réglé est le montant HT : " + money + " de TVA resteraient dus"
                : " whose paid amount is the amount excl. VAT: " + money +
                      " of VAT would be left due");
        break;
    case RemarkKind::PaidStatusWithBalance:
        text = statusSubject(remark, true, language) +
               (fr ? " avec un reste dû : " + money + " seraient réclamés"
                   : " with a balance left: " + money + " would be chased");
        break;
    case RemarkKind::UnpaidStatusNothingDue:
        text = statusSubject(remark, false, language) +
               (fr ? " dont rien ne reste dû : " + money + " ne seraient pas réclamés"
                   : " with nothing left due: " + money + " would not be chased");
        break;
    case RemarkKind::Overpaid:
        text = fr ? count +
                        (one ? " facture réglée au-delà de son montant : "
                             : " factures réglées au-delà de leur montant : ") +
                        money + " de trop-perçu"
                  : count +
                        (one ? " invoice paid beyond its amount: "
                             : " invoices paid beyond their amount: ") +
                        money + " overpaid";
        break;
    case RemarkKind::NumberOtherAmount:
        text = fr ? count + (one ? " ligne reprend" : " lignes reprennent") +
                        " le numéro d'une facture précédente avec un autre montant : " + money +
                        " seraient ignorés"
                  : count + (one ? " row repeats" : " rows repeat") +
                        " an earlier invoice's number with another amount: " + money +
                        " would be left out";
        break;
    case RemarkKind::PaymentBeforeInvoice:
        text = invoicesWhose(remark, language) +
               (fr ? "la date de règlement précède la date de facture"
                   : "payment date is before the invoice date") +
               amountsInAll(remark, language);
        break;
    case RemarkKind::DueBeforeInvoice:
        text =
            invoicesWhose(remark, language) +
            (fr ? "l'échéance précède la date de facture" : "due date is before the invoice date") +
            amountsInAll(remark, language);
        break;
    case RemarkKind::VatRatio:
        text = invoicesWhose(remark, language) +
               (fr ? "les montants HT et TTC ne correspondent à aucun taux de TVA français"
                   : "amounts excl. and incl. VAT match no French VAT rate") +
               amountsInAll(remark, language);
        break;
    }
    return text + " (" + rowList(remark, sheets, language) + ")";
}

std::string fixText(const ConsistencyRemark& remark, Language language)
{
    const bool fr = language == Language::French;
    const bool one = remark.count == 1;
    const bool done = remark.fixed;
    std::string text =
        done ? (fr ? "Corrigé : " : "Fixed: ") : (fr ? "Correction proposée : " : "Proposed fix: ");
    switch (remark.kind)
    {
    case RemarkKind::PaidExclVat:
    case RemarkKind::PaidStatusWithBalance:
        if (fr)
            text += done ? (one ? "traitée comme réglée" : "traitées comme réglées")
                         : (one ? "la traiter comme réglée" : "les traiter comme réglées");
        else
            text += done ? "treated as paid" : (one ? "treat it as paid" : "treat them as paid");
        break;
    case RemarkKind::UnpaidStatusNothingDue:
        if (fr)
            text += done ? (one ? "traitée comme impayée" : "traitées comme impayées")
                         : (one ? "la traiter comme impayée" : "les traiter comme impayées");
        else
            text +=
                done ? "treated as unpaid" : (one ? "treat it as unpaid" : "treat them as unpaid");
        break;
    case RemarkKind::Overpaid:
        if (fr)
            text += one ? (done ? "montant réglé ramené" : "ramener le montant réglé") +
                              std::string(" à celui de la facture")
                        : (done ? "montants réglés ramenés" : "ramener les montants réglés") +
                              std::string(" à ceux des factures");
        else
            text += one ? (done ? "paid amount capped" : "cap the paid amount") +
                              std::string(" at the invoice amount")
                        : (done ? "paid amounts capped" : "cap the paid amounts") +
                              std::string(" at the invoice amounts");
        break;
    case RemarkKind::NumberOtherAmount:
    {
        const std::string number = quoted(remark.sample, language);
        if (fr)
            text += one ? (done ? "gardée" : "la garder") +
                              std::string(" comme facture distincte, numérotée ") + number
                        : (done ? "gardées" : "les garder") +
                              std::string(" comme factures distinctes, numérotées à la suite (") +
                              number + "…)";
        else
            text += one ? (done ? "kept" : "keep it") +
                              std::string(" as a separate invoice, numbered ") + number
                        : (done ? "kept" : "keep them") +
                              std::string(" as separate invoices, numbered in sequence (") +
                              number + "…)";
        break;
    }
    case RemarkKind::PaymentBeforeInvoice:
    case RemarkKind::VatRatio:
        if (fr)
            text += done ? "relances suspendues jusqu'à vérification"
                         : (one ? "suspendre ses relances" : "suspendre leurs relances") +
                               std::string(" jusqu'à vérification");
        else
            text += done ? "reminders held until checked"
                         : (one ? "hold its reminders" : "hold their reminders") +
                               std::string(" until checked");
        break;
    case RemarkKind::DueBeforeInvoice:
        if (!done)
            text += fr ? (one ? "recalculer l'échéance" : "recalculer les échéances") +
                             std::string(" d'après les conditions de paiement, à défaut "
                                         "suspendre les relances")
                       : (one ? "recompute the due date" : "recompute the due dates") +
                             std::string(" from the payment terms, or else hold the reminders");
        else if (remark.held == remark.count)
            text += fr ? "relances suspendues, faute de conditions de paiement"
                       : "reminders held, no payment terms known";
        else
        {
            const bool oneRecomputed = remark.count - remark.held == 1;
            text += fr ? (oneRecomputed ? "échéance recalculée" : "échéances recalculées") +
                             std::string(" d'après les conditions de paiement")
                       : (oneRecomputed ? "due date recomputed" : "due dates recomputed") +
                             std::string(" from the payment terms");
            if (remark.held > 0)
                text += fr ? ", relances suspendues pour " + formatCount(remark.held, language) +
                                 " sans conditions"
                           : ", reminders held for " + formatCount(remark.held, language) +
                                 " without terms";
        }
        break;
    }
    return text;
}

std::string fixLabel(const ConsistencyRemark& remark, Language language)
{
    const bool fr = language == Language::French;
    const bool one = remark.count == 1;
    const std::string count = formatCount(remark.count, language);
    // "les 3 factures" / "la facture", "the 3 invoices" / "the invoice".
    const std::string invoices = fr ? (one ? "la facture" : "les " + count + " factures")
                                    : (one ? "the invoice" : "the " + count + " invoices");
    const std::string ofInvoices = fr ? (one ? "de la facture" : "des " + count + " factures")
                                      : (one ? "the invoice" : "the " + count + " invoices");
    switch (remark.kind)
    {
    case RemarkKind::PaidExclVat:
        return fr ? (one ? "Traiter comme réglée " : "Traiter comme réglées ") + invoices +
                        (one ? " payée au HT" : " payées au HT")
                  : "Treat " + invoices + " paid excl. VAT as paid";
    case RemarkKind::PaidStatusWithBalance:
        return fr ? (one ? "Traiter comme réglée " : "Traiter comme réglées ") + invoices +
                        (one ? " dite réglée" : " dites réglées") + " avec un reste dû"
                  : "Treat " + invoices + " marked paid with a balance left as paid";
    case RemarkKind::UnpaidStatusNothingDue:
        return fr ? (one ? "Traiter comme impayée " : "Traiter comme impayées ") + invoices +
                        (one ? " dite impayée" : " dites impayées") + " sans reste dû"
                  : "Treat " + invoices + " marked unpaid with nothing due as unpaid";
    case RemarkKind::Overpaid:
        return fr ? (one ? "Ramener à son montant " : "Ramener à leur montant ") + invoices +
                        (one ? " trop réglée" : " trop réglées")
                  : (one ? "Cap the overpaid invoice at its amount"
                         : "Cap the " + count + " overpaid invoices at their amount");
    case RemarkKind::NumberOtherAmount:
        return fr ? (one ? "Garder comme facture distincte la ligne au numéro repris"
                         : "Garder comme factures distinctes les " + count +
                               " lignes au numéro repris")
                  : (one ? "Keep the row with a repeated number as a separate invoice"
                         : "Keep the " + count +
                               " rows with a repeated number as separate invoices");
    case RemarkKind::PaymentBeforeInvoice:
        return fr ? "Suspendre les relances " + ofInvoices +
                        (one ? " réglée avant sa date" : " réglées avant leur date")
                  : "Hold reminders for " + ofInvoices +
                        (one ? " paid before its date" : " paid before their date");
    case RemarkKind::DueBeforeInvoice:
        return fr ? "Recalculer l'échéance " + ofInvoices +
                        (one ? " échue avant sa date" : " échues avant leur date")
                  : "Recompute the due date of " + ofInvoices +
                        (one ? " due before its date" : " due before their date");
    case RemarkKind::VatRatio:
        return fr ? "Suspendre les relances " + ofInvoices + " aux montants HT et TTC incohérents"
                  : "Hold reminders for " + ofInvoices +
                        " whose amounts excl. and incl. VAT disagree";
    }
    return {};
}

} // namespace relance
