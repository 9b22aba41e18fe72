// When a timed task is due, how times are read and written (UTC, minute
// precision, offsets, impossible dates), and what a timed-task request must
// contain: the shared-model rules the client form and the server both use.
#include "wte/schedule.hpp"
#include "wte/timed_task.hpp"

#include <catch2/catch.hpp>

using namespace wte;

namespace {
UnixSeconds at(const std::string& iso) {
    auto t = parse_iso8601(iso);
    REQUIRE(t);
    return *t;
}
} // namespace

TEST_CASE("a task is due from the first second of its minute, not before") {
    UnixSeconds nine = at("2026-12-01T09:00:00Z");
    CHECK_FALSE(is_due(nine, at("2026-12-01T08:59:59Z")));
    CHECK(is_due(nine, at("2026-12-01T09:00:00Z")));
    CHECK(is_due(nine, at("2026-12-01T09:00:59Z")));
    CHECK(is_due(nine, at("2027-01-01T00:00:00Z"))); // missed runs catch up
    // A task written with seconds belongs to its minute.
    CHECK(is_due(at("2026-12-01T09:00:45Z"), at("2026-12-01T09:00:00Z")));
}

TEST_CASE("times are UTC with minute precision: seconds are dropped") {
    CHECK(parse_run_at("2026-12-01T09:00:59Z") == at("2026-12-01T09:00:00Z"));
    CHECK(parse_run_at("2026-12-01T09:30:15.250Z") == at("2026-12-01T09:30:00Z"));
    CHECK(format_iso8601(parse_run_at("2026-12-01T09:00:30Z")) == "2026-12-01T09:00:00Z");
    CHECK(floor_to_minute(119) == 60);
    CHECK(floor_to_minute(-1) == -60);
}

TEST_CASE("times with an offset are converted to UTC") {
    CHECK(at("2026-12-01T10:00+01:00") == at("2026-12-01T09:00Z"));
    CHECK(at("2026-12-01T04:00-05:00") == at("2026-12-01T09:00Z"));
    CHECK(at("2026-12-01T14:45+05:45") == at("2026-12-01T09:00Z"));
    CHECK(at("2026-12-01T00:30+01:00") == at("2026-11-30T23:30Z")); // the day before in UTC
    CHECK(at("2026-12-31T23:00-02:00") == at("2027-01-01T01:00Z")); // the year after
}

TEST_CASE("impossible dates and times are refused with a reason a person can act on") {
    CHECK_FALSE(parse_iso8601("2026-02-30T09:00Z"));
    CHECK(explain_bad_time("2026-02-30T09:00Z") == "2026-02-30 is not a real date");
    CHECK_FALSE(parse_iso8601("2026-02-29T09:00Z"));
    CHECK(parse_iso8601("2028-02-29T09:00Z")); // leap year
    CHECK_FALSE(parse_iso8601("2100-02-29T09:00Z"));
    CHECK(explain_bad_time("2026-13-01T09:00Z") == "2026-13-01 is not a real date");
    CHECK(explain_bad_time("2026-12-01T24:00Z") == "24:00 is not a real time of day");
    CHECK(explain_bad_time("2026-12-01T09:60Z") == "09:60 is not a real time of day");
    CHECK_THAT(explain_bad_time("2026-12-01T09:00"), Catch::Contains("no time zone"));
    CHECK_THAT(explain_bad_time("next tuesday"), Catch::Contains("is not an ISO 8601 time"));
    CHECK_THAT(explain_bad_time("2026-12-01"), Catch::Contains("no time of day"));
    CHECK_THAT(explain_bad_time(""), Catch::Contains("No time given"));
    CHECK_FALSE(parse_iso8601("2026-12-01T09:00Z trailing"));
    CHECK_FALSE(parse_iso8601("2026-12-01T09:00+15:00"));
}

