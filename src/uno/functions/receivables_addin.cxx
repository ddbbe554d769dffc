#include "uno/functions/receivables_addin.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <cppuhelper/supportsservice.hxx>

#include "uno/functions/any_convert.hxx"
#include "uno/functions/function_table.hxx"
#include "uno/common/office_language.hxx"

using namespace css;

namespace relance::addin
{
namespace
{

std::optional<Language> languageFromLocale(const lang::Locale& locale)
{
    if (locale.Language.isEmpty())
        return std::nullopt;
    return languageFromTag(toUtf8(locale.Language));
}

const FunctionSpec& specOf(const OUString& programmaticName)
{
    const FunctionSpec* spec = findFunction(toUtf8(programmaticName));
    if (!spec)
        throw lang::IllegalArgumentException("unknown function " + programmaticName,
                                             uno::Reference<uno::XInterface>(), 0);
    return *spec;
}

// Calc counts the hidden document argument: visible argument k has index k + 1.
const ArgumentSpec* argumentOf(const OUString& programmaticName, sal_Int32 argument)
{
    const FunctionSpec* spec = findFunction(toUtf8(programmaticName));
    if (!spec || argument < 1 || static_cast<std::size_t>(argument) > spec->arguments.size())
        return nullptr;
    return &spec->arguments[static_cast<std::size_t>(argument - 1)];
}

} // namespace

ReceivablesAddIn::ReceivablesAddIn(uno::Reference<uno::XComponentContext> context)
    : context_(std::move(context))
{
}

OUString ReceivablesAddIn::getProgrammaticFuntionName(const OUString& displayName)
{
    const std::string wanted = toUtf8(displayName.toAsciiUpperCase());
    for (const FunctionSpec& spec : functionTable())
        if (wanted == spec.displayName.french || wanted == spec.displayName.english)
            return OUString::createFromAscii(spec.programmaticName);
    return OUString();
}

OUString ReceivablesAddIn::getDisplayFunctionName(const OUString& programmaticName)
{
    const std::optional<Language> language = languageFromLocale(locale_);
    return fromUtf8(specOf(programmaticName).displayName.in(language.value_or(Language::English)));
}

OUString ReceivablesAddIn::getFunctionDescription(const OUString& programmaticName)
{
    const std::optional<Language> language = languageFromLocale(locale_);
    return fromUtf8(specOf(programmaticName).description.in(language.value_or(Language::English)));
}

OUString ReceivablesAddIn::getDisplayArgumentName(const OUString& programmaticName,
                                                  sal_Int32 argument)
{
    const ArgumentSpec* spec = argumentOf(programmaticName, argument);
    const Language language = languageFromLocale(locale_).value_or(Language::English);
    return spec ? fromUtf8(spec->displayName.in(language)) : OUString();
}

OUString ReceivablesAddIn::getArgumentDescription(const OUString& programmaticName,
                                                  sal_Int32 argument)
{
    const ArgumentSpec* spec = argumentOf(programmaticName, argument);
    const Language language = languageFromLocale(locale_).value_or(Language::English);
    return spec ? fromUtf8(spec->description.in(language)) : OUString();
}

OUString ReceivablesAddIn::getProgrammaticCategoryName(const OUString&)
{
    return OUString::createFromAscii(kProgrammaticCategory);
}

OUString ReceivablesAddIn::getDisplayCategoryName(const OUString&)
{
    return fromUtf8(kDisplayCategory.in(languageFromLocale(locale_).value_or(Language::English)));
}

void ReceivablesAddIn::setLocale(const lang::Locale& locale)
{
    locale_ = locale;
    if (!firstLocaleLanguage_)
        firstLocaleLanguage_ = languageFromLocale(locale);
}

lang::Locale ReceivablesAddIn::getLocale()
{
    return locale_;
}

Language ReceivablesAddIn::resultLanguage()
{
    if (!resultLanguage_)
        resultLanguage_ =
            officeUiLanguage(context_).value_or(firstLocaleLanguage_.value_or(Language::French));
    return *resultLanguage_;
}

uno::Sequence<sheet::LocalizedName>
ReceivablesAddIn::getCompatibilityNames(const OUString& programmaticName)
{
    const FunctionSpec* spec = findFunction(toUtf8(programmaticName));
    if (!spec)
        return {};
    return sequenceOf<sheet::LocalizedName>(
        {sheet::LocalizedName(lang::Locale("en", "US", OUString()),
                              fromUtf8(spec->displayName.english)),
         sheet::LocalizedName(lang::Locale("fr", "FR", OUString()),
                              fromUtf8(spec->displayName.french))});
}

OUString ReceivablesAddIn::getServiceName()
{
    return OUString::createFromAscii(kServiceName);
}

OUString ReceivablesAddIn::getImplementationName()
{
    return OUString::createFromAscii(kImplementationName);
}

sal_Bool ReceivablesAddIn::supportsService(const OUString& serviceName)
{
    return cppu::supportsService(this, serviceName);
}

uno::Sequence<OUString> ReceivablesAddIn::getSupportedServiceNames()
{
    return supportedServiceNames();
}

uno::Sequence<OUString> ReceivablesAddIn::supportedServiceNames()
{
    return sequenceOf<OUString>(
        {OUString::createFromAscii(kServiceName), "com.sun.star.sheet.AddIn"});
}

} // namespace relance::addin
