// Robustness of every Relance function in a real headless Calc: many random argument tuples
// (omitted, blank, text, huge, negative, NaN-like, error cells, booleans, ranges of every shape
// and size, whole columns, inline arrays, nested calls, too many arguments) typed into cells as
// a user would. Calc must survive every call, and every result must be a value, a text or a
// documented error code; the codes Calc itself produces before the add-in is even called
// (error propagation, argument count) are allowed only where the call can cause them.
#include <algorithm>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XFrames.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDateMode.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/FillMode.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "uno/functions/function_table.hxx"

using namespace css;
using namespace relance_test;

namespace
{

using Clock = std::chrono::steady_clock;

// Calc error codes (FormulaError in LibreOffice's formula/errorcodes.hxx).
constexpr int kNoError = 0;
constexpr int kInvalidArgument = 502; // Err:502, what Relance answers for any bad argument
constexpr int kParameterList = 504;   // Err:504, raised by Calc itself, see allowedCodes()
constexpr int kNoName = 525;          // #NAME?: the add-in is missing
constexpr int kDivisionByZero = 532;  // #DIV/0!
constexpr int kNotAvailable = 32767;  // #N/A

constexpr std::uint32_t kSeed = 20240312;
constexpr int kBatchSize = 200;
// A 1 048 576-row argument costs 0.4 to 1 s per evaluation (Calc converts every cell to a UNO
// value before Relance sees it), and each call is evaluated twice: one per function.
constexpr int kWholeColumnCallsPerFunction = 1;
constexpr int kReportedFailures = 50; // then only counted

// One argument expression, written with English function names (localized() at typing time).
struct Arg
{
    std::string expression;
    // Codes Calc itself produces from this argument before Relance is called: an error cell
    // referenced alone propagates its own error (=1/0 gives #DIV/0!, =NA() #N/A, =SQRT(-1)
    // Err:502); a range holding an error cell, even a 1x1 range, is refused by Calc's conversion
    // of ranges to UNO sequences with Err:504 (not the Err:502 the README promises).
    std::set<int> injects = {};
    bool wholeColumn = false;
};

// The fixture, typed once in columns P to AG; the formulas under test go in column A, so no
// argument range ever covers a formula under test (no circular reference is possible).
//   P: one value per cell (blank, numbers, texts, error cells, booleans)
//   Q..W: a small invoice list, rows 1-5 (row 4 blank): customers, invoice dates, due dates,
//         amounts, payment dates, paid amounts, follow-up notes
//   X: a blank column, Y: bounds (30, 60, 90; then decreasing 60, 30 in Y5:Y6),
//   Z1:AA1: a user rate row ("2026-S2", 2.15 %)
//   AB1:AB5: the invoices' numbers; AC..AF rows 1-3: a reminder log (letter dates, levels,
//   invoice lists, states); AG1:AG5: delivery dates
std::string longText()
{
    std::string text;
    while (text.size() < 300)
        text += "Facture 2024-0042 relance ";
    return text.substr(0, 300);
}

void fillFixture(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    auto at = [&](const char* address)
    {
        const uno::Reference<table::XCellRange> range(sheet, uno::UNO_QUERY_THROW);
        return range->getCellRangeByName(OUString::createFromAscii(address))
            ->getCellByPosition(0, 0);
    };
    auto number = [&](const char* address, double value) { at(address)->setValue(value); };
    auto text = [&](const char* address, const std::string& value) {
        uno::Reference<text::XTextRange>(at(address), uno::UNO_QUERY_THROW)->setString(ustr(value));
    };
    // setFormula is the language-independent API grammar: the same in both UI languages.
    auto formula = [&](const char* address, const char* value)
    { at(address)->setFormula(OUString::createFromAscii(value)); };

    // P1, P2 stay blank.
    number("P3", 0);
    number("P4", -1);
    number("P5", 1e308);
    number("P6", 1e-300);
    number("P7", 45000);   // 15/03/2023
    number("P8", 2958466); // 01/01/10000, beyond the last Calc date
    number("P9", 0.15);
    text("P10", "abc");
    formula("P11", "=\"\""); // an empty text, not a blank cell
    text("P12", " ");
    text("P13", "12/03/2024");
    text("P14", "31/02/2024");
    text("P15", "45 jours fin de mois");
    text("P16", "=1+1"); // text, not a formula
    text("P17", longText());
    text("P18", "1 234,56 €");
    text("P19", "NaN");
    text("P20", "inf");
    formula("P21", "=1/0");      // #DIV/0!
    formula("P22", "=NA()");     // #N/A
    formula("P23", "=SQRT(-1)"); // Err:502 in Calc
    formula("P24", "=1=1");      // TRUE
    text("P25", "Sous-total");
    number("P26", -1e308);
    formula("P27", "=1=0"); // FALSE

    const char* rows[5][8] = {
        // Q customer, R invoice date, S due date, T amount, U paid on, V paid, W notes
        {"Alpha SARL", "45301", "45331", "1000", "45361", "", "", ""},
        {"Alpha SARL", "45352", "45382", "2000", "", "500", "litige", ""},
        {"Beta SAS", "'15/06/2024", "45488", "'1 234,56 €", "", "", "", ""},
        {"", "", "", "", "", "", "", ""},
        {"Gamma", "45397", "45427", "800", "45478", "", "promesse 15/07", ""},
    };
    const char* columns[] = {"Q", "R", "S", "T", "U", "V", "W"};
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 7; ++c)
        {
            const std::string value = rows[r][c];
            const std::string address = std::string(columns[c]) + std::to_string(r + 1);
            if (value.empty())
                continue;
            if (value[0] == '\'')
                text(address.c_str(), value.substr(1));
            else if (std::isdigit(static_cast<unsigned char>(value[0])))
                number(address.c_str(), std::stod(value));
            else
                text(address.c_str(), value);
        }
    number("Y1", 30);
    number("Y2", 60);
    number("Y3", 90);
    number("Y5", 60);
    number("Y6", 30);
    text("Z1", "2026-S2");
    number("AA1", 0.0215);
    for (const char* cell : {"AB1", "AB2", "AB3", "AB5"})
        text(cell, std::string("F") + cell[2]);
    number("AC1", 45340);
    number("AC2", 45400);
    text("AC3", "12/05/2024");
    number("AD1", 1);
    number("AD2", 3);
    number("AD3", 2);
    text("AE1", "F1, F2");
    text("AE2", "F3");
    text("AE3", "F5; F9");
    text("AF1", "Envoyé");
    text("AF2", "Échec de l'envoi : refusé");
    number("AG1", 45290);
    number("AG2", 45340);
    text("AG3", "10/06/2024");
    number("AG5", 45390);
}

