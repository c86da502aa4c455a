// Membership lists: an organization followed by a dash, colon or parenthesis and a list of
// countries ("the Group of Seven -- the U.S., Japan, ... and Canada").
#include "nlp/rules/rule_run.hpp"

namespace kgforge::nlp::rules {

// "the Group of Seven -- the U.S., Japan, ... and Canada"; "members X and Y".
void RuleRun::list_rules() {
    for (std::size_t k = 0; k < args_.size(); ++k) {
        const auto& a = args_[k];
        if (a.type != EntityType::Organization || a.pronoun) continue;
        std::uint32_t t = a.end;
        if (t >= se_) continue;
        const auto w = txt(t);
        if (!(w == "--" || w == ":" || w == "(" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" ||
              w == "-"))
            continue;
        const int bk = arg_starting_at(skip_det_fwd(t + 1));
        if (bk < 0) continue;
        auto members = expand_right(bk);
        if (members.size() < 2) continue;
        bool all_countries = true;
        for (int m : members)
            if (args_[static_cast<std::size_t>(m)].type != EntityType::Country)
                all_countries = false;
        if (!all_countries) continue;
        for (int m : members)
            emit(args_[static_cast<std::size_t>(m)].entity, a.entity, RelationType::PartOf, 0.7,
                 "member-list", span(a.first, args_[static_cast<std::size_t>(members.back())].end));
    }
}

}  // namespace kgforge::nlp::rules
