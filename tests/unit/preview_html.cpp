// What the preview does to a learner's HTML: the agent first in <head>, and
// crossorigin on relative scripts and stylesheets only.
#include "content/preview_html.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using wte::content::is_relative_url;
using wte::content::prepare_preview_html;

namespace {
const std::string agent = "AGENT()";
const std::string script = "<script>AGENT()</script>";
} // namespace

TEST_CASE("the preview agent is the first child of head") {
    CHECK(
        prepare_preview_html("<!DOCTYPE html><html><head><title>T</title></head></html>", agent) ==
        "<!DOCTYPE html><html><head>" + script + "<title>T</title></head></html>");
    CHECK(prepare_preview_html("<HTML><HEAD lang='en'><TITLE>x</TITLE></HEAD>", agent) ==
          "<HTML><HEAD lang='en'>" + script + "<TITLE>x</TITLE></HEAD>");
    // <header> is not <head>; a <head> in a comment does not count.
    CHECK(prepare_preview_html("<!-- <head> --><head></head><body><header>", agent) ==
          "<!-- <head> --><head>" + script + "</head><body><header>");
}

TEST_CASE("without a head the agent goes after html, the doctype, or at the start") {
    CHECK(prepare_preview_html("<!doctype html>\n<p>hi", agent) ==
          "<!doctype html>" + script + "\n<p>hi");
    CHECK(prepare_preview_html("<html lang=\"en\"><body>x", agent) ==
          "<html lang=\"en\">" + script + "<body>x");
    CHECK(prepare_preview_html("<h1>Just a heading</h1>", agent) ==
          script + "<h1>Just a heading</h1>");
    CHECK(prepare_preview_html("", agent) == script);
}

TEST_CASE("the agent stays on one line so the learner's line numbers hold") {
    const std::string html = "<head>\n<script src=\"a.js\"></script>\n</head>\n";
    auto out = prepare_preview_html(html, "one();\ntwo();");
    CHECK(std::count(out.begin(), out.end(), '\n') == std::count(html.begin(), html.end(), '\n'));
    CHECK(wte::content::preview_agent_js().find('\n') == std::string::npos);
    CHECK(wte::content::preview_agent_js().find("</script") == std::string::npos);
}

TEST_CASE("relative scripts and stylesheets get crossorigin, in any quoting or case") {
    CHECK(prepare_preview_html("<head><script src=\"script.js\"></script>", agent) ==
          "<head>" + script + "<script crossorigin=\"anonymous\" src=\"script.js\"></script>");
    CHECK(prepare_preview_html("<head><SCRIPT SRC=js/app.js defer></SCRIPT>", agent) ==
          "<head>" + script + "<SCRIPT crossorigin=\"anonymous\" SRC=js/app.js defer></SCRIPT>");
    CHECK(prepare_preview_html("<head><link href='style.css' rel='StyleSheet'/>", agent) ==
          "<head>" + script +
              "<link crossorigin=\"anonymous\" href='style.css' rel='StyleSheet'/>");
    CHECK(prepare_preview_html("<head><link rel=\"alternate stylesheet\" href=\"b.css\">", agent) ==
          "<head>" + script +
              "<link crossorigin=\"anonymous\" rel=\"alternate stylesheet\" href=\"b.css\">");
}

TEST_CASE("existing crossorigin, absolute URLs and other links are left alone") {
    const std::vector<std::string> untouched = {
        "<script src=\"a.js\" crossorigin=\"use-credentials\"></script>",
        "<script src=\"a.js\" CROSSORIGIN></script>",
        "<script src=\"https://cdn.example.org/lib.js\"></script>",
        "<script src=\"//cdn.example.org/lib.js\"></script>",
        "<script src=\"/root.js\"></script>",
        "<script>var s = '<script src=\"x.js\">';</script>",
        "<link rel=\"icon\" href=\"favicon.png\">",
        "<link rel=\"stylesheet\" href=\"HTTP://example.org/a.css\">",
        "<img src=\"assets/logo.png\">",
        "<style>a[href='<link rel=stylesheet href=x.css>'] {}</style>",
        "<p>1 < 2 and <b>bold</p>",
        "<script src=\"a.js\"",
    };
    for (const auto& body : untouched) {
        INFO(body);
        CHECK(prepare_preview_html("<head>" + body, agent) == "<head>" + script + body);
    }
}

TEST_CASE("which URLs are relative to the document") {
    CHECK(is_relative_url("script.js"));
    CHECK(is_relative_url("./js/a.js"));
    CHECK(is_relative_url("../a.js"));
    CHECK(is_relative_url(" a b.js"));
    CHECK_FALSE(is_relative_url("a:b/../c.js")); // a scheme, strictly
    CHECK_FALSE(is_relative_url(""));
    CHECK_FALSE(is_relative_url("/a.js"));
    CHECK_FALSE(is_relative_url("//h/a.js"));
    CHECK_FALSE(is_relative_url("https://h/a.js"));
    CHECK_FALSE(is_relative_url("data:text/javascript,1"));
    CHECK_FALSE(is_relative_url("#x"));
}
