// Fulfilling renderer needs. The renderers are owned by AppState and outlive
// the requests made for them (signing out cancels every request).
#include "app/page_content.hpp"

#include "app/app.hpp"

namespace wte::client::page_content {

namespace {

void load_saved_answers(App& app, render::PageRenderer& renderer, Id part_id) {
    render::PageRenderer* r = &renderer;
    Request req = get(api::path_quiz_answers(part_id), [r, part_id](const Reply& reply) {
        if (reply.ok())
            r->set_saved_answers(part_id, api::parse_saved_quiz_answers(reply.data).items);
        else
            r->saved_answers_failed(part_id, "Your earlier answers could not be loaded: " +
                                                 reply.error().message);
    });
    req.key = "saved-answers:" + std::to_string(reinterpret_cast<std::uintptr_t>(r));
    app.requests().send(std::move(req));
}

void submit(App& app, render::PageRenderer& renderer, const render::QuizSubmission& s) {
    render::PageRenderer* r = &renderer;
    const Id part_id = s.part_id;
    const std::string quiz = s.answer.quiz, question = s.answer.question;
    app.requests().send(send_json(
        "POST", api::path_quiz_answers(part_id), api::to_json(s.answer),
        [r, part_id, quiz, question](const Reply& reply) {
            if (reply.ok()) {
                api::QuizVerdict v = api::parse_quiz_verdict(reply.data);
                v.quiz = quiz; // the question asked about, whatever the reply names
                v.question = question;
                r->set_verdict(part_id, v);
            } else {
                r->verdict_failed(part_id, quiz, question,
                                  "Your answer could not be checked: " + reply.error().message);
            }
        }));
}

render::CrossrefTitle title_from(const PartView& view) {
    render::CrossrefTitle t;
    t.loading = false;
    t.available = true;
    t.title = view.part.title.empty() ? "Part " + std::to_string(view.part.id) : view.part.title;
    return t;
}

// The YouTube player may run its own scripts on its own origin (it needs
// them), never on ours; no referrer beyond our origin.
IframeSpec youtube_frame(const std::string& src) {
    return {src, "allow-scripts allow-same-origin allow-presentation allow-popups",
            "autoplay; encrypted-media; picture-in-picture; fullscreen",
            "strict-origin-when-cross-origin", "YouTube video"};
}

// One frame per playing video, placed where the renderer drew its box this
// frame; the frames of videos no longer reported are removed.
void sync_videos(App& app, render::PageRenderer& renderer,
                 const std::vector<render::VideoEmbed>& videos) {
    auto& frames = app.state.content.video_overlays;
    PlatformPort& platform = app.platform();
    std::set<std::string> playing;
    for (const render::VideoEmbed& v : videos) {
        playing.insert(v.video_id);
        auto [it, fresh] = frames.try_emplace({&renderer, v.video_id}, 0);
        if (fresh) it->second = platform.overlay_create_iframe(youtube_frame(v.src));
        if (v.visible) {
            std::vector<OverlayRect> holes;
            for (const auto& h : v.hidden)
                holes.push_back({h.x, h.y, h.w, h.h});
            platform.overlay_place(it->second, {v.x, v.y, v.w, v.h}, holes);
        }
        platform.overlay_show(it->second, v.visible);
    }
    for (auto it = frames.begin(); it != frames.end();) {
        if (it->first.first == &renderer && !playing.count(it->first.second)) {
            platform.overlay_remove(it->second);
            it = frames.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace

void fulfil(App& app, render::PageRenderer& renderer) {
    render::RendererNeeds needs = renderer.take_needs();
    sync_videos(app, renderer, needs.videos);
    if (needs.empty()) return;
    PageContent& c = app.state.content;
    for (const std::string& url : needs.images) {
        auto known = c.images.find(url);
        if (known != c.images.end() && known->second.state != render::ImageState::State::loading) {
            renderer.set_image(url, known->second);
            continue;
        }
        auto& waiters = c.image_waiters[url];
        const bool asked = !waiters.empty();
        waiters.insert(&renderer);
        if (asked) continue;
        c.images[url] = {};
        const int id = c.next_image++;
        c.image_requests[id] = url;
        app.platform().load_image(id, url);
    }
    for (Id id : needs.crossref_titles) {
        c.titles_waiting[id].insert(&renderer);
        part_view::fetch(app, id);
    }
    refresh_titles(app);
    if (needs.saved_answers) load_saved_answers(app, renderer, *needs.saved_answers);
    for (const auto& s : needs.submissions)
        submit(app, renderer, s);
    for (const auto& url : needs.open_external)
        app.platform().open_external(url);
    for (const auto& text : needs.copy)
        app.platform().clipboard_write(text);
    for (const auto& d : needs.downloads)
        app.platform().download_url(d.url, d.filename);
    if (needs.open_part) app.navigate(route_part(*needs.open_part), false);
}

void refresh_titles(App& app) {
    PageContent& c = app.state.content;
    for (auto it = c.titles_waiting.begin(); it != c.titles_waiting.end();) {
        const Id id = it->first;
        render::CrossrefTitle title;
        if (const PartView* view = app.state.parts.find(id)) {
            title = title_from(*view);
        } else if (app.state.parts.refused(id)) {
            title = {false, false, ""};
        } else if (!part_view::fetching(app, id)) {
            // Unknown (the server failed): keep the link, show its id.
            title = {false, true, "Part " + std::to_string(id)};
        } else {
            ++it;
            continue;
        }
        for (render::PageRenderer* r : it->second)
            r->set_crossref(id, title);
        it = c.titles_waiting.erase(it);
    }
}

bool poll_images(App& app) {
    PageContent& c = app.state.content;
    const auto events = app.platform().take_image_events();
    for (const ImageEvent& e : events) {
        auto it = c.image_requests.find(e.id);
        if (it == c.image_requests.end()) continue;
        render::ImageState& img = c.images[it->second];
        if (e.texture) {
            img.state = render::ImageState::State::ready;
            img.texture = e.texture;
            img.width = e.width;
            img.height = e.height;
        } else {
            img.state = render::ImageState::State::failed;
        }
        for (render::PageRenderer* r : c.image_waiters[it->second])
            r->set_image(it->second, img);
        c.image_waiters.erase(it->second);
        c.image_requests.erase(it);
    }
    return !events.empty();
}

} // namespace wte::client::page_content
