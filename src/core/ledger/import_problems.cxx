// The import's problems in words, as the dialog's preview lists them, in French or English:
// "Ligne 12 : date illisible « 31/02/2024 » (Échéance)".
#include "core/ledger/ledger_import.hxx"

#include <string>

#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
namespace
{

// ---------------------------------------------------------------------------------------------
// Messages

// At most a few dozen characters of the offending value, cut on a UTF-8 boundary.
std::string shortValue(std::string_view value)
{
    constexpr std::size_t kMaxBytes = 60;
    if (value.size() <= kMaxBytes)
        return std::string(value);
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(value.substr(0, cut)) + "…";
}

} // namespace

std::string ledger_import_detail::quotedValue(std::string_view value, Language language)
{
    return language == Language::French ? "« " + shortValue(value) + " »"
                                        : "“" + shortValue(value) + "”";
}

std::string describe(const ImportProblem& problem, Language language, std::size_t firstSheetRow)
{
    using Kind = ImportProblem::Kind;
    const bool fr = language == Language::French;
    const std::string row = std::to_string(problem.sourceRow + firstSheetRow);
    std::string text = fr ? "Ligne " + row + " : " : "Row " + row + ": ";
    const std::string value = ledger_import_detail::quotedValue(problem.value, language);
    switch (problem.kind)
    {
    case Kind::BlankRow:
        text += fr ? "ligne vide ignorée" : "blank row skipped";
        break;
    case Kind::SubtotalRow:
        text += fr ? "sous-total ignoré" : "subtotal row skipped";
        if (!problem.value.empty())
            text += " " + value;
        break;
    case Kind::UnreadableDate:
        text += (fr ? "date illisible " : "unreadable date ") + value;
        break;
    case Kind::UnreadableAmount:
        text += (fr ? "montant illisible " : "unreadable amount ") + value;
        break;
    case Kind::UnreadableTerms:
        text +=
            (fr ? "conditions de paiement non reconnues " : "unrecognised payment terms ") + value;
        break;
    case Kind::DuplicateNumber:
        text += fr ? "facture " + value + " en double, ligne ignorée"
                   : "invoice " + value + " appears twice, row skipped";
        break;
    case Kind::MissingNumber:
        text += fr ? "numéro de facture manquant" : "missing invoice number";
        if (!problem.value.empty())
            text += (fr ? ", numérotée " : ", numbered ") + value;
        return text;
    case Kind::MissingAmount:
        text += fr ? "montant manquant" : "missing amount";
        break;
    case Kind::UnreadableReminder:
        text += (fr ? "relance non reconnue " : "unrecognised reminder note ") + value +
                (fr ? ", à écrire « R1 le 02/06/2026 », « R2 », « MED 15/06/2026 »"
                    : ", write it \"R1 02/06/2026\", \"R2\", \"MED 15/06/2026\"");
        break;
    case Kind::UnreadableFlag:
        text += (fr ? "ni oui ni non " : "neither yes nor no ") + value +
                (fr ? ", à écrire Oui ou Non (ou O/N, 1/0, X ou vide, Vrai/Faux)"
                    : ", write Yes or No (or Y/N, 1/0, X or blank, True/False)");
        break;
    }
    if (problem.field && problem.kind != Kind::DuplicateNumber)
        text += " (" + fieldLabel(*problem.field, language) + ")";
    return text;
}

} // namespace relance
