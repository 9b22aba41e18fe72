// Profile, administration and "Notify members" natively, drawn headless
// (client-wasm/app/profile, app/admin, screens/profile.cpp, screens/admin.cpp):
// what each form sends, the answers shown in place, the high contrast saved
// in the account, and every administration control only with its permission.
#include "client_headless.hpp"

using namespace wte;
using namespace wte::client;
using wte::client::testing::Headless;

namespace {

std::string session_with(const std::string& permissions) {
    return R"({"user":{"id":3,"email":"ana@example.org","name":"Ana Admin","status":"active",
        "options":{"high_contrast":false}},"permissions":)" +
           permissions + R"(,"csrf_token":"csrf-3"})";
}

const char* me_json =
    R"({"id":3,"email":"ana@example.org","name":"Ana Admin","status":"active","options":{"high_contrast":false}})";

api::Page<api::AdminUser> some_users() {
    api::Page<api::AdminUser> p;
    p.items = {{3, "Ana Admin", "ana@example.org", true, {{1, "Administrators"}}, {}, "2026-11-01"},
               {8, "Nico New", "new@example.org", false, {}, {}, "2026-12-01"},
               {9, "Tess Teacher", "tess@example.org", true, {}, {"modules.create"}, "2026-11-20"}};
    p.total = 27;
    p.page = 1;
    p.per_page = api::admin_page_size;

    return p;
}

api::GroupCatalogue catalogue() {
    return {{{1, "Administrators", {"admin"}}, {2, "Teachers", {"modules.create"}}},
            all_permissions()};
}

const std::string users_url = api::path_users() + "?page=1";

} // namespace

TEST_CASE("the profile saves each part on its own and high contrast goes into the account") {
    Headless t("#/profile", session_with("[]"));
    REQUIRE(t.app.screen_name() == "profile");
    t.answer("GET", api::path_user(3), 200, me_json);
    t.frames(2);
    CHECK(t.browser.title == "Your profile — WTE");
    CHECK(t.widget("Save name", "button"));
    CHECK(t.widget("Change password", "button"));

    // A new name: only the name is sent; the top bar follows.
    t.app.state.profile.name = "Ana Álvarez";
    t.click("Save name", "button");
    const json sent = t.body_of("PATCH", api::path_user(3));
    CHECK(sent == json{{"name", "Ana Álvarez"}});
    t.answer(
        "PATCH", api::path_user(3), 200,
        R"({"user":{"id":3,"email":"ana@example.org","name":"Ana Álvarez","status":"active","options":{"high_contrast":false}}})");
    t.frames(2);
    CHECK(t.shows("Your name is saved."));
    CHECK(t.app.state.session.current.user.name == "Ana Álvarez");

    // The new password twice, differently: refused before anything is sent.
    t.app.state.profile.current_password = "old-secret-1";
    t.app.state.profile.new_password = "new-secret-22";
    t.app.state.profile.repeat_password = "new-secret-23";
    const int patches = t.sent("PATCH", api::path_user(3));
    t.click("Change password", "button");
    t.frames(2);
    CHECK(t.sent("PATCH", api::path_user(3)) == patches);
    CHECK(t.shows("The new password and its repetition differ."));
    // The server's refusal of a wrong current password is shown in place.
    t.app.state.profile.repeat_password = "new-secret-22";
    t.click("Change password", "button");
    CHECK(t.body_of("PATCH", api::path_user(3)) ==
          json{{"current_password", "old-secret-1"}, {"new_password", "new-secret-22"}});
    t.answer(
        "PATCH", api::path_user(3), 400,
        R"({"error":{"code":"wrong_password","message":"The current password is not correct"}})");
    t.frames(2);
    CHECK(t.shows("The current password is not correct"));

    // High contrast: on at once, and saved in the account.
    t.click("Use high contrast colours", "checkbox");
    CHECK(t.app.state.high_contrast);
    CHECK(t.body_of("PATCH", api::path_user(3)) == json{{"high_contrast", true}});
}

TEST_CASE("deleting one's account asks for the password and shows why it is refused") {
    Headless t("#/profile", session_with("[]"));
    t.answer("GET", api::path_user(3), 200, me_json);
    t.click("Delete my account…", "button");
    CHECK(t.widget("Keep my account", "button"));
    t.click("Delete for good", "button");
    t.frames(2);
    CHECK(t.shows("Type your password to delete your account."));
    CHECK(t.sent("DELETE", api::path_user(3)) == 0);
    t.app.state.profile.delete_password = "secret-1";
    t.click("Delete for good", "button");
    CHECK(t.body_of("DELETE", api::path_user(3)) == json{{"password", "secret-1"}});
    t.answer(
        "DELETE", api::path_user(3), 409,
        R"({"error":{"code":"sole_owner","message":"The account is the only owner of “CSS”."}})");
    t.frames(2);
    CHECK(t.shows("The account is the only owner of “CSS”."));
    CHECK(t.app.state.session.signed_in());
    // Accepted: signed out, with a word on the sign-in screen.
    t.click("Delete for good", "button");
    t.answer("DELETE", api::path_user(3), 200, R"({"status":"deleted"})");
    t.frames(2);
    CHECK(t.app.screen_name() == "signin");
    CHECK(t.shows("Your account is deleted. Goodbye!"));
}

