// Deterministic generator of synthetic extraction JSONL shards (schema/extraction.schema.json)
// for the benchmarks: N entities, M relations, documents of ~20 relations each.
//
//   kgforge_generate_synthetic [--entities N] [--relations M] [--scale S] [--shards K]
//                              [--seed X] [--threads T] --out DIR
//
// Every document is generated from its own RNG stream (seed, document number), so the
// output does not depend on the thread count and the shard files are byte-identical for a
// given (seed, N, M, K). Entity i always has the same name and type; names are syllable
// combinations that are unique per entity (a bijection of i onto 4 syllables), so the
// merged graph has exactly N entities. Each document introduces ~N/D "fresh" entities
// (so every entity appears) plus a few popular ones drawn from a power law (hubs).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

// ---- random numbers ----------------------------------------------------------------------
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(splitmix64(seed)) {}
    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return uniform() < p; }

  private:
    std::uint64_t state_;
};

// ---- vocabulary --------------------------------------------------------------------------
constexpr std::array<std::string_view, 48> kSyllables = {
    "ka", "ro", "ben", "ta",  "mi", "lo",  "sar", "vin", "do",  "re",  "zu",  "qua",
    "el", "an", "tor", "ish", "po", "la",  "gen", "fi",  "mar", "ul",  "ne",  "sto",
    "ha", "ju", "kel", "or",  "ba", "ti",  "vo",  "ren", "sa",  "dri", "mo",  "lin",
    "ga", "pe", "nor", "zé",  "ku", "ast", "wen", "hu",  "ly",  "dö",  "cal", "ven"};
constexpr std::uint64_t kNameSpace = 48ULL * 48 * 48 * 48;  // 5,308,416 unique 4-syllable codes

enum Type : int { Person, Organization, Country, Location };
constexpr std::array<std::string_view, 4> kTypeNames = {"PERSON", "ORGANIZATION", "COUNTRY",
                                                        "LOCATION"};
constexpr std::array<std::string_view, 6> kPersonSubtypes = {
    "", "Politician", "BusinessPerson", "Diplomat", "MilitaryOfficer", "Journalist"};
constexpr std::array<std::string_view, 6> kOrgSubtypes = {
    "Company", "GovernmentOrganization", "NGO", "PoliticalParty", "Bank", "ArmedGroup"};
constexpr std::array<std::string_view, 8> kOrgSuffixes = {
    "Holdings", "Group", "Ministry", "Bank", "Corporation", "& Sons", "Institute", "Alliance"};
constexpr std::array<std::string_view, 5> kPlaceSuffixes = {"City", "Valley", "Port", "Province",
                                                            "Heights"};
constexpr std::array<std::string_view, 12> kSources = {
    "Daily Ledger",   "The Observer Post", "Harbor Times",    "Global Wire",
    "Metro Herald",   "Evening Star",      "Capital News",    "The Frontier",
    "Business Daily", "World Report",      "Coastal Gazette", "The Sentinel"};
constexpr std::array<std::string_view, 8> kRoles = {"spokesman", "chief executive", "minister",
                                                    "chairman",  "ambassador",      "adviser",
                                                    "founder",   "general"};
constexpr std::array<std::string_view, 10> kFillers = {"officials said",
                                                       "according to a statement",
                                                       "the ministry confirmed",
                                                       "sources familiar with the matter said",
                                                       "in a televised address",
                                                       "people briefed on the talks said",
                                                       "a spokesperson told reporters",
                                                       "the agency reported",
                                                       "documents seen by the paper show",
                                                       "analysts noted"};
constexpr std::array<std::string_view, 7> kWhen = {
    "on Monday", "on Tuesday", "on Wednesday",      "on Thursday",
    "on Friday", "last week",  "earlier this month"};

