// The editor widget. Like ImGui's own multi-line InputText it owns the
// keyboard through ImGui's active id while it has the caret (arrows, Tab,
// Home/End and PageUp/PageDown are then not used for navigation), and it
// draws straight into its child window's draw list, visible lines only.
#include "editor/code_editor.hpp"

#include "render/layout.hpp"
#include "ui/probe.hpp"
#include "ui/theme.hpp"
#include "widgets/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace wte::editor {

namespace {

constexpr double blink_half_period = 0.53; // seconds the caret is shown, then hidden
constexpr std::size_t probe_text_limit = 256 * 1024;

bool simple_ascii_run_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7F;
}

int digits(int n) {
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

} // namespace

CodeEditor::CodeEditor(std::string language, std::string_view text)
    : buffer_(text), colours_(std::move(language)) {}

void CodeEditor::set_text(std::string_view text) {
    buffer_.set_text(text);
    widest_columns_ = 0;
    for (int l = 0; l < buffer_.line_count(); ++l)
        widest_columns_ = std::max(
            widest_columns_, column_of(buffer_.line(l), buffer_.line(l).size(), buffer_.tab_size));
}

void CodeEditor::paste(std::string_view text) {
    buffer_.type(text, true);
    scroll_to_cursor_ = true;
}

void CodeEditor::open_find() {
    find_open_ = true;
    find_focus_ = true;
    if (buffer_.has_selection() && buffer_.selection().begin.line == buffer_.selection().end.line)
        find_query_ = buffer_.text(buffer_.selection());
}

void CodeEditor::go_to(TextPos p) {
    buffer_.set_cursor(buffer_.clamp(p));
    buffer_.break_undo_group();
    scroll_to_cursor_ = true;
    focus();
}

TextPos CodeEditor::position_at(ImVec2 mouse) const {
    const int line = std::clamp(
        static_cast<int>(std::floor((mouse.y - text_origin_.y) / std::max(1.0f, line_height_))), 0,
        buffer_.line_count() - 1);
    const double column = (mouse.x - text_origin_.x) / std::max(1.0f, char_width_);
    return {line, static_cast<int>(
                      byte_at_column(buffer_.line(line), std::max(0.0, column), buffer_.tab_size))};
}

void CodeEditor::copy(bool cut) {
    if (!buffer_.has_selection()) return;
    ImGui::SetClipboardText(buffer_.text(buffer_.selection()).c_str());
    if (cut) buffer_.delete_selection();
}

bool CodeEditor::handle_keyboard(EditorEvents& events, int page_lines) {
    ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
    const bool shift = io.KeyShift;
    const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    // ImGui 1.86 names only A, C, V, X, Y, Z; backends number letters in a row.
    const auto letter = [&](char c) {
        const int a = io.KeyMap[ImGuiKey_A];
        return a >= 0 && ImGui::IsKeyPressed(a + (c - 'A'));
    };
    bool acted = true;
    if (key(ImGuiKey_LeftArrow))
        ctrl ? buffer_.move_word_left(shift) : buffer_.move_left(shift);
    else if (key(ImGuiKey_RightArrow))
        ctrl ? buffer_.move_word_right(shift) : buffer_.move_right(shift);
    else if (key(ImGuiKey_UpArrow))
        buffer_.move_up(shift);
    else if (key(ImGuiKey_DownArrow))
        buffer_.move_down(shift);
    else if (key(ImGuiKey_PageUp))
        buffer_.move_up(shift, page_lines);
    else if (key(ImGuiKey_PageDown))
        buffer_.move_down(shift, page_lines);
    else if (key(ImGuiKey_Home))
        ctrl ? buffer_.move_to_start(shift) : buffer_.move_home(shift);
    else if (key(ImGuiKey_End))
        ctrl ? buffer_.move_to_end(shift) : buffer_.move_end(shift);
    else if (key(ImGuiKey_Backspace)) {
        if (ctrl && !buffer_.has_selection()) buffer_.move_word_left(true);
        buffer_.backspace();
    } else if (key(ImGuiKey_Delete)) {
        if (ctrl && !buffer_.has_selection()) buffer_.move_word_right(true);
        buffer_.delete_forward();
    } else if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter))
        buffer_.newline();
    else if (key(ImGuiKey_Tab))
        shift ? buffer_.outdent() : buffer_.indent();
    else if (key(ImGuiKey_Escape) && find_open_)
        find_open_ = false;
    else if (ctrl && key(ImGuiKey_A))
        buffer_.select_all();
    else if (ctrl && key(ImGuiKey_Z))
        shift ? buffer_.redo() : buffer_.undo();
    else if (ctrl && key(ImGuiKey_Y))
        buffer_.redo();
    else if (ctrl && key(ImGuiKey_C))
        copy(false);
    else if (ctrl && key(ImGuiKey_X))
        copy(true);
    else if (ctrl && key(ImGuiKey_V))
        paste_key_frame_ = ImGui::GetFrameCount(); // the text follows from the browser
    else if (ctrl && letter('F'))
        open_find();
    else if (ctrl && letter('G') && !find_query_.empty())
        find_missing_ = !buffer_.find_next(find_query_);
    else if (ctrl && letter('S'))
        events.save_requested = true;
    else
        acted = false;
    return acted;
}

