#include "content/transfer.hpp"

#include "auth/crypto.hpp"
#include "content/quizzes.hpp"
#include "content/zip_stream.hpp"
#include "wte/text.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace wte::content {

namespace {

constexpr std::size_t piece_bytes = 256 * 1024;

// ---- export ----

void plan_node(db::Stores& stores, const Part& part, ExportPlan& plan, std::map<Id, Id>& local_of,
               Id& next_node, Id& next_asset, ExportedNode& out) {
    out.id = next_node++;
    local_of[part.id] = out.id;
    out.type = part.type;
    out.title = part.title;
    out.status = part.status;
    out.order = part.order;
    out.content = part.content;
    if (!part.label.empty()) out.label = part.label;
    out.display_mode = part.display_mode;
    for (const auto& a : stores.assets.of_part(part.id)) {
        out.assets.push_back({next_asset, a.filename, a.mimetype, a.kind, a.order});
        plan.files.push_back({next_asset, a.id, a.size});
        ++next_asset;
    }
    for (const auto& child : stores.tree.children(part.id)) {
        auto rec = stores.tree.find_part(child.id);
        if (!rec) continue;
        out.children.emplace_back();
        plan_node(stores, rec->part, plan, local_of, next_node, next_asset, out.children.back());
    }
}

void remap_tree(ExportedNode& n, const std::function<std::optional<Id>(Id)>& map) {
    n.content = remap_crossrefs(n.content, map);
    for (auto& c : n.children)
        remap_tree(c, map);
}

// ---- import ----

BadInput refused(const std::string& message) {
    return BadInput("file", message);
}

std::string megabytes(std::int64_t bytes) {
    return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB";
}

// A ZIP archive read from memory, entry by entry; the unpacked bytes of
// every pass are counted against the ZIP bomb limit as they are read.
class ZipReader {
public:
    ZipReader(std::string_view zip, std::int64_t unpacked_limit) : limit_(unpacked_limit) {
        // libarchive does not open a ZIP of no entries: only its end record.
        if (zip.size() == 22 && zip.substr(0, 4) == std::string_view("PK\x05\x06", 4))
            throw refused("The ZIP file is empty: there is nothing to import");
        a_ = archive_read_new();
        archive_read_support_format_zip_seekable(a_);
        if (zip.empty() || archive_read_open_memory(a_, zip.data(), zip.size()) != ARCHIVE_OK)
            throw refused("The file is not a ZIP archive; export a module, part or page to get "
                          "one");
    }
    ~ZipReader() { archive_read_free(a_); }
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // The next entry, or nullptr at the end.
    archive_entry* next() {
        archive_entry* e = nullptr;
        const int r = archive_read_next_header(a_, &e);
        if (r == ARCHIVE_EOF) return nullptr;
        if (r < ARCHIVE_WARN) throw refused("The ZIP file is damaged: " + reason());
        return e;
    }

    std::string read_entry(const std::string& name, std::int64_t max_bytes,
                           const std::string& too_large) {
        std::string bytes;
        char buffer[64 * 1024];
        for (;;) {
            const la_ssize_t n = archive_read_data(a_, buffer, sizeof buffer);
            if (n == 0) break;
            if (n < 0)
                throw refused("The ZIP entry " + name +
                              " cannot be unpacked (damaged or encrypted): " + reason());
            unpacked_ += n;
            if (unpacked_ > limit_)
                throw refused("The ZIP file unpacks to more than " + megabytes(limit_) +
                              " (ten times the upload limit); nothing was imported");
            if (static_cast<std::int64_t>(bytes.size()) + n > max_bytes) throw refused(too_large);
            bytes.append(buffer, static_cast<std::size_t>(n));
        }
        return bytes;
    }

private:
    archive* a_ = nullptr;
    std::int64_t limit_;
    std::int64_t unpacked_ = 0;
    std::string reason() const {
        const char* r = archive_error_string(a_);
        return r ? r : "unknown error";
    }
};

std::string entry_name(archive_entry* e) {
    const char* utf8 = archive_entry_pathname_utf8(e);
    const char* raw = utf8 ? utf8 : archive_entry_pathname(e);
    return raw ? raw : "";
}

// Entry names that would leave the archive's folder if unpacked: refused
// outright, even though we never write them to disk, since no export of
// ours or of the original has them.
void check_entry_name(const std::string& name) {
    bool bad =
        name.empty() || name[0] == '/' || name[0] == '\\' || (name.size() > 1 && name[1] == ':');
    std::size_t start = 0;
    while (!bad && start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string::npos) end = name.size();
        bad = name.compare(start, end - start, "..") == 0;
        start = end + 1;
    }
    if (bad)
        throw refused("The ZIP entry \"" + name +
                      "\" has an absolute path or \"..\"; such a ZIP is not an export and "
                      "nothing was imported");
}

