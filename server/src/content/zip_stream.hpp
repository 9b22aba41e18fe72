// A ZIP written straight into a sink as libarchive produces it (a workspace
// download, an export, an offline copy): the archive is never held whole.
// Entries are regular files (0644, UTF-8 names); a failure throws with
// libarchive's reason, and the archive is freed however it ends.
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <string_view>

struct archive;

namespace wte::content {

class ZipStream {
public:
    using Sink = std::function<void(std::string_view)>;
    explicit ZipStream(const Sink& sink);
    ~ZipStream();
    ZipStream(const ZipStream&) = delete;
    ZipStream& operator=(const ZipStream&) = delete;

    // A file of `size` bytes, whose bytes follow in write() calls.
    void begin(const std::string& name, std::int64_t size, std::time_t mtime);
    void write(const std::string& name, std::string_view bytes);
    // begin() and write() at once.
    void add(const std::string& name, std::string_view bytes, std::time_t mtime);
    void close();

private:
    [[noreturn]] void fail(const std::string& what);
    struct archive* zip_;
};

} // namespace wte::content
