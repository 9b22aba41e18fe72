#include "db/migrations.hpp"

#include <ctime>

namespace wte::db {

int latest_schema_version() {
    int v = 0;
    for (const auto& m : embedded_migrations())
        v = std::max(v, m.version);
    return v;
}

int current_schema_version(Connection& c) {
    c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    auto st = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    st.step();
    return st.integer(0);
}

int migrate(Connection& c) {
    int current = current_schema_version(c);
    int applied = 0;
    for (const auto& m : embedded_migrations()) {
        if (m.version <= current) continue;
        Transaction tx(c);
        c.exec(m.sql);
        c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .bind_all(m.version, m.name, static_cast<std::int64_t>(std::time(nullptr)))
            .run();
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace wte::db
