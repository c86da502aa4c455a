#include "nlp/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "kgforge/error.hpp"

namespace kgforge::nlp {

namespace {

// Decodes one UTF-8 code point at text[i]; advances i. Invalid bytes decode as themselves.
char32_t decode_utf8(std::string_view text, std::size_t& i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
        ++i;
        return byte;
    }
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
        ++i;
        return byte;
    }
    char32_t cp = byte & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            return byte;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void encode_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_upper_cp(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return true;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
    if (cp >= 0x100 && cp <= 0x17F) return (cp % 2) == 0 && cp != 0x138;
    if (cp >= 0x391 && cp <= 0x3A9) return true;
    if (cp >= 0x400 && cp <= 0x42F) return true;
    return false;
}

char32_t lower_cp(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && (cp % 2) == 0 && cp != 0x138) return cp + 1;
    if (cp >= 0x391 && cp <= 0x3A9) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp == 0x2019 || cp == 0x2018) return '\'';
    return cp;
}

// Appends the folded form of `text` without spaces (keys ignore token boundaries); with
// keep_spaces, single spaces stay (used when building, to know where words end).
void append_key(std::string_view text, bool fold, std::string& out, bool keep_spaces = false) {
    bool ascii = true;
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (char c : text) {
            if (c == ' ' || c == '\t') {
                if (keep_spaces && !out.empty() && out.back() != ' ') out.push_back(' ');
                continue;
            }
            out.push_back(fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
        }
        return;
    }
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = decode_utf8(text, i);
        if (cp == ' ' || cp == '\t' || cp == 0xA0) {
            if (keep_spaces && !out.empty() && out.back() != ' ') out.push_back(' ');
            continue;
        }
        if (fold) {
            cp = lower_cp(cp);
        } else if (cp == 0x2019 || cp == 0x2018) {
            cp = '\'';
        }
        encode_utf8(cp, out);
    }
}

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    fields.reserve(12);
    std::size_t start = 0;
    while (true) {
        auto tab = line.find('\t', start);
        if (tab == std::string_view::npos) {
            fields.push_back(line.substr(start));
            break;
        }
        fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    return fields;
}

// The non-empty, non-comment lines of a table file, as views into the file's bytes (read in
// one call: the tables are a few MB and load at every start).
class TableLines {
  public:
    explicit TableLines(const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary | std::ios::ate);
        if (!in) throw Error(ErrorKind::Model, "cannot open gazetteer table", file.string());
        bytes_.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
        in.seekg(0);
        in.read(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
        if (in.gcount() != static_cast<std::streamsize>(bytes_.size()))
            throw Error(ErrorKind::Model, "cannot read gazetteer table", file.string());
        std::string_view rest(bytes_);
        while (!rest.empty()) {
            const auto nl = rest.find('\n');
            std::string_view line = rest.substr(0, nl);
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line[0] == '#') continue;
            lines_.push_back(line);
        }
    }
    TableLines(const TableLines&) = delete;  // the views point into bytes_
    TableLines& operator=(const TableLines&) = delete;
    std::size_t size() const { return lines_.size(); }
    std::string_view operator[](std::size_t i) const { return lines_[i]; }
    auto begin() const { return lines_.begin(); }
    auto end() const { return lines_.end(); }

  private:
    std::string bytes_;
    std::vector<std::string_view> lines_;
};

TableLines read_lines(const std::filesystem::path& file) {
    return TableLines(file);
}

long parse_int(std::string_view text, const std::filesystem::path& file, std::size_t line) {
    long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        throw Error(ErrorKind::Model, "bad number in gazetteer table", file.string(), line);
    }
    return value;
}

constexpr std::size_t kMaxMatchTokens = 10;

constexpr std::uint64_t kHashStart = 1469598103934665603ULL;
inline std::uint64_t hash_byte(std::uint64_t h, unsigned char c) {
    return (h ^ c) * 1099511628211ULL;
}
std::uint64_t hash_key(std::string_view key) {
    std::uint64_t h = kHashStart;
    for (char c : key) h = hash_byte(h, static_cast<unsigned char>(c));
    return h;
}
bool is_word_byte(char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}
// Feeds the key bytes of one token (as append_key would produce them) into a hash.
std::uint64_t hash_token(std::uint64_t h, std::string_view text, bool fold, std::string& scratch) {
    bool ascii = true;
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (char c : text) {
            if (c == ' ' || c == '\t') continue;
            if (fold && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            h = hash_byte(h, static_cast<unsigned char>(c));
        }
        return h;
    }
    scratch.clear();
    append_key(text, fold, scratch);
    for (char c : scratch) h = hash_byte(h, static_cast<unsigned char>(c));
    return h;
}

