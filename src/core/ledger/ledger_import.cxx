#include "core/ledger/ledger_import.hxx"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <unicode/unistr.h>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

using Field = LedgerField;

// ---------------------------------------------------------------------------------------------
// Field keys and labels

struct FieldNames
{
    Field field;
    std::string_view key;
    std::string_view french;
    std::string_view english;
};

constexpr std::array<FieldNames, kLedgerFieldCount> kFieldNames = {{
    {Field::InvoiceNumber, "invoice_number", "N° facture", "Invoice no."},
    {Field::Customer, "customer", "Client", "Customer"},
    {Field::LegalName, "legal_name", "Raison sociale", "Legal name"},
    {Field::Siren, "siren", "SIREN", "SIREN"},
    {Field::Email, "email", "E-mail", "E-mail"},
    {Field::InvoiceDate, "invoice_date", "Date facture", "Invoice date"},
    {Field::DueDate, "due_date", "Échéance", "Due date"},
    {Field::Terms, "terms", "Conditions", "Terms"},
    {Field::AmountInclVat, "amount_incl_vat", "Montant TTC", "Amount incl. VAT"},
    {Field::AmountExclVat, "amount_excl_vat", "Montant HT", "Amount excl. VAT"},
    {Field::PaidAmount, "paid_amount", "Montant réglé", "Paid amount"},
    {Field::PaymentDate, "payment_date", "Date règlement", "Payment date"},
    {Field::Balance, "balance", "Reste dû", "Balance"},
    {Field::Notes, "notes", "Notes", "Notes"},
}};

constexpr std::size_t index(Field field)
{
    return static_cast<std::size_t>(field);
}

static_assert(
    []
    {
        for (std::size_t i = 0; i < kFieldNames.size(); ++i)
            if (index(kFieldNames[i].field) != i)
                return false;
        return true;
    }(),
    "kFieldNames must follow the order of LedgerField");

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
        if (length == 0 || length > words.size())
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

// ---------------------------------------------------------------------------------------------
// Cells

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of a Unicode space (NBSP, narrow NBSP, thin space, zero-width space, ideographic space)
// at the start of text, 0 when none.
std::size_t unicodeSpaceAt(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '\xc2' && text[1] == '\xa0')
        return 2;
    if (text.size() >= 3 && text[0] == '\xe2' && text[1] == '\x80' &&
        (text[2] == '\xaf' || text[2] == '\x89' || text[2] == '\x8b' || text[2] == '\x87'))
        return 3;
    if (text.size() >= 3 && text[0] == '\xe3' && text[1] == '\x80' && text[2] == '\x80')
        return 3;
    return 0;
}

std::size_t unicodeSpaceBefore(std::string_view text)
{
    if (text.size() >= 2 && unicodeSpaceAt(text.substr(text.size() - 2)) == 2)
        return 2;
    if (text.size() >= 3 && unicodeSpaceAt(text.substr(text.size() - 3)) == 3)
        return 3;
    return 0;
}

std::string_view trim(std::string_view text)
{
    for (;;)
    {
        if (!text.empty() && isAsciiSpace(text.front()))
            text.remove_prefix(1);
        else if (const std::size_t length = unicodeSpaceAt(text))
            text.remove_prefix(length);
        else
            break;
    }
    for (;;)
    {
        if (!text.empty() && isAsciiSpace(text.back()))
            text.remove_suffix(1);
        else if (const std::size_t length = unicodeSpaceBefore(text))
            text.remove_suffix(length);
        else
            break;
    }
    return text;
}

// A cell as the import reads it: empty (including blank text), a number, or trimmed text
// viewing the grid's own string.
struct Cell
{
    SourceCell::Kind kind = SourceCell::Kind::Empty;
    double number = 0;
    std::string_view text;

    bool empty() const { return kind == SourceCell::Kind::Empty; }
    bool isText() const { return kind == SourceCell::Kind::Text; }
};

