// Helpers the ledger import tests share: dates and Calc serials, cells written T("text"), N(1.5)
// and E, counting problems of a kind, dates as ISO text.
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include "core/ledger/ledger_import.hxx"

namespace relance_test::ledger_import
{

using namespace relance;

using F = LedgerField;
using Kind = ImportProblem::Kind;

inline DayNumber day(int y, unsigned m, unsigned d)
{
    return toDayNumber({y, m, d});
}

// Calc serial of a date with the default null date (30/12/1899).
inline double serial(int y, unsigned m, unsigned d)
{
    return day(y, m, d) - day(1899, 12, 30);
}

inline SourceCell T(const char* text)
{
    return SourceCell::of(std::string(text));
}

inline SourceCell N(double value)
{
    return SourceCell::of(value);
}

inline const SourceCell E = SourceCell::empty();

inline std::size_t countProblems(const ImportResult& result, Kind kind)
{
    return static_cast<std::size_t>(std::count_if(result.problems.begin(), result.problems.end(),
                                                  [kind](const ImportProblem& problem)
                                                  { return problem.kind == kind; }));
}

inline std::string iso(std::optional<DayNumber> date)
{
    return date ? toIsoString(*date) : "none";
}

} // namespace relance_test::ledger_import
