// Feature: the public module list (#/modules) and "My modules" (#/my).
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <vector>

namespace wte::client {

class App;

struct ModuleLists {
    Remote<api::Page<PartSummary>> modules;
    Remote<std::vector<api::MyModule>> mine;
};

namespace module_lists {
void load_modules(App& app);
void load_mine(App& app);
} // namespace module_lists

} // namespace wte::client
