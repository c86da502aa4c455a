#include "core/json_parse.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "core/json_location.hpp"
#include "core/utf8.hpp"
#include "kgforge/error.hpp"
#include "kgforge/limits.hpp"

namespace kgforge {

namespace {

// Forwards SAX events to the document being built and stops the parse when arrays and
// objects nest deeper than the limit.
class DepthLimitedHandler {
  public:
    explicit DepthLimitedHandler(rapidjson::Document& document) : document_(document) {}

    bool Null() { return document_.Null(); }
    bool Bool(bool b) { return document_.Bool(b); }
    bool Int(int i) { return document_.Int(i); }
    bool Uint(unsigned u) { return document_.Uint(u); }
    bool Int64(std::int64_t i) { return document_.Int64(i); }
    bool Uint64(std::uint64_t u) { return document_.Uint64(u); }
    bool Double(double d) { return document_.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
        return document_.RawNumber(s, n, copy);
    }
    bool String(const char* s, rapidjson::SizeType n, bool copy) {
        return valid(s, n) && document_.String(s, n, copy);
    }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) {
        return valid(s, n) && document_.Key(s, n, copy);
    }
    bool StartObject() { return enter() && document_.StartObject(); }
    bool EndObject(rapidjson::SizeType members) {
        --depth_;
        return document_.EndObject(members);
    }
    bool StartArray() { return enter() && document_.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) {
        --depth_;
        return document_.EndArray(elements);
    }

    bool too_deep() const { return too_deep_; }
    bool bad_escape() const { return bad_escape_; }

  private:
    // The text was valid UTF-8 before parsing, but a \u escape of a lone surrogate decodes
    // to bytes that are not: everything downstream relies on valid UTF-8.
    bool valid(const char* s, rapidjson::SizeType n) {
        if (utf8::first_invalid(std::string_view(s, n)) != n) bad_escape_ = true;
        return !bad_escape_;
    }

    bool enter() {
        if (++depth_ > limits::kMaxJsonNesting) too_deep_ = true;
        return !too_deep_;
    }

    rapidjson::Document& document_;
    unsigned depth_ = 0;
    bool too_deep_ = false;
    bool bad_escape_ = false;
};

[[noreturn]] void throw_parse_error(std::string_view text, const rapidjson::ParseResult& result,
                                    const DepthLimitedHandler& handler, const std::string& where,
                                    std::uint64_t line) {
    std::string message = rapidjson::GetParseError_En(result.Code());
    if (handler.too_deep())
        message = "nesting deeper than " + std::to_string(limits::kMaxJsonNesting) +
                  " arrays/objects (the limit for JSON input)";
    if (handler.bad_escape())
        message = "string is not valid UTF-8 (a \\u escape of a lone surrogate)";
    if (line > 0) throw Error(ErrorKind::Parse, message, where, line, result.Offset() + 1);
    auto [l, column] = line_and_column(text, result.Offset());
    throw Error(ErrorKind::Parse, message, where, l, column);
}

// RapidJSON reads a NUL byte as the end of the text, so "{}\0anything" would pass.
void reject_nul(std::string_view text, const std::string& where, std::uint64_t line) {
    const auto nul = text.find('\0');
    if (nul == std::string_view::npos) return;
    const std::string message = "NUL byte in JSON text";
    if (line > 0) throw Error(ErrorKind::Parse, message, where, line, nul + 1);
    auto [l, column] = line_and_column(text, nul);
    throw Error(ErrorKind::Parse, message, where, l, column);
}

template <unsigned Flags, class Stream>
void parse_with_limit(rapidjson::Document& document, Stream& stream, std::string_view text,
                      const std::string& where, std::uint64_t line) {
    rapidjson::ParseResult result;
    DepthLimitedHandler handler(document);
    auto generate = [&](rapidjson::Document&) {
        rapidjson::Reader reader;
        result = reader.Parse<Flags | rapidjson::kParseIterativeFlag>(stream, handler);
        return !result.IsError();
    };
    document.Populate(generate);
    if (result.IsError()) throw_parse_error(text, result, handler, where, line);
}

}  // namespace

void parse_json(rapidjson::Document& document, std::string_view text, const std::string& where,
                std::uint64_t line) {
    reject_nul(text, where, line);
    rapidjson::MemoryStream memory(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
    parse_with_limit<rapidjson::kParseDefaultFlags>(document, stream, text, where, line);
}

void parse_json_line_in_place(rapidjson::Document& document, std::string& text,
                              const std::string& where, std::uint64_t line) {
    reject_nul(text, where, line);
    rapidjson::InsituStringStream stream(text.data());
    // Columns are offsets + 1 (the line number is known), so the rewritten text is never read.
    parse_with_limit<rapidjson::kParseInsituFlag>(document, stream, {}, where, line);
}

}  // namespace kgforge
