// Turns an invoice sheet into the tracked ledger (Registre, Règlements, Clients, Relances,
// Tableau de bord, Paramètres) in the same document, or re-syncs an existing ledger with the
// grown source. The source cells are only read. The whole conversion is one undo step, and a
// failure undoes whatever was written. The dialog and the silent dispatch both end here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/ledger/ledger_import.hxx"
#include "core/ledger/ledger_model.hxx"
#include "core/ledger/source_sheets.hxx"

namespace relance::addin
{

struct ConversionRequest
{
    OUString sourceSheet; // empty: the first sheet that is not ours
    // Sheets of the same layout converted with it into one ledger (a sheet per month or year).
    std::vector<OUString> otherSheets;
    // The order of numeric text dates (1/30/2012) read from the data itself, when it decides;
    // else options.dateOrder. False when the user chose the order.
    bool dateOrderFromData = false;
    std::optional<css::table::CellRangeAddress> sourceRange; // empty: the sheet's used area
    std::optional<HeaderGuess> header;                       // empty: detected
    ImportOptions options;
    std::optional<DayNumber> asOf; // written into the dashboard; empty: =TODAY()
    Language language = Language::French;
};

struct ConversionReport
{
    ImportResult import;
    MergeStats merge;
    bool resync = false;
    SourceSheets sources;      // the sheets converted, with the Calc row of each grid's first row
    std::string dateOrderNote; // the order read from the data, or the contradiction named
    // One line, then one per consistency remark; withKeys: each starts with the key the silent
    // command's Fixes argument takes ("[paid_excl_vat] 298 factures…").
    std::string summary(Language language, bool withKeys = false) const;
};

class LedgerConverter
{
public:
    LedgerConverter(css::uno::Reference<css::uno::XComponentContext> context,
                    css::uno::Reference<css::frame::XModel> document,
                    css::uno::Reference<css::task::XStatusIndicator> progress);

    // The source grid as the dialog previews it, and the Calc row of its first row.
    SourceGrid readSource(const ConversionRequest& request, std::size_t& firstSheetRow) const;
    // A modal dialog previews again on every change while the document cannot change: from
    // then on, each sheet's used area is read from the document once.
    void keepSheetsRead() { keepSheetsRead_ = true; }
    SourceGrid readSheet(const OUString& sheetName,
                         const std::optional<css::table::CellRangeAddress>& range,
                         std::size_t& firstSheetRow) const;

    // Every sheet the request converts, read, with its header: the model sheet's given or
    // detected, the other sheets' found from the model's (a sheet that does not share it is
    // refused, named). Throws InputError.
    struct ReadSheets // moved, never copied: sheets point into grids
    {
        std::vector<SourceGrid> grids;
        std::vector<SheetSource> sheets;
        SourceSheets sources;
    };
    ReadSheets readSheets(const ConversionRequest& request) const;
    OUString resolveSourceSheet(const OUString& requested) const;
    css::uno::Sequence<OUString> sourceSheetNames() const; // every sheet that is not the ledger's

    // Throws InputError (nothing changed) or a UNO exception after undoing its own changes.
    ConversionReport convert(const ConversionRequest& request);
    // The same for invoices read elsewhere (a FEC): the ledger built or re-synced from them,
    // with the payments the source holds apart from its invoices, as one undo step.
    ConversionReport write(const ConversionRequest& request, const ImportResult& imported,
                           const SourceSheets& sources,
                           const std::vector<PaymentEntry>& loosePayments);
    DayNumber nullDate() const; // the document's

private:
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::task::XStatusIndicator> progress_;
    bool keepSheetsRead_ = false;
    mutable std::map<OUString, std::pair<SourceGrid, std::size_t>> sheetsRead_;
};

} // namespace relance::addin
