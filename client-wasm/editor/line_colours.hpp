// Syntax colours for the editor, one line at a time, from the shared-model
// highlighter (wte/highlight.hpp). Each line's tokens are cached with the
// lexer state at its start (inside a comment, a template string, a tag, a
// <script> or <style> body, CSS block depth); an edit re-scans the states
// from the changed line only until they agree with the cache again, so one
// keystroke re-colours the lines whose state changed and no others. reST
// ("rst") is coloured by regions between unindented paragraphs instead.
#pragma once

#include "editor/text_buffer.hpp"

#include <wte/highlight.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace wte::editor {

struct LineState {
    enum class Body : std::uint8_t { main, script, style }; // HTML: inside <script>/<style>
    enum class Open : std::uint8_t {
        none,
        block_comment,   // /* … */ (CSS, JavaScript)
        html_comment,    // <!-- … -->
        template_string, // JavaScript `…`
        tag,             // between a tag's name and its '>'
        value_double,    // an attribute value in "…"
        value_single,    // an attribute value in '…'
    };
    Body body = Body::main;
    Open open = Open::none;
    Body tag_body = Body::main; // the body a tag open at line end leads into
    std::uint8_t css_depth = 0;
    bool operator==(const LineState&) const = default;
};

class LineColours {
public:
    // language: a name highlight() knows ("html", "css", "javascript", …).
    explicit LineColours(std::string language = "");
    void set_language(std::string language);
    const std::string& language() const { return language_; }

    // Brings the states up to date with the buffer's changes since the last
    // call (cheap when nothing changed). Call once per frame before tokens().
    void sync(TextBuffer& buffer);
    // The tokens of one line (byte ranges of that line), coloured on first use.
    const std::vector<Token>& tokens(const TextBuffer& buffer, int line);
    LineState state_at_start(int line) const {
        return lines_[static_cast<std::size_t>(line)].start;
    }

    // Work done, for tests and the benchmark.
    struct Stats {
        std::uint64_t lines_coloured = 0; // highlight() calls for a line
        std::uint64_t lines_scanned = 0;  // end-of-line states computed
    };
    const Stats& stats() const { return stats_; }
    void reset_stats() { stats_ = {}; }

private:
    struct Line {
        LineState start;
        LineState end;
        bool scanned = false; // `end` is valid for `start` and the text
        bool coloured = false;
        std::vector<Token> tokens;
    };
    std::string language_;
    std::vector<Line> lines_;
    Stats stats_;

    LineState scan(const std::string& text, LineState start) const;
    // reST: colours every line of the region around `line` in one call.
    void colour_region(const TextBuffer& buffer, int line);
    void rescan_from(const TextBuffer& buffer, int line);
};

} // namespace wte::editor
