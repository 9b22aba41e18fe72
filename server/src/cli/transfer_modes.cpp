// export (a module, part or page to a ZIP file) and import (such a ZIP, ours
// or the original WTE's) in the format of shared/spec/export-format.md, with
// the same code and refusals as the HTTP API. The command line is the
// operator's: no permission checks, but a module needs an owner.
#include "cli/modes.hpp"

#include "content/transfer.hpp"
#include "db/stores.hpp"
#include "wte/text.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace wte::cli {

namespace {

struct ExportOptions {
    std::string config_path;
    Id part = 0;
    std::string zip_path;
};

struct ImportOptions {
    std::string config_path;
    std::string zip_path;
    std::optional<Id> parent;
    std::string owner_email;
};

int export_part(const ExportOptions& o) {
    Config config = load_config(o.config_path);
    auto conn = open_existing(config);
    db::Stores stores(*conn);
    if (!stores.tree.find_part(o.part))
        throw CliError("Part " + std::to_string(o.part) + " does not exist");
    auto plan = content::plan_export(stores, o.part);
    std::ofstream out(o.zip_path, std::ios::binary | std::ios::trunc);
    if (!out) throw CliError("Cannot write " + o.zip_path);
    std::int64_t written = 0;
    try {
        content::write_export(stores, plan, [&](std::string_view piece) {
            out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
            if (!out) throw CliError("Cannot write " + o.zip_path + " (disk full?)");
            written += static_cast<std::int64_t>(piece.size());
        });
        out.close();
        if (!out) throw CliError("Cannot write " + o.zip_path);
    } catch (...) {
        out.close();
        std::filesystem::remove(o.zip_path);
        throw;
    }
    std::cout << "Exported " << to_string(plan.root.type) << " " << o.part << " \""
              << plan.root.title << "\" to " << o.zip_path << " (" << written << " bytes, "
              << plan.files.size() << " files)\n";
    return 0;
}

int import_zip(const ImportOptions& o) {
    Config config = load_config(o.config_path);
    auto conn = open_existing(config);
    db::Stores stores(*conn);
    std::ifstream in(o.zip_path, std::ios::binary | std::ios::ate);
    if (!in) throw CliError("Cannot read " + o.zip_path);
    std::string zip(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    if (!in.read(zip.data(), static_cast<std::streamsize>(zip.size())))
        throw CliError("Cannot read " + o.zip_path);

    db::Transaction tx(*conn);
    content::ImportPlace place;
    std::optional<Id> owner;
    if (o.parent) {
        if (!o.owner_email.empty())
            throw CliError("--owner is for a module imported at the top level; an import into "
                           "part " +
                           std::to_string(*o.parent) + " belongs to that module's owners");
        auto parent = stores.tree.find_part(*o.parent);
        if (!parent) throw CliError("Part " + std::to_string(*o.parent) + " does not exist");
        place = {parent->part.id, parent->part.type, parent->module_id};
    } else {
        if (o.owner_email.empty())
            throw CliError("A module imported at the top level needs --owner EMAIL, the account "
                           "that will own it (a part or page needs --parent ID)");
        auto user = stores.users.find_user_by_email(to_lower_ascii(o.owner_email));
        if (!user) throw CliError("There is no account with the address " + o.owner_email);
        owner = user->user.id;
    }
    auto r =
        content::import_zip(stores, zip, place, owner, content::import_limits(config.upload_limit));
    tx.commit();
    std::cout << "Imported " << to_string(r.type) << " " << r.id << " \"" << r.title << "\" ("
              << r.parts << " parts, " << r.pages << " pages, " << r.assets << " files)\n";
    return 0;
}

} // namespace

void add_transfer_modes(Modes& modes) {
    auto e = std::make_shared<ExportOptions>();
    auto* exp = modes.app().add_subcommand(
        "export", "Write a module, part or page with its subtree and files to a ZIP file");
    exp->add_option("CONFIG", e->config_path, "Configuration file")->required();
    exp->add_option("PART_ID", e->part, "The module, part or page to export")->required();
    exp->add_option("ZIP", e->zip_path, "The ZIP file to write")->required();
    modes.add(exp, [e] { return export_part(*e); });

    auto i = std::make_shared<ImportOptions>();
    auto* imp = modes.app().add_subcommand(
        "import", "Import a ZIP written by export (or by the original WTE)");
    imp->add_option("CONFIG", i->config_path, "Configuration file")->required();
    imp->add_option("ZIP", i->zip_path, "The ZIP file to import")->required();
    imp->add_option("--parent", i->parent, "The module (for a part) or part (for a page)");
    imp->add_option("--owner", i->owner_email, "Owner of a module imported at the top level");
    modes.add(imp, [i] { return import_zip(*i); });
}

} // namespace wte::cli
