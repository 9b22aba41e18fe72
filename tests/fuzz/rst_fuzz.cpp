// libFuzzer target for the content pipeline: reStructuredText parse, HTML
// export, quiz extraction, math and syntax highlighting of the same bytes.
// Built with clang -fsanitize=fuzzer by ci/fuzz.sh; the normal build links it
// with replay_main.cpp to re-run the committed corpus as a ctest test.
#include "wte/highlight.hpp"
#include "wte/quiz_solutions.hpp"
#include "wte/rst/html.hpp"
#include "wte/rst/math.hpp"
#include "wte/rst/parser.hpp"
#include "wte/rst/quiz.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

// Properties every input must keep; a violation aborts so the fuzzer keeps it.
#define check(condition) check_that(condition, #condition)
void check_that(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "rst fuzz: property violated: %s\n", what);
    std::abort();
}

// Walks the tags of the writer's HTML (attribute values are always
// double-quoted and escaped) and checks every href and src the way a browser
// reads it (ASCII tab and newline removed): no scheme or an allowed one.
void check_urls(const std::string& html) {
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        ++i;
        while (i < html.size() && html[i] != '>' && html[i] != ' ')
            ++i; // tag name
        while (i < html.size() && html[i] == ' ') {
            ++i;
            size_t name_begin = i;
            while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>')
                ++i;
            std::string_view name = std::string_view(html).substr(name_begin, i - name_begin);
            if (i >= html.size() || html[i] != '=') continue; // attribute without value
            check(i + 1 < html.size() && html[i + 1] == '"');
            size_t close = html.find('"', i + 2);
            check(close != std::string::npos);
            std::string url;
            for (size_t k = i + 2; k < close; ++k)
                if (html[k] != '\t' && html[k] != '\n' && html[k] != '\r') url.push_back(html[k]);
            i = close + 1;
            if (name != "href" && name != "src") continue;
            size_t stop = url.find_first_of(":/?#");
            if (stop == std::string::npos || url[stop] != ':') continue;
            std::string_view scheme = std::string_view(url).substr(0, stop);
            check(scheme == "http" || scheme == "https" || scheme == "mailto");
        }
    }
}

struct Answer {
    std::string question, text;
    bool correct;
};

void collect_answers(const std::vector<wte::rst::Block>& blocks, const std::string& question,
                     std::vector<Answer>& out) {
    for (const auto& b : blocks) {
        if (b.kind == wte::rst::BlockKind::quiz_answer)
            out.push_back({question, wte::rst::plain_text(b.inlines), b.correct});
        collect_answers(b.children, b.kind == wte::rst::BlockKind::quiz_question ? *b.id : question,
                        out);
    }
}

bool any_correct(const std::vector<wte::rst::Block>& blocks) {
    for (const auto& b : blocks)
        if (b.correct || any_correct(b.children)) return true;
    return false;
}

// The learner's copy has the teacher's questions and answers, none of them
// marked correct (nor a refused duplicate), and keeps every line where it was.
void check_learner_copy(std::string_view input, const wte::rst::Document& teacher) {
    std::string learner = wte::hide_quiz_solutions(input);
    check(learner.size() == input.size());
    std::vector<Answer> want, seen;
    collect_answers(teacher.blocks, "", want);
    wte::rst::Document learner_doc = wte::rst::parse(learner).doc;
    check(!any_correct(learner_doc.blocks));
    collect_answers(learner_doc.blocks, "", seen);
    check(seen.size() == want.size());
    for (size_t k = 0; k < seen.size() && k < want.size(); ++k) {
        check(seen[k].question == want[k].question && seen[k].text == want[k].text);
        check(!seen[k].correct);
    }
}

void check_tokens(const std::vector<wte::Token>& tokens, size_t size) {
    size_t pos = 0;
    for (const auto& t : tokens) {
        check(t.begin == pos && t.end > t.begin);
        pos = t.end;
    }
    check(pos == size);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);

    wte::rst::ParseResult result = wte::rst::parse(input);
    std::string html = wte::rst::to_html(result.doc);
    // Nothing from content may open a script or carry a javascript: URL.
    std::string lowered = html;
    for (auto& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    check(lowered.find("<script") == std::string::npos);
    check_urls(lowered);
    // Style attributes hold only sanitised declarations.
    for (size_t at = lowered.find("style=\""); at != std::string::npos;
         at = lowered.find("style=\"", at + 1)) {
        size_t close = lowered.find('"', at + 7);
        std::string_view value = std::string_view(lowered).substr(at + 7, close - at - 7);
        check(value.find("url(") == std::string_view::npos);
        check(value.find("expression") == std::string_view::npos);
        check(value.find('&') == std::string_view::npos);
    }
    check(result.diagnostics.size() <= wte::rst::max_diagnostics + 1);
    (void)wte::rst::to_json(result.doc)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    for (const auto& quiz : wte::rst::extract_quizzes(result.doc))
        for (const auto& q : quiz.questions) {
            check(wte::rst::score_answer(q, q.correct) ==
                  (q.type == wte::QuestionType::multi_choice || q.correct.size() == 1));
        }

    check_learner_copy(input, result.doc);

    static const char* languages[] = {"html", "css", "javascript", "python", "c",   "cpp",
                                      "java", "sql", "bash",       "json",   "none"};
    std::string_view lang = languages[size % (sizeof(languages) / sizeof(languages[0]))];
    check_tokens(wte::highlight(lang, input), size);
    (void)wte::rst::parse_math(input.substr(0, 4096));
    return 0;
}
