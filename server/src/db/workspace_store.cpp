#include "db/workspace_store.hpp"

#include "db/rows.hpp"

#include <algorithm>
#include <map>

namespace wte::db {

namespace {

constexpr const char* file_columns =
    "filename, mimetype, etag, template_etag, LENGTH(content), updated_at";

StoredWorkspaceFile read_file(const Statement& st) {
    StoredWorkspaceFile f;
    f.filename = st.text(0);
    f.mimetype = st.text(1);
    f.etag = st.text(2);
    f.template_etag = st.optional_text(3);
    f.size = st.int64(4);
    f.updated_at = st.int64(5);
    return f;
}

} // namespace

std::vector<Asset> WorkspaceStore::templates(const std::vector<Id>& chain) {
    std::map<Id, std::size_t> depth;
    for (std::size_t i = 0; i < chain.size(); ++i)
        depth[chain[i]] = i;
    std::map<std::string, std::pair<std::size_t, Asset>> nearest;
    // Chains are short (module, part, maybe a parent part): one IN list.
    auto st = c_.prepare("SELECT id, part_id, filename, mimetype, size, etag, ord FROM assets "
                         "WHERE kind = 'template' AND part_id IN " +
                         in_list(chain.size()));
    bind_in_list(st, 1, chain);
    while (st.step()) {
        Asset a;
        a.id = st.int64(0);
        a.part_id = st.int64(1);
        a.filename = st.text(2);
        a.mimetype = st.text(3);
        a.kind = AssetKind::template_file;
        a.size = st.int64(4);
        a.etag = st.text(5);
        a.order = st.integer(6);
        const std::size_t d = depth[a.part_id];
        const std::string name = a.filename;
        auto it = nearest.find(name);
        if (it == nearest.end() || it->second.first < d) nearest[name] = {d, std::move(a)};
    }
    std::vector<Asset> out;
    for (auto& [name, entry] : nearest)
        out.push_back(std::move(entry.second));
    return out;
}

bool WorkspaceStore::exists(Id user, Id part) {
    auto st = c_.prepare("SELECT 1 FROM workspaces WHERE user_id = ? AND part_id = ?");
    st.bind_all(user, part);
    return st.step();
}

bool WorkspaceStore::create_once(Id user, Id part, const std::vector<Id>& chain, std::int64_t now) {
    // The row is written first, so two first visits at once copy only once.
    {
        auto st = c_.prepare("INSERT INTO workspaces (user_id, part_id, created_at) VALUES (?, ?, "
                             "?) ON CONFLICT (user_id, part_id) DO NOTHING RETURNING user_id");
        st.bind_all(user, part, now);
        if (!st.step()) return false;
    }
    for (const auto& t : templates(chain))
        copy_template(user, part, t, now);
    return true;
}

void WorkspaceStore::copy_template(Id user, Id part, const Asset& tmpl, std::int64_t now) {
    c_.prepare("INSERT INTO workspace_files (user_id, part_id, filename, mimetype, content, etag, "
               "template_etag, updated_at) SELECT ?, ?, filename, mimetype, data, etag, etag, ? "
               "FROM assets WHERE id = ? ON CONFLICT (user_id, part_id, filename) DO UPDATE SET "
               "mimetype = excluded.mimetype, content = excluded.content, etag = excluded.etag, "
               "template_etag = excluded.template_etag, updated_at = excluded.updated_at")
        .bind_all(user, part, now, tmpl.id)
        .run();
}

std::vector<StoredWorkspaceFile> WorkspaceStore::files(Id user, Id part) {
    auto st = c_.prepare(std::string("SELECT ") + file_columns +
                         " FROM workspace_files WHERE user_id = ? AND part_id = ? ORDER BY "
                         "CASE WHEN filename = 'index.html' THEN 0 ELSE 1 END, filename");
    st.bind_all(user, part);
    std::vector<StoredWorkspaceFile> out;
    while (st.step())
        out.push_back(read_file(st));
    return out;
}

std::optional<StoredWorkspaceFile> WorkspaceStore::find(Id user, Id part,
                                                        const std::string& filename) {
    auto st =
        c_.prepare(std::string("SELECT ") + file_columns +
                   " FROM workspace_files WHERE user_id = ? AND part_id = ? AND filename = ?");
    st.bind_all(user, part, filename);
    if (!st.step()) return std::nullopt;
    return read_file(st);
}

std::optional<std::string> WorkspaceStore::content(Id user, Id part, const std::string& filename) {
    auto st = c_.prepare("SELECT content FROM workspace_files WHERE user_id = ? AND part_id = ? "
                         "AND filename = ?");
    st.bind_all(user, part, filename);
    if (!st.step()) return std::nullopt;
    return st.blob(0);
}

void WorkspaceStore::each_file(
    Id user, Id part,
    const std::function<void(const StoredWorkspaceFile&, const std::string&)>& fn) {
    auto st = c_.prepare(std::string("SELECT ") + file_columns +
                         ", content FROM workspace_files WHERE user_id = ? AND part_id = ? ORDER "
                         "BY CASE WHEN filename = 'index.html' THEN 0 ELSE 1 END, filename");
    st.bind_all(user, part);
    while (st.step())
        fn(read_file(st), st.blob(6));
}

SaveOutcome WorkspaceStore::save(Id user, Id part, const std::string& filename,
                                 const std::string& mimetype, const std::string& bytes,
                                 const std::string& etag,
                                 const std::optional<std::string>& expected, std::int64_t now) {
    auto current = find(user, part, filename);
    if (current && current->etag == etag)
        return {SaveOutcome::Kind::no_changes, etag, current->changed()};
    if (expected && (!current || current->etag != *expected))
        return {SaveOutcome::Kind::conflict,
                current ? std::optional<std::string>(current->etag) : std::nullopt,
                current && current->changed()};
    if (current) {
        c_.prepare("UPDATE workspace_files SET content = ?, etag = ?, updated_at = ? WHERE "
                   "user_id = ? AND part_id = ? AND filename = ? AND etag = ?")
            .bind_blob(1, bytes)
            .bind(2, etag)
            .bind(3, now)
            .bind(4, user)
            .bind(5, part)
            .bind(6, filename)
            .bind(7, current->etag)
            .run();
        return {SaveOutcome::Kind::saved, etag, etag != current->template_etag};
    }
    c_.prepare("INSERT INTO workspace_files (user_id, part_id, filename, mimetype, content, etag, "
               "template_etag, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")
        .bind_all(user, part, filename, mimetype)
        .bind_blob(5, bytes)
        .bind(6, etag)
        .bind(7, now)
        .run();
    return {SaveOutcome::Kind::saved, etag, true};
}

void WorkspaceStore::reset_file(Id user, Id part, const std::string& filename,
                                const std::optional<Asset>& tmpl, std::int64_t now) {
    if (tmpl) {
        copy_template(user, part, *tmpl, now);
        return;
    }
    c_.prepare("DELETE FROM workspace_files WHERE user_id = ? AND part_id = ? AND filename = ?")
        .bind_all(user, part, filename)
        .run();
}

void WorkspaceStore::reset_all(Id user, Id part, const std::vector<Id>& chain, std::int64_t now) {
    c_.prepare("DELETE FROM workspace_files WHERE user_id = ? AND part_id = ?")
        .bind_all(user, part)
        .run();
    for (const auto& t : templates(chain))
        copy_template(user, part, t, now);
}

void WorkspaceStore::add_preview_token(const std::string& token_hash, Id user, Id part,
                                       std::int64_t now, int max_live) {
    c_.prepare("INSERT INTO preview_tokens (token_hash, user_id, part_id, created_at) VALUES (?, "
               "?, ?, ?)")
        .bind_all(token_hash, user, part, now)
        .run();
    c_.prepare("UPDATE preview_tokens SET revoked_at = ? WHERE user_id = ? AND part_id = ? AND "
               "revoked_at IS NULL AND token_hash NOT IN (SELECT token_hash FROM preview_tokens "
               "WHERE user_id = ? AND part_id = ? AND revoked_at IS NULL ORDER BY created_at "
               "DESC, token_hash LIMIT ?)")
        .bind_all(now, user, part, user, part, max_live)
        .run();
}

std::optional<PreviewGrant> WorkspaceStore::find_preview_token(const std::string& token_hash) {
    auto st = c_.prepare("SELECT user_id, part_id FROM preview_tokens WHERE token_hash = ? AND "
                         "revoked_at IS NULL");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return PreviewGrant{st.int64(0), st.int64(1)};
}

int WorkspaceStore::revoke_preview_tokens(Id user, Id part, std::int64_t now) {
    c_.prepare("UPDATE preview_tokens SET revoked_at = ? WHERE user_id = ? AND part_id = ? AND "
               "revoked_at IS NULL")
        .bind_all(now, user, part)
        .run();
    return c_.changes();
}

} // namespace wte::db
