// Golden tests: every tests/rst-corpus/NAME.rst must parse to NAME.json (model
// and diagnostics) and render to NAME.html. WTE_UPDATE_GOLDENS=1 rewrites the
// goldens instead; read the diff before committing them.
#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"
#include "wte/rst/quiz.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string model_dump(const wte::rst::ParseResult& r) {
    nlohmann::json j = {{"document", wte::rst::to_json(r.doc)},
                        {"diagnostics", nlohmann::json::array()}};
    for (const auto& d : r.diagnostics)
        j["diagnostics"].push_back(wte::rst::to_json(d));
    return j.dump(1) + "\n";
}

// Line number of the first difference, for a message a person can act on.
size_t first_difference(const std::string& a, const std::string& b) {
    size_t line = 1;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] != b[i]) return line;
        if (a[i] == '\n') ++line;
    }
    return line;
}

std::vector<fs::path> corpus_documents() {
    std::vector<fs::path> docs;
    for (const auto& entry : fs::directory_iterator(fs::path(WTE_SOURCE_DIR) / "tests/rst-corpus"))
        if (entry.path().extension() == ".rst") docs.push_back(entry.path());
    std::sort(docs.begin(), docs.end());
    return docs;
}

} // namespace

TEST_CASE("every corpus document parses to its golden model and HTML") {
    const char* update = std::getenv("WTE_UPDATE_GOLDENS");
    bool rewrite = update && std::string(update) == "1";
    auto docs = corpus_documents();
    REQUIRE(docs.size() >= 15);
    for (const auto& rst : docs) {
        auto result = wte::rst::parse(read_file(rst));
        std::string model = model_dump(result);
        std::string html = wte::rst::to_html(result.doc);
        fs::path json_path = fs::path(rst).replace_extension(".json");
        fs::path html_path = fs::path(rst).replace_extension(".html");
        if (rewrite) {
            write_file(json_path, model);
            write_file(html_path, html);
            continue;
        }
        INFO("golden of " << rst.filename().string());
        REQUIRE(fs::exists(json_path));
        REQUIRE(fs::exists(html_path));
        std::string want_model = read_file(json_path), want_html = read_file(html_path);
        INFO("model differs from line " << first_difference(model, want_model) << " of "
                                        << json_path.filename().string());
        CHECK(model == want_model);
        INFO("HTML differs from line " << first_difference(html, want_html) << " of "
                                       << html_path.filename().string());
        CHECK(html == want_html);
    }
}

TEST_CASE("no corpus document leaks a script, an event handler or a javascript URL into HTML") {
    for (const auto& rst : corpus_documents()) {
        auto result = wte::rst::parse(read_file(rst));
        std::string html = wte::rst::to_html(result.doc);
        INFO(rst.filename().string());
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