TEST_CASE("an administrator lists users, confirms one, sends a reset and sets permissions") {
    Headless t("#/admin/users", session_with(R"(["admin"])"));
    REQUIRE(t.app.screen_name() == "admin-users");
    CHECK(t.sent("GET", api::path_admin_groups()) == 1);
    t.answer("GET", users_url, 200, api::to_json(some_users()).dump());
    t.answer("GET", api::path_admin_groups(), 200,
             json{{"groups", catalogue().groups}, {"permissions", catalogue().permissions}}.dump());
    t.frames(2);
    CHECK(t.widget("Administration", "tab"));
    CHECK(t.widget("Users", "tab"));
    CHECK(t.widget("Re-render", "tab"));
    CHECK(t.shows("27 users"));
    CHECK(t.shows("Not confirmed"));
    CHECK(t.count("Confirm", "button") == 1); // only the unconfirmed one
    CHECK(t.count("Send reset link", "button") == 3);
    CHECK(t.count("Delete", "button") == 3);
    CHECK(t.shows("Page 1 of 2"));

    // Search and filter reload from page 1.
    t.app.state.admin.users.query = "tess ";
    t.click("Not confirmed", "radio");
    CHECK(t.sent("GET", api::path_users() + "?page=1&q=tess&filter=unconfirmed") == 1);
    t.answer("GET", api::path_users() + "?page=1&q=tess&filter=unconfirmed", 200,
             api::to_json(some_users()).dump());

    t.click("Confirm", "button");
    CHECK(t.body_of("PATCH", api::path_user(8)) == json{{"confirmed", true}});
    t.answer("PATCH", api::path_user(8), 200, R"({"user":{"id":8}})");
    t.frames(2);
    CHECK(t.shows("Nico New is confirmed."));

    t.click("Send reset link", "button", 1);
    CHECK(t.sent("POST", api::path_user_password_reset(8)) == 1);
    t.answer("POST", api::path_user_password_reset(8), 202, R"({"queued":true})");
    t.frames(2);
    CHECK(t.shows("A link to choose a new password is on its way to new@example.org."));

    // Tess gets the Teachers group; her own permission stays.
    t.answer("GET", api::path_users() + "?page=1&q=tess&filter=unconfirmed", 200,
             api::to_json(some_users()).dump());
    t.click("Permissions", "button", 2);
    t.frames(1);
    CHECK(t.widget("Save permissions", "button"));
    // Permissions in words, her own one on.
    REQUIRE(t.widget("Create modules", "checkbox"));
    CHECK(t.widget("Create modules", "checkbox")->at("checked") == true);
    CHECK(t.widget("See every user", "checkbox")->at("checked") == false);
    t.click("Teachers", "checkbox");
    t.click("Save permissions", "button");
    CHECK(t.body_of("PUT", api::path_user_permissions(9)) ==
          json{{"groups", {2}}, {"permissions", {"modules.create"}}});
    t.answer("PUT", api::path_user_permissions(9), 400,
             R"({"error":{"code":"bad_request","message":"There is no group 2"}})");
    t.frames(2);
    CHECK(t.shows("There is no group 2"));
}

TEST_CASE("administration shows only what each permission allows") {
    SECTION("users.view alone: the list without a button that changes anything") {
        Headless t("#/admin/users", session_with(R"(["admin.users.view"])"));
        CHECK(t.sent("GET", api::path_admin_groups()) == 0);
        t.answer("GET", users_url, 200, api::to_json(some_users()).dump());
        t.frames(2);
        CHECK(t.shows("Ana Admin"));
        CHECK(t.count("Confirm", "button") == 0);
        CHECK(t.count("Send reset link", "button") == 0);
        CHECK(t.count("Permissions", "button") == 0);
        CHECK(t.count("Delete", "button") == 0);
        CHECK(t.widget("Users", "tab"));
        CHECK(!t.widget("All modules", "tab"));
        CHECK(!t.widget("Re-render", "tab"));
    }
    SECTION("users.edit without delete") {
        Headless t("#/admin/users", session_with(R"(["admin.users.view","admin.users.edit"])"));
        t.answer("GET", users_url, 200, api::to_json(some_users()).dump());
        t.frames(2);
        CHECK(t.count("Send reset link", "button") == 3);
        CHECK(t.count("Delete", "button") == 0);
    }
    SECTION("no administration permission: no tab in the top bar") {
        Headless t("#/modules", session_with(R"(["modules.create"])"));
        t.frames(2);
        CHECK(!t.widget("Administration", "tab"));
    }
}

