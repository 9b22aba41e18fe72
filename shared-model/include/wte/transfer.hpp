// content.json of an export ZIP (shared/spec/export-format.md), the format of
// the original WTE both ways: the exported node with its subtree and asset
// list, its strict reader (old files' legacy types included) and the
// remapping of :crossref: targets between database ids and export-local ids.
#pragma once

#include "wte/domain.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wte {

struct ExportedAsset {
    Id id = 0; // export-local: the file is assets/<id>
    std::string filename;
    std::string mimetype;
    AssetKind kind = AssetKind::asset;
    int order = 0;
    bool operator==(const ExportedAsset&) const = default;
};

struct ExportedNode {
    Id id = 0; // export-local, the root 0, the others depth first
    PartType type = PartType::page;
    std::string title;
    Status status = Status::unavailable;
    int order = 0;
    std::string content;
    std::optional<std::string> label;
    std::optional<DisplayMode> display_mode;
    std::vector<ExportedNode> children;
    std::vector<ExportedAsset> assets;
    bool operator==(const ExportedNode&) const = default;
};

json to_json(const ExportedNode& n);

// Reads content.json's object strictly: a wrong field is a BadInput naming
// where it is ("children[2].title must be text"), so is a tree of the wrong
// shape (a page with children, a part inside a part) or an id used twice. Legacy types are read as
// today's: tutorial and exercise as a part labelled "Tutorial"/"Exercise"
// (when it has no label), task as a page. Fields we do not know are ignored,
// as later versions of the original may add some.
ExportedNode read_exported_node(const json& j);

// The same for the bytes of content.json: invalid UTF-8 and malformed JSON
// are BadInputs too.
ExportedNode read_content_json(std::string_view bytes);

// Why a node of type `imported` cannot be imported under a node of type
// `parent` (std::nullopt: at the top level), or nothing when it can.
std::optional<std::string> check_import_place(std::optional<PartType> parent, PartType imported);

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates).
// Sets *bad_at to the offset of the first bad byte when it is not.
bool is_valid_utf8(std::string_view s, std::size_t* bad_at = nullptr);

// The target written for a cross-reference that leaves the export.
inline constexpr std::string_view external_crossref = "external";

// Rewrites every :crossref:`T` and :crossref:`text <T>` of reST `content`:
// T becomes map(T), or `external` when map gives nothing. A target that is
// already `external` stays as written (the parser reports it as usual).
std::string remap_crossrefs(const std::string& content,
                            const std::function<std::optional<Id>(Id)>& map);

// Every crossref target of `content` that is a number, in order.
std::vector<Id> crossref_targets(const std::string& content);

} // namespace wte
