// XML 1.0 escaping shared by the GraphML and GEXF exporters (docs/FORMATS-graphml-gexf.md).
//
// write_xml_escaped() writes text that is safe both as element content and inside a
// double-quoted attribute value, and that every conforming parser reads back unchanged:
//   - & < > " become &amp; &lt; &gt; &quot;
//   - tab, LF and CR become &#9; &#10; &#13; (so attribute-value normalisation and
//     end-of-line handling cannot turn them into spaces or LFs), and NEL, U+2028 and U+2029
//     (line ends under XML 1.1 rules) become &#x85; &#x2028; &#x2029;;
//   - characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) and
//     bytes that are not valid UTF-8 (which also covers encoded surrogates) are never
//     written raw. In Replace mode each becomes U+FFFD; in Id mode (node and edge ids) each
//     becomes U+FFFD followed by four upper-case hex digits (the code point, or 00XX for an
//     invalid byte XX), and a literal U+FFFD becomes U+FFFD "FFFD", so distinct ids stay
//     distinct.
// Everything else, including emoji, RTL text, DEL and other C1 controls (allowed by XML 1.0), is
// copied as is. Clean runs are written with one OutputStream::write() call each.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kgforge/output.hpp"

namespace kgforge {

enum class XmlMode { Replace, Id };

void write_xml_escaped(OutputStream& out, std::string_view text, XmlMode mode = XmlMode::Replace);
inline void write_xml_id(OutputStream& out, std::string_view text) {
    write_xml_escaped(out, text, XmlMode::Id);
}
std::string xml_escape(std::string_view text, XmlMode mode = XmlMode::Replace);

// The text an XML parser reads back from write_xml_escaped(text, mode): entities resolved,
// forbidden characters replaced as described above. Used by tests and consumer checks.
std::string xml_sanitize(std::string_view text, XmlMode mode = XmlMode::Replace);

// The xs:date ("YYYY-MM-DD") at the start of a document date such as "2024-03-05" or
// "2024-03-05T10:00:00Z"; empty when the text does not start with a valid date.
std::string_view xml_date(std::string_view date);

// Shortest round-trip decimal form of a float ("0.9", not "0.899999976"), always with a
// '.' or exponent so typed readers see a floating-point value; NaN/Inf become 0.0.
void write_xml_float(OutputStream& out, float value);

// One string for a list attribute (GraphML/GEXF have no list type): joined with '|', a '|' or
// '\' inside an element preceded by '\'.
std::string join_list(const std::vector<std::string_view>& items);

// Writes typed attribute values as `open` + value + `close`: <data key="k">v</data> in
// GraphML, <attvalue for="k" value="v"/> in GEXF. Empty strings are omitted.
class XmlValueWriter {
  public:
    XmlValueWriter(OutputStream& out, std::string_view close) : out_(out), close_(close) {}
    void text(std::string_view open, std::string_view value) {
        if (value.empty()) return;
        out_ << open;
        write_xml_escaped(out_, value);
        out_ << close_;
    }
    void uint(std::string_view open, std::uint64_t value) {
        out_ << open;
        out_.write_uint(value);
        out_ << close_;
    }
    void real(std::string_view open, float value) {
        out_ << open;
        write_xml_float(out_, value);
        out_ << close_;
    }
    void flag(std::string_view open, bool value) {
        out_ << open << (value ? std::string_view("true") : "false") << close_;
    }

  private:
    OutputStream& out_;
    std::string_view close_;
};

}  // namespace kgforge
