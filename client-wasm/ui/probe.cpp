// Collects the widgets and texts of one frame and hands them to
// main.cpp, which publishes it to web/js/bridge.js (see ui/probe.hpp).
#include "ui/probe.hpp"

#include "ui/theme.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace wte::ui::probe {

namespace {
nlohmann::json g_widgets = nlohmann::json::array();
nlohmann::json g_texts = nlohmann::json::array();
std::string g_last_published;

double css(float device_px) {
    return std::round(device_px / scale() * 10.0) / 10.0;
}

void put_rect(nlohmann::json& j, ImVec2 min, ImVec2 max) {
    j["x"] = css(min.x);
    j["y"] = css(min.y);
    j["w"] = css(max.x - min.x);
    j["h"] = css(max.y - min.y);
    // The part not clipped away by a scrolled area (a button scrolled under
    // the top bar is still laid out, but a click there lands on the bar).
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    const ImVec2 vmin(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
    const ImVec2 vmax(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
    if (vmax.x > vmin.x && vmax.y > vmin.y)
        j["visible"] = {css(vmin.x), css(vmin.y), css(vmax.x - vmin.x), css(vmax.y - vmin.y)};
    else
        j["visible"] = nullptr;
}
} // namespace

void begin_frame() {
    g_widgets = nlohmann::json::array();
    g_texts = nlohmann::json::array();
}

std::string visible_label(const char* label) {
    std::string s(label);
    if (auto pos = s.find("##"); pos != std::string::npos) s.erase(pos);
    return s;
}

void widget(const std::string& label, const char* kind, bool enabled, bool checked, bool focused) {
    nlohmann::json w = {{"label", label}, {"kind", kind}};
    put_rect(w, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    w["enabled"] = enabled;
    w["checked"] = checked;
    w["focused"] = focused;
    g_widgets.push_back(std::move(w));
}

void widget_value(const std::string& value) {
    if (!g_widgets.empty()) g_widgets.back()["value"] = value;
}

void widget_range(double value, double max) {
    if (g_widgets.empty()) return;
    g_widgets.back()["value"] = value;
    g_widgets.back()["max"] = max;
}

void widget_rect(const std::string& label, const char* kind, ImVec2 min, ImVec2 max) {
    nlohmann::json w = {{"label", label}, {"kind", kind}};
    put_rect(w, min, max);
    w["enabled"] = true;
    w["checked"] = false;
    w["focused"] = false;
    g_widgets.push_back(std::move(w));
}

void text(const std::string& t) {
    text_rect(t, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void text_rect(const std::string& t, ImVec2 min, ImVec2 max) {
    nlohmann::json j = {{"text", t}};
    put_rect(j, min, max);
    g_texts.push_back(std::move(j));
}

std::string end_frame(const std::string& screen, const std::string& route) {
    nlohmann::json all = {
        {"screen", screen}, {"route", route}, {"widgets", g_widgets}, {"texts", g_texts}};
    std::string s = all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (s == g_last_published) return {};
    g_last_published = s;
    return s;
}

} // namespace wte::ui::probe
