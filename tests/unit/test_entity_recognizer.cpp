#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "nlp/entity_recognizer.hpp"
#include "nlp/ner_model.hpp"

using namespace kgforge;
using namespace kgforge::nlp;

namespace {

const EntityRecognizer& recognizer() {
    static const EntityRecognizer r = EntityRecognizer::load(KGFORGE_SOURCE_DIR "/models");
    return r;
}

bool is_punct(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '-' || c == '(' || c == ')' ||
           c == '"' || c == '?' || c == '!';
}

// A small test tokenizer: splits at spaces, punctuation and possessive 's (keeps "U.S.").
AnnotatedDocument make_doc(const std::string& text) {
    AnnotatedDocument doc;
    doc.text = text;
    const std::string& t = doc.text;
    std::size_t i = 0;
    auto push = [&](std::size_t a, std::size_t b) {
        Token tok;
        tok.begin = static_cast<std::uint32_t>(a);
        tok.end = static_cast<std::uint32_t>(b);
        tok.space_before = a > 0 && t[a - 1] == ' ';
        doc.tokens.push_back(tok);
    };
    while (i < t.size()) {
        if (t[i] == ' ' || t[i] == '\n') {
            ++i;
            continue;
        }
        std::size_t j = i;
        if (is_punct(t[i])) {
            push(i, i + 1);
            i += 1;
            continue;
        }
        while (j < t.size() && t[j] != ' ' && t[j] != '\n' && !(is_punct(t[j]) && t[j] != '.')) ++j;
        // a final period is split off unless the word is dotted ("U.S.")
        std::size_t end = j;
        if (end > i + 1 && t[end - 1] == '.' &&
            std::count(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(end), '.') ==
                1) {
            --end;
        }
        if (end - i > 2 && t.compare(end - 2, 2, "'s") == 0) {
            push(i, end - 2);
            push(end - 2, end);
        } else {
            push(i, end);
        }
        if (end < j) push(end, j);
        i = j;
    }
    for (auto& tok : doc.tokens)
        tok.text = std::string_view(doc.text).substr(tok.begin, tok.end - tok.begin);
    Sentence s;
    s.first_token = 0;
    s.end_token = static_cast<std::uint32_t>(doc.tokens.size());
    s.begin = 0;
    s.end = static_cast<std::uint32_t>(doc.text.size());
    doc.sentences.push_back(s);
    return doc;
}

std::string span_text(const AnnotatedDocument& doc, const Mention& m) {
    return doc.text.substr(doc.tokens[m.first_token].begin,
                           doc.tokens[m.end_token - 1].end - doc.tokens[m.first_token].begin);
}

const Mention* find(const AnnotatedDocument& doc, const std::string& text) {
    for (const auto& m : doc.mentions) {
        if (span_text(doc, m) == text) return &m;
    }
    return nullptr;
}

std::string dump(const AnnotatedDocument& doc) {
    std::string out;
    for (const auto& m : doc.mentions) {
        out += "[" + span_text(doc, m) + "|" + std::string(entity_type_label(m.type)) + "|" +
               m.subtype + "|" + m.source + "] ";
    }
    return out;
}

}  // namespace

