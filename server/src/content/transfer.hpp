// Export and import of a module, part or page as a ZIP in the original WTE's
// format (shared/spec/export-format.md), for the HTTP API and the command
// line alike. Permission checks are the caller's; refusals are BadInput (a
// 400 on the API, a one-line reason on the command line).
#pragma once

#include "db/stores.hpp"
#include "wte/transfer.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wte::content {

// What an export writes: content.json's tree (ids export-local, crossrefs
// remapped) and, for each assets/<local id>, the stored asset it comes from.
struct ExportPlan {
    ExportedNode root;
    struct File {
        Id local_id = 0;
        Id asset_id = 0;
        std::int64_t size = 0;
    };
    std::vector<File> files;
};

ExportPlan plan_export(db::Stores& stores, Id root);

// Writes the ZIP to `sink` piece by piece; asset bytes are read from the
// database in pieces, so memory stays flat whatever the module holds.
void write_export(db::Stores& stores, const ExportPlan& plan,
                  const std::function<void(std::string_view)>& sink);

struct ImportLimits {
    std::int64_t file_bytes = 0;     // one asset, as for an upload: [server] upload_limit
    std::int64_t unpacked_bytes = 0; // everything unpacked together (ZIP bombs)
};
// The ZIP bomb limit: ten times the upload limit, enough for text and
// images that compress well, far from what fills a disk.
ImportLimits import_limits(std::int64_t upload_limit);

// Where the imported node goes: nowhere (a module at the top level) or
// under `parent`, of `parent_type`, in module `module_id`.
struct ImportPlace {
    std::optional<Id> parent;
    std::optional<PartType> parent_type;
    std::optional<Id> module_id;
};

struct ImportResult {
    Id id = 0;
    PartType type = PartType::module;
    std::string title;
    int parts = 0;
    int pages = 0;
    int assets = 0;
};
json to_json(const ImportResult& r);

// Imports the ZIP `zip` under `place`, inside the caller's transaction;
// `owner` becomes owner of an imported module. Any refusal is a BadInput
// thrown before the caller commits, so nothing is left behind.
ImportResult import_zip(db::Stores& stores, std::string_view zip, const ImportPlace& place,
                        std::optional<Id> owner, const ImportLimits& limits);

} // namespace wte::content
