// The contract of administration and of notifying members (shared-model):
// JSON round trips the client reads back, and the strict readers of the
// requests that change permissions or send mail.
#include "wte/api_admin.hpp"
#include "wte/api.hpp"

#include <catch2/catch.hpp>

using namespace wte;

TEST_CASE("admin users, modules and re-render jobs survive a JSON round trip") {
    api::AdminUser u{7,
                     "Zoë",
                     "zoe@example.org",
                     true,
                     {{3, "Teacher"}},
                     {"admin.modules.view"},
                     "2026-12-01T09:00:00Z"};
    CHECK(json(u).get<api::AdminUser>() == u);
    CHECK_FALSE(json(u).contains("blocked"));
    api::AdminModule m{1, "Café", Status::archived, {"Ana", "Bo"}, 12, "2026-12-01T09:00:00Z"};
    CHECK(json(m).get<api::AdminModule>() == m);
    CHECK(json(m)["status"] == "archived");
    api::RerenderJob job{4,
                         "done",
                         9,
                         9,
                         {{5, "Broken", "Café", {"line 4: too short"}}},
                         "2026-12-01T09:00:00Z",
                         "2026-12-01T09:00:03Z",
                         std::nullopt};
    CHECK(json(job).get<api::RerenderJob>() == job);
    job.state = "running";
    job.finished_at.reset();
    CHECK(json(job)["finished_at"].is_null());
    CHECK(json(job).get<api::RerenderJob>() == job);
    api::Page<api::AdminUser> page{{u}, 26, 2, 25};
    const json j = api::to_json(page);
    CHECK(j["items"].size() == 1);
    CHECK(j["total"] == 26);
    CHECK(j["per_page"] == 25);
}

TEST_CASE("a permissions change needs both lists and only known permissions") {
    auto c = api::parse_permissions_change(
        json{{"groups", {3, 1, 3}}, {"permissions", {"modules.create", "admin"}}});
    CHECK(c.groups == std::vector<Id>{1, 3});
    CHECK(c.permissions == std::vector<std::string>{"admin", "modules.create"});
    CHECK(api::parse_permissions_change(api::to_json(c)) == c);
    CHECK_THROWS_WITH(
        api::parse_permissions_change(json{{"groups", json::array()}, {"permissions", {"fly"}}}),
        Catch::Contains("'fly'"));
    CHECK_THROWS_AS(api::parse_permissions_change(json{{"groups", json::array()}}), BadInput);
    CHECK_THROWS_AS(api::parse_permissions_change(
                        json{{"groups", {"Teacher"}}, {"permissions", json::array()}}),
                    BadInput);
    CHECK_THROWS_AS(
        api::parse_permissions_change(
            json{{"groups", json::array()}, {"permissions", json::array()}, {"role", "admin"}}),
        BadInput);
}

TEST_CASE("a notice's message is optional text of limited length") {
    CHECK(api::parse_notify(nullptr).message.empty());
    CHECK(api::parse_notify(json::object()).message.empty());
    CHECK(api::parse_notify(json{{"message", "Read it"}}).message == "Read it");
    CHECK_THROWS_AS(api::parse_notify(json{{"message", 3}}), BadInput);
    CHECK_THROWS_AS(api::parse_notify(json{{"message", std::string(5001, 'x')}}), BadInput);
    CHECK_THROWS_AS(api::parse_notify(json{{"text", "hi"}}), BadInput);
}

TEST_CASE("the user list's filter is all, confirmed or unconfirmed") {
    CHECK(api::parse_user_filter("") == api::UserFilter::all);
    CHECK(api::parse_user_filter("unconfirmed") == api::UserFilter::unconfirmed);
    CHECK_FALSE(api::parse_user_filter("blocked"));
    CHECK(api::path_user_permissions(4) == "/api/v1/users/4/permissions");
    CHECK(api::path_part_notify(9) == "/api/v1/parts/9/notify");
}
