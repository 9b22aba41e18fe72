#include "db/admin_store.hpp"

#include "db/rows.hpp"
#include "wte/schedule.hpp"

#include <map>

namespace wte::db {

namespace {

constexpr const char* user_columns = "SELECT u.id, u.name, u.email, u.status, u.created_at";

api::AdminUser read_user(const Statement& st) {
    api::AdminUser u;
    u.id = st.int64(0);
    u.name = st.text(1);
    u.email = st.text(2);
    u.confirmed = stored_enum(parse_user_status(st.text(3)), "user status") == UserStatus::active;
    u.created_at = format_iso8601(st.int64(4));
    return u;
}

std::int64_t offset_of(int page) {
    return static_cast<std::int64_t>(page - 1) * api::admin_page_size;
}

} // namespace

api::Page<api::AdminUser> AdminStore::users(const std::string& query, api::UserFilter filter,
                                            int page) {
    api::Page<api::AdminUser> out;
    out.page = page;
    out.per_page = api::admin_page_size;
    const std::string status = filter == api::UserFilter::confirmed     ? "active"
                               : filter == api::UserFilter::unconfirmed ? "unconfirmed"
                                                                        : "";
    const std::string pattern = like_pattern(query);
    const std::string where = " FROM users u WHERE (? = '' OR u.status = ?) AND (? = '%%' OR "
                              "LOWER(u.name) LIKE ? ESCAPE '\\' OR LOWER(u.email) LIKE ? "
                              "ESCAPE '\\')";
    auto count = c_.prepare("SELECT COUNT(*)" + where);
    count.bind_all(status, status, pattern, pattern, pattern);
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare(std::string(user_columns) + where +
                         " ORDER BY LOWER(u.name), u.id LIMIT ? OFFSET ?");
    st.bind_all(status, status, pattern, pattern, pattern, api::admin_page_size, offset_of(page));
    while (st.step())
        out.items.push_back(read_user(st));
    add_groups_and_permissions(out.items);
    return out;
}

std::optional<api::AdminUser> AdminStore::user(Id id) {
    auto st = c_.prepare(std::string(user_columns) + " FROM users u WHERE u.id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    std::vector<api::AdminUser> one = {read_user(st)};
    add_groups_and_permissions(one);
    return one.front();
}

void AdminStore::add_groups_and_permissions(std::vector<api::AdminUser>& users) {
    if (users.empty()) return;
    std::map<Id, api::AdminUser*> by_id;
    std::vector<Id> ids;
    for (auto& u : users) {
        by_id[u.id] = &u;
        ids.push_back(u.id);
    }
    auto groups = c_.prepare("SELECT ug.user_id, g.id, g.title FROM user_groups ug "
                             "JOIN permission_groups g ON g.id = ug.group_id WHERE ug.user_id IN " +
                             in_list(ids.size()) + " ORDER BY ug.user_id, g.id");
    bind_in_list(groups, 1, ids);
    while (groups.step())
        by_id.at(groups.int64(0))->groups.push_back({groups.int64(1), groups.text(2)});
    auto permissions = c_.prepare("SELECT user_id, permission FROM user_permissions "
                                  "WHERE user_id IN " +
                                  in_list(ids.size()) + " ORDER BY user_id, permission");
    bind_in_list(permissions, 1, ids);
    while (permissions.step())
        by_id.at(permissions.int64(0))->permissions.push_back(permissions.text(1));
}

api::Page<api::AdminModule> AdminStore::modules(const std::string& query,
                                                std::optional<Status> status, int page) {
    api::Page<api::AdminModule> out;
    out.page = page;
    out.per_page = api::admin_page_size;
    const std::string wanted = status ? to_string(*status) : "";
    const std::string pattern = like_pattern(query);
    const std::string where = " FROM parts p WHERE p.type = 'module' AND (? = '' OR p.status = ?) "
                              "AND (? = '%%' OR LOWER(p.title) LIKE ? ESCAPE '\\')";
    auto count = c_.prepare("SELECT COUNT(*)" + where);
    count.bind_all(wanted, wanted, pattern, pattern);
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare("SELECT p.id, p.title, p.status, p.updated_at, (SELECT COUNT(*) FROM "
                         "module_roles r WHERE r.module_id = p.id AND r.role <> 'block')" +
                         where + " ORDER BY LOWER(p.title), p.id LIMIT ? OFFSET ?");
    st.bind_all(wanted, wanted, pattern, pattern, api::admin_page_size, offset_of(page));
    std::vector<Id> ids;
    while (st.step()) {
        api::AdminModule m;
        m.id = st.int64(0);
        m.title = st.text(1);
        m.status = stored_enum(parse_status(st.text(2)), "part status");
        m.updated_at = format_iso8601(st.int64(3));
        m.members = st.integer(4);
        ids.push_back(m.id);
        out.items.push_back(std::move(m));
    }
    if (ids.empty()) return out;
    std::map<Id, api::AdminModule*> by_id;
    for (auto& m : out.items)
        by_id[m.id] = &m;
    auto owners = c_.prepare("SELECT r.module_id, u.name FROM module_roles r JOIN users u ON "
                             "u.id = r.user_id WHERE r.role = 'owner' AND r.module_id IN " +
                             in_list(ids.size()) + " ORDER BY r.module_id, LOWER(u.name), u.id");
    bind_in_list(owners, 1, ids);
    while (owners.step())
        by_id.at(owners.int64(0))->owners.push_back(owners.text(1));
    return out;
}

} // namespace wte::db
