// DOM elements laid over the canvas where ImGui cannot draw them itself: the
// learner's preview <iframe>, a YouTube embed. A screen places an overlay
// every frame over one of its rectangles; nothing crosses to JavaScript
// (web/js/overlay.js, window.WTEOverlay) unless the placement changed.
#pragma once

#include <string>
#include <vector>

namespace wte::platform {

// In canvas device pixels, as ImGui draws (ImGui's DisplaySize space).
struct CanvasRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool operator==(const CanvasRect&) const = default;
};

struct IframeOverlay {
    std::string src;
    // Always applied: empty means every restriction ("allow-scripts" for a
    // preview; a preview never gets "allow-same-origin", so its origin is null).
    std::string sandbox;
    std::string allow;           // permissions policy ("fullscreen; autoplay")
    std::string referrer_policy; // empty: the page's policy
    std::string title;           // read by screen readers
};

// Creates the iframe, hidden until first placed and shown; returns its id.
int overlay_create_iframe(const IframeOverlay& spec);
// Loads another document in the iframe (the same src again reloads it).
void overlay_navigate(int id, const std::string& src);
// Posts a message into the iframe's document: `json` is parsed and sent as
// a plain object to any origin ('*': a sandboxed frame's origin is opaque).
void overlay_post(int id, const std::string& json);
// Lays the overlay over rect. holes: parts of rect where ImGui draws popups
// over it; they are cut out (CSS clip-path) so the popups stay visible and
// clickable. Cheap when nothing changed: call it every frame.
void overlay_place(int id, const CanvasRect& rect, const std::vector<CanvasRect>& holes = {});
void overlay_show(int id, bool visible);
void overlay_remove(int id);

// The overlay holding the keyboard focus (the learner clicked into it), or 0.
// ImGui never sees that click: while this is non-zero the app should let go
// of an active text field, whose hidden <textarea> would take the focus back.
int overlay_focused();

// A postMessage from an overlay's own frame (others are ignored): strings as
// sent, other values as JSON.
struct OverlayMessage {
    int overlay = 0;
    std::string text;
};
std::vector<OverlayMessage> take_overlay_messages();

} // namespace wte::platform