Cell readCell(const std::vector<SourceCell>& row, std::optional<std::size_t> column)
{
    if (!column || *column >= row.size())
        return {};
    const SourceCell& source = row[*column];
    switch (source.kind)
    {
    case SourceCell::Kind::Number:
        return {SourceCell::Kind::Number, source.number, {}};
    case SourceCell::Kind::Text:
        if (const std::string_view text = trim(source.text); !text.empty())
            return {SourceCell::Kind::Text, 0, text};
        return {};
    case SourceCell::Kind::Empty:
        break;
    }
    return {};
}

// 1024 -> "1024", 12.5 -> "12.5": a number cell read as text (invoice numbers, SIREN, terms).
std::string numberText(double value)
{
    char buffer[64];
    std::to_chars_result result;
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e17)
        result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value));
    else
        result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string cellText(const Cell& cell)
{
    switch (cell.kind)
    {
    case SourceCell::Kind::Number:
        return numberText(cell.number);
    case SourceCell::Kind::Text:
        return std::string(cell.text);
    case SourceCell::Kind::Empty:
        break;
    }
    return {};
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "Sous-total mars 2024", "TOTAL", "Subtotal": ASCII only, no ICU per cell.
bool startsWithSubtotalWord(std::string_view text)
{
    std::string head; // lower case, separators as single spaces
    for (std::size_t i = 0; i < text.size() && head.size() < 16;)
    {
        const char c = text[i];
        if (const std::size_t space = unicodeSpaceAt(text.substr(i)))
        {
            i += space;
            if (!head.empty() && head.back() != ' ')
                head.push_back(' ');
            continue;
        }
        ++i;
        if (isAsciiLetter(c) || isAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80)
            head.push_back(asciiLower(c));
        else if (!head.empty() && head.back() != ' ')
            head.push_back(' ');
    }
    for (std::string_view prefix : {"total", "sous total", "soustotal", "subtotal", "sub total"})
        if (head.starts_with(prefix) &&
            (head.size() == prefix.size() || !isAsciiLetter(head[prefix.size()])))
            return true;
    return false;
}

// The rules of parseDateText for text made of ASCII digits and separators only ("12/03/2024",
// "2024-03-12"), without ICU. nullopt when the text has letters or non-ASCII characters: then
// parseDateText decides.
std::optional<std::optional<DayNumber>> numericDateText(std::string_view text, DateOrder order)
{
    std::array<std::string_view, 4> numbers;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();)
    {
        const char c = text[i];
        if (isAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80)
            return std::nullopt;
        if (!isAsciiDigit(c))
        {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && isAsciiDigit(text[end]))
            ++end;
        if (count == numbers.size())
            return std::optional<DayNumber>{};
        numbers[count++] = text.substr(i, end - i);
        i = end;
    }
    if (text.size() > 64 || count != 3)
        return std::optional<DayNumber>{};
    for (std::size_t i = 0; i < 3; ++i)
        if (numbers[i].size() > 4)
            return std::optional<DayNumber>{};
    auto value = [](std::string_view digits)
    {
        long result = 0;
        for (char c : digits)
            result = result * 10 + (c - '0');
        return result;
    };
    auto make = [](long year, long month, long day, bool twoDigitYear) -> std::optional<DayNumber>
    {
        if (twoDigitYear)
            year += year < 70 ? 2000 : 1900;
        if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > 31)
            return std::nullopt;
        const CivilDate date{static_cast<int>(year), static_cast<unsigned>(month),
                             static_cast<unsigned>(day)};
        if (!isValid(date))
            return std::nullopt;
        return toDayNumber(date);
    };
    if (numbers[0].size() == 4)
    {
        if (numbers[1].size() > 2 || numbers[2].size() > 2)
            return std::optional<DayNumber>{};
        return make(value(numbers[0]), value(numbers[1]), value(numbers[2]), false);
    }
    if (numbers[0].size() > 2 || numbers[1].size() > 2 ||
        (numbers[2].size() != 4 && numbers[2].size() != 2))
        return std::optional<DayNumber>{};
    const long first = value(numbers[0]);
    const long second = value(numbers[1]);
    const long year = value(numbers[2]);
    const bool twoDigitYear = numbers[2].size() == 2;
    return order == DateOrder::DayMonthYear ? make(year, second, first, twoDigitYear)
                                            : make(year, first, second, twoDigitYear);
}

