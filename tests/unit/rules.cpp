// The business rules of wte/rules.hpp: the tree's shape, archiving, passwords,
// email addresses and the last owner of a module.
#include "wte/rules.hpp"

#include <catch2/catch.hpp>

using namespace wte;

TEST_CASE("the tree is module, then part, then page") {
    CHECK_FALSE(check_placement(std::nullopt, PartType::module));
    CHECK_FALSE(check_placement(PartType::module, PartType::part));
    CHECK_FALSE(check_placement(PartType::part, PartType::page));
}

TEST_CASE("a page directly in a module is refused with a reason") {
    auto why = check_placement(PartType::module, PartType::page);
    REQUIRE(why);
    CHECK(*why == "A page goes inside a part, not directly in a module; create a part first");
}

TEST_CASE("a part inside a part or a page is refused") {
    auto why = check_placement(PartType::part, PartType::part);
    REQUIRE(why);
    CHECK(why->find("directly inside a module") != std::string::npos);
    CHECK(check_placement(PartType::page, PartType::part));
    CHECK(check_placement(PartType::page, PartType::page));
}

TEST_CASE("a module has no parent, parts and pages need one") {
    CHECK(check_placement(PartType::module, PartType::module));
    CHECK(check_placement(PartType::part, PartType::module));
    CHECK(check_placement(std::nullopt, PartType::part));
    CHECK(check_placement(std::nullopt, PartType::page));
}

TEST_CASE("only modules can be archived") {
    CHECK(can_be_archived(PartType::module));
    CHECK_FALSE(can_be_archived(PartType::part));
    CHECK_FALSE(check_archiving(PartType::module));
    CHECK(check_archiving(PartType::page) == "Only modules can be archived; this is a page");
}

TEST_CASE("a password needs at least eight characters") {
    CHECK_FALSE(check_password("12345678"));
    CHECK_FALSE(check_password("correct horse battery staple"));
    auto why = check_password("1234567");
    REQUIRE(why);
    CHECK(why->find("at least 8 characters") != std::string::npos);
    CHECK(check_password(""));
}

TEST_CASE("the demo and everyday email addresses are accepted") {
    for (const char* email : {"admin@example.org", "student1@example.org", "Teacher@Example.ORG",
                              "first.last+tag@mail.example.co.uk"})
        CHECK_FALSE(check_email(email));
}

TEST_CASE("malformed email addresses are refused and the reason says what is wrong") {
    CHECK(check_email("") == "The email address is empty");
    CHECK(check_email("no-at.example.org")->find("needs an '@'") != std::string::npos);
    CHECK(check_email("a@b@example.org")->find("more than one '@'") != std::string::npos);
    CHECK(check_email("@example.org")->find("nothing before") != std::string::npos);
    CHECK(check_email("a b@example.org")->find("spaces") != std::string::npos);
    CHECK(check_email("a@example.org ")->find("spaces") != std::string::npos);
    for (const char* email : {"a@", "a@localhost", "a@.org", "a@example."})
        CHECK(check_email(email)->find("domain like example.org") != std::string::npos);
}

TEST_CASE("the last owner of a module can be neither removed nor demoted") {
    auto removed = check_role_change({ModuleRole::owner, ModuleRole::none, 1});
    REQUIRE(removed);
    CHECK(removed->find("last owner cannot be removed") != std::string::npos);
    auto demoted = check_role_change({ModuleRole::owner, ModuleRole::tutor, 1});
    REQUIRE(demoted);
    CHECK(demoted->find("cannot be made a tutor") != std::string::npos);
}

TEST_CASE("an owner with a co-owner may go, and other members come and go freely") {
    CHECK_FALSE(check_role_change({ModuleRole::owner, ModuleRole::none, 2}));
    CHECK_FALSE(check_role_change({ModuleRole::owner, ModuleRole::student, 3}));
    CHECK_FALSE(check_role_change({ModuleRole::owner, ModuleRole::owner, 1}));
    CHECK_FALSE(check_role_change({ModuleRole::student, ModuleRole::none, 1}));
    CHECK_FALSE(check_role_change({ModuleRole::none, ModuleRole::owner, 0}));
}

TEST_CASE("time reports are positive and at most ten minutes") {
    CHECK_FALSE(check_reported_seconds(1));
    CHECK_FALSE(check_reported_seconds(max_reported_seconds));
    CHECK(check_reported_seconds(0));
    CHECK(check_reported_seconds(-1));
    CHECK(check_reported_seconds(max_reported_seconds + 1));
}

TEST_CASE("skimming means under 20 s a page over at least two visited pages") {
    CHECK_FALSE(is_skimming(0, 0)); // nothing visited: no note, no division by zero
    CHECK_FALSE(is_skimming(1, 2));
    CHECK(is_skimming(2, 39));
    CHECK_FALSE(is_skimming(2, 40));
    CHECK(is_skimming(5, 0));
}

TEST_CASE("a workspace file name is one plain name") {
    CHECK_FALSE(check_workspace_filename("index.html"));
    CHECK_FALSE(check_workspace_filename("café-été.css"));
    CHECK_FALSE(check_workspace_filename(std::string(100, 'a')));
    CHECK(check_workspace_filename(""));
    CHECK(check_workspace_filename(std::string(101, 'a')));
    CHECK(check_workspace_filename("../x"));
    CHECK(check_workspace_filename("a..b"));
    CHECK(check_workspace_filename("dir/x.html"));
    CHECK(check_workspace_filename("dir\\x.html"));
    CHECK(check_workspace_filename(".htaccess"));
    CHECK(check_workspace_filename("a\nb"));
    CHECK(check_workspace_filename(std::string("a\x7f", 2)));
    CHECK(check_workspace_filename(std::string("a\0b", 3)));
    CHECK(check_workspace_filename("caf\xe9.css"));       // Latin-1, not UTF-8
    CHECK(check_workspace_filename("\xc0\xafx.css"));     // overlong '/'
    CHECK(check_workspace_filename("x\xed\xa0\x80.css")); // a surrogate
    CHECK(check_workspace_filename("x\xe2\x82"));         // cut off
    CHECK_FALSE(check_workspace_filename("\xf0\x9f\x98\x80.txt"));
}

TEST_CASE("a person's name must be there, short and on one line") {
    CHECK_FALSE(check_person_name("Zoë Ångström"));
    CHECK(check_person_name("") == "The name is empty");
    CHECK(check_person_name("   ") == "The name is empty");
    CHECK(check_person_name(std::string(201, 'a')));
    CHECK(check_person_name("Eve\r\nBcc: all@example.org"));
}
