#include "db/rows.hpp"

#include <ctime>

namespace wte::db {

std::int64_t now_seconds() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::string in_list(std::size_t n) {
    std::size_t slots = 8;
    while (slots < n)
        slots *= 2;
    std::string out = "(?";
    for (std::size_t i = 1; i < slots; ++i)
        out += ", ?";
    return out + ")";
}

} // namespace wte::db
