// Business rules of WTE as pure functions of plain facts: where a node may
// go in the tree, what can be archived, what a password and an email address
// must look like, and who must stay owner of a module. The server enforces
// them; the client calls the same functions to explain a refusal before it
// asks. Each returns std::nullopt when allowed, else a reason a person can
// act on.
#pragma once

#include "wte/domain.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace wte {

// Why something is refused; std::nullopt means it is allowed.
using Refusal = std::optional<std::string>;

// The tree is module → part → page: a module has no parent, a part goes
// directly in a module, a page goes in a part. `parent` is the parent's type,
// std::nullopt for "no parent".
Refusal check_placement(std::optional<PartType> parent, PartType child);

// Only modules are archived (a whole course is put away, not a single page).
bool can_be_archived(PartType type);
Refusal check_archiving(PartType type);

inline constexpr std::size_t min_password_length = 8;
// Length only: long passphrases beat rules about digits and symbols.
Refusal check_password(const std::string& password);

// One '@', a non-empty local part, a domain with a dot that neither starts
// nor ends it, and no spaces or control characters.
Refusal check_email(const std::string& email);

inline constexpr std::size_t max_name_bytes = 200;
// A person's name as others see it: not empty, at most 200 bytes of UTF-8,
// no control characters (a name goes into mail headers and lists).
Refusal check_person_name(const std::string& name);

// Removing a member or changing their role, seen from the module's owners.
struct RoleChangeFacts {
    ModuleRole current = ModuleRole::none; // the member's role now
    ModuleRole next = ModuleRole::none;    // none: removed from the module
    int owners = 0;                        // how many owners the module has now
};
// A module must keep at least one owner: the last one can neither be removed
// nor made something else.
Refusal check_role_change(const RoleChangeFacts& facts);

// Time on page arrives in reports; the client flushes at least every 60 s, so
// anything above this is not a real measurement.
inline constexpr std::int64_t max_reported_seconds = 600;
Refusal check_reported_seconds(std::int64_t seconds);

// Skimming: at least two pages visited, under 20 s on average on them.
inline constexpr std::int64_t skimming_seconds_per_page = 20;
bool is_skimming(int visited_pages, std::int64_t seconds);

// A learner's file name: one plain name (it becomes a URL segment and a ZIP
// entry): non-empty, at most 100 bytes, no '/', '\', "..", control
// characters, and no leading dot.
inline constexpr std::size_t max_workspace_filename_length = 100;
Refusal check_workspace_filename(const std::string& name);

} // namespace wte
