// rst-write-goldens FOLDER: rewrites every NAME.json and NAME.html of the
// corpus from what the parser makes of NAME.rst now (`make goldens`). Never
// part of `make test`; read `git diff tests/rst-corpus` before committing.
#include "golden.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2 || !std::filesystem::is_directory(argv[1])) {
        std::cerr << "usage: rst-write-goldens tests/rst-corpus\n";
        return 2;
    }
    size_t changed = 0;
    auto goldens = wte::golden::corpus(argv[1]);
    for (const auto& g : goldens) {
        for (const auto& [path, text] :
             {std::pair{g.json, g.model}, std::pair{g.html, g.rendered}}) {
            if (std::filesystem::exists(path) && wte::golden::read_file(path) == text) continue;
            std::ofstream out(path, std::ios::binary);
            out << text;
            if (!out) {
                std::cerr << "rst-write-goldens: cannot write " << path.string() << "\n";
                return 1;
            }
            std::cout << "rewrote " << path.filename().string() << "\n";
            ++changed;
        }
    }
    std::cout << goldens.size() << " documents, " << changed << " golden files rewritten\n";
    return 0;
}
