// The Reminders fixture shared by the reminder tests: the sample converted and its Settings filled
// in, the menu commands run silently, and the helpers that read back the log, the sheets and the
// files a run makes.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <gtest/gtest.h>

#include "calc_support.hxx"
#include "core/ledger/ledger_preview.hxx"
#include "uno/ledger/ledger_layout.hxx"

namespace relance_test::reminders
{

namespace fs = std::filesystem;

struct Outcome
{
    bool success = false;
    std::string message;
};

inline Outcome command(const uno::Reference<lang::XComponent>& document, const char* url,
                       std::vector<beans::PropertyValue> arguments)
{
    arguments.push_back(argument("Silent", uno::Any(true)));
    const uno::Reference<frame::XDispatchProvider> provider(
        uno::Reference<frame::XModel>(document, uno::UNO_QUERY_THROW)
            ->getCurrentController()
            ->getFrame(),
        uno::UNO_QUERY_THROW);
    const uno::Any result =
        frame::DispatchHelper::create(office().context())
            ->executeDispatch(provider, OUString::createFromAscii(url), "", 0,
                              uno::Sequence<beans::PropertyValue>(
                                  arguments.data(), static_cast<sal_Int32>(arguments.size())));
    Outcome outcome;
    frame::DispatchResultEvent event;
    OUString message;
    if (result >>= event)
    {
        outcome.success = event.State == frame::DispatchResultState::SUCCESS;
        event.Result >>= message;
    }
    outcome.message = utf8(message);
    return outcome;
}

// The last data row whose cell in `column` reads `text` (the latest log line), or -1.
inline sal_Int32 lastRowWith(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                             const std::string& text)
{
    sal_Int32 row = -1;
    for (sal_Int32 r = 1; r < usedRows(sheet); ++r)
        if (cellText(sheet, column, r) == text)
            row = r;
    return row;
}

inline uno::Reference<sheet::XSpreadsheet>
ledgerSheet(const uno::Reference<lang::XComponent>& document, relance::addin::LedgerSheet sheet)
{
    const std::string name = relance::addin::sheetName(sheet).in(
        french() ? relance::Language::French : relance::Language::English);
    return uno::Reference<sheet::XSpreadsheet>(
        uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
            ->getSheets()
            ->getByName(ustr(name)),
        uno::UNO_QUERY_THROW);
}

inline void setText(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                    sal_Int32 row, const std::string& value)
{
    uno::Reference<text::XTextRange>(sheet->getCellByPosition(column, row), uno::UNO_QUERY_THROW)
        ->setString(ustr(value));
}

inline std::string run(const std::string& commandLine)
{
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(commandLine.c_str(), "r"), pclose);
    std::string output;
    std::array<char, 4096> chunk{};
    while (pipe && fgets(chunk.data(), chunk.size(), pipe.get()))
        output += chunk.data();
    return output;
}

