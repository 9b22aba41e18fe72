// WorkspaceStore: the SQL of learners' workspaces on three-pane parts — the
// files each learner edits (copied once from the templates of the part and
// its ancestors, nearest wins), saves that compare ETags inside the caller's
// transaction (no lost update), resets to the templates, and the hashed
// capability tokens of the preview frame.
#pragma once

#include "db/database.hpp"
#include "wte/domain.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wte::db {

struct StoredWorkspaceFile {
    std::string filename;
    std::string mimetype;
    std::string etag;
    std::optional<std::string> template_etag; // none: the learner made it
    std::int64_t size = 0;
    std::int64_t updated_at = 0;
    bool changed() const { return etag != template_etag; }
};

struct SaveOutcome {
    enum class Kind { saved, no_changes, conflict };
    Kind kind = Kind::saved;
    std::optional<std::string> etag; // new or current; none on a conflict with a missing file
    bool changed = false;
};

struct PreviewGrant {
    Id user_id = 0;
    Id part_id = 0;
};

class WorkspaceStore {
public:
    explicit WorkspaceStore(Connection& c) : c_(c) {}

    // The templates for a part whose chain is `chain` (module first, part
    // last), one per file name, the nearest one winning; sorted by name.
    std::vector<Asset> templates(const std::vector<Id>& chain);
    bool exists(Id user, Id part);
    // Creates the workspace with copies of the templates unless it exists;
    // true when it wrote. Call inside a transaction.
    bool create_once(Id user, Id part, const std::vector<Id>& chain, std::int64_t now);

    // index.html first, then by name.
    std::vector<StoredWorkspaceFile> files(Id user, Id part);
    std::optional<StoredWorkspaceFile> find(Id user, Id part, const std::string& filename);
    std::optional<std::string> content(Id user, Id part, const std::string& filename);
    // Every file with its bytes, one row at a time (for the ZIP download).
    void each_file(Id user, Id part,
                   const std::function<void(const StoredWorkspaceFile&, const std::string&)>& fn);

    // Saves `bytes` unless the file's ETag is not `expected` (none: any, and
    // the file may be new). Bytes equal to the stored ones are "no changes"
    // whatever `expected` says, so a retried save is not a conflict.
    // Call inside a transaction.
    SaveOutcome save(Id user, Id part, const std::string& filename, const std::string& mimetype,
                     const std::string& bytes, const std::string& etag,
                     const std::optional<std::string>& expected, std::int64_t now);
    // Back to the template `tmpl` (a copy of it), or removed when there is none.
    void reset_file(Id user, Id part, const std::string& filename, const std::optional<Asset>& tmpl,
                    std::int64_t now);
    // Every file back to the templates of `chain`; files without one go.
    void reset_all(Id user, Id part, const std::vector<Id>& chain, std::int64_t now);

    // Keeps at most `max_live` live tokens per learner and part (older ones are revoked).
    void add_preview_token(const std::string& token_hash, Id user, Id part, std::int64_t now,
                           int max_live);
    std::optional<PreviewGrant> find_preview_token(const std::string& token_hash);
    // Revokes every live token of the learner on the part; how many.
    int revoke_preview_tokens(Id user, Id part, std::int64_t now);

private:
    void copy_template(Id user, Id part, const Asset& tmpl, std::int64_t now);
    Connection& c_;
};

} // namespace wte::db
