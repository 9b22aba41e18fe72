// The offline copy of a module, part or page: a static website that opens
// from disk without JavaScript — index.html with the nested contents, one
// file per page under pages/, the assets the pages use under assets/ and one
// stylesheet. Pure: the caller hands in the tree the reader may see and a
// way to find assets, and writes the files into a ZIP.
#pragma once

#include "wte/domain.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wte::content {

struct OfflineNode {
    Part part;                         // with its content, quiz solutions already hidden
    std::vector<Id> chain;             // ids from the module down to this node: asset lookup
    std::vector<OfflineNode> children; // only those the reader may see, in order
};

struct OfflineOptions {
    // The asset `name` as the node `chain` sees it (nearest first), or none.
    std::function<std::optional<Asset>(const std::vector<Id>& chain, const std::string& name)>
        find_asset;
    // Where a cross reference to a part outside the copy points (the online reader).
    std::function<std::string(const std::string& part_id)> outside_url;
    bool show_problems = false; // authors see refused content, readers do not
    std::string generated_on;   // "2026-12-03", shown in the footer
};

struct OfflineFile {
    std::string path; // in the ZIP: "index.html", "pages/003-lists.html"
    std::string text;
};

struct OfflineAsset {
    Id id = 0;
    std::string path; // "assets/diagram.png"
};

struct OfflineSite {
    std::vector<OfflineFile> files;   // index.html first, then style.css and the pages
    std::vector<OfflineAsset> assets; // each asset the pages use, once
};

OfflineSite build_offline_site(const OfflineNode& root, const OfflineOptions& options);

// "Lists & Nesting" → "lists-nesting": ASCII letters and digits, '-' between words.
std::string slug(const std::string& title);

} // namespace wte::content
