// Runs LLVMFuzzerTestOneInput on every file of the given folders: the seed
// and crash corpus stays a regression test in builds without libFuzzer.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    size_t files = 0;
    for (int a = 1; a < argc; ++a) {
        if (!fs::is_directory(argv[a])) {
            std::cerr << "fuzz replay: " << argv[a] << " is not a folder\n";
            return 2;
        }
        std::vector<fs::path> paths;
        for (const auto& entry : fs::directory_iterator(argv[a]))
            if (entry.is_regular_file()) paths.push_back(entry.path());
        for (const auto& path : paths) {
            std::ifstream in(path, std::ios::binary);
            std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            ++files;
        }
    }
    if (files == 0) {
        std::cerr << "fuzz replay: no input files\n";
        return 2;
    }
    std::cout << "fuzz replay: " << files << " inputs ran without a crash\n";
    return 0;
}
