#include "core/fec/fec_file.hxx"

#include <algorithm>
#include <array>
#include <map>

#include <unicode/ucnv.h>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"

namespace relance
{
namespace
{

// The header names of A47 A-1, in their order; the variant replaces Debit/Credit by
// Montant/Sens.
enum Column : std::size_t
{
    JournalCode,
    JournalLib,
    EcritureNum,
    EcritureDate,
    CompteNum,
    CompteLib,
    CompAuxNum,
    CompAuxLib,
    PieceRef,
    PieceDate,
    EcritureLib,
    Debit,
    Credit,
    EcritureLet,
    DateLet,
    Montant,
    Sens,
    kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "JournalCode", "JournalLib",  "EcritureNum", "EcritureDate", "CompteNum",   "CompteLib",
    "CompAuxNum",  "CompAuxLib",  "PieceRef",    "PieceDate",    "EcritureLib", "Debit",
    "Credit",      "EcritureLet", "DateLet",     "Montant",      "Sens"};

bool isValidUtf8(std::string_view bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status))
        return false;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::vector<UChar> target(bytes.size() + 1);
    ucnv_toUChars(converter, target.data(), static_cast<int32_t>(target.size()), bytes.data(),
                  static_cast<int32_t>(bytes.size()), &status);
    ucnv_close(converter);
    return U_SUCCESS(status);
}

// ISO-8859-15 (Latin-9: "€", "Œ" where Latin-1 has "¤", "¼") to UTF-8, through ICU.
std::string fromLatin9(std::string_view bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::string out(bytes.size() * 3 + 1, '\0');
    const int32_t length =
        ucnv_convert("UTF-8", "ISO-8859-15", out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        throw InputError("the FEC file is neither UTF-8 nor ISO-8859-15 text",
                         "le fichier FEC n'est ni du texte UTF-8 ni de l'ISO-8859-15");
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split(std::string_view line, char separator)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;)
    {
        const std::size_t end = line.find(separator, start);
        fields.push_back(trimmed(line.substr(start, end - start)));
        if (end == std::string_view::npos)
            return fields;
        start = end + 1;
    }
}

std::string foldedName(std::string_view name)
{
    std::string folded;
    for (const char c : name)
        if (c != ' ' && c != '_')
            folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return folded;
}

} // namespace

