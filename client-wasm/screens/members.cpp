// Members of a module (#/parts/N/users), for its owners: add an existing
// user by email with a role, search by name or email, filter by role, 30 a
// page; per member a role picker, block / unblock and remove (asked once
// more). Drawn only; app/members.cpp sends and reloads. Also the "Members"
// and "Statistics" buttons of the module and part screens.
#include "screens/fit.hpp"
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

namespace wte::client {

using namespace wte::ui;

namespace {

const std::vector<ModuleRole> role_choices = {ModuleRole::student, ModuleRole::tutor,
                                              ModuleRole::owner};
const std::vector<std::string> role_names = {"Student", "Tutor", "Owner"};

int role_index(ModuleRole r) {
    for (std::size_t i = 0; i < role_choices.size(); ++i)
        if (role_choices[i] == r) return static_cast<int>(i);
    return 0;
}

const char* role_text(ModuleRole r) {
    switch (r) {
    case ModuleRole::owner:
        return "Owner";
    case ModuleRole::tutor:
        return "Tutor";
    case ModuleRole::student:
        return "Student";
    case ModuleRole::block:
        return "Blocked";
    case ModuleRole::none:
        break;
    }
    return "";
}

Tone role_tone(ModuleRole r) {
    switch (r) {
    case ModuleRole::owner:
        return Tone::accent;
    case ModuleRole::tutor:
        return Tone::success;
    case ModuleRole::block:
        return Tone::danger;
    default:
        return Tone::neutral;
    }
}

void draw_add_form(MembersScreen& m, Actions& a) {
    begin_panel(20);
    heading("Add a member", 3);
    muted("They need an account already; they are added at once, without an email.",
          FontRole::small);
    vspace(6);
    const bool submit = text_field("Email address", m.add_email,
                                   {.hint = "name@example.org",
                                    .width = std::min(column_width(), 360_s),
                                    .enabled = !m.add_busy,
                                    // Every refusal of the form is about whom.
                                    .error = m.add_error});
    vspace(4);
    label("Role");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 2_s);
    int selected = role_index(m.add_role);
    if (segmented("add-role", role_names, selected, !m.add_busy))
        m.add_role = role_choices[static_cast<std::size_t>(selected)];
    if (!m.add_error.empty()) {
        vspace(4);
        error_box(m.add_error);
    }
    vspace(8);
    if (button(m.add_busy ? "Adding…###Add member" : "Add member###Add member", ButtonKind::primary,
               !m.add_busy) ||
        submit)
        a.members.add = true;
    end_panel();
}

void draw_member_row(const MembersScreen& m, const api::Member& who, Actions& a) {
    ImGui::PushID(static_cast<int>(who.user_id));
    const bool busy = m.busy_user == who.user_id;
    const bool confirming = m.confirm_remove == who.user_id;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float right = top.x + column_width();

    heading(who.name.empty() ? who.email : who.name, 3);
    const ImVec2 after_name = ImGui::GetItemRectMax();
    muted(who.email, FontRole::small);
    const float email_right = ImGui::GetItemRectMax().x;
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    {
        ImFont* h3 = font(FontRole::h3);
        const float pill_h = font(FontRole::small_bold)->FontSize + 4_s;
        ImGui::SetCursorScreenPos(
            ImVec2(after_name.x + 10_s, after_name.y - (h3->FontSize + pill_h) * 0.5f));
        status_pill(busy ? "Changing…" : role_text(who.role), role_tone(who.role));
    }

    // Controls at the right end: role, block / unblock, remove.
    const bool blocked = who.role == ModuleRole::block;
    const std::string role_label = std::string("Role: ") + role_text(who.role);
    const char* block_label = blocked ? "Unblock" : "Block";
    const float w_role = blocked ? 0 : button_width(role_label.c_str(), ButtonKind::secondary);
    const float w_block = button_width(block_label, ButtonKind::secondary);
    const float w_remove = button_width("Remove", ButtonKind::danger);
    float x = right - w_remove - w_block - 8_s - (blocked ? 0 : w_role + 8_s);
    float below = bottom.y;
    // Where they would cover the name and address (a phone), under them instead.
    const float text_right = std::max(email_right, ImGui::GetItemRectMax().x);
    const bool under = x < text_right + 12_s;
    const float row_y = under ? bottom.y + 2_s : top.y;
    if (under) x = top.x;
    if (!confirming) {
        if (!blocked) {
            ImGui::SetCursorScreenPos(ImVec2(x, row_y));
            ImGui::BeginGroup();
            const int picked = picker(role_label.c_str(), role_names, role_index(who.role));
            ImGui::EndGroup();
            below = std::max(below, ImGui::GetItemRectMax().y + 4_s);
            if (picked >= 0 && !busy)
                a.members.set_role = {who.user_id, role_choices[static_cast<std::size_t>(picked)]};
            x += w_role + 8_s;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, row_y));
        if (button(block_label, ButtonKind::secondary, !busy))
            a.members.set_blocked = {who.user_id, !blocked};
        x += w_block + 8_s;
        ImGui::SetCursorScreenPos(ImVec2(x, row_y));
        if (button("Remove", ButtonKind::danger, !busy)) a.members.ask_remove = who.user_id;
        below = std::max(below, ImGui::GetItemRectMax().y + 4_s);
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, below));
    ImGui::Dummy(ImVec2(1, 0));

    if (confirming) {
        vspace(4);
        begin_panel(14);
        paragraph("Remove " + (who.name.empty() ? who.email : who.name) +
                  " from the module? Their progress (pages visited, time, where they left off) "
                  "is removed; their quiz answers are kept.");
        vspace(6);
        if (button("Keep", ButtonKind::secondary, !busy)) a.members.ask_remove = 0;
        ImGui::SameLine(0, 8_s);
        if (button(busy ? "Removing…###Remove from the module"
                        : "Remove from the module###Remove from the module",
                   ButtonKind::danger, !busy))
            a.members.remove = who.user_id;
        end_panel();
    }
    ImGui::PopID();
}

} // namespace

