// The Calc add-in object. Calc treats every method of XReceivableFunctions as a function;
// XAddIn answers from the declarative function table. Keep dialogs and dispatch elsewhere:
// any extra public method here would become a spreadsheet function.
#pragma once

#include <optional>

#include "uno_basics.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <fr/relance/XReceivableFunctions.hpp>

#include "language.hxx"

namespace relance::addin
{

class ReceivablesAddIn
    : public cppu::WeakImplHelper5<fr::relance::XReceivableFunctions, css::sheet::XAddIn,
                                   css::sheet::XCompatibilityNames, css::lang::XServiceName,
                                   css::lang::XServiceInfo>
{
public:
    explicit ReceivablesAddIn(css::uno::Reference<css::uno::XComponentContext> context);

    // XReceivableFunctions
    double SAL_CALL dueDate(const css::uno::Reference<css::beans::XPropertySet>& options,
                            const css::uno::Any& invoiceDate, const css::uno::Any& terms,
                            const css::uno::Any& reading) override;
    double SAL_CALL daysLate(const css::uno::Reference<css::beans::XPropertySet>& options,
                             const css::uno::Any& dueDate, const css::uno::Any& paymentDate,
                             const css::uno::Any& asOf) override;
    OUString SAL_CALL agingBucket(const css::uno::Reference<css::beans::XPropertySet>& options,
                                  const css::uno::Any& dueDate, const css::uno::Any& paymentDate,
                                  const css::uno::Any& asOf, const css::uno::Any& bounds) override;

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& displayName) override;
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmaticName) override;
    OUString SAL_CALL getFunctionDescription(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmaticName,
                                             sal_Int32 argument) override;
    OUString SAL_CALL getArgumentDescription(const OUString& programmaticName,
                                             sal_Int32 argument) override;
    OUString SAL_CALL getProgrammaticCategoryName(const OUString& programmaticName) override;
    OUString SAL_CALL getDisplayCategoryName(const OUString& programmaticName) override;

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    // XCompatibilityNames
    css::uno::Sequence<css::sheet::LocalizedName>
        SAL_CALL getCompatibilityNames(const OUString& programmaticName) override;

    // XServiceName
    OUString SAL_CALL getServiceName() override;

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const OUString& serviceName) override;
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override;

    static css::uno::Sequence<OUString> supportedServiceNames();

private:
    // Labels returned in cells follow the office's UI language. Calc calls setLocale again
    // with en-US to learn English names, so that language is read once from the office's
    // configuration, falling back to the first locale Calc gave.
    Language resultLanguage();

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::lang::Locale locale_;
    std::optional<Language> firstLocaleLanguage_;
    std::optional<Language> resultLanguage_;
};

} // namespace relance::addin
