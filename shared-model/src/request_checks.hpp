// The strict readers' two first checks, shared by the API contract's files
// (private to shared-model): a body is an object, and holds only known fields.
#pragma once

#include "wte/api.hpp"

#include <algorithm>
#include <initializer_list>

namespace wte::api::checks {

inline const json& require_object(const json& j) {
    if (!j.is_object()) throw BadInput("", "The request body must be a JSON object");
    return j;
}

inline void only_fields(const json& j, std::initializer_list<const char*> known) {
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; }))
            throw BadInput(it.key(), "Field '" + it.key() + "' is not known here");
}

} // namespace wte::api::checks
