#include "nlp/dependency_parser.hpp"

#include <array>
#include <limits>

#include "kgforge/error.hpp"
#include "nlp/model_file.hpp"
#include "nlp/parse/parser_model.hpp"

namespace kgforge::nlp {

// ---- relation names ------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, kDeprelCount> kDeprelNames = {
    "",
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
};
static_assert(kDeprelNames.size() == ud::Count);

constexpr char kMagic[] = "KGFDEPRS";
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kFeatureSetVersion = 1;

}  // namespace

std::string_view deprel_name(std::uint8_t deprel) {
    return deprel < kDeprelCount ? kDeprelNames[deprel] : std::string_view();
}

std::optional<std::uint8_t> deprel_id(std::string_view name) {
    if (name.empty()) return std::nullopt;
    for (std::uint8_t d = 1; d < kDeprelCount; ++d)
        if (kDeprelNames[d] == name) return d;
    return std::nullopt;
}

std::uint8_t universal_deprel(std::uint8_t deprel) {
    const std::string_view name = deprel_name(deprel);
    const auto colon = name.find(':');
    if (colon == std::string_view::npos) return deprel;
    return deprel_id(name.substr(0, colon)).value_or(deprel);
}

// ---- decoding ------------------------------------------------------------------------------

namespace parse {

Move best_legal_move(const ArcEagerState& state, const std::int32_t* scores) {
    Move best = Shift;
    std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
    bool found = false;
    for (int m = 0; m < kMoveCount; ++m) {
        const auto move = static_cast<Move>(m);
        if (!state.legal(move)) continue;
        if (!found || scores[m] > best_score) {
            best = move;
            best_score = scores[m];
            found = true;
        }
    }
    return best;
}

std::uint8_t best_label(const ArcEagerState& state, const std::int32_t* scores, int head) {
    if (head == state.root()) return ud::root;
    std::uint8_t best = ud::dep;
    std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
    for (std::uint8_t d = 1; d < kDeprelCount; ++d) {
        if (d == ud::root) continue;
        if (scores[d] > best_score) {
            best = d;
            best_score = scores[d];
        }
    }
    return best;
}

void decode(const DependencyParser::Model& model, const SentenceAtoms& atoms,
            ArcEagerState& state) {
    std::uint32_t keys[kMaxMoveFeatures];
    std::uint32_t label_keys[kMaxLabelFeatures];
    while (!state.terminal()) {
        std::int32_t scores[kMoveCount] = {};
        model.moves.add(keys, move_features(state, atoms, keys), scores);
        const Move move = best_legal_move(state, scores);
        std::uint8_t label = 0;
        if (move == Left || move == Right) {
            const int head = state.head_of(move);
            const int dependent = state.dependent_of(move);
            if (head == state.root()) {
                label = ud::root;
            } else {
                std::int32_t label_scores[kDeprelCount] = {};
                model.labels.add(label_keys,
                                 label_features(state, atoms, head, dependent, label_keys),
                                 label_scores);
                label = best_label(state, label_scores, head);
            }
        }
        state.apply(move, label);
    }
}

}  // namespace parse

// ---- the parser ----------------------------------------------------------------------------

DependencyParser::DependencyParser() = default;
DependencyParser::DependencyParser(std::unique_ptr<Model> model) : model_(std::move(model)) {}
DependencyParser::DependencyParser(DependencyParser&&) noexcept = default;
DependencyParser& DependencyParser::operator=(DependencyParser&&) noexcept = default;
DependencyParser::~DependencyParser() = default;

bool DependencyParser::empty() const {
    return model_ == nullptr || model_->moves.size() == 0;
}

const std::string& DependencyParser::description() const {
    static const std::string none;
    return model_ ? model_->description : none;
}

std::size_t DependencyParser::feature_count() const {
    return model_ ? model_->moves.size() + model_->labels.size() : 0;
}

void DependencyParser::parse(std::span<Token> sentence, std::uint32_t first_index) const {
    if (empty() || sentence.empty()) return;
    // Per-thread scratch: parsing allocates nothing after the first long sentence.
    thread_local parse::SentenceAtoms atoms;
    thread_local parse::ArcEagerState state(0);
    atoms.assign(sentence);
    const int n = static_cast<int>(sentence.size());
    state.reset(n);
    parse::decode(*model_, atoms, state);
    for (int i = 0; i < n; ++i) {
        Token& t = sentence[static_cast<std::size_t>(i)];
        const int h = state.head(i);
        t.head = h < 0 || h == n ? -1 : static_cast<std::int32_t>(first_index) + h;
        t.deprel = state.label(i);
    }
}