// parseAmountText's rules for text that ICU folding would change only in ASCII case, spaces
// and apostrophes ("1 234,56 €" with normal or no-break spaces, "1,234.56 EUR"), without ICU.
// nullopt when the text holds any other character: then parseAmountText decides.
std::optional<std::optional<Cents>> plainAmountText(std::string_view text)
{
    const std::optional<Cents> unreadable;
    if (text.size() > 64)
        return unreadable;
    std::string folded;
    for (std::size_t i = 0; i < text.size();)
    {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x80)
        {
            folded.push_back(isAsciiSpace(c) ? ' ' : c == '`' ? '\'' : asciiLower(c));
            ++i;
            continue;
        }
        const std::string_view rest = text.substr(i);
        // No-break, narrow no-break, figure, thin and ideographic spaces (ICU White_Space).
        if (rest.starts_with("\xc2\xa0"))
            folded.push_back(' '), i += 2;
        else if (rest.starts_with("\xe2\x80\xaf") || rest.starts_with("\xe2\x80\x87") ||
                 rest.starts_with("\xe2\x80\x89") || rest.starts_with("\xe3\x80\x80"))
            folded.push_back(' '), i += 3;
        else if (rest.starts_with("\xe2\x82\xac")) // €, as foldText leaves it
            folded += "\xe2\x82\xac", i += 3;
        else if (rest.starts_with("\xe2\x80\x98") || rest.starts_with("\xe2\x80\x99")) // ‘ ’
            folded.push_back('\''), i += 3;
        else if (rest.starts_with("\xc2\xb4") || rest.starts_with("\xca\xbc")) // ´ ʼ
            folded.push_back('\''), i += 2;
        else
            return std::nullopt;
    }
    // Runs of spaces count as one, as foldText makes them.
    std::string collapsed;
    for (char c : folded)
        if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' '))
            collapsed.push_back(c);
    while (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    return std::optional<std::optional<Cents>>(parseFoldedAmountText(std::move(collapsed)));
}

// Digits of a SIREN or SIRET, the first 9 (the SIREN) of a SIRET. A number cell loses leading
// zeros: 8 or 13 digits are padded back to 9 or 14.
std::string sirenFrom(const Cell& cell)
{
    std::string digits;
    const std::string text = cellText(cell);
    for (char c : text)
        if (isAsciiDigit(c))
            digits.push_back(c);
    if (cell.kind == SourceCell::Kind::Number && (digits.size() == 8 || digits.size() == 13))
        digits.insert(digits.begin(), '0');
    if (digits.size() > 9)
        digits.resize(9);
    return digits;
}

// Case-insensitive key of an invoice number: ASCII lowered in place; ICU case folding only for
// the rare number with non-ASCII letters.
std::string duplicateKey(std::string_view number)
{
    std::string key(number);
    bool ascii = true;
    for (char& c : key)
    {
        if (static_cast<unsigned char>(c) >= 0x80)
            ascii = false;
        c = asciiLower(c);
    }
    if (!ascii)
    {
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
            icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
        key.clear();
        unicode.foldCase().toUTF8String(key);
    }
    return key;
}

constexpr std::array<Field, 4> kAmountFields = {Field::AmountInclVat, Field::AmountExclVat,
                                                Field::Balance, Field::PaidAmount};

class RowReader
{
public:
    RowReader(const HeaderGuess& header, const ImportOptions& options, ImportResult& result)
        : options_(options), result_(result)
    {
        for (std::size_t column = 0; column < header.mapping.size(); ++column)
            if (const auto field = header.mapping[column]; field && !columns_[index(*field)])
                columns_[index(*field)] = column;
    }

    void reserve(std::size_t rows)
    {
        result_.invoices.reserve(rows);
        seenNumbers_.reserve(rows);
    }

