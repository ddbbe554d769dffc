#include "uno/fec/fec_import.hxx"

#include <fstream>
#include <iterator>

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <osl/file.hxx>

#include "core/common/input_error.hxx"
#include "core/common/text_fold.hxx"
#include "uno/functions/used_area.hxx"
#include "uno/ledger/ledger_converter.hxx"
#include "uno/ledger/ledger_layout.hxx"
#include "uno/ledger/ledger_workbook.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

std::string systemPath(const std::string& pathOrUrl)
{
    if (pathOrUrl.rfind("file:", 0) != 0)
        return pathOrUrl;
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(fromUtf8(pathOrUrl), path) != osl::FileBase::E_None)
        throw InputError("not a file address: " + pathOrUrl,
                         "adresse de fichier invalide : " + pathOrUrl);
    return toUtf8(path);
}

std::string fileBytes(const std::string& pathOrUrl)
{
    if (pathOrUrl.empty())
        throw InputError("choose the FEC file to import (File)",
                         "choisissez le fichier FEC à importer (File)");
    const std::string path = systemPath(pathOrUrl);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open the FEC file " + path + ": check its name and folder",
                         "impossible d'ouvrir le fichier FEC " + path +
                             " : vérifiez son nom et son dossier");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The terms the ledger's Clients sheet gives each customer, by folded name.
std::map<std::string, std::string> customerTerms(const uno::Reference<frame::XModel>& document)
{
    std::map<std::string, std::string> terms;
    const uno::Reference<sheet::XSpreadsheets> sheets = ledger_writer::sheetsOf(document);
    const std::size_t termsColumn = columnIndex(customerColumns(), "terms");
    for (Language language : {Language::French, Language::English})
    {
        const OUString name = ledger_writer::text(sheetName(LedgerSheet::Customers), language);
        if (!sheets->hasByName(name))
            continue;
        const uno::Reference<sheet::XSpreadsheet> sheet = ledger_writer::sheetNamed(sheets, name);
        const sal_Int32 lastRow = lastUsedRow(sheet);
        if (lastRow < 1)
            return terms;
        const auto data =
            uno::Reference<sheet::XCellRangeData>(
                ledger_writer::rangeOf(sheet, 0, 1, static_cast<sal_Int32>(termsColumn), lastRow),
                uno::UNO_QUERY_THROW)
                ->getDataArray();
        for (const auto& row : data)
        {
            OUString customer, text;
            row[0] >>= customer;
            double days = 0;
            if (!(row[static_cast<sal_Int32>(termsColumn)] >>= text) &&
                (row[static_cast<sal_Int32>(termsColumn)] >>= days))
                text = OUString::number(static_cast<sal_Int32>(days)) + " jours";
            if (!customer.trim().isEmpty() && !text.trim().isEmpty())
                terms[foldText(toUtf8(customer))] = toUtf8(text.trim());
        }
        return terms;
    }
    return terms;
}

} // namespace

FecImporter::FecImporter(uno::Reference<uno::XComponentContext> context,
                         uno::Reference<frame::XModel> document,
                         uno::Reference<task::XStatusIndicator> progress)
    : context_(std::move(context)), document_(std::move(document)), progress_(std::move(progress))
{
}

FecImporter::Read FecImporter::read(const FecImportRequest& request) const
{
    Read read;
    read.file = readFec(fileBytes(request.file));
    FecLedgerOptions options;
    options.asOf = request.asOf;
    options.closingDate = fecClosingDate(systemPath(request.file));
    options.defaultTerms = request.defaultTerms;
    options.customerTerms = customerTerms(document_);
    read.ledger = ledgerFromFec(read.file, options);
    return read;
}

std::string FecImporter::preview(const FecImportRequest& request) const
{
    const Read found = read(request);
    return describeFecImport(found.file, found.ledger, request.language);
}

std::string FecImporter::import(const FecImportRequest& request)
{
    const Read found = read(request);
    LedgerConverter converter(context_, document_, progress_);
    ConversionRequest conversion;
    conversion.language = request.language;
    conversion.options.language = request.language;
    conversion.options.nullDate = converter.nullDate();
    conversion.asOf = found.ledger.asOf; // the books' date: the ledger shows them as of then
    ImportResult imported;
    imported.invoices = found.ledger.invoices;
    const std::string fileName = systemPath(request.file);
    const SourceSheets sources{{"FEC " + fileName.substr(fileName.find_last_of('/') + 1), 1}};
    const ConversionReport report =
        converter.write(conversion, imported, sources, found.ledger.loosePayments);
    return report.summary(request.language) + "\n" +
           describeFecImport(found.file, found.ledger, request.language);
}

} // namespace relance::addin
