// fr.relance:importFec in a real Calc, on the FEC files tests/corpus/corpus_fec.py writes (pipe
// and UTF-8; tab, ISO-8859-15 and zero-padded signed amounts with an unreadable line; Montant/
// Sens): the ledger built in an empty workbook, its outstanding equal to the FEC's 411 balance
// computed by the generator, lettered invoices settled, partial ones part-paid, a re-sync that
// adds nothing.
#include <filesystem>
#include <fstream>
#include <map>

#include <cmath>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <gtest/gtest.h>

#include "ledger/ledger_commands.hxx"

namespace relance_test
{
namespace
{

namespace fs = std::filesystem;
namespace pt = boost::property_tree;
using relance::addin::LedgerSheet;

const pt::ptree& fecManifest()
{
    static const pt::ptree manifest = []
    {
        pt::ptree read;
        pt::read_json((fs::path(env("RELANCE_CORPUS_DIR")) / "fec" / "manifest.json").string(),
                      read);
        return read;
    }();
    return manifest;
}

std::string fecFile(const char* variant)
{
    return (fs::path(env("RELANCE_CORPUS_DIR")) / "fec" /
            fecManifest().get<std::string>(std::string("files.") + variant))
        .string();
}

struct LedgerRows
{
    std::map<std::string, double> balance; // per invoice number, in euros
    std::map<std::string, std::string> customer;
    std::map<std::string, double> dueDate, invoiceDate;
    long long totalCents = 0;
    std::size_t rows = 0;
};

LedgerRows readLedger(const uno::Reference<lang::XComponent>& document)
{
    uno::Reference<sheet::XCalculatable>(document, uno::UNO_QUERY_THROW)->calculateAll();
    const auto sheet = sheetNamed(document, ledgerName(LedgerSheet::Invoices));
    const sal_Int32 last = usedRows(sheet) - 1;
    const auto data = uno::Reference<sheet::XCellRangeData>(
                          uno::Reference<table::XCellRange>(sheet, uno::UNO_QUERY_THROW)
                              ->getCellRangeByPosition(0, 1, column("delivery_date"), last),
                          uno::UNO_QUERY_THROW)
                          ->getDataArray();
    LedgerRows rows;
    for (const auto& row : data)
    {
        OUString number, customer;
        row[column("number")] >>= number;
        if (number.isEmpty())
            continue;
        ++rows.rows;
        double balance = 0, due = 0, date = 0;
        row[column("balance")] >>= balance;
        row[column("due_date")] >>= due;
        row[column("invoice_date")] >>= date;
        row[column("customer")] >>= customer;
        rows.balance[utf8(number)] = balance;
        rows.dueDate[utf8(number)] = due;
        rows.invoiceDate[utf8(number)] = date;
        rows.customer[utf8(number)] = utf8(customer);
        rows.totalCents += std::llround(balance * 100);
    }
    return rows;
}

CommandResult importFec(const uno::Reference<lang::XComponent>& document, const std::string& file)
{
    return runCommand(document,
                      {argument("File", uno::Any(ustr(file))),
                       argument("DefaultTerms", uno::Any(ustr(french() ? "30 jours" : "30 days")))},
                      "fr.relance:importFec");
}

TEST(FecImport, TheLedgerOutstandingIsTheFecCustomerBalance)
{
    const Sheet sheet(office().newSpreadsheet());
    const CommandResult result = importFec(sheet.document(), fecFile("pipe_utf8"));
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(
        result.message.find(french() ? "= encours du registre" : "= the ledger's outstanding"),
        std::string::npos)
        << result.message;
    EXPECT_NE(result.message.find(french() ? "au 31/12/2025" : "2025-12-31"), std::string::npos)
        << result.message;

    // The closing's move of a debt to doubtful customers (416) is named, and changes no debt.
    EXPECT_NE(result.message.find(french() ? "2 de reclassement en clients douteux 416"
                                           : "2 moving debts to doubtful customers"),
              std::string::npos)
        << result.message;
    const LedgerRows ledger = readLedger(sheet.document());
    const pt::ptree& expected = fecManifest();
    EXPECT_GT(ledger.balance.at(expected.get<std::string>("doubtful")), 0.0);
    EXPECT_EQ(ledger.rows,
              expected.get<std::size_t>("invoices") + expected.get<std::size_t>("credit_notes"));
    EXPECT_EQ(ledger.totalCents, expected.get<long long>("balance_cents"));
    for (const auto& [key, number] : expected.get_child("settled"))
        EXPECT_DOUBLE_EQ(ledger.balance.at(number.data()), 0.0) << number.data();
    std::size_t checked = 0;
    for (const char* group : {"partial", "open", "credit_notes_open"})
        for (const auto& [number, cents] : expected.get_child(group))
        {
            EXPECT_EQ(std::llround(ledger.balance.at(number) * 100), cents.get_value<long long>())
                << group << " " << number;
            ++checked;
        }
    EXPECT_GE(checked, 5u);
    // Due dates from the default terms, since the FEC has none.
    for (const auto& [number, due] : ledger.dueDate)
        if (number.rfind("AV-", 0) != 0)
            EXPECT_DOUBLE_EQ(due, ledger.invoiceDate.at(number) + 30) << number;
    EXPECT_EQ(ledger.customer.at("F2024-0300"), "Boulangerie Pâtissière Lefèvre");

    // The dashboard is as of the FEC's closing date, and shows the same receivables.
    const auto dashboard = sheetNamed(sheet.document(), ledgerName(LedgerSheet::Dashboard));
    EXPECT_DOUBLE_EQ(dashboard->getCellByPosition(1, 2)->getValue(), serial(2025, 12, 31));

    // A re-sync from the same FEC adds nothing and allocates nothing twice.
    const auto payments = sheetNamed(sheet.document(), ledgerName(LedgerSheet::Payments));
    const sal_Int32 paymentRows = usedRows(payments);
    const CommandResult again = importFec(sheet.document(), fecFile("pipe_utf8"));
    ASSERT_TRUE(again.success) << again.message;
    EXPECT_NE(again.message.find(french() ? "0 ajoutée(s)" : "0 added"), std::string::npos)
        << again.message;
    EXPECT_EQ(usedRows(payments), paymentRows);
    EXPECT_EQ(readLedger(sheet.document()).totalCents, expected.get<long long>("balance_cents"));
}

TEST(FecImport, TabLatin9ZeroPaddedAndMontantSensGiveTheSameLedger)
{
    const long long balance = fecManifest().get<long long>("balance_cents");
    {
        const Sheet sheet(office().newSpreadsheet());
        const CommandResult result = importFec(sheet.document(), fecFile("tab_latin9"));
        ASSERT_TRUE(result.success) << result.message;
        EXPECT_NE(result.message.find("ISO-8859-15"), std::string::npos) << result.message;
        // The line the generator broke is named, with its field, and left out.
        const std::string named = (french() ? "Ligne " : "Line ") +
                                  std::to_string(fecManifest().get<int>("bad_line")) +
                                  (french() ? " : montant illisible" : ": unreadable amount");
        EXPECT_NE(result.message.find(named), std::string::npos) << result.message;
        const LedgerRows ledger = readLedger(sheet.document());
        EXPECT_EQ(ledger.totalCents, balance);
        bool crecheFound = false;
        for (const auto& [number, customer] : ledger.customer)
            crecheFound = crecheFound || customer == "Crèche Les Œillets";
        EXPECT_TRUE(crecheFound) << "ISO-8859-15's Œ read";
    }
    {
        const Sheet sheet(office().newSpreadsheet());
        const CommandResult result = importFec(sheet.document(), fecFile("tab_sense"));
        ASSERT_TRUE(result.success) << result.message;
        EXPECT_EQ(readLedger(sheet.document()).totalCents, balance);
    }
}

TEST(FecImport, ANonFecFileIsRefusedAndNothingWritten)
{
    const Sheet sheet(office().newSpreadsheet());
    const fs::path bad = fs::temp_directory_path() / "relance-not-a-fec.csv";
    {
        std::ofstream out(bad);
        out << "Date;Client;Montant\n01/01/2026;Martin;12\n";
    }
    const CommandResult result = importFec(sheet.document(), bad.string());
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find(french() ? "ce n'est pas un fichier FEC" : "not a FEC file"),
              std::string::npos)
        << result.message;
    EXPECT_FALSE(sheetsOf(sheet.document())->hasByName(ustr(ledgerName(LedgerSheet::Invoices))));
    const CommandResult missing = importFec(sheet.document(), "/nonexistent/FEC.txt");
    EXPECT_FALSE(missing.success);
    EXPECT_NE(missing.message.find(french() ? "impossible d'ouvrir" : "cannot open"),
              std::string::npos)
        << missing.message;
}

} // namespace
} // namespace relance_test