struct Counts {
    int parts = 0, pages = 0;
};

// Inserts `n` and its subtree under `parent`; content is written with its
// crossrefs as they are, remapped once every new id is known.
void insert_tree(db::Stores& stores, const ExportedNode& n, std::optional<Id> parent,
                 std::optional<Id> module_id, int order, std::map<Id, Id>& new_id,
                 std::vector<std::pair<Id, const ExportedNode*>>& inserted, Counts& counts) {
    Part p;
    p.type = n.type;
    p.parent_id = parent;
    p.title = n.title;
    p.status = n.type == PartType::page ? Status::available : Status::unavailable;
    p.label = n.label.value_or("");
    p.display_mode = n.display_mode.value_or(DisplayMode::three_pane_html);
    p.content = n.content;
    p.order = order;
    const Id id = stores.tree.insert_part(p, module_id);
    new_id[n.id] = id;
    inserted.emplace_back(id, &n);
    if (n.type == PartType::part) ++counts.parts;
    if (n.type == PartType::page) ++counts.pages;
    std::vector<const ExportedNode*> children;
    for (const auto& c : n.children)
        children.push_back(&c);
    std::stable_sort(children.begin(), children.end(),
                     [](const auto* a, const auto* b) { return a->order < b->order; });
    const Id module = module_id.value_or(id);
    for (std::size_t i = 0; i < children.size(); ++i)
        insert_tree(stores, *children[i], id, module, static_cast<int>(i), new_id, inserted,
                    counts);
}

struct WantedAsset {
    const ExportedAsset* asset = nullptr;
    const ExportedNode* node = nullptr;
};

void want_assets(const ExportedNode& n, std::map<std::string, WantedAsset>& wanted) {
    std::set<std::pair<AssetKind, std::string>> names;
    for (const auto& a : n.assets) {
        if (!names.insert({a.kind, a.filename}).second)
            throw refused("\"" + n.title + "\" has two files of type " + to_string(a.kind) +
                          " called " + a.filename);
        wanted["assets/" + std::to_string(a.id)] = {&a, &n};
    }
    for (const auto& c : n.children)
        want_assets(c, wanted);
}

} // namespace

ExportPlan plan_export(db::Stores& stores, Id root) {
    ExportPlan plan;
    auto rec = stores.tree.find_part(root);
    if (!rec) throw BadInput("id", "Part " + std::to_string(root) + " does not exist");
    std::map<Id, Id> local_of;
    Id next_node = 0, next_asset = 0;
    plan_node(stores, rec->part, plan, local_of, next_node, next_asset, plan.root);
    remap_tree(plan.root, [&](Id id) -> std::optional<Id> {
        auto it = local_of.find(id);
        return it == local_of.end() ? std::nullopt : std::optional<Id>(it->second);
    });
    return plan;
}

void write_export(db::Stores& stores, const ExportPlan& plan,
                  const std::function<void(std::string_view)>& sink) {
    ZipStream zip(sink);
    const std::string content = to_json(plan.root).dump(2);
    zip.add("content.json", content, db::now_seconds());
    for (const auto& f : plan.files) {
        const std::string name = "assets/" + std::to_string(f.local_id);
        zip.begin(name, f.size, db::now_seconds());
        stores.assets.read_in_pieces(f.asset_id, piece_bytes,
                                     [&](std::string_view piece) { zip.write(name, piece); });
    }
    zip.close();
}

ImportLimits import_limits(std::int64_t upload_limit) {
    return {upload_limit, 10 * upload_limit};
}

json to_json(const ImportResult& r) {
    return {{"created", {{"id", r.id}, {"type", to_string(r.type)}, {"title", r.title}}},
            {"parts", r.parts},
            {"pages", r.pages},
            {"assets", r.assets}};
}