TEST_CASE("date and time fields in the viewer's zone become UTC and back") {
    // Berlin in winter (+60), New York in winter (-300), Kathmandu (+345).
    CHECK(local_to_utc({"2026-12-01", "10:00"}, 60) == at("2026-12-01T09:00Z"));
    CHECK(local_to_utc({"2026-12-01", "04:00"}, -300) == at("2026-12-01T09:00Z"));
    CHECK(local_to_utc({"2026-12-01", "14:45"}, 345) == at("2026-12-01T09:00Z"));
    CHECK(local_to_utc({"2026-01-01", "00:30"}, 60) == at("2025-12-31T23:30Z"));
    CHECK(utc_to_local(at("2025-12-31T23:30Z"), 60) == LocalDateTime{"2026-01-01", "00:30"});
    CHECK(utc_to_local(at("2026-12-01T09:00:59Z"), -300) == LocalDateTime{"2026-12-01", "04:00"});
    for (int offset : {-720, -300, 0, 60, 330, 840}) {
        UnixSeconds t = at("2026-06-15T12:34Z");
        CHECK(local_to_utc(utc_to_local(t, offset), offset) == t);
    }
}

TEST_CASE("impossible local dates and offsets are refused") {
    CHECK_FALSE(local_to_utc({"2026-02-30", "10:00"}, 60));
    CHECK_FALSE(local_to_utc({"2026-12-01", "25:00"}, 60));
    CHECK_FALSE(local_to_utc({"2026-12-01", "9:00"}, 60));
    CHECK_FALSE(local_to_utc({"1.12.2026", "09:00"}, 60));
    CHECK_FALSE(local_to_utc({"2026-12-01", "09:00"}, 15 * 60));
}

TEST_CASE("a timed-task request needs a kind, a time and options") {
    auto r = parse_timed_task_request({{"name", "change_status"},
                                       {"run_at", "2026-12-01T10:00:30+01:00"},
                                       {"options", {{"target_status", "available"}}}});
    CHECK(r.name == "change_status");
    CHECK(r.run_at == at("2026-12-01T09:00Z"));
    CHECK(r.options["target_status"] == "available");
    CHECK(to_json(r)["run_at"] == "2026-12-01T09:00:00Z");

    json good = to_json(r);
    for (const char* field : {"name", "run_at", "options"}) {
        json j = good;
        j.erase(field);
        CHECK_THROWS_WITH(parse_timed_task_request(j), Catch::Contains("is required"));
    }
    json j = good;
    j["run_at"] = "2026-02-30T09:00Z";
    CHECK_THROWS_WITH(parse_timed_task_request(j), "2026-02-30 is not a real date");
    j = good;
    j["run_at"] = 1764579600;
    CHECK_THROWS_AS(parse_timed_task_request(j), BadInput);
    j = good;
    j["options"] = "available";
    CHECK_THROWS_WITH(parse_timed_task_request(j), Catch::Contains("must be an object"));
    j = good;
    j["when"] = "soon";
    CHECK_THROWS_WITH(parse_timed_task_request(j), Catch::Contains("Unknown field 'when'"));
    CHECK_THROWS_AS(parse_timed_task_request(json::array()), BadInput);
}

TEST_CASE("an edit names what changes, and something must") {
    auto p = parse_timed_task_patch({{"run_at", "2026-12-01T09:00Z"}});
    CHECK(p.run_at == at("2026-12-01T09:00Z"));
    CHECK_FALSE(p.name);
    CHECK_FALSE(p.options);
    CHECK_THROWS_WITH(parse_timed_task_patch(json::object()), Catch::Contains("Nothing to change"));
    CHECK_THROWS_WITH(parse_timed_task_patch({{"run_at", "tomorrow"}}),
                      Catch::Contains("ISO 8601"));
}

TEST_CASE("change_status takes a known status, and only modules can be archived") {
    json available = {{"target_status", "available"}};
    json archived = {{"target_status", "archived"}};
    CHECK_NOTHROW(validate_change_status(available, PartType::page));
    CHECK(change_status_target(available) == Status::available);
    CHECK_NOTHROW(validate_change_status(archived, PartType::module));
    CHECK_THROWS_WITH(validate_change_status(archived, PartType::part),
                      "Only modules can be archived; this is a part");
    CHECK_THROWS_WITH(validate_change_status({{"target_status", "hidden"}}, PartType::page),
                      Catch::Contains("Unknown status 'hidden'"));
    CHECK_THROWS_WITH(validate_change_status(json::object(), PartType::page),
                      Catch::Contains("needs options.target_status"));
    CHECK_THROWS_WITH(
        validate_change_status({{"target_status", "available"}, {"x", 1}}, PartType::page),
        Catch::Contains("Unknown option 'x'"));
}
