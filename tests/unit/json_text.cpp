// The page read's and the module list's JSON is written directly (wte/json_text.hpp); it must say
// exactly what the generic to_json says, for every byte a page may contain.
#include "wte/json_text.hpp"

#include <catch2/catch.hpp>

using namespace wte;

namespace {
json dumped_and_parsed(const PartView& v) {
    // What clients received before: to_json dumped with invalid UTF-8 replaced.
    return json::parse(json(v).dump(-1, ' ', false, json::error_handler_t::replace));
}

PartView sample_view() {
    PartView v;
    v.part = {12,
              PartType::page,
              4,
              "Lists \"&\" <tables>",
              Status::available,
              "Tutorial",
              DisplayMode::three_pane_html,
              "Lists\n=====\n\n* one\t\\two\n",
              3};
    v.children = {};
    v.ancestors = {PartSummary{1, PartType::module, std::nullopt, "Web", Status::available, "",
                               DisplayMode::text_only, 0, "", false},
                   PartSummary{4, PartType::part, 1, "HTML ünd CSS", Status::archived, "Part",
                               DisplayMode::three_pane_html, 2, "First paragraph", true}};
    v.my_role = ModuleRole::student;
    v.can = {true, false, true, false};
    v.access = {true, {"example.org", "schule.de"}};
    v.pending_tasks = true;
    return v;
}
} // namespace

TEST_CASE("a page view written directly parses to what to_json gives") {
    PartView v = sample_view();
    CHECK(json::parse(json_text(v)) == dumped_and_parsed(v));

    v.my_role = ModuleRole::none; // null, as the enum's JSON form says
    v.children = v.ancestors;
    v.ancestors.clear();
    v.part.parent_id.reset();
    v.access = {};
    CHECK(json::parse(json_text(v)) == dumped_and_parsed(v));
}

TEST_CASE("every control character, quote and backslash is escaped in a page's text") {
    PartView v = sample_view();
    std::string all;
    for (int c = 1; c < 0x80; ++c)
        all += static_cast<char>(c);
    v.part.content = all + std::string(1, '\0') + "end";
    const std::string text = json_text(v);
    CHECK(json::parse(text) == dumped_and_parsed(v));
    CHECK(json::parse(text)["content"].get<std::string>() == v.part.content);
}

TEST_CASE("valid UTF-8 passes unchanged and invalid bytes become U+FFFD like the generic writer") {
    PartView v = sample_view();
    v.part.content = "Grüße αβγ ∑ 𝔸 — ok";
    CHECK(json::parse(json_text(v))["content"].get<std::string>() == v.part.content);
    for (const std::string& bad :
         {std::string("\xC3"), std::string("a\xFFz"), std::string("\xE0\x80\x80"),
          std::string("\xED\xA0\x80"), std::string("\xF4\x90\x80\x80"), std::string("\xC0\xAF"),
          std::string("x\xE2\x82"), std::string("\xE2\x82z"), std::string("\xF0\x9F\x98")}) {
        v.part.title = bad;
        INFO("invalid title of " << bad.size() << " bytes, first " << int(bad[0] & 0xFF));
        const json got = json::parse(json_text(v));
        CHECK(got["title"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
        CHECK(got == dumped_and_parsed(v));
    }
}

TEST_CASE("a page of the module list written directly parses to what to_json gives") {
    api::Page<PartSummary> page{sample_view().ancestors, 41, 3, 2};
    page.items[1].summary = "Grüße \"quoted\"\n\xFF";
    const json generic =
        json::parse(api::to_json(page).dump(-1, ' ', false, json::error_handler_t::replace));
    CHECK(json::parse(json_text(page)) == generic);
    CHECK(json_text(page) == generic.dump()); // byte for byte, as clients received it before
    page.items.clear();
    CHECK(json::parse(json_text(page)) ==
          json::parse(api::to_json(page).dump(-1, ' ', false, json::error_handler_t::replace)));
}
