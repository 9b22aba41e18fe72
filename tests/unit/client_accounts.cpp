// The account screens before sign-in (client-wasm/app/accounts.*): typos are
// answered at once without a request, the server's answers land in the
// forms, and a mailed link signs the user in and leaves the address bar.
#include "app/app.hpp"
#include "client_fake_platform.hpp"

#include <catch2/catch.hpp>

using namespace wte;
using namespace wte::client;
using wte::client::testing::FakePlatform;

namespace {

const char* session_json =
    R"({"user":{"id":9,"email":"nina@school.example","name":"Nina","status":"active",
        "options":{"high_contrast":false}},"permissions":[],"csrf_token":"csrf-9"})";

// An app started at `hash` whose /auth/me answered 401: nobody is signed in.
struct SignedOut {
    FakePlatform browser;
    App app{browser};
    explicit SignedOut(const std::string& hash) {
        browser.hash = hash;
        app.start();
        answer("GET", api::path_me(), 401, R"({"error":{"code":"unauthorized","message":"x"}})");
    }
    void answer(const std::string& method, const std::string& url, int status,
                const std::string& body) {
        const HttpRequest* r = browser.last(method, url);
        REQUIRE(r);
        browser.reply(r->id, status, body);
        app.poll();
    }
    int posts(const std::string& url) const {
        int n = 0;
        for (const auto& r : browser.sent)
            n += r.method == "POST" && r.url == url ? 1 : 0;
        return n;
    }
    void act(void (*what)(Actions&)) {
        Actions a;
        what(a);
        app.apply(a);
    }
};

} // namespace

TEST_CASE("the account screens open without signing in") {
    for (auto [hash, name] : {std::pair{"#/register", "register"},
                              {"#/forgot", "forgot"},
                              {"#/reset/abc-DEF_1", "reset"},
                              {"#/confirm/xyz", "confirm"}}) {
        SignedOut s(hash);
        CHECK(s.app.screen_name() == name);
        CHECK(s.browser.hash == hash);
    }
}

TEST_CASE("registering with two different addresses is refused before any request") {
    SignedOut s("#/register");
    RegisterForm& f = s.app.state.accounts.register_form;
    f.email = "nina@school.example";
    f.email_confirm = "nina@school.exmaple";
    f.name = "Nina";
    s.act([](Actions& a) { a.accounts.register_account = true; });
    CHECK(f.error == "The two email addresses are not the same.");
    CHECK(s.posts(api::path_register()) == 0);
}

TEST_CASE("a registration is sent once and the server's message replaces the form") {
    SignedOut s("#/register");
    RegisterForm& f = s.app.state.accounts.register_form;
    f.email = " Nina@School.example ";
    f.email_confirm = "nina@school.example";
    f.name = "Nina Novák";
    s.act([](Actions& a) { a.accounts.register_account = true; });
    s.act([](Actions& a) { a.accounts.register_account = true; }); // a double click
    REQUIRE(s.posts(api::path_register()) == 1);
    const json body = json::parse(s.browser.last("POST", api::path_register())->body);
    CHECK(body == json{{"email", "Nina@School.example"},
                       {"email_confirm", "nina@school.example"},
                       {"name", "Nina Novák"}});
    s.answer("POST", api::path_register(), 201,
             R"({"status":"sent","message":"We sent a link to nina@school.example."})");
    CHECK(f.sent == "We sent a link to nina@school.example.");
    CHECK_FALSE(f.busy);
    // "Send the link again" asks for the same address.
    s.act([](Actions& a) { a.accounts.resend = true; });
    REQUIRE(s.posts(api::path_resend()) == 1);
    CHECK(json::parse(s.browser.last("POST", api::path_resend())->body)["email"] ==
          "Nina@School.example");
}

TEST_CASE("a mailed link sets the password, signs in and takes the token out of the address") {
    SignedOut s("#/reset/tok-123");
    LinkForm& f = s.app.state.accounts.link;
    f.password = "brand-new-pass";
    f.password_confirm = "brand-new-pas";
    s.act([](Actions& a) { a.accounts.use_link = true; });
    CHECK(f.error == "The two passwords are not the same.");
    CHECK(s.posts(api::path_reset()) == 0);

    f.password_confirm = "brand-new-pass";
    s.act([](Actions& a) { a.accounts.use_link = true; });
    REQUIRE(s.posts(api::path_reset()) == 1);
    CHECK(json::parse(s.browser.last("POST", api::path_reset())->body) ==
          json{{"token", "tok-123"}, {"password", "brand-new-pass"}});
    s.answer("POST", api::path_reset(), 200, session_json);
    CHECK(s.app.state.session.signed_in());
    CHECK(s.app.state.session.current.user.email == "nina@school.example");
    CHECK(s.browser.hash == "#/my");
    CHECK(s.app.state.accounts.link.password.empty()); // not kept in memory
}

TEST_CASE("a used or expired link says so and offers a new one") {
    SignedOut s("#/confirm/old-token");
    LinkForm& f = s.app.state.accounts.link;
    f.password = f.password_confirm = "good-password";
    s.act([](Actions& a) { a.accounts.use_link = true; });
    REQUIRE(s.posts(api::path_confirm()) == 1);
    s.answer(
        "POST", api::path_confirm(), 400,
        R"({"error":{"code":"invalid_token","message":"This link has expired or was used already."}})");
    CHECK(f.expired);
    CHECK(f.error == "This link has expired or was used already.");
    CHECK_FALSE(s.app.state.session.signed_in());
}

TEST_CASE("the forgotten-password form starts with the address typed at sign-in") {
    SignedOut s("#/signin");
    s.app.state.session.signin.email = "max@school.example";
    s.app.navigate(Route{routes::forgot}, false);
    CHECK(s.app.state.accounts.forgot.email == "max@school.example");
    s.act([](Actions& a) { a.accounts.forgot = true; });
    REQUIRE(s.posts(api::path_forgot()) == 1);
    s.answer("POST", api::path_forgot(), 200, R"({"status":"sent","message":"On its way."})");
    CHECK(s.app.state.accounts.forgot.sent == "On its way.");
}
