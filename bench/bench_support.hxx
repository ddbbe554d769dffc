// What the benchmark's pieces share: the options, the invoice sheet's layout and deterministic
// data, the Workbook the formulas are written, timed and read on, and the office's CPU time.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Exception.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <sys/types.h>

#include "uno/common/uno_basics.hxx"

namespace bench
{

using namespace css;

constexpr sal_Int32 kFirstRow = 2; // first data row, as written in formulas (1-based)
constexpr sal_Int32 kColumnInvoice = 2, kColumnPayment = 5, kColumnCustomer = 7,
                    kColumnDue = 9; // 0-based
constexpr sal_Int32 kColumnAddIn = 11, kColumnNative = 12, kColumnScratch = 14;
constexpr sal_Int32 kAggregateAddInRow = 1, kAggregateNativeRow = 2; // 0-based

inline const char* const kTerms[] = {"30 jours", "45 jours fin de mois", "60 jours date de facture",
                                     "fin de mois le 10"};

// Customers of the sample workbook (scripts/make_sample.py).
inline const char* const kCustomers[] = {"Boulangerie Martin",
                                         "SCI Les Tilleuls",
                                         "Garage Lefèvre SAS",
                                         "Hôtel du Parc SARL",
                                         "Restaurant L'Étoile d'Or",
                                         "Cabinet Moreau & Associés",
                                         "Pharmacie Girard",
                                         "EURL Rousseau Rénovation",
                                         "Mairie de Saint-Aubin",
                                         "SAS Bâtiments Fournier",
                                         "Crêperie Le Goéland",
                                         "Agence Immobilière Bonnet",
                                         "Camping Les Pins SARL",
                                         "SARL Dubois Frères",
                                         "École Sainte-Thérèse",
                                         "Fromagerie Chevalier",
                                         "M. et Mme Laurent",
                                         "Charpentes Mercier EURL",
                                         "Clinique vétérinaire des Ormes",
                                         "SCI Mont-Blanc",
                                         "Cave Perrin & Fils",
                                         "Auberge de la Forêt",
                                         "Cuisines Leroy SAS",
                                         "Gîte de l'Écluse",
                                         "Librairie Lambert EURL"};
constexpr int kCustomerCount = static_cast<int>(std::size(kCustomers));

// How a column of formulas is written. setFormulaArray, one formula per cell, is quadratic in
// the column's length in LibreOffice 7.4 (about 20 s for 20 000 cells, over 10 min for 100 000);
// filling the first formula down (XCellSeries::fillAuto) takes a fraction of a second.
enum class Write
{
    Fill,
    Array,
};

struct Options
{
    long rows = 100000;
    int repeat = 3;
    // One aggregate calculation is a few tenths of a second and its time is bimodal on a busy
    // machine (the same cell: 0.16 s or 0.4 s, CPU time included): more runs, still cheap.
    int aggregateRepeat = 9;
    int conversionRuns = 2; // pairs of conversions: automatic calculation on, then off
    bool conversion = true;
    Write write = Write::Fill;
    std::string results; // Markdown file to write, if any
    std::string only;    // run the cases whose name contains this
    // The ledger at these sizes against its native-formula twin (empty: not run).
    std::vector<long> scale = {1000, 10000, 100000, 500000};
};

std::string utf8(const OUString& text);
OUString ustr(const std::string& text);
void replaceAll(std::string& text, const std::string& from, const std::string& to);
std::string fixed(double value, int decimals);
double median(std::vector<double> values);

// ----- Deterministic invoice data ------------------------------------------------------------

using namespace std::chrono;

year_month_day civil(int serial);

struct Invoice
{
    int date;
    int terms; // index into kTerms
    double amount;
    std::optional<int> payment;
    int due;
    int customer; // index into kCustomers
};

class Random // splitmix64: the same sequence everywhere
{
public:
    explicit Random(std::uint64_t seed = 20240131) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }

private:
    std::uint64_t state_;
};

extern const int kAsOf;
const char* const kAsOfText = "2024-12-31"; // the conversion's AsOf argument, the same day

