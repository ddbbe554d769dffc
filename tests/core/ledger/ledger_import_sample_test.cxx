// The bundled sample sheet, read from its flat ODF file, imported with the figures computed
// from the file independently.
#include "core/ledger/ledger_import.hxx"
#include "core/ledger/ledger_model.hxx"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ledger_import_fixtures.hxx"

using namespace relance;
using namespace relance_test::ledger_import;

// ---------------------------------------------------------------------------------------------
// The bundled sample, read from its flat ODF file as Calc would hand it over.

namespace
{

const std::vector<SourceCell>* findRowOf(const SourceGrid& grid, const std::string& number)
{
    for (const auto& row : grid)
        if (!row.empty() && row[0].kind == SourceCell::Kind::Text && row[0].text == number)
            return &row;
    return nullptr;
}

const ImportedInvoice* findInvoice(const ImportResult& result, std::string_view number)
{
    for (const ImportedInvoice& invoice : result.invoices)
        if (invoice.number == number)
            return &invoice;
    return nullptr;
}

std::string attribute(std::string_view tag, std::string_view name)
{
    const std::string key = " " + std::string(name) + "=\"";
    const std::size_t at = tag.find(key);
    if (at == std::string_view::npos)
        return {};
    const std::size_t start = at + key.size();
    return std::string(tag.substr(start, tag.find('"', start) - start));
}

std::string xmlText(std::string_view xml)
{
    std::string text;
    bool inTag = false;
    for (char c : xml)
    {
        if (c == '<')
            inTag = true;
        else if (c == '>')
            inTag = false;
        else if (!inTag)
            text.push_back(c);
    }
    for (auto [entity, plain] :
         {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
        for (std::size_t at = text.find(entity); at != std::string::npos;
             at = text.find(entity, at + 1))
            text.replace(at, std::string_view(entity).size(), plain);
    return text;
}

// A reader for the flat ODF the sample generator writes: values, dates as serials (null date
// 30/12/1899), strings; formula cells without a cached value are empty.
SourceGrid readFods(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string xml = buffer.str();
    SourceGrid grid;
    for (std::size_t rowAt = xml.find("<table:table-row"); rowAt != std::string::npos;
         rowAt = xml.find("<table:table-row", rowAt + 1))
    {
        const std::size_t rowEnd = xml.find("</table:table-row>", rowAt);
        const std::string_view row(xml.data() + rowAt, rowEnd - rowAt);
        std::vector<SourceCell> cells;
        for (std::size_t at = row.find("<table:", 1); at != std::string_view::npos;
             at = row.find("<table:", at + 1))
        {
            const std::size_t tagEnd = row.find('>', at);
            const std::string_view tag = row.substr(at, tagEnd - at + 1);
            const bool covered = tag.starts_with("<table:covered-table-cell");
            if (!covered && !tag.starts_with("<table:table-cell"))
                continue;
            SourceCell cell;
            const std::string type = attribute(tag, "office:value-type");
            if (type == "float" || type == "currency" || type == "percentage")
                cell = SourceCell::of(std::stod(attribute(tag, "office:value")));
            else if (type == "date")
            {
                const std::string value = attribute(tag, "office:date-value");
                cell = SourceCell::of(serial(std::stoi(value.substr(0, 4)),
                                             static_cast<unsigned>(std::stoi(value.substr(5, 2))),
                                             static_cast<unsigned>(std::stoi(value.substr(8, 2)))));
            }
            else if (type == "string" && !tag.ends_with("/>"))
            {
                const std::size_t close = row.find("</table:table-cell>", tagEnd);
                cell = SourceCell::of(xmlText(row.substr(tagEnd + 1, close - tagEnd - 1)));
            }
            const std::string repeated = attribute(tag, "table:number-columns-repeated");
            const int count = repeated.empty() ? 1 : std::stoi(repeated);
            for (int i = 0; i < count; ++i)
                cells.push_back(cell);
        }
        grid.push_back(std::move(cells));
    }
    return grid;
}

} // namespace

TEST(LedgerImport, ReadsTheBundledSample)
{
    const auto path = std::filesystem::path(__FILE__).parent_path() / ".." / ".." / ".." /
                      "sample" / "factures.fods";
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const SourceGrid grid = readFods(path);
    ASSERT_EQ(grid.size(), 339u);

    const HeaderGuess header = detectHeader(grid);
    EXPECT_EQ(header.headerRow, 3u);
    const std::vector<std::optional<LedgerField>> expected = {
        F::InvoiceNumber, F::Customer,  F::InvoiceDate, F::Terms,        F::AmountInclVat,
        F::PaymentDate,   F::Balance,   F::Notes,       F::LastReminder, std::nullopt,
        std::nullopt,     std::nullopt, std::nullopt};
    EXPECT_EQ(header.mapping, expected);

    const ImportResult result = importInvoices(grid, header, ImportOptions{});
    // Figures computed from the file independently (323 rows: 320 invoices and one credit
    // note, two typed twice).
    EXPECT_EQ(result.invoices.size(), 321u);
    EXPECT_EQ(countProblems(result, Kind::BlankRow), 4u);
    EXPECT_EQ(countProblems(result, Kind::SubtotalRow), 8u);
    EXPECT_EQ(countProblems(result, Kind::DuplicateNumber), 2u);
    EXPECT_EQ(result.problems.size(), 14u);
    for (const ImportProblem& problem : result.problems)
    {
        if (problem.kind == Kind::SubtotalRow)
        {
            EXPECT_TRUE(problem.value.starts_with("Sous-total")) << problem.value;
        }
        if (problem.kind == Kind::DuplicateNumber)
        {
            EXPECT_TRUE(problem.value == "F2025-0056" || problem.value == "F2025-0127")
                << problem.value;
        }
    }

    Cents amounts = 0, balances = 0, paid = 0;
    std::size_t payments = 0, dueDates = 0, reminded = 0;
    for (const ImportedInvoice& invoice : result.invoices)
    {
        ASSERT_TRUE(invoice.invoiceDate && invoice.amountInclVat && invoice.balance)
            << invoice.number;
        EXPECT_FALSE(invoice.customer.empty()) << invoice.number;
        amounts += *invoice.amountInclVat;
        balances += *invoice.balance;
        paid += invoice.paidAmount.value_or(0);
        payments += invoice.paymentDate.has_value();
        dueDates += invoice.dueDate.has_value();
        reminded += invoice.lastReminderLevel.has_value();
        EXPECT_EQ(invoice.dueDate.has_value(), !invoice.terms.empty()) << invoice.number;
    }
    EXPECT_EQ(amounts, 68101795);
    EXPECT_EQ(balances, 5522013);
    EXPECT_EQ(paid, 68101795 - 5522013);
    EXPECT_EQ(payments, 282u);
    EXPECT_EQ(dueDates, 293u);
    EXPECT_EQ(reminded, 9u + 30u); // 9 open invoices chased, 30 since paid after a reminder

    // Rows typed with text: "20/03/2025" as payment date, "27/08/2024" as invoice date,
    // "2 153,05 €" as amount.
    const ImportedInvoice* f21 = findInvoice(result, "F2025-0021");
    ASSERT_NE(f21, nullptr);
    EXPECT_EQ(iso(f21->paymentDate), "2025-03-20");
    const ImportedInvoice* f16 = findInvoice(result, "F2024-0016");
    ASSERT_NE(f16, nullptr);
    EXPECT_EQ(iso(f16->invoiceDate), "2024-08-27");
    EXPECT_EQ(iso(f16->dueDate), "2024-08-27"); // à réception
    const ImportedInvoice* f55 = findInvoice(result, "F2024-0055");
    ASSERT_NE(f55, nullptr);
    EXPECT_EQ(f55->amountInclVat, 215305);
    // The owner's reminder notes: "2e relance 05/06/2026", "relancé le 20/05/2026".
    const ImportedInvoice* f69 = findInvoice(result, "F2026-0069");
    ASSERT_NE(f69, nullptr);
    EXPECT_EQ(f69->lastReminderLevel, 2);
    EXPECT_EQ(iso(f69->lastReminderDate), "2026-06-05");
    const ImportedInvoice* f56 = findInvoice(result, "F2026-0056");
    ASSERT_NE(f56, nullptr);
    EXPECT_EQ(f56->lastReminderLevel, 1);
    EXPECT_EQ(iso(f56->lastReminderDate), "2026-05-20");
    // The credit note: negative, netted by the owner (nothing left on it).
    const ImportedInvoice* credit = findInvoice(result, "A2026-0001");
    ASSERT_NE(credit, nullptr);
    EXPECT_EQ(credit->amountInclVat, -66000);
    EXPECT_EQ(credit->balance, 0);
    EXPECT_EQ(credit->paidAmount, -66000);
    EXPECT_TRUE(isCreditNote(*credit));
    // Its netting is no money received: no payment comes of it.
    const std::vector<PaymentEntry> received = paymentsFromSource(result.invoices);
    EXPECT_EQ(received.size(), 282u + 6u); // paid, and the six part-paid
    for (const PaymentEntry& payment : received)
        EXPECT_GT(payment.amount, 0) << payment.reference;
    EXPECT_EQ(findRowOf(grid, "F2024-0016"), &grid[f16->sourceRow]);
}
