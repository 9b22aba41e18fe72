#include "db/asset_store.hpp"

#include "db/rows.hpp"

#include <algorithm>

namespace wte::db {

namespace {

constexpr const char* asset_columns = "id, part_id, filename, mimetype, kind, ord, size, etag";

Asset read_asset(const Statement& st) {
    Asset a;
    a.id = st.int64(0);
    a.part_id = st.int64(1);
    a.filename = st.text(2);
    a.mimetype = st.text(3);
    a.kind = stored_enum(parse_asset_kind(st.text(4)), "asset kind");
    a.order = st.integer(5);
    a.size = st.int64(6);
    a.etag = st.text(7);
    return a;
}

} // namespace

Id AssetStore::insert(const Asset& a, const std::string& bytes) {
    std::int64_t count = 0;
    {
        auto st = c_.prepare("SELECT COUNT(*) FROM assets WHERE part_id = ? AND kind = ?");
        st.bind_all(a.part_id, to_string(a.kind));
        st.step();
        count = st.int64(0);
    }
    auto now = now_seconds();
    auto st = c_.prepare("INSERT INTO assets (part_id, filename, mimetype, kind, ord, data, size, "
                         "etag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                         "RETURNING id");
    st.bind_all(a.part_id, a.filename, a.mimetype, to_string(a.kind), count)
        .bind_blob(6, bytes)
        .bind(7, static_cast<std::int64_t>(bytes.size()))
        .bind(8, a.etag)
        .bind(9, now)
        .bind(10, now);
    st.step();
    return st.int64(0);
}

std::optional<Asset> AssetStore::find(Id id) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns + " FROM assets WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_asset(st);
}

std::optional<std::string> AssetStore::bytes(Id id) {
    auto st = c_.prepare("SELECT data FROM assets WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return st.blob(0);
}

void AssetStore::read_in_pieces(Id id, std::size_t piece,
                                const std::function<void(std::string_view)>& take) {
    if (c_.dialect() == Dialect::postgresql) { // no incremental blob reads: one value
        auto data = bytes(id);
        if (!data) throw ReferenceGone(SQLITE_NOTFOUND, "asset " + std::to_string(id) + " is gone");
        for (std::size_t at = 0; at < data->size(); at += piece)
            take(std::string_view(*data).substr(at, piece));
        return;
    }
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(c_.handle(), "main", "assets", "data", id, 0, &blob) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        throw_db_error(sqlite3_extended_errcode(c_.handle()),
                       "asset " + std::to_string(id) + ": " + sqlite3_errmsg(c_.handle()));
    }
    const int size = sqlite3_blob_bytes(blob);
    std::string buffer(std::min<std::size_t>(piece, static_cast<std::size_t>(size)), '\0');
    for (int at = 0; at < size;) {
        const int n = std::min(static_cast<int>(buffer.size()), size - at);
        if (sqlite3_blob_read(blob, buffer.data(), n, at) != SQLITE_OK) {
            sqlite3_blob_close(blob);
            throw_db_error(sqlite3_extended_errcode(c_.handle()),
                           "asset " + std::to_string(id) + ": " + sqlite3_errmsg(c_.handle()));
        }
        at += n;
        try {
            take(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        } catch (...) {
            sqlite3_blob_close(blob);
            throw;
        }
    }
    sqlite3_blob_close(blob);
}

std::vector<Asset> AssetStore::of_part(Id part) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns +
                         " FROM assets WHERE part_id = ? ORDER BY kind, ord, id");
    st.bind(1, part);
    std::vector<Asset> out;
    while (st.step())
        out.push_back(read_asset(st));
    return out;
}

std::optional<Asset> AssetStore::find_by_name(const std::vector<Id>& chain,
                                              const std::string& filename) {
    auto st = c_.prepare(std::string("SELECT ") + asset_columns +
                         " FROM assets WHERE part_id = ? AND kind = 'asset' AND filename = ?");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        st.bind_all(*it, filename);
        if (st.step()) return read_asset(st);
        st.reset();
    }
    return std::nullopt;
}

void AssetStore::update(const Asset& a) {
    c_.prepare("UPDATE assets SET filename = ?, mimetype = ?, ord = ?, updated_at = ? WHERE id = ?")
        .bind_all(a.filename, a.mimetype, a.order, now_seconds(), a.id)
        .run();
}

void AssetStore::replace_bytes(Id id, const std::string& bytes, const std::string& etag) {
    c_.prepare("UPDATE assets SET data = ?, size = ?, etag = ?, updated_at = ? WHERE id = ?")
        .bind_blob(1, bytes)
        .bind(2, static_cast<std::int64_t>(bytes.size()))
        .bind(3, etag)
        .bind(4, now_seconds())
        .bind(5, id)
        .run();
}

void AssetStore::remove(Id id) {
    c_.prepare("DELETE FROM assets WHERE id = ?").bind(1, id).run();
}

} // namespace wte::db