TEST_CASE("recognizer: demonym, company and city", "[ner]") {
    auto doc = make_doc("Kenyan officials met Acme Industries Corporation in Nairobi on Monday.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    const auto* kenyan = find(doc, "Kenyan");
    REQUIRE(kenyan != nullptr);
    CHECK(kenyan->type == EntityType::Country);
    CHECK(kenyan->source == "gazetteer:demonym");
    const auto* acme = find(doc, "Acme Industries Corporation");
    REQUIRE(acme != nullptr);
    CHECK(acme->type == EntityType::Organization);
    const auto* nairobi = find(doc, "Nairobi");
    REQUIRE(nairobi != nullptr);
    CHECK(nairobi->type == EntityType::Location);
    CHECK(nairobi->subtype == "City");
    CHECK(find(doc, "Monday") == nullptr);
}

TEST_CASE("recognizer: title pattern, ministry and capital metonymy", "[ner]") {
    auto doc = make_doc(
        "Foreign Ministry spokeswoman Mara Velkova said Ankara would not accept the plan.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    const auto* ministry = find(doc, "Foreign Ministry");
    REQUIRE(ministry != nullptr);
    CHECK(ministry->type == EntityType::Organization);
    CHECK(ministry->subtype == "GovernmentOrganization");
    const auto* person = find(doc, "Mara Velkova");
    REQUIRE(person != nullptr);
    CHECK(person->type == EntityType::Person);
    const auto* ankara = find(doc, "Ankara");
    REQUIRE(ankara != nullptr);
    CHECK(ankara->type == EntityType::Country);
    CHECK(ankara->subtype == "Capital");
}

TEST_CASE("recognizer: countries, aliases, based and descriptions", "[ner]") {
    auto doc = make_doc(
        "The Nairobi-based Zentria Energy Group signed a deal with the U.S. and Peru, the "
        "South American nation said.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    const auto* nairobi = find(doc, "Nairobi");
    REQUIRE(nairobi != nullptr);
    CHECK(nairobi->type == EntityType::Location);
    CHECK(nairobi->source == "pattern:based");
    const auto* group = find(doc, "Zentria Energy Group");
    REQUIRE(group != nullptr);
    CHECK(group->type == EntityType::Organization);
    const auto* us = find(doc, "U.S.");
    REQUIRE(us != nullptr);
    CHECK(us->type == EntityType::Country);
    CHECK(us->subtype == "Country");
    const auto* peru = find(doc, "Peru");
    REQUIRE(peru != nullptr);
    CHECK(peru->type == EntityType::Country);
    const auto* description = find(doc, "the South American nation");
    REQUIRE(description != nullptr);
    CHECK(description->source == "gazetteer:description");
    CHECK(description->subtype == "Description");
}

TEST_CASE("recognizer: mentions are sorted and disjoint", "[ner]") {
    auto doc = make_doc(
        "Chancellor Otto Brenner of Germany met Prime Minister Aiko Tanaka and officials of "
        "the World Bank in Geneva, while Brazilian farmers protested in Sao Paulo.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    for (std::size_t k = 0; k < doc.mentions.size(); ++k) {
        CHECK(doc.mentions[k].first_token < doc.mentions[k].end_token);
        CHECK(doc.mentions[k].end_token <= doc.tokens.size());
        if (k > 0) CHECK(doc.mentions[k - 1].end_token <= doc.mentions[k].first_token);
    }
    REQUIRE(find(doc, "Otto Brenner") != nullptr);
    CHECK(find(doc, "Otto Brenner")->type == EntityType::Person);
    REQUIRE(find(doc, "Aiko Tanaka") != nullptr);
    CHECK(find(doc, "Aiko Tanaka")->type == EntityType::Person);
    REQUIRE(find(doc, "Germany") != nullptr);
    CHECK(find(doc, "Germany")->type == EntityType::Country);
    REQUIRE(find(doc, "World Bank") != nullptr);
    CHECK(find(doc, "World Bank")->type == EntityType::Organization);
    REQUIRE(find(doc, "Brazilian") != nullptr);
    CHECK(find(doc, "Brazilian")->type == EntityType::Country);
}

TEST_CASE("recognizer: junk, all caps, empty and sentence-less input", "[ner]") {
    const auto& r = recognizer();
    AnnotatedDocument empty;
    CHECK_NOTHROW(r.recognize(empty));
    CHECK(empty.mentions.empty());

    auto caps = make_doc("PAKISTAN AND CHINA SIGN MINERALS DEAL IN ISLAMABAD");
    CHECK_NOTHROW(r.recognize(caps));

    std::string junk;
    for (int k = 0; k < 2000; ++k) {
        junk += (k % 7 == 0) ? "\xff\xfe " : (k % 5 == 0) ? "\xe4\xb8\xad\xe5\x9b\xbd " : "Xy- ";
    }
    auto doc = make_doc(junk);
    doc.sentences.clear();  // no sentence split: recognized in chunks
    CHECK_NOTHROW(r.recognize(doc));
    for (const auto& m : doc.mentions) CHECK(m.end_token <= doc.tokens.size());
}

TEST_CASE("recognizer: rules only, raw tagger spans, threads", "[ner]") {
    auto rules = EntityRecognizer::rules_only(recognizer().gazetteer());
    CHECK_FALSE(rules.has_model());
    auto doc = make_doc("Pakistani officials met the Finance Ministry in Islamabad.");
    rules.recognize(doc);
    INFO(dump(doc));
    REQUIRE(find(doc, "Pakistani") != nullptr);
    REQUIRE(find(doc, "Finance Ministry") != nullptr);
    CHECK(rules.tag(doc.tokens).empty());

    auto doc2 = make_doc("Ruth Okafor visited Lagos.");
    auto spans = recognizer().tag(doc2.tokens);
    REQUIRE_FALSE(spans.empty());
    CHECK(spans.front().label == "PER");

    // the same results from several threads at once
    const std::string text =
        "Swedish Trade Minister Lena Holm met executives of Volvo Cars in Gothenburg and said "
        "Stockholm wanted closer ties with Japan.";
    auto reference = make_doc(text);
    recognizer().recognize(reference);
    const auto expected = dump(reference);
    std::vector<std::thread> threads;
    std::vector<std::string> results(4);
    for (std::size_t t = 0; t < results.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 20; ++k) {
                auto d = make_doc(text);
                recognizer().recognize(d);
                results[t] = dump(d);
            }
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("ner model: label helpers", "[ner]") {
    CHECK(ner_label_name(0) == "O");
    CHECK(ner_label_name(1) == "B-PER");
    CHECK(ner_label_name(1 + 4 * 2 + 3) == "U-LOC");
    std::vector<std::uint8_t> labels = {0, 1, 2, 3, 0, 1 + 4 * 2 + 3, 2};
    auto spans = ner_labels_to_spans(labels);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].first == 1);
    CHECK(spans[0].end == 4);
    CHECK(spans[1].cls == 2);
    CHECK(spans[2].first == 6);  // a dangling I- starts a span of its own
}

TEST_CASE("recognizer: title-case headline", "[ner]") {
    auto doc =
        make_doc("Zambia Signs Copper Pact With Chilean Miner, Eyes More Japanese Investment");
    recognizer().recognize(doc);
    INFO(dump(doc));
    REQUIRE(find(doc, "Zambia") != nullptr);
    CHECK(find(doc, "Zambia")->type == EntityType::Country);
    REQUIRE(find(doc, "Chilean") != nullptr);
    CHECK(find(doc, "Chilean")->type == EntityType::Country);
    REQUIRE(find(doc, "Japanese") != nullptr);
    for (const auto& m : doc.mentions) CHECK(m.type != EntityType::Person);
}

TEST_CASE("recognizer: suffix runs stop at names and prepositions", "[ner]") {
    auto doc = make_doc(
        "Dr. Lena Okoro of Westbrook University said Kestrel Motors would open a plant near "
        "Lusaka, and officials in Lusaka said the talks went well.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    REQUIRE(find(doc, "Westbrook University") != nullptr);
    CHECK(find(doc, "Westbrook University")->type == EntityType::Organization);
    REQUIRE(find(doc, "Lena Okoro") != nullptr);
    CHECK(find(doc, "Lena Okoro")->type == EntityType::Person);
    REQUIRE(find(doc, "Kestrel Motors") != nullptr);
    CHECK(find(doc, "Kestrel Motors")->type == EntityType::Organization);
    for (const auto& m : doc.mentions) {
        if (span_text(doc, m) == "Lusaka") CHECK(m.type == EntityType::Location);
    }
}

TEST_CASE("recognizer: surnames of persons named earlier", "[ner]") {
    auto doc = make_doc(
        "Trade Minister Lena Okoro arrived on Monday. Reporters asked whether Okoro would sign.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    int persons = 0;
    for (const auto& m : doc.mentions) {
        if (span_text(doc, m) == "Okoro") {
            CHECK(m.type == EntityType::Person);
            ++persons;
        }
    }
    CHECK(persons == 1);
}

TEST_CASE("recognizer: company context, digit acronyms, sign-off", "[ner]") {
    auto doc = make_doc(
        "Investors bought Zentrova shares after the G7 meeting, said Mara Velkova of Harlow and "
        "Co. Zentrova sold its stake in Malawi Telecom. Our Saviour was praised.");
    recognizer().recognize(doc);
    INFO(dump(doc));
    REQUIRE(find(doc, "G7") != nullptr);
    CHECK(find(doc, "G7")->type == EntityType::Organization);
    REQUIRE(find(doc, "Harlow and Co") != nullptr);
    CHECK(find(doc, "Harlow and Co")->type == EntityType::Organization);
    CHECK(find(doc, "Our Saviour") == nullptr);
    for (const auto& m : doc.mentions) {
        const auto text = span_text(doc, m);
        if (text == "Zentrova" || text == "Malawi Telecom") CHECK(m.type != EntityType::Person);
    }
}

TEST_CASE("recognizer: capitalized word after U.S., sign-off", "[ner]") {
    auto doc = make_doc("Delegates said the U.S. Position hardened");
    recognizer().recognize(doc);
    INFO(dump(doc));
    CHECK(find(doc, "U.S. Position") == nullptr);
    REQUIRE(find(doc, "U.S.") != nullptr);
    CHECK(find(doc, "U.S.")->type == EntityType::Country);
    auto end = make_doc("Officials said the talks went well. REUTER");
    recognizer().recognize(end);
    INFO(dump(end));
    CHECK(find(end, "REUTER") == nullptr);
}
