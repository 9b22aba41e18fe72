#include "db/rows.hpp"

#include <cctype>
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

std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char ch : text) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

} // namespace wte::db
