// readFec and ledgerFromFec (core/fec): a FEC file as an accountant's software writes it, or
// anything else.
//
// Invariants:
//  - readFec throws only InputError; every line read and every problem names a line of the
//    file after the header, and no more lines are read than the file has;
//  - read amounts are non-negative debits and credits within +-kMaxCents, never both;
//  - the ledger keeps the money: the customer accounts' balance is the ledger's outstanding
//    less what no invoice could take, whatever the lettering says.
#include <algorithm>

#include "core/common/input_error.hxx"
#include "core/fec/fec_ledger.hxx"
#include "fuzz_support.hxx"

namespace relance::fuzz
{

int fuzzFecFile(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = asText(data, size);
    const CurrentInput current(text);
    FecFile file;
    try
    {
        file = readFec(text);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
        return 0;
    }
    const std::size_t lines =
        static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    FUZZ_CHECK(file.lines.size() <= file.lineCount, file.lines.size(), " lines read of ",
               file.lineCount);
    for (const FecLine& line : file.lines)
    {
        FUZZ_CHECK(line.line >= 2 && line.line <= lines, "line ", line.line, " of ", lines);
        FUZZ_CHECK(line.debit >= 0 && line.credit >= 0 && line.debit <= kMaxCents &&
                       line.credit <= kMaxCents && (line.debit == 0 || line.credit == 0),
                   "debit ", line.debit, " credit ", line.credit);
    }
    for (const FecProblem& problem : file.problems)
        FUZZ_CHECK(problem.line >= 2 && problem.line <= lines, "problem at line ", problem.line);
    try
    {
        const FecLedger ledger = ledgerFromFec(file, {});
        FUZZ_CHECK(ledger.fecBalance == ledger.ledgerOutstanding - ledger.unallocated, "balance ",
                   ledger.fecBalance, " but outstanding ", ledger.ledgerOutstanding,
                   " less unallocated ", ledger.unallocated);
        (void)describeFecImport(file, ledger, Language::French);
    }
    catch (const InputError& error)
    {
        FUZZ_CHECK(*error.what() != '\0');
    }
    return 0;
}

} // namespace relance::fuzz
