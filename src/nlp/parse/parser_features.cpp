#include "nlp/parse/parser_features.hpp"

#include <xxhash.h>

#include <algorithm>

namespace kgforge::nlp::parse {
namespace {

inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// One 32-bit key from a template id and up to four atoms (0 is reserved for empty slots).
inline std::uint32_t key(std::uint64_t templ, std::uint64_t a, std::uint64_t b = 0,
                         std::uint64_t c = 0, std::uint64_t d = 0) {
    std::uint64_t h = mix64(templ * 0x9E3779B97F4A7C15ULL + a);
    h = mix64(h ^ (b + 0x632BE59BD9B4E019ULL));
    if (c != 0 || d != 0) h = mix64(h ^ (c * 0xD6E8FEB86659FD93ULL + d));
    const auto k = static_cast<std::uint32_t>(h ^ (h >> 32));
    return k == 0 ? 1 : k;
}

// Distances 1, 2, 3, 4, 5-6, 7-9, 10+ (and 0 when a side is missing).
inline std::uint64_t distance_code(int from, int to) {
    if (from < 0 || to < 0) return 0;
    const int d = std::abs(to - from);
    if (d <= 4) return static_cast<std::uint64_t>(d);
    if (d <= 6) return 5;
    if (d <= 9) return 6;
    return 7;
}

inline std::uint64_t capped(int count) {
    return static_cast<std::uint64_t>(std::min(count, 4)) + 1;
}

}  // namespace

void SentenceAtoms::add(std::string_view form, std::uint16_t tag) {
    // Lower case, digits as 0, at most 32 bytes: the parser needs word identity, not spelling.
    char norm[32];
    std::size_t n = 0;
    for (const char ch : form) {
        if (n == sizeof norm) break;
        char c = ch;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= '0' && c <= '9') c = '0';
        norm[n++] = c;
    }
    word_.push_back(XXH3_64bits(norm, n) | 1);
    tag_.push_back(tag);
}

void SentenceAtoms::finish() {
    word_.push_back(0x726f6f74726f6f74ULL);  // the root
    tag_.push_back(kRootTag);
}

void SentenceAtoms::assign(std::span<const Token> tokens) {
    word_.clear();
    tag_.clear();
    for (const Token& t : tokens) add(t.text, t.pos);
    finish();
}

void SentenceAtoms::assign(std::span<const Token> tokens, std::string_view text) {
    word_.clear();
    tag_.clear();
    for (const Token& t : tokens) {
        const std::string_view form = t.begin <= t.end && t.end <= text.size()
                                          ? text.substr(t.begin, t.end - t.begin)
                                          : std::string_view();
        add(form, t.pos);
    }
    finish();
}

