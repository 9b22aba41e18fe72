// Export and import on a temporary database (content/transfer): the demo
// module written to a ZIP and read back, assets read in pieces, a refused
// import rolled back with its transaction.
#include "auth/crypto.hpp"
#include "content/transfer.hpp"
#include "db/migrations.hpp"
#include "seed/demo.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace wte;

namespace {
struct DemoDb {
    std::filesystem::path path;
    std::unique_ptr<db::Connection> conn;
    std::unique_ptr<db::Stores> stores;
    DemoDb() {
        path = std::filesystem::temp_directory_path() /
               ("wte-transfer-" + auth::random_token().substr(0, 12) + ".db");
        conn = std::make_unique<db::Connection>(path.string());
        db::migrate(*conn);
        stores = std::make_unique<db::Stores>(*conn);
        stores->users.ensure_default_groups();
        seed::seed_demo(*stores);
    }
    ~DemoDb() {
        stores.reset();
        conn.reset();
        for (auto suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    std::int64_t count(const char* table) {
        auto st = conn->prepare(std::string("SELECT COUNT(*) FROM ") + table);
        st.step();
        return st.int64(0);
    }
};

std::string zip_of(db::Stores& stores, Id part) {
    std::string zip;
    content::write_export(stores, content::plan_export(stores, part),
                          [&](std::string_view piece) { zip.append(piece); });
    return zip;
}
} // namespace

TEST_CASE("an asset read in pieces is the asset") {
    DemoDb d;
    for (Id part : {9, 14})
        for (const auto& a : d.stores->assets.of_part(part)) {
            std::string joined;
            int pieces = 0;
            d.stores->assets.read_in_pieces(a.id, 1000, [&](std::string_view piece) {
                CHECK(piece.size() <= 1000);
                joined.append(piece);
                ++pieces;
            });
            CHECK(joined == *d.stores->assets.bytes(a.id));
            CHECK(pieces == static_cast<int>((a.size + 999) / 1000));
        }
}

TEST_CASE("the demo module exported and imported again has as many parts, pages and files") {
    DemoDb d;
    const auto plan = content::plan_export(*d.stores, 1);
    CHECK(plan.root.id == 0);
    CHECK(plan.root.children.at(0).id == 1);
    const std::string zip = zip_of(*d.stores, 1);
    const auto parts_before = d.count("parts"), assets_before = d.count("assets");
    db::Transaction tx(*d.conn);
    auto r = content::import_zip(*d.stores, zip, {}, std::nullopt, content::import_limits(1 << 24));
    tx.commit();
    CHECK(r.type == PartType::module);
    CHECK(r.title == "Web Development Basics");
    CHECK(d.count("parts") == parts_before + 1 + r.parts + r.pages);
    CHECK(d.count("assets") == assets_before + r.assets);
    CHECK(r.assets == 6);
    CHECK(d.stores->tree.find_part(r.id)->part.status == Status::unavailable);
}

TEST_CASE("a refused import leaves nothing once its transaction is rolled back") {
    DemoDb d;
    std::string zip = zip_of(*d.stores, 1);
    const auto parts_before = d.count("parts");
    {
        db::Transaction tx(*d.conn);
        content::ImportPlace into_page{3, PartType::page, 1};
        CHECK_THROWS_WITH(content::import_zip(*d.stores, zip, into_page, std::nullopt,
                                              content::import_limits(1 << 24)),
                          "A module can only be imported at the top level, not into a page");
    }
    CHECK(d.count("parts") == parts_before);
    CHECK_THROWS_WITH(
        content::import_zip(*d.stores, zip, {}, std::nullopt, content::import_limits(1024)),
        Catch::StartsWith("The ZIP file has"));
}
