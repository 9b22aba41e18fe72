// The document model a reStructuredText page parses into (FEATURES §9): a tree
// of blocks holding inline spans. The client draws it, the HTML writer exports
// it, quiz extraction reads it. Every node carries its 1-based source line.
#pragma once

#include "wte/domain.hpp"
#include "wte/rst/math.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace wte::rst {

// A part of a node that only a few kinds have (a formula, an image's fields),
// kept on the heap so the common nodes stay small: a 2 MB page holds about
// 100k blocks. It reads as a default T while unset, copies deeply and
// compares by value; edit() (or assigning a T) gives it its own T.
template <typename T> class Rare {
public:
    Rare() = default;
    Rare(const Rare& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    Rare(Rare&&) noexcept = default;
    Rare& operator=(const Rare& other) {
        if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    Rare& operator=(Rare&&) noexcept = default;
    Rare& operator=(T value) {
        edit() = std::move(value);
        return *this;
    }

    const T& operator*() const { return value_ ? *value_ : unset(); }
    const T* operator->() const { return &**this; }
    T& edit() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }
    void reset() { value_.reset(); }
    bool operator==(const Rare& other) const { return **this == *other; }
    bool operator==(const T& value) const { return **this == value; }

private:
    std::unique_ptr<T> value_;
    static const T& unset() {
        static const T value{};
        return value;
    }
};

enum class InlineKind {
    text,        // text
    emphasis,    // children
    strong,      // children
    literal,     // text (shown verbatim, monospace)
    subscript,   // children
    superscript, // children
    link,        // text, target = URL (http, https, mailto, relative or "#anchor")
    asset,       // text (may be empty), target = asset name
    crossref,    // text (may be empty: the client shows the part title), target = part id
    styled,      // children, target = sanitised CSS ("color: red; font-weight: bold")
    code,        // text = code, target = language ("" when none)
    math,        // text = LaTeX, math = parsed formula
};

struct Inline {
    InlineKind kind = InlineKind::text;
    int line = 0;
    std::string text;
    Rare<std::string> target; // link, asset, crossref, styled, code
    std::vector<Inline> children;
    Rare<MathNode> math; // math
    bool operator==(const Inline&) const = default;
};

enum class BlockKind {
    section,         // inlines = title, level, anchor, children = body and subsections
    paragraph,       // inlines
    bullet_list,     // children = list_item
    enumerated_list, // children = list_item, enumeration, start
    list_item,       // children
    definition_list, // children = definition_item
    definition_item, // inlines = term, children = definition
    field_list,      // children = field
    field,           // inlines = field name, children = body
    literal_block,   // text
    block_quote,     // children (the last may be an attribution)
    attribution,     // inlines
    table,           // children = table_row
    table_row,       // children = table_cell, header
    table_cell,      // children, colspan, rowspan
    image,           // image = uri, alt, width, height, align, target
    figure,          // image, children = caption paragraph then legend blocks
    admonition,      // name = note|warning|tip|...|admonition, inlines = title (generic only)
    comment,         // text; never shown (in a quiz_question: a refused duplicate [x] answer,
                     // with correct and marker_column)
    line_block,      // children = line and nested line_block
    line,            // inlines
    transition,      // a horizontal rule
    sourcecode,      // text = code, sourcecode = language, filename, first_line_number, no_select
    youtube,         // id = validated 11-character video id
    quiz,            // id, inlines = title, children = quiz_question (and other blocks)
    quiz_question,   // id, inlines = question, question_type, children = quiz_answer
    quiz_answer,     // inlines, correct (never sent to learners before they answer), marker_column
    show_hide,       // inlines = title, initially_visible, children
    math,            // text = LaTeX, math = parsed formula
    problem,         // text = message shown in place of content that was refused
};

// The fields of an image or figure.
struct ImageFields {
    std::string uri; // http(s) URL or relative path / asset name
    std::string alt;
    std::string width;  // CSS length, validated
    std::string height; // CSS length, validated
    std::string align;  // left|center|right or ""
    std::string target; // link URL, validated
    bool operator==(const ImageFields&) const = default;
};

// The fields of a sourcecode block besides its code (the block's text).
struct SourcecodeFields {
    std::string language; // "" when none
    std::string filename;
    int first_line_number = 0; // 0 = no line numbers
    bool no_select = false;    // learners cannot select/copy it
    bool operator==(const SourcecodeFields&) const = default;
};

// Fields every kind may use stay inline; those of a few kinds are Rare.
struct Block {
    BlockKind kind = BlockKind::paragraph;
    int line = 0;
    std::vector<Inline> inlines;
    std::vector<Block> children;
    std::string text;

    Rare<std::string> anchor; // HTML id (sections, targets of `.. _name:`)
    Rare<std::string> id;     // quiz, quiz_question: author's id; youtube: video id
    Rare<std::string> name;   // admonition kind; problem: what was refused
    // enumerated_list: arabic|loweralpha|upperalpha|lowerroman|upperroman
    Rare<std::string> enumeration;

    int level = 0;   // section: 1 is outermost
    int start = 1;   // enumerated_list: first number
    int colspan = 1; // table_cell
    int rowspan = 1; // table_cell
    // quiz_answer: column of the "[" of its "[x]" / "[ ]" marker on source line
    // `line` (1-based, characters, tabs expanded to multiples of 8); 0 when the
    // answer has no marker. Learners' copies rewrite the source there.
    int marker_column = 0;
    QuestionType question_type = QuestionType::single_choice; // quiz_question
    bool header = false;                                      // table_row: part of the table head
    bool correct = false;           // quiz_answer (and the comment of a refused duplicate)
    bool initially_visible = false; // show_hide

    Rare<MathNode> math;               // math
    Rare<ImageFields> image;           // image, figure
    Rare<SourcecodeFields> sourcecode; // sourcecode

    bool operator==(const Block&) const = default;
};

struct Document {
    std::vector<Inline> title; // the lone first heading, empty when there is none
    int title_line = 0;
    std::vector<Block> blocks;
    // Bytes of the source it was parsed from: the HTML writer sizes its page
    // by it. Not part of the content, so equality leaves it out.
    std::size_t source_size = 0;
    bool operator==(const Document& other) const {
        return title == other.title && title_line == other.title_line && blocks == other.blocks;
    }
};

std::string to_string(InlineKind kind);
std::string to_string(BlockKind kind);

// The visible text of spans, markup removed (quiz answers, titles, summaries).
std::string plain_text(const std::vector<Inline>& inlines);

// Stable JSON dump for golden tests and debugging: keys sorted, default
// fields left out.
nlohmann::json to_json(const MathNode& node);
nlohmann::json to_json(const Inline& span);
nlohmann::json to_json(const Block& block);
nlohmann::json to_json(const Document& doc);

} // namespace wte::rst
