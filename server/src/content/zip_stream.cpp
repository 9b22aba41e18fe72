#include "content/zip_stream.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <stdexcept>

namespace wte::content {

namespace {
// libarchive hands the archive over in blocks; each goes straight to the sink.
la_ssize_t write_piece(struct archive*, void* sink, const void* data, size_t size) {
    (*static_cast<const ZipStream::Sink*>(sink))(
        std::string_view(static_cast<const char*>(data), size));
    return static_cast<la_ssize_t>(size);
}
} // namespace

ZipStream::ZipStream(const Sink& sink) : zip_(archive_write_new()) {
    if (archive_write_set_format_zip(zip_) != ARCHIVE_OK) fail("zip format");
    archive_write_set_options(zip_, "zip:hdrcharset=UTF-8");
    archive_write_set_bytes_in_last_block(zip_, 1); // no padding after the archive
    if (archive_write_open(zip_, const_cast<Sink*>(&sink), nullptr, write_piece, nullptr) !=
        ARCHIVE_OK)
        fail("open");
}

ZipStream::~ZipStream() {
    if (zip_) archive_write_free(zip_);
}

void ZipStream::fail(const std::string& what) {
    const char* reason = archive_error_string(zip_);
    throw std::runtime_error(what + ": " + (reason ? reason : "unknown"));
}

void ZipStream::begin(const std::string& name, std::int64_t size, std::time_t mtime) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname_utf8(entry, name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(size));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, mtime, 0);
    const bool ok = archive_write_header(zip_, entry) == ARCHIVE_OK;
    archive_entry_free(entry);
    if (!ok) fail("entry " + name);
}

void ZipStream::write(const std::string& name, std::string_view bytes) {
    if (archive_write_data(zip_, bytes.data(), bytes.size()) !=
        static_cast<la_ssize_t>(bytes.size()))
        fail("entry " + name);
}

void ZipStream::add(const std::string& name, std::string_view bytes, std::time_t mtime) {
    begin(name, static_cast<std::int64_t>(bytes.size()), mtime);
    write(name, bytes);
}

void ZipStream::close() {
    if (archive_write_close(zip_) != ARCHIVE_OK) fail("close");
}

} // namespace wte::content