ImportResult import_zip(db::Stores& stores, std::string_view zip, const ImportPlace& place,
                        std::optional<Id> owner, const ImportLimits& limits) {
    if (static_cast<std::int64_t>(zip.size()) > limits.file_bytes)
        throw refused("The ZIP file has " + megabytes(static_cast<std::int64_t>(zip.size())) +
                      ", more than the upload limit of " + megabytes(limits.file_bytes));
    // Before unpacking anything: the names, and the sizes the archive declares.
    std::map<std::string, std::int64_t> declared;
    {
        ZipReader pass(zip, limits.unpacked_bytes);
        std::int64_t total = 0;
        while (archive_entry* e = pass.next()) {
            const std::string name = entry_name(e);
            check_entry_name(name);
            if (archive_entry_filetype(e) != AE_IFREG) continue;
            const std::int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : 0;
            total += std::max<std::int64_t>(size, 0);
            if (total > limits.unpacked_bytes)
                throw refused("The ZIP file unpacks to more than " +
                              megabytes(limits.unpacked_bytes) +
                              " (ten times the upload limit); nothing was imported");
            declared[name] = size;
        }
    }
    if (declared.empty()) throw refused("The ZIP file is empty: there is nothing to import");
    if (!declared.count("content.json"))
        throw refused("The ZIP file has no content.json, so it is not an export of WTE");

    std::string content_json;
    {
        ZipReader pass(zip, limits.unpacked_bytes);
        while (archive_entry* e = pass.next())
            if (entry_name(e) == "content.json") {
                content_json = pass.read_entry("content.json", limits.unpacked_bytes, "");
                break;
            }
    }
    const std::string trimmed = trim(content_json);
    if (trimmed.empty() || trimmed == "{}" || trimmed == "null" || trimmed == "[]")
        throw refused("content.json describes nothing: there is nothing to import");
    ExportedNode root;
    try {
        root = read_content_json(content_json);
    } catch (const BadInput& e) {
        throw BadInput(e.field, std::string("content.json: ") + e.what());
    }
    if (auto why = check_import_place(place.parent_type, root.type)) throw refused(*why);

    std::map<std::string, WantedAsset> wanted;
    want_assets(root, wanted);
    for (const auto& [name, w] : wanted) {
        auto it = declared.find(name);
        if (it == declared.end())
            throw refused("The ZIP file has no " + name + " for the file " + w.asset->filename +
                          " of \"" + w.node->title + "\"");
        if (it->second > limits.file_bytes)
            throw refused(w.asset->filename + " has " + megabytes(it->second) +
                          ", more than the upload limit of " + megabytes(limits.file_bytes));
    }

    std::map<Id, Id> new_id;
    std::vector<std::pair<Id, const ExportedNode*>> inserted;
    Counts counts;
    insert_tree(stores, root, place.parent, place.module_id, -1, new_id, inserted, counts);
    const auto map = [&](Id local) -> std::optional<Id> {
        auto it = new_id.find(local);
        return it == new_id.end() ? std::nullopt : std::optional<Id>(it->second);
    };
    for (const auto& [id, node] : inserted) {
        const std::string content = remap_crossrefs(node->content, map);
        if (content != node->content) {
            auto rec = stores.tree.find_part(id);
            rec->part.content = content;
            stores.tree.update_part(rec->part);
        }
        store_quizzes(stores, id, content);
    }

    // The bytes, in the order the archive holds them; each list's order after.
    std::map<const ExportedAsset*, Id> stored;
    {
        ZipReader pass(zip, limits.unpacked_bytes);
        while (archive_entry* e = pass.next()) {
            const std::string name = entry_name(e);
            auto it = wanted.find(name);
            if (it == wanted.end() || stored.count(it->second.asset)) continue;
            const ExportedAsset& a = *it->second.asset;
            std::string bytes = pass.read_entry(
                name, limits.file_bytes,
                a.filename + " is larger than the upload limit of " + megabytes(limits.file_bytes));
            Asset row;
            row.part_id = new_id.at(it->second.node->id);
            row.filename = a.filename;
            row.mimetype = a.mimetype;
            row.kind = a.kind;
            row.etag = auth::content_hash(bytes);
            row.size = static_cast<std::int64_t>(bytes.size());
            stored[&a] = stores.assets.insert(row, bytes);
        }
    }
    for (const auto& [id, node] : inserted) {
        for (AssetKind kind : {AssetKind::asset, AssetKind::template_file}) {
            std::vector<const ExportedAsset*> list;
            for (const auto& a : node->assets)
                if (a.kind == kind) list.push_back(&a);
            std::stable_sort(list.begin(), list.end(),
                             [](const auto* x, const auto* y) { return x->order < y->order; });
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto row = stores.assets.find(stored.at(list[i]));
                row->order = static_cast<int>(i);
                stores.assets.update(*row);
            }
        }
    }

    const Id created = new_id.at(root.id);
    if (root.type == PartType::module && owner)
        stores.membership.set_role(created, *owner, ModuleRole::owner);
    return {created,      root.type,    root.title,
            counts.parts, counts.pages, static_cast<int>(stored.size())};
}

} // namespace wte::content
