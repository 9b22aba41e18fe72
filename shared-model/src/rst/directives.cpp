// Explicit markup (".. "): comments, hyperlink targets and directives — the
// standard ones WTE keeps (image, figure, admonitions, math) and its own
// (sourcecode, youtube, quiz, quiz-question, show-hide). raw, include and any
// unknown directive are refused and their content is never passed on.
#include "parser_internal.hpp"

#include <algorithm>

namespace wte::rst::detail {
namespace {

constexpr std::string_view admonition_kinds[] = {"note",    "warning", "tip",  "important",
                                                 "caution", "danger",  "hint", "attention",
                                                 "error",   "seealso"};

bool is_admonition(std::string_view name) {
    for (std::string_view k : admonition_kinds)
        if (name == k) return true;
    return false;
}

struct Option {
    std::string name;
    std::string value;
    int line = 0;
};

struct Directive {
    std::string name;
    int line = 0;
    std::string argument; // argument lines joined by '\n'
    std::vector<Option> options;
    Lines content;
};

std::string join_trimmed(const Lines& lines, const char* separator) {
    std::string out;
    for (const auto& l : lines) {
        std::string_view t = trim(l.text);
        if (t.empty()) continue;
        if (!out.empty()) out += separator;
        out.append(t);
    }
    return out;
}

// CSS length for image sizes: a number with a unit (a bare number means px).
std::string css_length(std::string_view v) {
    v = trim(v);
    size_t i = 0;
    while (i < v.size() && (is_digit(v[i]) || v[i] == '.'))
        ++i;
    if (i == 0 || i > 8) return {};
    std::string_view unit = v.substr(i);
    if (unit.empty()) return std::string(v) + "px";
    for (const char* u : {"px", "%", "em", "rem", "pt", "vw", "vh", "ex", "ch"})
        if (unit == u) return std::string(v);
    return {};
}

} // namespace

size_t Parser::parse_anonymous_target(const Lines& L, size_t i) {
    size_t end = indented_end(L, i + 1);
    std::string url(L[i].text.substr(2));
    for (size_t k = i + 1; k < end; ++k)
        url.append(L[k].text);
    anonymous_targets.push_back(checked_url(url, L[i].number));
    return end;
}

size_t Parser::parse_explicit(const Lines& L, size_t i, int depth, std::vector<Block>& out) {
    int line = L[i].number;
    std::string_view first = L[i].text.substr(2);
    first = first.substr(indent_of(first));
    if (first.empty() && (i + 1 >= L.size() || L[i + 1].text.empty())) {
        add_block(out, BlockKind::comment, line);
        return i + 1;
    }
    size_t end = indented_end(L, i + 1);
    Lines rest = dedent(L, i + 1, end);

    // Hyperlink targets: ".. _name: URL", ".. __: URL", ".. _name:" (internal).
    if (!first.empty() && first[0] == '_') {
        std::string_view spec = first.substr(1);
        std::string name;
        size_t after = std::string_view::npos;
        bool anonymous = starts_with(spec, "_:") && (spec.size() == 2 || spec[2] == ' ');
        if (anonymous) {
            after = 2;
        } else if (!spec.empty() && spec[0] == '`') {
            size_t close = spec.find("`:", 1);
            if (close != std::string_view::npos &&
                (close + 2 == spec.size() || spec[close + 2] == ' ')) {
                name = normalize_name(spec.substr(1, close - 1));
                after = close + 2;
            }
        } else {
            for (size_t k = 0; k < spec.size(); ++k) {
                if (spec[k] == '\\') {
                    ++k;
                    continue;
                }
                if (spec[k] == ':' && (k + 1 == spec.size() || spec[k + 1] == ' ')) {
                    std::string unescaped;
                    for (size_t m = 0; m < k; ++m) {
                        if (spec[m] == '\\' && m + 1 < k) ++m;
                        unescaped.push_back(spec[m]);
                    }
                    name = normalize_name(unescaped);
                    after = k + 1;
                    break;
                }
            }
        }
        if (after != std::string_view::npos && (anonymous || !name.empty())) {
            std::string url(trim(spec.substr(after)));
            for (const auto& l : rest)
                url.append(trim(l.text));
            if (anonymous) {
                anonymous_targets.push_back(checked_url(url, line));
                return end;
            }
            Target& t = targets[name];
            if (t.line != 0 || !t.url.empty() || !t.alias.empty() || t.refused) {
                report(line, "Duplicate target name \"" + name + "\".");
                return end;
            }
            t.line = line;
            if (url.empty()) {
                pending_internal_targets.push_back(name);
            } else if (url.size() > 1 && url.back() == '_' && url[url.size() - 2] != '\\') {
                std::string alias = url.substr(0, url.size() - 1);
                if (alias.size() >= 2 && alias.front() == '`' && alias.back() == '`')
                    alias = alias.substr(1, alias.size() - 2);
                t.alias = normalize_name(alias);
            } else {
                t.url = checked_url(url, line);
                t.refused = t.url.empty();
            }
            return end;
        }
    }
    if (!first.empty() && first[0] == '[') {
        out.push_back(problem(line, "Footnotes and citations are not supported.", "footnote"));
        return end;
    }
    if (!first.empty() && first[0] == '|') {
        out.push_back(problem(line, "Substitution definitions are not supported.", "substitution"));
        return end;
    }

    // Directive: ".. name:: argument".
    size_t k = 0;
    while (k < first.size() &&
           (is_alnum(first[k]) ||
            (k > 0 && std::string_view("-_.+").find(first[k]) != std::string_view::npos) ||
            (k > 0 && first[k] == ':' && k + 1 < first.size() && first[k + 1] != ':')))
        ++k;
    bool directive =
        k > 0 && first.substr(k, 2) == "::" && (k + 2 == first.size() || first[k + 2] == ' ');
    if (!directive) {
        Block& c = add_block(out, BlockKind::comment, line);
        c.text = std::string(first);
        for (const auto& l : rest) {
            c.text.push_back('\n');
            c.text.append(l.text);
        }
        return end;
    }

    Directive d;
    d.name = to_lower(first.substr(0, k));
    // Compared below with literals: as a view, a length test settles most.
    const std::string_view name = d.name;
    d.line = line;
    std::string_view arg_first = trim(first.substr(k + 2));
    bool lead = !arg_first.empty() || (!rest.empty() && rest.front().text.empty());
    // A blank line right after the marker: everything below is content.
    // Otherwise arguments may start on the next line.
    Line* body_lines = line_pool.allocate(rest.size() + 1);
    if (lead) body_lines[0] = {arg_first, line};
    std::copy(rest.begin(), rest.end(), body_lines + (lead ? 1 : 0));
    Lines body(body_lines, rest.size() + (lead ? 1 : 0));

    if (name == "raw") {
        out.push_back(problem(line,
                              "The raw directive is not allowed (line " + std::to_string(line) +
                                  "): raw HTML is never passed on.",
                              "raw"));
        return end;
    }
    if (name == "include") {
        out.push_back(problem(line,
                              "The include directive is not allowed (line " + std::to_string(line) +
                                  "): files cannot be included.",
                              "include"));
        return end;
    }

    struct Spec {
        std::string_view name;
        bool arguments;
        std::vector<std::string_view> options;
    };
    static const std::vector<Spec> specs = {
        {"image", true, {"alt", "width", "height", "scale", "align", "target", "class", "name"}},
        {"figure",
         true,
         {"alt", "width", "height", "scale", "align", "target", "class", "name", "figwidth",
          "figclass"}},
        {"admonition", true, {"class", "name"}},
        {"sourcecode", true, {"filename", "linenos", "no-select", "number-lines", "class", "name"}},
        {"code", true, {"filename", "linenos", "no-select", "number-lines", "class", "name"}},
        {"code-block", true, {"filename", "linenos", "no-select", "number-lines", "class", "name"}},
        {"youtube", true, {}},
        {"quiz", true, {"title"}},
        {"quiz-question", true, {"question", "type"}},
        {"show-hide", false, {"title", "initial"}},
        {"math", true, {"label", "name", "class", "nowrap"}},
    };
    const Spec* spec = nullptr;
    static const Spec admonition_spec{"note", false, {"class", "name"}};
    for (const auto& s : specs)
        if (d.name == s.name) spec = &s;
    if (!spec && is_admonition(d.name)) spec = &admonition_spec;
    if (!spec) {
        out.push_back(problem(line,
                              "Unknown directive type \"" + d.name + "\" (line " +
                                  std::to_string(line) + "); its content is not shown.",
                              d.name));
        return end;
    }

    // docutils' directive block: arguments and options up to the first blank
    // line, content after it (or everything is content when there are none).
    size_t split = 0;
    while (split < body.size() && !body[split].text.empty())
        ++split;
    Lines arg_block = body.first(split);
    Lines content;
    if (split < body.size()) content = body.subspan(split + 1);
    size_t option_start = 0;
    while (option_start < arg_block.size() && !starts_with(arg_block[option_start].text, ":"))
        ++option_start;
    d.options.reserve(arg_block.size() - option_start);
    for (size_t o = option_start; o < arg_block.size(); ++o) {
        std::string_view t = arg_block[o].text;
        if (t.empty() || t[0] == ' ') continue; // continuation, handled below
        size_t close = t.size() > 1 ? t.find(':', 1) : std::string_view::npos;
        while (close != std::string_view::npos && close + 1 < t.size() && t[close + 1] != ' ')
            close = t.find(':', close + 1);
        if (t[0] != ':' || close == std::string_view::npos) {
            report(arg_block[o].number, "Invalid option line in the " + d.name + " directive.");
            continue;
        }
        Option opt{to_lower(t.substr(1, close - 1)), std::string(trim(t.substr(close + 1))),
                   arg_block[o].number};
        while (o + 1 < arg_block.size() && !arg_block[o + 1].text.empty() &&
               arg_block[o + 1].text[0] == ' ') {
            ++o;
            opt.value += " ";
            opt.value += trim(arg_block[o].text);
        }
        if (std::find(spec->options.begin(), spec->options.end(), opt.name) ==
            spec->options.end()) {
            report(opt.line, "The " + d.name + " directive has no option \":" + opt.name + ":\".");
            continue;
        }
        d.options.push_back(std::move(opt));
    }
    arg_block = arg_block.first(option_start);
    if (spec->arguments) {
        d.argument = join_trimmed(arg_block, "\n");
        d.content = content;
    } else if (content.empty() || arg_block.empty()) {
        // No arguments: text on the directive line starts the content.
        d.content = arg_block.empty() ? content : arg_block;
    } else {
        Line* joined = line_pool.allocate(arg_block.size() + 1 + content.size());
        std::copy(arg_block.begin(), arg_block.end(), joined);
        joined[arg_block.size()] = {"", arg_block.back().number};
        std::copy(content.begin(), content.end(), joined + arg_block.size() + 1);
        d.content = Lines(joined, arg_block.size() + 1 + content.size());
    }
    while (!d.content.empty() && d.content.back().text.empty())
        d.content = d.content.first(d.content.size() - 1);
    while (!d.content.empty() && d.content.front().text.empty())
        d.content = d.content.subspan(1);
    d.content = dedent(d.content, 0, d.content.size());

    auto option = [&](std::string_view wanted) -> const Option* {
        for (const auto& o : d.options)
            if (o.name == wanted) return &o;
        return nullptr;
    };
    auto content_blocks = [&]() { return parse_blocks(d.content, depth + 1, false); };

    if (name == "image" || name == "figure") {
        Block img;
        img.kind = name == "image" ? BlockKind::image : BlockKind::figure;
        img.line = line;
        std::string uri;
        for (char c : d.argument)
            if (!is_space(c)) uri.push_back(c);
        ImageFields& fields = img.image.edit();
        fields.uri = checked_url(uri, line);
        if (fields.uri.empty()) {
            out.push_back(
                problem(line, "The " + d.name + " directive needs a safe image URL or asset name.",
                        d.name));
            return end;
        }
        if (const Option* o = option("alt")) fields.alt = o->value;
        for (const char* dim : {"width", "height"}) {
            if (const Option* o = option(dim)) {
                std::string len = css_length(o->value);
                if (len.empty())
                    report(o->line, "\"" + o->value + "\" is not a valid " + dim + ".");
                (std::string_view(dim) == "width" ? fields.width : fields.height) = len;
            }
        }
        if (const Option* o = option("align")) {
            std::string a = to_lower(o->value);
            if (a == "left" || a == "center" || a == "right")
                fields.align = a;
            else
                report(o->line, "Image alignment must be left, center or right.");
        }
        if (const Option* o = option("target")) fields.target = checked_url(o->value, o->line);
        if (img.kind == BlockKind::image) {
            if (!d.content.empty()) report(line, "The image directive takes no content.");
        } else {
            img.children = content_blocks();
            if (!img.children.empty() && img.children.front().kind != BlockKind::paragraph &&
                img.children.front().kind != BlockKind::comment)
                report(line, "A figure caption must be a paragraph.");
        }
        push_block(out, std::move(img));
        return end;
    }

    if (is_admonition(d.name) || name == "admonition") {
        Block& a = add_block(out, BlockKind::admonition, line);
        a.name = d.name;
        if (name == "admonition") {
            if (d.argument.empty()) report(line, "The admonition directive needs a title.");
            a.inlines = parse_inline(d.argument, line);
        }
        if (d.content.empty()) report(line, "The " + d.name + " directive needs content.");
        a.children = content_blocks();
        claim_targets(a);
        return end;
    }

    if (name == "sourcecode" || name == "code" || name == "code-block") {
        Block& code = add_block(out, BlockKind::sourcecode, line);
        SourcecodeFields& fields = code.sourcecode.edit();
        std::string lang = to_lower(trim(d.argument));
        bool lang_ok = lang.size() <= 32;
        for (char c : lang)
            lang_ok = lang_ok &&
                      (is_alnum(c) || std::string_view("+#_.-").find(c) != std::string_view::npos);
        if (!lang_ok) {
            report(line, "\"" + excerpt(lang, 40) + "\" is not a language name.");
            lang.clear();
        }
        fields.language = lang;
        if (const Option* o = option("filename")) fields.filename = o->value;
        for (const char* numbering : {"linenos", "number-lines"}) {
            const Option* o = option(numbering);
            if (!o) continue;
            if (o->value.empty()) {
                fields.first_line_number = 1;
            } else if (o->value.size() <= 9 && std::all_of(o->value.begin(), o->value.end(),
                                                           [](char c) { return is_digit(c); })) {
                fields.first_line_number = std::max(1, std::stoi(o->value));
            } else {
                report(o->line,
                       "Line numbers must start at a whole number, not \"" + o->value + "\".");
                fields.first_line_number = 1;
            }
        }
        fields.no_select = option("no-select") != nullptr;
        code.text = join_lines(d.content, 0, d.content.size());
        if (code.text.empty()) report(line, "The " + d.name + " directive has no code.");
        claim_targets(code);
        return end;
    }

    if (name == "youtube") {
        std::string id = youtube_video_id(d.argument);
        if (id.empty()) {
            out.push_back(problem(line,
                                  "\"" + excerpt(d.argument, 100) +
                                      "\" is not a YouTube video URL (youtube.com/watch?v=ID, "
                                      "youtu.be/ID or youtube.com/embed/ID).",
                                  "youtube"));
            return end;
        }
        Block& y = add_block(out, BlockKind::youtube, line);
        y.id = id;
        if (!d.content.empty()) report(line, "The youtube directive takes no content.");
        claim_targets(y);
        return end;
    }

    auto valid_id = [](const std::string& id) {
        if (id.empty() || id.size() > 100) return false;
        for (char c : id)
            if (is_space(c)) return false;
        return true;
    };

    if (name == "quiz") {
        std::string id(trim(d.argument));
        if (!valid_id(id)) {
            out.push_back(problem(line, "A quiz needs an id without spaces: .. quiz:: ID", "quiz"));
            return end;
        }
        if (!quiz_ids.insert(id).second) {
            out.push_back(
                problem(line, "The quiz id \"" + id + "\" is used twice on this page.", "quiz"));
            return end;
        }
        Block& q = add_block(out, BlockKind::quiz, line);
        q.id = id;
        if (const Option* o = option("title")) q.inlines = parse_inline(o->value, o->line);
        ++quiz_nesting;
        q.children = content_blocks();
        --quiz_nesting;
        if (std::none_of(q.children.begin(), q.children.end(),
                         [](const Block& b) { return b.kind == BlockKind::quiz_question; }))
            report(line, "The quiz \"" + id + "\" has no questions.");
        claim_targets(q);
        return end;
    }

    if (name == "quiz-question") {
        std::string id(trim(d.argument));
        if (quiz_nesting == 0) {
            out.push_back(
                problem(line, "A quiz-question must be inside a quiz directive.", "quiz-question"));
            return end;
        }
        if (!valid_id(id)) {
            out.push_back(
                problem(line, "A quiz question needs an id without spaces: .. quiz-question:: ID",
                        "quiz-question"));
            return end;
        }
        if (!question_ids.insert(id).second) {
            out.push_back(problem(line,
                                  "The question id \"" + id + "\" is used twice on this page.",
                                  "quiz-question"));
            return end;
        }
        Block& q = add_block(out, BlockKind::quiz_question, line);
        q.id = id;
        if (const Option* o = option("question"))
            q.inlines = parse_inline(o->value, o->line);
        else
            report(line, "The question \"" + id + "\" has no :question: text.");
        if (const Option* o = option("type")) {
            auto type = parse_question_type(std::string(trim(o->value)));
            if (type)
                q.question_type = *type;
            else
                report(o->line, "Question type must be single-choice or multi-choice, not \"" +
                                    o->value + "\".");
        }
        std::set<std::string> seen;
        int correct = 0;
        q.children.reserve(static_cast<size_t>(
            std::count_if(d.content.begin(), d.content.end(),
                          [](const Line& l) { return !trim(l.text).empty(); })));
        for (const auto& l : d.content) {
            std::string_view t = trim(l.text);
            if (t.empty()) continue;
            Block a;
            a.kind = BlockKind::quiz_answer;
            a.line = l.number;
            bool marked_correct = starts_with(t, "[x]") || starts_with(t, "[X]");
            if (marked_correct || starts_with(t, "[ ]")) {
                a.correct = marked_correct;
                a.marker_column = source_column(l.number, t.data());
                t = trim(t.substr(3));
            }
            a.inlines = parse_inline(t, l.number);
            std::string plain = plain_text(a.inlines);
            if (plain.empty()) {
                report(l.number, "An answer of question \"" + id + "\" is empty.");
                continue;
            }
            if (!seen.insert(plain).second) {
                report(l.number,
                       "The answer \"" + plain + "\" appears twice in question \"" + id + "\".");
                // Not an answer, yet its [x] must not reach learners: a comment
                // (never shown) keeps where the marker is.
                if (a.correct) {
                    a.kind = BlockKind::comment;
                    a.inlines.clear();
                    q.children.push_back(std::move(a));
                }
                continue;
            }
            if (a.correct) ++correct;
            q.children.push_back(std::move(a));
        }
        if (q.children.empty())
            report(line, "The question \"" + id +
                             "\" has no answers (one per line, [x] marks correct ones).");
        else if (q.question_type == QuestionType::single_choice && correct != 1)
            report(line, "The single-choice question \"" + id +
                             "\" must have exactly one [x] answer, not " + std::to_string(correct) +
                             ".");
        claim_targets(q);
        return end;
    }

    if (name == "show-hide") {
        Block& sh = add_block(out, BlockKind::show_hide, line);
        if (const Option* o = option("title")) sh.inlines = parse_inline(o->value, o->line);
        if (const Option* o = option("initial")) {
            std::string v = to_lower(trim(o->value));
            if (v == "visible")
                sh.initially_visible = true;
            else if (v != "hidden")
                report(o->line,
                       "show-hide :initial: must be hidden or visible, not \"" + o->value + "\".");
        }
        sh.children = content_blocks();
        claim_targets(sh);
        return end;
    }

    // math: the argument and each paragraph of the content are formulas.
    std::vector<std::pair<std::string, int>> formulas;
    if (!d.argument.empty()) formulas.push_back({d.argument, line});
    for (size_t c = 0; c < d.content.size();) {
        while (c < d.content.size() && d.content[c].text.empty())
            ++c;
        if (c >= d.content.size()) break;
        size_t e = c;
        while (e < d.content.size() && !d.content[e].text.empty())
            ++e;
        formulas.push_back({join_lines(d.content, c, e), d.content[c].number});
        c = e;
    }
    if (formulas.empty()) report(line, "The math directive has no formula.");
    for (auto& [latex, at] : formulas) {
        Block& m = add_block(out, BlockKind::math, at);
        MathParseResult parsed = parse_math(latex);
        for (auto& e : parsed.errors)
            report(at, "Math: " + e);
        m.math = std::move(parsed.root);
        m.text = std::move(latex);
        claim_targets(m);
    }
    return end;
}

} // namespace wte::rst::detail
