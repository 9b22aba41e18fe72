// Everything the client knows, composed of one state struct per feature.
// Screens read it; only the features (through App) write it.
#pragma once

#include "app/accounts.hpp"
#include "app/admin.hpp"
#include "app/content_editor.hpp"
#include "app/help.hpp"
#include "app/members.hpp"
#include "app/module_lists.hpp"
#include "app/page_content.hpp"
#include "app/part_files.hpp"
#include "app/part_view.hpp"
#include "app/preview.hpp"
#include "app/profile.hpp"
#include "app/progress.hpp"
#include "app/route.hpp"
#include "app/session.hpp"
#include "app/stats.hpp"
#include "app/time_on_page.hpp"
#include "app/timed_actions.hpp"
#include "app/transfer.hpp"
#include "app/tree_edit.hpp"
#include "app/workspace.hpp"

namespace wte::client {

struct AppState {
    Route route;
    SessionState session;     // app/session.hpp
    AccountForms accounts;    // app/accounts.hpp: register, forgot, mailed links
    ModuleLists lists;        // app/module_lists.hpp
    PartCache parts;          // app/part_view.hpp: the one cache of parts
    PartScreen part;          // app/part_view.hpp
    TimedActionsPanel timed;  // app/timed_actions.hpp
    TreeEditState tree;       // app/tree_edit.hpp: the teacher's dialogs on the tree
    PageContent content;      // app/page_content.hpp: the page renderer and its images
    TimeOnPage time;          // app/time_on_page.hpp: the learner's time on the page on screen
    WorkspaceState workspace; // app/workspace.hpp: the files of the three-pane part on screen
    LearnerProgress
        progress;        // app/progress.hpp: the learner's progress on the part or module on screen
    PreviewPane preview; // app/preview.hpp: the live preview of the learner's page
    MembersScreen members;             // app/members.hpp: a module's members, for its owners
    StatsScreen stats;                 // app/stats.hpp: a part's statistics, for owners and tutors
    PartFiles files;                   // app/part_files.hpp: the Files screen of a part, uploads
    HelpPanel help;                    // app/help.hpp: the help beside any screen
    ContentEditorState content_editor; // app/content_editor.hpp: the teacher's reST editor
    ProfileScreen profile;             // app/profile.hpp: the user's own account
    EmailConfirmation email_confirmation; // app/profile.hpp: #/confirm-email/TOKEN
    AdminState admin;                     // app/admin.hpp: users, all modules, re-render
    NotifyForm notify;                    // app/admin.hpp: a teacher's mail to the members
    ImportPanel import_panel;             // app/transfer.hpp: a ZIP on its way in

    // The compact top bar's Menu (a phone, 200 % zoom: screens/shell.cpp) is
    // open; it belongs to the screen it was opened on (App::enter_route closes it).
    bool top_menu_open = false;
    bool high_contrast = false;
    ThemeChoice theme = ThemeChoice::system; // the account's choice
    bool prefers_dark = false;               // the browser's prefers-color-scheme
    int frame = 0;
};

} // namespace wte::client
