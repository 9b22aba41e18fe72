// The fonts the client bundles, read from the Debian packages they come from
// (fonts-noto-core, fonts-dejavu-core), for tests and benches that draw real
// ImGui frames natively.
#pragma once
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace wte::test {

inline std::vector<unsigned char> system_font(const char* name) {
    const std::string dir = std::string(name).rfind("DejaVu", 0) == 0
                                ? "/usr/share/fonts/truetype/dejavu/"
                                : "/usr/share/fonts/truetype/noto/";
    std::ifstream in(dir + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace wte::test
