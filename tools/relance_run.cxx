// The run command's engine: installs nothing itself (scripts/run prepares the profile), starts
// a headless LibreOffice on it, converts the sample invoice sheet into the tracked ledger with
// the menu command's own code path, and writes the evaluated workbook and a summary.
//   relance_run SOURCE.fods OUTPUT_DIR AS_OF(YYYY-MM-DD)
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "office_session.hxx"
#include "uno/reminders/reminder_generator.hxx"

using namespace css;
namespace fs = std::filesystem;

namespace
{

std::string utf8(const OUString& text)
{
    return OUStringToOString(text, RTL_TEXTENCODING_UTF8).getStr();
}

beans::PropertyValue property(const char* name, const uno::Any& value)
{
    return beans::PropertyValue(OUString::createFromAscii(name), 0, value,
                                beans::PropertyState_DIRECT_VALUE);
}

std::string cellText(const uno::Reference<sheet::XSpreadsheet>& sheet, sal_Int32 column,
                     sal_Int32 row)
{
    return utf8(uno::Reference<text::XTextRange>(sheet->getCellByPosition(column, row),
                                                 uno::UNO_QUERY_THROW)
                    ->getString());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4)
    {
        std::cerr << "usage: relance_run SOURCE.fods OUTPUT_DIR AS_OF\n";
        return 2;
    }
    const fs::path source = fs::absolute(argv[1]);
    const fs::path out = fs::absolute(argv[2]);
    try
    {
        OfficeOptions options;
        options.sourceDir =
            std::getenv("RELANCE_SOURCE_DIR") ? std::getenv("RELANCE_SOURCE_DIR") : ".";
        options.programDir = std::getenv("LO_PROGRAM_DIR") ? std::getenv("LO_PROGRAM_DIR")
                                                           : "/usr/lib/libreoffice/program";
        options.profileDir = (out / "profile").string();
        options.extension = std::getenv("RELANCE_OXT") ? std::getenv("RELANCE_OXT") : "";
        options.uiLanguage = "fr-FR";
        OfficeSession office(options);

        const uno::Reference<lang::XComponent> document = office.load(source.string());
        const uno::Reference<frame::XModel> model(document, uno::UNO_QUERY_THROW);
        const uno::Reference<frame::XDispatchProvider> provider(
            model->getCurrentController()->getFrame(), uno::UNO_QUERY_THROW);
        const uno::Sequence<beans::PropertyValue> arguments = sequenceOf<beans::PropertyValue>(
            {property("Silent", uno::Any(true)),
             property("AsOf", uno::Any(OUString::createFromAscii(argv[3])))});
        const uno::Any result =
            frame::DispatchHelper::create(office.context())
                ->executeDispatch(provider, "fr.relance:convertLedger", "", 0, arguments);
        frame::DispatchResultEvent event;
        OUString message;
        if (!(result >>= event) || !(event.Result >>= message) ||
            event.State != frame::DispatchResultState::SUCCESS)
        {
            std::cerr << "conversion failed: " << utf8(message) << "\n";
            return 1;
        }
        uno::Reference<sheet::XCalculatable>(document, uno::UNO_QUERY_THROW)->calculateAll();

        // The sample business's own details, as its owner types them once in Paramètres.
        const uno::Reference<sheet::XSpreadsheet> settings(
            uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                ->getSheets()
                ->getByName(OStringToOUString("Param\xc3\xa8tres", RTL_TEXTENCODING_UTF8)),
            uno::UNO_QUERY_THROW);
        const char* details[][2] = {{"B2", "Menuiserie Dupont SARL"},
                                    {"B3", "812 345 678 00017"},
                                    {"B4", "14 rue des Charpentiers"},
                                    {"B5", "69003 Lyon"},
                                    {"B6", "compta@menuiserie-dupont.fr"},
                                    {"B7", "04 78 00 00 00"},
                                    {"B8", "FR76 3000 4000 0500 0012 3456 789"},
                                    {"B9", "BNPAFRPPXXX"}};
        for (const auto& [cell, value] : details)
            uno::Reference<text::XTextRange>(
                settings->getCellRangeByName(OUString::createFromAscii(cell))
                    ->getCellByPosition(0, 0),
                uno::UNO_QUERY_THROW)
                ->setString(OStringToOUString(value, RTL_TEXTENCODING_UTF8));

        // And the customers' accounting e-mail addresses, as the owner completes the customer
        // file (two left blank: their letters are printed, the log says why no e-mail).
        const uno::Reference<sheet::XSpreadsheet> customers(
            uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                ->getSheets()
                ->getByName("Clients"),
            uno::UNO_QUERY_THROW);
        int customerCount = 0;
        while (!uno::Reference<text::XTextRange>(customers->getCellByPosition(0, customerCount + 1),
                                                 uno::UNO_QUERY_THROW)
                    ->getString()
                    .isEmpty())
            ++customerCount;
        // Their postal addresses and SIREN too: a formal notice goes by registered post to
        // the debtor's legal identity. Made-up streets of the Lyon area; SIREN numbers made
        // valid (Luhn) but fictitious.
        const char* streets[] = {"rue Victor Hugo",      "avenue Jean Jaurès", "place Bellecour",
                                 "rue de la République", "quai Saint-Vincent", "rue Garibaldi",
                                 "chemin des Vignes"};
        const char* towns[] = {"69002 Lyon",         "69006 Lyon",
                               "69100 Villeurbanne", "69300 Caluire-et-Cuire",
                               "69500 Bron",         "38200 Vienne"};
        for (int row = 1; row <= customerCount; ++row)
        {
            const std::string address = std::to_string(3 + (row * 7) % 90) + " " +
                                        streets[row % std::size(streets)] + "\n" +
                                        towns[(row * 5) % std::size(towns)];
            std::string siren = std::to_string(40'000'000 + row * 1'234'567 % 50'000'000);
            int sum = 0;
            for (std::size_t i = 0; i < siren.size(); ++i)
            {
                int digit = siren[siren.size() - 1 - i] - '0';
                if (i % 2 ==
                    0) // doubled: they are the even positions once the check digit is added
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                sum += digit;
            }
            siren += static_cast<char>('0' + (10 - sum % 10) % 10);
            // The legal name a litigation file needs, where the name as typed carries its
            // legal form (« Hôtel du Parc SARL »); the others' stay for the owner to type.
            std::string legalName =
                utf8(uno::Reference<text::XTextRange>(customers->getCellByPosition(0, row),
                                                      uno::UNO_QUERY_THROW)
                         ->getString());
            bool hasForm = false;
            for (const char* form : {" SARL", " SAS", " EURL", " SCI"})
                hasForm = hasForm || legalName.find(form) != std::string::npos;
            if (!hasForm)
                legalName.clear();
            for (const auto& [column, value] :
                 {std::pair{1, legalName}, std::pair{2, siren}, std::pair{4, address}})
                uno::Reference<text::XTextRange>(customers->getCellByPosition(column, row),
                                                 uno::UNO_QUERY_THROW)
                    ->setString(OStringToOUString(value.c_str(), RTL_TEXTENCODING_UTF8));
        }
        for (int row = 1; row <= customerCount - 2; ++row)
        {
            const std::string name =
                utf8(uno::Reference<text::XTextRange>(customers->getCellByPosition(0, row),
                                                      uno::UNO_QUERY_THROW)
                         ->getString());
            uno::Reference<text::XTextRange>(customers->getCellByPosition(3, row),
                                             uno::UNO_QUERY_THROW)
                ->setString(OStringToOUString(
                    ("compta@" + relance::addin::fileSafeName(name) + ".example").c_str(),
                    RTL_TEXTENCODING_UTF8));
        }

        // The reminders due as of the same date: letters (PDF, and one file to print) and e-mails.
        const uno::Any reminders =
            frame::DispatchHelper::create(office.context())
                ->executeDispatch(
                    provider, "fr.relance:generateReminders", "", 0,
                    sequenceOf<beans::PropertyValue>(
                        {property("Silent", uno::Any(true)),
                         property("AsOf", uno::Any(OUString::createFromAscii(argv[3]))),
                         property("OutputDir",
                                  uno::Any(OStringToOUString((out / "relances").string().c_str(),
                                                             RTL_TEXTENCODING_UTF8))),
                         property("Formats", uno::Any(OUString("pdf,eml")))}));
        OUString remindersMessage;
        if (!(reminders >>= event) || !(event.Result >>= remindersMessage) ||
            event.State != frame::DispatchResultState::SUCCESS)
        {
            std::cerr << "reminders failed: " << utf8(remindersMessage) << "\n";
            return 1;
        }
        uno::Reference<sheet::XCalculatable>(document, uno::UNO_QUERY_THROW)->calculateAll();

        const fs::path workbook = out / "factures-registre.ods";
        uno::Reference<frame::XStorable>(document, uno::UNO_QUERY_THROW)
            ->storeToURL(OUString::createFromAscii(fileUrl(workbook.string()).c_str()),
                         sequenceOf<beans::PropertyValue>(
                             {property("FilterName", uno::Any(OUString("calc8")))}));

        // The dashboard, as the user sees it.
        const uno::Reference<sheet::XSpreadsheet> dashboard(
            uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                ->getSheets()
                ->getByName("Tableau de bord"),
            uno::UNO_QUERY_THROW);
        std::ofstream summary(out / "summary.txt");
        summary << utf8(message) << "\n"
                << utf8(remindersMessage) << " (" << (out / "relances").string() << ")\n\n";
        summary << cellText(dashboard, 0, 0) << " — " << cellText(dashboard, 0, 2) << " : "
                << cellText(dashboard, 1, 2) << "\n";
        for (sal_Int32 row = 4; row <= 14; ++row)
            summary << "  " << cellText(dashboard, 0, row) << " : " << cellText(dashboard, 1, row)
                    << "\n";
        summary << "\n" << cellText(dashboard, 3, 2) << "\n";
        for (sal_Int32 column = 3; column <= 7; ++column)
            summary << "  " << cellText(dashboard, column, 3) << " : "
                    << cellText(dashboard, column, 4) << "\n";
        summary << "\n" << cellText(dashboard, 0, 17) << "\n";
        for (sal_Int32 row = 18; row <= 22; ++row)
            if (!cellText(dashboard, 0, row).empty())
                summary << "  " << cellText(dashboard, 0, row) << " : "
                        << cellText(dashboard, 1, row) << "\n";
        // When the cash comes in, and whether reminding works (the dashboard's lower blocks).
        summary << "\n" << cellText(dashboard, 0, 24) << "\n";
        for (sal_Int32 row = 26; row <= 36; ++row)
        {
            const std::string from = cellText(dashboard, 1, row);
            const std::string to = cellText(dashboard, 2, row);
            summary << "  " << cellText(dashboard, 0, row)
                    << (from.empty() ? (to.empty() ? "" : ", jusqu'au " + to)
                                     : ", " + from + (to.empty() ? " et après" : " – " + to))
                    << " : " << cellText(dashboard, 3, row) << " (" << cellText(dashboard, 4, row)
                    << " facture(s))\n";
        }
        summary << "\n" << cellText(dashboard, 0, 38) << "\n";
        for (sal_Int32 row = 40; row <= 43; ++row)
        {
            summary << "  " << cellText(dashboard, 0, row) << " : " << cellText(dashboard, 1, row)
                    << " lettre(s)";
            if (!cellText(dashboard, 2, row).empty())
                for (sal_Int32 column = 2; column <= 4; ++column)
                    summary << (column == 2 ? " ; " : ", ") << cellText(dashboard, column, 39)
                            << " : " << cellText(dashboard, column, row);
            if (!cellText(dashboard, 5, row).empty())
                summary << " ; " << cellText(dashboard, 5, 39) << " : "
                        << cellText(dashboard, 5, row);
            summary << "\n";
        }
        summary << "\n";
        for (sal_Int32 row = 45; row <= 46; ++row) // invoices reminded, delivery to invoice
            summary << cellText(dashboard, 0, row) << " : " << cellText(dashboard, 1, row) << "\n";
        // The litigation file of the first customer the run served a formal notice (among those
        // whose legal name is known), as of the
        // same date (its deadline still runs: the file says so), then the workbook saved again
        // with that customer's invoices marked Contentieux.
        const uno::Reference<sheet::XSpreadsheet> log(
            uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)
                ->getSheets()
                ->getByName("Relances"),
            uno::UNO_QUERY_THROW);
        const auto hasLegalName = [&](const std::string& customer)
        {
            for (sal_Int32 row = 1; !cellText(customers, 0, row).empty(); ++row)
                if (cellText(customers, 0, row) == customer)
                    return !cellText(customers, 1, row).empty();
            return false;
        };
        std::string served;
        for (sal_Int32 row = 1; served.empty() && !cellText(log, 1, row).empty(); ++row)
            if (log->getCellByPosition(2, row)->getValue() == 3.0 &&
                hasLegalName(cellText(log, 1, row)))
                served = cellText(log, 1, row);
        if (!served.empty())
        {
            const uno::Any litigation =
                frame::DispatchHelper::create(office.context())
                    ->executeDispatch(
                        provider, "fr.relance:litigationFile", "", 0,
                        sequenceOf<beans::PropertyValue>(
                            {property("Silent", uno::Any(true)),
                             property("Customer", uno::Any(OStringToOUString(
                                                      served.c_str(), RTL_TEXTENCODING_UTF8))),
                             property("AsOf", uno::Any(OUString::createFromAscii(argv[3]))),
                             property("OutputDir", uno::Any(OStringToOUString(
                                                       (out / "contentieux").string().c_str(),
                                                       RTL_TEXTENCODING_UTF8)))}));
            OUString litigationMessage;
            if (!(litigation >>= event) || !(event.Result >>= litigationMessage) ||
                event.State != frame::DispatchResultState::SUCCESS)
            {
                std::cerr << "litigation file failed: " << utf8(litigationMessage) << "\n";
                return 1;
            }
            summary << "\nDossier de contentieux (" << served << ") :\n"
                    << utf8(litigationMessage) << "\n";
            uno::Reference<frame::XStorable>(document, uno::UNO_QUERY_THROW)
                ->storeToURL(OUString::createFromAscii(fileUrl(workbook.string()).c_str()),
                             sequenceOf<beans::PropertyValue>(
                                 {property("FilterName", uno::Any(OUString("calc8")))}));
        }
        summary.close();
        std::cout << std::ifstream(out / "summary.txt").rdbuf();
        uno::Reference<util::XCloseable>(document, uno::UNO_QUERY_THROW)->close(true);
        std::cout << "\nWorkbook with the ledger: " << workbook.string() << "\n";
        return 0;
    }
    catch (const uno::Exception& error)
    {
        std::cerr << "LibreOffice: " << utf8(error.Message) << "\n";
    }
    catch (const std::exception& error)
    {
        std::cerr << error.what() << "\n";
    }
    return 1;
}
