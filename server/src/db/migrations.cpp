#include "db/migrations.hpp"

#include "db/rows.hpp"

namespace wte::db {

int latest_schema_version() {
    int v = 0;
    for (const auto& m : embedded_migrations())
        v = std::max(v, m.version);
    return v;
}

std::optional<int> recorded_schema_version(Connection& c) {
    try {
        auto st = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        st.step();
        return st.integer(0);
    } catch (const DbError&) {
        return std::nullopt; // no such table
    }
}

void require_current_schema(Connection& c) {
    auto version = recorded_schema_version(c);
    if (!version)
        throw SchemaError("Database " + c.path() +
                          " is not a WTE database; run `wte-server init-db` first");
    if (*version < latest_schema_version())
        throw SchemaError("Database schema is at version " + std::to_string(*version) +
                          ", this wte-server needs " + std::to_string(latest_schema_version()) +
                          "; run `wte-server migrate` first");
}

int migrate(Connection& c) {
    c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    int current = recorded_schema_version(c).value_or(0);
    int applied = 0;
    for (const auto& m : embedded_migrations()) {
        if (m.version <= current) continue;
        Transaction tx(c);
        c.exec(m.sql_for(c.dialect()));
        c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .bind_all(m.version, m.name, now_seconds())
            .run();
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace wte::db