// A bit set indexed by hash (compact enough to stay in cache).
class HashBits {
  public:
    void init(std::size_t n) {
        std::size_t bits = 1 << 12;
        while (bits < n * 12) bits <<= 1;
        words_.assign(bits / 64, 0);
        mask_ = bits - 1;
    }
    void insert(std::uint64_t h) {
        auto bit = static_cast<std::size_t>((h ^ (h >> 31)) & mask_);
        words_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
    bool contains(std::uint64_t h) const {
        if (words_.empty()) return false;
        auto bit = static_cast<std::size_t>((h ^ (h >> 31)) & mask_);
        return (words_[bit >> 6] >> (bit & 63)) & 1;
    }

  private:
    std::vector<std::uint64_t> words_;
    std::size_t mask_ = 0;
};

// Open-addressing map from 64-bit hashes to 32-bit values.
class FlatMap {
  public:
    void init(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        keys_.assign(cap, 0);
        values_.assign(cap, 0);
        mask_ = cap - 1;
    }
    void insert(std::uint64_t key, std::uint32_t value) {
        key = key ? key : 1;
        std::size_t slot = static_cast<std::size_t>(key ^ (key >> 29)) & mask_;
        while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
        if (keys_[slot] == 0) {
            keys_[slot] = key;
            values_[slot] = value;
        }
    }
    const std::uint32_t* find(std::uint64_t key) const {
        if (keys_.empty()) return nullptr;
        key = key ? key : 1;
        std::size_t slot = static_cast<std::size_t>(key ^ (key >> 29)) & mask_;
        while (keys_[slot] != 0) {
            if (keys_[slot] == key) return &values_[slot];
            slot = (slot + 1) & mask_;
        }
        return nullptr;
    }
    std::uint32_t* find(std::uint64_t key) {
        return const_cast<std::uint32_t*>(static_cast<const FlatMap*>(this)->find(key));
    }

  private:
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> values_;
    std::size_t mask_ = 0;
};

}  // namespace

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32)
                                                     : static_cast<char>(byte));
            ++i;
            continue;
        }
        encode_utf8(lower_cp(decode_utf8(text, i)), out);
    }
    return out;
}

bool starts_upper(std::string_view text) {
    if (text.empty()) return false;
    std::size_t i = 0;
    return is_upper_cp(decode_utf8(text, i));
}

std::string_view gazetteer_kind_name(GazetteerKind kind) {
    static constexpr std::array<std::string_view, kGazetteerKindCount> names = {
        "country", "demonym",     "capital", "city",      "organization",
        "person",  "description", "role",    "org_suffix"};
    return names[static_cast<std::size_t>(kind)];
}

struct Gazetteer::Data {
    struct Entry {
        GazetteerKind kind;
        bool any_case;  // matches without a capital letter (role words, suffixes, descriptions)
        int id;
        int aux;  // description: index into descriptions
    };
    // Keys are FNV-1a hashes of the phrase without spaces (folded or exact case), so a match
    // can be extended token by token without building strings. `prefixes` holds the hashes of
    // every key prefix that ends at a possible token boundary.
    struct Table {
        FlatMap index;      // key hash -> index into entries
        HashBits prefixes;  // prefix hashes (a one-hash Bloom filter: false positives only
                            // cost a few extra probes)
        std::vector<std::vector<Entry>> entries;

        const std::vector<Entry>* find(std::uint64_t hash) const {
            const auto* v = index.find(hash);
            return v ? &entries[*v] : nullptr;
        }
    };
    std::vector<CountryInfo> countries;
    std::unordered_map<std::string, int> iso3_index;
    std::vector<CityInfo> cities;
    std::vector<OrganizationInfo> organizations;
    std::vector<PersonInfo> persons;
    std::vector<std::vector<int>> descriptions;
    FlatMap common_words;       // hash of the folded word -> 0
    FlatMap person_name_words;  // folded first and last words of the persons' names
    Table exact;                // keys in original case (acronyms)
    Table folded;               // keys lower-cased

