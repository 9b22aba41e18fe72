// Administration (#/admin/users, #/admin/modules, #/admin/rerender): tabs
// for the screens the user's permissions open, then the list or the job.
// A control shows only with the permission it needs (the server checks
// again). Also a teacher's "Notify members" form on the part screens.
#include "app/admin.hpp"
#include "screens/fit.hpp"
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"
#include "wte/permissions.hpp"

#include <imgui.h>

#include <algorithm>

namespace wte::client {

using namespace wte::ui;

namespace {

void draw_admin_tabs(const AppState& s, Actions& a) {
    const Actor actor = session::actor(s.session);
    heading("Administration", 1);
    vspace(6);
    bool first = true;
    auto one = [&](const char* label, const char* pattern, bool allowed) {
        if (!allowed) return;
        if (!first) ImGui::SameLine(0, 4_s);
        first = false;
        if (tab(label, s.route.is(pattern))) a.navigate = Route{pattern, 0};
    };
    one("Users", routes::admin_users, can_list_users(actor));
    one("All modules", routes::admin_modules, can_list_all_modules(actor));
    one("Re-render", routes::admin_rerender, can_rerender(actor));
    vspace(14);
}

void separator() {
    vspace(6);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p0, ImVec2(p0.x + column_width(), p0.y), palette().border,
                                        1_s);
    vspace(7);
}

std::string group_names(const api::AdminUser& u) {
    std::string out;
    for (const auto& g : u.groups)
        out += (out.empty() ? "" : ", ") + g.title;
    return out;
}

void draw_permissions_editor(const AdminUsers& u, const api::AdminUser& who, Actions& a) {
    vspace(4);
    begin_panel(14);
    if (u.catalogue.failed()) {
        error_box(u.catalogue.error);
    } else if (!u.catalogue.ready()) {
        loading_view("groups");
    } else {
        label("Groups");
        for (const Group& g : u.catalogue.value.groups) {
            bool on = u.edit_groups.count(g.id) > 0;
            if (toggle(g.title.c_str(), on)) a.admin.toggle_group = g.id;
        }
        vspace(6);
        label("Permissions of their own");
        for (const std::string& p : u.catalogue.value.permissions) {
            bool on = u.edit_permissions.count(p) > 0;
            if (toggle(describe_permission(p).c_str(), on)) a.admin.toggle_permission = p;
        }
        vspace(8);
        const bool busy = u.busy_user == who.id;
        if (button("Cancel", ButtonKind::secondary, !busy)) a.admin.edit_permissions = Id{0};
        ImGui::SameLine(0, 8_s);
        if (button(busy ? "Saving…###Save permissions" : "Save permissions###Save permissions",
                   ButtonKind::primary, !busy))
            a.admin.save_permissions = true;
    }
    end_panel();
}

void draw_user_row(const AdminUsers& u, const Actor& actor, const api::AdminUser& who, Actions& a) {
    ImGui::PushID(static_cast<int>(who.id));
    const bool busy = u.busy_user == who.id;
    heading(who.name.empty() ? who.email : who.name, 3);
    const ImVec2 after_name = ImGui::GetItemRectMax();
    const ImVec2 top = ImGui::GetItemRectMin();
    muted(who.email, FontRole::small);
    float text_right = ImGui::GetItemRectMax().x;
    const std::string groups = group_names(who);
    std::string meta = groups.empty() ? "No group" : groups;
    if (!who.permissions.empty())
        meta += " · " + std::to_string(who.permissions.size()) + " own permission" +
                (who.permissions.size() == 1 ? "" : "s");
    muted(meta, FontRole::small);
    text_right = std::max(text_right, ImGui::GetItemRectMax().x);
    ImVec2 bottom = ImGui::GetCursorScreenPos();
    {
        ImFont* h3 = font(FontRole::h3);
        const float pill_h = font(FontRole::small_bold)->FontSize + 4_s;
        ImGui::SetCursorScreenPos(
            ImVec2(after_name.x + 10_s, after_name.y - (h3->FontSize + pill_h) * 0.5f));
        status_pill(busy            ? "Changing…"
                    : who.confirmed ? "Confirmed"
                                    : "Not confirmed",
                    who.confirmed ? Tone::success : Tone::warning);
        text_right = std::max(text_right, ImGui::GetItemRectMax().x);
    }

    // Buttons at the right end, in the order a person reads them.
    std::vector<std::pair<const char*, int>> buttons;
    if (can_edit_users(actor) && !who.confirmed) buttons.push_back({"Confirm", 0});
    if (can_edit_users(actor)) buttons.push_back({"Send reset link", 1});
    if (can_set_permissions(actor)) buttons.push_back({"Permissions", 2});
    if (can_delete_users(actor)) buttons.push_back({"Delete", 3});
    float total = 0;
    for (const auto& [label, kind] : buttons)
        total += button_width(label, kind == 3 ? ButtonKind::danger : ButtonKind::secondary) + 8_s;
    const float right = top.x + column_width();
    float x = right - total + 8_s;
    // Where they would cover the name and address (a phone), in rows under them.
    const bool under = x < text_right + 12_s;
    float y = top.y;
    if (under) x = top.x, y = bottom.y + 2_s;
    if (u.confirm_delete != who.id && u.editing != who.id) {
        for (const auto& [label, kind] : buttons) {
            const ButtonKind bk = kind == 3 ? ButtonKind::danger : ButtonKind::secondary;
            if (under && x > top.x && x + button_width(label, bk) > right)
                x = top.x, y = ImGui::GetItemRectMax().y + 8_s;
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (button(label, bk, !busy && !u.busy_user)) {
                if (kind == 0) a.admin.confirm_user = who.id;
                if (kind == 1) a.admin.send_reset = who.id;
                if (kind == 2) a.admin.edit_permissions = who.id;
                if (kind == 3) a.admin.ask_delete = who.id;
            }
            x += button_width(label, bk) + 8_s;
        }
        if (under && !buttons.empty()) bottom.y = ImGui::GetItemRectMax().y + 8_s;
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom.y));
    ImGui::Dummy(ImVec2(1, 0));