void draw_teacher_links(const AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    if (!v.can.users && !v.can.stats) return;
    vspace(6);
    bool first = true;
    if (v.can.users) {
        if (button("Members", ButtonKind::secondary)) a.navigate = route_members(v.part.id);
        first = false;
    }
    if (v.can.stats) {
        if (!first) ImGui::SameLine(0, 8_s);
        if (button("Statistics", ButtonKind::secondary)) a.navigate = route_stats(v.part.id);
    }
}

void draw_members(AppState& s, Actions& a) {
    MembersScreen& m = s.members;
    const std::string module = members::module_title(s);
    if (link(module.empty() ? "‹ Back" : "‹ Back to " + module, FontRole::small))
        a.navigate = route_part(m.part_id);
    vspace(4);
    heading("Members", 1);
    if (!module.empty()) muted(module);
    vspace(10);
    draw_add_form(m, a);
    if (!m.notice.empty()) {
        vspace(6);
        notice_box(m.notice);
    }

    vspace(16);
    bool search =
        text_field("Search", m.query,
                   {.hint = "Part of a name or an email address", .width = 0.0f, .enabled = true});
    vspace(2);
    static const std::vector<std::string> filters = {"Everyone", "Owners", "Tutors", "Students",
                                                     "Blocked"};
    int filter = static_cast<int>(m.filter);
    if (segmented_fitted("role-filter", filters, filter)) a.members.filter = MemberFilter(filter);
    beside_if_fits(button_width("Search", ButtonKind::secondary), 12_s);
    search |= button("Search", ButtonKind::secondary);
    if (search) a.members.search = true;
    vspace(10);

    if (!m.error.empty()) {
        error_box(m.error);
        vspace(6);
    }
    const auto& list = m.list;
    if (list.failed()) {
        if (error_view("The members cannot be shown", list.error)) a.retry = true;
        return;
    }
    if (!list.ready()) {
        loading_view("members");
        return;
    }
    const auto& page = list.value;
    muted(page.total == 1 ? "1 member" : std::to_string(page.total) + " members",
          FontRole::small_bold);
    vspace(6);
    if (page.items.empty())
        muted(m.searched.empty() && m.filter == MemberFilter::all
                  ? "Nobody is a member of this module yet."
                  : "Nobody matches this search.");
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (i > 0) {
            vspace(6);
            const ImVec2 p0 = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(p0, ImVec2(p0.x + column_width(), p0.y),
                                                palette().border, 1_s);
            vspace(7);
        }
        draw_member_row(m, page.items[i], a);
    }
    vspace(12);
    const int per_page = page.per_page > 0 ? page.per_page : api::members_per_page;
    const int pages = static_cast<int>((page.total + per_page - 1) / per_page);
    if (int asked = pager("member-pages", page.page, pages)) a.members.page = asked;
}

} // namespace wte::client
