// The words of header texts: the synonyms people and exports type for each field, the words
// that never change a header's field, and the normalization headers and synonyms both go
// through (folding, dotted abbreviations, compound words split into known words).
#include "core/ledger/ledger_import_detail.hxx"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>

#include "core/common/text_fold.hxx"

namespace relance::ledger_import_detail
{
namespace
{

using Field = LedgerField;

// ---------------------------------------------------------------------------------------------
// Synonyms

// Synonyms as people type them; they are normalized exactly like the headers they are matched
// against, so accents, case, punctuation and filler words do not matter here either. For equal
// scores the first synonym in this table wins.
struct Synonym
{
    std::string_view text;
    Field field;
};

constexpr Synonym kSynonyms[] = {
    // invoice number ("N° fact.", "Numéro de facture", "Invoice #", "Doc No" normalize to these)
    {"N°", Field::InvoiceNumber},
    {"No", Field::InvoiceNumber},
    {"Nr", Field::InvoiceNumber},
    {"Num", Field::InvoiceNumber},
    {"Numéro", Field::InvoiceNumber},
    {"Number", Field::InvoiceNumber},
    {"Facture", Field::InvoiceNumber},
    {"Fact", Field::InvoiceNumber},
    {"Invoice", Field::InvoiceNumber},
    {"Inv", Field::InvoiceNumber},
    {"Réf", Field::InvoiceNumber},
    {"Référence", Field::InvoiceNumber},
    {"Ref", Field::InvoiceNumber},
    {"Reference", Field::InvoiceNumber},
    {"Pièce", Field::InvoiceNumber},
    {"N° pièce", Field::InvoiceNumber},
    // customer, by name
    {"Client", Field::Customer},
    {"Nom client", Field::Customer},
    {"Nom du client", Field::Customer},
    {"Nom", Field::Customer},
    {"Customer", Field::Customer},
    {"Client name", Field::Customer},
    {"Customer name", Field::Customer},
    {"Tiers", Field::Customer},
    // customer, by identifier (isIdentifierWord ranks them after names)
    {"Customer ID", Field::Customer},
    {"Customer code", Field::Customer},
    {"Client ID", Field::Customer},
    {"ID client", Field::Customer},
    {"Code client", Field::Customer},
    {"Code tiers", Field::Customer},
    {"N° client", Field::Customer},
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
    // delivery or service date
    {"Date de livraison", Field::DeliveryDate},
    {"Date livraison", Field::DeliveryDate},
    {"Livré le", Field::DeliveryDate},
    {"Livrée le", Field::DeliveryDate},
    {"Date BL", Field::DeliveryDate},
    {"Date du BL", Field::DeliveryDate},
    {"Date de prestation", Field::DeliveryDate},
    {"Date prestation", Field::DeliveryDate},
    {"Date d'intervention", Field::DeliveryDate},
    {"Date des travaux", Field::DeliveryDate},
    {"Date de fin de travaux", Field::DeliveryDate},
    {"Réalisé le", Field::DeliveryDate},
    {"Delivery date", Field::DeliveryDate},
    {"Delivered", Field::DeliveryDate},
    {"Delivered on", Field::DeliveryDate},
    {"Date delivered", Field::DeliveryDate},
    {"Service date", Field::DeliveryDate},
    {"Date of service", Field::DeliveryDate},
    {"Shipped on", Field::DeliveryDate},
    {"Ship date", Field::DeliveryDate},
    // due date
    {"Échéance", Field::DueDate},
    {"Date d'échéance", Field::DueDate},
    {"Date limite de paiement", Field::DueDate},
    {"Date limite", Field::DueDate},
    {"Payable le", Field::DueDate},
    {"Due", Field::DueDate},
    {"Due date", Field::DueDate},
    {"Due on", Field::DueDate},
    {"Payment due", Field::DueDate},
    {"Payment due date", Field::DueDate},
    // payment date
    {"Réglé le", Field::PaymentDate},
    {"Réglée le", Field::PaymentDate},
    {"Payé le", Field::PaymentDate},
    {"Payée le", Field::PaymentDate},
    {"Encaissé le", Field::PaymentDate},
    {"Date de règlement", Field::PaymentDate},
    {"Date de paiement", Field::PaymentDate},
    {"Date d'encaissement", Field::PaymentDate},
    {"Date réglée", Field::PaymentDate},
    {"Paid on", Field::PaymentDate},
    {"Payment date", Field::PaymentDate},
    {"Date paid", Field::PaymentDate},
    {"Paid date", Field::PaymentDate},
    {"Settled", Field::PaymentDate},
    {"Settled date", Field::PaymentDate},
    {"Settled on", Field::PaymentDate},
    {"Date settled", Field::PaymentDate},
    {"Cleared", Field::PaymentDate},
    {"Cleared date", Field::PaymentDate},
    {"Cleared on", Field::PaymentDate},
    // paid amount
    {"Réglé", Field::PaidAmount},
    {"Montant réglé", Field::PaidAmount},
    {"Déjà réglé", Field::PaidAmount},
    {"Payé", Field::PaidAmount},
    {"Montant payé", Field::PaidAmount},
    {"Encaissé", Field::PaidAmount},
    {"Montant encaissé", Field::PaidAmount},
    {"Règlement", Field::PaidAmount},
    {"Règlements", Field::PaidAmount},
    {"Paiement", Field::PaidAmount},
    {"Paiements", Field::PaidAmount},
    {"Versement", Field::PaidAmount},
    {"Versements", Field::PaidAmount},
    {"Acompte", Field::PaidAmount},
    {"Acomptes", Field::PaidAmount},
    {"Montant de l'acompte", Field::PaidAmount},
    {"Total réglé", Field::PaidAmount},
    {"Total payé", Field::PaidAmount},
    {"Total encaissé", Field::PaidAmount},
    {"Paid", Field::PaidAmount},
    {"Amount paid", Field::PaidAmount},
    {"Paid amount", Field::PaidAmount},
    {"Amt paid", Field::PaidAmount},
    {"Paid amt", Field::PaidAmount},
    {"Total paid", Field::PaidAmount},
    {"Payment", Field::PaidAmount},
    {"Payments", Field::PaidAmount},
    // amount including VAT
    {"Montant TTC", Field::AmountInclVat},
    {"TTC", Field::AmountInclVat},
    {"Total TTC", Field::AmountInclVat},
    {"Prix TTC", Field::AmountInclVat},
    {"Mt TTC", Field::AmountInclVat},
    {"Mnt TTC", Field::AmountInclVat},
    {"Montant", Field::AmountInclVat},
    {"Amount", Field::AmountInclVat},
    {"Amt", Field::AmountInclVat},
    {"Total", Field::AmountInclVat},
    {"Total amount", Field::AmountInclVat},
    {"Total amt", Field::AmountInclVat},
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
    {"Mt HT", Field::AmountExclVat},
    {"Mnt HT", Field::AmountExclVat},
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
    {"Solde restant", Field::Balance},
    {"Restant dû", Field::Balance},
    {"Montant dû", Field::Balance},
    {"Dû", Field::Balance},
    {"Balance", Field::Balance},
    {"Balance due", Field::Balance},
    {"Outstanding", Field::Balance},
    {"Outstanding amount", Field::Balance},
    {"Amount due", Field::Balance},
    {"Amt due", Field::Balance},
    {"Due amount", Field::Balance},
    {"Total due", Field::Balance},
    {"Open amount", Field::Balance},
    {"Open amt", Field::Balance},
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
    // notes ("Statut paiement" is a status, not an amount)
    {"Remarques", Field::Notes},
    {"Remarque", Field::Notes},
    {"Notes", Field::Notes},
    {"Note", Field::Notes},
    {"Commentaire", Field::Notes},
    {"Commentaires", Field::Notes},
    {"Statut", Field::Notes},
    {"Status", Field::Notes},
    {"Statut paiement", Field::Notes},
    {"Statut règlement", Field::Notes},
    {"Payment status", Field::Notes},
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

template <std::size_t size>
bool isOneOf(std::string_view word, const std::string_view (&list)[size])
{
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Words that never change which field a header names ("Date de la facture", "Montant en
// euros"): dropped from headers and synonyms alike.
constexpr std::string_view kFillerWords[] = {"de", "des", "d",  "la",  "l",    "les",  "the",
                                             "of", "en",  "in", "eur", "euro", "euros"};

// "facture"/"invoice"/"doc" qualify the other words ("N° facture", "Invoice date", "Doc No") but
// are a header of their own when alone ("Facture", "Invoice #", "Inv #").
constexpr std::string_view kDocumentWords[] = {
    "facture", "factures", "fact", "invoice", "invoices", "inv", "doc", "document", "bill"};

// A header containing one of these names something else than the synonym it contains
// ("Date de livraison", "Montant TVA", "Échéance (Relance)", a column Relance computed itself,
// "Mois d'échéance", "PaperlessDate", "Payment method"): no partial match. Exact synonyms are
// unaffected.
constexpr std::string_view kVetoWords[] = {
    "relance",    "relances",  "rappel",  "livraison", "commande",  "creation", "situation",
    "retard",     "tva",       "vat",     "taux",      "rate",      "mode",     "moyen",
    "method",     "methode",   "type",    "penalite",  "penalites", "penalty",  "indemnite",
    "late",       "paperless", "annee",   "annees",    "mois",      "month",    "months",
    "year",       "years",     "week",    "weeks",     "semaine",   "semaines", "trimestre",
    "trimestres", "quarter",   "quarters"};

// Counts of days ("DaysLate", "nb_jours_retard", "Days past due") are no dates nor amounts, but
// payment terms are often counted in days ("Délai (jours)").
constexpr std::string_view kDayCountWords[] = {"days", "day", "jours", "jour", "nb", "nombre"};

// Words that make a customer header an identifier rather than a name.
constexpr std::string_view kIdentifierWords[] = {"id",     "code",    "no",     "nr",   "n",
                                                 "num",    "numero",  "number", "ref",  "reference",
                                                 "compte", "account", "siren",  "siret"};

// Words that are no synonym's but let compound headers be split into words ("DaysToSettle",
// "countryCode", "customerID", "nb_jours_retard", "isPaid").
constexpr std::string_view kOtherKnownWords[] = {"to", "settle", "country", "past", "flag",
                                                 "is", "yes",    "oui",     "non"};

// ---------------------------------------------------------------------------------------------
// Normalization

// Folded words, "Nº" read as "N°", dotted abbreviations joined: "H.T." is "ht".
HeaderWords foldedHeaderWords(std::string_view text)
{
    // "Nº" (masculine ordinal indicator) is a letter for ICU: make it a separator like "°".
    std::string cleaned;
    cleaned.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at)
        if (text.substr(at).starts_with("\xc2\xba"))
            cleaned.push_back(' '), ++at;
        else
            cleaned.push_back(text[at]);
    HeaderWords words;
    bool afterLetters = false; // the last word was made of one-letter words only
    for (std::string& word : foldedWords(cleaned))
    {
        const bool letter = word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
        if (letter && afterLetters)
            words.back() += word;
        else
            words.push_back(std::move(word));
        afterLetters = letter;
    }
    return words;
}

// Every word a header may be made of: the synonyms' words and the word lists above. Folded
// like headers, so that a compound is split the same whatever its letter case.
struct WordHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const noexcept
    {
        return std::hash<std::string_view>{}(word);
    }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

const WordSet& knownWords()
{
    static const WordSet words = []
    {
        WordSet result;
        for (const Synonym& synonym : kSynonyms)
            for (std::string& word : foldedHeaderWords(synonym.text))
                result.insert(std::move(word));
        const auto insert = [&](const auto& list)
        {
            for (std::string_view word : list)
                result.emplace(word);
        };
        insert(kFillerWords);
        insert(kDocumentWords);
        insert(kVetoWords);
        insert(kDayCountWords);
        insert(kIdentifierWords);
        insert(kOtherKnownWords);
        return result;
    }();
    return words;
}

bool isKnownWord(std::string_view word)
{
    return knownWords().contains(word);
}

bool isAsciiLetters(std::string_view word)
{
    return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// An unknown word split into known words of two letters or more ("invoiceamount" -> "invoice",
// "amount"): fewest pieces first, then the longest first piece. The word itself when it cannot
// be split all the way.
HeaderWords segmented(const std::string& word)
{
    constexpr std::size_t kMinPiece = 2;
    const std::size_t length = word.size();
    if (length < 2 * kMinPiece || length > 64 || !isAsciiLetters(word))
        return {word};
    // pieces[i]: fewest known words making up word[i..], 0 when none do (pieces[length] = 0
    // stands for the empty rest).
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> pieces(length + 1, kNone);
    pieces[length] = 0;
    for (std::size_t start = length - kMinPiece + 1; start-- > 0;)
        for (std::size_t end = start + kMinPiece; end <= length; ++end)
            if (pieces[end] != kNone && pieces[end] + 1 < pieces[start] &&
                isKnownWord(std::string_view(word).substr(start, end - start)))
                pieces[start] = pieces[end] + 1;
    if (pieces[0] == kNone)
        return {word};
    HeaderWords result;
    for (std::size_t start = 0; start < length;)
        // The longest piece that keeps the fewest pieces overall.
        for (std::size_t end = length; end >= start + kMinPiece; --end)
            if (pieces[end] != kNone && pieces[end] + 1 == pieces[start] &&
                isKnownWord(std::string_view(word).substr(start, end - start)))
            {
                result.push_back(word.substr(start, end - start));
                start = end;
                break;
            }
    return result;
}

} // namespace

HeaderWords normalizedHeaderWords(std::string_view text)
{
    HeaderWords words;
    for (std::string& word : foldedHeaderWords(text))
    {
        if (isKnownWord(word))
        {
            words.push_back(std::move(word));
            continue;
        }
        for (std::string& piece : segmented(word))
            words.push_back(std::move(piece));
    }
    std::erase_if(words, [](const std::string& word) { return isOneOf(word, kFillerWords); });
    if (std::any_of(words.begin(), words.end(),
                    [](const std::string& word) { return !isOneOf(word, kDocumentWords); }))
        std::erase_if(words, [](const std::string& word) { return isOneOf(word, kDocumentWords); });
    return words;
}

const std::vector<HeaderSynonym>& headerSynonyms()
{
    static const std::vector<HeaderSynonym> synonyms = []
    {
        std::vector<HeaderSynonym> result;
        for (const Synonym& synonym : kSynonyms)
        {
            HeaderSynonym normalized{normalizedHeaderWords(synonym.text), 0, synonym.field};
            for (const std::string& word : normalized.words)
                normalized.characters += word.size();
            result.push_back(std::move(normalized));
        }
        return result;
    }();
    return synonyms;
}

bool vetoesPartialMatch(std::string_view word, LedgerField field)
{
    return isOneOf(word, kVetoWords) || (field != Field::Terms && isOneOf(word, kDayCountWords));
}

bool isIdentifierWord(std::string_view word)
{
    return isOneOf(word, kIdentifierWords);
}

} // namespace relance::ledger_import_detail