struct RelationKind {
    std::string_view type;
    std::array<std::string_view, 3> labels;
    bool amount;
};
constexpr std::array<RelationKind, 19> kRelations = {{
    {"ASSURED", {"assured", "pledged to", "promised"}, false},
    {"SIGNED_AGREEMENT_WITH",
     {"signed an agreement with", "signed MoU with", "inked a deal with"},
     true},
    {"NEGOTIATES_WITH", {"held talks with", "negotiates with", "consulted"}, false},
    {"MET_WITH", {"met", "met with", "held a meeting with"}, false},
    {"VISITED", {"visited", "travelled to", "arrived in"}, false},
    {"COOPERATES_WITH", {"cooperates with", "partnered with", "joined forces with"}, false},
    {"TRADES_WITH", {"trades with", "exports to", "imports from"}, true},
    {"SUPPORTS", {"backed", "supports", "welcomed"}, false},
    {"CRITICIZES", {"criticized", "condemned", "slammed"}, false},
    {"SANCTIONS", {"sanctioned", "imposed sanctions on", "blacklisted"}, false},
    {"THREATENS", {"threatened", "warned", "vowed action against"}, false},
    {"ATTACKED", {"attacked", "struck", "shelled"}, false},
    {"ACQUIRED", {"acquired", "bought", "took over"}, true},
    {"INVESTS_IN", {"invested in", "funds", "bought a stake in"}, true},
    {"AIDS", {"gave aid to", "extended a loan to", "granted relief to"}, true},
    {"LEGAL_ACTION_AGAINST", {"sued", "filed a case against", "took to court"}, false},
    {"AFFILIATED_WITH", {"works for", "is a member of", "represents"}, false},
    {"PART_OF", {"is part of", "belongs to", "is a unit of"}, false},
    {"LOCATED_IN", {"is located in", "is based in", "lies in"}, false},
}};
// Relative frequencies of the relation types (news is mostly meetings, talks, support).
constexpr std::array<int, 19> kRelationWeights = {4, 6, 8, 12, 7, 6, 4, 8, 7, 3,
                                                  3, 3, 3, 4,  3, 2, 8, 4, 5};

// ---- entities ----------------------------------------------------------------------------
struct Options {
    std::uint64_t entities = 1'000'000;
    std::uint64_t relations = 5'000'000;
    double scale = 1.0;
    unsigned shards = 8;
    std::uint64_t seed = 42;
    unsigned threads = 2;
    std::string out;
};

Type entity_type(std::uint64_t i) {
    const auto h = splitmix64(i ^ 0xA5A5A5A5ULL) % 100;
    if (h < 40) return Person;
    if (h < 78) return Organization;
    if (h < 83) return Country;
    return Location;
}

void append_word(std::string& out, std::uint64_t a, std::uint64_t b, bool capital) {
    std::size_t start = out.size();
    out += kSyllables[a];
    out += kSyllables[b];
    if (capital && out[start] >= 'a' && out[start] <= 'z')
        out[start] = static_cast<char>(out[start] - 32);
}

struct EntityText {
    std::string name;
    std::string alias;  // may be empty
    std::string_view subtype;
    std::string wikidata;  // may be empty
};

// Entity i's name is a bijection of i onto four syllables (unique), dressed per type.
EntityText entity_text(std::uint64_t i) {
    // Multiplier coprime to 48^4 = 2^16 * 3^4: odd and not divisible by 3.
    const std::uint64_t code = (i * 2654435761ULL + 12345) % kNameSpace;
    const std::uint64_t d0 = code % 48, d1 = code / 48 % 48, d2 = code / 2304 % 48,
                        d3 = code / 110592 % 48;
    const auto h = splitmix64(i);
    EntityText t;
    switch (entity_type(i)) {
        case Person:
            append_word(t.name, d0, d1, true);
            t.name += ' ';
            append_word(t.name, d2, d3, true);
            t.alias = t.name.substr(t.name.find(' ') + 1);  // the family name
            t.subtype = kPersonSubtypes[h % kPersonSubtypes.size()];
            break;
        case Organization:
            append_word(t.name, d0, d1, true);
            append_word(t.name, d2, d3, false);
            t.alias = t.name;
            t.name += ' ';
            t.name += kOrgSuffixes[h % kOrgSuffixes.size()];
            t.subtype = kOrgSubtypes[(h >> 8) % kOrgSubtypes.size()];
            break;
        case Country:
            if (h % 2) t.name = "Republic of ";
            append_word(t.name, d0, d1, true);
            append_word(t.name, d2, d3, false);
            t.name += "ia";
            t.subtype = "Country";
            break;
        case Location:
            append_word(t.name, d0, d1, true);
            append_word(t.name, d2, d3, false);
            t.name += ' ';
            t.name += kPlaceSuffixes[h % kPlaceSuffixes.size()];
            t.subtype = (h >> 8) % 3 ? "City" : "Region";
            break;
    }
    if ((h >> 16) % 10 == 0) {
        char q[24] = "Q";
        const auto end = std::to_chars(q + 1, q + sizeof q, 10'000'000 + i).ptr;
        t.wikidata.assign(q, end);
    }
    return t;
}

