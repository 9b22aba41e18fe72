// The safe HTML writer used for offline download and export.
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

namespace {

std::string html_of(const std::string& rst, const HtmlOptions& options = {}) {
    return to_html(parse(rst).doc, options);
}

bool has(const std::string& html, const std::string& piece) {
    return html.find(piece) != std::string::npos;
}

} // namespace

TEST_CASE("HTML escapes every character that could open markup") {
    std::string html = html_of("<b onclick=\"x\">&amp; 'q'</b>\n");
    CHECK(has(html, "<p>&lt;b onclick=&quot;x&quot;&gt;&amp;amp; &#39;q&#39;&lt;/b&gt;</p>"));
}

TEST_CASE("HTML shows the title, sections with ids and nested lists") {
    std::string html = html_of("Page\n====\n\nPart\n----\n\n- a\n- b\n\n  1. c\n");
    CHECK(has(html, "<h1 class=\"title\">Page</h1>"));
    CHECK(has(html, "<section id=\"part\">\n<h2>Part</h2>"));
    CHECK(has(html, "<ul>\n<li>a</li>"));
    CHECK(has(html, "<ol type=\"1\">"));
}

TEST_CASE("HTML links carry only validated URLs") {
    std::string html = html_of("`ok <https://a.example/?q=\"x\">`_ `bad <javascript:alert(1)>`_\n");
    CHECK(has(html,
              "<a href=\"https://a.example/?q=&quot;x&quot;\" rel=\"noopener noreferrer\">ok</a>"));
    CHECK_FALSE(has(html, "javascript"));
}

TEST_CASE("HTML styles come only from sanitised CSS") {
    CHECK(has(html_of(":style:`x <color: red; font-size: 120%>`\n"),
              "<span style=\"color: red; font-size: 120%\">x</span>"));
    std::string html = html_of(":style:`x <color: red; background-image: url(evil)>`\n");
    CHECK(has(html, "<p>x</p>"));
    CHECK_FALSE(has(html, "url("));
}

TEST_CASE("HTML embeds YouTube through youtube-nocookie with the validated id") {
    std::string html = html_of(".. youtube:: https://youtu.be/dQw4w9WgXcQ\n");
    CHECK(has(html, "src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""));
    CHECK(has(html, "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""));
    HtmlOptions link_only;
    link_only.embed_videos = false;
    std::string offline = html_of(".. youtube:: https://youtu.be/dQw4w9WgXcQ\n", link_only);
    CHECK_FALSE(has(offline, "<iframe"));
    CHECK(has(offline, "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""));
}

TEST_CASE("HTML quizzes are forms that do not reveal the correct answers") {
    std::string html = html_of(".. quiz:: q\n   :title: T\n\n   .. quiz-question:: a\n"
                               "      :question: Pick\n      :type: multi-choice\n\n"
                               "      [x] right\n      [ ] wrong\n");
    CHECK(has(html, "<form class=\"quiz\" id=\"quiz-q\" data-quiz=\"q\">"));
    CHECK(has(html, "type=\"checkbox\" name=\"q/a\" value=\"right\""));
    CHECK(has(html, "value=\"wrong\""));
    CHECK_FALSE(has(html, "correct"));
    CHECK_FALSE(has(html, "checked"));
    CHECK_FALSE(has(html, "[x]"));
    CHECK(has(html, "<button type=\"submit\">Check answers</button>"));
    HtmlOptions offline;
    offline.quiz_check_button = false;
    CHECK_FALSE(has(html_of(".. quiz:: q\n\n   .. quiz-question:: a\n      :question: Pick\n\n"
                            "      [x] right\n",
                            offline),
                    "<button"));
}

TEST_CASE("HTML never passes raw content and shows refused directives as notices") {
    std::string html = html_of(".. raw:: html\n\n   <script>alert(1)</script>\n");
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "alert(1)"));
    CHECK(has(html, "<div class=\"problem\" role=\"alert\">Line 1: The raw directive"));
    HtmlOptions quiet;
    quiet.show_problems = false;
    CHECK(html_of(".. raw:: html\n\n   x\n", quiet).empty());
}

TEST_CASE("HTML leaves comments out") {
    CHECK_FALSE(has(html_of(".. secret remark\n\nText.\n"), "secret"));
}

TEST_CASE("HTML highlights source code and numbers its lines") {
    std::string html = html_of(".. sourcecode:: python\n   :linenos: 3\n   :filename: a.py\n\n"
                               "   if x:\n       pass\n");
    CHECK(has(html, "<figcaption>a.py</figcaption>"));
    CHECK(has(html, "<span class=\"line-number\" aria-hidden=\"true\">3</span><span "
                    "class=\"tok-keyword\">if</span>"));
    CHECK(has(html, "<span class=\"line-number\" aria-hidden=\"true\">4</span>"));
}

TEST_CASE("HTML shows image assets inline and other assets as downloads") {
    HtmlOptions o;
    o.asset_url = [](const std::string& name) { return "/files/" + name; };
    std::string html = html_of(":asset:`pic.PNG` :asset:`Notes <notes.pdf>`\n", o);
    CHECK(has(html, "<img src=\"/files/pic.PNG\" alt=\"pic.PNG\" class=\"asset\">"));
    CHECK(has(html, "<a href=\"/files/notes.pdf\" download=\"notes.pdf\">Notes</a>"));
    CHECK(has(html_of(":asset:`a b.pdf`\n"), "href=\"assets/a%20b.pdf\""));
}

TEST_CASE("HTML cross references use the caller's URL and title") {
    HtmlOptions o;
    o.crossref_url = [](const std::string& id) { return "part-" + id + ".html"; };
    o.crossref_title = [](const std::string&) { return "Hidden part"; };
    std::string html = html_of(":crossref:`7`\n", o);
    CHECK(has(html, "<a class=\"crossref\" href=\"part-7.html\">Hidden part</a>"));
}

TEST_CASE("HTML renders math as MathML named by its source") {
    std::string html = html_of(":math:`\\frac{1}{2}`\n");
    CHECK(has(html,
              "<math alttext=\"\\frac{1}{2}\" aria-label=\"\\frac{1}{2}\"><mrow><mfrac><mn>1</mn>"
              "<mn>2</mn></mfrac></mrow></math>"));
}

TEST_CASE("HTML tables have a head, a body and spans") {
    std::string html = html_of("+---+---+\n| a | b |\n+===+===+\n| wide  |\n+---+---+\n");
    CHECK(has(html, "<thead>\n<tr><th>a</th><th>b</th></tr>\n</thead>\n<tbody>\n<tr><td "
                    "colspan=\"2\">wide</td></tr>"));
}
