// All stores over one Connection, one per aggregate; each holds all of its
// aggregate's SQL. Handlers reach them as ctx.stores.tree.find_part(id).
// A future PostgreSQL backend implements the same stores.
#pragma once

#include "db/admin_store.hpp"
#include "db/asset_store.hpp"
#include "db/database.hpp"
#include "db/membership_store.hpp"
#include "db/outbox_store.hpp"
#include "db/progress_store.hpp"
#include "db/quiz_store.hpp"
#include "db/rerender_store.hpp"
#include "db/rows.hpp"
#include "db/stats_store.hpp"
#include "db/task_store.hpp"
#include "db/tree_store.hpp"
#include "db/user_store.hpp"
#include "db/workspace_store.hpp"

namespace wte::db {

struct Stores {
    explicit Stores(Connection& c)
        : connection(c), users(c), tasks(c), tree(c, tasks), membership(c), quizzes(c), assets(c),
          progress(c), workspace(c), outbox(c), stats(c), admin(c), rerender(c) {}
    Stores(const Stores&) = delete;
    Stores& operator=(const Stores&) = delete;

    Connection& connection;
    UserStore users;            // users, groups, permissions, sessions, sign-in failures
    TaskStore tasks;            // timed tasks (declared before tree, which uses it)
    TreeStore tree;             // parts, status history, access, order
    MembershipStore membership; // roles, my modules, available modules
    QuizStore quizzes;          // extracted quizzes and learners' answers
    AssetStore assets;          // files of parts
    ProgressStore progress;     // visits, time on page, current pages
    WorkspaceStore workspace;   // learners' files of three-pane parts, preview tokens
    OutboxStore outbox;         // outgoing mail, delivered by the sender thread
    StatsStore stats;           // teachers' statistics over all learners of a node
    AdminStore admin;           // the administrators' lists of users and modules
    RerenderStore rerender;     // the "re-render all content" job
};

} // namespace wte::db
