// JSON-LD helpers exposed for the unit tests.
#pragma once

#include <string>
#include <string_view>

namespace kgforge {

// The embedded JSON-LD context: identical to schema/context.jsonld.
extern const std::string_view kJsonLdContext;
extern const std::string_view kJsonLdContextVersion;

// Percent-encodes all but A-Z a-z 0-9 - . _ ~ : (UTF-8 bytes one by one).
std::string iri_segment(std::string_view text);
bool is_iso_date(std::string_view text);      // YYYY-MM-DD
bool is_absolute_iri(std::string_view text);  // scheme ":" rest, no forbidden chars

}  // namespace kgforge
