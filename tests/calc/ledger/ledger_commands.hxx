// A ledger command as the tests call it (fr.relance:convertLedger by default, silent),
// and the ledger's sheets by their names in the test's UI language.
#pragma once

#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>

#include "calc_support.hxx"

namespace relance_test
{
namespace
{

struct CommandResult
{
    bool success = false;
    std::string message;
};

inline CommandResult runCommand(const uno::Reference<lang::XComponent>& document,
                                std::vector<beans::PropertyValue> arguments,
                                const char* command = "fr.relance:convertLedger")
{
    const uno::Reference<frame::XModel> model(document, uno::UNO_QUERY_THROW);
    const uno::Reference<frame::XDispatchProvider> provider(
        model->getCurrentController()->getFrame(), uno::UNO_QUERY_THROW);
    arguments.push_back(
        beans::PropertyValue("Silent", 0, uno::Any(true), beans::PropertyState_DIRECT_VALUE));
    const uno::Any result =
        frame::DispatchHelper::create(office().context())
            ->executeDispatch(provider, OUString::createFromAscii(command), "", 0,
                              uno::Sequence<beans::PropertyValue>(
                                  arguments.data(), static_cast<sal_Int32>(arguments.size())));
    CommandResult out;
    frame::DispatchResultEvent event;
    OUString message;
    if (result >>= event)
    {
        out.success = event.State == frame::DispatchResultState::SUCCESS;
        event.Result >>= message;
    }
    out.message = utf8(message);
    return out;
}

inline uno::Reference<sheet::XSpreadsheets>
sheetsOf(const uno::Reference<lang::XComponent>& document)
{
    return uno::Reference<sheet::XSpreadsheetDocument>(document, uno::UNO_QUERY_THROW)->getSheets();
}

inline uno::Reference<sheet::XSpreadsheet>
sheetNamed(const uno::Reference<lang::XComponent>& document, const std::string& name)
{
    return uno::Reference<sheet::XSpreadsheet>(sheetsOf(document)->getByName(ustr(name)),
                                               uno::UNO_QUERY_THROW);
}

inline std::string ledgerName(relance::addin::LedgerSheet sheet)
{
    return relance::addin::sheetName(sheet).in(french() ? relance::Language::French
                                                        : relance::Language::English);
}

} // namespace
} // namespace relance_test
