// What a golden of tests/rst-corpus holds: NAME.rst parses to NAME.json (model
// and diagnostics) and renders to NAME.html. Shared by the golden test, which
// only compares, and rst-write-goldens (`make goldens`), which rewrites them.
#pragma once

#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace wte::golden {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string model_dump(const rst::ParseResult& r) {
    nlohmann::json j = {{"document", rst::to_json(r.doc)},
                        {"diagnostics", nlohmann::json::array()}};
    for (const auto& d : r.diagnostics)
        j["diagnostics"].push_back(rst::to_json(d));
    return j.dump(1) + "\n";
}

struct Golden {
    std::filesystem::path rst, json, html;
    std::string model, rendered; // what the parser makes of `rst` now
};

// Every NAME.rst of `folder`, sorted, with what its goldens should hold.
inline std::vector<Golden> corpus(const std::filesystem::path& folder) {
    std::vector<Golden> out;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".rst") continue;
        Golden g;
        g.rst = entry.path();
        g.json = std::filesystem::path(g.rst).replace_extension(".json");
        g.html = std::filesystem::path(g.rst).replace_extension(".html");
        auto result = rst::parse(read_file(g.rst));
        g.model = model_dump(result);
        g.rendered = rst::to_html(result.doc);
        out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(),
              [](const Golden& a, const Golden& b) { return a.rst < b.rst; });
    return out;
}

} // namespace wte::golden