    // Numbers typed anywhere in the sheet: a number made up for a row without one must not
    // take a number a later row really has.
    void noteTypedNumber(const std::vector<SourceCell>& row)
    {
        const Cell number = readCell(row, columns_[index(Field::InvoiceNumber)]);
        if (!number.empty())
            typedNumbers_.insert(duplicateKey(cellText(number)));
    }

    // True when no mapped cell of the row holds anything.
    bool isBlank(const std::vector<SourceCell>& row) const
    {
        for (const auto& column : columns_)
            if (!readCell(row, column).empty())
                return false;
        return true;
    }

    void read(const std::vector<SourceCell>& row, std::size_t rowIndex)
    {
        row_ = &row;
        rowIndex_ = rowIndex;
        if (isBlank(row))
        {
            addProblem(ImportProblem::Kind::BlankRow, std::nullopt, {});
            return;
        }
        if (const auto subtotal = subtotalText())
        {
            addProblem(ImportProblem::Kind::SubtotalRow, std::nullopt, *subtotal);
            return;
        }

        ImportedInvoice invoice;
        invoice.sourceRow = rowIndex;
        const Cell numberCell = cell(Field::InvoiceNumber);
        if (numberCell.empty())
        {
            invoice.number = "L" + std::to_string(rowIndex + 1);
            for (int suffix = 2; typedNumbers_.count(duplicateKey(invoice.number)) ||
                                 !seenNumbers_.insert(duplicateKey(invoice.number)).second;
                 ++suffix)
                invoice.number = "L" + std::to_string(rowIndex + 1) + "-" + std::to_string(suffix);
            addProblem(ImportProblem::Kind::MissingNumber, Field::InvoiceNumber, invoice.number);
        }
        else
        {
            invoice.number = cellText(numberCell);
            if (!seenNumbers_.insert(duplicateKey(invoice.number)).second)
            {
                addProblem(ImportProblem::Kind::DuplicateNumber, Field::InvoiceNumber,
                           invoice.number);
                return;
            }
        }

        invoice.customer = cellText(cell(Field::Customer));
        invoice.legalName = cellText(cell(Field::LegalName));
        invoice.siren = sirenFrom(cell(Field::Siren));
        invoice.email = cellText(cell(Field::Email));
        invoice.notes = cellText(cell(Field::Notes));
        invoice.invoiceDate = date(Field::InvoiceDate);
        invoice.dueDate = date(Field::DueDate);
        invoice.paymentDate = date(Field::PaymentDate);
        invoice.amountInclVat = amount(Field::AmountInclVat);
        invoice.amountExclVat = amount(Field::AmountExclVat);
        invoice.balance = amount(Field::Balance);
        invoice.paidAmount = amount(Field::PaidAmount);

        const Cell termsCell = cell(Field::Terms);
        invoice.terms = cellText(termsCell);
        const std::optional<PaymentTerms> terms = paymentTerms(termsCell);
        // Unreadable terms give no due date: the default terms are for rows without any.
        const PaymentTerms* applied =
            terms
                ? &*terms
                : (termsCell.empty() && options_.defaultTerms ? &*options_.defaultTerms : nullptr);
        if (!invoice.dueDate && invoice.invoiceDate && applied)
            if (const DayNumber due = dueDate(*invoice.invoiceDate, *applied, options_.reading);
                isInSupportedRange(due))
                invoice.dueDate = due;

        if (!invoice.paidAmount)
        {
            const Cell balanceCell = cell(Field::Balance);
            if (invoice.amountInclVat && invoice.balance)
                invoice.paidAmount = *invoice.amountInclVat - *invoice.balance;
            else if (invoice.paymentDate && balanceCell.empty())
                invoice.paidAmount = invoice.amountInclVat;
        }

        if (!invoice.amountInclVat && cell(Field::AmountInclVat).empty())
            addProblem(ImportProblem::Kind::MissingAmount, Field::AmountInclVat, {});

        result_.invoices.push_back(std::move(invoice));
    }

private:
    Cell cell(Field field) const { return readCell(*row_, columns_[index(field)]); }

