// Every add-in function has the same shape: convert, compute, and let no exception but
// IllegalArgumentException (Err:502 in Calc) cross the UNO boundary.
#pragma once

#include <exception>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include "uno/functions/any_convert.hxx"
#include "core/common/input_error.hxx"

namespace relance::addin
{

template <typename Compute>
auto guardedCall(const css::uno::Reference<css::uno::XInterface>& self, Compute&& compute)
{
    try
    {
        return compute();
    }
    catch (const InputError& error)
    {
        throw css::lang::IllegalArgumentException(fromUtf8(error.what()), self, 0);
    }
    catch (const css::uno::Exception& error)
    {
        throw css::lang::IllegalArgumentException(error.Message, self, 0);
    }
    catch (const std::exception& error)
    {
        throw css::lang::IllegalArgumentException(fromUtf8(error.what()), self, 0);
    }
}

} // namespace relance::addin
