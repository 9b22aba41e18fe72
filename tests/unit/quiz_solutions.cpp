// Learners' copies of a page carry no quiz solutions, and nothing else
// changes: every spelling the parser accepts as a quiz question is hidden
// because the copy is derived from the parse, not from matching text.
#include "wte/quiz_solutions.hpp"
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

namespace {

using Answers = std::vector<std::pair<std::string, bool>>; // text, correct

void collect(const std::vector<wte::rst::Block>& blocks, Answers& out) {
    for (const auto& b : blocks) {
        if (b.kind == wte::rst::BlockKind::quiz_answer)
            out.push_back({wte::rst::plain_text(b.inlines), b.correct});
        collect(b.children, out);
    }
}

bool any_correct(const std::vector<wte::rst::Block>& blocks) {
    for (const auto& b : blocks)
        if (b.correct || any_correct(b.children)) return true;
    return false;
}

Answers answers_of(const std::string& source) {
    Answers out;
    collect(wte::rst::parse(source).doc.blocks, out);
    return out;
}

long lines_of(const std::string& s) {
    return std::count(s.begin(), s.end(), '\n');
}

// The teacher's page has `correct` marked answers; the learner's copy has
// the same answers, none marked, and the same size and line count.
void check_hidden(const std::string& page, size_t correct) {
    INFO(page);
    Answers teacher = answers_of(page);
    REQUIRE(std::count_if(teacher.begin(), teacher.end(), [](auto& a) { return a.second; }) ==
            static_cast<long>(correct));
    std::string learner = wte::hide_quiz_solutions(page);
    INFO(learner);
    Answers seen = answers_of(learner);
    REQUIRE(seen.size() == teacher.size());
    for (size_t k = 0; k < seen.size(); ++k) {
        CHECK(seen[k].first == teacher[k].first);
        CHECK_FALSE(seen[k].second);
    }
    CHECK_FALSE(any_correct(wte::rst::parse(learner).doc.blocks));
    CHECK(learner.size() == page.size());
    CHECK(lines_of(learner) == lines_of(page));
}

} // namespace

TEST_CASE("correct-answer marks inside quiz questions are hidden from learners") {
    const std::string page =
        "Title\n=====\n\n[x] not in a quiz stays\n\n.. quiz:: q1\n   :title: Check\n\n"
        "   .. quiz-question:: a\n      :question: Which?\n      :type: single-choice\n\n"
        "      [x] Right\n      [ ] Wrong\n      [X] Also right\n\nAfter\n[x] plain\n";
    auto hidden = wte::hide_quiz_solutions(page);
    CHECK(hidden.find("[x] Right") == std::string::npos);
    CHECK(hidden.find("[X] Also") == std::string::npos);
    CHECK(hidden.find("      [ ] Right") != std::string::npos);
    CHECK(hidden.find("      [ ] Also right") != std::string::npos);
    CHECK(hidden.find("[x] not in a quiz stays") != std::string::npos);
    CHECK(hidden.find("[x] plain") != std::string::npos);
    check_hidden(page, 2);
}

TEST_CASE("a quiz question spelled in any case or with extra spaces is hidden from learners") {
    for (const char* directive : {"..  Quiz-Question::", ".. QUIZ-QUESTION::",
                                  "..   quiz-question::", ".. Quiz-question::  "}) {
        std::string page = std::string(".. Quiz:: q\n\n   ") + directive +
                           " a\n      :question: Which?\n\n      [x] Right\n      [ ] Wrong\n";
        check_hidden(page, 1);
        CHECK(wte::hide_quiz_solutions(page).find("[x]") == std::string::npos);
    }
}

