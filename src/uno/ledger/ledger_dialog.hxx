// The conversion dialog: it only collects the user's choices (source sheet, header row,
// mapping, date order, default terms) and shows the preview the core computes; the work is
// LedgerConverter's, the same as the silent command's.
#pragma once

#include <array>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "uno/ledger/ledger_converter.hxx"

namespace relance::addin
{

// Handler methods named in dialogs/ConvertLedger.xdl (a test checks the two agree).
inline constexpr std::array<const char*, 4> kConvertLedgerHandlers = {
    "onPreview", "onSourceChanged", "onOtherSheetsChanged", "onFixChanged"};
inline constexpr std::size_t kConvertLedgerFixBoxes = 8; // Fix_0..Fix_7, one per remark kind
inline constexpr const char* kConvertLedgerDialogUrl =
    "vnd.sun.star.extension://fr.relance.calc/dialogs/ConvertLedger.xdl";

// Runs the dialog modally; returns the conversion summary, or an empty string when cancelled.
OUString runConversionDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const css::uno::Reference<css::frame::XFrame>& frame,
                             LedgerConverter& converter, ConversionRequest request);

} // namespace relance::addin