// Arguments of any kind, given to every parameter.
std::vector<Arg> junkArguments(const std::string& rowSeparator)
{
    const std::set<int> rangeWithErrors = {kParameterList};
    // A nested Relance call hands on its own result: a value, a text, a row of values, or its
    // documented errors (which Calc propagates unchanged).
    const std::set<int> nested = {kInvalidArgument, kNotAvailable};
    std::vector<Arg> list = {
        {""},   // omitted
        {"P1"}, // blank cell
        {"X7"}, // blank cell in the blank column
        {"0"},
        {"-1"},
        {"1E308"},
        {"-1E308"},
        {"1E-300"},
        {"45000"},
        {"2958466"},
        {"P5"},
        {"P6"},
        {"P8"},
        {"P26"},
        {"15%"},
        {"\"abc\""},
        {"\"\""},
        {"\" \""},
        {"\"12/03/2024\""},
        {"\"31/02/2024\""},
        {"\"45 jours fin de mois\""},
        {"\"=1+1\""},
        {"\"" + longText() + "\""},
        {"\"1 234,56 €\""},
        {"\"NaN\""},
        {"\"inf\""},
        {"\"-30 jours\""},
        {"\"３０ jours fin de mois\""}, // full-width digits
        {"\"٣٠ jours\""},               // Arabic-Indic digits
        {"\"30 jours 😀\""},
        {"\"１２/０３/２０２４\""},
        {"\"promesse 00/00/0000\""},
        {"P10"},
        {"P11"},
        {"P12"},
        {"P13"},
        {"P14"},
        {"P15"},
        {"P16"},
        {"P17"},
        {"P18"},
        {"P19"},
        {"P20"},
        {"P21", {kDivisionByZero}},
        {"P22", {kNotAvailable}},
        {"P23", {kInvalidArgument}},
        {"1=1"},
        {"1=0"},
        {"P24"},
        {"P27"},
        // ranges: 1x1, 3x1, 2x2, 1x3, 5x1 with blanks, text, junk, errors
        {"S1:S1"},
        {"T2:T2"},
        {"S1:S3"},
        {"T1:T3"},
        {"S1:T2"},
        {"R1:T1"},
        {"S1:S5"},
        {"T1:T2"},
        {"P10:P20"},
        {"P1:P20"},
        {"P21:P23", rangeWithErrors},
        {"P1:P27", rangeWithErrors},
        {"P21:P21", rangeWithErrors},
        {"Q1:W5"},
        {"X1:X3"},
        // inline arrays of one element (no separator needed)
        {"{30}"},
        {"{\"abc\"}"},
        {"{\"\"}"},
        // nested calls
        {"AR.DUEDATE(45000;30)", nested},
        {"AR.DUEDATE(P10;30)", nested},
        {"AR.DAYSTOPAY(45000)", nested},
        {"AR.AGINGBUCKET(45000;;45100)", nested},
        {"AR.AGEDBALANCE(S1:S5;T1:T5;U1:U5;V1:V5;45500)", nested},
        {"AR.CHECK(P1:P20)", nested},
        {"AR.PENALTYRATE(45000)", nested},
        {"AR.DSO(P5;P6)", nested},
        // whole columns: 1 048 576 rows
        {"X:X", {}, true},
        {"S:S", {}, true},
        {"T:T", {}, true},
    };
    if (!rowSeparator.empty())
    {
        const std::string& s = rowSeparator;
        list.push_back({"{30" + s + "60" + s + "90}"});
        list.push_back({"{45000" + s + "\"abc\"" + s + "1E308}"});
        list.push_back({"{1" + s + "2" + s + "3}"});
    }
    return list;
}

