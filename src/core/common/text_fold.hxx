// Text folding for matching what people type: case, accents, spacing and typographic
// variants are ignored ("À réception" == "a  reception"), using ICU transforms.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relance
{

// Lower case, accents removed, NBSP/narrow NBSP/tabs as spaces, typographic apostrophes as ',
// runs of spaces collapsed, trimmed. Input and output are UTF-8.
std::string foldText(std::string_view utf8);

// foldText, then every character that is not a letter or digit becomes a separator and a
// boundary between digits and letters splits a word ("30j" -> "30", "j"; "1er" -> "1", "er").
std::vector<std::string> foldedWords(std::string_view utf8);

// A yes/no answer typed in a cell, folded: "Oui", "o", "yes", "y", "vrai", "true", "x", "1"
// are yes; "Non", "n", "no", "faux", "false", "0" are no. Anything else (blank included) is
// nullopt, for the caller to name the setting it was reading.
std::optional<bool> parseYesNo(std::string_view utf8);

} // namespace relance