    void addProblem(ImportProblem::Kind kind, std::optional<Field> field, std::string value)
    {
        result_.problems.push_back(ImportProblem{kind, rowIndex_, field, std::move(value)});
    }

    // The text that makes the row a subtotal, or nullopt for an invoice row.
    std::optional<std::string> subtotalText() const
    {
        const Cell number = cell(Field::InvoiceNumber);
        const bool hasInvoiceDate = !cell(Field::InvoiceDate).empty();
        if (!hasInvoiceDate)
        {
            const auto notesColumn = columns_[index(Field::Notes)];
            const auto numberColumn = columns_[index(Field::InvoiceNumber)];
            for (std::size_t column = 0; column < row_->size(); ++column)
            {
                const SourceCell& source = (*row_)[column];
                if (source.kind != SourceCell::Kind::Text || column == notesColumn)
                    continue;
                // An invoice numbered "F-12" for the customer "Total Énergies" is no subtotal.
                if (!number.empty() && column != numberColumn)
                    continue;
                const std::string_view text = trim(source.text);
                if (startsWithSubtotalWord(text))
                    return std::string(text);
            }
        }
        if (!number.empty() || hasInvoiceDate || !cell(Field::DueDate).empty() ||
            !cell(Field::Customer).empty() || !cell(Field::LegalName).empty())
            return std::nullopt;
        for (Field field : kAmountFields)
            if (const Cell amountCell = cell(field); !amountCell.empty())
                return cellText(amountCell);
        return std::nullopt;
    }

    std::optional<DayNumber> date(Field field)
    {
        const Cell source = cell(field);
        std::optional<DayNumber> day;
        if (source.kind == SourceCell::Kind::Number)
        {
            if (source.number == 0) // Calc's blank-as-zero: no date
                return std::nullopt;
            if (std::isfinite(source.number) && std::fabs(source.number) < 1e7)
            {
                const DayNumber candidate =
                    options_.nullDate + static_cast<DayNumber>(std::floor(source.number));
                if (isInSupportedRange(candidate))
                    day = candidate;
            }
        }
        else if (source.isText())
        {
            if (const auto numeric = numericDateText(source.text, options_.dateOrder))
                day = *numeric;
            else
            {
                auto [found, inserted] = dateCache_.try_emplace(source.text);
                if (inserted)
                    found->second = parseDateText(source.text, options_.dateOrder);
                day = found->second;
            }
        }
        else
            return std::nullopt;
        if (!day)
            addProblem(ImportProblem::Kind::UnreadableDate, field, cellText(source));
        return day;
    }

    std::optional<Cents> amount(Field field)
    {
        const Cell source = cell(field);
        std::optional<Cents> cents;
        if (source.kind == SourceCell::Kind::Number)
        {
            try
            {
                cents = centsFromEuros(source.number);
            }
            catch (const InputError&)
            {
            }
        }
        else if (source.isText())
        {
            if (const auto plain = plainAmountText(source.text))
                cents = *plain;
            else
                cents = parseAmountText(source.text);
        }
        else
            return std::nullopt;
        if (!cents)
            addProblem(ImportProblem::Kind::UnreadableAmount, field, cellText(source));
        return cents;
    }

    std::optional<PaymentTerms> paymentTerms(const Cell& source)
    {
        std::optional<PaymentTerms> terms;
        if (source.kind == SourceCell::Kind::Number)
        {
            try
            {
                terms = paymentTermsFromDays(source.number);
            }
            catch (const InputError&)
            {
            }
        }
        else if (source.isText())
        {
            // A sheet uses a handful of wordings: parse each once.
            auto [found, inserted] = termsCache_.try_emplace(source.text);
            if (inserted)
            {
                try
                {
                    found->second = parsePaymentTerms(source.text);
                }
                catch (const InputError&)
                {
                }
            }
            terms = found->second;
        }
        else
            return std::nullopt;
        if (!terms)
            addProblem(ImportProblem::Kind::UnreadableTerms, Field::Terms, cellText(source));
        return terms;
    }

