// Feature: the "Statistics" screen of a module, part or page
// (#/parts/N/stats, drawn by screens/stats.cpp) for its owners and tutors:
// the numbers as the server computed them, and the CSV download.
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

namespace wte::client {

class App;

struct StatsScreen {
    Id part_id = 0;
    Remote<api::PartStats> stats;
};

struct StatsActions {
    bool download_csv = false;
    bool any() const { return download_csv; }
};

namespace stats {
void load(App& app, Id part_id);
void apply(App& app, StatsActions& a);
// "<title> statistics.csv", the name the download is saved under.
std::string csv_filename(const api::PartStats& s);
} // namespace stats

} // namespace wte::client