// Arguments that fit the parameter, so that random calls also reach the computations (with
// junk in the other parameters). Ranges of one call share a row count (3 or 5 rows of the
// invoice list), and are drawn most often; other sizes and whole columns are mismatches.
std::vector<Arg> fittingArguments(const std::string& parameter, int rows)
{
    auto is = [&](std::initializer_list<const char*> names)
    {
        return std::any_of(names.begin(), names.end(),
                           [&](const char* name) { return parameter == name; });
    };
    const std::string r = std::to_string(rows);
    auto column = [&](const char* letter, std::vector<Arg> others)
    {
        const Arg same{std::string(letter) + "1:" + letter + r};
        others.insert(others.begin(), {same, same, same, same});
        others.push_back({std::string(letter) + ":" + letter, {}, true});
        return others;
    };
    if (is({"customers"}))
        return column("Q", {{"Q1:Q4"}});
    if (is({"invoiceDates"}))
        return column("R", {{"R1:S" + r}});
    if (is({"dueDates"}))
        return column("S", {{"S1:S1"}});
    if (is({"amounts"}))
        return column("T", {{"T1:T4"}});
    if (is({"paymentDates"}))
        return column("U", {{"U2:U" + r}});
    if (is({"paidAmounts"}))
        return column("V", {{"V1:V2"}});
    if (is({"deliveryDates"}))
        return column("AG", {{"AG1:AG2"}});
    if (is({"invoiceNumbers"}))
        return column("AB", {{"AB1:AB2"}});
    if (is({"letterDates", "letterLevels", "letterInvoices", "letterStates"}))
    {
        const std::string letter = parameter == "letterDates"      ? "AC"
                                   : parameter == "letterLevels"   ? "AD"
                                   : parameter == "letterInvoices" ? "AE"
                                                                   : "AF";
        const Arg log{letter + "1:" + letter + "3"};
        return {log, log, log, log, log, {letter + "1:" + letter + "2"}};
    }
    if (is({"period"}))
        return {{"\"semaines\""}, {"\"mois\""}, {"\"weeks\""}, {"\"M\""}, {"\"jours\""}};
    if (is({"periods"}))
        return {{"8"}, {"6"}, {"3"}, {"0"}, {"61"}};
    if (is({"flags"}))
        return {{"W1:W" + r},
                {"W1:W" + r},
                {"\"litige\""},
                {"\"promesse 15/07\""},
                {"\"passée en perte\""}};
    if (is({"values"}))
        return {{"R1:R" + r}, {"T1:T" + r}, {"W1:W" + r}, {"P1:P20"}};
    if (is({"kind"}))
        return {{"\"date\""}, {"\"montant\""}, {"\"amount\""}, {"\"conditions\""}};
    if (is({"bounds", "thresholds"}))
        return {{"Y1:Y3"}, {"Y5:Y6"}, {"{30}"}, {"Y1:Y6"}};
    if (is({"rates"}))
        return {{"Z1:AA1"}, {"Z1:Z1"}};
    if (is({"customer"}))
        return {{"\"Alpha SARL\""}, {"\"beta sas\""}, {"Q5"}};
    if (is({"terms"}))
        return {{"\"45 jours fin de mois\""}, {"30"},           {"\"net 30\""},
                {"\"fin de mois le 10\""},    {"\"comptant\""}, {"\"selon accord\""}};
    if (is({"contractRate"}))
        return {{"15%"}, {"P9"}, {"15"}};
    if (is({"reading", "basis", "weekend", "months", "minDays"}))
        return {{"1"}, {"2"}, {"-1"}, {"\"B\""}, {"12"}, {"360"}, {"\"invoice\""}, {"30"}};
    // A period that holds the fixture's invoices (January to June 2024), most often.
    if (is({"from"}))
        return {{"45000"}, {"DATE(2024;1;1)"}, {"P7"}};
    if (is({"to"}))
        return {{"45500"}, {"DATE(2024;12;31)"}, {"DATE(9999;12;31)"}};
    if (is({"dueDate", "invoiceDate", "paymentDate", "asOf", "date", "creationDate"}))
        return {{"45000"}, {"45500"},           {"\"12/03/2024\""},   {"\"12 mars 2024\""}, {"S2"},
                {"R3"},    {"DATE(2024;6;30)"}, {"DATE(9999;12;31)"}, {"DATE(1900;1;1)"}};
    // amounts, receivables, sales, credit limits
    return {{"1000"}, {"50000"}, {"T3"}, {"\"1 234,56 €\""}, {"300000"}, {"P9"}};
}

