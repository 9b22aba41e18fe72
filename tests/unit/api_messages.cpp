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

TEST_CASE("a part's progress round-trips, with no current page as null") {
    api::PartProgress p;
    p.part_id = 7;
    p.pages = {{8, "Intro", true, 42, {2, 2, 1}}, {9, "Tags", false, 0, {}}};
    p.visited_pages = 1;
    p.available_pages = 2;
    p.seconds = 42;
    p.quiz_questions = 2;
    p.quiz_answered = 2;
    p.quiz_correct = 1;
    json j = api::to_json(p);
    CHECK(j["current_page_id"].is_null());
    CHECK(j["pages"][0] == json{{"page_id", 8},
                                {"title", "Intro"},
                                {"visited", true},
                                {"seconds", 42},
                                {"quiz", {{"questions", 2}, {"answered", 2}, {"correct", 1}}}});
    CHECK(j["pages"][1]["quiz"] == json{{"questions", 0}, {"answered", 0}, {"correct", 0}});
    CHECK(j["quiz_answered"] == 2);
    CHECK(api::parse_part_progress(j) == p);
    p.current_page_id = 8;
    CHECK(api::to_json(p)["current_page_id"] == 8);
    CHECK(api::parse_part_progress(api::to_json(p)) == p);
}

TEST_CASE("a module's progress lists each part") {
    api::ModuleProgress m{3, {{7, 1, 2, 42}, {10, 0, 0, 0}}};
    const json j = api::to_json(m);
    CHECK(j["parts"][1] ==
          json{{"part_id", 10}, {"visited_pages", 0}, {"available_pages", 0}, {"seconds", 0}});
    CHECK(api::parse_module_progress(j) == m);
}

TEST_CASE("a time report takes only a whole, plausible number of seconds") {
    const api::TimeReport r{8, 30};
    CHECK(api::parse_time_report(api::to_json(r)) == r);
    auto field_of = [](const json& body) {
        try {
            api::parse_time_report(body);
        } catch (const BadInput& e) {
            return e.field;
        }
        return std::string("accepted");
    };
    CHECK(field_of(json{{"page_id", 8}, {"seconds", 600}}) == "accepted");
    CHECK(field_of(json{{"page_id", 8}, {"seconds", 601}}) == "seconds");
    CHECK(field_of(json{{"page_id", 8}, {"seconds", 0}}) == "seconds");
    CHECK(field_of(json{{"page_id", 8}, {"seconds", -5}}) == "seconds");
    CHECK(field_of(json{{"page_id", 8}, {"seconds", 1.5}}) == "seconds");
    CHECK(field_of(json{{"page_id", 8}, {"seconds", "30"}}) == "seconds");
    CHECK(field_of(json{{"seconds", 30}}) == "page_id");
    CHECK(field_of(json::array()) == "");
    CHECK(api::parse_time_total(api::to_json(api::TimeTotal{8, 1234})) == api::TimeTotal{8, 1234});
}

TEST_CASE("a workspace listing and a save result round-trip") {
    api::Workspace w;
    w.part_id = 12;
    w.preview_url = "/api/v1/preview/abc/index.html";
    w.files = {{"index.html", "text/html", "\"e1\"", 120, false},
               {"style.css", "text/css", "\"e2\"", 30, true}};
    const json j = api::to_json(w);
    CHECK(j["files"][1]["changed"] == true);
    CHECK(j["files"][0]["filename"] == "index.html");
    CHECK(api::parse_workspace(j) == w);
    const api::FileSaveResult saved{"saved", "e3", true};
    CHECK(api::to_json(saved) == json{{"result", "saved"}, {"etag", "e3"}, {"changed", true}});
    CHECK(api::parse_file_save_result(api::to_json(saved)) == saved);
}

TEST_CASE("a reset names one file or none, and a bad name is refused") {
    CHECK(api::parse_file_reset(json::object()) == api::FileResetRequest{});
    CHECK(api::parse_file_reset(nullptr) == api::FileResetRequest{});
    const api::FileResetRequest one{"index.html"};
    CHECK(api::parse_file_reset(api::to_json(one)) == one);
    CHECK_THROWS_AS(api::parse_file_reset(json{{"filename", "../x"}}), BadInput);
    CHECK_THROWS_AS(api::parse_file_reset(json{{"filename", 3}}), BadInput);
}

TEST_CASE("workspace paths encode the file name as one segment") {
    CHECK(api::path_progress(7) == "/api/v1/parts/7/progress");
    CHECK(api::path_progress_time(7) == "/api/v1/parts/7/progress/time");
    CHECK(api::path_workspace(7) == "/api/v1/parts/7/workspace");
    CHECK(api::path_workspace_file(7, "my page.html") == "/api/v1/parts/7/files/my%20page.html");
    CHECK(api::path_workspace_reset(7) == "/api/v1/parts/7/files/reset");
    CHECK(api::path_workspace_zip(7) == "/api/v1/parts/7/files.zip");
    CHECK(api::path_part_offline(7) == "/api/v1/parts/7/offline.zip");
}