void DependencyParser::parse(AnnotatedDocument& doc,
                             const std::function<bool(std::size_t)>& wanted) const {
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        if (wanted && !wanted(s)) continue;
        const Sentence& sentence = doc.sentences[s];
        if (sentence.end_token > doc.tokens.size() || sentence.first_token >= sentence.end_token)
            continue;
        parse(std::span<Token>(doc.tokens.data() + sentence.first_token,
                               sentence.end_token - sentence.first_token),
              sentence.first_token);
    }
}

// Layout (little-endian):
//   "KGFDEPRS" u32 format_version u32 feature_set_version
//   u32 nlabels, nlabels x str           relation names (file label k = index k + 1)
//   str description
//   u32 nmove, nmove x (u32 key, 4 x i16)               sorted by key
//   u32 nlabel, nlabel x (u32 key, u8 count, count x (u8 label, i16))   sorted by key
//   u64 XXH64 of everything before
void DependencyParser::save(const std::filesystem::path& path) const {
    if (empty()) throw Error(ErrorKind::InvalidArgument, "cannot save an empty parser model");
    ModelWriter w;
    w.bytes(kMagic, sizeof kMagic - 1);
    w.put<std::uint32_t>(kFormatVersion);
    w.put<std::uint32_t>(kFeatureSetVersion);
    w.put<std::uint32_t>(kDeprelCount - 1);
    for (std::uint8_t d = 1; d < kDeprelCount; ++d) w.str(kDeprelNames[d]);
    w.str(model_->description);
    const auto moves = model_->moves.entries();
    w.put<std::uint32_t>(static_cast<std::uint32_t>(moves.size()));
    for (const auto& e : moves) {
        w.put<std::uint32_t>(e.key);
        for (const std::int16_t v : e.w) w.put<std::int16_t>(v);
    }
    const auto labels = model_->labels.entries();
    w.put<std::uint32_t>(static_cast<std::uint32_t>(labels.size()));
    for (const auto& e : labels) {
        w.put<std::uint32_t>(e.key);
        w.put<std::uint8_t>(static_cast<std::uint8_t>(e.w.size()));
        for (const auto& [label, v] : e.w) {
            w.put<std::uint8_t>(static_cast<std::uint8_t>(label - 1));
            w.put<std::int16_t>(v);
        }
    }
    w.finish(path, "dependency parser model");
}

DependencyParser DependencyParser::load(const std::filesystem::path& path) {
    ModelReader r(path, std::string_view(kMagic, sizeof kMagic - 1), "dependency parser model");
    if (const auto v = r.get<std::uint32_t>(); v != kFormatVersion)
        r.fail("unsupported format version " + std::to_string(v));
    if (const auto v = r.get<std::uint32_t>(); v != kFeatureSetVersion)
        r.fail("unsupported feature set version " + std::to_string(v));
    const auto nlabels = r.get<std::uint32_t>();
    if (nlabels == 0 || nlabels >= 255) r.fail("bad label count");
    std::vector<std::uint8_t> remap(nlabels);
    for (auto& id : remap) {
        const std::string_view name = r.str();
        const auto known = deprel_id(name);
        if (!known) r.fail("unknown relation '" + std::string(name) + "'");
        id = *known;
    }
    auto model = std::make_unique<Model>();
    model->description = std::string(r.str());
    const auto nmoves = r.get<std::uint32_t>();
    r.need(std::size_t{nmoves} * (4 + 2 * parse::kMoveCount));
    std::vector<parse::MoveWeights::Entry> moves(nmoves);
    std::uint32_t previous = 0;
    for (auto& e : moves) {
        e.key = r.get<std::uint32_t>();
        if (e.key <= previous) r.fail("move weights not sorted");
        previous = e.key;
        for (auto& v : e.w) v = r.get<std::int16_t>();
    }
    const auto nlabel_features = r.get<std::uint32_t>();
    r.need(std::size_t{nlabel_features} * 5);
    std::vector<parse::LabelWeights::Entry> labels(nlabel_features);
    previous = 0;
    for (auto& e : labels) {
        e.key = r.get<std::uint32_t>();
        if (e.key <= previous) r.fail("label weights not sorted");
        previous = e.key;
        const auto count = r.get<std::uint8_t>();
        r.need(std::size_t{count} * 3);
        e.w.resize(count);
        for (auto& [label, v] : e.w) {
            const auto l = r.get<std::uint8_t>();
            if (l >= nlabels) r.fail("bad label in weights");
            label = remap[l];
            v = r.get<std::int16_t>();
        }
    }
    r.expect_end();
    model->moves.build(moves);
    model->labels.build(labels);
    return DependencyParser(std::move(model));
}

}  // namespace kgforge::nlp