int move_features(const ArcEagerState& st, const SentenceAtoms& a, std::uint32_t* out) {
    const int s0 = st.stack(0);
    const int s1 = st.stack(1);
    const int n0 = st.buffer(0);
    const int n1 = st.buffer(1);
    const int n2 = st.buffer(2);
    const int s0h = st.head(s0);
    const int s0h2 = st.head(s0h);
    const int s0l = st.leftmost(s0);
    const int s0l2 = st.leftmost2(s0);
    const int s0r = st.rightmost(s0);
    const int s0r2 = st.rightmost2(s0);
    const int n0l = st.leftmost(n0);
    const int n0l2 = st.leftmost2(n0);

    const std::uint64_t s0w = a.word(s0), s0p = a.tag(s0), n0w = a.word(n0), n0p = a.tag(n0);
    const std::uint64_t n1w = a.word(n1), n1p = a.tag(n1), n2w = a.word(n2), n2p = a.tag(n2);
    const std::uint64_t s1w = a.word(s1), s1p = a.tag(s1);
    const std::uint64_t s0hw = a.word(s0h), s0hp = a.tag(s0h);
    const std::uint64_t s0lp = a.tag(s0l), s0rp = a.tag(s0r), n0lp = a.tag(n0l);
    const std::uint64_t dist = distance_code(s0, n0);
    const std::uint64_t s0vl = capped(st.left_count(s0)), s0vr = capped(st.right_count(s0));
    const std::uint64_t n0vl = capped(st.left_count(n0));
    const std::uint64_t s0sl = st.left_labels(s0) + 1, s0sr = st.right_labels(s0) + 1;
    const std::uint64_t n0sl = st.left_labels(n0) + 1;

    int k = 0;
    std::uint64_t t = 0;
    auto f = [&](std::uint64_t x, std::uint64_t y = 0, std::uint64_t z = 0, std::uint64_t w = 0) {
        out[k++] = key(++t, x, y, z, w);
    };
    f(1);  // bias
    // single tokens
    f(s0w, s0p), f(s0w), f(s0p);
    f(n0w, n0p), f(n0w), f(n0p);
    f(n1w, n1p), f(n1w), f(n1p);
    f(n2w, n2p), f(n2w), f(n2p);
    f(s1w, s1p), f(s1p);
    // pairs
    f(s0w, s0p, n0w, n0p), f(s0w, s0p, n0w), f(s0w, n0w, n0p), f(s0w, s0p, n0p);
    f(s0p, n0w, n0p), f(s0w, n0w), f(s0p, n0p), f(n0p, n1p);
    // three tags
    f(n0p, n1p, n2p), f(s0p, n0p, n1p), f(s0hp, s0p, n0p), f(s0p, s0lp, n0p);
    f(s0p, s0rp, n0p), f(s0p, n0p, n0lp), f(s1p, s0p, n0p), f(s1p, s0p);
    // distance
    f(s0w, dist), f(s0p, dist), f(n0w, dist), f(n0p, dist), f(s0w, n0w, dist);
    f(s0p, n0p, dist);
    // valency
    f(s0w, s0vr), f(s0p, s0vr), f(s0w, s0vl), f(s0p, s0vl), f(n0w, n0vl), f(n0p, n0vl);
    // heads and children
    f(s0hw), f(s0hp), f(st.label(s0));
    f(a.word(s0l)), f(s0lp), f(st.label(s0l));
    f(a.word(s0r)), f(s0rp), f(st.label(s0r));
    f(a.word(n0l)), f(n0lp), f(st.label(n0l));
    // third order
    f(a.word(s0h2)), f(a.tag(s0h2)), f(st.label(s0h));
    f(a.word(s0l2)), f(a.tag(s0l2)), f(st.label(s0l2));
    f(a.word(s0r2)), f(a.tag(s0r2)), f(st.label(s0r2));
    f(a.word(n0l2)), f(a.tag(n0l2)), f(st.label(n0l2));
    f(s0p, s0lp, a.tag(s0l2)), f(s0p, s0rp, a.tag(s0r2)), f(s0p, s0hp, a.tag(s0h2));
    f(n0p, n0lp, a.tag(n0l2));
    // surface neighbours (what a greedy parser cannot see in the stack)
    f(s0p, a.tag(s0 + 1), n0p), f(s0p, a.tag(s0 - 1), n0p), f(s0p, n0p, a.tag(n0 - 1));
    f(a.tag(n0 - 1), n0p, n1p), f(s0w, a.tag(s0 + 1)), f(n0w, a.tag(n0 - 1));
    f(a.tag(st.stack(2)), s1p, s0p), f(s1w, s0p), f(s1p, s0w), f(s1w, n0p);
    f(s0w, n0w, n1p), f(s0p, n0w, n1w), f(n0w, n1w), f(n0p, n1w), f(n0w, n1p);
    // label sets
    f(s0w, s0sr), f(s0p, s0sr), f(s0w, s0sl), f(s0p, s0sl), f(n0w, n0sl), f(n0p, n0sl);
    return k;
}

int label_features(const ArcEagerState& st, const SentenceAtoms& a, int head, int dep,
                   std::uint32_t* out) {
    const std::uint64_t dir = head > dep ? 1 : 2;
    const std::uint64_t hw = a.word(head), hp = a.tag(head), dw = a.word(dep), dp = a.tag(dep);
    const std::uint64_t dist = distance_code(head, dep);
    const int dl = st.leftmost(dep);
    const int dr = st.rightmost(dep);
    const int hh = st.head(head);

    int k = 0;
    std::uint64_t t = 1000;
    auto f = [&](std::uint64_t x, std::uint64_t y = 0, std::uint64_t z = 0, std::uint64_t w = 0) {
        out[k++] = key(++t, dir, x + 1, y + 1, z * 31 + w + 1);
    };
    f(0);
    f(hw), f(hp), f(dw), f(dp);
    f(hw, dp), f(hp, dw), f(hp, dp), f(hw, dw);
    f(hp, dp, dist);
    f(dp, a.tag(dl), st.label(dl)), f(dp, a.tag(dr), st.label(dr));
    f(dw, a.word(dl)), f(dp, st.left_labels(dep));
    f(hp, st.left_labels(head), st.right_labels(head));
    f(dp, a.tag(dep + 1)), f(dp, a.tag(dep - 1)), f(hp, dp, a.tag(dep + 1));
    f(hp, dp, a.tag(dep - 1));
    f(hp, a.tag(head - 1)), f(hp, a.tag(head + 1));
    f(hp, dp, a.tag(hh), st.label(head));
    f(hw, dp, st.label(head));
    f(dw, a.tag(dl)), f(dw, a.tag(dr));
    return k;
}

}  // namespace kgforge::nlp::parse
