// Directives and roles: the standard ones WTE keeps (admonitions, images,
// math) and its own extensions (sourcecode, youtube, quiz, show-hide, asset,
// crossref, style, code-LANG), plus refusal of raw, include and unknown ones.
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

using namespace wte::rst;

namespace {

bool mentions(const ParseResult& r, const std::string& words) {
    for (const auto& d : r.diagnostics)
        if (d.message.find(words) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("every admonition kind holds its content") {
    for (const char* kind : {"note", "warning", "tip", "important", "caution", "danger", "hint",
                             "attention", "error", "seealso"}) {
        auto r = parse(std::string(".. ") + kind + ":: First line\n   continues.\n\n   Second.\n");
        INFO(kind);
        REQUIRE(r.doc.blocks.size() == 1);
        const Block& a = r.doc.blocks[0];
        CHECK(a.kind == BlockKind::admonition);
        CHECK(a.name == kind);
        REQUIRE(a.children.size() == 2);
        CHECK(plain_text(a.children[0].inlines) == "First line\ncontinues.");
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("a generic admonition takes its title from the argument") {
    auto r = parse(".. admonition:: Read *this*\n\n   Body.\n");
    const Block& a = r.doc.blocks[0];
    CHECK(a.name == "admonition");
    CHECK(plain_text(a.inlines) == "Read this");
}

TEST_CASE("an image keeps a safe URL, alt text and validated sizes") {
    auto r = parse(".. image:: pics/cat.png\n   :alt: A cat\n   :width: 120\n   :height: 50%\n"
                   "   :align: center\n   :target: https://cats.example\n");
    const Block& img = r.doc.blocks[0];
    CHECK(img.kind == BlockKind::image);
    CHECK(img.image->uri == "pics/cat.png");
    CHECK(img.image->alt == "A cat");
    CHECK(img.image->width == "120px");
    CHECK(img.image->height == "50%");
    CHECK(img.image->align == "center");
    CHECK(img.image->target == "https://cats.example");
}

TEST_CASE("an image size that is not a CSS length is dropped with a diagnostic") {
    auto r = parse(".. image:: a.png\n   :width: 10px;background:red\n");
    CHECK(r.doc.blocks[0].image->width.empty());
    CHECK(mentions(r, "not a valid width"));
}

TEST_CASE("a figure has a caption paragraph and a legend") {
    auto r = parse(".. figure:: f.svg\n\n   Caption.\n\n   Legend.\n");
    const Block& f = r.doc.blocks[0];
    CHECK(f.kind == BlockKind::figure);
    REQUIRE(f.children.size() == 2);
}

TEST_CASE("sourcecode keeps language, file name, line numbers and no-select") {
    auto r = parse(".. sourcecode:: Python\n   :filename: a.py\n   :linenos: 5\n   :no-select:\n\n"
                   "   def f():\n       return 1\n");
    const Block& c = r.doc.blocks[0];
    CHECK(c.kind == BlockKind::sourcecode);
    CHECK(c.sourcecode->language == "python");
    CHECK(c.sourcecode->filename == "a.py");
    CHECK(c.sourcecode->first_line_number == 5);
    CHECK(c.sourcecode->no_select);
    CHECK(c.text == "def f():\n    return 1");
    CHECK(r.diagnostics.empty());
}

TEST_CASE("sourcecode line numbers start at 1 when no number is given") {
    auto r = parse(".. sourcecode:: c\n   :linenos:\n\n   int x;\n");
    CHECK(r.doc.blocks[0].sourcecode->first_line_number == 1);
    CHECK_FALSE(r.doc.blocks[0].sourcecode->no_select);
}

TEST_CASE("an unknown directive option is reported") {
    auto r = parse(".. sourcecode:: c\n   :colour: red\n\n   int x;\n");
    CHECK(mentions(r, ":colour:"));
}

TEST_CASE("youtube accepts watch, short and embed URLs and stores only the video id") {
    for (const char* url :
         {"https://www.youtube.com/watch?v=dQw4w9WgXcQ",
          "https://youtube.com/watch?feature=x&v=dQw4w9WgXcQ#t=1",
          "http://youtu.be/dQw4w9WgXcQ?t=3", "https://www.youtube.com/embed/dQw4w9WgXcQ",
          "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtu.be/dQw4w9WgXcQ"}) {
        auto r = parse(std::string(".. youtube:: ") + url + "\n");
        INFO(url);
        REQUIRE(r.doc.blocks.size() == 1);
        CHECK(r.doc.blocks[0].kind == BlockKind::youtube);
        CHECK(r.doc.blocks[0].id == "dQw4w9WgXcQ");
    }
}

TEST_CASE("youtube refuses other hosts and ids that are not 11 safe characters") {
    for (const char* url : {"https://evil.example/watch?v=dQw4w9WgXcQ", "https://youtu.be/short",
                            "https://www.youtube.com/watch?v=dQw4w9WgX\"Q",
                            "https://www.youtube.com/watch?v=dQw4w9WgXcQQ", "dQw4w9WgXcQ",
                            "javascript:alert(1)//youtu.be/dQw4w9WgXcQ"}) {
        auto r = parse(std::string(".. youtube:: ") + url + "\n");
        INFO(url);
        REQUIRE(r.doc.blocks.size() == 1);
        CHECK(r.doc.blocks[0].kind == BlockKind::problem);
        CHECK(r.diagnostics.size() == 1);
    }
}

TEST_CASE("a quiz question marks correct answers with [x]") {
    auto r = parse(".. quiz:: q\n   :title: Capitals\n\n   .. quiz-question:: fr\n"
                   "      :question: Capital of France?\n      :type: single-choice\n\n"
                   "      [x] Paris\n      [ ] Lyon\n      Nice\n");
    REQUIRE(r.diagnostics.empty());
    const Block& quiz = r.doc.blocks[0];
    CHECK(quiz.kind == BlockKind::quiz);
    CHECK(quiz.id == "q");
    CHECK(plain_text(quiz.inlines) == "Capitals");
    const Block& q = quiz.children[0];
    CHECK(q.kind == BlockKind::quiz_question);
    CHECK(q.question_type == wte::QuestionType::single_choice);
    REQUIRE(q.children.size() == 3);
    CHECK(q.children[0].correct);
    CHECK(plain_text(q.children[0].inlines) == "Paris");
    CHECK_FALSE(q.children[1].correct);
    CHECK(plain_text(q.children[1].inlines) == "Lyon");
    CHECK_FALSE(q.children[2].correct);
    CHECK(q.children[2].line == 10);
}

TEST_CASE("quiz and question ids must be unique on a page") {
    auto r = parse(".. quiz:: a\n\n   .. quiz-question:: q\n      :question: ?\n\n      [x] y\n\n"
                   ".. quiz:: b\n\n   .. quiz-question:: q\n      :question: ?\n\n      [x] y\n\n"
                   ".. quiz:: a\n\n   .. quiz-question:: z\n      :question: ?\n\n      [x] y\n");
    CHECK(mentions(r, "question id \"q\" is used twice"));
    CHECK(mentions(r, "quiz id \"a\" is used twice"));
    REQUIRE(r.doc.blocks.size() == 3);
    CHECK(r.doc.blocks[2].kind == BlockKind::problem);
    CHECK(r.doc.blocks[1].children[0].kind == BlockKind::problem);
}

TEST_CASE("a single-choice question needs exactly one correct answer") {
    auto r = parse(
        ".. quiz:: a\n\n   .. quiz-question:: q\n      :question: ?\n\n      [x] y\n      [x] z\n");
    CHECK(mentions(r, "exactly one [x] answer"));
}

TEST_CASE("a quiz question outside a quiz is refused") {
    auto r = parse(".. quiz-question:: q\n   :question: ?\n\n   [x] y\n");
    CHECK(r.doc.blocks[0].kind == BlockKind::problem);
}

TEST_CASE("show-hide has a title and starts hidden unless told otherwise") {
    auto r = parse(".. show-hide::\n   :title: Answer\n\n   42\n\n.. show-hide::\n   :initial: "
                   "visible\n\n   x\n");
    REQUIRE(r.doc.blocks.size() == 2);
    CHECK(r.doc.blocks[0].kind == BlockKind::show_hide);
    CHECK(plain_text(r.doc.blocks[0].inlines) == "Answer");
    CHECK_FALSE(r.doc.blocks[0].initially_visible);
    CHECK(r.doc.blocks[1].initially_visible);
}

TEST_CASE(
    "raw and include are refused, naming the directive and line, and their content is dropped") {
    auto r = parse(
        "Intro.\n\n.. raw:: html\n\n   <script>alert(1)</script>\n\n.. include:: secret.rst\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(r.diagnostics[0].message.find("raw") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("line 3") != std::string::npos);
    CHECK(r.diagnostics[1].message.find("include") != std::string::npos);
    for (const auto& b : r.doc.blocks)
        CHECK(b.text.find("script") == std::string::npos);
}

TEST_CASE("an unknown directive is refused and its content is not shown") {
    auto r = parse(".. sidebar:: Title\n\n   Hidden text.\n");
    REQUIRE(r.doc.blocks.size() == 1);
    CHECK(r.doc.blocks[0].kind == BlockKind::problem);
    CHECK(r.doc.blocks[0].text.find("sidebar") != std::string::npos);
    CHECK(r.doc.blocks[0].text.find("Hidden") == std::string::npos);
}

TEST_CASE("the asset role names an asset with optional text") {
    auto r = parse(":asset:`logo.png` and :asset:`the slides <slides v2.pdf>`\n");
    auto& s = r.doc.blocks[0].inlines;
    REQUIRE(s.size() == 3);
    CHECK(s[0].kind == InlineKind::asset);
    CHECK(s[0].target == "logo.png");
    CHECK(s[0].text.empty());
    CHECK(s[2].target == "slides v2.pdf");
    CHECK(s[2].text == "the slides");
}

TEST_CASE("the asset role refuses paths that leave the part") {
    auto r = parse(":asset:`../x.png` :asset:`/etc/passwd` :asset:`http://x/y.png`\n");
    CHECK(r.diagnostics.size() == 3);
    for (const auto& s : r.doc.blocks[0].inlines)
        CHECK(s.kind == InlineKind::text);
}

TEST_CASE("the crossref role takes a part id number") {
    auto r = parse(":crossref:`12` :crossref:`next <13>` :crossref:`intro`\n");
    auto& s = r.doc.blocks[0].inlines;
    CHECK(s[0].kind == InlineKind::crossref);
    CHECK(s[0].target == "12");
    CHECK(s[2].target == "13");
    CHECK(s[2].text == "next");
    REQUIRE(s.size() == 4);
    CHECK(s[3].kind == InlineKind::text);
    CHECK(s[3].text == " intro");
    CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("the style role keeps only safe CSS") {
    auto r = parse(":style:`hi <COLOR: Red; font-weight: bold; position: absolute>`\n");
    auto& s = r.doc.blocks[0].inlines;
    REQUIRE(s.size() == 1);
    CHECK(s[0].kind == InlineKind::styled);
    CHECK(s[0].target == "color: red; font-weight: bold");
    CHECK(plain_text(s[0].children) == "hi");
    CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("the style role drops injection attempts entirely") {
    for (const char* css :
         {"color: red; background: url(x)", "color: expression(alert(1))", "color: red\\3b",
          "color: \"red\"", "color: red</span>", "color: red /* x */", "color: rgb(1,2,3) url(x)",
          "font-weight: bold !important", "color: red; -moz-binding: x"}) {
        std::vector<std::string> problems;
        std::string out = sanitize_css(css, problems);
        INFO(css);
        CHECK_FALSE(problems.empty());
        CHECK(out.find("url") == std::string::npos);
        CHECK(out.find("expression") == std::string::npos);
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('"') == std::string::npos);
    }
}

TEST_CASE("the style role accepts named, hex and rgb colours") {
    std::vector<std::string> problems;
    CHECK(sanitize_css("color: #ABC; background-color: rgba(0, 0, 0, 0.5)", problems) ==
          "color: #abc; background-color: rgba(0, 0, 0, 0.5)");
    CHECK(sanitize_css("color: rebeccapurple; text-decoration: underline wavy", problems) ==
          "color: rebeccapurple; text-decoration: underline wavy");
    CHECK(problems.empty());
}

TEST_CASE("code roles carry their language and keep the code verbatim") {
    auto r = parse(":code-js:`a\\b * c` and :code:`x`\n");
    auto& s = r.doc.blocks[0].inlines;
    CHECK(s[0].kind == InlineKind::code);
    CHECK(s[0].target == "js");
    CHECK(s[0].text == "a\\b * c");
    CHECK(s[2].target->empty());
}

TEST_CASE("math role and directive parse LaTeX and keep the source") {
    auto r = parse(":math:`\\frac{a}{b}`\n\n.. math::\n\n   x^2\n");
    auto& s = r.doc.blocks[0].inlines[0];
    CHECK(s.kind == InlineKind::math);
    CHECK(s.text == "\\frac{a}{b}");
    REQUIRE(s.math->children.size() == 1);
    CHECK(s.math->children[0].kind == MathKind::frac);
    CHECK(r.doc.blocks[1].kind == BlockKind::math);
    CHECK(r.doc.blocks[1].text == "x^2");
}

TEST_CASE("footnotes and substitutions are reported as unsupported") {
    auto r = parse(".. [1] note\n\n.. |x| replace:: y\n");
    CHECK(r.diagnostics.size() == 2);
}
