// draw_page_content: shows a part's reStructuredText source as readable plain
// text until the rich renderer (shared-model/src/rst) replaces this file:
// paragraphs are re-flowed, section titles shown as headings, bullet lines
// as bullets and indented blocks in monospace. No other markup is applied.
#include "screens/screens.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"

#include <sstream>
#include <vector>

namespace wte::client {

namespace {

using namespace wte::ui;

bool is_adornment(const std::string& line) {
    if (line.size() < 3) return false;
    const char c = line[0];
    if (std::string("=-~^\"'`#*+_:.").find(c) == std::string::npos) return false;
    return line.find_first_not_of(c) == std::string::npos;
}

bool is_bullet(const std::string& line) {
    return line.size() > 2 && (line[0] == '*' || line[0] == '-' || line[0] == '+') &&
           line[1] == ' ';
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

void draw_block(const std::vector<std::string>& lines) {
    // Indented block (literal text, directive body): keep the lines.
    if (lines[0][0] == ' ' || lines[0][0] == '\t') {
        std::string text;
        for (const auto& l : lines)
            text += (text.empty() ? "" : "\n") + l;
        FontScope f(FontRole::mono);
        ColorScope c(ImGuiCol_Text, palette().text);
        ImGui::TextUnformatted(text.c_str());
        probe::text(text);
        return;
    }
    // Bullet list: one bullet per item, continuation lines joined.
    if (is_bullet(lines[0])) {
        std::vector<std::string> items;
        for (const auto& l : lines) {
            if (is_bullet(l))
                items.push_back(trim(l.substr(2)));
            else if (!items.empty())
                items.back() += " " + trim(l);
        }
        const float indent = 24_s;
        ImGui::Indent(indent);
        for (const auto& item : items) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float line_h = ImGui::GetFontSize();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x - 12_s, p.y + line_h * 0.55f),
                                                        2.5_s, palette().text_muted, 12);
            paragraph(item);
        }
        ImGui::Unindent(indent);
        return;
    }
    std::string text;
    for (const auto& l : lines)
        text += (text.empty() ? "" : " ") + trim(l);
    paragraph(text);
}

} // namespace

void draw_page_content(const std::string& content, const std::string& title) {
    std::istringstream in(content);
    std::vector<std::vector<std::string>> blocks(1);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty()) {
            if (!blocks.back().empty()) blocks.emplace_back();
        } else {
            blocks.back().push_back(line);
        }
    }
    std::string adornments; // heading levels by first appearance, as in reST
    bool first = true;
    for (auto& block : blocks) {
        if (block.empty()) continue;
        // A section title: "Title" over an adornment line (and maybe under one).
        std::size_t t = is_adornment(block[0]) && block.size() >= 2 ? 1 : 0;
        if (block.size() > t + 1 && is_adornment(block[t + 1])) {
            const std::string heading_text = trim(block[t]);
            const char mark = block[t + 1][0];
            if (adornments.find(mark) == std::string::npos) adornments += mark;
            const int level = static_cast<int>(adornments.find(mark)) + 2;
            if (!(first && heading_text == title)) {
                if (!first) vspace(6);
                heading(heading_text, level > 3 ? 3 : level);
            }
            block.erase(block.begin(), block.begin() + static_cast<long>(t + 2));
            first = false;
            if (block.empty()) continue;
        }
        first = false;
        draw_block(block);
    }
}

} // namespace wte::client
