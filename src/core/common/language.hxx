#pragma once

#include <string_view>

namespace relance
{

// Language of the texts Relance returns in cells (labels follow the office language).
enum class Language
{
    French,
    English,
};

// "fr", "fr-FR", "fr_BE"... are French; everything else is English.
constexpr Language languageFromTag(std::string_view tag) noexcept
{
    return tag.size() >= 2 && (tag[0] == 'f' || tag[0] == 'F') &&
                   (tag[1] == 'r' || tag[1] == 'R') &&
                   (tag.size() == 2 || tag[2] == '-' || tag[2] == '_')
               ? Language::French
               : Language::English;
}

} // namespace relance