void CodeEditor::handle_text_input() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.InputQueueCharacters.empty()) return;
    const bool ctrl = io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
    std::string text;
    if (!ctrl || io.KeyAlt) { // Ctrl+letter is a shortcut, AltGr+letter text
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            char32_t cp = io.InputQueueCharacters[i];
            // 16-bit ImWchar: a surrogate pair is one character.
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < io.InputQueueCharacters.Size) {
                const char32_t low = io.InputQueueCharacters[i + 1];
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    ++i;
                }
            }
            if (cp == '\r') cp = '\n';
            if (cp < 0x20 && cp != '\n' && cp != '\t') continue;
            append_utf8(text, cp);
        }
    }
    io.InputQueueCharacters.resize(0);
    if (text.empty()) return;
    // Several characters right after Ctrl+V, or a newline (Enter comes as a
    // key, never as a character), are a paste: one undo step.
    const bool paste = text.find('\n') != std::string::npos ||
                       (ImGui::GetFrameCount() - paste_key_frame_ <= 3 && text.size() > 1);
    buffer_.type(text, paste);
}

void CodeEditor::handle_mouse(bool hovered_text) {
    ImGuiIO& io = ImGui::GetIO();
    if (hovered_text) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (io.MouseClicked[0] && hovered_text) {
        focused_ = true;
        const TextPos p = position_at(io.MousePos);
        if (io.MouseClickedCount[0] == 2) {
            buffer_.select_word_at(p);
            dragging_ = false;
        } else {
            buffer_.set_cursor(p, io.KeyShift);
            dragging_ = true;
        }
        last_input_time_ = ImGui::GetTime();
    }
    if (dragging_) {
        if (io.MouseDown[0]) {
            const TextPos p = position_at(io.MousePos);
            if (p != buffer_.cursor()) {
                buffer_.set_cursor(p, true);
                scroll_to_cursor_ = true; // dragging past an edge scrolls
            }
        } else {
            dragging_ = false;
        }
    }
}