    if (u.editing == who.id) draw_permissions_editor(u, who, a);
    if (u.confirm_delete == who.id) {
        vspace(4);
        begin_panel(14);
        paragraph("Delete the account of " + (who.name.empty() ? who.email : who.name) +
                  "? Their progress, answers and files go with it. An account that alone owns "
                  "a module is kept until the module has another owner.");
        vspace(6);
        if (button("Keep", ButtonKind::secondary, !busy)) a.admin.ask_delete = Id{0};
        ImGui::SameLine(0, 8_s);
        if (button(busy ? "Deleting…###Delete the account"
                        : "Delete the account###Delete the account",
                   ButtonKind::danger, !busy))
            a.admin.delete_user = who.id;
        end_panel();
    }
    ImGui::PopID();
}

template <typename T>
void draw_pager(const char* id, const api::Page<T>& page, std::optional<int>& out) {
    const int per_page = page.per_page > 0 ? page.per_page : api::admin_page_size;
    const int pages = static_cast<int>((page.total + per_page - 1) / per_page);
    vspace(12);
    if (int asked = pager(id, page.page, pages)) out = asked;
}

// "2026-12-03T07:40:12Z" → "2026-12-03 07:40 UTC" (the server's times are UTC).
std::string utc_minute(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

const char* status_text(Status s) {
    switch (s) {
    case Status::available:
        return "Available";
    case Status::unavailable:
        return "Unavailable";
    case Status::archived:
        return "Archived";
    }
    return "";
}

Tone status_tone(Status s) {
    switch (s) {
    case Status::available:
        return Tone::success;
    case Status::archived:
        return Tone::neutral;
    default:
        return Tone::warning;
    }
}

} // namespace

void draw_admin_users(AppState& s, Actions& a) {
    draw_admin_tabs(s, a);
    AdminUsers& u = s.admin.users;
    const Actor actor = session::actor(s.session);
    bool search =
        text_field("Search users", u.query, {.hint = "Part of a name or an email address"});
    vspace(2);
    static const std::vector<std::string> filters = {"Everyone", "Confirmed", "Not confirmed"};
    int filter = static_cast<int>(u.filter);
    if (segmented_fitted("user-filter", filters, filter))
        a.admin.user_filter = api::UserFilter(filter);
    beside_if_fits(button_width("Search", ButtonKind::secondary), 12_s);
    search |= button("Search", ButtonKind::secondary);
    if (search) a.admin.search_users = true;
    vspace(10);
    if (!u.error.empty()) {
        error_box(u.error);
        vspace(6);
    }
    if (!u.notice.empty()) {
        notice_box(u.notice);
        vspace(6);
    }
    if (u.list.failed()) {
        if (error_view("The users cannot be shown", u.list.error)) a.retry = true;
        return;
    }
    if (!u.list.ready()) {
        loading_view("users");
        return;
    }
    const auto& page = u.list.value;
    muted(page.total == 1 ? "1 user" : std::to_string(page.total) + " users", FontRole::small_bold);
    vspace(6);
    if (page.items.empty()) muted("Nobody matches this search.");
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (i > 0) separator();
        draw_user_row(u, actor, page.items[i], a);
    }
    draw_pager("user-pages", page, a.admin.user_page);
}

