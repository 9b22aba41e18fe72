// The renderer's own door to the browser: API requests for quiz answers and
// link titles, image decoding into WebGL textures, opening external links.
// Replies are queued and taken once per frame by page_view.cpp.
#pragma once

#include <string>
#include <vector>

namespace wte::render::net {

struct Result {
    int id = 0;
    int status = 0; // 0: the server could not be reached
    std::string body;
};
int request(const std::string& method, const std::string& url, const std::string& body,
            const std::string& csrf);
std::vector<Result> take_results();

struct ImageResult {
    int id = 0;
    unsigned texture = 0; // 0: could not be loaded or decoded
    int width = 0, height = 0;
};
// The browser fetches and decodes the image and uploads it as a texture.
int load_image(const std::string& url);
std::vector<ImageResult> take_images();

// CPU time of the last draw_content call and of the last layout, for
// tests/bench/frame_time.js (window.wteTest.contentDrawMs / contentLayoutMs).
void publish_times(double draw_ms, double layout_ms);

// A new tab without access to this page (noopener).
void open_external(const std::string& url);

} // namespace wte::render::net