void CodeEditor::draw_find_bar(float width) {
    const ui::Palette& p = ui::palette();
    ImGui::PushID("find");
    const float buttons = ImGui::CalcTextSize("Next").x + ImGui::CalcTextSize("Close").x +
                          ImGui::GetStyle().FramePadding.x * 4 +
                          ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SetNextItemWidth(std::max(40.0f, width - buttons));
    if (find_focus_) {
        ImGui::SetKeyboardFocusHere();
        find_focus_ = false;
    }
    if (find_missing_) ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    const bool entered = ImGui::InputTextWithHint("##query", "Find", &find_query_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (find_missing_) ImGui::PopStyleColor();
    const bool active = ImGui::IsItemActive();
    ui::probe::widget("Find", "input", true, false, active);
    ui::probe::widget_value(find_query_);
    if (ImGui::IsItemEdited()) find_missing_ = false;
    bool close = active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    ImGui::SameLine();
    const bool next = ImGui::Button("Next");
    ui::probe::widget("Next", "button");
    if (entered || next) {
        find_missing_ = !buffer_.find_next(find_query_);
        scroll_to_cursor_ = true;
        if (entered) find_focus_ = true; // Enter again finds the one after
    }
    ImGui::SameLine();
    close = ImGui::Button("Close") || close;
    ui::probe::widget("Close", "button");
    if (close) {
        find_open_ = false;
        focus();
    }
    ImGui::PopID();
}

void CodeEditor::draw_line(ImDrawList* dl, int line, ImVec2 pos) {
    const std::string& text = buffer_.line(line);
    const std::vector<Token>& tokens = colours_.tokens(buffer_, line);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float text_y = pos.y + (line_height_ - size) * 0.5f;
    const int tab = buffer_.tab_size;
    std::size_t ti = 0, k = 0;
    int col = 0;
    while (k < text.size()) {
        while (ti + 1 < tokens.size() && tokens[ti].end <= k)
            ++ti;
        const ImU32 colour =
            tokens.empty() ? ui::palette().text : render::syntax_colour(tokens[ti].kind);
        const std::size_t token_end = tokens.empty() ? text.size() : tokens[ti].end;
        if (text[k] == '\t') {
            col = (col / tab + 1) * tab;
            ++k;
            continue;
        }
        // A run of printable ASCII in one token is one draw call.
        const std::size_t run = k;
        while (k < token_end && simple_ascii_run_char(text[k]))
            ++k;
        if (k > run) {
            dl->AddText(font, size, ImVec2(pos.x + static_cast<float>(col) * char_width_, text_y),
                        colour, text.data() + run, text.data() + k);
            col += static_cast<int>(k - run);
            continue;
        }
        // Anything else one character at a time, in its own one or two cells.
        const std::size_t next = next_boundary(text, k);
        const Decoded d = decode_utf8(text, k);
        const int cells = std::max(1, code_point_columns(d.code_point));
        const bool invalid = d.code_point == 0xFFFD && d.length == 1;
        const char* replacement = "\xEF\xBF\xBD";
        const char* b = invalid ? replacement : text.data() + k;
        const char* e = invalid ? replacement + 3 : text.data() + next;
        const float glyph_w = font->CalcTextSizeA(size, FLT_MAX, 0, b, e).x;
        const float cell_x = pos.x + static_cast<float>(col) * char_width_;
        const float x =
            cell_x + std::max(0.0f, (static_cast<float>(cells) * char_width_ - glyph_w) * 0.5f);
        if (d.code_point >= 0x20 || invalid)
            dl->AddText(font, size, ImVec2(x, text_y), colour, b, e);
        col += cells;
        k = next;
    }
    widest_columns_ = std::max(widest_columns_, col);
}

void CodeEditor::keep_cursor_visible(float view_width, float view_height) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const TextPos c = buffer_.cursor();
    const float y = static_cast<float>(c.line) * line_height_;
    if (y < window->Scroll.y)
        ImGui::SetScrollY(y);
    else if (y + line_height_ > window->Scroll.y + view_height)
        ImGui::SetScrollY(y + line_height_ - view_height);
    const float x = static_cast<float>(column_of(
                        buffer_.line(c.line), static_cast<std::size_t>(c.byte), buffer_.tab_size)) *
                    char_width_;
    if (x < window->Scroll.x)
        ImGui::SetScrollX(std::max(0.0f, x - 4 * char_width_));
    else if (x + char_width_ > window->Scroll.x + view_width)
        ImGui::SetScrollX(x + 4 * char_width_ - view_width);
}