struct Call
{
    std::size_t function;  // index in functionTable()
    std::string formula;   // as typed: localized
    std::set<int> allowed; // every code this call may legitimately show
    bool wholeColumn;
};

// A formula typed by a user is a value/text, a Relance error, or an error Calc raises itself
// before calling Relance. Each is allowed for a reason:
//   0      a value or a text
//   502    Err:502, Relance's documented answer to any argument it cannot use (README)
//   32767  #N/A, Relance's documented "does not apply" (README)
//   504    Err:504 "error in parameter list", raised by Calc itself, never by Relance: for more
//          arguments than the function declares (ScUnoAddInCall::ValidParamCount), and for a
//          range or array holding an error cell (ScRangeToSequence::FillMixedArray refuses it)
//   532    #DIV/0!, only propagated by Calc from a =1/0 cell given alone as an argument
// Not allowed: 525 (#NAME?, the add-in is missing), 522 (circular: no argument covers a formula
// cell), 503 (#NUM!: Calc's answer when Relance returns an infinite or NaN double; huge, tiny
// and overflowing inputs give Err:502 instead), 519 (#VALUE!), anything else. None of these was
// seen with LibreOffice 7.4 in either language.
std::set<int> allowedCodes(std::size_t argumentCount, std::size_t declared,
                           const std::vector<const Arg*>& arguments)
{
    std::set<int> allowed = {kNoError, kInvalidArgument, kNotAvailable};
    if (argumentCount > declared)
        allowed.insert(kParameterList);
    for (const Arg* argument : arguments)
        allowed.insert(argument->injects.begin(), argument->injects.end());
    return allowed;
}