// ---- JSON writing --------------------------------------------------------------------------
void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += c;
        }
    }
    out += '"';
}

void json_uint(std::string& out, std::uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Days since 1970-01-01 to "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
std::string civil_date(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y + (m <= 2)), m, d);
    return buf;
}

// ---- documents ---------------------------------------------------------------------------
struct Plan {
    std::uint64_t documents = 0;
    std::vector<std::uint32_t> relation_count;  // per document
    std::uint64_t entities = 0;
};

Plan make_plan(std::uint64_t entities, std::uint64_t relations, std::uint64_t seed) {
    Plan plan;
    plan.entities = entities;
    plan.documents = std::max<std::uint64_t>(1, relations / 20);
    plan.relation_count.resize(plan.documents);
    std::uint64_t total = 0;
    for (std::uint64_t d = 0; d < plan.documents; ++d) {
        const auto r = static_cast<std::uint32_t>(10 + splitmix64(seed * 31 + d) % 21);  // 10..30
        plan.relation_count[d] = r;
        total += r;
    }
    // Adjust to exactly `relations`, spreading the difference over the documents.
    for (std::uint64_t d = 0; total != relations; d = (d + 1) % plan.documents) {
        auto& r = plan.relation_count[d];
        if (total > relations && r > 1) {
            --r;
            --total;
        } else if (total < relations) {
            ++r;
            ++total;
        }
    }
    return plan;
}

constexpr std::array<int, 19> cumulative_weights() {
    std::array<int, 19> c{};
    int sum = 0;
    for (std::size_t i = 0; i < c.size(); ++i) c[i] = sum += kRelationWeights[i];
    return c;
}
constexpr auto kCumulative = cumulative_weights();

std::size_t pick_relation(Rng& rng) {
    const auto x = static_cast<int>(rng.below(static_cast<std::uint64_t>(kCumulative.back())));
    return static_cast<std::size_t>(std::upper_bound(kCumulative.begin(), kCumulative.end(), x) -
                                    kCumulative.begin());
}

struct DocEntity {
    std::uint64_t index;
    EntityText text;
};

