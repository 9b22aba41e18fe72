#include "wte/text.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace wte {

std::string to_lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return c < 128 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    });
    return s;
}

std::string percent_encode(const std::string& s, bool keep_slash) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
            (keep_slash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

namespace {
bool is_adornment(const std::string& line) {
    if (line.size() < 2) return false;
    char c = line[0];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == ' ') return false;
    return std::all_of(line.begin(), line.end(), [c](char x) { return x == c; });
}
} // namespace

std::string summarise(const std::string& rst, std::size_t max_bytes) {
    std::istringstream in(rst);
    std::string line, paragraph;
    std::vector<std::string> lines;
    while (std::getline(in, line))
        lines.push_back(line);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string t = trim(lines[i]);
        bool title = i + 1 < lines.size() && is_adornment(trim(lines[i + 1])) && !t.empty();
        if (t.empty() || is_adornment(t) || t.rfind("..", 0) == 0 || title ||
            lines[i].rfind(" ", 0) == 0) {
            if (!paragraph.empty() && t.empty()) break;
            if (title) ++i;
            continue;
        }
        if (!paragraph.empty()) paragraph += ' ';
        paragraph += t;
    }
    if (paragraph.size() > max_bytes) {
        auto cut = paragraph.rfind(' ', max_bytes);
        if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
        // never cut inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(paragraph[cut]) & 0xC0) == 0x80)
            --cut;
        paragraph = paragraph.substr(0, cut) + "…";
    }
    return paragraph;
}

int json_nesting_depth(std::string_view text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

} // namespace wte
