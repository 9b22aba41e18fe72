// json_nesting_depth: how untrusted JSON is measured before it is parsed.
#include "wte/text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace wte;

TEST_CASE("the nesting depth of JSON text counts arrays and objects, not brackets in strings") {
    CHECK(json_nesting_depth("1") == 0);
    CHECK(json_nesting_depth("[]") == 1);
    CHECK(json_nesting_depth(R"({"a": [1, {"b": []}], "c": {}})") == 4);
    CHECK(json_nesting_depth(R"({"a": "[[[{{{", "b": "\"[[["})") == 1);
    CHECK(json_nesting_depth(std::string(100000, '[')) == 100000);
}