void write_document(std::string& out, const Plan& plan, std::uint64_t d, std::uint64_t seed) {
    Rng rng(seed * 0x100000001B3ULL + d);
    const std::uint64_t n = plan.entities, D = plan.documents;
    const auto relations = plan.relation_count[d];

    // Entities: the fresh ones of this document, then hubs from a power law.
    std::vector<DocEntity> ents;
    const std::uint64_t fresh_begin = d * n / D, fresh_end = (d + 1) * n / D;
    for (auto i = fresh_begin; i < fresh_end; ++i) ents.push_back({i, {}});
    const std::uint64_t wanted = std::max<std::uint64_t>(relations / 2 + 2, ents.size() + 2);
    for (int attempts = 0; ents.size() < std::min(wanted, n) && attempts < 100; ++attempts) {
        const double u = rng.uniform();
        // Power law over popularity ranks, then scattered over the index space.
        const auto rank = static_cast<std::uint64_t>(static_cast<double>(n) * u * u * u * u);
        const auto i = (std::min(rank, n - 1) * 0x9E3779B97F4A7C15ULL) % n;
        if (std::none_of(ents.begin(), ents.end(),
                         [&](const DocEntity& e) { return e.index == i; }))
            ents.push_back({i, {}});
    }
    for (auto& e : ents) e.text = entity_text(e.index);

    // Date: 2015-01-01 plus a spread over ten years, documents roughly in time order.
    const std::int64_t day =
        16436 + static_cast<std::int64_t>(d * 3650 / D) + static_cast<std::int64_t>(rng.below(30));
    const auto date = civil_date(day);
    const auto source = kSources[rng.below(kSources.size())];

    struct Rel {
        std::size_t s, o, kind, label;
    };
    std::vector<Rel> rels(relations);
    for (std::uint32_t r = 0; r < relations; ++r) {
        auto& rel = rels[r];
        rel.s = r < ents.size() ? r : rng.below(ents.size());
        rel.o = rng.below(ents.size());
        if (ents.size() > 1)
            while (rel.o == rel.s) rel.o = rng.below(ents.size());
        rel.kind = pick_relation(rng);
        rel.label = rng.below(3);
    }

    out += "{\"document\":{\"id\":\"synth-";
    char id[16];
    std::snprintf(id, sizeof id, "%08llu", static_cast<unsigned long long>(d));
    out += id;
    out += "\",\"title\":";
    {
        const auto& r0 = rels[0];
        std::string title = ents[r0.s].text.name;
        title += ' ';
        title += kRelations[r0.kind].labels[r0.label];
        title += ' ';
        title += ents[r0.o].text.name;
        json_string(out, title);
    }
    out += ",\"date\":\"";
    out += date;
    out += "\",\"url\":\"https://news.example.org/";
    out += date.substr(0, 4);
    out += "/synth-";
    out += id;
    out += "?ref=bench&amp=1\",\"source\":";
    json_string(out, source);
    out += "},\"entities\":[";
    for (std::size_t k = 0; k < ents.size(); ++k) {
        const auto& t = ents[k].text;
        if (k) out += ',';
        out += "{\"id\":\"e";
        json_uint(out, k);
        out += "\",\"name\":";
        json_string(out, t.name);
        out += ",\"type\":\"";
        out += kTypeNames[entity_type(ents[k].index)];
        out += '"';
        if (!t.subtype.empty()) {
            out += ",\"subtype\":";
            json_string(out, t.subtype);
        }
        if (!t.alias.empty() && rng.chance(0.3)) {
            out += ",\"aliases\":[";
            json_string(out, t.alias);
            out += ']';
        }
        if (!t.wikidata.empty()) {
            out += ",\"external_ids\":{\"wikidata\":\"";
            out += t.wikidata;
            out += "\"}";
        }
        out += ",\"mentions\":";
        json_uint(out, 1 + rng.below(5));
        out += '}';
    }
    out += "],\"relations\":[";
    std::uint64_t offset = 0;
    std::string sentence;
    for (std::uint32_t r = 0; r < relations; ++r) {
        const auto& rel = rels[r];
        const auto& kind = kRelations[rel.kind];
        const auto label = kind.labels[rel.label];
        const bool negated = rng.chance(0.03), hypothetical = rng.chance(0.05);
        std::string amount;
        if (kind.amount && rng.chance(0.5)) {
            amount = "$";
            amount += std::to_string(1 + rng.below(900));
            amount += rng.chance(0.5) ? " million" : " billion";
        }
        std::string_view role;
        if (rel.kind == 16 && rng.chance(0.6)) role = kRoles[rng.below(kRoles.size())];

        sentence.clear();
        sentence += ents[rel.s].text.name;
        sentence += negated ? " did not say it " : (hypothetical ? " may have " : " ");
        sentence += label;
        sentence += ' ';
        sentence += ents[rel.o].text.name;
        if (!amount.empty()) {
            sentence += " for ";
            sentence += amount;
        }
        sentence += ' ';
        sentence += kWhen[rng.below(kWhen.size())];
        sentence += ", ";
        sentence += kFillers[rng.below(kFillers.size())];
        sentence += '.';
        const auto length = code_points(sentence);
        const auto start = offset;
        offset += length + 1 + rng.below(200);  // other sentences between evidence

        if (r) out += ',';
        out += "{\"subject\":\"e";
        json_uint(out, rel.s);
        out += "\",\"object\":\"e";
        json_uint(out, rel.o);
        out += "\",\"type\":\"";
        out += kind.type;
        out += "\",\"label\":";
        json_string(out, label);
        out += ",\"confidence\":0.";
        json_uint(out, 50 + rng.below(50));
        out += ",\"attributes\":{";
        bool comma = false;
        if (!amount.empty()) {
            out += "\"amount\":";
            json_string(out, amount);
            comma = true;
        }
        if (!role.empty()) {
            if (comma) out += ',';
            out += "\"role\":";
            json_string(out, role);
            comma = true;
        }
        if (comma) out += ',';
        out += negated ? "\"negated\":true" : "\"negated\":false";
        out += hypothetical ? ",\"hypothetical\":true}" : ",\"hypothetical\":false}";
        out += ",\"evidence\":{\"sentence\":";
        json_string(out, sentence);
        out += ",\"start\":";
        json_uint(out, start);
        out += ",\"end\":";
        json_uint(out, start + length);
        out += "},\"rule\":\"synthetic:";
        out += kind.type;
        out += "\"}";
    }
    out += "]}\n";
}

struct ShardResult {
    std::uint64_t bytes = 0;
    std::uint64_t documents = 0;
    bool ok = true;
};

