// A tiny, strict XML 1.0 reader for the GraphML/GEXF unit tests: it checks well-formedness
// (nesting, quoting, entities, only characters XML 1.0 allows, valid UTF-8) and returns the
// element tree with text and attribute values decoded as a conforming parser would (including
// attribute-value normalisation and end-of-line handling). No DTDs, no namespaces processing.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kgforge::testxml {

struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;  // concatenated character data directly inside this element
    std::vector<Element> children;

    const std::string* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return &v;
        return nullptr;
    }
    std::string attr(std::string_view key) const {
        const auto* value = attribute(key);
        if (!value)
            throw std::runtime_error("missing attribute " + std::string(key) + " on " + name);
        return *value;
    }
    std::vector<const Element*> all(std::string_view child_name) const {
        std::vector<const Element*> result;
        for (const auto& c : children)
            if (c.name == child_name) result.push_back(&c);
        return result;
    }
    const Element& one(std::string_view child_name) const {
        for (const auto& c : children)
            if (c.name == child_name) return c;
        throw std::runtime_error("no <" + std::string(child_name) + "> in <" + name + ">");
    }
};

class Reader {
  public:
    explicit Reader(std::string_view doc) : s_(doc) {}

    Element document() {
        check_chars();
        if (s_.substr(0, 5) == "<?xml") {
            auto end = s_.find("?>");
            if (end == std::string_view::npos) fail("unterminated XML declaration");
            i_ = end + 2;
        }
        misc();
        if (i_ >= s_.size() || s_[i_] != '<') fail("no root element");
        Element root = element();
        misc();
        if (i_ != s_.size()) fail("content after the root element");
        return root;
    }

  private:
    [[noreturn]] void fail(const std::string& why) const {
        throw std::runtime_error("malformed XML at byte " + std::to_string(i_) + ": " + why);
    }

