#include "content/reader_text.hpp"

#include "wte/quiz_solutions.hpp"

#include <mutex>
#include <unordered_map>

namespace wte::content {

namespace {
// Bounded by the bytes it holds (key and value): when a text would make it
// exceed the budget it starts empty again — simpler than an LRU, and a
// course's pages are read again and again, so it refills within seconds.
constexpr std::size_t budget_bytes = 16 * 1024 * 1024;

std::mutex cache_mutex;
std::unordered_map<std::string, std::string> cache;
std::size_t cached_bytes = 0;
} // namespace

std::string reader_text(const std::string& source) {
    // Pages without solutions come back at once (no parse, no entry).
    if (!may_hold_quiz_solutions(source)) return source;
    {
        std::lock_guard<std::mutex> lock(cache_mutex);
        if (auto it = cache.find(source); it != cache.end()) return it->second;
    }
    std::string hidden = hide_quiz_solutions(source);
    const std::size_t size = 2 * source.size();
    if (size > budget_bytes / 4) return hidden; // a huge page would flush the rest
    std::lock_guard<std::mutex> lock(cache_mutex);
    if (cached_bytes + size > budget_bytes) {
        cache.clear();
        cached_bytes = 0;
    }
    if (cache.emplace(source, hidden).second) cached_bytes += size;
    return hidden;
}

} // namespace wte::content
