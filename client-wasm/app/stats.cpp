// The statistics on screen: asked for on every entry (numbers change as
// learners read), replies of another part ignored; the CSV is the server's
// own (GET …/stats?format=csv), saved through the browser's download.
#include "app/stats.hpp"

#include "app/app.hpp"

namespace wte::client {

namespace stats {

void load(App& app, Id part_id) {
    StatsScreen& s = app.state.stats;
    if (s.part_id != part_id) s = StatsScreen{};
    s.part_id = part_id;
    part_view::fetch(app, part_id);
    Request r = get(api::path_stats(part_id), [&app](const Reply& r) {
        StatsScreen& s = app.state.stats;
        if (r.id != s.stats.request) return;
        if (!r.ok()) {
            s.stats.fail(r.error().message);
            return;
        }
        s.stats.succeed(api::parse_part_stats(r.data));
    });
    r.key = "stats";
    s.stats.start(app.requests().send(std::move(r)));
}

std::string csv_filename(const api::PartStats& s) {
    return (s.title.empty() ? std::string("part") : s.title) + " statistics.csv";
}

void apply(App& app, StatsActions& a) {
    StatsScreen& s = app.state.stats;
    if (a.download_csv && s.stats.ready())
        app.platform().download_url(api::path_stats_csv(s.part_id), csv_filename(s.stats.value));
}

} // namespace stats

} // namespace wte::client
