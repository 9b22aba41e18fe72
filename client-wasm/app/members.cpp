// The members of a module on screen: list requests (one at a time: a newer
// search supersedes the one on its way), add / change / remove with the
// server's answer shown in place, the list reloaded after every change.
#include "app/members.hpp"

#include "app/app.hpp"
#include "wte/text.hpp"

namespace wte::client {

namespace {

const char* filter_value(MemberFilter f) {
    switch (f) {
    case MemberFilter::all:
        return "";
    case MemberFilter::owner:
        return "owner";
    case MemberFilter::tutor:
        return "tutor";
    case MemberFilter::student:
        return "student";
    case MemberFilter::blocked:
        return "blocked";
    }
    return "";
}

void load_list(App& app) {
    MembersScreen& m = app.state.members;
    Request r = get(api::path_members(m.part_id) + members::list_query(m), [&app](const Reply& r) {
        MembersScreen& m = app.state.members;
        if (r.id != m.list.request) return;
        if (!r.ok()) {
            m.list.fail(r.error().message);
            return;
        }
        m.list.succeed(api::parse_page<api::Member>(r.data));
    });
    r.key = "members";
    m.list.start(app.requests().send(std::move(r)));
}

void change_reply(App& app, const Reply& r) {
    MembersScreen& m = app.state.members;
    if (r.id != m.change_request) return;
    m.busy_user = 0;
    m.confirm_remove = 0;
    if (!r.ok()) m.error = r.error().message;
    load_list(app);
}

const char* role_words(ModuleRole role) {
    switch (role) {
    case ModuleRole::owner:
        return "an owner";
    case ModuleRole::tutor:
        return "a tutor";
    default:
        return "a student";
    }
}

} // namespace

namespace members {

std::string list_query(const MembersScreen& m) {
    std::string q = "?page=" + std::to_string(m.page);
    if (!m.searched.empty()) q += "&q=" + percent_encode(m.searched);
    if (m.filter != MemberFilter::all) q += std::string("&role=") + filter_value(m.filter);
    return q;
}

void load(App& app, Id part_id) {
    MembersScreen& m = app.state.members;
    if (m.part_id != part_id) m = MembersScreen{};
    m.part_id = part_id;
    m.error.clear();
    m.confirm_remove = 0;
    part_view::fetch(app, part_id);
    load_list(app);
}

std::string module_title(const AppState& s) {
    const PartView* v = s.parts.find(s.members.part_id);
    if (!v) return "";
    return v->ancestors.empty() ? v->part.title : v->ancestors.front().title;
}

void apply(App& app, MembersActions& a) {
    MembersScreen& m = app.state.members;
    if (m.part_id == 0) return;
    if (a.search || a.filter) {
        if (a.filter) m.filter = *a.filter;
        m.searched = m.query;
        m.page = 1;
        load_list(app);
    }
    if (a.page && *a.page >= 1) {
        m.page = *a.page;
        load_list(app);
    }
    if (a.add && !m.add_busy) {
        m.add_error.clear();
        m.notice.clear();
        if (m.add_email.find('@') == std::string::npos) {
            m.add_error = "Enter the email address of someone who has an account.";
        } else {
            m.add_busy = true;
            const api::AddMemberRequest body{m.add_email, m.add_role};
            m.add_request = app.requests().send(send_json(
                "POST", api::path_members(m.part_id), to_json(body), [&app](const Reply& r) {
                    MembersScreen& m = app.state.members;
                    if (r.id != m.add_request) return;
                    m.add_busy = false;
                    if (!r.ok()) {
                        m.add_error = r.error().message;
                        return;
                    }
                    const api::Member added = r.data.get<api::Member>();
                    m.notice = (added.name.empty() ? added.email : added.name) + " was added as " +
                               role_words(added.role) + ".";
                    m.add_email.clear();
                    load_list(app);
                }));
        }
    }
    auto change = [&](Id user, const api::MemberChange& c) {
        if (m.busy_user) return;
        m.busy_user = user;
        m.error.clear();
        m.notice.clear();
        m.change_request =
            app.requests().send(send_json("PATCH", api::path_member(m.part_id, user), to_json(c),
                                          [&app](const Reply& r) { change_reply(app, r); }));
    };
    if (a.set_role) change(a.set_role->first, {a.set_role->second, std::nullopt});
    if (a.set_blocked) change(a.set_blocked->first, {std::nullopt, a.set_blocked->second});
    if (a.ask_remove && !m.busy_user) {
        m.confirm_remove = *a.ask_remove;
        m.error.clear();
    }
    if (a.remove && !m.busy_user) {
        m.busy_user = *a.remove;
        m.error.clear();
        m.notice.clear();
        m.change_request =
            app.requests().send(send_json("DELETE", api::path_member(m.part_id, *a.remove), nullptr,
                                          [&app](const Reply& r) { change_reply(app, r); }));
    }
}

} // namespace members

} // namespace wte::client