std::vector<Invoice> makeInvoices(long count);

// ----- The sheet -----------------------------------------------------------------------------

uno::Any text(const char* value);
void setData(const uno::Reference<table::XCellRange>& target,
             const uno::Sequence<uno::Sequence<uno::Any>>& data);

class Workbook
{
public:
    explicit Workbook(uno::Reference<lang::XComponent> document) : document_(std::move(document))
    {
        const uno::Reference<sheet::XSpreadsheetDocument> spreadsheet(document_,
                                                                      uno::UNO_QUERY_THROW);
        const uno::Reference<container::XIndexAccess> sheets(spreadsheet->getSheets(),
                                                             uno::UNO_QUERY_THROW);
        sheet_.set(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
        calculatable_.set(document_, uno::UNO_QUERY_THROW);
        // Writing formulas must not compute them: only calculateAll() is timed.
        calculatable_->enableAutomaticCalculation(false);
    }
    ~Workbook()
    {
        try
        {
            uno::Reference<util::XCloseable>(document_, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

    // 0-based, inclusive.
    uno::Reference<table::XCellRange> range(sal_Int32 left, sal_Int32 top, sal_Int32 right,
                                            sal_Int32 bottom) const
    {
        return uno::Reference<table::XCellRange>(sheet_, uno::UNO_QUERY_THROW)
            ->getCellRangeByPosition(left, top, right, bottom);
    }

    void fill(const std::vector<Invoice>& invoices) const
    {
        const auto rows = static_cast<sal_Int32>(invoices.size());
        // An empty string leaves the cell blank; a void Any would make it #N/A (and crashes
        // LibreOffice 7.4's setDataArray).
        const uno::Any blank(OUString{});
        const auto header = sequenceOf<uno::Sequence<uno::Any>>(
            {sequenceOf<uno::Any>({text("As of"), uno::Any(double(kAsOf)), text("Invoice date"),
                                   text("Terms"), text("Amount"), text("Payment date"), blank,
                                   text("Customer"), blank, text("Due date")})});
        setData(range(0, 0, kColumnDue, 0), header);

        uno::Sequence<uno::Sequence<uno::Any>> data(rows);
        uno::Sequence<uno::Sequence<uno::Any>> customer(rows);
        uno::Sequence<uno::Sequence<uno::Any>> due(rows);
        auto* dataRows = data.getArray();
        auto* customerRows = customer.getArray();
        auto* dueRows = due.getArray();
        for (sal_Int32 i = 0; i < rows; ++i)
        {
            const Invoice& invoice = invoices[static_cast<std::size_t>(i)];
            dataRows[i] = sequenceOf<uno::Any>(
                {uno::Any(double(invoice.date)), text(kTerms[invoice.terms]),
                 uno::Any(invoice.amount),
                 invoice.payment ? uno::Any(double(*invoice.payment)) : blank});
            customerRows[i] = sequenceOf<uno::Any>({text(kCustomers[invoice.customer])});
            dueRows[i] = sequenceOf<uno::Any>({uno::Any(double(invoice.due))});
        }
        setData(range(kColumnInvoice, 1, kColumnInvoice + 3, rows), data);
        setData(range(kColumnCustomer, 1, kColumnCustomer, rows), customer);
        setData(range(kColumnDue, 1, kColumnDue, rows), due);
    }

    // One formula per cell of a one-column range, in one setFormulaArray call.
    static void writeArray(const uno::Reference<table::XCellRange>& target,
                           const std::vector<std::string>& formulas)
    {
        uno::Sequence<uno::Sequence<OUString>> rows(static_cast<sal_Int32>(formulas.size()));
        auto* row = rows.getArray();
        for (const std::string& formula : formulas)
            *row++ = sequenceOf<OUString>({ustr(formula)});
        uno::Reference<sheet::XCellRangeFormula>(target, uno::UNO_QUERY_THROW)
            ->setFormulaArray(rows);
    }

    // The first cell's formula, filled down the range as a user would (relative references
    // follow the row).
    static void writeFilled(const uno::Reference<table::XCellRange>& target,
                            const std::string& firstFormula, long cells)
    {
        target->getCellByPosition(0, 0)->setFormula(ustr(firstFormula));
        if (cells > 1)
            uno::Reference<sheet::XCellSeries>(target, uno::UNO_QUERY_THROW)
                ->fillAuto(sheet::FillDirection_TO_BOTTOM, 1);
    }

    // How Calc reads a formula back once parsed (names normalised), from a scratch cell.
    std::string parsed(const std::string& formula) const
    {
        const auto scratch = range(kColumnScratch, 0, kColumnScratch, 0);
        scratch->getCellByPosition(0, 0)->setFormula(ustr(formula));
        const std::string result = utf8(scratch->getCellByPosition(0, 0)->getFormula());
        clear(scratch);
        return result;
    }

    double timeCalculateAll() const
    {
        const auto start = steady_clock::now();
        calculatable_->calculateAll();
        return duration<double>(steady_clock::now() - start).count();
    }

    // The range's cells, row by row.
    static std::vector<uno::Any> values(const uno::Reference<table::XCellRange>& target)
    {
        std::vector<uno::Any> cells;
        for (const auto& row :
             uno::Reference<sheet::XCellRangeData>(target, uno::UNO_QUERY_THROW)->getDataArray())
            for (const uno::Any& cell : row)
                cells.push_back(cell);
        return cells;
    }

    static std::string formula(const uno::Reference<table::XCellRange>& target, sal_Int32 column,
                               sal_Int32 row)
    {
        return utf8(target->getCellByPosition(column, row)->getFormula());
    }

    // Cells of the range whose formula ends in an error, row by row.
    static std::vector<bool> errors(const uno::Reference<table::XCellRange>& target)
    {
        const table::CellRangeAddress whole =
            uno::Reference<sheet::XCellRangeAddressable>(target, uno::UNO_QUERY_THROW)
                ->getRangeAddress();
        const long width = whole.EndColumn - whole.StartColumn + 1;
        std::vector<bool> failed(
            static_cast<std::size_t>(width * (whole.EndRow - whole.StartRow + 1L)), false);
        const auto found = uno::Reference<sheet::XCellRangesQuery>(target, uno::UNO_QUERY_THROW)
                               ->queryFormulaCells(sheet::FormulaResult::ERROR);
        for (const table::CellRangeAddress& address : found->getRangeAddresses())
            for (sal_Int32 row = address.StartRow; row <= address.EndRow; ++row)
                for (sal_Int32 column = address.StartColumn; column <= address.EndColumn; ++column)
                    failed[static_cast<std::size_t>((row - whole.StartRow) * width + column -
                                                    whole.StartColumn)] = true;
        return failed;
    }

    static long blankCells(const uno::Reference<table::XCellRange>& target)
    {
        long count = 0;
        for (const table::CellRangeAddress& address :
             uno::Reference<sheet::XCellRangesQuery>(target, uno::UNO_QUERY_THROW)
                 ->queryEmptyCells()
                 ->getRangeAddresses())
            count += (address.EndRow - address.StartRow + 1L) *
                     (address.EndColumn - address.StartColumn + 1L);
        return count;
    }

    static void clear(const uno::Reference<table::XCellRange>& target)
    {
        uno::Reference<sheet::XSheetOperation>(target, uno::UNO_QUERY_THROW)
            ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                            sheet::CellFlags::STRING | sheet::CellFlags::FORMULA);
    }

private:
    uno::Reference<lang::XComponent> document_;
    uno::Reference<sheet::XSpreadsheet> sheet_;
    uno::Reference<sheet::XCalculatable> calculatable_;
};

// The office's processes (soffice, soffice.bin), found once it has started.
extern std::vector<pid_t> officeProcesses;

// CPU seconds (user + system, nanosecond clocks) used so far by this program and the office:
// what a call cost, less disturbed than its wall-clock time by other work on the machine.
double cpuSeconds();

// Processes this program started (the office: soffice, oosplash, soffice.bin), by id.
std::vector<pid_t> descendants();

} // namespace bench
