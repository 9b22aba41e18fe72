// Feature: the public module list (#/modules) and "My modules" (#/my), both
// paged as the API pages them; My modules filtered by status, with archived
// modules hidden by default once there are many.
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace wte::client {

class App;

// Items per page asked of the API for both lists.
inline constexpr int modules_per_page = 20;
// More modules than this in My modules: archived ones are hidden until asked.
inline constexpr std::int64_t archived_hidden_above = 10;

enum class MineFilter { all, available, unavailable, archived };

struct MyModulesOptions {
    MineFilter filter = MineFilter::all;
    std::optional<bool> show_archived; // unset: the default for how many there are
    int page = 1;
    std::int64_t total_all = -1; // the user's modules over every status; -1 unknown
};

struct ModuleLists {
    Remote<api::Page<PartSummary>> modules;
    int modules_page = 1;
    Remote<api::Page<api::MyModule>> mine;
    MyModulesOptions mine_options;
};

struct ModuleListActions {
    std::optional<int> modules_page;
    std::optional<MineFilter> mine_filter;
    std::optional<bool> show_archived;
    std::optional<int> mine_page;
    bool any() const { return modules_page || mine_filter || show_archived || mine_page; }
};

namespace module_lists {
// Pages of a list of `total` items, at least 1.
int page_count(std::int64_t total, int per_page);
// Are archived modules left out of "All" (the switch, else the default)?
bool archived_hidden(const MyModulesOptions& o);
// Should the "Show archived modules" switch be offered?
bool offers_archived_switch(const MyModulesOptions& o);
// GET /modules/mine with the status filter and page of `o`.
std::string my_modules_path(const MyModulesOptions& o);

void load_modules(App& app);
void load_mine(App& app);
void apply(App& app, ModuleListActions& a);
} // namespace module_lists

} // namespace wte::client
