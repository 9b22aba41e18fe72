// Files between the learner's computer and the client: the browser's file
// picker, files dropped on the canvas, and downloads (bytes made in wasm, or a
// same-origin server URL the browser streams to disk). The JavaScript half is
// web/js/files.js (window.WTEFiles); results are taken once per frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wte::platform {

struct PickedFile {
    std::string name;
    std::string mime_type; // as the browser guesses it; may be empty
    std::size_t size = 0;  // bytes on disk
    // The content; empty when too_large (size is still the real one, so a
    // screen can say "video.mp4 is 300 MB, the limit is 10 MB").
    std::vector<std::uint8_t> bytes;
    bool too_large = false;
};

// The answer to one pick_files() request.
struct FilePick {
    int id = 0;
    bool cancelled = false; // the learner closed the picker without choosing
    std::vector<PickedFile> files;
};

// Files dropped on the canvas; x, y in CSS pixels from the canvas's top left,
// so a screen can tell which of its rectangles was the target.
struct FileDrop {
    float x = 0, y = 0;
    std::vector<PickedFile> files;
};

// Files being dragged over the canvas right now (for highlighting a target).
struct DragHover {
    bool active = false;
    float x = 0, y = 0; // CSS pixels from the canvas's top left
};

// Opens the browser's file picker; returns the request's id, answered later by
// take_file_picks(). accept: the <input accept> list (".zip,image/*"; empty
// for any file). Browsers open a picker only during a user gesture: call this
// in the frame that handles the click. If the browser no longer counts that
// click as a gesture, the picker opens on the learner's next click or key
// press anywhere on the page (web/js/files.js). A new request while one is
// still waiting answers the waiting one as cancelled.
int pick_files(const std::string& accept, bool multiple);
std::vector<FilePick> take_file_picks();

std::vector<FileDrop> take_file_drops();
DragHover drag_hover();

// Files larger than this are reported too_large and not read into memory
// (picked and dropped alike). Default 32 MiB.
void set_file_size_limit(std::size_t bytes);

// Saves bytes made in wasm as a file (a Blob behind an <a download>).
void download_bytes(const std::string& filename, const std::string& mime_type,
                    const std::uint8_t* data, std::size_t size);
// Saves what a same-origin URL ("/api/v1/...") answers; the session cookie
// goes along and the browser streams it to disk (nothing passes through wasm).
// filename: the suggested name (empty: the server's Content-Disposition or
// the URL's). Returns false, and does nothing, for a URL of another origin.
bool download_url(const std::string& url, const std::string& filename);

} // namespace wte::platform