std::string describe(const std::set<int>& codes)
{
    std::string text;
    for (const int code : codes)
        text += (text.empty() ? "" : ", ") + std::to_string(code);
    return text;
}

// Prints what the test is waiting on when a call takes much longer than it should, so a hang
// is reported with its formula rather than as a bare ctest timeout.
class Watchdog
{
public:
    Watchdog() : thread_([this] { run(); }) {}
    ~Watchdog()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    void working(const std::string& what)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        what_ = what;
        since_ = Clock::now();
        reported_ = false;
    }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; }))
            if (!reported_ && Clock::now() - since_ > std::chrono::seconds(30))
            {
                std::cerr << "[watchdog] still waiting after 30 s on: " << what_ << std::endl;
                reported_ = true;
            }
    }
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string what_;
    Clock::time_point since_ = Clock::now();
    bool reported_ = false;
    bool stop_ = false;
    std::thread thread_;
};

uno::Reference<sheet::XSpreadsheet> firstSheet(const uno::Reference<lang::XComponent>& document)
{
    const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document, uno::UNO_QUERY_THROW);
    const uno::Reference<container::XIndexAccess> sheets(spreadsheet->getSheets(),
                                                         uno::UNO_QUERY_THROW);
    return uno::Reference<sheet::XSpreadsheet>(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
}

void typeLocal(const uno::Reference<table::XCell>& cell, const std::string& formula)
{
    uno::Reference<beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)
        ->setPropertyValue("FormulaLocal", uno::Any(ustr(formula)));
}

// A trivial round trip to the office: throws if it is gone.
void officeAlive()
{
    uno::Reference<frame::XFrames> frames = office().desktop()->getFrames();
    (void)frames->getCount();
}

// The inline-array row separator depends on the UI language and the profile; find it by asking
// Relance to count the values of a three-element array.
std::string inlineArrayRowSeparator(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    const uno::Reference<table::XCell> probe = sheet->getCellByPosition(1, 0);
    for (const char* separator : {";", "|", "!", "/", "\\"})
    {
        const std::string s = separator;
        typeLocal(probe, localized("=AR.CHECK({45000" + s + "45001" + s + "45002})"));
        const std::string result =
            utf8(uno::Reference<text::XTextRange>(probe, uno::UNO_QUERY_THROW)->getString());
        if (probe->getError() == 0 && result.find(" 3 ") != std::string::npos)
        {
            probe->setFormula("");
            return s;
        }
    }
    probe->setFormula("");
    return "";
}

} // namespace

