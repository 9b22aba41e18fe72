// What every store shares: the clock as stored (Unix seconds), reading a
// stored enum back, and IN lists written with plain placeholders (portable
// SQL, no json_each) in a few fixed sizes so the statement cache stays small.
#pragma once

#include "db/database.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wte::db {

std::int64_t now_seconds();

template <typename E> E stored_enum(std::optional<E> v, const std::string& what) {
    if (!v) throw DbError(0, "Stored " + what + " has an unknown value");
    return *v;
}

// A LIKE pattern (with ESCAPE '\\') matching `text` anywhere, taken literally
// and lower-cased: compare it with LOWER(column) (ASCII case-insensitive in
// SQLite and PostgreSQL alike).
std::string like_pattern(const std::string& text);

// "(?, ?, …)" with room for at least n values (8, 16, 32, …); bind the unused
// ones to NULL (bind_in_list does), which matches nothing.
std::string in_list(std::size_t n);
// Binds `values` from `first`, then NULL up to the size in_list(values.size()) wrote.
template <typename T> void bind_in_list(Statement& st, int first, const std::vector<T>& values) {
    const std::string list = in_list(values.size());
    const auto slots = static_cast<std::size_t>(std::count(list.begin(), list.end(), '?'));
    for (std::size_t i = 0; i < slots; ++i) {
        if (i < values.size())
            st.bind(first + static_cast<int>(i), values[i]);
        else
            st.bind_null(first + static_cast<int>(i));
    }
}

} // namespace wte::db
