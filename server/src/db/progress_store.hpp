// ProgressStore: the SQL of a learner's progress — which pages they visited,
// the seconds spent on each, and each part's current page. Reading a page
// stays a read: record_visit writes only on a first visit or a new current page.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace wte::db {

struct PageVisit {
    std::int64_t seconds = 0;
};

class ProgressStore {
public:
    explicit ProgressStore(Connection& c) : c_(c) {}

    // Marks `page` visited and the current page of `part`; true when it wrote.
    bool record_visit(Id user, Id part, Id page, std::int64_t now);
    // Adds seconds to the page (a visit if there was none); the page's new total.
    std::int64_t add_seconds(Id user, Id page, std::int64_t seconds, std::int64_t now);
    std::optional<Id> current_page(Id user, Id part);
    // The visited ones among `pages`.
    std::map<Id, PageVisit> visits(Id user, const std::vector<Id>& pages);
    // Leaving a module: every visit and current page in it goes.
    void forget_module(Id user, Id module);

private:
    Connection& c_;
};

} // namespace wte::db
