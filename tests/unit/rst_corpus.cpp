// Golden tests: every tests/rst-corpus/NAME.rst must parse to NAME.json (model
// and diagnostics) and render to NAME.html. This test only compares; after an
// intended change, `make goldens` rewrites them (read the diff before committing).
#include "../rst-corpus/golden.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

// Line number of the first difference, for a message a person can act on.
size_t first_difference(const std::string& a, const std::string& b) {
    size_t line = 1;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] != b[i]) return line;
        if (a[i] == '\n') ++line;
    }
    return line;
}

const fs::path corpus_folder = fs::path(WTE_SOURCE_DIR) / "tests/rst-corpus";

} // namespace

TEST_CASE("every corpus document parses to its golden model and HTML") {
    auto goldens = wte::golden::corpus(corpus_folder);
    REQUIRE(goldens.size() >= 15);
    for (const auto& g : goldens) {
        INFO("golden of " << g.rst.filename().string()
                          << " (after an intended change: make goldens)");
        REQUIRE(fs::exists(g.json));
        REQUIRE(fs::exists(g.html));
        std::string want_model = wte::golden::read_file(g.json);
        std::string want_html = wte::golden::read_file(g.html);
        INFO("model differs from line " << first_difference(g.model, want_model) << " of "
                                        << g.json.filename().string());
        CHECK(g.model == want_model);
        INFO("HTML differs from line " << first_difference(g.rendered, want_html) << " of "
                                       << g.html.filename().string());
        CHECK(g.rendered == want_html);
    }
}

TEST_CASE("no corpus document leaks a script, an event handler or a javascript URL into HTML") {
    for (const auto& g : wte::golden::corpus(corpus_folder)) {
        const std::string& html = g.rendered;
        INFO(g.rst.filename().string());
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("javascript:") == std::string::npos);
        CHECK(html.find("expression(") == std::string::npos);
        CHECK(html.find(" onerror=") == std::string::npos);
        CHECK(html.find("url(") == std::string::npos);
        // Quiz forms never carry the answer key.
        CHECK(html.find("data-correct") == std::string::npos);
        CHECK(html.find(" checked") == std::string::npos);
    }
}
