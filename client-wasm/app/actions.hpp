// What the user asked for during one frame, one struct per feature. Screens
// only record intent here; App::apply hands it to the features after the
// frame (requests, route changes), so drawing never has side effects.
#pragma once

#include "app/accounts.hpp"
#include "app/admin.hpp"
#include "app/content_editor.hpp"
#include "app/help.hpp"
#include "app/members.hpp"
#include "app/module_lists.hpp"
#include "app/part_files.hpp"
#include "app/part_view.hpp"
#include "app/preview.hpp"
#include "app/profile.hpp"
#include "app/route.hpp"
#include "app/session.hpp"
#include "app/stats.hpp"
#include "app/timed_actions.hpp"
#include "app/transfer.hpp"
#include "app/tree_edit.hpp"
#include "app/workspace.hpp"

#include <optional>

namespace wte::client {

struct Actions {
    std::optional<Route> navigate;
    bool retry = false;           // reload whatever the current screen shows
    std::optional<bool> top_menu; // open (true) or close the top bar's Menu
    SessionActions session;
    AccountActions accounts;
    ModuleListActions lists;
    PartActions part;
    TimedActions timed;
    TreeEditActions tree;
    PreviewActions preview;
    WorkspaceActions workspace;
    MembersActions members;
    StatsActions stats;
    PartFilesActions files;
    HelpActions help;
    ContentEditorActions content_editor;
    ProfileActions profile;
    AdminActions admin;
    NotifyActions notify;
    TransferActions transfer;

    bool any() const {
        return navigate || retry || top_menu || profile.any() || admin.any() || notify.any() ||
               transfer.any() || session.any() || accounts.any() || lists.any() || part.any() ||
               timed.any() || tree.any() || preview.any() || workspace.any() || members.any() ||
               stats.any() || files.any() || help.any() || content_editor.any();
    }
};

} // namespace wte::client
