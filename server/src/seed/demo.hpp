// Demo content and accounts for `make run` (`init-db --demo`): a teacher's
// module with tutorial and exercise parts written in real reStructuredText.
#pragma once

#include "db/stores.hpp"

#include <string>
#include <vector>

namespace wte::seed {

struct DemoAccount {
    std::string email;
    std::string password;
    std::string role; // what to tell the person trying it out
};

std::vector<DemoAccount> seed_demo(db::Stores& store);

} // namespace wte::seed
