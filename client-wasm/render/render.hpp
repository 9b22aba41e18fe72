// The reStructuredText page renderer: the one entry point screens call to
// show a part's content (parsed once per change, laid out once per width,
// only the visible blocks drawn each frame).
#pragma once

#include "app/actions.hpp"
#include "wte/domain.hpp"

#include <string>

namespace wte::render {

struct ContentContext {
    Id part_id = 0;
    const std::string& content;
    const std::string& title; // a leading title equal to this is not repeated
    const std::string& csrf;  // for the quiz answers the reader sends
};

void draw_content(const ContentContext& ctx, client::Actions& actions);

} // namespace wte::render
