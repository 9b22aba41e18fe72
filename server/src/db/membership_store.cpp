#include "db/membership_store.hpp"

#include "db/rows.hpp"
#include "db/tree_store.hpp"

namespace wte::db {

ModuleRole MembershipStore::role_of(Id module, Id user) {
    auto st = c_.prepare("SELECT role FROM module_roles WHERE module_id = ? AND user_id = ?");
    st.bind_all(module, user);
    if (!st.step()) return ModuleRole::none;
    return stored_enum(parse_module_role(st.text(0)), "module role");
}

void MembershipStore::set_role(Id module, Id user, ModuleRole role) {
    if (role == ModuleRole::none) {
        c_.prepare("DELETE FROM module_roles WHERE module_id = ? AND user_id = ?")
            .bind_all(module, user)
            .run();
        return;
    }
    // A block keeps the role it replaces (a second block keeps the first's);
    // any other role forgets it. Both sides of SET read the row as it was.
    c_.prepare("INSERT INTO module_roles (module_id, user_id, role) VALUES (?, ?, ?) "
               "ON CONFLICT (module_id, user_id) DO UPDATE SET role = excluded.role, "
               "role_before_block = CASE WHEN excluded.role <> 'block' THEN NULL "
               "WHEN module_roles.role = 'block' THEN module_roles.role_before_block "
               "ELSE module_roles.role END")
        .bind_all(module, user, to_string(role))
        .run();
}

ModuleRole MembershipStore::role_before_block(Id module, Id user) {
    auto st = c_.prepare(
        "SELECT role_before_block FROM module_roles WHERE module_id = ? AND user_id = ?");
    st.bind_all(module, user);
    if (!st.step() || st.is_null(0)) return ModuleRole::student;
    return stored_enum(parse_module_role(st.text(0)), "module role");
}

int MembershipStore::owner_count(Id module) {
    auto st =
        c_.prepare("SELECT COUNT(*) FROM module_roles WHERE module_id = ? AND role = 'owner'");
    st.bind(1, module);
    st.step();
    return st.integer(0);
}

std::vector<std::string> MembershipStore::modules_owned_only_by(Id user) {
    auto st = c_.prepare(
        "SELECT p.title FROM module_roles r JOIN parts p ON p.id = r.module_id "
        "WHERE r.user_id = ? AND r.role = 'owner' AND NOT EXISTS (SELECT 1 FROM module_roles o "
        "WHERE o.module_id = r.module_id AND o.role = 'owner' AND o.user_id <> r.user_id) "
        "ORDER BY p.title");
    st.bind(1, user);
    std::vector<std::string> titles;
    while (st.step())
        titles.push_back(st.text(0));
    return titles;
}

void MembershipStore::remove_member(Id module, Id user) {
    set_role(module, user, ModuleRole::none);
}

namespace {
const char* member_columns = "SELECT u.id, u.email, u.name, r.role";

api::Member read_member(Statement& st) {
    return {st.int64(0), st.text(1), st.text(2),
            stored_enum(parse_module_role(st.text(3)), "module role")};
}
} // namespace

api::Page<api::Member> MembershipStore::members(Id module, const std::string& query,
                                                std::optional<ModuleRole> role, int page,
                                                int per_page) {
    api::Page<api::Member> out;
    out.page = page;
    out.per_page = per_page;
    // LOWER on both sides: case-insensitive for ASCII, in SQLite and PostgreSQL alike.
    const std::string where =
        " FROM module_roles r JOIN users u ON u.id = r.user_id WHERE r.module_id = ? "
        "AND (? = '' OR r.role = ?) AND (? = '%%' OR LOWER(u.name) LIKE ? ESCAPE '\\' OR "
        "LOWER(u.email) LIKE ? ESCAPE '\\')";
    const std::string wanted = role ? to_string(*role) : "";
    const std::string pattern = like_pattern(query);
    auto count = c_.prepare("SELECT COUNT(*)" + where);
    count.bind_all(module, wanted, wanted, pattern, pattern, pattern);
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare(std::string(member_columns) + where +
                         " ORDER BY CASE r.role WHEN 'owner' THEN 0 WHEN 'tutor' THEN 1 "
                         "WHEN 'student' THEN 2 ELSE 3 END, LOWER(u.name), u.id "
                         "LIMIT ? OFFSET ?");
    st.bind_all(module, wanted, wanted, pattern, pattern, pattern, per_page,
                static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back(read_member(st));
    return out;
}

std::optional<api::Member> MembershipStore::member(Id module, Id user) {
    auto st = c_.prepare(std::string(member_columns) +
                         " FROM module_roles r JOIN users u ON u.id = r.user_id "
                         "WHERE r.module_id = ? AND r.user_id = ?");
    st.bind_all(module, user);
    if (!st.step()) return std::nullopt;
    return read_member(st);
}

std::vector<User> MembershipStore::students_and_tutors(Id module) {
    auto st = c_.prepare("SELECT u.id, u.email, u.name FROM module_roles r JOIN users u ON "
                         "u.id = r.user_id WHERE r.module_id = ? AND r.role IN ('student', "
                         "'tutor') ORDER BY u.id");
    st.bind(1, module);
    std::vector<User> out;
    while (st.step()) {
        User u;
        u.id = st.int64(0);
        u.email = st.text(1);
        u.name = st.text(2);
        out.push_back(std::move(u));
    }
    return out;
}

api::Page<PartSummary> MembershipStore::available_modules(int page, int per_page) {
    api::Page<PartSummary> out;
    out.page = page;
    out.per_page = per_page;
    auto count =
        c_.prepare("SELECT COUNT(*) FROM parts WHERE type = 'module' AND status = 'available'");
    count.step();
    out.total = count.int64(0);
    // LOWER: case-insensitive like SQLite's NOCASE (ASCII), and portable.
    auto st = c_.prepare(std::string("SELECT ") + part_columns +
                         " FROM parts WHERE type = 'module' AND status = 'available' "
                         "ORDER BY LOWER(title), id LIMIT ? OFFSET ?");
    st.bind_all(per_page, static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back(listed(read_part(st).part));
    return out;
}

api::Page<ModuleWithRole> MembershipStore::my_modules(Id user, const std::vector<Status>& statuses,
                                                      int page, int per_page) {
    api::Page<ModuleWithRole> out;
    out.page = page;
    out.per_page = per_page;
    std::vector<std::string> wanted;
    for (auto s : statuses)
        wanted.push_back(to_string(s));
    if (statuses.empty()) wanted = {"available", "unavailable", "archived"};
    const std::string where = " FROM parts p JOIN module_roles r ON r.module_id = p.id "
                              "WHERE p.type = 'module' AND r.user_id = ? AND r.role != 'block' "
                              "AND p.status IN " +
                              in_list(wanted.size());
    auto count = c_.prepare("SELECT COUNT(*)" + where);
    count.bind(1, user);
    bind_in_list(count, 2, wanted);
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare("SELECT p.id, p.type, p.parent_id, p.module_id, p.title, p.status, "
                         "p.label, p.display_mode, p.content, p.ord, p.access_password, "
                         "p.access_domains, r.role" +
                         where + " ORDER BY LOWER(p.title), p.id LIMIT ? OFFSET ?");
    st.bind(1, user);
    bind_in_list(st, 2, wanted);
    const int after = 2 + static_cast<int>(std::count(where.begin(), where.end(), '?')) - 1;
    st.bind(after, per_page);
    st.bind(after + 1, static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back({listed(read_part(st).part),
                             stored_enum(parse_module_role(st.text(12)), "module role")});
    return out;
}

} // namespace wte::db
