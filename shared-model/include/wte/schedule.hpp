// Time as WTE stores it: seconds since the Unix epoch, UTC, written as ISO
// 8601 ("2026-12-01T09:00:00Z"). Timed tasks use minute precision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace wte {

using UnixSeconds = std::int64_t;

// Accepts "YYYY-MM-DDTHH:MM[:SS]Z" and "+HH:MM"/"-HH:MM" offsets; nullopt
// for anything else (including impossible dates such as 2026-02-30).
std::optional<UnixSeconds> parse_iso8601(const std::string& text);
std::string format_iso8601(UnixSeconds t); // always UTC with 'Z'

UnixSeconds floor_to_minute(UnixSeconds t);

// A task set for minute M is due from the first second of M on.
bool is_due(UnixSeconds run_at, UnixSeconds now);

// Why text is not a time parse_iso8601 accepts, in words a person can act
// on ("2026-02-30 is not a real date"); for form and API error messages.
std::string explain_bad_time(const std::string& text);

// Date and time fields as a person types them, in their own time zone.
// offset_minutes is minutes east of UTC (CET: +60, New York in winter: -300),
// the sign ISO 8601 uses; JavaScript's getTimezoneOffset() is its negation.
struct LocalDateTime {
    std::string date; // "2026-12-01"
    std::string time; // "09:00"
    bool operator==(const LocalDateTime&) const = default;
};
// nullopt for an impossible date or time, or an offset beyond ±14 hours.
std::optional<UnixSeconds> local_to_utc(const LocalDateTime& local, int offset_minutes);
LocalDateTime utc_to_local(UnixSeconds t, int offset_minutes); // seconds are dropped

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);

} // namespace wte