    const ImportOptions& options_;
    ImportResult& result_;
    std::array<std::optional<std::size_t>, kLedgerFieldCount> columns_{};
    const std::vector<SourceCell>* row_ = nullptr;
    std::size_t rowIndex_ = 0;
    std::unordered_set<std::string> seenNumbers_;
    std::unordered_set<std::string> typedNumbers_;
    // Keyed by views into the grid, which outlives the import.
    std::unordered_map<std::string_view, std::optional<PaymentTerms>> termsCache_;
    std::unordered_map<std::string_view, std::optional<DayNumber>> dateCache_;
};

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

std::string quoted(std::string_view value, Language language)
{
    return language == Language::French ? "« " + shortValue(value) + " »"
                                        : "“" + shortValue(value) + "”";
}

} // namespace

FieldMember memberOf(LedgerField field)
{
    switch (field)
    {
    case LedgerField::InvoiceNumber:
        return &ImportedInvoice::number;
    case LedgerField::Customer:
        return &ImportedInvoice::customer;
    case LedgerField::LegalName:
        return &ImportedInvoice::legalName;
    case LedgerField::Siren:
        return &ImportedInvoice::siren;
    case LedgerField::Email:
        return &ImportedInvoice::email;
    case LedgerField::InvoiceDate:
        return &ImportedInvoice::invoiceDate;
    case LedgerField::DueDate:
        return &ImportedInvoice::dueDate;
    case LedgerField::Terms:
        return &ImportedInvoice::terms;
    case LedgerField::AmountInclVat:
        return &ImportedInvoice::amountInclVat;
    case LedgerField::AmountExclVat:
        return &ImportedInvoice::amountExclVat;
    case LedgerField::PaidAmount:
        return &ImportedInvoice::paidAmount;
    case LedgerField::PaymentDate:
        return &ImportedInvoice::paymentDate;
    case LedgerField::Balance:
        return &ImportedInvoice::balance;
    case LedgerField::Notes:
        return &ImportedInvoice::notes;
    }
    throw std::logic_error("unknown ledger field");
}

std::string_view fieldKey(LedgerField field)
{
    return kFieldNames.at(index(field)).key;
}

std::string fieldLabel(LedgerField field, Language language)
{
    const FieldNames& names = kFieldNames.at(index(field));
    return std::string(language == Language::French ? names.french : names.english);
}

std::optional<LedgerField> fieldFromKey(std::string_view key)
{
    for (const FieldNames& names : kFieldNames)
        if (names.key == key)
            return names.field;
    return std::nullopt;
}

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

ImportResult importInvoices(const SourceGrid& grid, const HeaderGuess& header,
                            const ImportOptions& options)
{
    ImportResult result;
    RowReader reader(header, options, result);
    // Blank rows after the last filled one are the end of the sheet, not rows to report.
    std::size_t end = grid.size();
    while (end > header.headerRow + 1 && reader.isBlank(grid[end - 1]))
        --end;
    if (end > header.headerRow + 1)
        reader.reserve(end - header.headerRow - 1);
    for (std::size_t rowIndex = header.headerRow + 1; rowIndex < end; ++rowIndex)
        reader.noteTypedNumber(grid[rowIndex]);
    for (std::size_t rowIndex = header.headerRow + 1; rowIndex < end; ++rowIndex)
        reader.read(grid[rowIndex], rowIndex);
    return result;
}

std::string describe(const ImportProblem& problem, Language language, std::size_t firstSheetRow)
{
    using Kind = ImportProblem::Kind;
    const bool fr = language == Language::French;
    const std::string row = std::to_string(problem.sourceRow + firstSheetRow);
    std::string text = fr ? "Ligne " + row + " : " : "Row " + row + ": ";
    const std::string value = quoted(problem.value, language);
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
    }
    if (problem.field && problem.kind != Kind::DuplicateNumber)
        text += " (" + fieldLabel(*problem.field, language) + ")";
    return text;
}

} // namespace relance
