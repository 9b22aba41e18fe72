// The offline copy as files: names, reading order, links between the pages
// and to the assets, and what a reader never gets (drafts are left out by the
// caller; here: solutions, scripts, links into nowhere).
#include "content/offline_site.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace wte;
using wte::content::OfflineNode;

namespace {

OfflineNode node(Id id, PartType type, const std::string& title, const std::string& content,
                 std::vector<OfflineNode> children = {}) {
    OfflineNode n;
    n.part.id = id;
    n.part.type = type;
    n.part.title = title;
    n.part.content = content;
    n.chain = {1, id};
    n.children = std::move(children);
    return n;
}

std::map<std::string, std::string> files_of(const content::OfflineSite& site) {
    std::map<std::string, std::string> files;
    for (const auto& f : site.files)
        files[f.path] = f.text;
    return files;
}

bool has(const std::string& text, const std::string& piece) {
    return text.find(piece) != std::string::npos;
}

content::OfflineOptions options() {
    content::OfflineOptions o;
    o.find_asset = [](const std::vector<Id>& chain, const std::string& name) {
        std::optional<Asset> a;
        if (name == "missing.pdf") return a;
        a = Asset{};
        a->id = chain.back() * 100 + static_cast<Id>(name.size());
        a->filename = name;
        return a;
    };
    o.outside_url = [](const std::string& id) { return "https://wte.example/#/parts/" + id; };
    return o;
}

OfflineNode module() {
    return node(
        1, PartType::module, "Web & More", "Intro text.\n",
        {node(2, PartType::part, "First Part", "",
              {node(3, PartType::page, "Hello, World!", "See :crossref:`4` and :crossref:`9`.\n"),
               node(4, PartType::page, "Über uns", "Back to :crossref:`the part <2>`.\n")}),
         node(5, PartType::page, "Pictures", ".. image:: café.png\n\n:asset:`missing.pdf`\n")});
}

} // namespace

TEST_CASE("a slug keeps ASCII letters and digits, one dash between words") {
    CHECK(content::slug("Lists & Nesting") == "lists-nesting");
    CHECK(content::slug("  Über uns 2 ") == "ber-uns-2");
    CHECK(content::slug("日本語").empty());
    CHECK(content::slug(std::string(100, 'a')).size() == 40);
}

TEST_CASE("the offline copy has an index, a stylesheet and one numbered file per page") {
    auto files = files_of(content::build_offline_site(module(), options()));
    CHECK(files.count("index.html") == 1);
    CHECK(files.count("style.css") == 1);
    CHECK(files.count("pages/001-hello-world.html") == 1);
    CHECK(files.count("pages/002-ber-uns.html") == 1);
    CHECK(files.count("pages/003-pictures.html") == 1);
    CHECK(files.size() == 5);
    const std::string& index = files["index.html"];
    CHECK(has(index, "<h1 class=\"title\">Web &amp; More</h1>"));
    CHECK(has(index, "<p>Intro text.</p>"));
    CHECK(has(index, "<li class=\"part\" id=\"part-2\">"));
    CHECK(has(index, "<a href=\"pages/002-ber-uns.html\">Über uns</a>"));
}

TEST_CASE("offline pages link to each other, to the index and outside only for parts not in it") {
    auto files = files_of(content::build_offline_site(module(), options()));
    const std::string& hello = files["pages/001-hello-world.html"];
    CHECK(has(hello, "href=\"../pages/002-ber-uns.html\">Über uns</a>"));
    CHECK(has(hello, "href=\"https://wte.example/#/parts/9\">Part 9</a>"));
    CHECK(has(hello, "<link rel=\"stylesheet\" href=\"../style.css\">"));
    CHECK_FALSE(has(hello, "rel=\"prev\""));
    CHECK(has(hello, "rel=\"next\" href=\"../pages/002-ber-uns.html\""));
    const std::string& uber = files["pages/002-ber-uns.html"];
    CHECK(has(uber, "href=\"../index.html#part-2\">the part</a>"));
    CHECK(has(uber, "<a href=\"../index.html#part-2\">First Part</a>")); // breadcrumb
    CHECK_FALSE(has(files["pages/003-pictures.html"], "rel=\"next\""));
}

TEST_CASE("offline assets get safe unique names and pages without them no broken file links") {
    auto site = content::build_offline_site(module(), options());
    REQUIRE(site.assets.size() == 1);
    CHECK(site.assets[0].path == "assets/caf__.png");
    CHECK(site.assets[0].id == 509);
    auto files = files_of(site);
    CHECK(has(files["pages/003-pictures.html"], "src=\"../assets/caf__.png\""));
    CHECK(has(files["pages/003-pictures.html"], "href=\"#missing-asset\""));

    // Two assets of one name on different pages: two files.
    auto twice = node(1, PartType::module, "M", "",
                      {node(2, PartType::page, "A", ":asset:`x.pdf`\n"),
                       node(3, PartType::page, "B", ":asset:`x.pdf`\n")});
    auto two = content::build_offline_site(twice, options());
    REQUIRE(two.assets.size() == 2);
    CHECK(two.assets[0].path == "assets/x.pdf");
    CHECK(two.assets[1].path == "assets/305-x.pdf");
}

TEST_CASE("offline quizzes have no check button and pages no script") {
    auto quiz = node(1, PartType::page, "Quiz",
                     ".. quiz:: q\n\n   .. quiz-question:: a\n      :question: Pick\n\n"
                     "      [ ] one\n      [ ] two\n");
    auto files = files_of(content::build_offline_site(quiz, options()));
    const std::string& page = files["pages/001-quiz.html"];
    CHECK(has(page, "<legend>Pick</legend>"));
    CHECK_FALSE(has(page, "<button"));
    CHECK_FALSE(has(page, "<script"));
    CHECK(has(page, "<h1 class=\"title\">Quiz</h1>")); // no title in the source: the part's
}
