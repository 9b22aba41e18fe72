// Feature: the module, part or page on screen (#/parts/N), the one cache of
// parts (back/forward, previous/next, cross-reference titles) and taking or
// leaving a module.
#pragma once

#include "app/remote.hpp"
#include "wte/domain.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wte::client {

class App;

// Last seen views by part id, and the ids the server refused to show
// (403/404). A cached view is shown at once and refreshed in the background.
class PartCache {
public:
    const PartView* find(Id id) const;
    void put(const PartView& view);
    void forget(Id id);
    bool refused(Id id) const { return refused_.count(id) > 0; }
    void refuse(Id id);
    void clear();

private:
    std::map<Id, PartView> views_;
    std::set<Id> refused_;
};

struct EnrolForm {
    Id module_id = 0;
    std::string password;
    bool busy = false;
    std::string error;
    int request = 0;
    bool confirm_leave = false; // "Leave this module?" is asked on the module page
};

struct PartScreen {
    Id id = 0;             // which node `view` is about
    Remote<PartView> view; // the node of the current #/parts/N route
    EnrolForm enrol;
    int entry = 0; // counts load(): each time the screen is entered or reloaded
};

struct PartActions {
    std::optional<Id> enrol;
    bool ask_leave = false;    // show the confirmation
    bool cancel_leave = false; // "Stay"
    std::optional<Id> leave;   // confirmed: DELETE the enrolment
    bool any() const { return enrol || ask_leave || cancel_leave || leave; }
};

namespace part_view {
// Shows part `id` (from the cache at once when it is there) and asks the
// server for the current view.
void load(App& app, Id id);
// Fetches part `id` into the cache only (a page's parent, a link title);
// nothing when it is cached, refused or on its way.
void fetch(App& app, Id id);
// Is part `id` on its way (into the cache or onto the screen)?
bool fetching(App& app, Id id);
void apply(App& app, PartActions& a);
// The pages previous / next and the page picker go over: the available pages
// of `parent` in order (a learner is sent only those; an editor's drafts are
// skipped), and `current` where it stands even when it is a draft.
std::vector<const PartSummary*> readable_pages(const PartView& parent, Id current);
} // namespace part_view

} // namespace wte::client
