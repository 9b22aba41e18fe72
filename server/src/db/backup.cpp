#include "db/backup.hpp"

namespace wte::db {

void vacuum_into(Connection& source, const std::string& path) {
    source.prepare("VACUUM INTO ?").bind(1, path).run();
}

std::vector<std::string> integrity_problems(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return {"cannot open " + path + ": " + why};
    }
    std::vector<std::string> problems;
    sqlite3_stmt* st = nullptr;
    rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
    if (rc != SQLITE_OK) problems.push_back(sqlite3_errmsg(db));
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        std::string line = text ? text : "";
        if (line != "ok") problems.push_back(line);
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) problems.push_back(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return problems;
}

} // namespace wte::db
