// Column layout: content is a centred column with comfortable margins, and
// text wraps at the column's right edge.
#include "widgets/widgets.hpp"
#include "widgets/widgets_internal.hpp"

#include <algorithm>
#include <memory>
#include <vector>

namespace wte::ui {

namespace {
struct Column {
    float indent;
    float width;
};
std::vector<Column> g_columns;
} // namespace

float column_width() {
    if (g_columns.empty()) return ImGui::GetContentRegionAvail().x;
    return g_columns.back().width;
}

float begin_column(float max_width_css) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float margin = avail < 600_s ? 16_s : 32_s;
    const float width = std::max(100_s, std::min(max_width_css * scale(), avail - 2 * margin));
    const float indent = std::max(1.0f, (avail - width) * 0.5f);
    ImGui::Indent(indent);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    g_columns.push_back({indent, width});
    return width;
}

void end_column() {
    if (g_columns.empty()) return;
    ImGui::PopTextWrapPos();
    ImGui::Unindent(g_columns.back().indent);
    g_columns.pop_back();
}

float begin_inset(float padding_css) {
    const float pad = padding_css * scale();
    const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x - 2 * pad);
    ImGui::Indent(pad);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    g_columns.push_back({pad, width});
    return width;
}

void end_inset() {
    end_column();
}

void push_column_width(float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    g_columns.push_back({0.0f, width});
}

void pop_column_width() {
    if (g_columns.empty()) return;
    ImGui::PopTextWrapPos();
    g_columns.pop_back();
}

float begin_side_column(float offset, float width) {
    ImGui::Indent(offset);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    g_columns.push_back({offset, width});
    return width;
}

void vspace(float css) {
    ImGui::Dummy(ImVec2(1.0f, css * scale()));
}

namespace {
struct Panel {
    ImDrawListSplitter splitter;
    ImVec2 start;
    float width = 0;
    float padding = 0;
};
std::vector<std::unique_ptr<Panel>> g_panels;
} // namespace

void begin_panel(float padding_css) {
    auto panel = std::make_unique<Panel>();
    panel->padding = padding_css * scale();
    panel->width = column_width();
    panel->start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    panel->splitter.Split(dl, 2);
    panel->splitter.SetCurrentChannel(dl, 1);
    ImGui::Dummy(ImVec2(1.0f, panel->padding - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(panel->padding);
    const float inner = panel->width - 2 * panel->padding;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    g_columns.push_back({panel->padding, inner});
    g_panels.push_back(std::move(panel));
}

void end_panel() {
    if (g_panels.empty()) return;
    auto panel = std::move(g_panels.back());
    g_panels.pop_back();
    g_columns.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(panel->padding);
    const float bottom = ImGui::GetItemRectMax().y + panel->padding;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    panel->splitter.SetCurrentChannel(dl, 0);
    const Palette& p = palette();
    const ImVec2 min = panel->start;
    const ImVec2 max(min.x + panel->width, bottom);
    const float r = 12_s;
    dl->AddRectFilled(ImVec2(min.x, min.y + 2_s), ImVec2(max.x, max.y + 2_s), p.shadow, r);
    dl->AddRectFilled(min, max, p.surface, r);
    dl->AddRect(min, max, p.border, r, 0, high_contrast() ? 2_s : 1_s);
    panel->splitter.Merge(dl);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, bottom));
    ImGui::Dummy(ImVec2(1.0f, 0.0f));
}

} // namespace wte::ui
