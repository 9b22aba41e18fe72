// The contract of module users and statistics (shared-model): JSON round
// trips, strict readers of the teacher's requests, the role a change leads
// to, quartiles as a spreadsheet computes them, and who may see statistics.
#include "wte/api.hpp"
#include "wte/permissions.hpp"
#include "wte/rules.hpp"

#include <catch2/catch.hpp>

using namespace wte;

TEST_CASE("members and statistics survive a JSON round trip") {
    api::Member m{5, "ana@example.org", "Ana Ñúñez", ModuleRole::block};
    CHECK(json(m).get<api::Member>() == m);
    CHECK(json(m)["blocked"] == true);
    CHECK(json(m)["role"] == "block");
    api::PartStats s;
    s.part_id = 4;
    s.type = PartType::module;
    s.title = "Café";
    s.learners = 3;
    s.completed = 1;
    s.in_progress = 1;
    s.not_started = 1;
    s.available_pages = 2;
    s.time = {1, 2, 3, 4.5, 6};
    s.pages = {{8, "Intro", true, 2, 12.5}};
    s.questions = {{8, "q", "one", "Pick one", 1, 0, 1, 1}};
    CHECK(api::parse_part_stats(api::to_json(s)) == s);
    CHECK(
        api::parse_add_member(api::to_json(api::AddMemberRequest{"a@b.org", ModuleRole::tutor})) ==
        api::AddMemberRequest{"a@b.org", ModuleRole::tutor});
    CHECK(api::path_member(4, 9) == "/api/v1/parts/4/users/9");
    CHECK(api::path_stats_csv(4) == "/api/v1/parts/4/stats?format=csv");
}

TEST_CASE("adding a member needs an address and a role a teacher hands out") {
    CHECK(api::parse_add_member({{"email", "  kim@example.org "}, {"role", "student"}}).email ==
          "kim@example.org");
    for (const json& bad :
         {json::array(), json{{"role", "student"}}, json{{"email", "kim@example.org"}},
          json{{"email", "kim"}, {"role", "student"}},
          json{{"email", "kim@example.org"}, {"role", "block"}},
          json{{"email", "kim@example.org"}, {"role", "admin"}},
          json{{"email", "kim@example.org"}, {"role", "student"}, {"x", 1}}})
        CHECK_THROWS_AS(api::parse_add_member(bad), BadInput);
}

TEST_CASE("a member change is a role or blocked, never both — unblocking gives back the role") {
    auto role = api::parse_member_change({{"role", "owner"}});
    CHECK(api::role_after(role, ModuleRole::student) == ModuleRole::owner);
    auto block = api::parse_member_change({{"blocked", true}});
    CHECK(api::role_after(block, ModuleRole::tutor) == ModuleRole::block);
    auto unblock = api::parse_member_change({{"blocked", false}});
    CHECK(api::role_after(unblock, ModuleRole::block) == ModuleRole::student);
    CHECK(api::role_after(unblock, ModuleRole::block, ModuleRole::tutor) == ModuleRole::tutor);
    CHECK(api::role_after(unblock, ModuleRole::tutor) == ModuleRole::tutor);
    for (const json& bad : {json::object(), json{{"role", "tutor"}, {"blocked", true}},
                            json{{"blocked", 1}}, json{{"role", "block"}}, json{{"name", "x"}}})
        CHECK_THROWS_AS(api::parse_member_change(bad), BadInput);
    CHECK(api::parse_member_role_filter("blocked") == ModuleRole::block);
    CHECK_FALSE(api::parse_member_role_filter("admin"));
}

TEST_CASE("quartiles interpolate between ranks, like a spreadsheet's QUARTILE.INC") {
    CHECK(api::quartiles_of({}) == api::Quartiles{});
    CHECK(api::quartiles_of({7}) == api::Quartiles{7, 7, 7, 7, 7});
    CHECK(api::quartiles_of({150, 10, 30}) == api::Quartiles{10, 20, 30, 90, 150});
    CHECK(api::quartiles_of({1, 2, 3, 4}) == api::Quartiles{1, 1.75, 2.5, 3.25, 4});
}

TEST_CASE("owners, tutors and content administrators see statistics — students do not") {
    Actor someone{7, {}};
    Actor viewer{8, {permission::modules_view}};
    NodeFacts f;
    for (auto [role, may] : {std::pair{ModuleRole::owner, true},
                             {ModuleRole::tutor, true},
                             {ModuleRole::student, false},
                             {ModuleRole::block, false},
                             {ModuleRole::none, false}}) {
        f.role = role;
        CHECK(can_view_stats(someone, f) == may);
        CHECK(capabilities(someone, f).stats == may);
        CHECK(can_view_stats(viewer, f));
    }
    CHECK_FALSE(can_view_stats(Actor{}, f));
    f.role = ModuleRole::tutor;
    CHECK_FALSE(can_manage_users(someone, f));
}

TEST_CASE("the last owner can be neither removed, demoted nor blocked") {
    CHECK(check_role_change({ModuleRole::owner, ModuleRole::block, 1}) ==
          "The last owner of the module cannot be blocked; make someone else an owner first");
    CHECK(check_role_change({ModuleRole::owner, ModuleRole::none, 1}));
    CHECK_FALSE(check_role_change({ModuleRole::owner, ModuleRole::block, 2}));
    CHECK_FALSE(check_role_change({ModuleRole::student, ModuleRole::none, 1}));
}
