// The arc-eager transition system with the root token at the end of the buffer
// (Ballesteros & Nivre 2013: fewer early root attachments), its legal moves, and the dynamic
// oracle of Goldberg & Nivre (2012): the number of gold arcs a move makes unreachable.
// Internal to the parser.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace kgforge::nlp::parse {

enum Move : std::uint8_t { Shift = 0, Reduce = 1, Left = 2, Right = 3 };
inline constexpr int kMoveCount = 4;

// Tokens 0..n-1 are words; n is the root. Arrays are sized n + 1.
class ArcEagerState {
  public:
    explicit ArcEagerState(int n) { reset(n); }

    void reset(int n) {
        n_ = n;
        buffer_ = 0;
        stack_.clear();
        const auto size = static_cast<std::size_t>(n + 1);
        head_.assign(size, -1);
        label_.assign(size, 0);
        left1_.assign(size, -1);
        left2_.assign(size, -1);
        right1_.assign(size, -1);
        right2_.assign(size, -1);
        left_count_.assign(size, 0);
        right_count_.assign(size, 0);
        left_labels_.assign(size, 0);
        right_labels_.assign(size, 0);
        in_stack_.assign(size, 0);
    }

    int size() const { return n_; }
    int root() const { return n_; }
    bool terminal() const { return buffer_ == n_ && stack_.empty(); }

    // Stack from the top (0) down; -1 when absent.
    int stack(int depth) const {
        const int k = static_cast<int>(stack_.size()) - 1 - depth;
        return k >= 0 ? stack_[static_cast<std::size_t>(k)] : -1;
    }
    // Buffer from the front (0); the root is its last element; -1 past it.
    int buffer(int offset) const {
        const int b = buffer_ + offset;
        return b <= n_ ? b : -1;
    }
    int stack_size() const { return static_cast<int>(stack_.size()); }

    int head(int t) const { return t >= 0 ? head_[static_cast<std::size_t>(t)] : -1; }
    std::uint8_t label(int t) const { return t >= 0 ? label_[static_cast<std::size_t>(t)] : 0; }
    int leftmost(int t) const { return t >= 0 ? left1_[static_cast<std::size_t>(t)] : -1; }
    int leftmost2(int t) const { return t >= 0 ? left2_[static_cast<std::size_t>(t)] : -1; }
    int rightmost(int t) const { return t >= 0 ? right1_[static_cast<std::size_t>(t)] : -1; }
    int rightmost2(int t) const { return t >= 0 ? right2_[static_cast<std::size_t>(t)] : -1; }
    int left_count(int t) const { return t >= 0 ? left_count_[static_cast<std::size_t>(t)] : 0; }
    int right_count(int t) const { return t >= 0 ? right_count_[static_cast<std::size_t>(t)] : 0; }
    std::uint64_t left_labels(int t) const {
        return t >= 0 ? left_labels_[static_cast<std::size_t>(t)] : 0;
    }
    std::uint64_t right_labels(int t) const {
        return t >= 0 ? right_labels_[static_cast<std::size_t>(t)] : 0;
    }

    bool legal(Move m) const {
        const int s = stack(0);
        switch (m) {
            case Shift:
                return buffer_ < n_;
            case Reduce:
                return s >= 0 && head(s) >= 0;
            case Left:
                return s >= 0 && head(s) < 0;
            case Right:
                return s >= 0 && buffer_ < n_;
        }
        return false;
    }

    // The dependent and the head of the arc `m` makes (Left/Right only).
    int dependent_of(Move m) const { return m == Left ? stack(0) : buffer_; }
    int head_of(Move m) const { return m == Left ? buffer_ : stack(0); }

    // Applies a legal move; `label` is the relation of the arc Left/Right make.
    void apply(Move m, std::uint8_t label = 0) {
        switch (m) {
            case Shift:
                push(buffer_++);
                break;
            case Reduce:
                pop();
                break;
            case Left:
                attach(buffer_, stack(0), label);
                pop();
                break;
            case Right:
                attach(stack(0), buffer_, label);
                push(buffer_++);
                break;
        }
    }

    // Gold arcs made unreachable by `m` (a legal move); `gold[t]` is t's gold head (n for
    // the root). Goldberg & Nivre (2012), section 4, with the root token in the buffer.
    int cost(Move m, const std::vector<int>& gold) const {
        const int s = stack(0);
        const int b = buffer_;
        int lost = 0;
        switch (m) {
            case Left:  // s gets head b and leaves: its other arcs with the buffer are lost
                for (int k = b; k <= n_; ++k) {
                    if (k != b && gold_head(gold, s) == k) ++lost;
                    if (gold_head(gold, k) == s) ++lost;
                }
                break;
            case Right: {  // b gets head s: a head elsewhere and dependents on the stack lost
                const int h = gold_head(gold, b);
                if (h != s && (h > b || (h >= 0 && in_stack(h)))) ++lost;
                lost += headless_children_in_stack(gold, b);
                break;
            }
            case Reduce:  // s leaves: its dependents in the buffer are lost
                for (int k = b; k < n_; ++k)
                    if (gold_head(gold, k) == s) ++lost;
                break;
            case Shift: {  // b goes onto the stack headless: arcs with the stack are lost
                const int h = gold_head(gold, b);
                if (h >= 0 && h < b && in_stack(h)) ++lost;
                lost += headless_children_in_stack(gold, b);
                break;
            }
        }
        return lost;
    }

  private:
    static int gold_head(const std::vector<int>& gold, int t) {
        return t >= 0 && t < static_cast<int>(gold.size()) ? gold[static_cast<std::size_t>(t)] : -1;
    }
    bool in_stack(int t) const { return in_stack_[static_cast<std::size_t>(t)] != 0; }
    int headless_children_in_stack(const std::vector<int>& gold, int b) const {
        int lost = 0;
        for (const int k : stack_)
            if (head(k) < 0 && gold_head(gold, k) == b) ++lost;
        return lost;
    }
    void push(int t) {
        stack_.push_back(t);
        in_stack_[static_cast<std::size_t>(t)] = 1;
    }
    void pop() {
        in_stack_[static_cast<std::size_t>(stack_.back())] = 0;
        stack_.pop_back();
    }
    void attach(int h, int d, std::uint8_t label) {
        const auto hi = static_cast<std::size_t>(h);
        const auto di = static_cast<std::size_t>(d);
        head_[di] = h;
        label_[di] = label;
        const std::uint64_t bit = label < 64 ? std::uint64_t{1} << label : 0;
        if (d < h) {
            if (left1_[hi] < 0 || d < left1_[hi]) {
                left2_[hi] = left1_[hi];
                left1_[hi] = d;
            } else if (left2_[hi] < 0 || d < left2_[hi]) {
                left2_[hi] = d;
            }
            ++left_count_[hi];
            left_labels_[hi] |= bit;
        } else {
            if (right1_[hi] < 0 || d > right1_[hi]) {
                right2_[hi] = right1_[hi];
                right1_[hi] = d;
            } else if (right2_[hi] < 0 || d > right2_[hi]) {
                right2_[hi] = d;
            }
            ++right_count_[hi];
            right_labels_[hi] |= bit;
        }
    }

    int n_ = 0;
    int buffer_ = 0;
    std::vector<int> stack_;
    std::vector<int> head_;
    std::vector<std::uint8_t> label_;
    std::vector<int> left1_, left2_, right1_, right2_;
    std::vector<int> left_count_, right_count_;
    std::vector<std::uint64_t> left_labels_, right_labels_;
    std::vector<std::uint8_t> in_stack_;
};

}  // namespace kgforge::nlp::parse