    static void build(Table& table, std::vector<std::pair<std::string, Entry>>& raw) {
        std::size_t prefix_count = 0;
        for (const auto& item : raw) prefix_count += item.first.size();
        table.index.init(raw.size());
        table.prefixes.init(prefix_count);
        for (auto& [key, entry] : raw) {
            std::uint64_t h = kHashStart;
            for (std::size_t i = 0; i < key.size(); ++i) {
                if (key[i] == ' ') continue;
                h = hash_byte(h, static_cast<unsigned char>(key[i]));
                const bool boundary = i + 1 == key.size() || !is_word_byte(key[i]) ||
                                      !is_word_byte(key[i + 1]);  // a space is no word byte
                if (boundary) table.prefixes.insert(h);
            }
            auto* slot = table.index.find(h);
            if (!slot) {
                table.index.insert(h, static_cast<std::uint32_t>(table.entries.size()));
                table.entries.emplace_back();
                slot = table.index.find(h);
            }
            auto& list = table.entries[*slot];
            bool duplicate = false;
            for (const auto& e : list) {
                if (e.kind == entry.kind && e.id == entry.id) duplicate = true;
            }
            if (!duplicate) list.push_back(entry);
        }
    }

    // Entries of one kind for a name given as a string.
    const Entry* lookup(std::string_view name, GazetteerKind kind, bool require_case) const {
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        std::string key;
        append_key(name, false, key);
        if (const auto* list = exact.find(hash_key(key))) {
            for (const auto& e : *list) {
                if (e.kind == kind) return &e;
            }
        }
        key.clear();
        append_key(name, true, key);
        if (const auto* list = folded.find(hash_key(key))) {
            for (const auto& e : *list) {
                if (e.kind != kind) continue;
                if (require_case && !e.any_case && !starts_upper(name)) continue;
                return &e;
            }
        }
        return nullptr;
    }
};