void draw_admin_modules(AppState& s, Actions& a) {
    draw_admin_tabs(s, a);
    AdminModules& m = s.admin.modules;
    bool search = text_field("Search modules", m.query, {.hint = "Part of a title"});
    vspace(2);
    static const std::vector<std::string> filters = {"All", "Available", "Unavailable", "Archived"};
    int status = m.status;
    if (segmented_fitted("module-status", filters, status)) a.admin.module_status = status;
    beside_if_fits(button_width("Search", ButtonKind::secondary), 12_s);
    search |= button("Search", ButtonKind::secondary);
    if (search) a.admin.search_modules = true;
    vspace(10);
    if (m.list.failed()) {
        if (error_view("The modules cannot be shown", m.list.error)) a.retry = true;
        return;
    }
    if (!m.list.ready()) {
        loading_view("modules");
        return;
    }
    const auto& page = m.list.value;
    muted(page.total == 1 ? "1 module" : std::to_string(page.total) + " modules",
          FontRole::small_bold);
    vspace(6);
    if (page.items.empty()) muted("No module matches this search.");
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const api::AdminModule& mod = page.items[i];
        if (i > 0) separator();
        ImGui::PushID(static_cast<int>(mod.id));
        if (link(mod.title, FontRole::h3)) a.navigate = route_part(mod.id);
        ImGui::SameLine(0, 10_s);
        status_pill(status_text(mod.status), status_tone(mod.status));
        std::string owners;
        for (const auto& o : mod.owners)
            owners += (owners.empty() ? "" : ", ") + o;
        muted((owners.empty() ? std::string("No owner") : "Owned by " + owners) + " · " +
                  std::to_string(mod.members) + (mod.members == 1 ? " member" : " members"),
              FontRole::small);
        ImGui::PopID();
    }
    draw_pager("module-pages", page, a.admin.module_page);
}

void draw_admin_rerender(AppState& s, Actions& a) {
    draw_admin_tabs(s, a);
    AdminRerender& j = s.admin.rerender;
    paragraph("Parses every page again with the current parser and extracts its quizzes anew — "
              "after an update of WTE, say. Learners keep reading meanwhile.");
    vspace(8);
    const bool running = j.job.ready() && j.job.value && api::running(*j.job.value);
    if (button(j.starting ? "Starting…###Re-render all content"
                          : "Re-render all content###Re-render all content",
               ButtonKind::primary, !j.starting && !running))
        a.admin.start_rerender = true;
    if (!j.error.empty()) {
        vspace(6);
        error_box(j.error);
    }
    vspace(14);
    if (j.job.failed()) {
        if (error_view("The job cannot be shown", j.job.error)) a.retry = true;
        return;
    }
    if (!j.job.ready()) {
        loading_view("");
        return;
    }
    if (!j.job.value) {
        muted("Content was never re-rendered here.");
        return;
    }
    const api::RerenderJob& job = *j.job.value;
    heading(running               ? "Re-rendering…"
            : job.state == "done" ? "Last re-render"
                                  : "Last re-render failed",
            3);
    muted("Started " + utc_minute(job.started_at) +
              (job.finished_at ? ", finished " + utc_minute(*job.finished_at) : std::string()),
          FontRole::small);
    if (job.error && !job.error->empty()) {
        vspace(4);
        error_box(*job.error);
    }
    vspace(6);
    progress_bar(std::to_string(job.done) + " of " + std::to_string(job.total) + " pages and parts",
                 job.done, job.total);
    if (running) keep_animating(); // the progress is polled while it moves
    vspace(10);
    if (job.problems.empty()) {
        muted(running ? "No problems so far." : "No page has problems.");
        return;
    }
    muted(job.problems.size() == 1 ? "1 page has problems"
                                   : std::to_string(job.problems.size()) + " pages have problems",
          FontRole::small_bold);
    vspace(4);
    for (const auto& p : job.problems) {
        ImGui::PushID(static_cast<int>(p.part_id));
        if (link(p.title + (p.module_title.empty() ? "" : " — " + p.module_title)))
            a.navigate = route_part_edit(p.part_id);
        for (const auto& m : p.messages)
            muted(m, FontRole::small);
        vspace(4);
        ImGui::PopID();
    }
}

void draw_notify(AppState& s, Actions& a) {
    const PartView& v = s.part.view.value;
    if (!v.can.edit || v.part.type == PartType::page) return;
    NotifyForm& n = s.notify;
    if (n.part_id != v.part.id) {
        vspace(6);
        if (button("Notify members…", ButtonKind::secondary)) a.notify.open = v.part.id;
        return;
    }
    vspace(8);
    begin_panel(16);
    heading("Notify the members", 3);
    muted("Every member of the module gets a mail with a link to “" + v.part.title + "”.",
          FontRole::small);
    vspace(6);
    text_field("Message (optional)", n.message,
               {.hint = "What is new, what to do by when", .enabled = !n.form.busy});
    vspace(6);
    if (button("Close", ButtonKind::secondary, !n.form.busy)) a.notify.open = Id{0};
    ImGui::SameLine(0, 8_s);
    if (button(n.form.busy ? "Sending…###Send mail" : "Send mail###Send mail", ButtonKind::primary,
               !n.form.busy))
        a.notify.send = true;
    if (!n.form.error.empty()) {
        vspace(4);
        error_box(n.form.error);
    }
    if (!n.form.notice.empty()) {
        vspace(4);
        notice_box(n.form.notice);
    }
    end_panel();
}

} // namespace wte::client
