// content.json of export ZIPs (shared/spec/export-format.md): the strict
// reader, the original WTE's legacy types and crossref remapping both ways.
#include "wte/transfer.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace wte;

namespace {

json module_json() {
    return json::parse(R"({
      "id": 0, "type": "module", "title": "Web", "status": "available", "order": 3,
      "content": "Intro", "label": null, "display_mode": null,
      "assets": [{"id": 0, "filename": "logo.png", "mimetype": "image/png", "type": "asset", "order": 0}],
      "children": [
        {"id": 1, "type": "part", "title": "HTML", "status": "unavailable", "order": 0,
         "content": "", "label": "Chapter", "display_mode": "three_pane_html",
         "children": [{"id": 2, "type": "page", "title": "Tags", "status": "available",
                       "order": 0, "content": "See :crossref:`1`.", "label": null,
                       "display_mode": "text_only"}]}
      ]})");
}

std::string message_of(const json& j) {
    try {
        read_exported_node(j);
    } catch (const BadInput& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("an exported module reads back as written, and writes the same JSON again") {
    ExportedNode n = read_exported_node(module_json());
    CHECK(n.type == PartType::module);
    CHECK(n.title == "Web");
    CHECK_FALSE(n.label);
    CHECK_FALSE(n.display_mode);
    REQUIRE(n.assets.size() == 1);
    CHECK(n.assets[0].filename == "logo.png");
    REQUIRE(n.children.size() == 1);
    CHECK(n.children[0].label == std::optional<std::string>("Chapter"));
    CHECK(n.children[0].display_mode == DisplayMode::three_pane_html);
    REQUIRE(n.children[0].children.size() == 1);
    CHECK(n.children[0].children[0].content == "See :crossref:`1`.");
    CHECK(read_exported_node(to_json(n)) == n);
}

TEST_CASE("the original's tutorial and exercise are parts labelled by their old type") {
    json j = module_json();
    j["children"][0]["type"] = "tutorial";
    j["children"][0]["label"] = nullptr;
    j["children"].push_back({{"id", 3}, {"type", "exercise"}, {"title", "Try"}});
    j["children"][0]["children"][0]["type"] = "task";
    ExportedNode n = read_exported_node(j);
    CHECK(n.children[0].type == PartType::part);
    CHECK(n.children[0].label == std::optional<std::string>("Tutorial"));
    CHECK(n.children[1].type == PartType::part);
    CHECK(n.children[1].label == std::optional<std::string>("Exercise"));
    CHECK(n.children[0].children[0].type == PartType::page);
}

TEST_CASE("a legacy type keeps the label it was given") {
    json j = module_json();
    j["children"][0]["type"] = "exercise";
    j["children"][0]["label"] = "Übung";
    CHECK(read_exported_node(j).children[0].label == std::optional<std::string>("Übung"));
}

TEST_CASE("a wrong field is refused, naming where it is") {
    json j = module_json();
    j["children"][0]["children"][0]["title"] = 5;
    CHECK(message_of(j) == "children[0].children[0].title must be text");
    j = module_json();
    j["children"][0]["type"] = "chapter";
    CHECK(message_of(j).rfind("children[0].type must be module, part or page", 0) == 0);
    j = module_json();
    j["assets"][0]["filename"] = "../etc/passwd";
    CHECK(message_of(j).rfind("assets[0].filename must be a file name", 0) == 0);
    j = module_json();
    j.erase("title");
    CHECK(message_of(j) == "title is missing");
    j = module_json();
    j["children"] = "none";
    CHECK(message_of(j) == "children must be a list");
    CHECK(message_of(json::array()) == "content.json must be an object");
}

TEST_CASE("content.json that is not UTF-8 or not JSON is refused with the reason") {
    CHECK_THROWS_WITH(read_content_json("{\"title\": \"caf\xe9\"}"),
                      Catch::Contains("not valid UTF-8 text (byte 14)"));
    CHECK_THROWS_WITH(read_content_json("{\"id\": 0,"), Catch::Contains("not valid JSON"));
    CHECK(is_valid_utf8("Grüße, 日本, 🎓"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));     // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80")); // a surrogate
    CHECK_FALSE(is_valid_utf8("abc\xe2\x82"));  // cut short
}

TEST_CASE("crossrefs inside the export are remapped, others become external") {
    const std::map<Id, Id> local = {{42, 0}, {43, 1}};
    auto map = [&](Id id) -> std::optional<Id> {
        auto it = local.find(id);
        return it == local.end() ? std::nullopt : std::optional<Id>(it->second);
    };
    CHECK(remap_crossrefs("See :crossref:`42` and :crossref:`the part <43>`.", map) ==
          "See :crossref:`0` and :crossref:`the part <1>`.");
    CHECK(remap_crossrefs(":crossref:`7` and :crossref:`elsewhere <8>`", map) ==
          ":crossref:`external` and :crossref:`elsewhere <external>`");
}

TEST_CASE("on import an external crossref stays as written") {
    auto map = [](Id id) -> std::optional<Id> { return id + 100; };
    CHECK(remap_crossrefs(":crossref:`external`, :crossref:`x <external>`, :crossref:`1`", map) ==
          ":crossref:`external`, :crossref:`x <external>`, :crossref:`101`");
    CHECK(crossref_targets(":crossref:`3` :crossref:`a <4>` :crossref:`external`") ==
          std::vector<Id>{3, 4});
}

TEST_CASE("content.json of the wrong shape is refused, naming the node") {
    json j = module_json();
    j["children"][0]["children"][0]["children"] =
        json::array({{{"id", 9}, {"type", "page"}, {"title", "Under a page"}}});
    CHECK_THROWS_WITH(read_exported_node(j),
                      Catch::StartsWith("children[0].children[0].children[0]: A page goes inside "
                                        "a part, not inside a page"));
    j = module_json();
    j["children"][0]["children"][0]["id"] = 1;
    CHECK_THROWS_WITH(read_exported_node(j), "children[0].children[0].id 1 is used by two nodes");
}

TEST_CASE("a module goes only to the top level, a part into a module, a page into a part") {
    CHECK_FALSE(check_import_place(std::nullopt, PartType::module));
    CHECK_FALSE(check_import_place(PartType::module, PartType::part));
    CHECK_FALSE(check_import_place(PartType::part, PartType::page));
    CHECK(check_import_place(PartType::module, PartType::page) ==
          std::optional<std::string>("A page can only be imported into a part"));
    CHECK(check_import_place(std::nullopt, PartType::part) ==
          std::optional<std::string>("A part can only be imported into a module"));
    CHECK(check_import_place(PartType::part, PartType::module).has_value());
}

TEST_CASE("a crossref shown as literal text is an example and stays as written") {
    auto map = [](Id id) -> std::optional<Id> { return id + 100; };
    const std::string examples = "Write ``:crossref:`42``` to link.\n"
                                 "\n"
                                 "For example::\n"
                                 "\n"
                                 "   :crossref:`7`\n"
                                 "\n"
                                 ".. code-block:: rst\n"
                                 "\n"
                                 "   :crossref:`the part <8>`\n"
                                 "\n";
    CHECK(remap_crossrefs(examples + "Like :crossref:`1`.\n\n.. note::\n\n   See :crossref:`2`\n",
                          map) ==
          examples + "Like :crossref:`101`.\n\n.. note::\n\n   See :crossref:`102`\n");
    CHECK(crossref_targets(examples).empty());
}