Gazetteer::Gazetteer() : data_(std::make_shared<Data>()) {}
Gazetteer::Gazetteer(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

Gazetteer Gazetteer::load(const std::filesystem::path& dir_in) {
    std::filesystem::path dir = dir_in;
    if (!std::filesystem::exists(dir / "countries.tsv") &&
        std::filesystem::exists(dir / "gazetteer" / "countries.tsv")) {
        dir = dir / "gazetteer";
    }
    auto data = std::make_shared<Data>();
    {
        auto file = dir / "countries.tsv";
        auto lines = read_lines(file);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            auto f = split_tabs(lines[n]);
            if (f.size() < 8) throw Error(ErrorKind::Model, "bad row", file.string(), n + 1);
            CountryInfo c;
            c.iso3 = f[0];
            c.name = f[1];
            c.qid = f[2];
            c.iso2 = f[3];
            c.capital = f[4];
            c.region = f[5];
            c.subregion = f[6];
            c.independent = f[7] == "1";
            data->iso3_index[c.iso3] = static_cast<int>(data->countries.size());
            data->countries.push_back(std::move(c));
        }
    }
    auto country_of = [&](std::string_view iso3) {
        auto it = data->iso3_index.find(std::string(iso3));
        return it == data->iso3_index.end() ? -1 : it->second;
    };
    {
        auto file = dir / "cities.tsv";
        auto lines = read_lines(file);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            auto f = split_tabs(lines[n]);
            if (f.size() < 4) throw Error(ErrorKind::Model, "bad row", file.string(), n + 1);
            CityInfo c;
            c.name = f[0];
            c.country = country_of(f[1]);
            c.population = static_cast<std::uint64_t>(parse_int(f[2], file, n + 1));
            c.subtype = f[3];
            data->cities.push_back(std::move(c));
        }
    }
    {
        auto file = dir / "organizations.tsv";
        auto lines = read_lines(file);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            auto f = split_tabs(lines[n]);
            if (f.size() < 3) throw Error(ErrorKind::Model, "bad row", file.string(), n + 1);
            data->organizations.push_back(
                {std::string(f[0]), std::string(f[1]), std::string(f[2])});
        }
    }
    {
        auto file = dir / "persons.tsv";
        auto lines = read_lines(file);
        for (std::size_t n = 0; n < lines.size(); ++n) {
            auto f = split_tabs(lines[n]);
            if (f.size() < 2) throw Error(ErrorKind::Model, "bad row", file.string(), n + 1);
            data->persons.push_back({std::string(f[0]), country_of(f[1])});
        }
        data->person_name_words.init(data->persons.size() * 2);
        std::string key;
        for (const auto& p : data->persons) {
            const std::string_view name = p.name;
            const auto first_space = name.find(' ');
            if (first_space == std::string_view::npos) continue;
            const auto last_space = name.rfind(' ');
            for (const auto word : {name.substr(0, first_space), name.substr(last_space + 1)}) {
                if (word.size() < 3 || word.back() == '.') continue;  // initials
                key.clear();
                append_key(word, true, key);
                data->person_name_words.insert(hash_key(key), 0);
            }
        }
    }
    std::vector<std::pair<std::string, Data::Entry>> exact_raw;
    std::vector<std::pair<std::string, Data::Entry>> folded_raw;
    {
        auto file = dir / "names.tsv";
        auto lines = read_lines(file);
        exact_raw.reserve(lines.size() / 8);
        folded_raw.reserve(lines.size());
        for (std::size_t n = 0; n < lines.size(); ++n) {
            auto f = split_tabs(lines[n]);
            if (f.size() < 4) throw Error(ErrorKind::Model, "bad row", file.string(), n + 1);
            Data::Entry e{GazetteerKind::Country, false, -1, -1};
            auto kind = f[1];
            auto value = f[2];
            auto bad = [&] {
                return Error(ErrorKind::Model, "bad value in names table", file.string(), n + 1);
            };
            auto index_in = [&](std::size_t size) {
                long v = parse_int(value, file, n + 1);
                if (v < 0 || static_cast<std::size_t>(v) >= size) throw bad();
                return static_cast<int>(v);
            };
            if (kind == "country" || kind == "demonym" || kind == "capital") {
                e.kind = kind == "country"   ? GazetteerKind::Country
                         : kind == "demonym" ? GazetteerKind::Demonym
                                             : GazetteerKind::Capital;
                e.id = country_of(value);
                if (e.id < 0) continue;
            } else if (kind == "city") {
                e.kind = GazetteerKind::City;
                e.id = index_in(data->cities.size());
            } else if (kind == "organization") {
                e.kind = GazetteerKind::Organization;
                e.id = index_in(data->organizations.size());
            } else if (kind == "person") {
                e.kind = GazetteerKind::Person;
                e.id = index_in(data->persons.size());
            } else if (kind == "description") {
                e.kind = GazetteerKind::Description;
                e.any_case = true;
                std::vector<int> list;
                std::size_t start = 0;
                while (start <= value.size()) {
                    auto comma = value.find(',', start);
                    if (comma == std::string_view::npos) comma = value.size();
                    int c = country_of(value.substr(start, comma - start));
                    if (c >= 0) list.push_back(c);
                    start = comma + 1;
                }
                if (list.empty()) continue;
                e.id = list.front();
                e.aux = static_cast<int>(data->descriptions.size());
                data->descriptions.push_back(std::move(list));
            } else if (kind == "role") {
                e.kind = GazetteerKind::RoleWord;
                e.any_case = true;
            } else if (kind == "org_suffix") {
                e.kind = GazetteerKind::OrgSuffix;
                e.any_case = true;
            } else {
                continue;  // unknown kinds are ignored (newer tables)
            }
            std::string key;
            if (f[3] == "A") {
                append_key(f[0], false, key, true);
                exact_raw.emplace_back(std::move(key), e);
            } else {
                append_key(f[0], true, key, true);
                folded_raw.emplace_back(std::move(key), e);
            }
        }
    }
    {
        auto file = dir / "common_words.txt";
        if (std::filesystem::exists(file)) {  // optional (older model folders lack it)
            auto lines = read_lines(file);
            data->common_words.init(lines.size());
            for (const auto& line : lines) data->common_words.insert(hash_key(line), 0);
        }
    }
    Data::build(data->exact, exact_raw);
    Data::build(data->folded, folded_raw);
    return Gazetteer(std::move(data));
}

