#include "wte/rules.hpp"

#include <algorithm>

namespace wte {

Refusal check_placement(std::optional<PartType> parent, PartType child) {
    switch (child) {
    case PartType::module:
        if (parent) return "A module has no parent; it is the top of its own tree";
        return std::nullopt;
    case PartType::part:
        if (!parent) return "A part needs a parent: the module it belongs to";
        if (*parent == PartType::module) return std::nullopt;
        return "A part goes directly inside a module, not inside a " + to_string(*parent);
    case PartType::page:
        if (!parent) return "A page needs a parent: the part it belongs to";
        if (*parent == PartType::part) return std::nullopt;
        if (*parent == PartType::module)
            return "A page goes inside a part, not directly in a module; create a part first";
        return "A page goes inside a part, not inside a " + to_string(*parent);
    }
    return "Unknown part type";
}

bool can_be_archived(PartType type) {
    return type == PartType::module;
}

Refusal check_archiving(PartType type) {
    if (can_be_archived(type)) return std::nullopt;
    return "Only modules can be archived; this is a " + to_string(type);
}

Refusal check_password(const std::string& password) {
    if (password.size() >= min_password_length) return std::nullopt;
    return "The password must have at least " + std::to_string(min_password_length) +
           " characters (a longer one is harder to guess)";
}

Refusal check_email(const std::string& email) {
    const auto bad = [&](const std::string& why) {
        return "'" + email + "' is not an email address: " + why;
    };
    if (email.empty()) return std::string("The email address is empty");
    if (email.size() > 254) return std::string("The email address is longer than 254 characters");
    if (std::any_of(email.begin(), email.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }))
        return bad("it may not contain spaces");
    auto at = email.find('@');
    if (at == std::string::npos) return bad("it needs an '@'");
    if (email.find('@', at + 1) != std::string::npos) return bad("it has more than one '@'");
    if (at == 0) return bad("there is nothing before the '@'");
    const std::string domain = email.substr(at + 1);
    auto dot = domain.find('.');
    if (domain.empty() || dot == std::string::npos || dot == 0 || domain.back() == '.')
        return bad("the part after the '@' must be a domain like example.org");
    return std::nullopt;
}

Refusal check_person_name(const std::string& name) {
    if (name.find_first_not_of(" \t") == std::string::npos) return std::string("The name is empty");
    if (name.size() > max_name_bytes)
        return "The name is longer than " + std::to_string(max_name_bytes) + " bytes";
    if (std::any_of(name.begin(), name.end(),
                    [](char c) { return static_cast<unsigned char>(c) < ' ' || c == 0x7f; }))
        return std::string("The name may not contain line breaks or control characters");
    return std::nullopt;
}

Refusal check_role_change(const RoleChangeFacts& f) {
    if (f.current != ModuleRole::owner || f.next == ModuleRole::owner) return std::nullopt;
    if (f.owners > 1) return std::nullopt;
    if (f.next == ModuleRole::none)
        return std::string("The last owner cannot be removed from the module; make someone "
                           "else an owner first");
    if (f.next == ModuleRole::block)
        return std::string("The last owner of the module cannot be blocked; make someone else "
                           "an owner first");
    return std::string("The last owner of the module cannot be made a " + to_string(f.next) +
                       "; make someone else an owner first");
}

Refusal check_reported_seconds(std::int64_t seconds) {
    if (seconds <= 0) return "The time spent must be a positive number of seconds";
    if (seconds > max_reported_seconds)
        return "At most " + std::to_string(max_reported_seconds) +
               " seconds can be reported at once";
    return std::nullopt;
}

bool is_skimming(int visited_pages, std::int64_t seconds) {
    return visited_pages >= 2 && seconds < skimming_seconds_per_page * visited_pages;
}

namespace {
// Well-formed UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool is_valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        unsigned min = 0, cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += extra + 1;
    }
    return true;
}
} // namespace

Refusal check_workspace_filename(const std::string& name) {
    if (name.empty()) return "The file name must not be empty";
    if (name.size() > max_workspace_filename_length)
        return "The file name is longer than " + std::to_string(max_workspace_filename_length) +
               " bytes";
    if (name[0] == '.') return "The file name must not start with a dot";
    if (name.find("..") != std::string::npos) return "The file name must not contain '..'";
    for (unsigned char c : name) {
        if (c == '/' || c == '\\') return "The file name must not contain '/' or '\\'";
        if (c < 0x20 || c == 0x7f) return "The file name must not contain control characters";
    }
    if (!is_valid_utf8(name)) return "The file name is not valid UTF-8";
    return std::nullopt;
}

} // namespace wte
