// The language the office speaks to its user, as Relance's texts in cells and sheets follow it.
#pragma once

#include <optional>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include "core/common/language.hxx"

namespace relance::addin
{

// The user's UI language setting, else the installation's; nullopt without an office.
std::optional<Language>
officeUiLanguage(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace relance::addin
