#include "uno/common/office_language.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

#include "uno/functions/any_convert.hxx"

using namespace css;

namespace relance::addin
{

// The UI language as the office chose it: the user's choice, else the installation's.
std::optional<Language> officeUiLanguage(const uno::Reference<uno::XComponentContext>& context)
{
    if (!context.is())
        return std::nullopt;
    try
    {
        const uno::Reference<lang::XMultiServiceFactory> provider(
            context->getServiceManager()->createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", context),
            uno::UNO_QUERY_THROW);
        auto read = [&](const char* path, const char* property) -> OUString
        {
            const uno::Sequence<uno::Any> arguments = sequenceOf<uno::Any>({uno::Any(
                beans::NamedValue("nodepath", uno::Any(OUString::createFromAscii(path))))});
            const uno::Reference<container::XNameAccess> node(
                provider->createInstanceWithArguments(
                    "com.sun.star.configuration.ConfigurationAccess", arguments),
                uno::UNO_QUERY_THROW);
            OUString value;
            node->getByName(OUString::createFromAscii(property)) >>= value;
            return value;
        };
        OUString tag = read("/org.openoffice.Office.Linguistic/General", "UILocale");
        if (tag.isEmpty())
            tag = read("/org.openoffice.Setup/L10N", "ooLocale");
        if (!tag.isEmpty())
            return languageFromTag(toUtf8(tag));
    }
    catch (const uno::Exception&)
    {
    }
    return std::nullopt;
}

} // namespace relance::addin
