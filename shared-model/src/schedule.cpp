#include "wte/schedule.hpp"

#include <cstdio>

namespace wte {

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {
bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
unsigned days_in_month(int y, unsigned m) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}
bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}
} // namespace

std::optional<UnixSeconds> parse_iso8601(const std::string& s) {
    int y, mo, d, h, mi, sec = 0;
    if (!digits(s, 0, 4, y) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != ' ') ||
        !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, sec)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') { // fractions are ignored
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                ++pos;
        }
    }
    if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
        d > static_cast<int>(days_in_month(y, static_cast<unsigned>(mo))) || h > 23 || mi > 59 ||
        sec > 59)
        return std::nullopt;
    int offset = 0;
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 14 || om > 59)
            return std::nullopt;
        offset = (oh * 60 + om) * 60 * (s[pos] == '+' ? 1 : -1);
        pos += 6;
    } else {
        return std::nullopt; // a time without a zone is ambiguous
    }
    if (pos != s.size()) return std::nullopt;
    UnixSeconds days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string format_iso8601(UnixSeconds t) {
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    std::int64_t secs = t - days * 86400;
    // civil_from_days (H. Hinnant)
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    return buf;
}

UnixSeconds floor_to_minute(UnixSeconds t) {
    return t >= 0 ? t - t % 60 : t - ((t % 60) + 60) % 60;
}

bool is_due(UnixSeconds run_at, UnixSeconds now) {
    return floor_to_minute(run_at) <= now;
}

std::string explain_bad_time(const std::string& s) {
    const std::string example = "an ISO 8601 time such as 2026-12-01T09:00Z";
    if (s.empty()) return "No time given; use " + example;
    if (parse_iso8601(s)) return "'" + s + "' is a valid time";
    int y, mo, d, h, mi, sec = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) ||
        s[7] != '-' || !digits(s, 8, 2, d))
        return "'" + s + "' is not " + example;
    if (mo < 1 || mo > 12 || d < 1 ||
        d > static_cast<int>(days_in_month(y, static_cast<unsigned>(mo))))
        return s.substr(0, 10) + " is not a real date";
    if (y < 1970 || y > 9999) return "Times before 1970 or after 9999 cannot be used";
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi))
        return "'" + s + "' has no time of day; use " + example;
    if (s.size() > 16 && s[16] == ':' && !digits(s, 17, 2, sec))
        return "'" + s + "' is not " + example;
    if (h > 23 || mi > 59 || sec > 59) return s.substr(11, 5) + " is not a real time of day";
    auto zone = s.find_first_of("Z+-", 16);
    if (zone == std::string::npos)
        return "'" + s + "' has no time zone; add Z for UTC or an offset such as +01:00";
    return "'" + s + "' is not " + example;
}

std::optional<UnixSeconds> local_to_utc(const LocalDateTime& local, int offset_minutes) {
    if (offset_minutes < -14 * 60 || offset_minutes > 14 * 60) return std::nullopt;
    if (local.date.size() != 10 || (local.time.size() != 5 && local.time.size() != 8))
        return std::nullopt;
    // Reuse the one strict parser: "date T time" plus the offset as ISO 8601 writes it.
    int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char zone[8];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
    return parse_iso8601(local.date + "T" + local.time + zone);
}

LocalDateTime utc_to_local(UnixSeconds t, int offset_minutes) {
    std::string iso = format_iso8601(t + static_cast<UnixSeconds>(offset_minutes) * 60);
    return {iso.substr(0, 10), iso.substr(11, 5)};
}

} // namespace wte
