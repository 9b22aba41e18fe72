// Names, plain text and the JSON dump of the reStructuredText document model.
// The dump is what the golden files under tests/rst-corpus hold, so a field
// appears only when it differs from its default.
#include "wte/rst/document.hpp"

namespace wte::rst {

using nlohmann::json;

std::string to_string(InlineKind kind) {
    switch (kind) {
    case InlineKind::text:
        return "text";
    case InlineKind::emphasis:
        return "emphasis";
    case InlineKind::strong:
        return "strong";
    case InlineKind::literal:
        return "literal";
    case InlineKind::subscript:
        return "subscript";
    case InlineKind::superscript:
        return "superscript";
    case InlineKind::link:
        return "link";
    case InlineKind::asset:
        return "asset";
    case InlineKind::crossref:
        return "crossref";
    case InlineKind::styled:
        return "styled";
    case InlineKind::code:
        return "code";
    case InlineKind::math:
        return "math";
    }
    return "text";
}

std::string to_string(BlockKind kind) {
    switch (kind) {
    case BlockKind::section:
        return "section";
    case BlockKind::paragraph:
        return "paragraph";
    case BlockKind::bullet_list:
        return "bullet_list";
    case BlockKind::enumerated_list:
        return "enumerated_list";
    case BlockKind::list_item:
        return "list_item";
    case BlockKind::definition_list:
        return "definition_list";
    case BlockKind::definition_item:
        return "definition_item";
    case BlockKind::field_list:
        return "field_list";
    case BlockKind::field:
        return "field";
    case BlockKind::literal_block:
        return "literal_block";
    case BlockKind::block_quote:
        return "block_quote";
    case BlockKind::attribution:
        return "attribution";
    case BlockKind::table:
        return "table";
    case BlockKind::table_row:
        return "table_row";
    case BlockKind::table_cell:
        return "table_cell";
    case BlockKind::image:
        return "image";
    case BlockKind::figure:
        return "figure";
    case BlockKind::admonition:
        return "admonition";
    case BlockKind::comment:
        return "comment";
    case BlockKind::line_block:
        return "line_block";
    case BlockKind::line:
        return "line";
    case BlockKind::transition:
        return "transition";
    case BlockKind::sourcecode:
        return "sourcecode";
    case BlockKind::youtube:
        return "youtube";
    case BlockKind::quiz:
        return "quiz";
    case BlockKind::quiz_question:
        return "quiz_question";
    case BlockKind::quiz_answer:
        return "quiz_answer";
    case BlockKind::show_hide:
        return "show_hide";
    case BlockKind::math:
        return "math";
    case BlockKind::problem:
        return "problem";
    }
    return "paragraph";
}

namespace {

void append_plain(const std::vector<Inline>& inlines, std::string& out) {
    for (const auto& span : inlines) {
        switch (span.kind) {
        case InlineKind::emphasis:
        case InlineKind::strong:
        case InlineKind::subscript:
        case InlineKind::superscript:
        case InlineKind::styled:
            append_plain(span.children, out);
            break;
        case InlineKind::asset:
        case InlineKind::crossref:
            out += span.text.empty() ? *span.target : span.text;
            break;
        default:
            out += span.text;
            break;
        }
    }
}

json inlines_json(const std::vector<Inline>& inlines) {
    json a = json::array();
    for (const auto& s : inlines)
        a.push_back(to_json(s));
    return a;
}

} // namespace

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

json to_json(const MathNode& node) {
    json j = {{"kind", to_string(node.kind)}};
    if (!node.text.empty()) j["text"] = node.text;
    if (!node.children.empty()) {
        json c = json::array();
        for (const auto& child : node.children)
            c.push_back(to_json(child));
        j["children"] = std::move(c);
    }
    return j;
}

json to_json(const Inline& span) {
    json j = {{"kind", to_string(span.kind)}, {"line", span.line}};
    if (!span.text.empty()) j["text"] = span.text;
    if (!span.target->empty()) j["target"] = *span.target;
    if (!span.children.empty()) j["children"] = inlines_json(span.children);
    if (span.kind == InlineKind::math) j["math"] = to_json(*span.math);
    return j;
}

json to_json(const Block& b) {
    json j = {{"kind", to_string(b.kind)}, {"line", b.line}};
    if (!b.inlines.empty()) j["inlines"] = inlines_json(b.inlines);
    if (!b.children.empty()) {
        json c = json::array();
        for (const auto& child : b.children)
            c.push_back(to_json(child));
        j["children"] = std::move(c);
    }
    if (!b.text.empty()) j["text"] = b.text;
    if (b.kind == BlockKind::math) j["math"] = to_json(*b.math);
    if (b.level != 0) j["level"] = b.level;
    if (!b.anchor->empty()) j["anchor"] = *b.anchor;
    if (!b.id->empty()) j["id"] = *b.id;
    if (!b.name->empty()) j["name"] = *b.name;
    if (b.kind == BlockKind::enumerated_list) {
        j["enumeration"] = *b.enumeration;
        j["start"] = b.start;
    }
    const ImageFields& image = *b.image;
    if (!image.uri.empty()) j["uri"] = image.uri;
    if (!image.alt.empty()) j["alt"] = image.alt;
    if (!image.width.empty()) j["width"] = image.width;
    if (!image.height.empty()) j["height"] = image.height;
    if (!image.align.empty()) j["align"] = image.align;
    if (!image.target.empty()) j["target"] = image.target;
    if (b.kind == BlockKind::sourcecode) {
        const SourcecodeFields& code = *b.sourcecode;
        j["language"] = code.language;
        if (!code.filename.empty()) j["filename"] = code.filename;
        if (code.first_line_number != 0) j["first_line_number"] = code.first_line_number;
        if (code.no_select) j["no_select"] = true;
    }
    if (b.header) j["header"] = true;
    if (b.colspan != 1) j["colspan"] = b.colspan;
    if (b.rowspan != 1) j["rowspan"] = b.rowspan;
    if (b.kind == BlockKind::quiz_question) j["question_type"] = to_string(b.question_type);
    if (b.kind == BlockKind::quiz_answer || b.correct) j["correct"] = b.correct;
    if (b.marker_column != 0) j["marker_column"] = b.marker_column;
    if (b.kind == BlockKind::show_hide) j["initially_visible"] = b.initially_visible;
    return j;
}

json to_json(const Document& doc) {
    json j = {{"blocks", json::array()}};
    for (const auto& b : doc.blocks)
        j["blocks"].push_back(to_json(b));
    if (!doc.title.empty()) {
        j["title"] = inlines_json(doc.title);
        j["title_line"] = doc.title_line;
    }
    return j;
}

} // namespace wte::rst