TEST(RandomCalls, EveryFunctionSurvivesRandomArguments)
{
    const auto started = Clock::now();
    const Sheet document(office().newSpreadsheet());
    const uno::Reference<sheet::XSpreadsheet> sheet = firstSheet(document.document());
    fillFixture(sheet);

    const std::string rowSeparator = inlineArrayRowSeparator(sheet);
    const std::vector<Arg> junk = junkArguments(rowSeparator);
    const auto& functions = relance::addin::functionTable();
    const int perFunction = []
    {
        const std::string count = env("RELANCE_RANDOM_CALLS_PER_FUNCTION");
        return count.empty() ? 110 : std::stoi(count);
    }();
    std::cout << "[random calls] seed " << kSeed << ", " << perFunction
              << " calls per function, language " << (french() ? "fr" : "en")
              << ", inline-array row separator "
              << (rowSeparator.empty() ? "(none found: multi-element arrays skipped)"
                                       : "'" + rowSeparator + "'")
              << std::endl;
    RecordProperty("seed", static_cast<int>(kSeed));

    // Generate every call first: the sequence depends on the seed alone.
    std::mt19937 random(kSeed);
    auto pick = [&](std::size_t size)
    { return std::uniform_int_distribution<std::size_t>(0, size - 1)(random); };
    std::vector<Call> calls;
    for (std::size_t f = 0; f < functions.size(); ++f)
    {
        const auto& function = functions[f];
        const std::size_t declared = function.arguments.size();
        int wholeColumnCalls = 0;
        for (int n = 0; n < perFunction; ++n)
        {
            // Half the calls mostly fit their parameters, with at least half of them given;
            // half are mostly junk, with 0 to (declared + 1) arguments. Both modes pass one
            // argument too many now and then.
            const bool mostlyFitting = std::bernoulli_distribution(0.5)(random);
            const double fit = mostlyFitting ? 0.9 : 0.3;
            const std::size_t count =
                mostlyFitting && std::bernoulli_distribution(0.9)(random)
                    ? std::uniform_int_distribution<std::size_t>((declared + 1) / 2,
                                                                 declared)(random)
                    : std::uniform_int_distribution<std::size_t>(0, declared + 1)(random);
            const int rows = std::bernoulli_distribution(0.75)(random) ? 5 : 3;
            std::vector<const Arg*> arguments;
            bool wholeColumn = false;
            std::vector<std::vector<Arg>> fitting; // keeps the picked fitting arguments alive
            fitting.reserve(count);
            for (std::size_t a = 0; a < count; ++a)
            {
                fitting.push_back(
                    a < declared ? fittingArguments(function.arguments[a].programmaticName, rows)
                                 : std::vector<Arg>{});
                const Arg* argument = nullptr;
                do
                {
                    if (!fitting[a].empty() && std::bernoulli_distribution(fit)(random))
                        argument = &fitting[a][pick(fitting[a].size())];
                    else
                        argument = &junk[pick(junk.size())];
                } while (argument->wholeColumn && !wholeColumn &&
                         wholeColumnCalls >= kWholeColumnCallsPerFunction);
                wholeColumn = wholeColumn || argument->wholeColumn;
                arguments.push_back(argument);
            }
            if (wholeColumn)
                ++wholeColumnCalls;
            std::string formula = std::string("=") + function.displayName.english + "(";
            for (std::size_t a = 0; a < arguments.size(); ++a)
                formula += (a ? ";" : "") + arguments[a]->expression;
            formula += ")";
            calls.push_back(
                {f, localized(formula), allowedCodes(count, declared, arguments), wholeColumn});
        }
    }

    Watchdog watchdog;
    std::map<int, std::pair<int, std::string>> seen; // code -> count, first formula
    std::vector<std::map<int, int>> codesPerFunction(functions.size());
    int wholeColumnCalls = 0;
    int checked = 0;
    int disallowed = 0;
    double typingSeconds = 0, computingSeconds = 0, wholeColumnSeconds = 0,
           recalculatingSeconds = 0;
    int batches = 0;
    double slowest = 0;
    std::string slowestFormula;
    const uno::Reference<sheet::XSheetOperation> formulaColumn(
        sheet->getCellRangeByPosition(0, 0, 0, kBatchSize - 1), uno::UNO_QUERY_THROW);
    for (std::size_t first = 0; first < calls.size(); first += kBatchSize)
    {
        const std::size_t last = std::min(calls.size(), first + kBatchSize);
        std::string current;
        try
        {
            formulaColumn->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::STRING |
                                         sheet::CellFlags::FORMULA);
            std::vector<uno::Reference<table::XCell>> cells;
            auto t0 = Clock::now();
            for (std::size_t i = first; i < last; ++i)
            {
                current = calls[i].formula;
                watchdog.working("typing " + current);
                cells.push_back(sheet->getCellByPosition(0, static_cast<sal_Int32>(i - first)));
                typeLocal(cells.back(), current);
            }
            typingSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
            // Reading a cell computes it: a crash or a hang points at its formula.
            std::vector<int> before;
            for (std::size_t i = first; i < last; ++i)
            {
                current = calls[i].formula;
                watchdog.working("computing " + current);
                t0 = Clock::now();
                before.push_back(cells[i - first]->getError());
                const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
                (calls[i].wholeColumn ? wholeColumnSeconds : computingSeconds) += seconds;
                if (seconds > slowest)
                {
                    slowest = seconds;
                    slowestFormula = current;
                }
            }
            current = "(recalculating the batch)";
            watchdog.working("recalculating the batch starting with " + calls[first].formula);
            t0 = Clock::now();
            document.recalculate();
            recalculatingSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
            for (std::size_t i = first; i < last; ++i)
            {
                const Call& call = calls[i];
                current = call.formula;
                watchdog.working("reading " + current);
                const int code = cells[i - first]->getError();
                auto& entry = seen[code];
                if (entry.first++ == 0)
                    entry.second = call.formula;
                ++codesPerFunction[call.function][code];
                ++checked;
                wholeColumnCalls += call.wholeColumn ? 1 : 0;
                if (!call.allowed.count(code) && ++disallowed <= kReportedFailures)
                    ADD_FAILURE() << call.formula << " gave Err:" << code
                                  << ", allowed here: " << describe(call.allowed)
                                  << (code == kNoName ? " (#NAME?: the add-in is missing)" : "");
                EXPECT_EQ(code, before[i - first])
                    << call.formula << ": not the same result after recalculation";
            }
            current = "(checking the office after the batch)";
            officeAlive();
            ++batches;
        }
        catch (const uno::Exception& error)
        {
            FAIL() << "the office failed while on " << current << ": " << utf8(error.Message);
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();

    std::cout << "[random calls] calls per function, and their results (0 = value or text):"
              << std::endl;
    for (std::size_t f = 0; f < functions.size(); ++f)
    {
        int total = 0;
        std::string detail;
        for (const auto& [code, count] : codesPerFunction[f])
        {
            total += count;
            detail += "  " + std::to_string(code) + ":" + std::to_string(count);
        }
        std::cout << "  " << std::left << std::setw(30)
                  << (french() ? functions[f].displayName.french : functions[f].displayName.english)
                  << std::right << std::setw(5) << total << " " << detail << std::endl;
        EXPECT_GT(codesPerFunction[f][kNoError], 0)
            << functions[f].displayName.english << " never computed anything: the arguments "
            << "fitting its parameters are wrong";
    }
    std::cout << "[random calls] results by error code (0 = value or text):" << std::endl;
    for (const auto& [code, entry] : seen)
        std::cout << "  " << std::setw(6) << code << " x" << entry.first << ", e.g. "
                  << entry.second.substr(0, 160) << std::endl;
    std::cout << "[random calls] " << checked << " calls checked of " << calls.size() << " ("
              << wholeColumnCalls << " with a 1 048 576-row column) in " << batches
              << " batches of up to " << kBatchSize << ", " << std::fixed << std::setprecision(1)
              << seconds << " s in all; slowest single call " << std::setprecision(3) << slowest
              << " s: " << slowestFormula.substr(0, 160) << std::endl;
    std::cout << "[random calls] time: typing " << std::setprecision(1) << typingSeconds
              << " s, first computation " << computingSeconds << " s (+ " << wholeColumnSeconds
              << " s for the whole-column calls), recalculation " << recalculatingSeconds << " s"
              << std::endl;
    RecordProperty("calls", checked);
    EXPECT_EQ(disallowed, 0) << "calls with a code not allowed (the first " << kReportedFailures
                             << " are listed above)";
    EXPECT_GE(checked, 3000);
}

// A range function over two whole columns of 1 048 576 filled rows, and over blank ones.
TEST(RandomCalls, MillionRowRangesAnswerInReasonableTime)
{
    const Sheet document(office().newSpreadsheet());
    const uno::Reference<sheet::XSpreadsheet> sheet = firstSheet(document.document());
    constexpr sal_Int32 kRows = 1048576;
    // A: due dates from 45000 (15/03/2023) one day apart, B: amounts 1, 2, 3, … filled by Calc.
    sheet->getCellByPosition(0, 0)->setValue(45000);
    sheet->getCellByPosition(1, 0)->setValue(1);
    const auto fillStart = Clock::now();
    uno::Reference<sheet::XCellSeries>(sheet->getCellRangeByPosition(0, 0, 1, kRows - 1),
                                       uno::UNO_QUERY_THROW)
        ->fillSeries(sheet::FillDirection_TO_BOTTOM, sheet::FillMode_LINEAR,
                     sheet::FillDateMode_FILL_DATE_DAY, 1, 1e12);
    ASSERT_EQ(sheet->getCellByPosition(0, kRows - 1)->getValue(), 45000.0 + kRows - 1);
    ASSERT_EQ(sheet->getCellByPosition(1, kRows - 1)->getValue(), double(kRows));
    std::cout << "[million rows] filled A1:B" << kRows << " in " << std::fixed
              << std::setprecision(2)
              << std::chrono::duration<double>(Clock::now() - fillStart).count() << " s"
              << std::endl;

    struct Case
    {
        const char* formula;
        std::set<int> allowed;
        double expected; // checked when the result is a value and this is not NaN
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Nothing is paid: whatever the buckets, they sum to all the amounts, n (n + 1) / 2.
    const double total = double(kRows) * (kRows + 1) / 2;
    const Case cases[] = {
        {"=AR.AGEDBALANCE(A:A;B:B)", {kNoError, kInvalidArgument}, nan},
        {"=SUM(AR.AGEDBALANCE(A:A;B:B;;;45000))", {kNoError, kInvalidArgument}, total},
        {"=AR.OVERDUE(A:A;B:B;;;45000)", {kNoError, kInvalidArgument}, 0},
        {"=AR.AGEDBALANCE(F:F;G:G)", {kNoError, kInvalidArgument, kNotAvailable}, nan},
        {"=AR.AGEDBALANCE(A:A;B1:B5)", {kInvalidArgument}, nan}, // sizes differ
        {"=AR.CHECK(A:A)", {kNoError, kInvalidArgument}, nan},
    };
    Watchdog watchdog;
    int row = 3;
    for (const Case& c : cases)
    {
        const std::string formula = localized(c.formula);
        SCOPED_TRACE(formula);
        watchdog.working(formula);
        const uno::Reference<table::XCell> cell = sheet->getCellByPosition(3, row++);
        const auto t0 = Clock::now();
        int code = -1;
        try
        {
            typeLocal(cell, formula);
            code = cell->getError();
            officeAlive();
        }
        catch (const uno::Exception& error)
        {
            FAIL() << "the office failed on " << formula << ": " << utf8(error.Message);
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        std::cout << "[million rows] " << formula << " -> "
                  << (code ? "Err:" + std::to_string(code)
                           : utf8(uno::Reference<text::XTextRange>(cell, uno::UNO_QUERY_THROW)
                                      ->getString()))
                  << " in " << std::setprecision(2) << seconds << " s" << std::endl;
        EXPECT_TRUE(c.allowed.count(code)) << "Err:" << code;
        EXPECT_LT(seconds, 20.0) << "too slow over 1 048 576 rows";
        if (code == 0 && !std::isnan(c.expected))
        {
            EXPECT_EQ(cell->getValue(), c.expected);
        }
    }
}
