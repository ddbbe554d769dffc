// The Fichier des Écritures Comptables (FEC, Livre des procédures fiscales art. L47 A and
// A47 A-1): the accounting entries every French company's accountant can export, read as they
// come: tab- or pipe-separated, UTF-8 or ISO-8859-15, dates AAAAMMJJ, amounts with a decimal
// comma, zero-padded and signed by some software, Debit/Credit or the Montant/Sens variant.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/civil_date.hxx"
#include "core/common/language.hxx"
#include "core/common/money.hxx"

namespace relance
{

enum class FecEncoding
{
    Utf8,
    Iso885915,
};

// One entry line, as read. Text fields are UTF-8, trimmed.
struct FecLine
{
    std::size_t line = 0; // line number in the file, counted from 1 (the header is line 1)
    std::string journalCode;
    std::string journalLabel;
    std::string entryNumber; // EcritureNum
    DayNumber entryDate = 0; // EcritureDate
    std::string account;     // CompteNum
    std::string accountLabel;
    std::string auxAccount; // CompAuxNum
    std::string auxLabel;   // CompAuxLib
    std::string pieceRef;   // PieceRef
    std::optional<DayNumber> pieceDate;
    std::string label; // EcritureLib
    Cents debit = 0;
    Cents credit = 0;
    std::string lettering; // EcritureLet
    std::optional<DayNumber> letteringDate;
};

struct FecProblem
{
    enum class Kind
    {
        FieldCount,       // the line has another number of fields than the header
        UnreadableDate,   // the line is left out
        UnreadableAmount, // the line is left out
        UnreadableSense,  // Sens is neither D nor C: the line is left out
    };
    Kind kind = Kind::FieldCount;
    std::size_t line = 0;
    std::string field; // the FEC column's name ("EcritureDate")
    std::string value; // the text read
};

// « Ligne 17 : montant illisible « 12,3,4 » (Debit) » / "Line 17: unreadable amount …".
std::string describe(const FecProblem& problem, Language language);

struct FecFile
{
    FecEncoding encoding = FecEncoding::Utf8;
    char separator = '\t';
    bool amountAndSense = false; // the Montant/Sens variant
    std::size_t lineCount = 0;   // entry lines in the file, the header and blank lines aside
    std::vector<FecLine> lines;  // the lines read
    std::vector<FecProblem> problems;
};

// Reads a FEC file's bytes. Throws InputError, in both languages, when the file is not a FEC:
// no header line naming the FEC's columns, a column the ledger needs missing (named), a
// separator other than tab or '|'. Every other fault is a problem naming its line and field.
FecFile readFec(std::string_view bytes);

// "20260115" (and, as some exports write it, "2026-01-15" or "15/01/2026"); nullopt otherwise.
std::optional<DayNumber> parseFecDate(std::string_view text);
// "1437,12", "1437.12", " 000000000001437,12", "-000000000001437,12", "+12", "" (zero).
std::optional<Cents> parseFecAmount(std::string_view text);

} // namespace relance