std::optional<DayNumber> parseFecDate(std::string_view text)
{
    text = trimmed(text);
    int year = 0, month = 0, day = 0;
    auto digits = [&](std::size_t from, std::size_t count, int& value)
    {
        value = 0;
        for (std::size_t i = from; i < from + count; ++i)
        {
            if (text[i] < '0' || text[i] > '9')
                return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    bool read = false;
    if (text.size() == 8)
        read = digits(0, 4, year) && digits(4, 2, month) && digits(6, 2, day);
    else if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        read = digits(0, 4, year) && digits(5, 2, month) && digits(8, 2, day);
    else if (text.size() == 10 && text[2] == '/' && text[5] == '/')
        read = digits(0, 2, day) && digits(3, 2, month) && digits(6, 4, year);
    if (!read || month < 1 || month > 12 || day < 1)
        return std::nullopt;
    const CivilDate date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
    if (!isValid(date))
        return std::nullopt;
    const DayNumber number = toDayNumber(date);
    if (!isInSupportedRange(number))
        return std::nullopt;
    return number;
}

std::optional<Cents> parseFecAmount(std::string_view text)
{
    text = trimmed(text);
    if (text.empty())
        return 0;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+')
    {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    text = trimmed(text);
    Cents units = 0;
    int decimals = -1; // digits read after the separator; -1 before it
    Cents fraction = 0;
    bool anyDigit = false;
    for (const char c : text)
    {
        if (c >= '0' && c <= '9')
        {
            anyDigit = true;
            if (decimals < 0)
            {
                units = units * 10 + (c - '0');
                if (units > kMaxCents / 100)
                    return std::nullopt;
            }
            else if (++decimals > 2)
                return std::nullopt;
            else
                fraction = fraction * 10 + (c - '0');
        }
        else if ((c == ',' || c == '.') && decimals < 0)
            decimals = 0;
        else
            return std::nullopt;
    }
    if (!anyDigit)
        return std::nullopt;
    if (decimals == 1)
        fraction *= 10;
    const Cents cents = units * 100 + fraction;
    return negative ? -cents : cents;
}

std::string describe(const FecProblem& problem, Language language)
{
    const bool fr = language == Language::French;
    std::string what;
    switch (problem.kind)
    {
    case FecProblem::Kind::FieldCount:
        return (fr ? "Ligne " : "Line ") + std::to_string(problem.line) +
               (fr ? " : " + problem.value + " champs au lieu de ceux de l'en-tête, ligne ignorée"
                   : ": " + problem.value + " fields instead of the header's, line left out");
    case FecProblem::Kind::UnreadableDate:
        what = fr ? "date illisible" : "unreadable date";
        break;
    case FecProblem::Kind::UnreadableAmount:
        what = fr ? "montant illisible" : "unreadable amount";
        break;
    case FecProblem::Kind::UnreadableSense:
        what = fr ? "sens illisible (D ou C attendu)" : "unreadable sense (D or C expected)";
        break;
    }
    return fr ? "Ligne " + std::to_string(problem.line) + " : " + what + " \u00ab\u00a0" +
                    problem.value + "\u00a0\u00bb (" + problem.field + "), ligne ignorée"
              : "Line " + std::to_string(problem.line) + ": " + what + " \u201c" + problem.value +
                    "\u201d (" + problem.field + "), line left out";
}

FecFile readFec(std::string_view bytes)
{
    FecFile file;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    std::string text;
    if (isValidUtf8(bytes))
        text.assign(bytes);
    else
    {
        file.encoding = FecEncoding::Iso885915;
        text = fromLatin9(bytes);
    }

    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();)
    {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    std::size_t headerIndex = 0;
    while (headerIndex < lines.size() && trimmed(lines[headerIndex]).empty())
        ++headerIndex;
    if (headerIndex == lines.size())
        throw InputError("the FEC file is empty", "le fichier FEC est vide");
    const std::string_view header = lines[headerIndex];
    if (header.find('\t') != std::string_view::npos)
        file.separator = '\t';
    else if (header.find('|') != std::string_view::npos)
        file.separator = '|';
    else
        throw InputError(
            "not a FEC file: its first line should name the 18 columns (JournalCode, JournalLib, "
            "EcritureNum, …) separated by tabs or '|'",
            "ce n'est pas un fichier FEC : sa première ligne devrait nommer les 18 colonnes "
            "(JournalCode, JournalLib, EcritureNum, …) séparées par des tabulations ou des « | »");

    std::array<std::optional<std::size_t>, kColumnCount> at{};
    const std::vector<std::string_view> names = split(header, file.separator);
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t c = 0; c < kColumnCount; ++c)
            if (!at[c] && foldedName(names[i]) == foldedName(kColumnNames[c]))
                at[c] = i;
    file.amountAndSense = !at[Debit] && !at[Credit] && at[Montant] && at[Sens];
    std::vector<std::string_view> missing;
    for (const Column required : {JournalCode, EcritureNum, EcritureDate, CompteNum, PieceRef})
        if (!at[required])
            missing.push_back(kColumnNames[required]);
    if (!file.amountAndSense && (!at[Debit] || !at[Credit]))
        missing.push_back(at[Debit] ? "Credit" : at[Credit] ? "Debit" : "Debit, Credit");
    if (!missing.empty())
    {
        std::string list;
        for (const std::string_view name : missing)
            list += (list.empty() ? "" : ", ") + std::string(name);
        throw InputError("not a FEC file Relance can read: its header has no column " + list +
                             " (A47 A-1 names them JournalCode … Debit, Credit …)",
                         "fichier FEC illisible : son en-tête n'a pas de colonne " + list +
                             " (l'article A47 A-1 les nomme JournalCode … Debit, Credit …)");
    }

    auto field = [&](const std::vector<std::string_view>& fields, Column column)
    { return at[column] ? std::string(fields[*at[column]]) : std::string(); };
    for (std::size_t index = headerIndex + 1; index < lines.size(); ++index)
    {
        if (trimmed(lines[index]).empty())
            continue;
        ++file.lineCount;
        const std::size_t lineNumber = index + 1;
        const std::vector<std::string_view> fields = split(lines[index], file.separator);
        if (fields.size() != names.size())
        {
            file.problems.push_back(
                {FecProblem::Kind::FieldCount, lineNumber, "", std::to_string(fields.size())});
            continue;
        }
        FecLine line;
        line.line = lineNumber;
        line.journalCode = field(fields, JournalCode);
        line.journalLabel = field(fields, JournalLib);
        line.entryNumber = field(fields, EcritureNum);
        line.account = field(fields, CompteNum);
        line.accountLabel = field(fields, CompteLib);
        line.auxAccount = field(fields, CompAuxNum);
        line.auxLabel = field(fields, CompAuxLib);
        line.pieceRef = field(fields, PieceRef);
        line.label = field(fields, EcritureLib);
        line.lettering = field(fields, EcritureLet);
        bool readable = true;
        auto problem = [&](FecProblem::Kind kind, Column column, const std::string& value)
        {
            file.problems.push_back({kind, lineNumber, std::string(kColumnNames[column]), value});
            readable = false;
        };
        const std::string entryDate = field(fields, EcritureDate);
        if (const auto day = parseFecDate(entryDate))
            line.entryDate = *day;
        else
            problem(FecProblem::Kind::UnreadableDate, EcritureDate, entryDate);
        for (const Column column : {PieceDate, DateLet})
        {
            const std::string value = field(fields, column);
            if (trimmed(value).empty())
                continue;
            const auto day = parseFecDate(value);
            if (!day)
                problem(FecProblem::Kind::UnreadableDate, column, value);
            (column == PieceDate ? line.pieceDate : line.letteringDate) = day;
        }
        if (file.amountAndSense)
        {
            const std::string amount = field(fields, Montant);
            const std::string sense = foldText(field(fields, Sens));
            const auto cents = parseFecAmount(amount);
            if (!cents)
                problem(FecProblem::Kind::UnreadableAmount, Montant, amount);
            else if (sense == "d" || sense == "debit" || sense == "+1")
                line.debit = *cents;
            else if (sense == "c" || sense == "credit" || sense == "-1")
                line.credit = *cents;
            else
                problem(FecProblem::Kind::UnreadableSense, Sens, field(fields, Sens));
        }
        else
            for (const Column column : {Debit, Credit})
            {
                const std::string amount = field(fields, column);
                if (const auto cents = parseFecAmount(amount))
                    (column == Debit ? line.debit : line.credit) = *cents;
                else
                    problem(FecProblem::Kind::UnreadableAmount, column, amount);
            }
        // A negative debit is a credit (a reversal some software writes so), and the reverse.
        if (line.debit < 0 || line.credit < 0)
        {
            const Cents net = line.debit - line.credit;
            line.debit = net > 0 ? net : 0;
            line.credit = net < 0 ? -net : 0;
        }
        if (readable)
            file.lines.push_back(std::move(line));
    }
    return file;
}

} // namespace relance
