// FEATURES §2, rule by rule: who may view, edit, delete, manage users, enrol.
#include "wte/permissions.hpp"

#include <catch2/catch.hpp>

using namespace wte;

namespace {
Actor user(std::set<std::string> permissions = {}) {
    return Actor{42, std::move(permissions)};
}
NodeFacts node(ModuleRole role, PartType type, std::vector<Status> chain) {
    return NodeFacts{role, type, chain.front(), std::move(chain)};
}
constexpr auto A = Status::available;
constexpr auto U = Status::unavailable;
constexpr auto X = Status::archived;
} // namespace

TEST_CASE("nobody signed out may view, edit or delete anything") {
    Actor anonymous;
    auto n = node(ModuleRole::none, PartType::module, {A});
    CHECK_FALSE(can_view(anonymous, n));
    CHECK_FALSE(can_edit(anonymous, n));
    CHECK_FALSE(can_delete(anonymous, n));
    CHECK_FALSE(can_create_module(anonymous));
}

TEST_CASE("admin.modules.view sees every part, even unavailable ones") {
    CHECK(can_view(user({permission::modules_view}),
                   node(ModuleRole::none, PartType::page, {U, U, U})));
}

TEST_CASE("owners and tutors see every part of their module") {
    CHECK(can_view(user(), node(ModuleRole::owner, PartType::page, {U, U, U})));
    CHECK(can_view(user(), node(ModuleRole::tutor, PartType::page, {A, U, U})));
}

TEST_CASE("a student sees a part only when it and all its ancestors are available") {
    CHECK(can_view(user(), node(ModuleRole::student, PartType::page, {A, A, A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::student, PartType::page, {A, U, A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::student, PartType::page, {A, A, U})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::student, PartType::page, {U, A, A})));
}

TEST_CASE("a student keeps reading an archived module") {
    CHECK(can_view(user(), node(ModuleRole::student, PartType::page, {X, A, A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::student, PartType::page, {X, U, A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::none, PartType::page, {X, A, A})));
}

TEST_CASE("any signed-in user may see an available module's front page, nothing more") {
    CHECK(can_view(user(), node(ModuleRole::none, PartType::module, {A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::none, PartType::part, {A, A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::none, PartType::module, {U})));
}

TEST_CASE("a blocked user can view nothing of the module") {
    CHECK_FALSE(can_view(user(), node(ModuleRole::block, PartType::module, {A})));
    CHECK_FALSE(can_view(user(), node(ModuleRole::block, PartType::page, {A, A, A})));
}

TEST_CASE("edit and delete need the admin permission or ownership") {
    auto n = node(ModuleRole::owner, PartType::page, {A, A});
    CHECK(can_edit(user(), n));
    CHECK(can_delete(user(), n));
    auto tutor = node(ModuleRole::tutor, PartType::page, {A, A});
    CHECK_FALSE(can_edit(user(), tutor));
    CHECK_FALSE(can_delete(user(), tutor));
    auto stranger = node(ModuleRole::none, PartType::page, {A, A});
    CHECK(can_edit(user({permission::modules_edit}), stranger));
    CHECK_FALSE(can_delete(user({permission::modules_edit}), stranger));
    CHECK(can_delete(user({permission::modules_delete}), stranger));
    CHECK_FALSE(can_edit(user({permission::modules_create}), stranger));
}

TEST_CASE("module users are managed by owners and admin.modules.edit") {
    CHECK(can_manage_users(user(), node(ModuleRole::owner, PartType::module, {A})));
    CHECK(can_manage_users(user({permission::modules_edit}),
                           node(ModuleRole::none, PartType::module, {A})));
    CHECK_FALSE(can_manage_users(user(), node(ModuleRole::tutor, PartType::module, {A})));
}

TEST_CASE("the admin permission implies every other") {
    Actor root = user({permission::admin});
    auto n = node(ModuleRole::none, PartType::page, {U, U});
    CHECK(can_view(root, n));
    CHECK(can_edit(root, n));
    CHECK(can_delete(root, n));
    CHECK(can_create_module(root));
}

TEST_CASE("only modules.create may create modules") {
    CHECK(can_create_module(user({permission::modules_create})));
    CHECK_FALSE(can_create_module(user({permission::modules_view})));
}

TEST_CASE("enrolment decisions") {
    EnrolFacts open{ModuleRole::none, A, false, false, false, {}, "s@example.org"};
    CHECK(decide_enrol(user(), open) == EnrolDecision::allowed);
    CHECK(decide_enrol(Actor{}, open) == EnrolDecision::not_signed_in);

    auto blocked = open;
    blocked.role = ModuleRole::block;
    CHECK(decide_enrol(user(), blocked) == EnrolDecision::blocked);

    auto member = open;
    member.role = ModuleRole::student;
    CHECK(decide_enrol(user(), member) == EnrolDecision::already_member);

    auto closed = open;
    closed.module_status = U;
    CHECK(decide_enrol(user(), closed) == EnrolDecision::module_not_open);

    auto pw = open;
    pw.module_has_password = true;
    CHECK(decide_enrol(user(), pw) == EnrolDecision::password_required);
    pw.password_given = true;
    CHECK(decide_enrol(user(), pw) == EnrolDecision::wrong_password);
    pw.password_matches = true;
    CHECK(decide_enrol(user(), pw) == EnrolDecision::allowed);

    auto domains = pw;
    domains.email_domains = {"Uni.Example"};
    CHECK(decide_enrol(user(), domains) == EnrolDecision::email_domain_refused);
    domains.user_email = "s@uni.example";
    CHECK(decide_enrol(user(), domains) == EnrolDecision::allowed); // both hold
    domains.password_matches = false;
    CHECK(decide_enrol(user(), domains) == EnrolDecision::wrong_password); // both must hold
}

TEST_CASE("email domains match exactly and case-insensitively") {
    CHECK(email_in_domains("a@EXAMPLE.org", {"example.org"}));
    CHECK_FALSE(email_in_domains("a@evil-example.org", {"example.org"}));
    CHECK_FALSE(email_in_domains("a@example.org.evil", {"example.org"}));
    CHECK_FALSE(email_in_domains("no-at-sign", {"example.org"}));
    CHECK(email_in_domains("x@anything", {}));
}

TEST_CASE("the default groups bundle the permissions of FEATURES §2") {
    const auto& groups = default_groups();
    REQUIRE(groups.size() == 4);
    CHECK(groups[2].title == "Teacher");
    CHECK(groups[2].permissions == std::vector<std::string>{permission::modules_create});
    CHECK(groups[3].permissions.empty());
}
