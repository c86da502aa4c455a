// Lemmas for the relation features ("signed" -> "sign", "talks" -> "talk"): a table of the
// irregular and observed forms derived from UD English EWT (models/lemmas.tsv, built by
// scripts/build-lemmas), and suffix rules by word class for everything else.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kgforge::nlp {

class Lemmatizer {
  public:
    Lemmatizer() = default;  // rules only
    // Throws kgforge::Error (Io, or Parse with the line number).
    static Lemmatizer load(const std::filesystem::path& table);

    // The lemma of a lower-case form with Penn Treebank tag `pos` (ptb::Tag).
    std::string lemma(std::string_view lower, std::uint16_t pos) const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    // key: class letter + form ("Vsigned")
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> table_;
};

}  // namespace kgforge::nlp
