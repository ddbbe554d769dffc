// What a call's InputError says, for the tests that check the message bad input gets.
#pragma once

#include <string>

#include "core/common/input_error.hxx"

namespace relance_test
{

inline std::string messageOf(auto&& call)
{
    try
    {
        call();
    }
    catch (const relance::InputError& error)
    {
        return error.what();
    }
    return "(no InputError)";
}

} // namespace relance_test
