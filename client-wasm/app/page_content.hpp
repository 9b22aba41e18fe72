// Feature: what the page renderers need, fulfilled after each frame through
// the request queue and the platform: images, cross-reference titles (from
// the one cache of parts), saved quiz answers, answers to check, links to
// open, files to download, videos to play in a frame over the canvas, text
// to copy. Results are fed back into the renderer that asked.
#pragma once

#include "render/page_renderer.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>

namespace wte::client {

class App;

struct PageContent {
    render::PageRenderer page; // the content of the module, part or page on screen
    std::map<std::string, render::ImageState> images; // by URL, for every renderer
    std::map<int, std::string> image_requests;        // image load id → URL
    std::map<std::string, std::set<render::PageRenderer*>> image_waiters;
    int next_image = 1;
    // Link titles on their way into the cache, and the renderers that show them.
    std::map<Id, std::set<render::PageRenderer*>> titles_waiting;
    // The frame of each playing video, by renderer and video id.
    std::map<std::pair<render::PageRenderer*, std::string>, int> video_overlays;
};

namespace page_content {
// Takes the renderer's needs and starts what they ask for.
void fulfil(App& app, render::PageRenderer& renderer);
// Images that arrived; returns true when any did.
bool poll_images(App& app);
// Cross-reference titles that the cache of parts can now answer.
void refresh_titles(App& app);
} // namespace page_content

} // namespace wte::client
