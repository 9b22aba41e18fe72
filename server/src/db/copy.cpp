#include "db/copy.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace wte::db {

namespace {

// Every table of the schema but schema_migrations (the target's own migrate
// wrote it), parents before the rows that refer to them, each with the order
// its rows are read in (quiz answers keep the order of first answers).
struct Table {
    const char* name;
    const char* order;
    bool identity; // an id column PostgreSQL numbers: its sequence moves past the copied ids
};
constexpr Table tables[] = {
    {"users", "id", true},
    {"permission_groups", "id", true},
    {"group_permissions", "group_id, permission", false},
    {"user_groups", "user_id, group_id", false},
    {"user_permissions", "user_id, permission", false},
    {"parts", "", true}, // parents first: see copy_parts
    {"module_roles", "module_id, user_id", false},
    {"status_history", "id", true},
    {"assets", "id", true},
    {"progress", "user_id, part_id", false},
    {"page_visits", "user_id, page_id", false},
    {"workspaces", "user_id, part_id", false},
    {"workspace_files", "user_id, part_id, filename", false},
    {"preview_tokens", "token_hash", false},
    {"quiz_questions", "part_id, quiz_id, question_id", false},
    {"quiz_answers", "", false}, // in the order of first answers
    {"timed_tasks", "id", true},
    {"sessions", "token_hash", false},
    {"user_tokens", "token_hash", false},
    {"login_failures", "key", false},
    {"outbox", "id", true},
    {"email_changes", "token_hash", false},
    {"rerender_jobs", "id", true},
    {"rerender_problems", "job_id, part_id", false},
};

std::int64_t count_rows(Connection& c, const std::string& table) {
    auto st = c.prepare("SELECT COUNT(*) FROM " + table);
    st.step();
    return st.int64(0);
}

// Columns only one engine has (PostgreSQL's quiz_answers.seq stands for
// SQLite's rowid and numbers itself).
bool generated_column(const std::string& table, const std::string& column) {
    return table == "quiz_answers" && column == "seq";
}

std::string order_of(Connection& from, const Table& t) {
    if (std::string(t.name) == "quiz_answers")
        return from.dialect() == Dialect::postgresql ? "seq" : "rowid";
    return t.order;
}

// Copies the rows `select` gives into `table`, column by column as they are.
void copy_rows(Connection& from, Connection& to, const std::string& table,
               const std::string& select, std::optional<std::int64_t> id = std::nullopt) {
    auto rows = from.prepare(select);
    if (id) rows.bind(1, *id);
    std::string insert;
    std::vector<int> columns; // of the source row, in the insert's order
    while (rows.step()) {
        if (insert.empty()) {
            std::string names, marks;
            for (int i = 0; i < rows.column_count(); ++i) {
                std::string name = rows.column_name(i);
                if (generated_column(table, name)) continue;
                names += (names.empty() ? "" : ", ") + name;
                marks += marks.empty() ? "?" : ", ?";
                columns.push_back(i);
            }
            insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
        }
        auto st = to.prepare(insert);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            int i = columns[k], slot = static_cast<int>(k) + 1;
            switch (rows.kind(i)) {
            case Statement::Kind::null:
                st.bind_null(slot);
                break;
            case Statement::Kind::integer:
                st.bind(slot, rows.int64(i));
                break;
            case Statement::Kind::bytes:
                st.bind_blob(slot, rows.blob(i));
                break;
            case Statement::Kind::text:
                st.bind(slot, rows.text(i));
                break;
            }
        }
        st.run();
    }
}

// Parts refer to their parent: a parent's row goes in before its children's,
// whatever the ids say (a part moved under a newer one has the greater id).
void copy_parts(Connection& from, Connection& to) {
    std::vector<std::pair<std::int64_t, std::int64_t>> parent_of; // id, parent (0: none)
    {
        auto st = from.prepare("SELECT id, parent_id FROM parts ORDER BY id");
        while (st.step())
            parent_of.emplace_back(st.int64(0), st.optional_int64(1).value_or(0));
    }
    std::unordered_map<std::int64_t, int> depth;
    std::unordered_map<std::int64_t, std::int64_t> parent(parent_of.begin(), parent_of.end());
    auto depth_of = [&](std::int64_t id) {
        int d = 0;
        for (std::int64_t at = parent[id]; at && d <= static_cast<int>(parent.size());
             at = parent[at])
            ++d;
        return d;
    };
    int deepest = 0;
    for (auto& [id, _] : parent_of)
        deepest = std::max(deepest, depth[id] = depth_of(id));
    for (int d = 0; d <= deepest; ++d)
        for (auto& [id, _] : parent_of)
            if (depth[id] == d)
                copy_rows(from, to, "parts", "SELECT * FROM parts WHERE id = ?", id);
}

} // namespace

std::vector<TableCount> copy_database(Connection& from, Connection& to) {
    if (count_rows(to, "users") > 0 || count_rows(to, "parts") > 0)
        throw CopyError("The target database holds accounts or content already; copy-db only "
                        "fills an empty one (made by `wte-server migrate`)");
    {
        ReadScope snapshot(from); // one consistent state of the source
        Transaction tx(to);
        for (const Table& t : tables) {
            if (std::string(t.name) == "parts") {
                copy_parts(from, to);
                continue;
            }
            std::string order = order_of(from, t);
            copy_rows(from, to, t.name,
                      std::string("SELECT * FROM ") + t.name +
                          (order.empty() ? "" : " ORDER BY " + order));
        }
        if (to.dialect() == Dialect::postgresql)
            for (const Table& t : tables)
                if (t.identity)
                    to.exec(std::string("SELECT setval(pg_get_serial_sequence('") + t.name +
                            "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + t.name);
        tx.commit();
    }
    std::vector<TableCount> counts;
    for (const Table& t : tables) {
        std::int64_t source = count_rows(from, t.name), target = count_rows(to, t.name);
        if (source != target)
            throw CopyError(std::string("Table ") + t.name + ": " + std::to_string(source) +
                            " rows in the source, " + std::to_string(target) + " in the copy");
        counts.push_back({t.name, target});
    }
    return counts;
}

} // namespace wte::db
