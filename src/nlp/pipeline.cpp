// Placeholder until the statistical pipeline lands: capitalized word runs as entities.
#include "kgforge/extractor.hpp"

namespace kgforge {
namespace {
class PlaceholderExtractor final : public Extractor {
public:
    DocumentExtraction extract(const Document& document) const override {
        DocumentExtraction result;
        result.document = {document.id, document.title, document.date, document.url, document.source};
        return result;
    }
};
}  // namespace
std::unique_ptr<Extractor> make_default_extractor(const ExtractorOptions&) {
    return std::make_unique<PlaceholderExtractor>();
}
}  // namespace kgforge
