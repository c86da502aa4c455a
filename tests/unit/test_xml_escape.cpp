#include <catch2/catch.hpp>

#include <string>

#include "exporters/xml_escape.hpp"
#include "xml_reader.hpp"

using namespace kgforge;

namespace {

std::string escaped(std::string_view text, XmlMode mode = XmlMode::Replace) {
    StringOutput out;
    write_xml_escaped(out, text, mode);
    return out.str();
}

// What a conforming parser reads back from the escaped text, as element content and as an
// attribute value.
std::pair<std::string, std::string> round_trip(std::string_view text,
                                               XmlMode mode = XmlMode::Replace) {
    const auto esc = escaped(text, mode);
    auto root = testxml::parse("<r a=\"" + esc + "\">" + esc + "</r>");
    return {root.text, root.attr("a")};
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("xml escape: markup characters and quotes", "[xml_escape]") {
    CHECK(escaped("a<b>&c\"d'e") == "a&lt;b&gt;&amp;c&quot;d'e");
    CHECK(escaped("]]>") == "]]&gt;");
    CHECK(escaped("`backtick` \\back\\slash") == "`backtick` \\back\\slash");
    CHECK(escaped("&amp;") == "&amp;amp;");
    for (auto text : {"a<b>&c\"d'e", "]]>", "&amp;", "<!-- -->", "<![CDATA[x]]>"}) {
        auto [content, attribute] = round_trip(text);
        CHECK(content == text);
        CHECK(attribute == text);
    }
}

TEST_CASE("xml escape: white space survives attribute normalisation", "[xml_escape]") {
    CHECK(escaped("a\tb\nc\rd\r\n") == "a&#9;b&#10;c&#13;d&#13;&#10;");
    const std::string text = "line 1\nline 2\r\nline 3\rtab\there  ";
    auto [content, attribute] = round_trip(text);
    CHECK(content == text);
    CHECK(attribute == text);
}

TEST_CASE("xml escape: forbidden control characters become U+FFFD", "[xml_escape]") {
    std::string controls;
    for (char c = 1; c < 0x20; ++c) controls += c;
    controls += '\0';
    const auto esc = escaped(controls);
    for (char c : esc) {
        const auto b = static_cast<unsigned char>(c);
        CHECK((b >= 0x20 || b == '\t' || b == '\n' || b == '\r') == true);
    }
    std::string expected;
    for (char c = 1; c < 0x20; ++c) {
        if (c == '\t' || c == '\n' || c == '\r')
            expected += c;
        else
            expected += kFffd;
    }
    expected += kFffd;
    CHECK(xml_sanitize(controls) == expected);
    auto [content, attribute] = round_trip(controls);
    CHECK(content == expected);
    CHECK(attribute == expected);
    // DEL and C1 controls are allowed by XML 1.0 and pass through, except NEL (a line end
    // under XML 1.1 rules), which is written as a reference like U+2028 and U+2029.
    CHECK(escaped("\x7f\xc2\x80") == "\x7f\xc2\x80");
    CHECK(escaped("\xc2\x85|\xe2\x80\xa8|\xe2\x80\xa9|\xe2\x80\xaa") ==
          "&#x85;|&#x2028;|&#x2029;|\xe2\x80\xaa");
    const std::string separators =
        "a\xc2\x85"
        "b\xe2\x80\xa8"
        "c\xe2\x80\xa9"
        "d";
    CHECK(round_trip(separators).first == separators);
    CHECK(round_trip(separators).second == separators);
    CHECK(xml_sanitize(separators) == separators);
}

TEST_CASE("xml escape: U+FFFE, U+FFFF and invalid UTF-8", "[xml_escape]") {
    CHECK(escaped("a\xEF\xBF\xBE"
                  "b\xEF\xBF\xBF") == "a" + kFffd + "b" + kFffd);
    CHECK(escaped("x\xEF\xBF\xBDy") == "x\xEF\xBF\xBDy");                 // U+FFFD itself is fine
    CHECK(escaped("\xED\xA0\x80") == kFffd + kFffd + kFffd);              // encoded surrogate
    CHECK(escaped("\xC0\xAF") == kFffd + kFffd);                          // overlong
    CHECK(escaped("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);  // > U+10FFFF
    CHECK(escaped("abc\xE2\x82") == "abc" + kFffd + kFffd);               // truncated
    CHECK(escaped("\xFF") == kFffd);
    for (auto text : {"a\xEF\xBF\xBE", "\xED\xA0\x80", "\xC0\xAF", "abc\xE2\x82"}) {
        CHECK_NOTHROW(round_trip(text));
        CHECK(round_trip(text).first == xml_sanitize(text));
    }
}

TEST_CASE("xml escape: emoji, RTL and combining text pass through", "[xml_escape]") {
    const std::string emoji =
        "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB0 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9";
    const std::string rtl =
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 "
        "\xE2\x80\x8F\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA\xE2\x80\x8E";
    const std::string cjk =
        "\xE4\xB8\xAD\xE5\x9B\xBD & \xE3\x83\x91\xE3\x82\xAD\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\xB3";
    CHECK(escaped(emoji) == emoji);
    CHECK(escaped(rtl) == rtl);
    CHECK(escaped(cjk) ==
          "\xE4\xB8\xAD\xE5\x9B\xBD &amp; "
          "\xE3\x83\x91\xE3\x82\xAD\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\xB3");
    for (const auto& text : {emoji, rtl, cjk}) CHECK(round_trip(text).second == text);
}

TEST_CASE("xml escape: empty and long strings", "[xml_escape]") {
    CHECK(escaped("").empty());
    CHECK(round_trip("").first.empty());

    std::string long_text;
    for (int i = 0; i < 10000; ++i) long_text += "ab<\xC3\xA9\x01\"&\n"[i % 9];
    // The pattern's length does not divide 10,000: the last "é" may be cut in half.
    auto [content, attribute] = round_trip(long_text);
    CHECK(content == xml_sanitize(long_text));
    CHECK(attribute == content);

    std::string plain(10000, 'x');
    CHECK(escaped(plain) == plain);
    // Larger than StringOutput's buffer: runs are written straight through.
    std::string huge(300000, 'y');
    huge[150000] = '&';
    CHECK(escaped(huge) == huge.substr(0, 150000) + "&amp;" + huge.substr(150001));
}

TEST_CASE("xml escape: Id mode keeps distinct ids distinct", "[xml_escape]") {
    CHECK(escaped("person:a b", XmlMode::Id) == "person:a b");
    CHECK(escaped("a\x01", XmlMode::Id) == "a" + kFffd + "0001");
    CHECK(escaped("a\x1f", XmlMode::Id) == "a" + kFffd + "001F");
    CHECK(escaped("a\xEF\xBF\xBE", XmlMode::Id) == "a" + kFffd + "FFFE");
    CHECK(escaped("a\xEF\xBF\xBD", XmlMode::Id) == "a" + kFffd + "FFFD");
    CHECK(escaped("a\xFF", XmlMode::Id) == "a" + kFffd + "00FF");
    CHECK(escaped("<&>", XmlMode::Id) == "&lt;&amp;&gt;");
    const std::vector<std::string> ids = {
        "a\x01", "a\x02",         "a" + kFffd, "a" + kFffd + "0001",
        "a",     "a\xEF\xBF\xBE", "a\xFF",     "a\xC3\xBF"};
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j)
            CHECK(xml_sanitize(ids[i], XmlMode::Id) != xml_sanitize(ids[j], XmlMode::Id));
    CHECK(round_trip("a\x01", XmlMode::Id).second == "a" + kFffd + "0001");
}

TEST_CASE("xml dates and floats", "[xml_escape]") {
    CHECK(xml_date("2024-03-05") == "2024-03-05");
    CHECK(xml_date("2024-03-05T10:00:00Z") == "2024-03-05");
    CHECK(xml_date("2024-03-05 10:00") == "2024-03-05");
    CHECK(xml_date("").empty());
    CHECK(xml_date("2024-13-05").empty());
    CHECK(xml_date("2024-03-00").empty());
    CHECK(xml_date("2024-3-5").empty());
    CHECK(xml_date("2024-03-05x").empty());
    CHECK(xml_date("yesterday!").empty());

    auto fmt = [](float v) {
        StringOutput out;
        write_xml_float(out, v);
        return out.str();
    };
    CHECK(fmt(0.9f) == "0.9");
    CHECK(fmt(1.0f) == "1.0");
    CHECK(fmt(3.0f) == "3.0");
    CHECK(fmt(0.0f) == "0.0");
    CHECK(fmt(1e20f) == "1e+20");
}
