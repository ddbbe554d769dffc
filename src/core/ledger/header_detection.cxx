// Header detection: which column of the sheet holds which field, from header texts matched
// against French and English synonyms (accents, case, punctuation and filler words ignored).
#include "core/ledger/ledger_import.hxx"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "core/ledger/ledger_import_detail.hxx"

namespace relance
{
using namespace ledger_import_detail;

namespace
{

using Field = LedgerField;

// ---------------------------------------------------------------------------------------------
// Header matching

// Synonyms as people type them; they are normalized exactly like the headers they are matched
// against, so accents, case, punctuation and filler words do not matter here either.
struct Synonym
{
    std::string_view text;
    Field field;
};

constexpr Synonym kSynonyms[] = {
    // invoice number ("N° fact.", "Numéro de facture", "Invoice #" normalize to these)
    {"N°", Field::InvoiceNumber},
    {"No", Field::InvoiceNumber},
    {"Nr", Field::InvoiceNumber},
    {"Num", Field::InvoiceNumber},
    {"Numéro", Field::InvoiceNumber},
    {"Number", Field::InvoiceNumber},
    {"Facture", Field::InvoiceNumber},
    {"Fact", Field::InvoiceNumber},
    {"Invoice", Field::InvoiceNumber},
    {"Réf", Field::InvoiceNumber},
    {"Référence", Field::InvoiceNumber},
    {"Ref", Field::InvoiceNumber},
    {"Reference", Field::InvoiceNumber},
    {"Pièce", Field::InvoiceNumber},
    {"N° pièce", Field::InvoiceNumber},
    // customer
    {"Client", Field::Customer},
    {"Nom client", Field::Customer},
    {"Nom du client", Field::Customer},
    {"Nom", Field::Customer},
    {"Customer", Field::Customer},
    {"Client name", Field::Customer},
    {"Customer name", Field::Customer},
    {"Tiers", Field::Customer},
    // legal name
    {"Raison sociale", Field::LegalName},
    {"Dénomination", Field::LegalName},
    {"Dénomination sociale", Field::LegalName},
    {"Legal name", Field::LegalName},
    {"Company name", Field::LegalName},
    // SIREN
    {"SIREN", Field::Siren},
    {"SIRET", Field::Siren},
    {"N° SIREN", Field::Siren},
    {"N° SIRET", Field::Siren},
    // e-mail
    {"Email", Field::Email},
    {"E-mail", Field::Email},
    {"Courriel", Field::Email},
    {"Mail", Field::Email},
    {"Mél", Field::Email},
    {"Adresse mail", Field::Email},
    {"Adresse e-mail", Field::Email},
    {"Adresse email", Field::Email},
    {"Email address", Field::Email},
    // invoice date ("Date facture", "Invoice date" normalize to "date")
    {"Date", Field::InvoiceDate},
    {"Date d'émission", Field::InvoiceDate},
    {"Émise le", Field::InvoiceDate},
    {"Date de facturation", Field::InvoiceDate},
    {"Issue date", Field::InvoiceDate},
    {"Date pièce", Field::InvoiceDate},
    // due date
    {"Échéance", Field::DueDate},
    {"Date d'échéance", Field::DueDate},
    {"Date limite de paiement", Field::DueDate},
    {"Date limite", Field::DueDate},
    {"Payable le", Field::DueDate},
    {"Due", Field::DueDate},
    {"Due date", Field::DueDate},
    {"Due on", Field::DueDate},
    // payment date
    {"Réglé le", Field::PaymentDate},
    {"Payé le", Field::PaymentDate},
    {"Encaissé le", Field::PaymentDate},
    {"Date de règlement", Field::PaymentDate},
    {"Date de paiement", Field::PaymentDate},
    {"Date d'encaissement", Field::PaymentDate},
    {"Date réglée", Field::PaymentDate},
    {"Paid on", Field::PaymentDate},
    {"Payment date", Field::PaymentDate},
    {"Date paid", Field::PaymentDate},
    {"Paid date", Field::PaymentDate},
    // paid amount
    {"Réglé", Field::PaidAmount},
    {"Montant réglé", Field::PaidAmount},
    {"Déjà réglé", Field::PaidAmount},
    {"Payé", Field::PaidAmount},
    {"Montant payé", Field::PaidAmount},
    {"Encaissé", Field::PaidAmount},
    {"Montant encaissé", Field::PaidAmount},
    {"Acompte", Field::PaidAmount},
    {"Acomptes", Field::PaidAmount},
    {"Montant de l'acompte", Field::PaidAmount},
    {"Paid", Field::PaidAmount},
    {"Amount paid", Field::PaidAmount},
    {"Paid amount", Field::PaidAmount},
    // amount including VAT
    {"Montant TTC", Field::AmountInclVat},
    {"TTC", Field::AmountInclVat},
    {"Total TTC", Field::AmountInclVat},
    {"Prix TTC", Field::AmountInclVat},
    {"Montant", Field::AmountInclVat},
    {"Amount", Field::AmountInclVat},
    {"Total", Field::AmountInclVat},
    {"Total amount", Field::AmountInclVat},
    {"Amount incl. VAT", Field::AmountInclVat},
    {"Amount including VAT", Field::AmountInclVat},
    {"Amount inc. VAT", Field::AmountInclVat},
    {"Total incl. VAT", Field::AmountInclVat},
    {"Gross", Field::AmountInclVat},
    {"Gross amount", Field::AmountInclVat},
    // amount excluding VAT
    {"HT", Field::AmountExclVat},
    {"Montant HT", Field::AmountExclVat},
    {"Total HT", Field::AmountExclVat},
    {"Prix HT", Field::AmountExclVat},
    {"Net", Field::AmountExclVat},
    {"Net amount", Field::AmountExclVat},
    {"Amount excl. VAT", Field::AmountExclVat},
    {"Amount excluding VAT", Field::AmountExclVat},
    {"Amount ex. VAT", Field::AmountExclVat},
    {"Total excl. VAT", Field::AmountExclVat},
    // balance
    {"Reste dû", Field::Balance},
    {"Reste à payer", Field::Balance},
    {"Reste à encaisser", Field::Balance},
    {"Reste", Field::Balance},
    {"Solde", Field::Balance},
    {"Solde dû", Field::Balance},
    {"Restant dû", Field::Balance},
    {"Montant dû", Field::Balance},
    {"Dû", Field::Balance},
    {"Balance", Field::Balance},
    {"Balance due", Field::Balance},
    {"Outstanding", Field::Balance},
    {"Outstanding amount", Field::Balance},
    {"Amount due", Field::Balance},
    {"Due amount", Field::Balance},
    {"Open amount", Field::Balance},
    // terms
    {"Conditions", Field::Terms},
    {"Conditions de paiement", Field::Terms},
    {"Conditions de règlement", Field::Terms},
    {"Modalités de paiement", Field::Terms},
    {"Délai", Field::Terms},
    {"Délai de paiement", Field::Terms},
    {"Délai de règlement", Field::Terms},
    {"Terms", Field::Terms},
    {"Payment terms", Field::Terms},
    // notes
    // the owner's own reminder note (exact headers only: "Tranche (Relance)" is not one)
    {"Relance", Field::LastReminder},
    {"Relances", Field::LastReminder},
    {"Relancé", Field::LastReminder},
    {"Relancé le", Field::LastReminder},
    {"Dernière relance", Field::LastReminder},
    {"Date relance", Field::LastReminder},
    {"Date dernière relance", Field::LastReminder},
    {"Niveau relance", Field::LastReminder},
    {"Niveau de relance", Field::LastReminder},
    {"Rappel", Field::LastReminder},
    {"Rappels", Field::LastReminder},
    {"Reminder", Field::LastReminder},
    {"Reminders", Field::LastReminder},
    {"Last reminder", Field::LastReminder},
    {"Reminded", Field::LastReminder},
    {"Reminded on", Field::LastReminder},
    {"Dunning level", Field::LastReminder},
    {"Remarques", Field::Notes},
    {"Remarque", Field::Notes},
    {"Notes", Field::Notes},
    {"Note", Field::Notes},
    {"Commentaire", Field::Notes},
    {"Commentaires", Field::Notes},
    {"Statut", Field::Notes},
    {"Status", Field::Notes},
    {"Observations", Field::Notes},
    {"Observation", Field::Notes},
    {"Comments", Field::Notes},
    {"Comment", Field::Notes},
    {"Remarks", Field::Notes},
    // disputed ("En litige" normalizes to "litige")
    {"Litige", Field::Disputed},
    {"Litiges", Field::Disputed},
    {"Litige (Oui/Non)", Field::Disputed},
    {"Litige (O/N)", Field::Disputed},
    {"Contesté", Field::Disputed},
    {"Contestée", Field::Disputed},
    {"Contestation", Field::Disputed},
    {"Disputed", Field::Disputed},
    {"Dispute", Field::Disputed},
    {"Disputed (Yes/No)", Field::Disputed},
    {"Disputed (Y/N)", Field::Disputed},
    // paid flag ("Payé ?" alone is the paid amount's header: detectHeader tells them apart)
    {"Payé ? (Oui/Non)", Field::PaidFlag},
    {"Payé (O/N)", Field::PaidFlag},
    {"Réglé (Oui/Non)", Field::PaidFlag},
    {"Réglé (O/N)", Field::PaidFlag},
    {"Payée", Field::PaidFlag},
    {"Payée (Oui/Non)", Field::PaidFlag},
    {"Réglée", Field::PaidFlag},
    {"Réglée (Oui/Non)", Field::PaidFlag},
    {"Soldée", Field::PaidFlag},
    {"Paid? (Yes/No)", Field::PaidFlag},
    {"Paid (Y/N)", Field::PaidFlag},
    {"Paid flag", Field::PaidFlag},
    {"Is paid", Field::PaidFlag},
};

// Words that never change which field a header names ("Date de la facture", "Montant en
// euros"): dropped from headers and synonyms alike.
bool isFiller(std::string_view word)
{
    for (std::string_view filler :
         {"de", "des", "d", "la", "l", "les", "the", "of", "en", "in", "eur", "euro", "euros"})
        if (word == filler)
            return true;
    return false;
}

// "facture"/"invoice" qualify the other words ("N° facture", "Invoice date") but are a header
// of their own when alone ("Facture", "Invoice #").
bool isDocumentWord(std::string_view word)
{
    for (std::string_view document : {"facture", "factures", "fact", "invoice", "invoices"})
        if (word == document)
            return true;
    return false;
}

// A header containing one of these names something else than the synonym it contains
// ("Date de livraison", "Montant TVA", "Échéance (Relance)", a column Relance computed itself):
// no partial match. Exact synonyms are unaffected.
bool vetoesPartialMatch(std::string_view word)
{
    for (std::string_view veto : {"relance", "relances", "rappel", "livraison", "commande",
                                  "creation", "situation", "retard", "tva", "vat", "taux", "rate",
                                  "mode", "moyen", "penalite", "penalites", "penalty", "indemnite"})
        if (word == veto)
            return true;
    return false;
}

using Words = std::vector<std::string>;

Words normalizedHeaderWords(std::string_view text)
{
    std::string cleaned(text);
    // "Nº" (masculine ordinal indicator) is a letter for ICU: make it a separator like "°".
    for (std::size_t at = cleaned.find("\xc2\xba"); at != std::string::npos;
         at = cleaned.find("\xc2\xba", at))
        cleaned.replace(at, 2, " ");
    Words words;
    bool afterLetters = false; // the last word was made of one-letter words only
    for (std::string& word : foldedWords(cleaned))
    {
        // Dotted abbreviations: "H.T." is "ht", "T.T.C." is "ttc".
        const bool letter = word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
        if (letter && afterLetters)
            words.back() += word;
        else
            words.push_back(std::move(word));
        afterLetters = letter;
    }
    std::erase_if(words, [](const std::string& word) { return isFiller(word); });
    if (std::any_of(words.begin(), words.end(),
                    [](const std::string& word) { return !isDocumentWord(word); }))
        std::erase_if(words, [](const std::string& word) { return isDocumentWord(word); });
    return words;
}

std::string joinWords(const Words& words)
{
    std::string joined;
    for (const std::string& word : words)
    {
        if (!joined.empty())
            joined.push_back(' ');
        joined += word;
    }
    return joined;
}

struct NormalizedSynonym
{
    Words words;
    std::size_t characters = 0;
    Field field;
};

struct SynonymTable
{
    std::vector<NormalizedSynonym> synonyms;
    std::unordered_map<std::string, std::size_t> exact; // joined words -> synonym index
};

const SynonymTable& synonymTable()
{
    static const SynonymTable table = []
    {
        SynonymTable result;
        for (const Synonym& synonym : kSynonyms)
        {
            NormalizedSynonym normalized{normalizedHeaderWords(synonym.text), 0, synonym.field};
            for (const std::string& word : normalized.words)
                normalized.characters += word.size();
            result.exact.emplace(joinWords(normalized.words), result.synonyms.size());
            result.synonyms.push_back(std::move(normalized));
        }
        return result;
    }();
    return table;
}

// Headers longer than this are titles or sentences, not column names: exact matches only.
constexpr std::size_t kMaxPartialHeaderWords = 6;
constexpr std::size_t kMaxHeaderBytes = 120;

struct HeaderMatch
{
    Field field;
    int score; // higher is better: exact over partial, then longer synonyms
};

std::optional<HeaderMatch> scoreHeader(std::string_view text)
{
    if (text.size() > kMaxHeaderBytes)
        return std::nullopt;
    const Words words = normalizedHeaderWords(text);
    if (words.empty())
        return std::nullopt;
    const SynonymTable& table = synonymTable();
    if (const auto found = table.exact.find(joinWords(words)); found != table.exact.end())
    {
        const NormalizedSynonym& synonym = table.synonyms[found->second];
        return HeaderMatch{synonym.field, 100000 + static_cast<int>(synonym.characters)};
    }
    if (words.size() > kMaxPartialHeaderWords)
        return std::nullopt;

    std::optional<HeaderMatch> best;
    for (const NormalizedSynonym& synonym : table.synonyms)
    {
        const std::size_t length = synonym.words.size();
        if (length == 0 || length > words.size() || synonym.field == Field::LastReminder)
            continue;
        for (std::size_t start = 0; start + length <= words.size(); ++start)
        {
            if (!std::equal(synonym.words.begin(), synonym.words.end(), words.begin() + start))
                continue;
            bool vetoed = false;
            for (std::size_t i = 0; i < words.size(); ++i)
                if ((i < start || i >= start + length) && vetoesPartialMatch(words[i]))
                    vetoed = true;
            if (vetoed)
                break;
            const int score = static_cast<int>(1000 * length + synonym.characters);
            if (!best || score > best->score)
                best = HeaderMatch{synonym.field, score};
            break;
        }
    }
    return best;
}

} // namespace

std::optional<LedgerField> matchHeader(std::string_view headerText)
{
    if (const auto match = scoreHeader(headerText))
        return match->field;
    return std::nullopt;
}

HeaderGuess detectHeader(const SourceGrid& grid, std::size_t maxRows)
{
    std::optional<HeaderGuess> best;
    std::size_t bestCount = 0;
    const std::size_t rows = std::min(maxRows, grid.size());
    for (std::size_t rowIndex = 0; rowIndex < rows; ++rowIndex)
    {
        const std::vector<SourceCell>& row = grid[rowIndex];
        std::vector<std::optional<HeaderMatch>> matches(row.size());
        std::array<std::optional<std::size_t>, kLedgerFieldCount> bestColumn{};
        for (std::size_t column = 0; column < row.size(); ++column)
        {
            if (row[column].kind != SourceCell::Kind::Text)
                continue;
            matches[column] = scoreHeader(row[column].text);
            if (!matches[column])
                continue;
            auto& holder = bestColumn[index(matches[column]->field)];
            if (!holder || matches[column]->score > matches[*holder]->score)
                holder = column;
        }

        HeaderGuess guess{rowIndex, std::vector<std::optional<LedgerField>>(row.size())};
        std::size_t count = 0;
        for (std::size_t field = 0; field < kLedgerFieldCount; ++field)
            if (const auto column = bestColumn[field])
            {
                guess.mapping[*column] = static_cast<LedgerField>(field);
                ++count;
            }
        auto names = [&](LedgerField field) { return bestColumn[index(field)].has_value(); };
        const bool namesAmount =
            names(Field::AmountInclVat) || names(Field::AmountExclVat) || names(Field::Balance);
        const bool namesDateOrNumber =
            names(Field::InvoiceDate) || names(Field::DueDate) || names(Field::InvoiceNumber);
        if (namesAmount && namesDateOrNumber && count > bestCount)
        {
            bestCount = count;
            best = std::move(guess);
        }
    }
    if (!best)
        throw InputError("no header row naming an amount and an invoice date or number in the "
                         "first " +
                         std::to_string(rows) + " rows");
    return std::move(*best);
}

} // namespace relance