    static bool allowed(std::uint32_t c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
               (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    void check_chars() const {
        std::size_t k = 0;
        while (k < s_.size()) {
            auto b = static_cast<unsigned char>(s_[k]);
            std::uint32_t c;
            std::size_t len;
            if (b < 0x80) {
                c = b;
                len = 1;
            } else if ((b & 0xE0) == 0xC0) {
                c = b & 0x1Fu;
                len = 2;
            } else if ((b & 0xF0) == 0xE0) {
                c = b & 0x0Fu;
                len = 3;
            } else if ((b & 0xF8) == 0xF0) {
                c = b & 0x07u;
                len = 4;
            } else {
                throw std::runtime_error("invalid UTF-8 at byte " + std::to_string(k));
            }
            if (k + len > s_.size()) throw std::runtime_error("truncated UTF-8");
            for (std::size_t j = 1; j < len; ++j) {
                auto cb = static_cast<unsigned char>(s_[k + j]);
                if ((cb & 0xC0) != 0x80) throw std::runtime_error("invalid UTF-8 continuation");
                c = (c << 6) | (cb & 0x3Fu);
            }
            static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
            if (c < kMin[len]) throw std::runtime_error("overlong UTF-8");
            if (!allowed(c))
                throw std::runtime_error("character U+" + std::to_string(c) +
                                         " not allowed in XML 1.0 at byte " + std::to_string(k));
            k += len;
        }
    }

    void space() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
            ++i_;
    }
    void misc() {
        for (;;) {
            space();
            if (s_.substr(i_, 4) == "<!--") {
                auto end = s_.find("-->", i_ + 4);
                if (end == std::string_view::npos) fail("unterminated comment");
                i_ = end + 3;
            } else {
                return;
            }
        }
    }
    std::string name() {
        auto start = i_;
        while (i_ < s_.size()) {
            char c = s_[i_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' || c == '>' ||
                c == '/' || c == '<' || c == '"' || c == '\'' || c == '&')
                break;
            ++i_;
        }
        if (i_ == start) fail("expected a name");
        return std::string(s_.substr(start, i_ - start));
    }
    static void append_utf8(std::string& out, std::uint32_t c) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    void reference(std::string& out) {
        auto end = s_.find(';', i_);
        if (end == std::string_view::npos) fail("unterminated reference");
        auto ref = s_.substr(i_ + 1, end - i_ - 1);
        if (ref == "amp")
            out += '&';
        else if (ref == "lt")
            out += '<';
        else if (ref == "gt")
            out += '>';
        else if (ref == "quot")
            out += '"';
        else if (ref == "apos")
            out += '\'';
        else if (ref.size() > 1 && ref[0] == '#') {
            std::uint32_t c = 0;
            bool hex = ref[1] == 'x';
            auto digits = ref.substr(hex ? 2 : 1);
            if (digits.empty()) fail("empty character reference");
            for (char d : digits) {
                std::uint32_t v;
                if (d >= '0' && d <= '9')
                    v = static_cast<std::uint32_t>(d - '0');
                else if (hex && d >= 'a' && d <= 'f')
                    v = static_cast<std::uint32_t>(d - 'a' + 10);
                else if (hex && d >= 'A' && d <= 'F')
                    v = static_cast<std::uint32_t>(d - 'A' + 10);
                else
                    fail("bad character reference");
                c = c * (hex ? 16 : 10) + v;
                if (c > 0x10FFFF) fail("character reference out of range");
            }
            if (!allowed(c)) fail("character reference to a forbidden character");
            append_utf8(out, c);
        } else {
            fail("unknown entity &" + std::string(ref) + ";");
        }
        i_ = end + 1;
    }
    Element element() {
        ++i_;  // '<'
        Element e;
        e.name = name();
        for (;;) {
            auto before = i_;
            space();
            if (i_ >= s_.size()) fail("unterminated start tag");
            if (s_[i_] == '/') {
                if (s_.substr(i_, 2) != "/>") fail("expected />");
                i_ += 2;
                return e;
            }
            if (s_[i_] == '>') {
                ++i_;
                break;
            }
            if (before == i_) fail("attributes must be separated by white space");
            auto key = name();
            if (e.attribute(key)) fail("duplicate attribute " + key);
            if (i_ >= s_.size() || s_[i_] != '=') fail("expected =");
            ++i_;
            if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) fail("expected a quote");
            char quote = s_[i_++];
            std::string value;
            while (i_ < s_.size() && s_[i_] != quote) {
                char c = s_[i_];
                if (c == '<') fail("'<' in attribute value");
                if (c == '&') {
                    reference(value);
                    continue;
                }
                // Attribute-value normalisation of literal white space.
                if (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
                value += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
                ++i_;
            }
            if (i_ >= s_.size()) fail("unterminated attribute value");
            ++i_;
            e.attributes.emplace_back(std::move(key), std::move(value));
        }
        for (;;) {
            if (i_ >= s_.size()) fail("unterminated element <" + e.name + ">");
            char c = s_[i_];
            if (c == '<') {
                if (s_.substr(i_, 2) == "</") {
                    i_ += 2;
                    auto closing = name();
                    if (closing != e.name) fail("</" + closing + "> closes <" + e.name + ">");
                    space();
                    if (i_ >= s_.size() || s_[i_] != '>') fail("expected >");
                    ++i_;
                    return e;
                }
                if (s_.substr(i_, 4) == "<!--") {
                    misc();
                    continue;
                }
                if (s_.substr(i_, 2) == "<!" || s_.substr(i_, 2) == "<?")
                    fail("unsupported markup");
                e.children.push_back(element());
            } else if (c == '&') {
                reference(e.text);
            } else {
                if (c == '>' && i_ >= 2 && s_.substr(i_ - 2, 3) == "]]>") fail("]]> in content");
                if (c == '\r') {
                    e.text += '\n';
                    if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
                } else {
                    e.text += c;
                }
                ++i_;
            }
        }
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

inline Element parse(std::string_view doc) {
    return Reader(doc).document();
}

}  // namespace kgforge::testxml
