// Shared-library entry points through which LibreOffice creates the add-in.
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <uno/lbnames.h>

#include "uno/functions/function_table.hxx"
#include "uno/functions/receivables_addin.hxx"
#include "uno/relance_dispatch.hxx"

using namespace css;

namespace
{

uno::Reference<uno::XInterface>
    SAL_CALL createAddIn(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new relance::addin::ReceivablesAddIn(context));
}

OUString SAL_CALL implementationName()
{
    return OUString::createFromAscii(relance::addin::kImplementationName);
}

uno::Sequence<OUString> SAL_CALL serviceNames()
{
    return relance::addin::ReceivablesAddIn::supportedServiceNames();
}

uno::Reference<uno::XInterface>
    SAL_CALL createDispatch(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new relance::addin::RelanceDispatch(context));
}

OUString SAL_CALL dispatchImplementationName()
{
    return OUString::createFromAscii(relance::addin::kDispatchImplementationName);
}

uno::Sequence<OUString> SAL_CALL dispatchServiceNames()
{
    return relance::addin::RelanceDispatch::supportedServiceNames();
}

const cppu::ImplementationEntry kEntries[] = {
    {createAddIn, implementationName, serviceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {createDispatch, dispatchImplementationName, dispatchServiceNames,
     cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0}};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implName,
                                                                    void* serviceManager,
                                                                    void* registryKey)
{
    return cppu::component_getFactoryHelper(implName, serviceManager, registryKey, kEntries);
}

extern "C" SAL_DLLPUBLIC_EXPORT void SAL_CALL
component_getImplementationEnvironment(const char** envTypeName, uno_Environment**)
{
    *envTypeName = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
