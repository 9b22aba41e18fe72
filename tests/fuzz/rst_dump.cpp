// rst-dump FILE: prints the parsed model and diagnostics of a page as JSON
// (used by tests/rst-corpus/differential.py and for debugging content).
#include "wte/rst/parser.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: rst-dump FILE.rst\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "rst-dump: cannot read " << argv[1] << "\n";
        return 1;
    }
    std::stringstream source;
    source << in.rdbuf();
    wte::rst::ParseResult result = wte::rst::parse(source.str());
    nlohmann::json out = {{"document", wte::rst::to_json(result.doc)},
                          {"diagnostics", nlohmann::json::array()}};
    for (const auto& d : result.diagnostics)
        out["diagnostics"].push_back(wte::rst::to_json(d));
    std::cout << out.dump(1) << "\n";
    return 0;
}
