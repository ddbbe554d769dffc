// The Calc add-in object. Calc treats every method of XReceivableFunctions as a function;
// XAddIn answers from the declarative function table. Keep dialogs and dispatch elsewhere:
// any extra public method here would become a spreadsheet function.
#pragma once

#include <optional>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <fr/relance/XReceivableFunctions.hpp>

#include "core/common/language.hxx"

namespace relance::addin
{

class ReceivablesAddIn
    : public cppu::WeakImplHelper5<fr::relance::XReceivableFunctions, css::sheet::XAddIn,
                                   css::sheet::XCompatibilityNames, css::lang::XServiceName,
                                   css::lang::XServiceInfo>
{
public:
    explicit ReceivablesAddIn(css::uno::Reference<css::uno::XComponentContext> context);

    // XReceivableFunctions (one spreadsheet function each; see function_table.cxx)
    using Document = css::uno::Reference<css::beans::XPropertySet>;
    using Any = css::uno::Any;
    double SAL_CALL dueDate(const Document& options, const Any& invoiceDate, const Any& terms,
                            const Any& reading, const Any& weekend) override;
    OUString SAL_CALL termsCheck(const Document& options, const Any& terms, const Any& invoiceDate,
                                 const Any& reading) override;
    double SAL_CALL daysLate(const Document& options, const Any& dueDate, const Any& paymentDate,
                             const Any& asOf) override;
    Any SAL_CALL daysToPay(const Document& options, const Any& invoiceDate, const Any& paymentDate,
                           const Any& asOf) override;
    OUString SAL_CALL agingBucket(const Document& options, const Any& dueDate,
                                  const Any& paymentDate, const Any& asOf, const Any& bounds,
                                  const Any& basis) override;
    OUString SAL_CALL invoiceStatus(const Document& options, const Any& dueDate, const Any& amount,
                                    const Any& paidAmount, const Any& paymentDate, const Any& asOf,
                                    const Any& flags) override;
    double SAL_CALL penalty(const Document& options, const Any& amount, const Any& dueDate,
                            const Any& paymentDate, const Any& asOf, const Any& contractRate,
                            const Any& rates) override;
    double SAL_CALL indemnity(const Document& options, const Any& dueDate, const Any& paymentDate,
                              const Any& asOf) override;
    double SAL_CALL penaltyRate(const Document& options, const Any& date,
                                const Any& rates) override;
    double SAL_CALL legalRate(const Document& options, const Any& date, const Any& rates) override;
    double SAL_CALL rateFloorCheck(const Document& options, const Any& contractRate,
                                   const Any& date, const Any& rates) override;
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL agedBalance(const Document& options, const Any& dueDates, const Any& amounts,
                             const Any& paymentDates, const Any& paidAmounts, const Any& asOf,
                             const Any& bounds, const Any& invoiceDates) override;
    css::uno::Sequence<css::uno::Sequence<double>>
        SAL_CALL agedBalanceIf(const Document& options, const Any& customers, const Any& customer,
                               const Any& dueDates, const Any& amounts, const Any& paymentDates,
                               const Any& paidAmounts, const Any& asOf, const Any& bounds,
                               const Any& invoiceDates) override;
    double SAL_CALL overdue(const Document& options, const Any& dueDates, const Any& amounts,
                            const Any& paymentDates, const Any& paidAmounts, const Any& asOf,
                            const Any& minDays, const Any& invoiceDates) override;
    double SAL_CALL overdueIf(const Document& options, const Any& customers, const Any& customer,
                              const Any& dueDates, const Any& amounts, const Any& paymentDates,
                              const Any& paidAmounts, const Any& asOf, const Any& minDays,
                              const Any& invoiceDates) override;
    Any SAL_CALL overdueShare(const Document& options, const Any& dueDates, const Any& amounts,
                              const Any& paymentDates, const Any& paidAmounts, const Any& asOf,
                              const Any& minDays, const Any& invoiceDates) override;
    double SAL_CALL dso(const Document& options, const Any& receivables, const Any& sales,
                        const Any& months, const Any& basis) override;
    double SAL_CALL dsoCountback(const Document& options, const Any& invoiceDates,
                                 const Any& amounts, const Any& paymentDates,
                                 const Any& paidAmounts, const Any& asOf) override;
    double SAL_CALL bestPossibleDso(const Document& options, const Any& currentReceivables,
                                    const Any& sales, const Any& months, const Any& basis) override;
    double SAL_CALL averageDaysDelinquent(const Document& options, const Any& receivables,
                                          const Any& currentReceivables, const Any& sales,
                                          const Any& months, const Any& basis) override;
    double SAL_CALL collectionEffectiveness(const Document& options, const Any& openingReceivables,
                                            const Any& sales, const Any& closingReceivables,
                                            const Any& closingCurrent, const Any& months) override;
    Any SAL_CALL averageDaysToPay(const Document& options, const Any& invoiceDates,
                                  const Any& paymentDates, const Any& amounts) override;
    Any SAL_CALL averageDaysToPayIf(const Document& options, const Any& customers,
                                    const Any& customer, const Any& invoiceDates,
                                    const Any& paymentDates, const Any& amounts) override;
    Any SAL_CALL averageDaysLate(const Document& options, const Any& dueDates, const Any& amounts,
                                 const Any& paymentDates, const Any& asOf) override;
    Any SAL_CALL averageDaysLateIf(const Document& options, const Any& customers,
                                   const Any& customer, const Any& dueDates, const Any& amounts,
                                   const Any& paymentDates, const Any& asOf) override;
    Any SAL_CALL averageTerms(const Document& options, const Any& invoiceDates, const Any& dueDates,
                              const Any& amounts) override;
    double SAL_CALL riskScore(const Document& options, const Any& customers, const Any& customer,
                              const Any& dueDates, const Any& amounts, const Any& paymentDates,
                              const Any& paidAmounts, const Any& flags, const Any& asOf,
                              const Any& creationDate, const Any& creditLimit,
                              const Any& thresholds, const Any& invoiceDates) override;
    OUString SAL_CALL riskFlags(const Document& options, const Any& customers, const Any& customer,
                                const Any& dueDates, const Any& amounts, const Any& paymentDates,
                                const Any& paidAmounts, const Any& flags, const Any& asOf,
                                const Any& creationDate, const Any& creditLimit,
                                const Any& thresholds, const Any& invoiceDates) override;
    css::uno::Sequence<css::uno::Sequence<Any>>
        SAL_CALL customerSummary(const Document& options, const Any& customerList,
                                 const Any& customers, const Any& dueDates, const Any& amounts,
                                 const Any& paymentDates, const Any& paidAmounts, const Any& flags,
                                 const Any& asOf, const Any& creationDates, const Any& creditLimits,
                                 const Any& thresholds, const Any& invoiceDates) override;
    css::uno::Sequence<css::uno::Sequence<Any>>
        SAL_CALL cashForecast(const Document& options, const Any& customers, const Any& dueDates,
                              const Any& amounts, const Any& paymentDates, const Any& paidAmounts,
                              const Any& flags, const Any& asOf, const Any& period,
                              const Any& periods, const Any& invoiceDates) override;
    css::uno::Sequence<css::uno::Sequence<Any>>
        SAL_CALL reminderEffect(const Document& options, const Any& letterDates,
                                const Any& letterLevels, const Any& letterInvoices,
                                const Any& invoiceNumbers, const Any& amounts,
                                const Any& paymentDates, const Any& paidAmounts, const Any& asOf,
                                const Any& letterStates) override;
    double SAL_CALL remindedShare(const Document& options, const Any& invoiceNumbers,
                                  const Any& invoiceDates, const Any& dueDates, const Any& amounts,
                                  const Any& letterDates, const Any& letterLevels,
                                  const Any& letterInvoices, const Any& from, const Any& to,
                                  const Any& asOf, const Any& letterStates) override;
    Any SAL_CALL invoicingDelay(const Document& options, const Any& deliveryDates,
                                const Any& invoiceDates, const Any& amounts, const Any& from,
                                const Any& to) override;
    OUString SAL_CALL checkValues(const Document& options, const Any& values,
                                  const Any& kind) override;

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
