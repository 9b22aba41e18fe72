// Messages both sides speak (wte/api.hpp): one JSON form each, round trips,
// and clear errors for malformed bodies.
#include "wte/api.hpp"

#include <catch2/catch.hpp>

using namespace wte;

TEST_CASE("a my-modules item is the module's summary with the role beside it") {
    api::MyModule m;
    m.module.id = 3;
    m.module.type = PartType::module;
    m.module.title = "Web Development Basics";
    m.module.summary = "HTML, CSS and a little JavaScript";
    m.module.status = Status::archived;
    m.role = ModuleRole::tutor;
    const json j = m;
    CHECK(j["title"] == "Web Development Basics");
    CHECK(j["role"] == "tutor");
    CHECK(j.get<api::MyModule>() == m);

    api::Page<api::MyModule> page;
    page.items = {m};
    page.total = 1;
    CHECK(api::parse_page<api::MyModule>(api::to_json(page)).items == page.items);

    json unknown_role = j;
    unknown_role["role"] = "emperor";
    CHECK(unknown_role.get<api::MyModule>().role == ModuleRole::none);
}

TEST_CASE("a quiz answer submission round-trips and names what is wrong with a bad one") {
    const api::QuizAnswerSubmission s{"q1", "colours", {"Red", "Blue"}};
    const json j = api::to_json(s);
    CHECK(j == json{{"quiz", "q1"}, {"question", "colours"}, {"answers", {"Red", "Blue"}}});
    CHECK(api::parse_quiz_answer_submission(j) == s);

    auto field_of = [](const json& body) {
        try {
            api::parse_quiz_answer_submission(body);
        } catch (const BadInput& e) {
            return e.field;
        }
        return std::string("accepted");
    };
    CHECK(field_of(json{{"question", "colours"}, {"answers", json::array()}}) == "quiz");
    CHECK(field_of(json{{"quiz", "q1"}, {"answers", json::array()}}) == "question");
    CHECK(field_of(json{{"quiz", "q1"}, {"question", "c"}, {"answers", "Red"}}) == "answers");
    CHECK(field_of(json{{"quiz", "q1"}, {"question", "c"}, {"answers", {1}}}) == "answers");
    CHECK(field_of(json::array()) == "");
}

TEST_CASE("a quiz verdict round-trips and a reply without a verdict is refused") {
    const api::QuizVerdict v{"q1", "colours", true, 2, false};
    CHECK(api::parse_quiz_verdict(api::to_json(v)) == v);
    CHECK_THROWS(api::parse_quiz_verdict(json{{"quiz", "q1"}, {"question", "colours"}}));
}

TEST_CASE("the saved quiz answers list round-trips") {
    api::SavedQuizAnswers saved;
    QuizAnswer a;
    a.quiz = "q1";
    a.question = "colours";
    a.answers = {"Red"};
    a.correct = false;
    a.attempts = 3;
    a.initial_answers = {"Green"};
    saved.items = {a};
    const json j = api::to_json(saved);
    CHECK(j["items"][0]["attempts"] == 3);
    CHECK(api::parse_saved_quiz_answers(j) == saved);
    CHECK_THROWS(api::parse_saved_quiz_answers(json{{"items", 4}}));
}

TEST_CASE("an enrolment sends the password only when there is one") {
    CHECK(api::to_json(api::EnrolRequest{}) == json::object());
    CHECK(api::to_json(api::EnrolRequest{"js-demo"}) == json{{"password", "js-demo"}});
    CHECK(api::parse_enrol(api::to_json(api::EnrolRequest{"js-demo"})).password == "js-demo");
}

TEST_CASE("asset paths are encoded once, in one place") {
    CHECK(api::path_asset_by_name(4, "img/cat photo.png") ==
          "/api/v1/parts/4/assets/by-name/img/cat%20photo.png");
    CHECK(api::path_asset_by_name(4, "./logo.svg") == "/api/v1/parts/4/assets/by-name/logo.svg");
}
