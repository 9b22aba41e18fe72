// EM_JS side of content_net.hpp; the JavaScript helpers (fetch, image
// decoding, window.open) are WTE.contentFetch / decodeImage / openExternal
// in web/js/bridge.js. The texture upload happens here, where GL lives.
#include "render/content_net.hpp"

#include <emscripten.h>

#include <utility>

namespace {
std::vector<wte::render::net::Result> g_results;
std::vector<wte::render::net::ImageResult> g_images;
int g_next_id = 1;
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void wte_content_http_done(int id, int status, const char* body, int length) {
    g_results.push_back({id, status, std::string(body, static_cast<std::size_t>(length))});
}
EMSCRIPTEN_KEEPALIVE void wte_image_done(int id, int texture, int width, int height) {
    g_images.push_back({id, static_cast<unsigned>(texture), width, height});
}
}

// clang-format off
EM_JS(void, js_content_fetch, (int id, const char* method, const char* url, const char* body,
                               const char* csrf), {
    WTE.contentFetch(id, UTF8ToString(method), UTF8ToString(url), UTF8ToString(body),
                     UTF8ToString(csrf));
});
EM_JS(void, js_load_image, (int id, const char* url), {
    WTE.decodeImage(UTF8ToString(url)).then(function(bitmap) {
        var tex = GLctx.createTexture();
        var name = GL.getNewId(GL.textures);
        tex.name = name;
        GL.textures[name] = tex;
        GLctx.bindTexture(GLctx.TEXTURE_2D, tex);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MIN_FILTER, GLctx.LINEAR);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_MAG_FILTER, GLctx.LINEAR);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_S, GLctx.CLAMP_TO_EDGE);
        GLctx.texParameteri(GLctx.TEXTURE_2D, GLctx.TEXTURE_WRAP_T, GLctx.CLAMP_TO_EDGE);
        GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, bitmap);
        GLctx.bindTexture(GLctx.TEXTURE_2D, null);
        Module._wte_image_done(id, name, bitmap.width, bitmap.height);
        if (bitmap.close) bitmap.close();
    }).catch(function() {
        Module._wte_image_done(id, 0, 0, 0);
    });
});
EM_JS(void, js_publish_times, (double draw_ms, double layout_ms), {
    window.wteTest.contentDrawMs = draw_ms;
    window.wteTest.contentLayoutMs = layout_ms;
});
EM_JS(void, js_open_external, (const char* url), {
    WTE.openExternal(UTF8ToString(url));
});
// clang-format on

namespace wte::render::net {

int request(const std::string& method, const std::string& url, const std::string& body,
            const std::string& csrf) {
    const int id = g_next_id++;
    js_content_fetch(id, method.c_str(), url.c_str(), body.c_str(), csrf.c_str());
    return id;
}

std::vector<Result> take_results() {
    return std::exchange(g_results, {});
}

int load_image(const std::string& url) {
    const int id = g_next_id++;
    js_load_image(id, url.c_str());
    return id;
}

std::vector<ImageResult> take_images() {
    return std::exchange(g_images, {});
}

void publish_times(double draw_ms, double layout_ms) {
    js_publish_times(draw_ms, layout_ms);
}

void open_external(const std::string& url) {
    js_open_external(url.c_str());
}

} // namespace wte::render::net
