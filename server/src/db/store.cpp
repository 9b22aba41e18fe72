#include "db/store.hpp"

#include "wte/permissions.hpp"
#include "wte/text.hpp"

#include <ctime>

namespace wte::db {

std::int64_t now_seconds() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

namespace {

constexpr const char* part_columns =
    "id, type, parent_id, module_id, title, status, label, display_mode, content, ord, "
    "access_password, access_domains";

template <typename E> E stored_enum(std::optional<E> v, const std::string& what) {
    if (!v) throw DbError(0, "Stored " + what + " has an unknown value");
    return *v;
}

PartRecord read_part(const Statement& st) {
    PartRecord r;
    r.part.id = st.int64(0);
    r.part.type = stored_enum(parse_part_type(st.text(1)), "part type");
    r.part.parent_id = st.optional_int64(2);
    r.module_id = st.optional_int64(3).value_or(r.part.id);
    r.part.title = st.text(4);
    r.part.status = stored_enum(parse_status(st.text(5)), "status");
    r.part.label = st.text(6);
    r.part.display_mode = stored_enum(parse_display_mode(st.text(7)), "display mode");
    r.part.content = st.text(8);
    r.part.order = st.integer(9);
    r.access_password_hash = st.optional_text(10);
    json domains = json::parse(st.text(11), nullptr, false);
    if (domains.is_array())
        for (const auto& d : domains)
            if (d.is_string()) r.access_domains.push_back(d.get<std::string>());
    return r;
}

PartSummary listed(const Part& p) {
    PartSummary s = summary_of(p);
    s.summary = summarise(p.content);
    return s;
}

UserRecord read_user(const Statement& st) {
    UserRecord r;
    r.user.id = st.int64(0);
    r.user.email = st.text(1);
    r.user.name = st.text(2);
    r.password_hash = st.optional_text(3);
    r.user.status = stored_enum(parse_user_status(st.text(4)), "user status");
    json options = json::parse(st.text(5), nullptr, false);
    if (options.is_object()) r.user.options.high_contrast = options.value("high_contrast", false);
    return r;
}

} // namespace

Id Store::create_user(const std::string& email, const std::string& name,
                      const std::optional<std::string>& password_hash, UserStatus status) {
    c_.prepare("INSERT INTO users (email, name, password_hash, status, created_at) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind_all(email, name, password_hash, to_string(status), now_seconds())
        .run();
    return c_.last_insert_id();
}

std::optional<UserRecord> Store::find_user(Id id) {
    auto st = c_.prepare(
        "SELECT id, email, name, password_hash, status, options FROM users WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_user(st);
}

std::optional<UserRecord> Store::find_user_by_email(const std::string& email) {
    auto st = c_.prepare(
        "SELECT id, email, name, password_hash, status, options FROM users WHERE email = ?");
    st.bind(1, email);
    if (!st.step()) return std::nullopt;
    return read_user(st);
}

void Store::set_password_hash(Id user, const std::string& hash) {
    c_.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind_all(hash, user).run();
}

void Store::set_user_status(Id user, UserStatus status) {
    c_.prepare("UPDATE users SET status = ? WHERE id = ?").bind_all(to_string(status), user).run();
}

std::set<std::string> Store::permissions_of(Id user) {
    auto st = c_.prepare("SELECT permission FROM user_permissions WHERE user_id = ?1 "
                         "UNION SELECT gp.permission FROM user_groups ug "
                         "JOIN group_permissions gp ON gp.group_id = ug.group_id "
                         "WHERE ug.user_id = ?1");
    st.bind(1, user);
    std::set<std::string> out;
    while (st.step())
        out.insert(st.text(0));
    return out;
}

void Store::ensure_default_groups() {
    for (const auto& g : default_groups()) {
        c_.prepare("INSERT OR IGNORE INTO permission_groups (title) VALUES (?)")
            .bind(1, g.title)
            .run();
        auto id = find_group(g.title);
        for (const auto& p : g.permissions)
            c_.prepare(
                  "INSERT OR IGNORE INTO group_permissions (group_id, permission) VALUES (?, ?)")
                .bind_all(*id, p)
                .run();
    }
}

std::optional<Id> Store::find_group(const std::string& title) {
    auto st = c_.prepare("SELECT id FROM permission_groups WHERE title = ? COLLATE NOCASE");
    st.bind(1, title);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

std::vector<Group> Store::groups() {
    auto st = c_.prepare("SELECT g.id, g.title, gp.permission FROM permission_groups g "
                         "LEFT JOIN group_permissions gp ON gp.group_id = g.id ORDER BY g.id");
    std::vector<Group> out;
    while (st.step()) {
        if (out.empty() || out.back().id != st.int64(0))
            out.push_back({st.int64(0), st.text(1), {}});
        if (!st.is_null(2)) out.back().permissions.push_back(st.text(2));
    }
    return out;
}

void Store::add_to_group(Id user, Id group) {
    c_.prepare("INSERT OR IGNORE INTO user_groups (user_id, group_id) VALUES (?, ?)")
        .bind_all(user, group)
        .run();
}

void Store::grant_permission(Id user, const std::string& permission) {
    c_.prepare("INSERT OR IGNORE INTO user_permissions (user_id, permission) VALUES (?, ?)")
        .bind_all(user, permission)
        .run();
}

void Store::create_session(const std::string& token_hash, Id user, const std::string& csrf,
                           std::int64_t expires_at) {
    c_.prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?)")
        .bind_all(token_hash, user, csrf, now_seconds(), expires_at)
        .run();
}

std::optional<SessionRecord> Store::find_session(const std::string& token_hash, std::int64_t now) {
    auto st = c_.prepare("SELECT user_id, csrf_token, expires_at FROM sessions "
                         "WHERE token_hash = ? AND expires_at > ?");
    st.bind_all(token_hash, now);
    if (!st.step()) return std::nullopt;
    return SessionRecord{st.int64(0), st.text(1), st.int64(2)};
}

void Store::delete_session(const std::string& token_hash) {
    c_.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(1, token_hash).run();
}

FailureRecord Store::failures(const std::string& key) {
    auto st = c_.prepare("SELECT failures, last_at FROM login_failures WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return {};
    return {st.integer(0), st.int64(1)};
}

void Store::record_failure(const std::string& key, std::int64_t now) {
    c_.prepare("INSERT INTO login_failures (key, failures, last_at) VALUES (?1, 1, ?2) "
               "ON CONFLICT(key) DO UPDATE SET failures = failures + 1, last_at = ?2")
        .bind_all(key, now)
        .run();
}

void Store::clear_failures(const std::string& key) {
    c_.prepare("DELETE FROM login_failures WHERE key = ?").bind(1, key).run();
}

Id Store::insert_part(const Part& p, std::optional<Id> module_id) {
    // Make room at the requested index among the siblings (append by default).
    int count = 0;
    {
        auto st = c_.prepare(p.parent_id ? "SELECT COUNT(*) FROM parts WHERE parent_id = ?"
                                         : "SELECT COUNT(*) FROM parts WHERE parent_id IS NULL");
        if (p.parent_id) st.bind(1, *p.parent_id);
        st.step();
        count = st.integer(0);
    }
    int index = (p.order < 0 || p.order > count) ? count : p.order;
    if (p.parent_id)
        c_.prepare("UPDATE parts SET ord = ord + 1 WHERE parent_id = ? AND ord >= ?")
            .bind_all(*p.parent_id, index)
            .run();
    auto now = now_seconds();
    c_.prepare("INSERT INTO parts (type, parent_id, module_id, title, status, label, display_mode, "
               "content, ord, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(to_string(p.type), p.parent_id, module_id, p.title, to_string(p.status), p.label,
                  to_string(p.display_mode), p.content, index, now, now)
        .run();
    Id id = c_.last_insert_id();
    if (!module_id) c_.prepare("UPDATE parts SET module_id = id WHERE id = ?").bind(1, id).run();
    return id;
}

std::optional<PartRecord> Store::find_part(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + part_columns + " FROM parts WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_part(st);
}

std::vector<PartRecord> Store::chain(Id id) {
    auto st = c_.prepare(std::string("WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL "
                                     "SELECT p.parent_id, up.depth + 1 FROM parts p JOIN up ON "
                                     "p.id = up.id WHERE p.parent_id IS NOT NULL) SELECT ") +
                         part_columns + " FROM up JOIN parts USING (id) ORDER BY depth DESC");
    st.bind(1, id);
    std::vector<PartRecord> out;
    while (st.step())
        out.push_back(read_part(st));
    return out;
}

std::vector<PartSummary> Store::children(Id parent) {
    auto st = c_.prepare(std::string("SELECT ") + part_columns +
                         " FROM parts WHERE parent_id = ? ORDER BY ord, id");
    st.bind(1, parent);
    std::vector<PartSummary> out;
    while (st.step())
        out.push_back(listed(read_part(st).part));
    return out;
}

void Store::update_part(const Part& p) {
    c_.prepare("UPDATE parts SET title = ?, label = ?, display_mode = ?, content = ?, "
               "updated_at = ? WHERE id = ?")
        .bind_all(p.title, p.label, to_string(p.display_mode), p.content, now_seconds(), p.id)
        .run();
}

void Store::set_status(Id part, Status from, Status to, std::optional<Id> user,
                       std::optional<Id> task, std::int64_t now) {
    c_.prepare("UPDATE parts SET status = ?, updated_at = ? WHERE id = ?")
        .bind_all(to_string(to), now, part)
        .run();
    c_.prepare("INSERT INTO status_history (part_id, old_status, new_status, user_id, task_id, "
               "changed_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(part, to_string(from), to_string(to), user, task, now)
        .run();
}

void Store::move_part(Id part, int index) {
    auto rec = find_part(part);
    if (!rec || !rec->part.parent_id) return;
    auto siblings = children(*rec->part.parent_id);
    std::vector<Id> ids;
    for (const auto& s : siblings)
        if (s.id != part) ids.push_back(s.id);
    index = std::clamp(index, 0, static_cast<int>(ids.size()));
    ids.insert(ids.begin() + index, part);
    reorder_children(*rec->part.parent_id, ids);
}

void Store::reorder_children(Id parent, const std::vector<Id>& ids) {
    auto st = c_.prepare("UPDATE parts SET ord = ? WHERE id = ? AND parent_id = ?");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        st.bind_all(static_cast<std::int64_t>(i), ids[i], parent).run();
        st.reset();
    }
}

void Store::delete_part_tree(Id part) {
    // Timed tasks have no foreign key (see 001_initial.sql); remove those of
    // the whole subtree explicitly, then let ON DELETE CASCADE do the rest.
    c_.prepare("WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT p.id FROM parts p "
               "JOIN down ON p.parent_id = down.id) "
               "DELETE FROM timed_tasks WHERE part_id IN (SELECT id FROM down)")
        .bind(1, part)
        .run();
    auto rec = find_part(part);
    c_.prepare("DELETE FROM parts WHERE id = ?").bind(1, part).run();
    if (rec && rec->part.parent_id) {
        std::vector<Id> ids;
        for (const auto& s : children(*rec->part.parent_id))
            ids.push_back(s.id);
        reorder_children(*rec->part.parent_id, ids);
    }
}

void Store::set_access(Id module, bool set_password, const std::optional<std::string>& hash,
                       const std::optional<std::vector<std::string>>& domains) {
    if (set_password)
        c_.prepare("UPDATE parts SET access_password = ? WHERE id = ?")
            .bind_all(hash, module)
            .run();
    if (domains)
        c_.prepare("UPDATE parts SET access_domains = ? WHERE id = ?")
            .bind_all(json(*domains).dump(), module)
            .run();
}

std::set<Id> Store::with_pending_tasks(const std::vector<Id>& part_ids) {
    std::set<Id> out;
    if (part_ids.empty()) return out;
    json ids = part_ids;
    auto st = c_.prepare("SELECT DISTINCT part_id FROM timed_tasks WHERE status IN ('ready', "
                         "'running') AND part_id IN (SELECT value FROM json_each(?))");
    st.bind(1, ids.dump());
    while (st.step())
        out.insert(st.int64(0));
    return out;
}

ModuleRole Store::role_of(Id module, Id user) {
    auto st = c_.prepare("SELECT role FROM module_roles WHERE module_id = ? AND user_id = ?");
    st.bind_all(module, user);
    if (!st.step()) return ModuleRole::none;
    return stored_enum(parse_module_role(st.text(0)), "module role");
}

void Store::set_role(Id module, Id user, ModuleRole role) {
    if (role == ModuleRole::none) {
        c_.prepare("DELETE FROM module_roles WHERE module_id = ? AND user_id = ?")
            .bind_all(module, user)
            .run();
        return;
    }
    c_.prepare("INSERT INTO module_roles (module_id, user_id, role) VALUES (?1, ?2, ?3) "
               "ON CONFLICT(module_id, user_id) DO UPDATE SET role = ?3")
        .bind_all(module, user, to_string(role))
        .run();
}

void Store::remove_member(Id module, Id user) {
    set_role(module, user, ModuleRole::none);
    c_.prepare("DELETE FROM progress WHERE user_id = ? AND part_id IN "
               "(SELECT id FROM parts WHERE module_id = ?)")
        .bind_all(user, module)
        .run();
    c_.prepare("DELETE FROM page_visits WHERE user_id = ? AND page_id IN "
               "(SELECT id FROM parts WHERE module_id = ?)")
        .bind_all(user, module)
        .run();
}

api::Page<PartSummary> Store::available_modules(int page, int per_page) {
    api::Page<PartSummary> out;
    out.page = page;
    out.per_page = per_page;
    auto count =
        c_.prepare("SELECT COUNT(*) FROM parts WHERE type = 'module' AND status = 'available'");
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare(std::string("SELECT ") + part_columns +
                         " FROM parts WHERE type = 'module' AND status = 'available' "
                         "ORDER BY title COLLATE NOCASE, id LIMIT ? OFFSET ?");
    st.bind_all(per_page, static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back(listed(read_part(st).part));
    return out;
}

api::Page<ModuleWithRole> Store::my_modules(Id user, const std::vector<Status>& statuses, int page,
                                            int per_page) {
    api::Page<ModuleWithRole> out;
    out.page = page;
    out.per_page = per_page;
    json wanted = json::array();
    for (auto s : statuses)
        wanted.push_back(to_string(s));
    if (statuses.empty()) wanted = {"available", "unavailable", "archived"};
    const std::string where = " FROM parts p JOIN module_roles r ON r.module_id = p.id "
                              "WHERE p.type = 'module' AND r.user_id = ?1 AND r.role != 'block' "
                              "AND p.status IN (SELECT value FROM json_each(?2))";
    auto count = c_.prepare("SELECT COUNT(*)" + where);
    count.bind_all(user, wanted.dump());
    count.step();
    out.total = count.int64(0);
    auto st = c_.prepare("SELECT p.id, p.type, p.parent_id, p.module_id, p.title, p.status, "
                         "p.label, p.display_mode, "
                         "p.content, p.ord, p.access_password, p.access_domains, r.role" +
                         where + " ORDER BY p.title COLLATE NOCASE, p.id LIMIT ?3 OFFSET ?4");
    st.bind_all(user, wanted.dump(), per_page, static_cast<std::int64_t>(page - 1) * per_page);
    while (st.step())
        out.items.push_back({listed(read_part(st).part),
                             stored_enum(parse_module_role(st.text(12)), "module role")});
    return out;
}

void Store::replace_quizzes(Id part, const std::vector<Quiz>& quizzes) {
    c_.prepare("DELETE FROM quiz_questions WHERE part_id = ?").bind(1, part).run();
    auto st =
        c_.prepare("INSERT INTO quiz_questions (part_id, quiz_id, quiz_title, question_id, ord, "
                   "question, type, answers, correct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int ord = 0;
    for (const auto& quiz : quizzes)
        for (const auto& q : quiz.questions) {
            st.bind_all(part, quiz.id, quiz.title, q.id, ord++, q.question, to_string(q.type),
                        json(q.answers).dump(), json(q.correct).dump())
                .run();
            st.reset();
        }
}

std::vector<Quiz> Store::quizzes(Id part) {
    auto st =
        c_.prepare("SELECT quiz_id, quiz_title, question_id, question, type, answers, correct "
                   "FROM quiz_questions WHERE part_id = ? ORDER BY ord");
    st.bind(1, part);
    std::vector<Quiz> out;
    while (st.step()) {
        if (out.empty() || out.back().id != st.text(0)) out.push_back({st.text(0), st.text(1), {}});
        QuizQuestion q;
        q.id = st.text(2);
        q.question = st.text(3);
        q.type = stored_enum(parse_question_type(st.text(4)), "question type");
        q.answers = json::parse(st.text(5)).get<std::vector<std::string>>();
        q.correct = json::parse(st.text(6)).get<std::vector<std::string>>();
        out.back().questions.push_back(std::move(q));
    }
    return out;
}

namespace {
QuizAnswer read_answer(const Statement& st) {
    QuizAnswer a;
    a.quiz = st.text(0);
    a.question = st.text(1);
    a.answers = json::parse(st.text(2)).get<std::vector<std::string>>();
    a.correct = st.int64(3) != 0;
    a.attempts = st.integer(4);
    a.initial_answers = json::parse(st.text(5)).get<std::vector<std::string>>();
    a.initial_correct = st.int64(6) != 0;
    return a;
}
constexpr const char* answer_columns =
    "quiz_id, question_id, answers, correct, attempts, initial_answers, initial_correct";
} // namespace

std::optional<QuizAnswer> Store::quiz_answer(Id user, Id part, const std::string& quiz,
                                             const std::string& question) {
    auto st = c_.prepare(std::string("SELECT ") + answer_columns +
                         " FROM quiz_answers WHERE user_id = ? AND part_id = ? AND quiz_id = ? AND "
                         "question_id = ?");
    st.bind_all(user, part, quiz, question);
    if (!st.step()) return std::nullopt;
    return read_answer(st);
}

void Store::save_quiz_answer(Id user, Id part, const QuizAnswer& a) {
    c_.prepare(
          "INSERT INTO quiz_answers (user_id, part_id, quiz_id, question_id, answers, correct, "
          "attempts, initial_answers, initial_correct, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
          "?7, ?8, ?9, ?10) ON CONFLICT(user_id, part_id, quiz_id, question_id) DO UPDATE SET "
          "answers = ?5, correct = ?6, attempts = ?7, updated_at = ?10")
        .bind_all(user, part, a.quiz, a.question, json(a.answers).dump(), a.correct ? 1 : 0,
                  a.attempts, json(a.initial_answers).dump(), a.initial_correct ? 1 : 0,
                  now_seconds())
        .run();
}

std::vector<QuizAnswer> Store::quiz_answers(Id user, Id part) {
    auto st = c_.prepare(std::string("SELECT ") + answer_columns +
                         " FROM quiz_answers WHERE user_id = ? AND part_id = ? ORDER BY rowid");
    st.bind_all(user, part);
    std::vector<QuizAnswer> out;
    while (st.step())
        out.push_back(read_answer(st));
    return out;
}

namespace {
constexpr const char* asset_columns = "id, part_id, filename, mimetype, kind, ord, size, etag";
Asset read_asset(const Statement& st) {
    Asset a;
    a.id = st.int64(0);
    a.part_id = st.int64(1);
    a.filename = st.text(2);
    a.mimetype = st.text(3);
    a.kind = stored_enum(parse_asset_kind(st.text(4)), "asset kind");
    a.order = st.integer(5);
    a.size = st.int64(6);
    a.etag = st.text(7);
    return a;
}
} // namespace

Id Store::insert_asset(const Asset& a, const std::string& bytes) {
    auto count = c_.prepare("SELECT COUNT(*) FROM assets WHERE part_id = ? AND kind = ?");
    count.bind_all(a.part_id, to_string(a.kind));
    count.step();
    auto now = now_seconds();
    c_.prepare("INSERT INTO assets (part_id, filename, mimetype, kind, ord, data, size, etag, "
               "created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(a.part_id, a.filename, a.mimetype, to_string(a.kind), count.int64(0))
        .bind_blob(6, bytes)
        .bind(7, static_cast<std::int64_t>(bytes.size()))
        .bind(8, a.etag)
        .bind(9, now)
        .bind(10, now)
        .run();
    return c_.last_insert_id();
}

std::optional<Asset> Store::find_asset(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns + " FROM assets WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_asset(st);
}

std::optional<std::string> Store::asset_bytes(Id id) {
    auto st = c_.prepare("SELECT data FROM assets WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return st.blob(0);
}

std::vector<Asset> Store::assets_of(Id part) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns +
                         " FROM assets WHERE part_id = ? ORDER BY kind, ord, id");
    st.bind(1, part);
    std::vector<Asset> out;
    while (st.step())
        out.push_back(read_asset(st));
    return out;
}

std::optional<Asset> Store::find_asset_by_name(const std::vector<Id>& chain,
                                               const std::string& filename) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns +
                         " FROM assets WHERE part_id = ? AND kind = 'asset' AND filename = ?");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        st.bind_all(*it, filename);
        if (st.step()) return read_asset(st);
        st.reset();
    }
    return std::nullopt;
}

void Store::update_asset(const Asset& a) {
    c_.prepare("UPDATE assets SET filename = ?, mimetype = ?, ord = ?, updated_at = ? WHERE id = ?")
        .bind_all(a.filename, a.mimetype, a.order, now_seconds(), a.id)
        .run();
}

void Store::replace_asset_bytes(Id id, const std::string& bytes, const std::string& etag) {
    c_.prepare("UPDATE assets SET data = ?, size = ?, etag = ?, updated_at = ? WHERE id = ?")
        .bind_blob(1, bytes)
        .bind(2, static_cast<std::int64_t>(bytes.size()))
        .bind(3, etag)
        .bind(4, now_seconds())
        .bind(5, id)
        .run();
}

void Store::delete_asset(Id id) {
    c_.prepare("DELETE FROM assets WHERE id = ?").bind(1, id).run();
}

} // namespace wte::db
