// AssetStore: the SQL of files attached to parts (assets and templates). The
// bytes live in the database; the ETag is a hash of them.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wte::db {

class AssetStore {
public:
    explicit AssetStore(Connection& c) : c_(c) {}

    Id insert(const Asset& a, const std::string& bytes); // appended to its kind's list
    std::optional<Asset> find(Id id);
    std::optional<std::string> bytes(Id id);
    // The bytes of asset `id` in pieces of at most `piece` bytes, read by
    // incremental blob I/O: an export of large files keeps memory flat.
    void read_in_pieces(Id id, std::size_t piece,
                        const std::function<void(std::string_view)>& take);
    std::vector<Asset> of_part(Id part);
    // The asset called `filename` on the nearest of `chain` (node last, module first).
    std::optional<Asset> find_by_name(const std::vector<Id>& chain, const std::string& filename);
    void update(const Asset& a); // filename, mimetype, order
    void replace_bytes(Id id, const std::string& bytes, const std::string& etag);
    void remove(Id id);

private:
    Connection& c_;
};

} // namespace wte::db
