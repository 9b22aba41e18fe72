// The demo content `make run` seeds is what people see first: every page of
// it parses without a single problem (a broken table or heading would show as
// a notice in place of the content).
#include "auth/crypto.hpp"
#include "db/migrations.hpp"
#include "db/stores.hpp"
#include "seed/demo.hpp"
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

TEST_CASE("every page of the demo content parses without a problem") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("wte-demo-" + auth::random_token().substr(0, 12) + ".db");
    {
        db::Connection conn(path.string());
        db::migrate(conn);
        db::Stores store(conn);
        store.users.ensure_default_groups(); // as init-db does before seeding
        REQUIRE_FALSE(seed::seed_demo(store).empty());

        auto ids = conn.prepare("SELECT id FROM parts ORDER BY id");
        int parsed = 0;
        while (ids.step()) {
            const auto record = store.tree.find_part(ids.integer(0));
            REQUIRE(record);
            const auto result = rst::parse(record->part.content);
            INFO("part \"" << record->part.title << "\"");
            for (const auto& d : result.diagnostics)
                FAIL_CHECK("line " << d.line << ": " << d.message);
            ++parsed;
        }
        CHECK(parsed >= 10);
    }
    for (auto suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
}
