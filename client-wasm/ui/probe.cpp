// Collects the widgets and texts of one frame and hands them to
// main.cpp, which publishes it to web/js/bridge.js (see ui/probe.hpp).
#include "ui/probe.hpp"
#include "ui/probe_delta.hpp"

#include "ui/theme.hpp"

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wte::ui::probe {

namespace {
nlohmann::json g_widgets = nlohmann::json::array();
nlohmann::json g_texts = nlohmann::json::array();
nlohmann::json g_regions = nlohmann::json::array();
nlohmann::json g_announce = nlohmann::json::array();
std::vector<std::size_t> g_open_regions; // indexes into g_regions
int g_order = 0;                         // the next record's place in draw order
ImGuiID g_focus_request = 0;
bool g_focus_moved = false; // a focus asked for by the mirror this frame, to:
ImGuiID g_focus_moved_to = 0;
std::vector<std::pair<int, std::string>> g_new_documents;
std::vector<DocumentRequest> g_document_requests;
std::optional<FieldEdit> g_field_edit; // the newest one: it holds the field's whole text
std::string g_last_published;

double css(float device_px) {
    return std::round(device_px / device_ratio() * 10.0) / 10.0;
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

// A focus asked for by the mirror lands on the item just drawn, which is in
// its own window's navigation scope; the highlight is drawn for every widget
// (ImGui draws it only for its own buttons).
bool take_focus_request(ImGuiID id, ImVec2 min, ImVec2 max) {
    if (id == 0) return false;
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool asked = id == g_focus_request;
    if (asked) {
        g_focus_request = 0;
        if (g.NavId != id) ImGui::SetFocusID(id, window);
        // The text field left for this widget (Tab in the mirror) lets go of the caret.
        if (g.ActiveId != 0 && g.ActiveId != id) ImGui::ClearActiveID();
        g.NavDisableHighlight = false;
        g.NavDisableMouseHover = true;
        ImGui::ScrollToBringRectIntoView(window, ImRect(min, max));
    }
    ImGui::RenderNavHighlight(ImRect(min, max), id, ImGuiNavHighlightFlags_TypeThin);
    return asked;
}
} // namespace

void begin_frame() {
    g_widgets = nlohmann::json::array();
    g_texts = nlohmann::json::array();
    g_regions = nlohmann::json::array();
    g_announce = nlohmann::json::array();
    g_open_regions.clear();
    g_order = 0;
}

std::string visible_label(const char* label) {
    std::string s(label);
    if (auto pos = s.find("##"); pos != std::string::npos) s.erase(pos);
    return s;
}

void widget(const std::string& label, const char* kind, bool enabled, bool checked, bool focused) {
    nlohmann::json w = {{"label", label}, {"kind", kind}};
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    put_rect(w, min, max);
    const ImGuiID id = ImGui::GetItemID();
    if (take_focus_request(id, min, max)) focused = true;
    w["enabled"] = enabled;
    w["checked"] = checked;
    w["focused"] = focused;
    w["id"] = id;
    w["n"] = g_order++;
    g_widgets.push_back(std::move(w));
    // An edit for a field that was left is stale: a field drawn later with
    // the same id (the next dialog's Title) must not take it.
    if (g_field_edit && g_field_edit->id == id && !focused &&
        ImGui::GetFrameCount() - g_field_edit->frame > 2)
        g_field_edit.reset();
}

void widget_expanded(bool open) {
    if (!g_widgets.empty()) g_widgets.back()["expanded"] = open;
}

void widget_password(bool filled) {
    if (g_widgets.empty()) return;
    g_widgets.back()["password"] = true;
    g_widgets.back()["filled"] = filled;
}

void widget_caret(int anchor, int caret) {
    if (g_widgets.empty()) return;
    g_widgets.back()["anchor"] = anchor;
    g_widgets.back()["caret"] = caret;
}

void widget_invalid(const std::string& message) {
    if (!g_widgets.empty() && !message.empty()) g_widgets.back()["invalid"] = message;
}

void widget_multiline() {
    if (!g_widgets.empty()) g_widgets.back()["multiline"] = true;
}

void widget_list_item() {
    if (!g_widgets.empty()) g_widgets.back()["item"] = true;
}

void text_cell(int column, bool header) {
    if (g_texts.empty()) return;
    g_texts.back()["cell"] = column;
    if (header) g_texts.back()["header"] = true;
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
    w["id"] = 0;
    w["n"] = g_order++;
    g_widgets.push_back(std::move(w));
}

void text(const std::string& t) {
    text_rect(t, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void text_rect(const std::string& t, ImVec2 min, ImVec2 max) {
    nlohmann::json j = {{"text", t}};
    put_rect(j, min, max);
    j["n"] = g_order++;
    g_texts.push_back(std::move(j));
}

void text_heading(int level) {
    if (!g_texts.empty()) g_texts.back()["heading"] = std::clamp(level, 1, 6);
}

void announce(const std::string& message, const char* politeness) {
    if (!message.empty()) g_announce.push_back({{"text", message}, {"live", politeness}});
}

void begin_region(const char* role, const std::string& label) {
    g_open_regions.push_back(g_regions.size());
    g_regions.push_back({{"role", role}, {"label", label}, {"from", g_order}, {"to", g_order}});
}

void end_region() {
    if (g_open_regions.empty()) return;
    g_regions[g_open_regions.back()]["to"] = g_order;
    g_open_regions.pop_back();
}

void document_html(int key, const std::string& html) {
    g_new_documents.emplace_back(key, html);
}

std::vector<std::pair<int, std::string>> take_document_html() {
    return std::exchange(g_new_documents, {});
}

void begin_document(int key, ImVec2 min, ImVec2 max) {
    begin_region("document");
    nlohmann::json& r = g_regions.back();
    r["key"] = key;
    r["x"] = css(min.x);
    r["y"] = css(min.y);
    r["w"] = css(max.x - min.x);
    r["h"] = css(max.y - min.y);
    r["chosen"] = nlohmann::json::object();
}

void document_choice(const std::string& name, const std::vector<int>& chosen) {
    for (auto it = g_open_regions.rbegin(); it != g_open_regions.rend(); ++it) {
        nlohmann::json& r = g_regions[*it];
        if (r["role"] != "document") continue;
        r["chosen"][name] = chosen;
        return;
    }
}

void request_document(DocumentRequest request) {
    // Asked of a page no longer drawn, they are never taken: keep the last few.
    if (g_document_requests.size() >= 32) g_document_requests.erase(g_document_requests.begin());
    g_document_requests.push_back(std::move(request));
}

std::vector<DocumentRequest> take_document_requests(int key) {
    std::vector<DocumentRequest> mine;
    std::erase_if(g_document_requests, [&](DocumentRequest& r) {
        if (r.key != key) return false;
        mine.push_back(std::move(r));
        return true;
    });
    return mine;
}

void edit_field(FieldEdit edit) {
    edit.frame = ImGui::GetFrameCount();
    g_field_edit = std::move(edit);
}

std::optional<FieldEdit> take_field_edit(unsigned id) {
    // A field activated by the mirror takes the caret a frame or two later.
    if (g_field_edit && ImGui::GetFrameCount() - g_field_edit->frame > 10) g_field_edit.reset();
    if (!g_field_edit || g_field_edit->id != id) return std::nullopt;
    return std::exchange(g_field_edit, std::nullopt);
}

void activate(unsigned id, bool text_field) {
    ImGuiContext& g = *GImGui;
    g.NavNextActivateId = id;
    g.NavNextActivateFlags = text_field ? ImGuiActivateFlags_PreferInput : ImGuiActivateFlags_None;
}

void focus(unsigned id) {
    g_focus_request = id;
    g_focus_moved = true;
    g_focus_moved_to = id;
    if (id == 0) GImGui->NavDisableHighlight = true;
}

bool focus_moved_away(unsigned id) {
    return g_focus_moved && g_focus_moved_to != id;
}

namespace {

void close_regions() {
    while (!g_open_regions.empty())
        end_region();
}

// --- the last frame the mirror got, by record key ---
struct Sent {
    std::string screen, route;
    std::vector<std::string> keys; // in draw order
    std::unordered_map<std::string, nlohmann::json> records;
    nlohmann::json regions = nlohmann::json::array();
    nlohmann::json announce = nlohmann::json::array();
    bool any = false;
};
Sent g_sent;

// Keys in draw order (widgets and texts merged by "n"), each written into its record.
std::vector<std::string> key_records() {
    std::vector<std::pair<int, nlohmann::json*>> all;
    all.reserve(g_widgets.size() + g_texts.size());
    for (auto& w : g_widgets)
        all.emplace_back(w["n"].get<int>(), &w);
    for (auto& t : g_texts)
        all.emplace_back(t["n"].get<int>(), &t);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::unordered_map<std::string, int> seen;
    std::vector<std::string> keys;
    keys.reserve(all.size());
    for (auto& [n, r] : all) {
        // A widget is known by its ImGui id, not its label: a button renamed
        // in place (Save → Saving…, kept by "###Save") is the same record,
        // sent as a change. Widgets without an id, and texts, by what they say.
        std::string k;
        if (!r->contains("kind"))
            k = "t\x01" + (*r)["text"].get<std::string>();
        else if (const unsigned id = (*r)["id"].get<unsigned>(); id != 0)
            k = "w\x01" + (*r)["kind"].get<std::string>() + "\x02" + std::to_string(id);
        else
            k = "w\x01" + (*r)["kind"].get<std::string>() + "\x01" +
                (*r)["label"].get<std::string>();
        const int occurrence = seen[k]++;
        if (occurrence) k += "\x01" + std::to_string(occurrence);
        (*r)["key"] = k;
        keys.push_back(std::move(k));
    }
    return keys;
}

double rounded(double v) {
    return std::round(v * 10.0) / 10.0;
}

// How a record compares with the last frame's: the same, the same moved
// down by dy (its y and visible y both), or changed.
enum class Compared { same, shifted, changed };
Compared compare(const nlohmann::json& now, const nlohmann::json& before, double& dy) {
    if (now.size() != before.size()) return Compared::changed;
    double d = 0;
    for (auto it = now.begin(); it != now.end(); ++it) {
        auto b = before.find(it.key());
        if (b == before.end()) return Compared::changed;
        if (it.key() == "y") {
            d = rounded(it->get<double>() - b->get<double>());
        } else if (it.key() == "visible") {
            if (it->is_null() || b->is_null()) {
                if (it->is_null() != b->is_null()) return Compared::changed;
                continue;
            }
            const auto &v = *it, &u = *b;
            if (v[0] != u[0] || v[2] != u[2] || v[3] != u[3]) return Compared::changed;
        } else if (*it != *b) {
            return Compared::changed;
        }
    }
    if (d == 0) {
        const auto &v = now["visible"], &u = before["visible"];
        if (!v.is_null() && v[1] != u[1]) return Compared::changed;
        return Compared::same;
    }
    const auto &v = now["visible"], &u = before["visible"];
    if (!v.is_null() && rounded(v[1].get<double>() - u[1].get<double>()) != d)
        return Compared::changed;
    dy = d;
    return Compared::shifted;
}

// Regions are the same, or the same with documents moved by `shift`.
bool same_regions(const nlohmann::json& now, const nlohmann::json& before, double shift) {
    if (now.size() != before.size()) return false;
    for (std::size_t i = 0; i < now.size(); ++i) {
        const auto &r = now[i], &b = before[i];
        if (r == b) continue;
        if (!r.contains("y") || r.size() != b.size()) return false;
        for (auto it = r.begin(); it != r.end(); ++it) {
            auto o = b.find(it.key());
            if (o == b.end()) return false;
            if (it.key() == "y") {
                if (rounded(it->get<double>() - o->get<double>()) != shift) return false;
            } else if (*it != *o) {
                return false;
            }
        }
    }
    return true;
}

std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void remember(Sent& sent, std::vector<std::string> keys) {
    sent.keys = std::move(keys);
    sent.records.clear();
    for (auto* list : {&g_widgets, &g_texts})
        for (auto& r : *list) {
            std::string k = r["key"].get<std::string>();
            sent.records.emplace(std::move(k), std::move(r));
        }
}

// A few records in the same places as the last frame's, whose words
// changed (a status line: Unsaved changes → Saving…): new key → the key the
// mirror knows them by. Empty when the frame is otherwise the same, or when
// more changed (content moved: its records keep their own keys and the
// whole frame goes). Widgets with an ImGui id keep their key by themselves.
std::unordered_map<std::string, std::string> renamed_in_place(const std::vector<std::string>& keys,
                                                              const Sent& sent) {
    constexpr std::size_t most_renamed = 4;
    std::unordered_map<std::string, std::string> renamed;
    if (!sent.any || keys.size() != sent.keys.size()) return {};
    // "t" or "w\x01kind": what a record is, without its words.
    auto what = [](const std::string& k) {
        if (k[0] == 't') return std::string_view(k).substr(0, 1);
        return std::string_view(k).substr(0, k.find('\x01', 2));
    };
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string &now = keys[i], &before = sent.keys[i];
        if (now == before) continue;
        const bool with_id =
            now.find('\x02') != std::string::npos || before.find('\x02') != std::string::npos;
        if (with_id || what(now) != what(before) || renamed.size() == most_renamed) return {};
        renamed.emplace(now, before);
    }
    return renamed;
}

} // namespace

namespace {
// Heading levels as the mirror tells them never skip one going down (a
// panel's h3 right under the screen's h1 reads as h2): screen readers list
// headings as an outline. Headings inside a page's HTML are its own.
void outline_headings() {
    std::vector<std::pair<int, int>> documents;
    for (const auto& r : g_regions)
        if (r["role"] == "document")
            documents.emplace_back(r["from"].get<int>(), r["to"].get<int>());
    int last = 0;
    for (auto& t : g_texts) {
        auto h = t.find("heading");
        if (h == t.end()) continue;
        const int n = t["n"].get<int>();
        if (std::any_of(documents.begin(), documents.end(),
                        [n](const auto& d) { return n >= d.first && n < d.second; }))
            continue;
        const int level = std::min(h->get<int>(), last + 1);
        *h = level;
        last = level;
    }
}
} // namespace

std::string end_frame(const std::string& screen, const std::string& route) {
    g_focus_moved = false;
    close_regions();
    outline_headings();
    nlohmann::json all = {{"screen", screen}, {"route", route},       {"widgets", g_widgets},
                          {"texts", g_texts}, {"regions", g_regions}, {"announce", g_announce}};
    std::string s = dump(all);
    if (s == g_last_published) return {};
    g_last_published = s;
    return s;
}

std::string end_frame_changes(const std::string& screen, const std::string& route) {
    g_focus_moved = false;
    close_regions();
    outline_headings();
    std::vector<std::string> keys = key_records();
    Sent& sent = g_sent;
    const std::unordered_map<std::string, std::string> renamed = renamed_in_place(keys, sent);
    bool full =
        !sent.any || keys.size() != sent.keys.size() || (keys != sent.keys && renamed.empty());
    nlohmann::json change = nlohmann::json::array();
    double shift = 0;
    if (!full) {
        // The shift most records share (a scroll); records moved otherwise changed.
        std::map<double, int> shifts;
        std::vector<std::pair<const nlohmann::json*, double>> moved;
        std::vector<const nlohmann::json*> changed;
        for (auto* list : {&g_widgets, &g_texts})
            for (const auto& r : *list) {
                double dy = 0;
                const std::string& key = r["key"].get_ref<const std::string&>();
                const auto was = renamed.find(key);
                switch (compare(r, sent.records.at(was == renamed.end() ? key : was->second), dy)) {
                case Compared::same:
                    moved.emplace_back(&r, 0.0);
                    break;
                case Compared::shifted:
                    ++shifts[dy];
                    moved.emplace_back(&r, dy);
                    break;
                case Compared::changed:
                    changed.push_back(&r);
                    break;
                }
            }
        int most = 0;
        for (const auto& [dy, count] : shifts)
            if (count > most) most = count, shift = dy;
        // Unmoved records of a shifted frame (the top bar) are rewritten against the shift.
        for (const auto& [r, dy] : moved)
            if (dy != shift) changed.push_back(r);
        full = !same_regions(g_regions, sent.regions, shift);
        if (!full) {
            if (changed.empty() && shift == 0 && g_announce == sent.announce &&
                screen == sent.screen && route == sent.route) {
                remember(sent, std::move(keys));
                return {};
            }
            for (const auto* r : changed) {
                change.push_back(*r);
                if (auto was = renamed.find((*r)["key"].get<std::string>()); was != renamed.end())
                    change.back()["was"] = was->second;
            }
        }
    }
    nlohmann::json out;
    if (full) {
        out = {{"full", true},          {"screen", screen}, {"route", route},
               {"widgets", g_widgets},  {"texts", g_texts}, {"regions", g_regions},
               {"announce", g_announce}};
    } else {
        out = {{"delta", true},
               {"screen", screen},
               {"route", route},
               {"announce", g_announce},
               {"change", std::move(change)}};
        if (shift != 0) out["shift"] = shift;
    }
    std::string s = dump(out);
    sent.any = true;
    sent.screen = screen;
    sent.route = route;
    sent.regions = g_regions;
    sent.announce = g_announce;
    remember(sent, std::move(keys));
    return s;
}

} // namespace wte::ui::probe