TEST_CASE("every module, filtered by status, each leading to its screen") {
    Headless t("#/admin/modules", session_with(R"(["admin"])"));
    api::Page<api::AdminModule> mods;
    mods.items = {{4, "CSS Basics", Status::archived, {"Tess Teacher"}, 12, "2026-11-30"}};
    mods.total = 1;

    t.answer("GET", api::path_admin_modules() + "?page=1", 200, api::to_json(mods).dump());
    t.frames(2);
    CHECK(t.shows("1 module"));
    CHECK(t.shows("Owned by Tess Teacher · 12 members"));
    t.click("Archived", "radio");
    CHECK(t.sent("GET", api::path_admin_modules() + "?page=1&status=archived") == 1);
    t.answer("GET", api::path_admin_modules() + "?page=1&status=archived", 200,
             api::to_json(mods).dump());
    t.click("CSS Basics", "link");
    CHECK(t.app.state.route == route_part(4));
}

TEST_CASE("the re-render job is started, polled each second while it runs, its problems listed") {
    Headless r("#/admin/rerender", session_with(R"(["admin"])"));
    r.answer("GET", api::path_admin_rerender(), 200, R"({"job":null})");
    r.frames(2);
    CHECK(r.shows("Content was never re-rendered here."));
    r.click("Re-render all content", "button");
    r.answer(
        "POST", api::path_admin_rerender(), 202,
        R"({"job":{"id":1,"state":"running","done":0,"total":40,"problems":[],"started_at":"2026-12-03T09:00:00Z"}})");
    r.answer(
        "GET", api::path_admin_rerender(), 200,
        R"({"job":{"id":1,"state":"running","done":10,"total":40,"problems":[],"started_at":"2026-12-03T09:00:00Z"}})");
    r.frames(2);
    CHECK(r.widget("Re-render all content", "button")->at("enabled") == false);
    const json* bar = r.widget("10 of 40 pages and parts", "progress");
    REQUIRE(bar);
    CHECK((*bar)["value"] == 10);
    // A second later the job is asked again.
    const int asked = r.sent("GET", api::path_admin_rerender());
    r.browser.now += 1.5;
    r.frames(2);
    CHECK(r.sent("GET", api::path_admin_rerender()) == asked + 1);
    r.answer(
        "GET", api::path_admin_rerender(), 200,
        R"({"job":{"id":1,"state":"done","done":40,"total":40,"started_at":"2026-12-03T09:00:00Z","finished_at":"2026-12-03T09:01:10Z",
                 "problems":[{"part_id":12,"title":"Tables","module_title":"HTML","messages":["line 3: Unknown directive type \"tabel\"."]}]}})");
    r.frames(2);
    CHECK(r.shows("1 page has problems"));
    CHECK(r.shows("line 3: Unknown directive type \"tabel\"."));
    r.browser.now += 5;
    r.frames(2);
    CHECK(r.sent("GET", api::path_admin_rerender()) == asked + 1); // done: no more polling
    r.click("Tables — HTML", "link");
    CHECK(r.app.state.route == route_part_edit(12));
}

TEST_CASE("a teacher notifies the members of a part with a message") {
    Headless t("#/parts/4", session_with(R"(["modules.create"])"));
    PartView v;
    v.part.id = 4;
    v.part.type = PartType::part;
    v.part.title = "HTML Structure";
    v.part.status = Status::available;
    v.my_role = ModuleRole::owner;
    v.can = {true, true, true, true};
    t.answer("GET", api::path_part(4), 200, json(v).dump());
    t.frames(2);
    t.click("Notify members…", "button");
    CHECK(t.shows("Every member of the module gets a mail with a link to “HTML Structure”."));
    t.app.state.notify.message = "  The exercises are open.  ";
    t.click("Send mail", "button");
    CHECK(t.body_of("POST", api::path_part_notify(4)) ==
          json{{"message", "The exercises are open."}});
    t.answer("POST", api::path_part_notify(4), 202, R"({"queued":3})");
    t.frames(2);
    CHECK(t.shows("A mail is on its way to each of the 3 members."));
    CHECK(t.app.state.notify.message.empty());
    // Too soon again: the server's words.
    t.click("Send mail", "button");
    t.answer(
        "POST", api::path_part_notify(4), 429,
        R"({"error":{"code":"too_many_requests","message":"The members were notified a moment ago. Try again in 9 minutes."}})");
    t.frames(2);
    CHECK(t.shows("The members were notified a moment ago. Try again in 9 minutes."));
}
