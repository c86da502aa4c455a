// Reading what users give kgforge: plain-text articles (files, folders, stdin), JSONL
// documents, and pre-extracted entities/relations (schema/extraction.schema.json).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgforge/document.hpp"
#include "kgforge/extraction.hpp"
#include "kgforge/output.hpp"

namespace kgforge {

enum class InputKind {
    Text,         // one article per file (*.txt, or anything given by name, or stdin)
    Jsonl,        // {"id","title","date","url","text"} per line (*.jsonl)
    Extractions,  // DocumentExtraction objects: JSONL (one per line) or one JSON file
    TextRecords,  // {"id","source","text"} per line, each text a whole text article (with
                  // its header lines), read as a *.txt file would be (streamed text files)
};

struct InputSource {
    std::string path;         // "-" for standard input
    std::string display;      // how messages name it
    std::string document_id;  // for a text file: its path relative to the folder given
    InputKind kind = InputKind::Text;
    std::uint64_t first_line = 1;  // number of the first line (a slice of a longer file)
};

// How standard input ("-") is read: by default one text article; with Jsonl (or
// TextRecords) a stream of documents, one a line, read and extracted as they arrive.
// `name` is how messages and document sources call it, `document_id` the base of default
// ids (ID:LINE for JSONL lines without "id"), `first_line` the number of its first line:
// together they let a slice of a file (a Spark partition) be read as the file itself.
struct StdinOptions {
    InputKind kind = InputKind::Text;
    std::string name = "<stdin>";
    std::string document_id = "stdin";
    std::uint64_t first_line = 1;
};

// Collects warnings (invalid UTF-8 repaired, skipped records) and, with keep_going,
// errors of records that were skipped. Library code reports here instead of printing.
class Diagnostics {
  public:
    explicit Diagnostics(bool keep_going = false) : keep_going_(keep_going) {}
    void warn(std::string message) { warnings_.push_back(std::move(message)); }
    // With keep_going the error is recorded and reading continues; otherwise it is thrown.
    void error(const class Error& error);
    bool keep_going() const { return keep_going_; }
    const std::vector<std::string>& warnings() const { return warnings_; }
    const std::vector<std::string>& errors() const { return errors_; }
    std::vector<std::string> take_warnings() { return std::exchange(warnings_, {}); }

  private:
    bool keep_going_;
    std::vector<std::string> warnings_;
    std::vector<std::string> errors_;
};

// Expands folders recursively (*.txt, *.jsonl, and *.json in extraction mode) in sorted
// order; classifies each file by extension. Throws Error(Io) naming a missing path.
std::vector<InputSource> discover_inputs(std::span<const std::string> arguments, bool extractions,
                                         const StdinOptions& stdin_options = {});

// Replaces invalid UTF-8 with U+FFFD; warns with the byte offset of the first repair and
// the number of bytes replaced. repair_utf8_owned returns valid input itself, uncopied.
std::string repair_utf8(std::string_view bytes, std::string_view where, Diagnostics& diagnostics);
std::string repair_utf8_owned(std::string&& bytes, std::string_view where,
                              Diagnostics& diagnostics);

// Splits a plain-text article into header and body. Recognised headers:
// "date YYYY-MM-DD Title" on the first line, or a title line followed by a blank line.
Document parse_text_article(std::string text, std::string id, std::string source);

void read_documents(const InputSource& source, Diagnostics& diagnostics,
                    const std::function<void(Document&&)>& on_document);
void read_extractions(const InputSource& source, Diagnostics& diagnostics,
                      const std::function<void(DocumentExtraction&&)>& on_extraction);

// Parses and validates one extraction object (against schema/extraction.schema.json,
// then referential checks); errors name `where`, the line and the JSON field.
DocumentExtraction parse_extraction(std::string_view json, std::string_view where,
                                    std::uint64_t line);
// One line of extraction JSONL (no trailing newline).
void write_extraction_json(const DocumentExtraction& extraction, OutputStream& out);

}  // namespace kgforge