TEST_CASE("a quiz indented with tabs, with CRLF lines or after other characters is hidden") {
    check_hidden(".. quiz:: q\n\t:title: Tabs\n\n\t.. quiz-question:: a\n\t\t:question: Q?\n\n"
                 "\t\t[x] Tab right\n\t\t[ ] Tab wrong\n",
                 1);
    CHECK(wte::hide_quiz_solutions(".. quiz:: q\n\n\t..\tquiz-question:: a\n\t   :question: Q?\n\n"
                                   "\t   [X] Right\n\t   [ ] Wrong\n")
              .find("\t   [ ] Right") != std::string::npos);
    check_hidden(".. quiz:: q\r\n\r\n   .. quiz-question:: a\r\n      :question: Q?\r\n\r\n"
                 "      [x] Right\r\n      [ ] Wrong\r\n",
                 1);
    // A table cell: the marker's column comes after a multibyte character.
    check_hidden("+------+--------------------------+\n"
                 "| Café | .. quiz:: t              |\n"
                 "|      |                          |\n"
                 "|      |    .. quiz-question:: tq |\n"
                 "|      |       :question: Q?      |\n"
                 "|      |                          |\n"
                 "|      |       [x] Yes            |\n"
                 "|      |       [ ] No             |\n"
                 "+------+--------------------------+\n",
                 1);
}

TEST_CASE("quiz questions nested in show-hide, admonitions and lists are hidden from learners") {
    check_hidden(".. quiz:: q\n\n   .. show-hide::\n      :title: More\n\n"
                 "      .. quiz-question:: inner\n         :question: Q?\n\n"
                 "         [x] Yes\n         [ ] No\n",
                 1);
    check_hidden(".. note::\n\n   .. quiz:: q\n\n      .. quiz-question:: a\n"
                 "         :question: Q?\n         :type: multi-choice\n\n"
                 "         [x] One\n         [X] Two\n         [ ] Three\n",
                 2);
    check_hidden("- item\n\n  .. quiz:: q\n\n     .. quiz-question:: a\n        :question: Q?\n\n"
                 "        [x] Yes\n        [ ] No\n",
                 1);
}

TEST_CASE("a correct answer written twice shows no mark to learners on either line") {
    const std::string page = ".. quiz:: q\n\n   .. quiz-question:: a\n      :question: Q?\n\n"
                             "      [x] Right\n      [ ] Wrong\n      [x] Right\n";
    check_hidden(page, 1);
    CHECK(wte::hide_quiz_solutions(page).find("[x]") == std::string::npos);
    // The duplicate stays out of the quiz: two options, as before.
    CHECK(answers_of(page).size() == 2);
    std::string html = wte::rst::to_html(wte::rst::parse(page).doc);
    size_t labels = 0;
    for (auto at = html.find("<label>"); at != std::string::npos; at = html.find("<label>", at + 1))
        ++labels;
    CHECK(labels == 2);
}

TEST_CASE("marks in literal blocks and comments inside a quiz reach learners unchanged") {
    const std::string page = ".. quiz:: q\n\n   Example::\n\n      [x] literal\n\n"
                             "   .. a comment\n      [x] commented\n\n"
                             "   .. quiz-question:: a\n      :question: Q?\n\n"
                             "      [x] Right\n      [ ] Wrong\n\n"
                             "::\n\n   .. quiz:: shown\n\n      .. quiz-question:: s\n"
                             "         :question: Q?\n\n         [x] code\n";
    std::string hidden = wte::hide_quiz_solutions(page);
    CHECK(hidden.find("      [x] literal") != std::string::npos);
    CHECK(hidden.find("      [x] commented") != std::string::npos);
    CHECK(hidden.find("         [x] code") != std::string::npos);
    CHECK(hidden.find("[x] Right") == std::string::npos);
    check_hidden(page, 1);
}

TEST_CASE("the parser records where each answer's marker is") {
    auto r = wte::rst::parse(".. quiz:: q\n\n   .. quiz-question:: a\n      :question: Q?\n\n"
                             "      [x] Right\n\t [ ] Tab\n      No marker\n");
    const auto& question = r.doc.blocks.at(0).children.at(0);
    REQUIRE(question.children.size() == 3);
    CHECK(question.children[0].line == 6);
    CHECK(question.children[0].marker_column == 7);
    CHECK(question.children[1].line == 7);
    CHECK(question.children[1].marker_column == 10);
    CHECK(question.children[2].marker_column == 0);
    auto offsets = wte::rst::source_offsets("ab\n\tx\r\ny", {{2, 9}, {3, 1}, {2, 3}, {1, 9}});
    CHECK(offsets == std::vector<size_t>{4, 7, std::string::npos, std::string::npos});
}
