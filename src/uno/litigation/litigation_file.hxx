// Créances clients ▸ Préparer le dossier de contentieux… : after a mise en demeure left unpaid,
// the file an injonction de payer needs, built from the workbook and the reminder log alone
// (core/litigation computes it): a folder per customer and date, and one zip of it, through the
// office's package service. The customer's invoices are then marked « Contentieux » in the
// ledger, as one undo step. The dialog and the silent command (fr.relance:litigationFile) both
// end here.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/litigation/litigation_claim.hxx"

namespace relance::addin
{

struct LitigationRequest
{
    std::string customer;          // as named in the ledger
    std::optional<DayNumber> asOf; // empty: the dashboard's as-of date
    std::string outputDir;         // empty: "Contentieux" beside the workbook, else the temp folder
    Language language = Language::French;
};

struct LitigationReport
{
    LitigationClaim claim;
    std::string folder;
    std::string zip;
    std::vector<Exhibit> exhibits;
    std::size_t invoicesMarked = 0;
    std::string summary(Language language) const;
};

class LitigationFileBuilder
{
public:
    LitigationFileBuilder(css::uno::Reference<css::uno::XComponentContext> context,
                          css::uno::Reference<css::frame::XModel> document,
                          css::uno::Reference<css::task::XStatusIndicator> progress);

    // Customers owing something due, those whose mise en demeure's deadline passed first.
    std::vector<LitigationCandidate> candidates(const LitigationRequest& request) const;
    // The claim as it would be filed, nothing written (the dialog's preview). Throws InputError.
    std::string preview(const LitigationRequest& request) const;
    // Throws InputError before anything is written (identity missing, rate missing…).
    LitigationReport build(const LitigationRequest& request);

private:
    LitigationInput input(const LitigationRequest& request) const;

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XModel> document_;
    css::uno::Reference<css::task::XStatusIndicator> progress_;
};

// Handler methods named in dialogs/LitigationFile.xdl (a test checks the two agree).
inline constexpr std::array<const char*, 1> kLitigationHandlers = {"onCustomerChanged"};
inline constexpr const char* kLitigationDialogUrl =
    "vnd.sun.star.extension://fr.relance.calc/dialogs/LitigationFile.xdl";

// Runs the dialog modally; returns the report, or an empty string when cancelled.
OUString runLitigationDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const css::uno::Reference<css::frame::XFrame>& frame,
                             LitigationFileBuilder& builder, LitigationRequest request);

} // namespace relance::addin
