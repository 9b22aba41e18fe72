#include "config.hpp"

#include "db/database.hpp"

#include <INIReader.h>

#include <filesystem>
#include <sstream>

namespace wte {

namespace {
std::string resolve(const std::string& base_file, const std::string& p) {
    if (p.empty()) return p;
    std::filesystem::path path(p);
    if (path.is_absolute()) return p;
    return (std::filesystem::absolute(base_file).parent_path() / path).lexically_normal().string();
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) {
        auto b = item.find_first_not_of(" \t");
        auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    }
    return out;
}

long checked_int(INIReader& ini, const char* section, const char* key, long def, long lo, long hi) {
    std::string raw = ini.Get(section, key, "");
    if (raw.empty()) return def;
    char* end = nullptr;
    long v = std::strtol(raw.c_str(), &end, 10);
    if (*end != '\0' || v < lo || v > hi)
        throw ConfigError(std::string("[") + section + "] " + key + " must be a number from " +
                          std::to_string(lo) + " to " + std::to_string(hi) + ", not '" + raw + "'");
    return v;
}
} // namespace

Config load_config(const std::string& path) {
    if (!std::filesystem::exists(path))
        throw ConfigError("Configuration file " + path + " does not exist");
    INIReader ini(path);
    if (ini.ParseError() < 0) throw ConfigError("Cannot read configuration file " + path);
    if (ini.ParseError() > 0)
        throw ConfigError("Syntax error in " + path + " at line " +
                          std::to_string(ini.ParseError()));
    Config c;
    c.file = path;
    c.host = ini.Get("server", "host", c.host);
    c.port = static_cast<int>(checked_int(ini, "server", "port", c.port, 1, 65535));
    c.threads = static_cast<int>(checked_int(ini, "server", "threads", c.threads, 1, 256));
    c.static_dir = resolve(path, ini.Get("server", "static_dir", ""));
    c.upload_limit = checked_int(ini, "server", "upload_limit", c.upload_limit, 1024, 1L << 31);
    c.header_timeout_seconds = static_cast<int>(
        checked_int(ini, "server", "header_timeout", c.header_timeout_seconds, 1, 3600));
    c.body_timeout_seconds = static_cast<int>(
        checked_int(ini, "server", "body_timeout", c.body_timeout_seconds, 1, 3600));
    c.cookie_secure = ini.GetBoolean("server", "cookie_secure", c.cookie_secure);
    c.public_url = ini.Get("server", "public_url", c.public_url);
    c.database = resolve(path, ini.Get("database", "path", c.database));
    if (std::string url = ini.Get("database", "url", ""); !url.empty()) {
        if (!db::is_postgresql_url(url))
            throw ConfigError("[database] url must start with postgresql://, not " + url);
        c.database = url;
    }
    c.session_hours =
        static_cast<int>(checked_int(ini, "server", "session_hours", c.session_hours, 1, 24 * 365));
    c.registration_domains = split_list(ini.Get("registration", "domains", ""));
    c.email.smtp_host = ini.Get("email", "smtp_host", "");
    c.email.port = static_cast<int>(checked_int(ini, "email", "port", c.email.port, 1, 65535));
    c.email.ssl = ini.GetBoolean("email", "ssl", false);
    c.email.starttls = ini.GetBoolean("email", "starttls", false);
    c.email.retry_seconds = static_cast<int>(
        checked_int(ini, "email", "retry_seconds", c.email.retry_seconds, 1, 3600));
    c.email.username = ini.Get("email", "username", "");
    c.email.password = ini.Get("email", "password", "");
    c.email.sender = ini.Get("email", "sender", c.email.sender);
    return c;
}

std::string default_config_text() {
    return R"(# wte-server configuration. Relative paths are relative to this file.

[server]
# Address and port wte-server listens on. Behind Apache2 keep 127.0.0.1:6543.
host = 127.0.0.1
port = 6543
# Worker threads handling requests.
threads = 2
# Folder with the built web client (index.html, wte.js, wte.wasm). Leave empty
# when Apache2 serves the bundle; set it for a single-process developer run.
static_dir =
# Largest request body accepted, in bytes (uploads, imports).
upload_limit = 10485760
# Seconds a client may take to send a request's headers, and its body: a
# client that stalls or dribbles is disconnected.
header_timeout = 30
body_timeout = 120
# Mark the session cookie Secure (set to true when served over HTTPS).
cookie_secure = false
# The address users open, used in links sent by email.
public_url = http://localhost:8080
# How long a sign-in lasts, in hours.
session_hours = 336

[database]
# SQLite database file (created by init-db).
path = wte.db
# Or a PostgreSQL server instead (wins over path when set), e.g.
# url = postgresql://wte:secret@db.example.org:5432/wte
url =

[registration]
# Comma-separated email domains allowed to register; empty allows any.
domains =

[email]
# SMTP server for outgoing mail. Empty: mails are written to the server log.
smtp_host =
port = 25
# Implicit TLS (smtps, usually port 465).
ssl = false
# Require STARTTLS on a plain connection (usually port 587).
starttls = false
username =
password =
# The From: address of mails WTE sends.
sender = wte@localhost
# Seconds before the first retry of a mail that could not be delivered; each
# further retry waits twice as long, at most an hour. Mails are never dropped.
retry_seconds = 30
)";
}

} // namespace wte
