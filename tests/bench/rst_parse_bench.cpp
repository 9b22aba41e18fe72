// rst-parse-bench [RUNS] [MB]: parses a generated page of MB megabytes
// (default 2) mixing every construct RUNS times (default 5) and prints the
// median ms and MB/s of the parse and of the HTML export (issue 12 asks for
// 2 MB in 50 ms and 15 ms), plus the highlighter on the same page. It
// counts the heap allocations of each too: they are most of what is left.
// rst-parse-bench --page [MB] prints the page instead (first_load.js parses
// the same page in the browser's wasm client).
#include "wte/highlight.hpp"
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"
#include "wte/rst/quiz.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

namespace {
size_t allocations = 0; // the bench is single-threaded
} // namespace

void* operator new(size_t size) {
    ++allocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, size_t) noexcept {
    std::free(p);
}

namespace {

// One chunk of content using every construct once; repeated to the page size.
std::string chunk(int n) {
    std::string s = std::to_string(n);
    return "Section " + s + "\n" + std::string(8 + s.size(), '=') +
           "\n\n"
           "A paragraph with *emphasis*, **strong**, ``literal``, a `link <https://example.com/" +
           s +
           ">`_, a reference_ and https://example.org/x. Escaped \\*stars\\* and e-mail "
           "ann@example.com, :asset:`logo.png`, :crossref:`12`, :style:`red <color: red>`,\n"
           ":code-python:`print(1)` and :math:`\\frac{a}{b}` spanning\ntwo lines.\n\n"
           "Subsection " +
           s + "\n" + std::string(11 + s.size(), '-') +
           "\n\n"
           "- bullet one\n- bullet two\n\n  1. nested\n  2. nested\n\n"
           "term\n   Definition with *markup*.\n\n"
           ":field: value\n\n"
           "Literal::\n\n    int main() { return 0; }\n\n"
           "    A block quote.\n\n    -- Someone\n\n"
           "| line one\n| line two\n\n"
           "=====  =====\nA      B\n=====  =====\n1      2\n3      4\n=====  =====\n\n"
           "+-----+-----+\n| a   | b   |\n+=====+=====+\n| c   | d   |\n+-----+-----+\n\n"
           ".. note:: A note with **strong** text.\n\n"
           ".. image:: picture.png\n   :alt: Picture\n\n"
           ".. sourcecode:: javascript\n   :linenos:\n\n   const x = [1, 2, 3].map(v => v * 2); // "
           "c\n\n"
           ".. youtube:: https://youtu.be/dQw4w9WgXcQ\n\n"
           ".. quiz:: quiz" +
           s +
           "\n   :title: Quiz\n\n"
           "   .. quiz-question:: q" +
           s +
           "\n      :question: Pick one\n\n"
           "      [x] right\n      [ ] wrong\n\n"
           ".. show-hide::\n   :title: More\n\n   Hidden *text*.\n\n"
           ".. math::\n\n   \\sum_{i=1}^{n} i^2 \\le \\sqrt{n}\n\n"
           ".. comment\n\n----------\n\n";
}

std::string bench_page(double mb) {
    auto wanted_bytes = static_cast<size_t>(mb * 1e6);
    std::string page = "Benchmark page\n==============\n\n.. _reference: https://example.com\n\n";
    for (int n = 1; page.size() < wanted_bytes; ++n)
        page += chunk(n);
    return page;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::string(argv[1]) == "--page") {
        std::string page = bench_page(argc > 2 ? std::max(0.01, std::atof(argv[2])) : 2.0);
        std::fwrite(page.data(), 1, page.size(), stdout);
        return 0;
    }
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::string page = bench_page(argc > 2 ? std::max(0.01, std::atof(argv[2])) : 2.0);
    double mb = static_cast<double>(page.size()) / 1e6;

    std::vector<double> parse_ms, html_ms;
    size_t blocks = 0, diagnostics = 0, quizzes = 0, parse_allocations = 0, html_allocations = 0,
           html_bytes = 0;
    for (int r = 0; r < runs; ++r) {
        size_t before = allocations;
        auto start = std::chrono::steady_clock::now();
        wte::rst::ParseResult result = wte::rst::parse(page);
        parse_ms.push_back(ms_since(start));
        parse_allocations = allocations - before;
        before = allocations;
        start = std::chrono::steady_clock::now();
        std::string html = wte::rst::to_html(result.doc);
        html_ms.push_back(ms_since(start));
        html_allocations = allocations - before;
        html_bytes = html.size();
        blocks = result.doc.blocks.size();
        diagnostics = result.diagnostics.size();
        quizzes = wte::rst::extract_quizzes(result.doc).size();
    }
    std::sort(parse_ms.begin(), parse_ms.end());
    std::sort(html_ms.begin(), html_ms.end());
    double parse_median = parse_ms[parse_ms.size() / 2], html_median = html_ms[html_ms.size() / 2];

    auto start = std::chrono::steady_clock::now();
    size_t tokens = wte::highlight("javascript", page).size();
    double highlight_ms = ms_since(start);

    std::printf(
        "page: %.2f MB, %zu top-level blocks, %zu quizzes, %zu diagnostics, %.2f MB of HTML\n", mb,
        blocks, quizzes, diagnostics, static_cast<double>(html_bytes) / 1e6);
    std::printf(
        "parse: %.1f ms per parse (median of %d), %.1f MB/s, best %.1f ms, %zu allocations\n",
        parse_median, runs, mb / (parse_median / 1000.0), parse_ms.front(), parse_allocations);
    std::printf("html:  %.1f ms per page (median of %d), %.1f MB/s of source, best %.1f ms, %zu "
                "allocations\n",
                html_median, runs, mb / (html_median / 1000.0), html_ms.front(), html_allocations);
    std::printf("highlight (javascript, whole page): %.1f ms, %zu tokens, %.1f MB/s\n",
                highlight_ms, tokens, mb / (highlight_ms / 1000.0));
    return 0;
}
