#include "db/tree_store.hpp"

#include "db/rows.hpp"
#include "db/task_store.hpp"
#include "wte/text.hpp"

#include <algorithm>

namespace wte::db {

const char* const part_columns =
    "id, type, parent_id, module_id, title, status, label, display_mode, content, ord, "
    "access_password, access_domains";

PartRecord read_part(const Statement& st, int at) {
    PartRecord r;
    r.part.id = st.int64(at + 0);
    r.part.type = stored_enum(parse_part_type(st.text(at + 1)), "part type");
    r.part.parent_id = st.optional_int64(at + 2);
    r.module_id = st.optional_int64(at + 3).value_or(r.part.id);
    r.part.title = st.text(at + 4);
    r.part.status = stored_enum(parse_status(st.text(at + 5)), "status");
    r.part.label = st.text(at + 6);
    r.part.display_mode = stored_enum(parse_display_mode(st.text(at + 7)), "display mode");
    r.part.content = st.text(at + 8);
    r.part.order = st.integer(at + 9);
    r.access_password_hash = st.optional_text(at + 10);
    // Most modules have no address restriction: no JSON to read.
    const std::string domains_text = st.text(at + 11);
    if (domains_text != "[]" && !domains_text.empty()) {
        json domains = json::parse(domains_text, nullptr, false);
        if (domains.is_array())
            for (const auto& d : domains)
                if (d.is_string()) r.access_domains.push_back(d.get<std::string>());
    }
    return r;
}

PartSummary listed(const Part& p) {
    PartSummary s = summary_of(p);
    s.summary = summarise(p.content);
    return s;
}

Id TreeStore::insert_part(const Part& p, std::optional<Id> module_id) {
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
    Id id = 0;
    {
        auto st = c_.prepare(
            "INSERT INTO parts (type, parent_id, module_id, title, status, label, display_mode, "
            "content, ord, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id");
        st.bind_all(to_string(p.type), p.parent_id, module_id, p.title, to_string(p.status),
                    p.label, to_string(p.display_mode), p.content, index, now, now);
        st.step();
        id = st.int64(0);
    }
    // A module is its own module: its id is known only now.
    if (!module_id) c_.prepare("UPDATE parts SET module_id = id WHERE id = ?").bind(1, id).run();
    return id;
}

std::optional<PartRecord> TreeStore::find_part(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + part_columns + " FROM parts WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_part(st);
}

std::vector<PartRecord> TreeStore::chain(Id id) {
    // The tree is three deep at most (module, part, page: check_placement),
    // so one row of three joined parts is the whole chain — a recursive query
    // costs SQLite a queue and a sorter per read. Only the part itself comes
    // with its content: its ancestors' texts are never shown with it.
    static const std::string sql = [] {
        std::string cols;
        for (const char* t : {"c", "p", "g"}) {
            const std::string a = t;
            cols += (cols.empty() ? "" : ", ") + a + ".id, " + a + ".type, " + a + ".parent_id, " +
                    a + ".module_id, " + a + ".title, " + a + ".status, " + a + ".label, " + a +
                    ".display_mode, " + (a == "c" ? "c.content" : "''") + ", " + a + ".ord, " + a +
                    ".access_password, " + a + ".access_domains";
        }
        return "SELECT " + cols +
               " FROM parts c LEFT JOIN parts p ON p.id = c.parent_id LEFT JOIN parts g ON g.id "
               "= p.parent_id WHERE c.id = ?";
    }();
    std::vector<PartRecord> out;
    {
        auto st = c_.prepare(sql);
        st.bind(1, id);
        if (!st.step()) return out;
        constexpr int width = 12;
        for (int level = 2; level >= 0; --level)
            if (!st.is_null(level * width)) out.push_back(read_part(st, level * width));
        if (!out.front().part.parent_id) return out;
    }
    // Deeper than the rules allow (a hand-edited database): walk it all.
    out.clear();
    auto st = c_.prepare(std::string("WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL "
                                     "SELECT p.parent_id, up.depth + 1 FROM parts p JOIN up ON "
                                     "p.id = up.id WHERE p.parent_id IS NOT NULL) SELECT ") +
                         part_columns + " FROM up JOIN parts USING (id) ORDER BY depth DESC");
    st.bind(1, id);
    while (st.step())
        out.push_back(read_part(st));
    return out;
}

std::vector<PartSummary> TreeStore::children(Id parent) {
    auto st = c_.prepare(std::string("SELECT ") + part_columns +
                         " FROM parts WHERE parent_id = ? ORDER BY ord, id");
    st.bind(1, parent);
    std::vector<PartSummary> out;
    while (st.step())
        out.push_back(listed(read_part(st).part));
    return out;
}

void TreeStore::update_part(const Part& p) {
    c_.prepare("UPDATE parts SET title = ?, label = ?, display_mode = ?, content = ?, "
               "updated_at = ? WHERE id = ?")
        .bind_all(p.title, p.label, to_string(p.display_mode), p.content, now_seconds(), p.id)
        .run();
}

void TreeStore::set_status(Id part, Status from, Status to, std::optional<Id> user,
                           std::optional<Id> task, std::int64_t now) {
    c_.prepare("UPDATE parts SET status = ?, updated_at = ? WHERE id = ?")
        .bind_all(to_string(to), now, part)
        .run();
    c_.prepare("INSERT INTO status_history (part_id, old_status, new_status, user_id, task_id, "
               "changed_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(part, to_string(from), to_string(to), user, task, now)
        .run();
}

void TreeStore::move_part(Id part, int index) {
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

void TreeStore::reorder_children(Id parent, const std::vector<Id>& ids) {
    auto st = c_.prepare("UPDATE parts SET ord = ? WHERE id = ? AND parent_id = ?");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        st.bind_all(static_cast<std::int64_t>(i), ids[i], parent).run();
        st.reset();
    }
}

void TreeStore::delete_part_tree(Id part) {
    // Timed tasks have no foreign key (see 001_initial.sql): remove those of
    // the whole subtree first, then let ON DELETE CASCADE do the rest.
    tasks_.remove_in_subtree(part);
    // status_history has no foreign key either; the history of parts that
    // no longer exist goes with them, so a delete leaves nothing behind.
    c_.prepare("WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT p.id FROM parts p "
               "JOIN down ON p.parent_id = down.id) "
               "DELETE FROM status_history WHERE part_id IN (SELECT id FROM down)")
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

api::DeleteImpact TreeStore::delete_impact(Id part) {
    // A learner "with progress" has a visit, a current page, a quiz answer or
    // a workspace file somewhere in the subtree.
    auto st = c_.prepare(
        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL "
        "SELECT p.id FROM parts p JOIN sub ON p.parent_id = sub.id) SELECT "
        "(SELECT COUNT(*) FROM parts WHERE id IN (SELECT id FROM sub) AND id <> ?1 "
        "AND type = 'part'), "
        "(SELECT COUNT(*) FROM parts WHERE id IN (SELECT id FROM sub) AND id <> ?1 "
        "AND type = 'page'), "
        "(SELECT COUNT(*) FROM assets WHERE part_id IN (SELECT id FROM sub)), "
        "(SELECT COUNT(*) FROM ("
        "SELECT user_id FROM page_visits WHERE page_id IN (SELECT id FROM sub) UNION "
        "SELECT user_id FROM progress WHERE part_id IN (SELECT id FROM sub) UNION "
        "SELECT user_id FROM quiz_answers WHERE part_id IN (SELECT id FROM sub) UNION "
        "SELECT user_id FROM workspace_files WHERE part_id IN (SELECT id FROM sub)) AS learners), "
        "(SELECT COUNT(*) FROM quiz_answers WHERE part_id IN (SELECT id FROM sub))");
    st.bind(1, part);
    st.step();
    api::DeleteImpact d;
    d.parts = st.integer(0);
    d.pages = st.integer(1);
    d.assets = st.integer(2);
    d.learners_with_progress = st.integer(3);
    d.quiz_answers = st.integer(4);
    return d;
}

void TreeStore::set_access(Id module, bool set_password, const std::optional<std::string>& hash,
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

} // namespace wte::db
