// The page renderer natively with Dear ImGui's core (no GL): two instances
// side by side keep their own pages, needs and readers' answers, as the
// teacher's live preview beside the page will need.
#include "app/app.hpp"
#include "client_fake_platform.hpp"
#include "render/page_renderer.hpp"
#include "ui/theme.hpp"

#include "headless_ui.hpp"
#include <catch2/catch.hpp>

#include <imgui.h>

#include <fstream>
#include <iterator>

using namespace wte;

namespace {

// One ImGui frame with a window to draw into.
struct Frame {
    Frame() {
        client::testing::start_headless_ui(ImVec2(1280, 800));
        ImGui::NewFrame();
        ImGui::SetNextWindowSize(ImVec2(900, 800));
        ImGui::Begin("page");
    }
    ~Frame() {
        ImGui::End();
        ImGui::Render();
        ImGui::DestroyContext();
    }
};

const char* quiz_page = R"(Colours
=======

See :crossref:`42` first.

.. quiz:: colours
   :title: Colours

   .. quiz-question:: sky
      :question: What colour is the sky?
      :type: single-choice

      [ ] Green
      [ ] Blue
)";

const char* other_page = R"(Shapes
======

.. quiz:: shapes
   :title: Shapes

   .. quiz-question:: sides
      :question: How many sides has a triangle?
      :type: single-choice

      [ ] Three
      [ ] Four

An image:

.. image:: triangle.png
)";

} // namespace

TEST_CASE("two page renderers live side by side without sharing state") {
    Frame frame;
    render::PageRenderer page, preview;
    page.draw(1, quiz_page, "Colours");
    preview.draw(2, other_page, "Shapes");

    const render::RendererNeeds a = page.take_needs();
    const render::RendererNeeds b = preview.take_needs();
    CHECK(a.saved_answers == Id(1));
    CHECK(a.crossref_titles == std::vector<Id>{42});
    CHECK(a.images.empty());
    CHECK(b.saved_answers == Id(2));
    CHECK(b.crossref_titles.empty());
    CHECK(b.images == std::vector<std::string>{"/api/v1/parts/2/assets/by-name/triangle.png"});
    CHECK(page.take_needs().empty()); // asked once, not on every frame

    QuizAnswer saved;
    saved.quiz = "colours";
    saved.question = "sky";
    saved.answers = {"Blue"};
    page.set_saved_answers(1, {saved});
    preview.set_saved_answers(1, {saved}); // not its part: ignored
    CHECK(page.chosen("colours", "sky") == std::vector<int>{1});
    CHECK(preview.chosen("colours", "sky").empty());

    page.verdict_failed(1, "colours", "sky", "Your answer could not be checked: offline");
    page.draw(1, quiz_page, "Colours");
    preview.draw(2, other_page, "Shapes");
    CHECK(page.layout_ms() >= 0);
    CHECK(page.part_id() == 1);
    CHECK(preview.part_id() == 2);
}

TEST_CASE("what a page needs goes through the one queue and the one cache of parts") {
    Frame frame;
    client::testing::FakePlatform browser;
    client::App app(browser);
    browser.hash = "#/parts/1";
    app.start();
    browser.reply(browser.last("GET", api::path_me())->id, 200,
                  R"({"user":{"id":5,"email":"s@example.org","name":"S","status":"active"},)"
                  R"("permissions":[],"csrf_token":"c"})");
    app.poll();

    app.state.content.page.draw(1, quiz_page, "Colours");
    client::Actions none;
    app.apply(none);
    const client::HttpRequest* saved = browser.last("GET", api::path_quiz_answers(1));
    REQUIRE(saved);
    const client::HttpRequest* link = browser.last("GET", api::path_part(42));
    REQUIRE(link);

    PartView target;
    target.part.id = 42;
    target.part.title = "Mixing paint";
    browser.reply(link->id, 200, json(target).dump());
    browser.reply(
        saved->id, 200,
        api::to_json(api::SavedQuizAnswers{{{"colours", "sky", {"Blue"}, true, 1, {}, false}}})
            .dump());
    app.poll();
    REQUIRE(app.state.parts.find(42)); // the link's part is now cached for a click on it
    CHECK(app.state.content.page.chosen("colours", "sky") == std::vector<int>{1});
}

namespace {

// Frames of one window holding the page, with the pointer at `mouse`.
struct Reader {
    client::App& app;
    ImVec2 origin;
    Reader(client::App& a) : app(a) { client::testing::start_headless_ui(ImVec2(1280, 800)); }
    ~Reader() { ImGui::DestroyContext(); }
    void frame(Id part, const char* content, ImVec2 mouse = {-1, -1}, bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(900, 800));
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
        origin = ImGui::GetCursorScreenPos();
        app.state.content.page.draw(part, content, "Video");
        ImGui::End();
        ImGui::Render();
        client::Actions none;
        app.apply(none);
    }
    void click(Id part, const char* content, ImVec2 at) {
        frame(part, content, at, false);
        frame(part, content, at, true);
        frame(part, content, at, false);
    }
};

const char* video_page = R"(Video
=====

.. youtube:: https://www.youtube.com/watch?v=dQw4w9WgXcQ
)";

} // namespace

TEST_CASE("a YouTube card plays in place in a frame that goes away with the page") {
    client::testing::FakePlatform browser;
    client::App app(browser);
    Reader reader(app);
    reader.frame(1, video_page);
    CHECK(browser.overlays.empty()); // nothing plays before a click
    reader.click(1, video_page, ImVec2(reader.origin.x + 40, reader.origin.y + 30));
    reader.frame(1, video_page);

    REQUIRE(browser.overlays.size() == 1);
    const auto& player = browser.overlays.begin()->second;
    CHECK(player.spec.src == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    CHECK(player.spec.sandbox.find("allow-scripts") != std::string::npos);
    CHECK(player.visible);
    CHECK(player.rect.x == Approx(reader.origin.x));
    CHECK(player.rect.w / player.rect.h == Approx(16.0 / 9.0));
    CHECK(browser.opened.empty()); // played here, no new tab

    reader.frame(2, other_page); // another page: the player is gone
    CHECK(browser.overlays.empty());
}