void write_shard(const Plan& plan, const Options& opt, unsigned shard, ShardResult& result) {
    const std::uint64_t begin = plan.documents * shard / opt.shards;
    const std::uint64_t end = plan.documents * (shard + 1) / opt.shards;
    char name[32];
    std::snprintf(name, sizeof name, "shard-%03u.jsonl", shard);
    const auto path = std::filesystem::path(opt.out) / name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "generate_synthetic: cannot write %s\n", path.c_str());
        result.ok = false;
        return;
    }
    std::string buffer;
    buffer.reserve(1 << 21);
    for (auto d = begin; d < end; ++d) {
        write_document(buffer, plan, d, opt.seed);
        if (buffer.size() >= (1 << 20)) {
            result.ok &= std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
            result.bytes += buffer.size();
            buffer.clear();
        }
    }
    result.ok &= std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
    result.bytes += buffer.size();
    result.documents = end - begin;
    result.ok &= std::fclose(f) == 0;
}

[[noreturn]] void usage(int code) {
    std::fprintf(code ? stderr : stdout,
                 "usage: kgforge_generate_synthetic --out DIR [--entities N] [--relations M]\n"
                 "         [--scale S] [--shards K] [--seed X] [--threads T]\n"
                 "Defaults: 1,000,000 entities, 5,000,000 relations, scale 1, 8 shards, seed 42.\n"
                 "--scale multiplies both counts (e.g. 0.01 for a quick run).\n");
    std::exit(code);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(2);
            return argv[++i];
        };
        if (a == "--entities")
            opt.entities = std::stoull(value());
        else if (a == "--relations")
            opt.relations = std::stoull(value());
        else if (a == "--scale")
            opt.scale = std::stod(value());
        else if (a == "--shards")
            opt.shards = static_cast<unsigned>(std::stoul(value()));
        else if (a == "--seed")
            opt.seed = std::stoull(value());
        else if (a == "--threads")
            opt.threads = static_cast<unsigned>(std::stoul(value()));
        else if (a == "--out" || a == "-o")
            opt.out = value();
        else if (a == "-h" || a == "--help")
            usage(0);
        else
            usage(2);
    }
    if (opt.out.empty() || opt.shards == 0 || opt.scale <= 0) usage(2);
    const auto entities = std::max<std::uint64_t>(
        2, static_cast<std::uint64_t>(std::llround(static_cast<double>(opt.entities) * opt.scale)));
    const auto relations = std::max<std::uint64_t>(
        1,
        static_cast<std::uint64_t>(std::llround(static_cast<double>(opt.relations) * opt.scale)));
    if (entities > kNameSpace) {
        std::fprintf(stderr, "generate_synthetic: at most %llu entities\n",
                     static_cast<unsigned long long>(kNameSpace));
        return 2;
    }
    std::filesystem::create_directories(opt.out);
    for (const auto& entry : std::filesystem::directory_iterator(opt.out)) {
        if (entry.path().extension() == ".jsonl") std::filesystem::remove(entry.path());
    }

    const auto plan = make_plan(entities, relations, opt.seed);
    std::vector<ShardResult> results(opt.shards);
    std::vector<std::thread> workers;
    const unsigned threads = std::max(1u, std::min(opt.threads, opt.shards));
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (unsigned s = t; s < opt.shards; s += threads)
                write_shard(plan, opt, s, results[s]);
        });
    }
    for (auto& w : workers) w.join();

    std::uint64_t bytes = 0;
    bool ok = true;
    for (const auto& r : results) {
        bytes += r.bytes;
        ok &= r.ok;
    }
    // A manifest for the harness.
    const auto manifest = std::filesystem::path(opt.out) / "generator.manifest";
    if (std::FILE* f = std::fopen(manifest.c_str(), "wb")) {
        std::fprintf(f,
                     "{\"seed\":%llu,\"entities\":%llu,\"relations\":%llu,\"documents\":%llu,"
                     "\"shards\":%u,\"bytes\":%llu}\n",
                     static_cast<unsigned long long>(opt.seed),
                     static_cast<unsigned long long>(entities),
                     static_cast<unsigned long long>(relations),
                     static_cast<unsigned long long>(plan.documents), opt.shards,
                     static_cast<unsigned long long>(bytes));
        ok &= std::fclose(f) == 0;
    } else {
        ok = false;
    }
    std::printf("%llu entities, %llu relations, %llu documents, %u shards, %.1f MB in %s\n",
                static_cast<unsigned long long>(entities),
                static_cast<unsigned long long>(relations),
                static_cast<unsigned long long>(plan.documents), opt.shards,
                static_cast<double>(bytes) / 1e6, opt.out.c_str());
    return ok ? 0 : 1;
}
