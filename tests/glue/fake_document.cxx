#include "fake_document.hxx"

#include <com/sun/star/beans/UnknownPropertyException.hpp>
#include <cppuhelper/implbase1.hxx>

using namespace css;

namespace
{

class FakeDocument : public cppu::WeakImplHelper1<beans::XPropertySet>
{
public:
    explicit FakeDocument(util::Date nullDate) : nullDate_(nullDate) {}

    uno::Reference<beans::XPropertySetInfo> SAL_CALL getPropertySetInfo() override { return {}; }
    void SAL_CALL setPropertyValue(const OUString&, const uno::Any&) override {}
    uno::Any SAL_CALL getPropertyValue(const OUString& name) override
    {
        if (name == "NullDate")
            return uno::Any(nullDate_);
        throw beans::UnknownPropertyException(name);
    }
    void SAL_CALL addPropertyChangeListener(
        const OUString&, const uno::Reference<beans::XPropertyChangeListener>&) override
    {
    }
    void SAL_CALL removePropertyChangeListener(
        const OUString&, const uno::Reference<beans::XPropertyChangeListener>&) override
    {
    }
    void SAL_CALL addVetoableChangeListener(
        const OUString&, const uno::Reference<beans::XVetoableChangeListener>&) override
    {
    }
    void SAL_CALL removeVetoableChangeListener(
        const OUString&, const uno::Reference<beans::XVetoableChangeListener>&) override
    {
    }

private:
    util::Date nullDate_;
};

} // namespace

uno::Reference<beans::XPropertySet> makeFakeDocument(util::Date nullDate)
{
    return new FakeDocument(nullDate);
}
