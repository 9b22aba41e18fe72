// AssetStore: the SQL of files attached to parts (assets and templates). The
// bytes live in the database; the ETag is a hash of them.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <optional>
#include <string>
#include <vector>

namespace wte::db {

class AssetStore {
public:
    explicit AssetStore(Connection& c) : c_(c) {}

    Id insert_asset(const Asset& a, const std::string& bytes); // appended to its kind's list
    std::optional<Asset> find_asset(Id id);
    std::optional<std::string> asset_bytes(Id id);
    std::vector<Asset> assets_of(Id part);
    // The asset called `filename` on the nearest of `chain` (node last, module first).
    std::optional<Asset> find_asset_by_name(const std::vector<Id>& chain,
                                            const std::string& filename);
    void update_asset(const Asset& a); // filename, mimetype, order
    void replace_asset_bytes(Id id, const std::string& bytes, const std::string& etag);
    void delete_asset(Id id);

private:
    Connection& c_;
};

} // namespace wte::db
