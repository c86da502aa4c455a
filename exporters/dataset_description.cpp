// VoID + DCAT description of the RDF graph that exporters/rdf_triples.cpp emits. The counts
// come from running the same triple stream into a counting sink, so they are exact for
// every serialization (Turtle, N-Triples, JSON-LD and N-Quads hold the same triples).
#include "kgforge/dataset_description.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "exporters/jsonld.hpp"
#include "exporters/rdf_triples.hpp"
#include "exporters/rdf_writers.hpp"
#include "kgforge/error.hpp"

namespace kgforge {

namespace {

#define KG_VOID(name)                                 \
    RdfIri {                                          \
        "http://rdfs.org/ns/void#" name, "void:" name \
    }
#define KG_DCAT(name)                                   \
    RdfIri {                                            \
        "http://www.w3.org/ns/dcat#" name, "dcat:" name \
    }
#define KG_DCT(name)                                      \
    RdfIri {                                              \
        "http://purl.org/dc/terms/" name, "dcterms:" name \
    }

constexpr RdfIri kVoidDataset = KG_VOID("Dataset");
constexpr RdfIri kTriples = KG_VOID("triples");
constexpr RdfIri kEntities = KG_VOID("entities");
constexpr RdfIri kProperties = KG_VOID("properties");
constexpr RdfIri kClasses = KG_VOID("classes");
constexpr RdfIri kDistinctSubjects = KG_VOID("distinctSubjects");
constexpr RdfIri kVocabulary = KG_VOID("vocabulary");
constexpr RdfIri kUriSpace = KG_VOID("uriSpace");
constexpr RdfIri kExampleResource = KG_VOID("exampleResource");
constexpr RdfIri kDataDump = KG_VOID("dataDump");
constexpr RdfIri kClassPartition = KG_VOID("classPartition");
constexpr RdfIri kPropertyPartition = KG_VOID("propertyPartition");
constexpr RdfIri kClass = KG_VOID("class");
constexpr RdfIri kProperty = KG_VOID("property");
constexpr RdfIri kDcatDataset = KG_DCAT("Dataset");
constexpr RdfIri kDistributionClass = KG_DCAT("Distribution");
constexpr RdfIri kDistribution = KG_DCAT("distribution");
constexpr RdfIri kDownloadUrl = KG_DCAT("downloadURL");
constexpr RdfIri kMediaType = KG_DCAT("mediaType");
constexpr RdfIri kTitle = KG_DCT("title");
constexpr RdfIri kDescription = KG_DCT("description");
constexpr RdfIri kCreator = KG_DCT("creator");
constexpr RdfIri kCreated = KG_DCT("created");
constexpr RdfIri kLicense = KG_DCT("license");
constexpr RdfIri kConformsTo = KG_DCT("conformsTo");
constexpr RdfIri kGenerator{"https://kgforge.org/vocab/v1#generator", "kg:generator"};

#undef KG_VOID
#undef KG_DCAT
#undef KG_DCT

struct RdfFormat {
    std::string_view exporter;
    std::string_view title;
    std::string_view media_type;  // IANA
};
constexpr std::array<RdfFormat, 4> kRdfFormats = {{
    {"turtle", "Turtle", "text/turtle"},
    {"ntriples", "N-Triples", "application/n-triples"},
    {"nquads", "N-Quads (a named graph per article)", "application/n-quads"},
    {"jsonld", "JSON-LD 1.1", "application/ld+json"},
}};

constexpr std::array<std::string_view, 4> kVocabularies = {
    "https://kgforge.org/vocab/v1#", "https://schema.org/", "http://www.w3.org/ns/prov#",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#"};

// Counts of the emitted graph that VoID reports.
class StatisticsSink final : public TripleSink {
  public:
    void triple(std::string_view, const RdfIri& predicate, const RdfObject& object,
                std::string_view) override {
        ++triples;
        predicates.insert(std::string(predicate.iri));
        if (predicate.iri == rdf::kType.iri) classes.insert(std::string(object.text));
    }
    std::uint64_t triples = 0;
    std::set<std::string> predicates;
    std::set<std::string> classes;
};

}  // namespace

bool is_rdf_format(const std::string& format) {
    return std::any_of(kRdfFormats.begin(), kRdfFormats.end(),
                       [&](const RdfFormat& f) { return f.exporter == format; });
}

std::string relative_file_iri(const std::filesystem::path& file,
                              const std::filesystem::path& description_file) {
    const auto from = std::filesystem::absolute(description_file).lexically_normal().parent_path();
    const auto relative =
        std::filesystem::absolute(file).lexically_normal().lexically_relative(from);
    std::string iri;
    for (const auto& part : relative) {
        if (!iri.empty()) iri += '/';
        iri += part == ".." ? std::string("..") : iri_segment(part.string());
    }
    return iri;
}

void check_dataset_description(const DatasetDescriptionOptions& description) {
    if (!description.license.empty() && !is_absolute_iri(description.license)) {
        throw Error(ErrorKind::InvalidArgument,
                    "dataset license '" + description.license +
                        "' is not an absolute IRI (e.g. "
                        "https://creativecommons.org/licenses/by/4.0/)");
    }
    if (!description.created.empty() && !is_iso_date(description.created)) {
        throw Error(ErrorKind::InvalidArgument,
                    "dataset creation date '" + description.created + "' is not YYYY-MM-DD");
    }
    for (const auto& d : description.distributions) {
        if (!is_rdf_format(d.format)) {
            throw Error(ErrorKind::InvalidArgument,
                        "dataset distribution format '" + d.format + "' is not an RDF format");
        }
    }
}

void write_dataset_description(const KnowledgeGraph& graph, const ExportOptions& options,
                               const DatasetDescriptionOptions& description, OutputStream& out) {
    check_dataset_description(description);
    const std::string base = linked_data_base_iri(options);
    StatisticsSink stats;
    emit_triples(graph, options, stats);

    std::string created = description.created;
    if (created.empty()) {
        for (const auto& doc : graph.documents())
            if (is_iso_date(doc.date)) created = std::max(created, doc.date);
    }
    std::uint64_t evidence = 0;
    std::array<std::uint64_t, kRelationTypeCount> asserted{};
    for (const auto& rel : graph.relations()) {
        evidence += rel.weight();
        if (!rel.negated && !rel.hypothetical) ++asserted[static_cast<std::size_t>(rel.type)];
    }

    TurtleWriter turtle(out);
    auto put = [&](std::string_view s, const RdfIri& p, const RdfObject& o) {
        turtle.triple(s, p, o, {});
    };
    const std::string partition = base + "dataset/";
    put(base, rdf::kType, RdfObject::term(kVoidDataset));
    put(base, rdf::kType, RdfObject::term(kDcatDataset));
    put(base, kTitle, RdfObject::string(description.title));
    const std::string summary =
        "Entities, typed relations between them and the evidence sentence of every relation, "
        "extracted from " +
        std::to_string(graph.documents().size()) + " news articles by kgforge.";
    put(base, kDescription, RdfObject::string(summary));
    if (!description.creator.empty()) put(base, kCreator, RdfObject::string(description.creator));
    put(base, kGenerator, RdfObject::string(options.generator));
    if (!description.license.empty()) put(base, kLicense, RdfObject::iri(description.license));
    if (!created.empty()) put(base, kCreated, RdfObject::typed(created, rdf::kDate));
    put(base, kConformsTo, RdfObject::iri("https://kgforge.org/vocab/v1#"));
    for (const auto vocabulary : kVocabularies) put(base, kVocabulary, RdfObject::iri(vocabulary));
    put(base, kUriSpace, RdfObject::string(base));
    put(base, kTriples, RdfObject::integer(stats.triples));
    const std::uint64_t resources = 1 + graph.entities().size() + graph.documents().size() +
                                    graph.relations().size() + evidence;
    put(base, kEntities, RdfObject::integer(resources));
    put(base, kDistinctSubjects, RdfObject::integer(resources));
    put(base, kProperties, RdfObject::integer(stats.predicates.size()));
    put(base, kClasses, RdfObject::integer(stats.classes.size()));

    // Example resources: the first entity, article and statement of the canonical order.
    std::vector<std::string> examples;
    if (!graph.entities().empty())
        examples.push_back(base + "entity/" + iri_segment(graph.entities().front().id));
    if (!graph.documents().empty())
        examples.push_back(base + "document/" + iri_segment(graph.documents().front().id));
    if (!graph.relations().empty())
        examples.push_back(base + "statement/" +
                           iri_segment(graph.relation_id(graph.relations().front())));
    for (const auto& example : examples) put(base, kExampleResource, RdfObject::iri(example));

    struct ClassPartition {
        std::string_view name;
        std::string_view iri;
        std::uint64_t count;
    };
    const std::array<ClassPartition, 4> class_partitions = {{
        {"Entity", "https://kgforge.org/vocab/v1#Entity", graph.entities().size()},
        {"NewsArticle", "https://schema.org/NewsArticle", graph.documents().size()},
        {"Statement", "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
         graph.relations().size()},
        {"Evidence", "https://kgforge.org/vocab/v1#Evidence", evidence},
    }};
    std::vector<std::string> partition_iris;
    for (const auto& cp : class_partitions) {
        partition_iris.push_back(partition + "class/" + std::string(cp.name));
        put(base, kClassPartition, RdfObject::iri(partition_iris.back()));
    }
    std::vector<std::string> property_iris;
    for (const auto& info : relation_types()) {
        property_iris.push_back(partition + "property/" + std::string(info.name));
        put(base, kPropertyPartition, RdfObject::iri(property_iris.back()));
    }

    std::vector<const RdfFormat*> formats;
    std::vector<std::string> distribution_iris;
    for (const auto& d : description.distributions) {
        const auto it = std::find_if(kRdfFormats.begin(), kRdfFormats.end(),
                                     [&](const RdfFormat& f) { return f.exporter == d.format; });
        formats.push_back(&*it);
        distribution_iris.push_back(partition + "distribution/" + std::string(it->exporter));
        put(base, kDataDump, RdfObject::unchecked_iri(d.download_url));
    }
    for (const auto& iri : distribution_iris) put(base, kDistribution, RdfObject::iri(iri));

    for (std::size_t i = 0; i < class_partitions.size(); ++i) {
        put(partition_iris[i], kClass, RdfObject::iri(class_partitions[i].iri));
        put(partition_iris[i], kEntities, RdfObject::integer(class_partitions[i].count));
    }
    std::string predicate;
    for (std::size_t i = 0; i < relation_types().size(); ++i) {
        const auto& info = relation_types()[i];
        predicate = "https://kgforge.org/vocab/v1#" + std::string(info.name);
        put(property_iris[i], kProperty, RdfObject::iri(predicate));
        put(property_iris[i], kTriples,
            RdfObject::integer(asserted[static_cast<std::size_t>(info.type)]));
    }
    std::string media;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const auto& iri = distribution_iris[i];
        put(iri, rdf::kType, RdfObject::term(kDistributionClass));
        put(iri, kTitle, RdfObject::string(formats[i]->title));
        media =
            "https://www.iana.org/assignments/media-types/" + std::string(formats[i]->media_type);
        put(iri, kMediaType, RdfObject::iri(media));
        put(iri, kDownloadUrl, RdfObject::unchecked_iri(description.distributions[i].download_url));
    }
    turtle.finish();
}

}  // namespace kgforge
