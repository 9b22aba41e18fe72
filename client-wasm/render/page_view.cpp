// PageRenderer: keeps the parsed page, its layout (per width, scale, theme
// and state version) and the reader's state; draws only the blocks inside
// the visible part of the scrolling window; turns clicks on links, buttons
// and quiz options into needs for the app; drag selection and Ctrl+C.
// Layout is lazy: only the units within a view's height of the view are
// laid out, the others have an estimated height until they come near, and
// the scroll follows the unit at the view's top when heights above it change.
#include "render/layout.hpp"
#include "render/page_renderer.hpp"
#include "ui/font_arrival.hpp"
#include "ui/probe.hpp"
#include "widgets/widgets.hpp"
#include "wte/rst/html.hpp"

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdlib>

namespace wte::render {

namespace page_view_detail {

using nlohmann::json;

// A unit of virtualisation: a section title, a block, or a diagnostic.
// The block is the page's own (not const): a layout kept across an edit
// compares it with its successor after moving its source lines.
struct Unit {
    rst::Block* block = nullptr;
    bool heading_only = false;
    int diagnostic = -1;
};

struct QuestionInfo {
    std::string id;
    std::vector<std::string> answers; // plain text, as the server compares them
};

struct PageCache {
    Id part_id = -1;
    std::string content;
    std::string title;
    rst::ParseResult parsed;
    std::unique_ptr<rst::Block> title_block; // on the heap: units point at it across moves
    std::vector<Unit> units;
    std::map<std::string, std::vector<QuestionInfo>> quizzes;
    // Layout for (width, scale, look, version, font atlas): runs keep
    // ImFont pointers, which a rebuilt atlas (a late font) replaces.
    float width = -1, scale = 0;
    ui::Look look = ui::Look::light;
    int version = -1;
    int fonts = -1;
    std::vector<LaidBlock> laid; // every unit, laid out or estimated
    float height = 0;
    // Units laid out wherever the view is: quizzes answered from the mirror's
    // HTML, whose verdicts are told from their layout.
    std::set<std::size_t> wanted;
};

struct SelPos {
    int unit = -1;
    int cmd = -1;
    std::size_t byte = 0;
    bool operator<(const SelPos& o) const {
        if (unit != o.unit) return unit < o.unit;
        if (cmd != o.cmd) return cmd < o.cmd;
        return byte < o.byte;
    }
    bool operator==(const SelPos&) const = default;
};

struct Selection {
    SelPos anchor, focus;
    bool dragging = false;
    bool empty() const { return anchor.unit < 0 || anchor == focus; }
};

} // namespace page_view_detail

using namespace page_view_detail;

struct PageRendererState {
    PageCache page;
    // The page before the content changed, until the next layout takes from
    // it the laid-out units the edit left alone.
    PageCache previous;
    // Something open_page() forgets changed since the last open_page()
    // (show-hide, answers, verdicts, videos): what was laid out then may
    // show it, so nothing is kept across the next edit.
    bool reader_changed = false;
    int para = 0; // numbers paragraphs for copy; never reused, so kept units stay distinct
    PageRenderer::LayoutCounts counts;
    PageState state;
    Selection sel;
    RendererNeeds needs;
    std::set<std::string> images_asked;
    double draw_ms = 0, layout_ms = 0, update_ms = 0;
    bool preview = false; // the teacher's live preview (set_preview)
    int html_key = 0;     // the page's HTML for the accessibility mirror (ui/probe.hpp)
    // The mirror's HTML of the page, when not yet handed over: while the
    // teacher types, the preview's follows once typing pauses (html_due).
    bool html_stale = false;
    double html_due = 0;
};

namespace {

using R = PageRendererState;

void collect(std::vector<rst::Block>& blocks, std::vector<Unit>& units) {
    for (auto& b : blocks) {
        if (b.kind == rst::BlockKind::comment) continue;
        if (b.kind == rst::BlockKind::section) {
            units.push_back({&b, true, -1});
            collect(b.children, units);
        } else {
            units.push_back({&b, false, -1});
        }
    }
}

void collect_crossrefs(const std::vector<rst::Inline>& spans, std::set<std::string>& out) {
    for (const auto& s : spans) {
        if (s.kind == rst::InlineKind::crossref) out.insert(*s.target);
        collect_crossrefs(s.children, out);
    }
}
void collect_crossrefs(const std::vector<rst::Block>& blocks, std::set<std::string>& out) {
    for (const auto& b : blocks) {
        collect_crossrefs(b.inlines, out);
        collect_crossrefs(b.children, out);
    }
}

void collect_quizzes(const std::vector<rst::Block>& blocks,
                     std::map<std::string, std::vector<QuestionInfo>>& out) {
    for (const auto& b : blocks) {
        if (b.kind == rst::BlockKind::quiz) {
            auto& questions = out[*b.id];
            for (const auto& q : b.children) {
                if (q.kind != rst::BlockKind::quiz_question) continue;
                QuestionInfo info{*q.id, {}};
                for (const auto& a : q.children)
                    if (a.kind == rst::BlockKind::quiz_answer)
                        info.answers.push_back(rst::plain_text(a.inlines));
                questions.push_back(std::move(info));
            }
        }
        collect_quizzes(b.children, out);
    }
}

struct ContentContext {
    Id part_id = 0;
    const std::string& content;
    const std::string& title;
};

Id part_id_of(const std::string& target);

void activate(R& r, const Hot& h);

bool lay_out(R& r, std::size_t from, std::size_t to);
std::size_t units_through(const PageCache& page, int line);

// The page as semantic HTML for screen readers, the same writer as the
// offline copy: its links lead to the app's routes, its quizzes are answered
// through the renderer (mirror_requests).
void publish_html(R& r) {
    static int last_key = 0;
    r.html_key = ++last_key;
    r.html_stale = false;
    rst::HtmlOptions o;
    const Id part = r.page.part_id;
    o.asset_url = [part](const std::string& name) { return api::path_asset_by_name(part, name); };
    o.crossref_url = [](const std::string& id) { return "#/parts/" + id; };
    o.crossref_title = [&r](const std::string& id) {
        const auto it = r.state.crossrefs.find(id);
        return it != r.state.crossrefs.end() && !it->second.title.empty() ? it->second.title
                                                                          : "Part " + id;
    };
    const rst::Document& doc = r.page.parsed.doc;
    o.include_title = !doc.title.empty() && rst::plain_text(doc.title) != r.page.title;
    o.embed_videos = false;
    ui::probe::document_html(r.html_key, rst::to_html(doc, o));
}

// The source line of the block whose HTML id is `anchor`, 0 when none is.
int line_of_anchor(const std::vector<rst::Block>& blocks, const std::string& anchor) {
    for (const rst::Block& b : blocks) {
        if (*b.anchor == anchor) return b.line;
        if (int line = line_of_anchor(b.children, anchor)) return line;
    }
    return 0;
}

// Where the reader is in the mirror's HTML is brought on screen: the top of
// the section's first laid line, a little below the view's top edge.
void scroll_to_anchor(R& r, const std::string& anchor, float origin_y, float view_top) {
    const int line = line_of_anchor(r.page.parsed.doc.blocks, anchor);
    if (line == 0) return;
    // Laid out down to the section: where it starts is then exact.
    lay_out(r, 0, units_through(r.page, line) + 1);
    float y = -1;
    for (const LaidBlock& lb : r.page.laid)
        for (const auto& a : lb.anchors)
            if (a.line >= line && (y < 0 || a.y < y)) y = a.y;
    if (y < 0) return;
    ImGui::SetScrollY(
        std::max(0.0f, ImGui::GetScrollY() + origin_y + y - view_top - 16 * ui::scale()));
}

// A quiz answered in the mirror's HTML: the same as a click on the option
// or on Check answers, wherever the quiz is laid out (drawn or not); a
// section the reader moved into scrolls into view.
bool has_quiz(const rst::Block& b, const std::string& quiz) {
    if (b.kind == rst::BlockKind::quiz && *b.id == quiz) return true;
    return std::any_of(b.children.begin(), b.children.end(),
                       [&](const rst::Block& c) { return has_quiz(c, quiz); });
}

void mirror_requests(R& r, float origin_y, float view_top) {
    for (const auto& q : ui::probe::take_document_requests(r.html_key))
        if (!q.anchor.empty()) {
            scroll_to_anchor(r, q.anchor, origin_y, view_top);
        } else {
            for (std::size_t i = 0; i < r.page.units.size(); ++i) {
                const Unit& u = r.page.units[i];
                if (u.block && !u.heading_only && has_quiz(*u.block, q.quiz)) {
                    r.page.wanted.insert(i);
                    lay_out(r, i, i + 1);
                }
            }
            for (const LaidBlock& lb : r.page.laid)
                for (const Hot& h : lb.hots) {
                    const bool option = h.kind == HotKind::quiz_option && q.answer >= 0 &&
                                        h.question == q.question && h.answer == q.answer;
                    const bool check = h.kind == HotKind::quiz_check && q.answer < 0;
                    if (h.quiz == q.quiz && (option || check) && h.enabled) activate(r, h);
                }
        }
}

void publish_choices(const R& r) {
    for (const auto& [quiz, questions] : r.page.quizzes)
        for (const auto& info : questions) {
            const auto it = r.state.questions.find(question_key(quiz, info.id));
            std::vector<int> chosen;
            if (it != r.state.questions.end())
                chosen.assign(it->second.chosen.begin(), it->second.chosen.end());
            ui::probe::document_choice(quiz + "/" + info.id, chosen);
        }
}

void open_page(R& r, const ContentContext& ctx) {
    // An edit of the same page keeps its layout to take the unchanged units
    // from, if that layout is current and shows nothing of what is cleared below.
    const bool keep = ctx.part_id == r.page.part_id && !r.reader_changed &&
                      r.page.version == r.state.version && !r.page.laid.empty();
    r.previous = keep ? std::move(r.page) : PageCache{};
    r.page = PageCache{};
    r.reader_changed = false;
    r.page.part_id = ctx.part_id;
    r.page.content = ctx.content;
    r.page.title = ctx.title;
    r.page.parsed = rst::parse(ctx.content);
    r.page.units.clear();
    r.page.quizzes.clear();
    r.page.version = -1;
    r.state.part_id = ctx.part_id;
    r.state.open.clear();
    r.state.questions.clear();
    r.state.quiz_error.clear();
    r.state.playing.clear(); // a video stops when its page is left
    r.sel = {};

    rst::Document& doc = r.page.parsed.doc;
    if (!doc.title.empty() && rst::plain_text(doc.title) != ctx.title) {
        r.page.title_block = std::make_unique<rst::Block>();
        r.page.title_block->kind = rst::BlockKind::section;
        r.page.title_block->level = 1;
        r.page.title_block->inlines = doc.title;
        r.page.title_block->line = doc.title_line;
        r.page.units.push_back({r.page.title_block.get(), true, -1});
    }
    std::vector<Unit> body;
    collect(doc.blocks, body);
    // Diagnostics go right after the last block that starts at or before
    // their line, unless a problem block already says the same in place.
    const auto& diags = r.page.parsed.diagnostics;
    std::vector<std::vector<int>> after(body.size() + 1);
    for (std::size_t d = 0; d < diags.size(); ++d) {
        // A learner's copy has every quiz answer unmarked (the server keeps
        // the solutions), so the count of [x] answers is no problem here.
        if (diags[d].message.find("must have exactly one [x] answer, not 0.") != std::string::npos)
            continue;
        bool shown = false;
        for (const auto& u : body)
            if (u.block->kind == rst::BlockKind::problem && u.block->text == diags[d].message)
                shown = true;
        if (shown) continue;
        std::size_t at = 0;
        for (std::size_t i = 0; i < body.size(); ++i)
            if (body[i].block->line <= diags[d].line) at = i + 1;
        after[at].push_back(static_cast<int>(d));
    }
    for (int d : after[0])
        r.page.units.push_back({nullptr, false, d});
    for (std::size_t i = 0; i < body.size(); ++i) {
        r.page.units.push_back(body[i]);
        for (int d : after[i + 1])
            r.page.units.push_back({nullptr, false, d});
    }

    collect_quizzes(doc.blocks, r.page.quizzes);
    if (!r.page.quizzes.empty() && !r.preview) r.needs.saved_answers = ctx.part_id;
    // The whole page's HTML costs more than laying out one block: not on every key.
    r.html_stale = true;
    r.html_due = keep && r.preview ? ImGui::GetTime() + 0.3 : 0;
    std::set<std::string> refs;
    collect_crossrefs(doc.blocks, refs);
    for (const auto& ref : refs) {
        if (r.state.crossrefs.count(ref)) continue;
        const Id id = part_id_of(ref);
        CrossrefTitle& t = r.state.crossrefs[ref];
        if (id > 0)
            r.needs.crossref_titles.push_back(id);
        else
            t = {false, false, ""}; // no part has such an id
    }
}

float unit_gap(const Unit& u, bool first) {
    if (first) return 0;
    if (u.heading_only) return gap(u.block->level <= 1 ? 34 : u.block->level == 2 ? 26 : 20);
    return gap(block_gap_css);
}

Id part_id_of(const std::string& target) {
    if (target.empty() || target.size() > 15 ||
        target.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::strtoll(target.c_str(), nullptr, 10);
}

// --- keeping the layout of units an edit left alone ---

void shift_lines(std::vector<rst::Inline>& spans, int delta) {
    for (auto& s : spans) {
        if (s.line > 0) s.line += delta;
        shift_lines(s.children, delta);
    }
}
void shift_lines(rst::Block& b, int delta) {
    if (b.line > 0) b.line += delta;
    shift_lines(b.inlines, delta);
    for (auto& child : b.children)
        shift_lines(child, delta);
}

// A problem note shows its source line: moved, it is laid out again.
bool shows_line(const rst::Block& b) {
    return b.kind == rst::BlockKind::problem ||
           std::any_of(b.children.begin(), b.children.end(), shows_line);
}

int unit_line(const PageCache& page, const Unit& u) {
    if (u.diagnostic >= 0)
        return page.parsed.diagnostics[static_cast<std::size_t>(u.diagnostic)].line;
    return u.block->line;
}

enum class Match { differs, same, same_but_moved };

// Whether the unit `now` is the unit `before` of the page before the edit,
// perhaps moved by whole source lines. Moves `before`'s block to the lines
// of `now` to compare them: call it once per old unit.
Match match_unit(PageCache& old, const Unit& before, const PageCache& page, const Unit& now) {
    if (before.heading_only != now.heading_only ||
        (before.diagnostic >= 0) != (now.diagnostic >= 0))
        return Match::differs;
    const int delta = unit_line(page, now) - unit_line(old, before);
    if (now.diagnostic >= 0) {
        const auto& d = old.parsed.diagnostics[static_cast<std::size_t>(before.diagnostic)];
        const auto& e = page.parsed.diagnostics[static_cast<std::size_t>(now.diagnostic)];
        if (d.message != e.message) return Match::differs;
        return delta == 0 ? Match::same : Match::same_but_moved;
    }
    rst::Block& b = *before.block;
    const rst::Block& n = *now.block;
    if (now.heading_only) {
        // Only its title belongs to this unit; the body is in the units after it.
        if (delta != 0) {
            b.line += delta;
            shift_lines(b.inlines, delta);
        }
        return b.kind == n.kind && b.level == n.level && b.line == n.line && b.inlines == n.inlines
                   ? Match::same
                   : Match::differs;
    }
    if (delta != 0) shift_lines(b, delta);
    if (!(b == n)) return Match::differs;
    return delta != 0 && shows_line(n) ? Match::same_but_moved : Match::same;
}

// A unit of the page before the edit whose layout a unit keeps, and by how
// many source lines it moved.
struct Kept {
    int unit = -1;
    int lines = 0;
};

// For each unit of the page, what it keeps (unit -1: nothing). An edit
// changes one stretch of units: the same units before it and after it are
// found from both ends.
std::vector<Kept> kept_units(PageCache& old, const PageCache& page) {
    const std::size_t n_old = old.units.size(), n_new = page.units.size();
    std::vector<Kept> from(n_new);
    const auto keep = [&](std::size_t o, std::size_t n) {
        const int lines = unit_line(page, page.units[n]) - unit_line(old, old.units[o]);
        const Match m = match_unit(old, old.units[o], page, page.units[n]);
        if (m == Match::same) from[n] = {static_cast<int>(o), lines};
        return m != Match::differs;
    };
    std::size_t head = 0;
    while (head < std::min(n_old, n_new) && keep(head, head))
        ++head;
    for (std::size_t tail = 0; tail < std::min(n_old, n_new) - head; ++tail)
        if (!keep(n_old - 1 - tail, n_new - 1 - tail)) break;
    return from;
}

// A kept unit moved down by `dy` and by `lines` source lines.
void move_unit(LaidBlock& lb, float dy, int lines) {
    const auto down = [dy](ImVec2& v) { v.y += dy; };
    if (dy != 0) {
        lb.top += dy;
        lb.bottom += dy;
        for (Cmd& c : lb.cmds) {
            switch (c.kind) {
            case CmdKind::text:
                c.line_top += dy;
                c.line_bottom += dy;
                down(c.a), down(c.b);
                break;
            case CmdKind::circle: // b is the radius
                down(c.a);
                break;
            case CmdKind::triangle:
                down(c.a), down(c.b), down(c.c);
                break;
            case CmdKind::option: // drawn where its hot region is
                break;
            default:
                down(c.a), down(c.b);
            }
        }
        for (Hot& h : lb.hots)
            down(h.a), down(h.b);
        for (ProbeText& t : lb.texts)
            down(t.a), down(t.b);
        for (auto& a : lb.anchors)
            a.y += dy;
    }
    if (lines != 0) {
        for (auto& a : lb.anchors)
            a.line += lines;
        for (Hot& h : lb.hots)
            if (h.kind == HotKind::toggle) h.toggle += lines;
    }
}

// What laying out a kept unit would have put into the reader's state.
void seed_show_hides(PageState& state, const rst::Block& b) {
    if (b.kind == rst::BlockKind::show_hide) state.open.try_emplace(b.line, b.initially_visible);
    for (const auto& child : b.children)
        seed_show_hides(state, child);
}

// The space between unit i and the unit before it.
float gap_before(const PageCache& page, std::size_t i) {
    if (i > 0 && page.units[i - 1].heading_only) return gap(6);
    return unit_gap(page.units[i], i == 0);
}

float estimate_unit(const R& r, const HeightEstimate& guess, const Unit& u, float width) {
    if (u.diagnostic >= 0) {
        const auto& d = r.page.parsed.diagnostics[static_cast<std::size_t>(u.diagnostic)];
        return guess.problem_note(d.message, d.line, width);
    }
    if (u.heading_only) return guess.heading(u.block->inlines, u.block->level, width);
    return guess.block(*u.block, width);
}

// Unit i laid out afresh with its top at y.
void lay_out_unit(R& r, std::size_t i, float y, float width) {
    const Unit& u = r.page.units[i];
    LaidBlock& lb = r.page.laid[i];
    lb = {};
    Builder b(r.state, lb, r.page.part_id, r.para);
    float h = 0;
    if (u.diagnostic >= 0) {
        const auto& d = r.page.parsed.diagnostics[static_cast<std::size_t>(u.diagnostic)];
        lb.anchors.push_back({y, d.line});
        h = layout_problem_note(b, d.message, d.line, 0, y, width);
    } else if (u.heading_only) {
        lb.anchors.push_back({y, u.block->line});
        h = layout_heading(b, u.block->inlines, u.block->level, 0, y, width);
    } else {
        h = layout_block(b, *u.block, 0, y, width, 0);
    }
    lb.top = y;
    lb.bottom = y + h;
    ++r.counts.laid;
    --r.counts.estimated;
}

// Lays out the estimated units among [from, to) where they start, and moves
// the units below them by what their real heights changed. Returns whether
// any unit was laid out. Invariant kept: each unit starts one gap below the
// bottom of the unit before it.
bool lay_out(R& r, std::size_t from, std::size_t to) {
    auto& laid = r.page.laid;
    to = std::min(to, laid.size());
    while (from < to && !laid[from].estimated)
        ++from;
    if (from >= to) return false;
    float y = laid[from].top;
    for (std::size_t i = from; i < laid.size(); ++i) {
        if (i > from) y += gap_before(r.page, i);
        LaidBlock& lb = laid[i];
        if (i < to && lb.estimated)
            lay_out_unit(r, i, y, r.page.width);
        else if (lb.top != y)
            move_unit(lb, y - lb.top, 0);
        else if (i >= to)
            break; // nothing further down moves
        y = lb.bottom;
    }
    r.page.height = laid.back().bottom;
    return true;
}

// How many units start at or before source `line`.
std::size_t units_through(const PageCache& page, int line) {
    std::size_t n = 0;
    while (n < page.units.size() && unit_line(page, page.units[n]) <= line)
        ++n;
    return n;
}

// Places every unit for a new width, scale, look, state or text: the units
// an edit left alone keep their layout (or their estimate), the others wait
// with an estimated height for draw() to lay out those near the view.
void layout_page(R& r, float width) {
    PageCache& old = r.previous;
    const bool reuse = !old.laid.empty() && old.width == width && old.scale == ui::scale() &&
                       old.look == ui::look() && old.version == r.state.version &&
                       old.fonts == ui::fonts_generation();
    const std::vector<Kept> from =
        reuse ? kept_units(old, r.page) : std::vector<Kept>(r.page.units.size());
    // The same text at the same width (a reader's change, a late font, the
    // look): the heights the units had are the best guess of what they get.
    const bool same_text = old.laid.empty() && r.page.laid.size() == r.page.units.size() &&
                           r.page.width == width && r.page.scale == ui::scale();
    std::vector<LaidBlock> before = same_text ? std::move(r.page.laid) : std::vector<LaidBlock>{};
    r.page.laid.assign(r.page.units.size(), {});
    r.counts = {};
    const HeightEstimate guess(r.state, r.page.part_id);
    float y = 0;
    for (std::size_t i = 0; i < r.page.units.size(); ++i) {
        const Unit& u = r.page.units[i];
        LaidBlock& lb = r.page.laid[i];
        y += gap_before(r.page, i);
        if (from[i].unit >= 0) {
            lb = std::move(old.laid[static_cast<std::size_t>(from[i].unit)]);
            move_unit(lb, y - lb.top, from[i].lines);
            if (lb.estimated) {
                ++r.counts.estimated;
            } else {
                if (u.block && !u.heading_only) seed_show_hides(r.state, *u.block);
                ++r.counts.kept;
            }
            y = lb.bottom;
            continue;
        }
        lb.estimated = true;
        lb.top = y;
        lb.bottom =
            y + (same_text ? before[i].bottom - before[i].top : estimate_unit(r, guess, u, width));
        y = lb.bottom;
        ++r.counts.estimated;
    }
    r.page.height = y;
    r.previous = {};
}

// Images the layout met for the first time.
void ask_images(R& r) {
    for (auto& [url, img] : r.state.images)
        if (img.state == ImageState::State::loading && r.images_asked.insert(url).second)
            r.needs.images.push_back(url);
}

// The unit at the top of the view and how far into it the view begins: it
// stays there while the heights of the units above it change.
struct ViewAnchor {
    std::size_t unit = SIZE_MAX;
    float offset = 0;
};

ViewAnchor anchor_at(const PageCache& page, float view_top) {
    const auto& laid = page.laid;
    if (laid.empty()) return {};
    auto u = static_cast<std::size_t>(
        std::lower_bound(laid.begin(), laid.end(), view_top,
                         [](const LaidBlock& b, float y) { return b.bottom < y; }) -
        laid.begin());
    u = std::min(u, laid.size() - 1);
    return {u, view_top - laid[u].top};
}

// Lays out the units within a view's height above and below the view (and
// the wanted ones); returns how far the view's top moved with its unit
// (none: the view stays where it is on the page).
float lay_out_near(R& r, const ViewAnchor& anchor, float view_top, float view_h) {
    for (std::size_t i : r.page.wanted)
        lay_out(r, i, i + 1);
    const auto& laid = r.page.laid;
    if (laid.empty()) return 0;
    const bool follow = anchor.unit != SIZE_MAX;
    // Real heights move the units below the first one laid: again until
    // every unit near the view is laid out.
    for (int pass = 0; pass < 64; ++pass) {
        const float top = follow ? laid[anchor.unit].top + anchor.offset : view_top;
        const float above = top - view_h, below = top + 2 * view_h;
        const auto first = static_cast<std::size_t>(
            std::lower_bound(laid.begin(), laid.end(), above,
                             [](const LaidBlock& b, float y) { return b.bottom < y; }) -
            laid.begin());
        std::size_t last = first;
        while (last < laid.size() && laid[last].top <= below)
            ++last;
        if (!lay_out(r, first, last)) break;
    }
    return follow ? laid[anchor.unit].top + anchor.offset - view_top : 0;
}

// --- selection ---

std::size_t byte_at(const Cmd& c, float x) {
    std::size_t i = 0;
    while (i < c.text.size()) {
        std::size_t next = i + 1;
        while (next < c.text.size() && (static_cast<unsigned char>(c.text[next]) & 0xC0) == 0x80)
            ++next;
        const float w0 = text_width(c.font, c.size, c.text.substr(0, i));
        const float w1 = text_width(c.font, c.size, c.text.substr(0, next));
        if (c.a.x + (w0 + w1) * 0.5f > x) return i;
        i = next;
    }
    return c.text.size();
}

SelPos hit(const R& r, ImVec2 p) {
    const auto& laid = r.page.laid;
    if (laid.empty()) return {};
    int u = static_cast<int>(
        std::lower_bound(laid.begin(), laid.end(), p.y,
                         [](const LaidBlock& b, float y) { return b.bottom < y; }) -
        laid.begin());
    u = std::clamp(u, 0, static_cast<int>(laid.size()) - 1);
    // Nearest selectable text: same line first, then by distance.
    for (int tries = 0; tries < 2; ++tries) {
        const auto& cmds = laid[static_cast<std::size_t>(u)].cmds;
        int best = -1;
        float best_d = 1e30f;
        for (std::size_t i = 0; i < cmds.size(); ++i) {
            const Cmd& c = cmds[i];
            if (c.kind != CmdKind::text || !c.selectable) continue;
            const float dy = p.y < c.line_top      ? c.line_top - p.y
                             : p.y > c.line_bottom ? p.y - c.line_bottom
                                                   : 0.0f;
            const float dx = p.x < c.a.x ? c.a.x - p.x : p.x > c.b.x ? p.x - c.b.x : 0.0f;
            const float d = dy * 1000.0f + dx;
            if (d < best_d) best_d = d, best = static_cast<int>(i);
        }
        if (best >= 0) {
            const Cmd& c = cmds[static_cast<std::size_t>(best)];
            std::size_t byte = p.y > c.line_bottom ? c.text.size()
                               : p.y < c.line_top  ? 0
                                                   : byte_at(c, p.x);
            return {u, best, byte};
        }
        // A unit without text (a rule, an image): use the next one.
        if (u + 1 < static_cast<int>(laid.size())) ++u;
    }
    return {};
}

std::string selected_text(const R& r) {
    if (r.sel.empty()) return {};
    SelPos a = r.sel.anchor, b = r.sel.focus;
    if (b < a) std::swap(a, b);
    std::string out;
    const Cmd* prev = nullptr;
    for (int u = a.unit; u <= b.unit; ++u) {
        const auto& cmds = r.page.laid[static_cast<std::size_t>(u)].cmds;
        for (int i = 0; i < static_cast<int>(cmds.size()); ++i) {
            const Cmd& c = cmds[static_cast<std::size_t>(i)];
            if (c.kind != CmdKind::text || !c.selectable) continue;
            const SelPos start{u, i, 0}, end{u, i, c.text.size()};
            if (end < a || b < start) continue;
            const std::size_t from = (u == a.unit && i == a.cmd) ? a.byte : 0;
            const std::size_t to = (u == b.unit && i == b.cmd) ? b.byte : c.text.size();
            if (prev) {
                if (prev->para != c.para)
                    out += "\n";
                else if (prev->line_top != c.line_top && (out.empty() || out.back() != ' '))
                    out += " ";
            }
            if (to > from) out += c.text.substr(from, to - from);
            prev = &c;
        }
    }
    return out;
}

void draw_selection(const R& r, ImDrawList* dl, ImVec2 o, int u, const std::vector<Cmd>& cmds) {
    if (r.sel.empty()) return;
    SelPos a = r.sel.anchor, b = r.sel.focus;
    if (b < a) std::swap(a, b);
    if (u < a.unit || u > b.unit) return;
    for (int i = 0; i < static_cast<int>(cmds.size()); ++i) {
        const Cmd& c = cmds[static_cast<std::size_t>(i)];
        if (c.kind != CmdKind::text || !c.selectable) continue;
        const SelPos start{u, i, 0}, end{u, i, c.text.size()};
        if (end < a || b < start) continue;
        const std::size_t from = (u == a.unit && i == a.cmd) ? a.byte : 0;
        const std::size_t to = (u == b.unit && i == b.cmd) ? b.byte : c.text.size();
        if (to <= from && !(c.text.empty())) continue;
        const float x0 = c.a.x + text_width(c.font, c.size, c.text.substr(0, from));
        float x1 = c.a.x + text_width(c.font, c.size, c.text.substr(0, to));
        if (to == c.text.size()) x1 += c.size * 0.25f; // the space or line end after it
        dl->AddRectFilled(ImVec2(o.x + x0, o.y + c.line_top + 1),
                          ImVec2(o.x + x1, o.y + c.line_bottom - 1), ui::palette().selection);
    }
}

// --- drawing ---

const char* probe_kind(const Hot& h) {
    switch (h.kind) {
    case HotKind::link:
    case HotKind::download:
    case HotKind::crossref:
    case HotKind::youtube:
        return "link";
    case HotKind::quiz_option:
        return h.multi ? "checkbox" : "radio";
    default:
        return "button";
    }
}

void submit_quiz(R& r, const std::string& quiz) {
    auto q = r.page.quizzes.find(quiz);
    if (q == r.page.quizzes.end()) return;
    for (const auto& info : q->second) {
        const std::string key = question_key(quiz, info.id);
        QuestionState& qs = r.state.questions[key];
        if (r.preview) {
            // The quiz on screen may not be saved yet: the server could not check it.
            qs.error = "The preview does not check answers; save, then try the quiz on the page.";
            continue;
        }
        if (qs.result == QuizResult::right || qs.busy) continue;
        if (qs.chosen.empty()) {
            qs.error = "Choose an answer first.";
            continue;
        }
        QuizSubmission sub{r.page.part_id, {quiz, info.id, {}}};
        for (int i : qs.chosen)
            sub.answer.answers.push_back(info.answers[static_cast<std::size_t>(i)]);
        r.needs.submissions.push_back(std::move(sub));
        qs.busy = true;
        qs.error.clear();
    }
    ++r.state.version;
    r.reader_changed = true;
}

// YouTube ids are letters, digits, '-' and '_'; anything else is not put
// into an embed URL.
bool embeddable_video_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

// The frame of a playing video over `a`..`b` (screen), with what lies
// outside the window's clip rectangle cut away.
VideoEmbed video_embed(const std::string& id, ImVec2 a, ImVec2 b, ImVec2 clip_min,
                       ImVec2 clip_max) {
    VideoEmbed v;
    v.video_id = id;
    v.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1";
    v.x = a.x, v.y = a.y, v.w = b.x - a.x, v.h = b.y - a.y;
    const float x0 = std::max(a.x, clip_min.x), y0 = std::max(a.y, clip_min.y);
    const float x1 = std::min(b.x, clip_max.x), y1 = std::min(b.y, clip_max.y);
    v.visible = x1 > x0 && y1 > y0;
    if (!v.visible) return v;
    if (y0 > a.y) v.hidden.push_back({a.x, a.y, v.w, y0 - a.y});
    if (y1 < b.y) v.hidden.push_back({a.x, y1, v.w, b.y - y1});
    if (x0 > a.x) v.hidden.push_back({a.x, y0, x0 - a.x, y1 - y0});
    if (x1 < b.x) v.hidden.push_back({x1, y0, b.x - x1, y1 - y0});
    return v;
}

void activate(R& r, const Hot& h) {
    switch (h.kind) {
    case HotKind::link:
        if (!h.target.empty() && h.target[0] != '#') r.needs.open_external.push_back(h.target);
        break;
    case HotKind::crossref: {
        const Id id = part_id_of(h.target);
        if (id > 0 && !r.preview) r.needs.open_part = id; // the preview never leaves the editor
        break;
    }
    case HotKind::download:
        r.needs.downloads.push_back({h.target, h.filename});
        break;
    case HotKind::youtube:
        if (embeddable_video_id(h.target)) {
            r.state.playing.insert(h.target);
            ++r.state.version;
            r.reader_changed = true;
        } else {
            r.needs.open_external.push_back("https://www.youtube.com/watch?v=" + h.target);
        }
        break;
    case HotKind::copy:
        r.needs.copy.push_back(h.target);
        r.state.copied_at[h.target] = ImGui::GetTime();
        break;
    case HotKind::toggle:
        r.state.open[h.toggle] = !r.state.open[h.toggle];
        ++r.state.version;
        r.reader_changed = true;
        break;
    case HotKind::quiz_option: {
        QuestionState& qs = r.state.questions[question_key(h.quiz, h.question)];
        if (h.multi) {
            if (!qs.chosen.erase(h.answer)) qs.chosen.insert(h.answer);
        } else {
            qs.chosen = {h.answer};
        }
        if (qs.result == QuizResult::wrong || !qs.error.empty()) {
            qs.result = QuizResult::none; // a changed answer waits for its check
            qs.error.clear();
            ++r.state.version;
            r.reader_changed = true;
        }
        break;
    }
    case HotKind::quiz_check:
        submit_quiz(r, h.quiz);
        break;
    }
}

bool hot_checked(const R& r, const Hot& h) {
    if (h.kind != HotKind::quiz_option) return false;
    auto it = r.state.questions.find(question_key(h.quiz, h.question));
    return it != r.state.questions.end() && it->second.chosen.count(h.answer) > 0;
}

void draw_option(const R& r, ImDrawList* dl, const Hot& h, ImVec2 a, ImVec2 b, bool hovered) {
    const ui::Palette& p = ui::palette();
    const bool checked = hot_checked(r, h);
    if (hovered && h.enabled) dl->AddRectFilled(a, b, p.surface_hover, gap(8));
    if (checked) dl->AddRectFilled(a, b, p.accent_soft, gap(8));
    const float s = gap(18);
    const ImVec2 c(a.x + gap(6) + s * 0.5f,
                   a.y + gap(4) + ui::font(ui::FontRole::body)->FontSize * 0.8f);
    const ImU32 edge = !h.enabled && !checked ? p.border_strong : checked ? p.accent : p.text_muted;
    if (h.multi) {
        const ImVec2 m0(c.x - s * 0.5f, c.y - s * 0.5f), m1(c.x + s * 0.5f, c.y + s * 0.5f);
        if (checked) {
            dl->AddRectFilled(m0, m1, p.accent, gap(4));
            const ImVec2 pts[3] = {ImVec2(c.x - s * 0.28f, c.y),
                                   ImVec2(c.x - s * 0.08f, c.y + s * 0.22f),
                                   ImVec2(c.x + s * 0.3f, c.y - s * 0.22f)};
            dl->AddPolyline(pts, 3, p.on_accent, 0, gap(2));
        } else {
            dl->AddRectFilled(m0, m1, p.input_bg, gap(4));
            dl->AddRect(m0, m1, edge, gap(4), 0, gap(1.5f));
        }
    } else {
        dl->AddCircleFilled(c, s * 0.5f, p.input_bg, 24);
        dl->AddCircle(c, s * 0.5f, edge, 24, gap(checked ? 2.0f : 1.5f));
        if (checked) dl->AddCircleFilled(c, s * 0.25f, p.accent, 20);
    }
}

void draw_button(const R& r, ImDrawList* dl, const Hot& h, ImVec2 a, ImVec2 b, bool hovered,
                 bool held) {
    const ui::Palette& p = ui::palette();
    if (h.kind == HotKind::copy) {
        const auto it = r.state.copied_at.find(h.target);
        const bool copied = it != r.state.copied_at.end() && ImGui::GetTime() - it->second < 1.5;
        if (copied) ui::keep_animating(); // the label turns back to "Copy" by itself
        const char* text = copied ? "Copied ✓" : "Copy";
        dl->AddRectFilled(a, b, hovered ? p.surface_hover : p.surface, gap(6));
        dl->AddRect(a, b, p.border_strong, gap(6), 0, gap(1));
        ImFont* f = ui::font(ui::FontRole::small);
        const float w = text_width(f, f->FontSize, text);
        dl->AddText(
            f, f->FontSize,
            ImVec2(a.x + (b.x - a.x - w) * 0.5f, a.y + (b.y - a.y - f->FontSize * 1.36f) * 0.5f),
            copied ? p.success : p.text, text);
        return;
    }
    // "Check answers": a primary button, quiet while busy or when done.
    const bool busy = !h.enabled;
    const ImU32 bg = busy      ? p.border_strong
                     : held    ? p.accent_active
                     : hovered ? p.accent_hover
                               : p.accent;
    dl->AddRectFilled(a, b, bg, gap(8));
    ImFont* f = ui::font(ui::FontRole::bold);
    const float w = text_width(f, f->FontSize, h.label);
    dl->AddText(
        f, f->FontSize,
        ImVec2(a.x + (b.x - a.x - w) * 0.5f, a.y + (b.y - a.y - f->FontSize * 1.36f) * 0.5f),
        p.on_accent, h.label.c_str());
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

PageRenderer::PageRenderer() : s_(std::make_unique<PageRendererState>()) {}
PageRenderer::~PageRenderer() = default;
PageRenderer::PageRenderer(PageRenderer&&) noexcept = default;
PageRenderer& PageRenderer::operator=(PageRenderer&&) noexcept = default;

void PageRenderer::draw(Id part_id, const std::string& content, const std::string& title) {
    R& r = *s_;
    const auto started = std::chrono::steady_clock::now();
    const ContentContext ctx{part_id, content, title};
    const bool opened =
        ctx.part_id != r.page.part_id || ctx.content != r.page.content || ctx.title != r.page.title;
    if (opened) open_page(r, ctx);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const float view_top = clip_min.y - o.y, view_h = clip_max.y - clip_min.y;
    const float width = std::min(ui::column_width(), 760.0f * ui::scale());
    const bool relayout = width != r.page.width || ui::scale() != r.page.scale ||
                          ui::look() != r.page.look || r.state.version != r.page.version ||
                          ui::fonts_generation() != r.page.fonts;
    const auto layout_started = std::chrono::steady_clock::now();
    const int laid_before = r.counts.laid;
    // The same units before and after (not a new text): the view stays on its unit.
    ViewAnchor anchor = opened ? ViewAnchor{} : anchor_at(r.page, view_top);
    if (relayout) {
        layout_page(r, width);
        r.page.width = width;
        r.page.scale = ui::scale();
        r.page.look = ui::look();
        r.page.version = r.state.version;
        r.page.fonts = ui::fonts_generation();
    }
    if (opened) anchor = anchor_at(r.page, view_top);
    mirror_requests(r, o.y, clip_min.y);
    // The view follows its unit (drawn where the unit now is, and scrolled
    // there for the next frames) unless the app or the reader on the scroll
    // bar moves it this frame.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool scroll_set =
        window->ScrollTarget.y != FLT_MAX ||
        ImGui::GetActiveID() == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y);
    if (scroll_set) anchor = {};
    float shift = lay_out_near(r, anchor, view_top, view_h);
    if (relayout || r.counts.laid != laid_before) {
        r.layout_ms = ms_since(layout_started);
        ask_images(r);
    }
    if (opened) r.update_ms = ms_since(started);
    if (shift != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() + shift);
        o.y -= shift;
    }

    if (r.html_stale) {
        if (ImGui::GetTime() >= r.html_due)
            publish_html(r);
        else
            ui::keep_animating(); // a frame comes when typing has paused
    }

    // Told wherever they are laid out: a quiz answered from the mirror may be
    // scrolled out of view.
    for (const LaidBlock& lb : r.page.laid)
        for (const auto& t : lb.texts)
            if (t.live) ui::probe::announce(t.text, t.live);
    ui::probe::begin_document(r.html_key, ImVec2(o.x, std::max(o.y, clip_min.y)),
                              ImVec2(o.x + width, clip_max.y));
    publish_choices(r);
    const float top = clip_min.y - o.y, bottom = clip_max.y - o.y;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse(io.MousePos.x - o.x, io.MousePos.y - o.y);
    const ui::Palette& p = ui::palette();

    const auto& laid = r.page.laid;
    std::size_t first = static_cast<std::size_t>(
        std::lower_bound(laid.begin(), laid.end(), top,
                         [](const LaidBlock& b, float y) { return b.bottom < y; }) -
        laid.begin());
    bool over_text = false;
    for (std::size_t u = first; u < laid.size() && laid[u].top <= bottom; ++u) {
        const LaidBlock& lb = laid[u];
        if (lb.estimated) continue; // not reached: units near the view are laid out
        // Interactive regions first, so hover is known when text is drawn.
        std::vector<char> hovered(lb.hots.size(), 0), held(lb.hots.size(), 0);
        for (std::size_t j = 0; j < lb.hots.size(); ++j) {
            const Hot& h = lb.hots[j];
            const ImVec2 size(std::max(1.0f, h.b.x - h.a.x), std::max(1.0f, h.b.y - h.a.y));
            ImGui::SetCursorScreenPos(ImVec2(o.x + h.a.x, o.y + h.a.y));
            ImGui::PushID(static_cast<int>(u * 1024 + j));
            const bool pressed = ImGui::InvisibleButton("##hot", size);
            ImGui::PopID();
            hovered[j] = ImGui::IsItemHovered();
            held[j] = ImGui::IsItemActive();
            if (hovered[j] && h.enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ui::probe::widget(h.label, probe_kind(h), h.enabled, hot_checked(r, h),
                              ImGui::IsItemFocused());
            if (pressed && h.enabled) activate(r, h);
        }
        draw_selection(r, dl, o, static_cast<int>(u), lb.cmds);
        for (const Cmd& c : lb.cmds) {
            const ImVec2 a(o.x + c.a.x, o.y + c.a.y), b(o.x + c.b.x, o.y + c.b.y);
            const bool hot =
                c.hot >= 0 && c.kind != CmdKind::option && hovered[static_cast<std::size_t>(c.hot)];
            switch (c.kind) {
            case CmdKind::text:
                if (c.text.empty()) break;
                dl->AddText(c.font, c.size, a, hot ? p.link_hover : c.colour, c.text.c_str(),
                            c.text.c_str() + c.text.size());
                if (c.selectable && mouse.x >= c.a.x && mouse.x <= c.b.x && mouse.y >= c.line_top &&
                    mouse.y <= c.line_bottom)
                    over_text = true;
                break;
            case CmdKind::fill:
                dl->AddRectFilled(a, b, hot ? p.surface_hover : c.colour, c.rounding);
                break;
            case CmdKind::frame:
                dl->AddRect(a, b, c.colour, c.rounding, 0, c.size);
                break;
            case CmdKind::line:
                dl->AddLine(a, b, hot ? p.link_hover : c.colour, c.size);
                break;
            case CmdKind::circle:
                dl->AddCircleFilled(a, c.b.x, c.colour, 32);
                break;
            case CmdKind::triangle:
                dl->AddTriangleFilled(a, b, ImVec2(o.x + c.c.x, o.y + c.c.y), c.colour);
                break;
            case CmdKind::option: {
                const Hot& h = lb.hots[static_cast<std::size_t>(c.hot)];
                draw_option(r, dl, h, ImVec2(o.x + h.a.x, o.y + h.a.y),
                            ImVec2(o.x + h.b.x, o.y + h.b.y),
                            hovered[static_cast<std::size_t>(c.hot)]);
                break;
            }
            case CmdKind::video:
                r.needs.videos.push_back(video_embed(c.text, a, b, clip_min, clip_max));
                break;
            case CmdKind::image: {
                const auto it = r.state.images.find(c.text);
                if (it != r.state.images.end() && it->second.texture)
                    dl->AddImageRounded(
                        reinterpret_cast<ImTextureID>(static_cast<intptr_t>(it->second.texture)), a,
                        b, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, gap(6));
                break;
            }
            }
        }
        for (std::size_t j = 0; j < lb.hots.size(); ++j) {
            const Hot& h = lb.hots[j];
            if (h.kind == HotKind::copy || h.kind == HotKind::quiz_check)
                draw_button(r, dl, h, ImVec2(o.x + h.a.x, o.y + h.a.y),
                            ImVec2(o.x + h.b.x, o.y + h.b.y), hovered[j], held[j]);
        }
        for (const auto& t : lb.texts) {
            ui::probe::text_rect(t.text, ImVec2(o.x + t.a.x, o.y + t.a.y),
                                 ImVec2(o.x + t.b.x, o.y + t.b.y));
            if (t.heading) ui::probe::text_heading(t.heading);
        }
    }

    // Videos scrolled out of the drawn range still play, hidden.
    for (const std::string& id : r.state.playing) {
        const bool drawn = std::any_of(r.needs.videos.begin(), r.needs.videos.end(),
                                       [&](const VideoEmbed& v) { return v.video_id == id; });
        if (!drawn) r.needs.videos.push_back(video_embed(id, {}, {}, {}, {}));
    }

    // Drag selection over the laid-out text; Ctrl+C copies it.
    const bool in_window = ImGui::IsWindowHovered();
    if (in_window && !ImGui::IsAnyItemHovered() && ImGui::IsMouseClicked(0) && mouse.x >= 0 &&
        mouse.x <= width) {
        r.sel.anchor = r.sel.focus = hit(r, mouse);
        r.sel.dragging = true;
    }
    if (r.sel.dragging) {
        if (ImGui::IsMouseDown(0)) {
            r.sel.focus = hit(r, mouse);
            // Keep selecting past the window's edges.
            const float edge = gap(24);
            const float scroll = ImGui::GetScrollY() + shift;
            if (io.MousePos.y > clip_max.y - edge) ImGui::SetScrollY(scroll + gap(12));
            if (io.MousePos.y < clip_min.y + edge) ImGui::SetScrollY(scroll - gap(12));
        } else {
            r.sel.dragging = false;
        }
    }
    if ((over_text && in_window && !ImGui::IsAnyItemHovered()) || r.sel.dragging)
        ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (!r.sel.empty() && (io.KeyCtrl || io.KeySuper) &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) {
        const std::string text = selected_text(r);
        if (!text.empty()) r.needs.copy.push_back(text);
    }
    if (!r.sel.empty()) ui::probe::text_rect("selection:" + selected_text(r), o, o);
    ui::probe::end_region();

    // The content's size where the page is this frame; what follows it where it is drawn.
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + shift));
    ImGui::Dummy(ImVec2(width, std::max(1.0f, r.page.height)));
    if (shift != 0) {
        ImGui::SetCursorScreenPos(o);
        ImGui::Dummy(ImVec2(width, std::max(1.0f, r.page.height)));
    }
    r.draw_ms = ms_since(started);
}

RendererNeeds PageRenderer::take_needs() {
    return std::exchange(s_->needs, {});
}

void PageRenderer::set_image(const std::string& url, const ImageState& image) {
    s_->state.images[url] = image;
    ++s_->state.version;
}

void PageRenderer::set_crossref(Id part_id, const CrossrefTitle& title) {
    CrossrefTitle& t = s_->state.crossrefs[std::to_string(part_id)];
    if (t.loading == title.loading && t.available == title.available && t.title == title.title)
        return;
    t = title;
    ++s_->state.version;
}

void PageRenderer::set_saved_answers(Id part_id, const std::vector<QuizAnswer>& answers) {
    R& r = *s_;
    if (part_id != r.page.part_id) return; // the reader left that page
    for (const QuizAnswer& saved : answers) {
        auto q = r.page.quizzes.find(saved.quiz);
        if (q == r.page.quizzes.end()) continue;
        for (const auto& info : q->second) {
            if (info.id != saved.question) continue;
            QuestionState& qs = r.state.questions[question_key(saved.quiz, saved.question)];
            qs.chosen.clear();
            for (const auto& a : saved.answers) {
                const auto it = std::find(info.answers.begin(), info.answers.end(), a);
                if (it != info.answers.end())
                    qs.chosen.insert(static_cast<int>(it - info.answers.begin()));
            }
            qs.result = saved.correct ? QuizResult::right : QuizResult::wrong;
            qs.attempts = saved.attempts;
        }
    }
    ++r.state.version;
    r.reader_changed = true;
}

void PageRenderer::saved_answers_failed(Id part_id, const std::string& message) {
    if (part_id != s_->page.part_id) return;
    s_->state.quiz_error = message;
    ++s_->state.version;
    s_->reader_changed = true;
}

void PageRenderer::set_verdict(Id part_id, const api::QuizVerdict& verdict) {
    R& r = *s_;
    if (part_id != r.page.part_id) return;
    QuestionState& qs = r.state.questions[question_key(verdict.quiz, verdict.question)];
    qs.busy = false;
    qs.error.clear();
    qs.result = verdict.correct ? QuizResult::right : QuizResult::wrong;
    qs.attempts = verdict.attempts;
    ++r.state.version;
    r.reader_changed = true;
}

void PageRenderer::verdict_failed(Id part_id, const std::string& quiz, const std::string& question,
                                  const std::string& message) {
    R& r = *s_;
    if (part_id != r.page.part_id) return;
    QuestionState& qs = r.state.questions[question_key(quiz, question)];
    qs.busy = false;
    qs.error = message;
    ++r.state.version;
    r.reader_changed = true;
}

Id PageRenderer::part_id() const {
    return s_->page.part_id;
}

std::vector<int> PageRenderer::chosen(const std::string& quiz, const std::string& question) const {
    auto it = s_->state.questions.find(question_key(quiz, question));
    if (it == s_->state.questions.end()) return {};
    return {it->second.chosen.begin(), it->second.chosen.end()};
}

void PageRenderer::set_preview(bool preview) {
    s_->preview = preview;
}

const std::vector<rst::Diagnostic>& PageRenderer::diagnostics() const {
    return s_->page.parsed.diagnostics;
}

int PageRenderer::line_at(float y) const {
    const auto& laid = s_->page.laid;
    if (laid.empty()) return 0;
    auto u = static_cast<std::size_t>(
        std::lower_bound(laid.begin(), laid.end(), y,
                         [](const LaidBlock& b, float at) { return b.bottom < at; }) -
        laid.begin());
    u = std::min(u, laid.size() - 1);
    // Below a unit's top but in the gap above it: the unit before.
    while (u > 0 && (laid[u].anchors.empty() || y < laid[u].top))
        --u;
    int line = 0;
    for (const auto& a : laid[u].anchors)
        if (a.y <= y + 0.5f || line == 0) line = a.line;
    return line;
}

void PageRenderer::lay_out_through(int line) {
    if (s_->page.width >= 0) lay_out(*s_, 0, units_through(s_->page, line));
}

float PageRenderer::y_of_line(int line) {
    lay_out_through(line);
    float y = 0;
    int best = 0;
    for (const auto& lb : s_->page.laid)
        for (const auto& a : lb.anchors)
            if (a.line <= line && a.line >= best) {
                best = a.line;
                y = a.y;
            }
    return y;
}

float PageRenderer::content_height() const {
    return s_->page.height;
}

double PageRenderer::draw_ms() const {
    return s_->draw_ms;
}
double PageRenderer::layout_ms() const {
    return s_->layout_ms;
}
double PageRenderer::update_ms() const {
    return s_->update_ms;
}

PageRenderer::LayoutCounts PageRenderer::last_layout() const {
    return s_->counts;
}

const std::vector<LaidBlock>& PageRenderer::laid_units() const {
    return s_->page.laid;
}

} // namespace wte::render