EditorEvents CodeEditor::draw(const char* label, ImVec2 size) {
    using ui::operator""_s;
    EditorEvents events;
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = ImGui::GetIO();
    const ui::Palette& p = ui::palette();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0) size.x = avail.x;
    if (size.y <= 0) size.y = avail.y;

    ImGui::PushID(label);
    if (find_open_) {
        const float before = ImGui::GetCursorPosY();
        draw_find_bar(size.x);
        size.y -= ImGui::GetCursorPosY() - before;
    }

    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    char_width_ = font->CalcTextSizeA(font_size, FLT_MAX, 0, "M").x;
    line_height_ = std::floor(font_size * 1.4f);

    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.code_bg);
    ImGui::PushStyleColor(ImGuiCol_Border, p.border);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##text", size, true,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove |
                          ImGuiWindowFlags_NoNav);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("##editor");
    const ImGuiID scroll_x_id = ImGui::GetWindowScrollbarID(window, ImGuiAxis_X);
    const ImGuiID scroll_y_id = ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y);
    const ImRect view = window->InnerRect;
    const float gutter =
        static_cast<float>(std::max(2, digits(buffer_.line_count())) + 2) * char_width_;
    const float pad = 4_s;
    text_origin_ =
        ImVec2(view.Min.x + gutter + pad - window->Scroll.x, view.Min.y + pad - window->Scroll.y);

    // Focus: a click in the text takes it, a click anywhere else (but on our
    // own scrollbars) gives it up.
    const bool own_scrollbar = g.HoveredId == scroll_x_id || g.HoveredId == scroll_y_id ||
                               g.ActiveId == scroll_x_id || g.ActiveId == scroll_y_id;
    const bool hovered_text =
        ImGui::IsWindowHovered() && view.Contains(io.MousePos) && !own_scrollbar;
    if (focus_requested_) {
        focused_ = true;
        focus_requested_ = false;
    }
    if (io.MouseClicked[0] && !hovered_text && !own_scrollbar) {
        focused_ = false;
        dragging_ = false;
    }
    const std::uint64_t version_before = buffer_.version();
    const TextPos cursor_before = buffer_.cursor(), anchor_before = buffer_.anchor();
    handle_mouse(hovered_text);
    // Escape then Tab in the mirror moved the focus on: the editor lets go.
    if (focused_ && ui::probe::focus_moved_away(id)) focused_ = false;
    if (focused_ && g.ActiveId != id) {
        if (g.ActiveId == 0 || hovered_text) {
            ImGui::SetActiveID(id, window);
            ImGui::SetFocusID(id, window);
            ImGui::FocusWindow(window);
        } else if (!own_scrollbar) {
            focused_ = false; // another widget (the find field) took the keyboard
        }
    }
    if (!focused_ && g.ActiveId == id) ImGui::ClearActiveID();
    const bool active = focused_ && g.ActiveId == id;
    const int page_lines = std::max(1, static_cast<int>(view.GetHeight() / line_height_) - 1);
    if (active) {
        ImGui::KeepAliveID(id);
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) |
                                     (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= (1 << ImGuiNavInput_Cancel);
        g.ActiveIdUsingKeyInputMask |= (ImU64(1) << ImGuiKey_Home) | (ImU64(1) << ImGuiKey_End) |
                                       (ImU64(1) << ImGuiKey_PageUp) |
                                       (ImU64(1) << ImGuiKey_PageDown) | (ImU64(1) << ImGuiKey_Tab);
        g.ActiveIdAllowOverlap = !io.MouseDown[0];
        g.WantTextInputNextFrame = 1;
        ui::report_active_text_field(view.Min, view.Max);
        if (handle_keyboard(events, page_lines)) last_input_time_ = ImGui::GetTime();
        handle_text_input();
    }
    events.focused = active;
    events.changed = buffer_.version() != version_before;
    if (events.changed || buffer_.cursor() != cursor_before || buffer_.anchor() != anchor_before) {
        last_input_time_ = ImGui::GetTime();
        if (!dragging_ || !view.Contains(io.MousePos)) scroll_to_cursor_ = true;
    }
    colours_.sync(buffer_);

    // The scrollable area: every line, the widest seen, and half a view
    // below the last line so it can come up from the bottom edge.
    ImGui::Dummy(ImVec2(gutter + pad * 2 + static_cast<float>(widest_columns_ + 2) * char_width_,
                        static_cast<float>(buffer_.line_count()) * line_height_ + pad * 2 +
                            view.GetHeight() * 0.5f));
    if (scroll_to_cursor_) {
        keep_cursor_visible(view.GetWidth() - gutter - pad * 2, view.GetHeight() - pad * 2);
        scroll_to_cursor_ = false;
    }
    if (scroll_to_line_ >= 0) {
        ImGui::SetScrollY(static_cast<float>(std::min(scroll_to_line_, buffer_.line_count() - 1)) *
                          line_height_);
        scroll_to_line_ = -1;
    }

    ImDrawList* dl = window->DrawList;
    const int count = buffer_.line_count();
    first_visible_ =
        std::clamp(static_cast<int>((window->Scroll.y - pad) / line_height_), 0, count - 1);
    last_visible_ = std::min(
        count - 1, static_cast<int>((window->Scroll.y + view.GetHeight()) / line_height_) + 1);
    const auto line_pos = [&](int l) {
        return ImVec2(text_origin_.x, text_origin_.y + static_cast<float>(l) * line_height_);
    };
    const auto x_of = [&](TextPos at) {
        return text_origin_.x +
               static_cast<float>(column_of(buffer_.line(at.line),
                                            static_cast<std::size_t>(at.byte), buffer_.tab_size)) *
                   char_width_;
    };

    dl->PushClipRect(ImVec2(view.Min.x + gutter, view.Min.y), view.Max, true);
    const TextRange sel = buffer_.selection();
    const TextPos cursor = buffer_.cursor();
    if (active && sel.empty()) {
        const ImVec2 at = line_pos(cursor.line);
        dl->AddRectFilled(ImVec2(view.Min.x + gutter, at.y),
                          ImVec2(view.Max.x, at.y + line_height_), p.surface_sunken);
    }
    for (int l = first_visible_; l <= last_visible_; ++l) {
        const ImVec2 at = line_pos(l);
        if (!sel.empty() && l >= sel.begin.line && l <= sel.end.line) {
            const float x0 = l == sel.begin.line ? x_of(sel.begin) : at.x;
            const float x1 = l == sel.end.line
                                 ? x_of(sel.end)
                                 : x_of({l, static_cast<int>(buffer_.line(l).size())}) +
                                       char_width_ * 0.5f; // the line break
            dl->AddRectFilled(ImVec2(x0, at.y), ImVec2(x1, at.y + line_height_), p.selection);
        }
        draw_line(dl, l, at);
    }
    if (active) {
        Matches& m = matches_;
        if (m.version != buffer_.version() || m.cursor != cursor) {
            m.version = buffer_.version();
            m.cursor = cursor;
            m.bracket_found = buffer_.matching_bracket(m.bracket, m.partner);
            m.tag_found =
                colours_.language() == "html" && buffer_.matching_tag(m.open_tag, m.close_tag);
        }
        if (m.bracket_found) {
            for (TextPos b : {m.bracket, m.partner}) {
                const float x = x_of(b);
                const float y = line_pos(b.line).y;
                dl->AddRect(ImVec2(x, y), ImVec2(x + char_width_, y + line_height_),
                            p.border_strong, 2_s, 0, 1.5_s);
            }
        }
        if (m.tag_found) {
            for (const TextRange& r : {m.open_tag, m.close_tag}) {
                const float y = line_pos(r.begin.line).y + line_height_ - 2_s;
                dl->AddLine(ImVec2(x_of(r.begin), y), ImVec2(x_of(r.end), y), p.accent, 2_s);
            }
        }
        const double t = ImGui::GetTime();
        const double phase = std::fmod(std::max(0.0, t - last_input_time_), 2 * blink_half_period);
        const bool caret_on = phase < blink_half_period;
        events.redraw_at =
            t + (caret_on ? blink_half_period - phase : 2 * blink_half_period - phase);
        if (caret_on) {
            const float x = x_of(cursor);
            const float y = line_pos(cursor.line).y;
            dl->AddRectFilled(ImVec2(x - 1_s, y + 1_s), ImVec2(x + 1_s, y + line_height_ - 1_s),
                              p.text);
        }
    }
    dl->PopClipRect();

    // Line numbers stay put when the text scrolls sideways.
    dl->AddRectFilled(view.Min, ImVec2(view.Min.x + gutter, view.Max.y), p.surface_sunken);
    auto mark = std::lower_bound(marks_.begin(), marks_.end(), first_visible_,
                                 [](const LineMark& m, int line) { return m.line < line; });
    for (int l = first_visible_; l <= last_visible_; ++l) {
        const std::string number = std::to_string(l + 1);
        const float w = font->CalcTextSizeA(font_size, FLT_MAX, 0, number.c_str()).x;
        const float y = line_pos(l).y + (line_height_ - font_size) * 0.5f;
        bool marked = false;
        while (mark != marks_.end() && mark->line == l) {
            if (!marked) {
                const ImVec2 a(view.Min.x, line_pos(l).y);
                const ImVec2 b(view.Min.x + gutter - char_width_ * 0.5f, a.y + line_height_);
                dl->AddRectFilled(a, b, p.danger_soft);
                dl->AddRectFilled(a, ImVec2(a.x + 3_s, b.y), p.danger);
                ui::probe::text_rect("problem on line " + number + ": " + mark->message, a, b);
                if (ImGui::IsMouseHoveringRect(a, b))
                    ImGui::SetTooltip("%s", mark->message.c_str());
            }
            marked = true;
            ++mark;
        }
        dl->AddText(font, font_size, ImVec2(view.Min.x + gutter - w - char_width_, y),
                    marked                       ? p.danger
                    : l == cursor.line && active ? p.text
                                                 : p.text_muted,
                    number.c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);

    ui::probe::widget(ui::probe::visible_label(label), "input", true, false, active);
    ui::probe::widget_multiline();
    if (buffer_.version() != text_version_) {
        text_version_ = buffer_.version();
        std::size_t size = 0;
        for (int l = 0; l < buffer_.line_count() && size <= probe_text_limit; ++l)
            size += buffer_.line(l).size() + 1;
        text_for_probe_ = size <= probe_text_limit ? buffer_.text() : std::string();
    }
    if (!text_for_probe_.empty()) {
        ui::probe::widget_value(text_for_probe_);
        // The caret as a byte offset into that text: the mirror reads its line.
        if (active) {
            const TextPos c = buffer_.cursor(), an = buffer_.anchor();
            if (c != caret_pos_ || an != anchor_pos_ || caret_version_ != text_version_) {
                caret_pos_ = c;
                anchor_pos_ = an;
                caret_version_ = text_version_;
                caret_offset_ = offset_of(c);
                anchor_offset_ = offset_of(an);
            }
            ui::probe::widget_caret(anchor_offset_, caret_offset_);
        }
    }
    ImGui::PopID();
    return events;
}

int CodeEditor::offset_of(TextPos p) const {
    std::size_t at = 0;
    for (int l = 0; l < p.line && l < buffer_.line_count(); ++l)
        at += buffer_.line(l).size() + 1;
    return static_cast<int>(at) + p.byte;
}

} // namespace wte::editor
