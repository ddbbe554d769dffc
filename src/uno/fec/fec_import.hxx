// Créances clients ▸ Importer un FEC… : the accountant's FEC file read (core/fec) into the same
// tracked ledger the sheet conversion builds, or re-syncs, in the current workbook. The dialog
// and the silent command (fr.relance:importFec) both end here.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/fec/fec_ledger.hxx"

namespace relance::addin
{

struct FecImportRequest
{
    std::string file;                        // a path or a file:// URL
    std::optional<DayNumber> asOf;           // empty: the FEC's last date
    std::optional<std::string> defaultTerms; // for customers without terms in Clients
    Language language = Language::French;
};

class FecImporter
{
public:
    FecImporter(css::uno::Reference<css::uno::XComponentContext> context,
                css::uno::Reference<css::frame::XModel> document,
                css::uno::Reference<css::task::XStatusIndicator> progress);

    // What the import would give, nothing written (the dialog's preview). Throws InputError.
    std::string preview(const FecImportRequest& request) const;
    // Builds or re-syncs the ledger as one undo step; returns the report: the conversion's
    // summary, then the FEC's (lines left out named, the 411 balance against the outstanding).
    std::string import(const FecImportRequest& request);

private:
    struct Read
    {
        FecFile file;
        FecLedger ledger;
    };
    Read read(const FecImportRequest& request) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::task::XStatusIndicator> progress_;
};

// Handler methods named in dialogs/ImportFec.xdl (a test checks the two agree).
inline constexpr std::array<const char*, 1> kImportFecHandlers = {"onPreview"};
inline constexpr const char* kImportFecDialogUrl =
    "vnd.sun.star.extension://fr.relance.calc/dialogs/ImportFec.xdl";

// Runs the dialog modally; returns the import's report, or an empty string when cancelled.
OUString runFecDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                      const css::uno::Reference<css::frame::XFrame>& frame, FecImporter& importer,
                      FecImportRequest request);

} // namespace relance::addin
