// The JSON form of every domain type survives a round trip, and readers
// refuse wrong types and unknown enum values instead of guessing.
#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <catch2/catch.hpp>

using namespace wte;

template <typename T> T round_trip(const T& v) {
    return json(v).template get<T>();
}

TEST_CASE("every domain type survives a JSON round trip") {
    User u{7, "ana@example.org", "Ana Ñúñez", UserStatus::active, {true}};
    CHECK(round_trip(u) == u);
    Group g{2, "Teacher", {"modules.create"}};
    CHECK(round_trip(g) == g);
    Part p{12,
           PartType::page,
           4,
           "Lists",
           Status::available,
           "Tutorial",
           DisplayMode::three_pane_html,
           "Lists\n=====\n",
           3};
    CHECK(round_trip(p) == p);
    PartSummary s{5,          PartType::part,         1, "HTML",    Status::unavailable,
                  "Exercise", DisplayMode::text_only, 2, "Summary", true};
    CHECK(round_trip(s) == s);
    PartView v{p, {s}, {s}, ModuleRole::tutor, {true, false, true}, {true, {"uni.example"}}, true};
    CHECK(round_trip(v) == v);
    Asset a{3, 12, "logo.png", "image/png", AssetKind::template_file, 1, 2048, "abc"};
    CHECK(round_trip(a) == a);
    Progress pr{12, 14, {{14, 65}, {15, 3}}, {"index.html"}};
    CHECK(round_trip(pr) == pr);
    Quiz q{"q1", "Check", {{"a", "Which?", QuestionType::multi_choice, {"x", "y"}, {"y"}}}};
    CHECK(round_trip(q) == q);
    QuizAnswer qa{"q1", "a", {"y"}, true, 2, {"x"}, false};
    CHECK(round_trip(qa) == qa);
    TimedTask t{9,
                12,
                "change_status",
                "Lists",
                "2026-12-01T09:00:00Z",
                {{"target_status", "available"}},
                TaskStatus::failed,
                "Part 12 does not exist",
                "2026-12-01T09:00:30Z"};
    CHECK(round_trip(t) == t);
}

TEST_CASE("the account's theme choice survives a JSON round trip beside high contrast") {
    for (ThemeChoice t : {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark}) {
        UserOptions o{true, t};
        CHECK(round_trip(o) == o);
        api::ProfileChange c;
        c.theme = t;
        CHECK(api::parse_profile_change(api::to_json(c)) == c);
    }
    CHECK(json(UserOptions{}) == json({{"high_contrast", false}, {"theme", "system"}}));
    // Stored before themes existed: the browser's choice.
    CHECK(json({{"high_contrast", true}}).get<UserOptions>().theme == ThemeChoice::system);
    CHECK_THROWS_AS(json({{"theme", "sepia"}}).get<UserOptions>(), BadInput);
    CHECK_THROWS_AS(api::parse_profile_change({{"theme", "Dark"}}), BadInput);
    CHECK_THROWS_AS(api::parse_profile_change({{"theme", true}}), BadInput);
}

TEST_CASE("a module role of none is written as null and read back") {
    PartView v;
    json j = v;
    CHECK(j["my_role"].is_null());
    CHECK(j.get<PartView>().my_role == ModuleRole::none);
}

TEST_CASE("the learner's quiz never contains the correct answers") {
    Quiz q{"q1", "Check", {{"a", "Which?", QuestionType::single_choice, {"x", "y"}, {"y"}}}};
    json j = to_learner_json(q);
    CHECK_FALSE(j["questions"][0].contains("correct"));
    CHECK(j["questions"][0]["answers"] == json({"x", "y"}));
}

TEST_CASE("readers refuse wrong types and unknown values with the field named") {
    CHECK_THROWS_AS(json({{"id", "seven"}}).get<User>(), BadInput);
    try {
        json({{"status", "deleted"}}).get<Part>();
        FAIL("no exception");
    } catch (const BadInput& e) {
        CHECK(e.field == "status");
        CHECK(std::string(e.what()).find("deleted") != std::string::npos);
    }
}

TEST_CASE("create-part requests are validated") {
    CHECK_NOTHROW(api::parse_create_part({{"type", "module"}, {"title", "M"}}));
    CHECK_THROWS_AS(api::parse_create_part({{"type", "page"}, {"title", "P"}}), BadInput);
    CHECK_THROWS_AS(api::parse_create_part({{"type", "module"}, {"title", "M"}, {"parent_id", 3}}),
                    BadInput);
    CHECK_THROWS_AS(api::parse_create_part({{"type", "module"}, {"title", ""}}), BadInput);
    CHECK_THROWS_AS(api::parse_create_part({{"type", "module"}, {"title", std::string(300, 'x')}}),
                    BadInput);
    CHECK_THROWS_AS(api::parse_create_part(json::array()), BadInput);
    CHECK_THROWS_AS(
        api::parse_create_part(
            {{"type", "part"}, {"parent_id", 1}, {"title", "P"}, {"status", "archived"}}),
        BadInput);
}

TEST_CASE("patch requests change only what they name and refuse unknown fields") {
    auto r = api::parse_patch_part({{"content", "x"}});
    CHECK(r.content == "x");
    CHECK_FALSE(r.status.has_value());
    CHECK_THROWS_AS(api::parse_patch_part({{"module_id", 3}}), BadInput);
    CHECK_THROWS_AS(api::parse_patch_part(json::object()), BadInput);
    CHECK_THROWS_AS(api::parse_patch_part({{"children_order", {1, "2"}}}), BadInput);
}

TEST_CASE("an error body from the server is read tolerantly") {
    auto e = api::error_from_json(
        {{"error", {{"code", "not_found"}, {"message", "Part 12 does not exist"}}}});
    CHECK(e.code == "not_found");
    CHECK(e.message == "Part 12 does not exist");
    auto garbage = api::error_from_json("<html>");
    CHECK_FALSE(garbage.message.empty());
}