inline std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class Reminders : public ::testing::Test
{
protected:
    Reminders()
        : sample(office().load(env("RELANCE_SOURCE_DIR") + "/sample/factures.fods")),
          output(fs::path(env("RELANCE_TEST_PROFILE")) / "reminders")
    {
        fs::remove_all(output);
        const Outcome converted = command(sample.document(), "fr.relance:convertLedger",
                                          {argument("AsOf", uno::Any(OUString("2026-11-15")))});
        EXPECT_TRUE(converted.success) << converted.message;
        // The business's details and the 2026-S2 ECB rate, as the user types them in Settings.
        const auto settings = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Settings);
        setText(settings, 1, 1, "Menuiserie Dupont SARL");
        setText(settings, 1, 2, "123 456 789 00012");
        setText(settings, 1, 3, "12 rue des Artisans");
        setText(settings, 1, 4, "69003 Lyon");
        setText(settings, 1, 5, "compta@menuiserie-dupont.fr");
        setText(settings, 1, 7, "FR76 3000 6000 0112 3456 7890 189");
        settings->getCellByPosition(1, 21)->setValue(0.0215);
        customers = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Customers);
        ledger = ledgerSheet(sample.document(), relance::addin::LedgerSheet::Invoices);
        // These tests follow the ladder from a ledger never reminded: the reminder notes the
        // sample's owner typed (read into the ledger and the log, see
        // Ledger.SeedsTheOwnersReminderNotes and Steering.NotedRemindersFillTheLogOnce...)
        // are cleared, as for a sheet without them.
        const auto levelColumn = static_cast<sal_Int32>(
            relance::addin::columnIndex(relance::addin::invoiceColumns(), "level"));
        const auto dateColumn = static_cast<sal_Int32>(
            relance::addin::columnIndex(relance::addin::invoiceColumns(), "level_date"));
        uno::Reference<sheet::XSheetOperation>(
            uno::Reference<table::XCellRange>(ledger, uno::UNO_QUERY_THROW)
                ->getCellRangeByPosition(levelColumn, 1, dateColumn, 5000),
            uno::UNO_QUERY_THROW)
            ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                            sheet::CellFlags::STRING);
        uno::Reference<sheet::XSheetOperation>(
            uno::Reference<table::XCellRange>(
                ledgerSheet(sample.document(), relance::addin::LedgerSheet::Reminders),
                uno::UNO_QUERY_THROW)
                ->getCellRangeByPosition(0, 1, 8, 5000),
            uno::UNO_QUERY_THROW)
            ->clearContents(sheet::CellFlags::VALUE | sheet::CellFlags::DATETIME |
                            sheet::CellFlags::STRING);
        sample.recalculate();
    }

    Outcome generate(bool force = false, const char* formats = "pdf,eml", bool combined = true)
    {
        return command(sample.document(), "fr.relance:generateReminders",
                       {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                        argument("OutputDir", uno::Any(ustr(output.string()))),
                        argument("Formats", uno::Any(OUString::createFromAscii(formats))),
                        argument("Force", uno::Any(force)),
                        argument("Combined", uno::Any(combined))});
    }

    sal_Int32 customerRow(const std::string& name) const { return lastRowWith(customers, 0, name); }

    // A formal notice's PDF against the ledger's own columns: on each invoice's line its days,
    // penalty and indemnity; the totals; the payment details and the "crossed" clause. Returns
    // the letter's text, spaces made plain.
    std::string expectClaimsAsInTheLedger(const uno::Reference<sheet::XSpreadsheet>& log,
                                          sal_Int32 row) const
    {
        const auto plain = [](std::string text)
        {
            for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF"})
                for (std::size_t at = text.find(space); at != std::string::npos;
                     at = text.find(space, at))
                    text.replace(at, std::string(space).size(), " ");
            return text;
        };
        const auto money = [&](double euros)
        {
            return plain(relance::formatMoney(std::llround(euros * 100),
                                              french() ? relance::Language::French
                                                       : relance::Language::English));
        };
        const std::string customer = cellText(log, 1, row);
        const fs::path pdf = fs::path(cellText(log, 7, row)).replace_extension(".pdf");
        const std::string text = plain(run("pdftotext -layout '" + pdf.string() + "' - 2>&1"));
        std::istringstream lines(text);
        std::map<std::string, std::string> lineOf;
        for (std::string line; std::getline(lines, line);)
            if (const std::size_t space = line.find(' '); space != std::string::npos)
                lineOf.emplace(line.substr(0, space), line);
        double penalties = 0, indemnities = 0, balance = 0;
        int invoices = 0;
        for (sal_Int32 r = 1; r < usedRows(ledger); ++r)
        {
            if (cellText(ledger, 1, r) != customer ||
                ledger->getCellByPosition(column("balance"), r)->getValue() <= 0 ||
                ledger->getCellByPosition(column("days_late"), r)->getValue() <= 0)
                continue;
            const std::string number = cellText(ledger, 0, r);
            const double penalty = ledger->getCellByPosition(column("penalty"), r)->getValue();
            const double indemnity = ledger->getCellByPosition(column("indemnity"), r)->getValue();
            const auto days =
                static_cast<long>(ledger->getCellByPosition(column("days_late"), r)->getValue());
            EXPECT_EQ(indemnity, 40.0) << number;
            const auto found = lineOf.find(number);
            if (found == lineOf.end())
            {
                ADD_FAILURE() << number << " is not on the letter\n" << text.substr(0, 3000);
                continue;
            }
            const std::string& line = found->second;
            EXPECT_NE(line.find(money(penalty)), std::string::npos)
                << money(penalty) << " in " << line;
            EXPECT_NE(line.find(money(indemnity)), std::string::npos) << line;
            EXPECT_NE(line.find(" " + std::to_string(days) + " "), std::string::npos)
                << days << " days in " << line;
            penalties += penalty;
            indemnities += indemnity;
            balance += ledger->getCellByPosition(column("balance"), r)->getValue();
            ++invoices;
        }
        EXPECT_GT(invoices, 0) << customer;
        EXPECT_NEAR(log->getCellByPosition(5, row)->getValue(), penalties + indemnities,
                    0.0051 * invoices);
        EXPECT_NEAR(log->getCellByPosition(4, row)->getValue(), balance, 0.001);
        EXPECT_NE(text.find(money(balance + log->getCellByPosition(5, row)->getValue())),
                  std::string::npos)
            << "total " << money(balance + log->getCellByPosition(5, row)->getValue());
        EXPECT_NE(text.find("FR76 3000 6000 0112 3456 7890 189"), std::string::npos);
        EXPECT_NE(text.find("123 456 789 00012"), std::string::npos);
        EXPECT_NE(text.find(french() ? "Si votre règlement a croisé ce courrier"
                                     : "If your payment has crossed this letter"),
                  std::string::npos);
        std::string lower = text;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_NE(lower.find(french() ? "mise en demeure" : "formal notice"), std::string::npos);
        EXPECT_NE(lower.find("l441-10"), std::string::npos);
        EXPECT_NE(lower.find("d441-5"), std::string::npos);
        return text;
    }

    Sheet sample;
    fs::path output;
    uno::Reference<sheet::XSpreadsheet> customers;
    uno::Reference<sheet::XSpreadsheet> ledger;
};

} // namespace relance_test::reminders