std::span<const CountryInfo> Gazetteer::countries() const {
    return data_->countries;
}
std::span<const CityInfo> Gazetteer::cities() const {
    return data_->cities;
}
std::span<const OrganizationInfo> Gazetteer::organizations() const {
    return data_->organizations;
}
std::span<const PersonInfo> Gazetteer::persons() const {
    return data_->persons;
}

namespace {
std::string_view strip_article(std::string_view name) {
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    for (std::string_view article : {"the ", "The ", "THE ", "a ", "A ", "an ", "An "}) {
        if (name.starts_with(article)) return name.substr(article.size());
    }
    return name;
}
}  // namespace

int Gazetteer::country_index(std::string_view name) const {
    const auto* e = data_->lookup(strip_article(name), GazetteerKind::Country, true);
    return e ? e->id : -1;
}

const CountryInfo* Gazetteer::country_by_name(std::string_view name) const {
    int i = country_index(name);
    return i < 0 ? nullptr : &data_->countries[static_cast<std::size_t>(i)];
}

const CountryInfo* Gazetteer::country_by_iso3(std::string_view iso3) const {
    auto it = data_->iso3_index.find(std::string(iso3));
    return it == data_->iso3_index.end() ? nullptr
                                         : &data_->countries[static_cast<std::size_t>(it->second)];
}

const CountryInfo* Gazetteer::country_of_demonym(std::string_view adjective) const {
    const auto* e = data_->lookup(adjective, GazetteerKind::Demonym, false);
    return e ? &data_->countries[static_cast<std::size_t>(e->id)] : nullptr;
}

const CountryInfo* Gazetteer::country_of_capital(std::string_view capital) const {
    const auto* e = data_->lookup(capital, GazetteerKind::Capital, false);
    return e ? &data_->countries[static_cast<std::size_t>(e->id)] : nullptr;
}

std::vector<const CountryInfo*> Gazetteer::countries_of_description(std::string_view phrase) const {
    std::vector<const CountryInfo*> out;
    const auto* e = data_->lookup(strip_article(phrase), GazetteerKind::Description, false);
    if (!e) return out;
    for (int c : data_->descriptions[static_cast<std::size_t>(e->aux)]) {
        out.push_back(&data_->countries[static_cast<std::size_t>(c)]);
    }
    return out;
}

const CityInfo* Gazetteer::city(std::string_view name) const {
    const auto* e = data_->lookup(name, GazetteerKind::City, false);
    if (e) return &data_->cities[static_cast<std::size_t>(e->id)];
    return nullptr;
}

const OrganizationInfo* Gazetteer::organization(std::string_view name) const {
    const auto* e = data_->lookup(strip_article(name), GazetteerKind::Organization, true);
    return e ? &data_->organizations[static_cast<std::size_t>(e->id)] : nullptr;
}

const PersonInfo* Gazetteer::person(std::string_view name) const {
    const auto* e = data_->lookup(name, GazetteerKind::Person, false);
    return e ? &data_->persons[static_cast<std::size_t>(e->id)] : nullptr;
}

bool Gazetteer::is_role_word(std::string_view phrase) const {
    if (data_->lookup(phrase, GazetteerKind::RoleWord, false)) return true;
    if (phrase.size() > 3 && (phrase.back() == 's' || phrase.back() == 'S')) {
        phrase.remove_suffix(1);
        return data_->lookup(phrase, GazetteerKind::RoleWord, false) != nullptr;
    }
    return false;
}

bool Gazetteer::is_org_suffix(std::string_view word) const {
    return data_->lookup(word, GazetteerKind::OrgSuffix, false) != nullptr;
}

bool Gazetteer::is_person_name_word(std::string_view word) const {
    if (word.size() < 3 || word.size() > 40) return false;
    thread_local std::string key;
    key.clear();
    append_key(word, true, key);
    return data_->person_name_words.find(hash_key(key)) != nullptr;
}

