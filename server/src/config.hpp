// wte-server's INI configuration. `generate-config` writes a commented
// default; every mode reads the same file. Unknown values fail loudly.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace wte {

struct EmailSettings {
    std::string smtp_host; // empty: mails are written to the server log
    int port = 25;
    bool ssl = false;      // implicit TLS (smtps, usually port 465)
    bool starttls = false; // require STARTTLS on a plain connection (usually port 587)
    std::string username;
    std::string password;
    std::string sender = "wte@localhost";
    int retry_seconds = 30; // first wait after a failed delivery; doubles up to an hour
};

struct Config {
    std::string file; // where it was read from; relative paths resolve against its folder
    std::string host = "127.0.0.1";
    int port = 6543;
    int threads = 2;
    std::string static_dir; // empty: API only (Apache serves the bundle)
    std::int64_t upload_limit = 10 * 1024 * 1024;
    int header_timeout_seconds = 30;
    int body_timeout_seconds = 120;
    bool cookie_secure = false;
    std::string public_url = "http://localhost:8080";
    // Where the data lives: an SQLite file ([database] path) or a PostgreSQL
    // server ([database] url = postgresql://…, which wins when both are set).
    std::string database = "wte.db";
    int session_hours = 24 * 14;
    std::vector<std::string> registration_domains; // empty: any
    EmailSettings email;
};

struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Config load_config(const std::string& path); // throws ConfigError with a one-line reason
std::string default_config_text();

} // namespace wte
