#include "db/progress_store.hpp"

#include "db/rows.hpp"

namespace wte::db {

bool ProgressStore::record_visit(Id user, Id part, Id page, std::int64_t now) {
    bool visited = false;
    std::optional<Id> current;
    {
        auto st = c_.prepare(
            "SELECT EXISTS (SELECT 1 FROM page_visits WHERE user_id = ? AND page_id = ?), "
            "(SELECT current_page_id FROM progress WHERE user_id = ? AND part_id = ?)");
        st.bind_all(user, page, user, part);
        st.step();
        visited = st.int64(0) != 0;
        current = st.optional_int64(1);
    }
    if (visited && current == page) return false;
    if (!visited)
        c_.prepare(
              "INSERT INTO page_visits (user_id, page_id, seconds, first_visit_at, "
              "last_visit_at) VALUES (?, ?, 0, ?, ?) ON CONFLICT (user_id, page_id) DO NOTHING")
            .bind_all(user, page, now, now)
            .run();
    if (current != page)
        c_.prepare("INSERT INTO progress (user_id, part_id, current_page_id, updated_at) "
                   "VALUES (?, ?, ?, ?) ON CONFLICT (user_id, part_id) DO UPDATE SET "
                   "current_page_id = excluded.current_page_id, updated_at = excluded.updated_at")
            .bind_all(user, part, page, now)
            .run();
    return true;
}

std::int64_t ProgressStore::add_seconds(Id user, Id page, std::int64_t seconds, std::int64_t now) {
    auto st = c_.prepare("INSERT INTO page_visits (user_id, page_id, seconds, first_visit_at, "
                         "last_visit_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, page_id) "
                         "DO UPDATE SET seconds = page_visits.seconds + excluded.seconds, "
                         "last_visit_at = excluded.last_visit_at RETURNING seconds");
    st.bind_all(user, page, seconds, now, now);
    st.step();
    return st.int64(0);
}

std::optional<Id> ProgressStore::current_page(Id user, Id part) {
    auto st = c_.prepare("SELECT current_page_id FROM progress WHERE user_id = ? AND part_id = ?");
    st.bind_all(user, part);
    if (!st.step()) return std::nullopt;
    return st.optional_int64(0);
}

std::map<Id, PageVisit> ProgressStore::visits(Id user, const std::vector<Id>& pages) {
    std::map<Id, PageVisit> out;
    // IN lists come in fixed sizes; long lists go in slices of 64.
    for (std::size_t from = 0; from < pages.size(); from += 64) {
        std::vector<Id> slice(pages.begin() + static_cast<std::ptrdiff_t>(from),
                              pages.begin() +
                                  static_cast<std::ptrdiff_t>(std::min(pages.size(), from + 64)));
        auto st = c_.prepare("SELECT page_id, seconds FROM page_visits WHERE user_id = ? AND "
                             "page_id IN " +
                             in_list(slice.size()));
        st.bind(1, user);
        bind_in_list(st, 2, slice);
        while (st.step())
            out[st.int64(0)] = PageVisit{st.int64(1)};
    }
    return out;
}

void ProgressStore::forget_module(Id user, Id module) {
    c_.prepare("DELETE FROM progress WHERE user_id = ? AND part_id IN "
               "(SELECT id FROM parts WHERE module_id = ?)")
        .bind_all(user, module)
        .run();
    c_.prepare("DELETE FROM page_visits WHERE user_id = ? AND page_id IN "
               "(SELECT id FROM parts WHERE module_id = ?)")
        .bind_all(user, module)
        .run();
}

} // namespace wte::db
