// Terms of the W3C line-based RDF syntaxes (N-Triples, N-Quads, Turtle): IRIs and string
// literals escaped per their grammars, shared by the three RDF writers.
#pragma once

#include <string>
#include <string_view>

#include "kgforge/output.hpp"

namespace kgforge {

// `<iri>`: the characters IRIREF forbids (controls, space, <>"{}|^`\) as \u00XX.
void write_iri_ref(OutputStream& out, std::string_view iri);
// The same as a string: "<iri>".
std::string iri_ref(std::string_view iri);
// `"text"` (STRING_LITERAL_QUOTE, canonical N-Triples): " \ LF CR TAB BS FF as ECHAR, the
// other C0 controls and DEL as \u00XX; everything else as UTF-8.
void write_string_literal(OutputStream& out, std::string_view text);
std::string string_literal(std::string_view text);
// The literal's escaped characters without the quotes (for writers that fuse the quote
// with what follows).
void write_literal_body(OutputStream& out, std::string_view text);

}  // namespace kgforge