bool Gazetteer::is_common_word(std::string_view word) const {
    if (word.empty() || word.size() > 40) return false;
    thread_local std::string key;
    key.clear();
    append_key(word, true, key);
    const auto& set = data_->common_words;
    if (set.find(hash_key(key))) return true;
    std::string_view w = key;
    for (std::string_view suffix : {"s", "es", "ed", "d", "ing", "ly", "er", "est", "'s"}) {
        if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) {
            auto stem = w.substr(0, w.size() - suffix.size());
            if (set.find(hash_key(stem))) return true;
            if (suffix == "ing" || suffix == "ed") {  // "making" -> "make"
                std::string e(stem);
                e.push_back('e');
                if (set.find(hash_key(e))) return true;
            }
        }
    }
    return false;
}

std::vector<GazetteerMatch> Gazetteer::find_all(std::span<const Token> tokens) const {
    std::vector<GazetteerMatch> out;
    const auto& d = *data_;
    thread_local std::string scratch;
    const auto n = tokens.size();
    std::array<GazetteerMatch, kGazetteerKindCount> best{};
    std::array<bool, kGazetteerKindCount> have{};
    for (std::size_t i = 0; i < n; ++i) {
        have.fill(false);
        bool any = false;
        std::uint64_t fh = kHashStart;
        std::uint64_t eh = kHashStart;
        bool folded_live = true;
        bool exact_live = true;
        const bool first_upper = starts_upper(tokens[i].text);
        for (std::size_t j = i; j < n && j < i + kMaxMatchTokens; ++j) {
            const auto text = tokens[j].text;
            if (text.empty()) break;
            if (folded_live) {
                fh = hash_token(fh, text, true, scratch);
                folded_live = d.folded.prefixes.contains(fh);
                if (folded_live) {
                    if (const auto* list = d.folded.find(fh)) {
                        const auto c0 = static_cast<unsigned char>(text[0]);
                        const bool last_upper = starts_upper(text) || !(c0 >= 'a' && c0 <= 'z');
                        for (const auto& e : *list) {
                            if (!e.any_case && !(first_upper && last_upper)) continue;
                            auto k = static_cast<std::size_t>(e.kind);
                            best[k] = {static_cast<std::uint32_t>(i),
                                       static_cast<std::uint32_t>(j + 1), e.kind, e.id};
                            have[k] = true;
                            any = true;
                        }
                    }
                }
            }
            if (exact_live) {
                eh = hash_token(eh, text, false, scratch);
                exact_live = d.exact.prefixes.contains(eh);
                if (exact_live) {
                    if (const auto* list = d.exact.find(eh)) {
                        for (const auto& e : *list) {
                            auto k = static_cast<std::size_t>(e.kind);
                            best[k] = {static_cast<std::uint32_t>(i),
                                       static_cast<std::uint32_t>(j + 1), e.kind, e.id};
                            have[k] = true;
                            any = true;
                        }
                    }
                }
            }
            if (!folded_live && !exact_live) break;
        }
        if (!any) continue;
        for (std::size_t k = 0; k < best.size(); ++k) {
            if (have[k]) out.push_back(best[k]);
        }
    }
    return out;
}

std::vector<GazetteerMatch> Gazetteer::find_longest(std::span<const Token> tokens,
                                                    std::span<const GazetteerKind> kinds) const {
    auto all = find_all(tokens);
    auto rank = [&](GazetteerKind kind) -> int {
        if (kinds.empty()) return 0;
        for (std::size_t r = 0; r < kinds.size(); ++r) {
            if (kinds[r] == kind) return static_cast<int>(r);
        }
        return -1;
    };
    std::vector<GazetteerMatch> out;
    std::size_t a = 0;
    std::uint32_t covered = 0;
    while (a < all.size()) {
        std::size_t b = a;
        const GazetteerMatch* pick = nullptr;
        int pick_rank = 0;
        while (b < all.size() && all[b].first_token == all[a].first_token) {
            int r = rank(all[b].kind);
            if (r >= 0 && (!pick || all[b].end_token > pick->end_token ||
                           (all[b].end_token == pick->end_token && r < pick_rank))) {
                pick = &all[b];
                pick_rank = r;
            }
            ++b;
        }
        if (pick && pick->first_token >= covered) {
            out.push_back(*pick);
            covered = pick->end_token;
        }
        a = b;
    }
    return out;
}

}  // namespace kgforge::nlp
