// reStructuredText → document model (FEATURES §9). The one entry point both
// the server (rendering, quiz extraction) and the client (live preview) call.
// It never throws: problems become diagnostics and `problem` blocks in place.
#pragma once

#include "wte/rst/document.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wte::rst {

struct Diagnostic {
    int line = 0; // 1-based source line
    std::string message;
    bool operator==(const Diagnostic&) const = default;
};

struct ParseResult {
    Document doc;
    std::vector<Diagnostic> diagnostics; // in source order
    // Steps the parser's scanning loops took: a measure of its cost that,
    // unlike time, tests can compare across input sizes on a busy machine.
    std::size_t work = 0;
};

// Limits that keep hostile input cheap: deeper nesting is reported and the
// nested text is shown as a literal block.
constexpr int max_nesting_depth = 32;
// At most this many diagnostics are listed, then one saying how many more.
constexpr std::size_t max_diagnostics = 100;

// Parses a whole page. Time is linear in the size of `source`.
ParseResult parse(std::string_view source);

nlohmann::json to_json(const Diagnostic& d);

// A place in the source as the model records it: 1-based line, and 1-based
// column in characters with tabs expanded to multiples of 8.
struct SourcePosition {
    int line = 0;
    int column = 0;
    bool operator==(const SourcePosition&) const = default;
};

// The byte offset in `source` of each position (same order), or npos where
// the source has no character there. Lets a tool edit the source at places
// the model names (learners' copies of quizzes). Linear in the source size.
std::vector<std::size_t> source_offsets(std::string_view source,
                                        const std::vector<SourcePosition>& positions);

// Keeps only safe CSS declarations for the :style: role; `problems` gets one
// entry per dropped declaration. Returns "" when nothing survives.
std::string sanitize_css(std::string_view css, std::vector<std::string>& problems);

// "http", "https", "mailto" and scheme-less (relative) URLs are safe; the
// result has whitespace removed. Returns "" for anything else.
std::string safe_url(std::string_view url);

// The 11-character id of a YouTube URL (watch?v=, youtu.be/, /embed/ forms),
// or "" when the URL is not one of them.
std::string youtube_video_id(std::string_view url);

} // namespace wte::rst
