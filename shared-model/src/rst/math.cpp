// Recursive-descent parser for the LaTeX subset of math.hpp. Each input byte
// is consumed once; group nesting is capped so hostile input cannot recurse
// without bound.
#include "wte/rst/math.hpp"

#include <unordered_map>

namespace wte::rst {
namespace {

constexpr int max_math_depth = 32;

struct Symbol {
    const char* command;
    const char* text;
    MathKind kind;
};

// Commands the subset knows, with the character drawn for each.
const Symbol symbols[] = {
    {"alpha", "α", MathKind::identifier},
    {"beta", "β", MathKind::identifier},
    {"gamma", "γ", MathKind::identifier},
    {"delta", "δ", MathKind::identifier},
    {"epsilon", "ϵ", MathKind::identifier},
    {"varepsilon", "ε", MathKind::identifier},
    {"zeta", "ζ", MathKind::identifier},
    {"eta", "η", MathKind::identifier},
    {"theta", "θ", MathKind::identifier},
    {"vartheta", "ϑ", MathKind::identifier},
    {"iota", "ι", MathKind::identifier},
    {"kappa", "κ", MathKind::identifier},
    {"lambda", "λ", MathKind::identifier},
    {"mu", "μ", MathKind::identifier},
    {"nu", "ν", MathKind::identifier},
    {"xi", "ξ", MathKind::identifier},
    {"omicron", "ο", MathKind::identifier},
    {"pi", "π", MathKind::identifier},
    {"varpi", "ϖ", MathKind::identifier},
    {"rho", "ρ", MathKind::identifier},
    {"varrho", "ϱ", MathKind::identifier},
    {"sigma", "σ", MathKind::identifier},
    {"varsigma", "ς", MathKind::identifier},
    {"tau", "τ", MathKind::identifier},
    {"upsilon", "υ", MathKind::identifier},
    {"phi", "ϕ", MathKind::identifier},
    {"varphi", "φ", MathKind::identifier},
    {"chi", "χ", MathKind::identifier},
    {"psi", "ψ", MathKind::identifier},
    {"omega", "ω", MathKind::identifier},
    {"Gamma", "Γ", MathKind::identifier},
    {"Delta", "Δ", MathKind::identifier},
    {"Theta", "Θ", MathKind::identifier},
    {"Lambda", "Λ", MathKind::identifier},
    {"Xi", "Ξ", MathKind::identifier},
    {"Pi", "Π", MathKind::identifier},
    {"Sigma", "Σ", MathKind::identifier},
    {"Upsilon", "Υ", MathKind::identifier},
    {"Phi", "Φ", MathKind::identifier},
    {"Psi", "Ψ", MathKind::identifier},
    {"Omega", "Ω", MathKind::identifier},
    {"infty", "∞", MathKind::identifier},
    {"partial", "∂", MathKind::identifier},
    {"nabla", "∇", MathKind::identifier},
    {"ell", "ℓ", MathKind::identifier},
    {"emptyset", "∅", MathKind::identifier},
    {"times", "×", MathKind::operator_},
    {"cdot", "⋅", MathKind::operator_},
    {"pm", "±", MathKind::operator_},
    {"mp", "∓", MathKind::operator_},
    {"div", "÷", MathKind::operator_},
    {"ast", "∗", MathKind::operator_},
    {"circ", "∘", MathKind::operator_},
    {"cup", "∪", MathKind::operator_},
    {"cap", "∩", MathKind::operator_},
    {"setminus", "∖", MathKind::operator_},
    {"wedge", "∧", MathKind::operator_},
    {"land", "∧", MathKind::operator_},
    {"vee", "∨", MathKind::operator_},
    {"lor", "∨", MathKind::operator_},
    {"neg", "¬", MathKind::operator_},
    {"lnot", "¬", MathKind::operator_},
    {"ldots", "…", MathKind::operator_},
    {"dots", "…", MathKind::operator_},
    {"cdots", "⋯", MathKind::operator_},
    {"prime", "′", MathKind::operator_},
    {"le", "≤", MathKind::operator_},
    {"leq", "≤", MathKind::operator_},
    {"ge", "≥", MathKind::operator_},
    {"geq", "≥", MathKind::operator_},
    {"ne", "≠", MathKind::operator_},
    {"neq", "≠", MathKind::operator_},
    {"lt", "<", MathKind::operator_},
    {"gt", ">", MathKind::operator_},
    {"approx", "≈", MathKind::operator_},
    {"equiv", "≡", MathKind::operator_},
    {"sim", "∼", MathKind::operator_},
    {"simeq", "≃", MathKind::operator_},
    {"propto", "∝", MathKind::operator_},
    {"in", "∈", MathKind::operator_},
    {"notin", "∉", MathKind::operator_},
    {"subset", "⊂", MathKind::operator_},
    {"subseteq", "⊆", MathKind::operator_},
    {"supset", "⊃", MathKind::operator_},
    {"supseteq", "⊇", MathKind::operator_},
    {"to", "→", MathKind::operator_},
    {"rightarrow", "→", MathKind::operator_},
    {"leftarrow", "←", MathKind::operator_},
    {"gets", "←", MathKind::operator_},
    {"Rightarrow", "⇒", MathKind::operator_},
    {"Leftarrow", "⇐", MathKind::operator_},
    {"Leftrightarrow", "⇔", MathKind::operator_},
    {"leftrightarrow", "↔", MathKind::operator_},
    {"iff", "⟺", MathKind::operator_},
    {"implies", "⟹", MathKind::operator_},
    {"mapsto", "↦", MathKind::operator_},
    {"ll", "≪", MathKind::operator_},
    {"gg", "≫", MathKind::operator_},
    {"forall", "∀", MathKind::operator_},
    {"exists", "∃", MathKind::operator_},
    {"mid", "∣", MathKind::operator_},
    {"langle", "⟨", MathKind::operator_},
    {"rangle", "⟩", MathKind::operator_},
    {"lfloor", "⌊", MathKind::operator_},
    {"rfloor", "⌋", MathKind::operator_},
    {"lceil", "⌈", MathKind::operator_},
    {"rceil", "⌉", MathKind::operator_},
    {"vert", "|", MathKind::operator_},
    {"sum", "∑", MathKind::large_operator},
    {"prod", "∏", MathKind::large_operator},
    {"int", "∫", MathKind::large_operator},
    {"iint", "∬", MathKind::large_operator},
    {"oint", "∮", MathKind::large_operator},
    {"bigcup", "⋃", MathKind::large_operator},
    {"bigcap", "⋂", MathKind::large_operator},
    {"lim", "lim", MathKind::function},
    {"max", "max", MathKind::function},
    {"min", "min", MathKind::function},
    {"sup", "sup", MathKind::function},
    {"inf", "inf", MathKind::function},
    {"log", "log", MathKind::function},
    {"ln", "ln", MathKind::function},
    {"lg", "lg", MathKind::function},
    {"exp", "exp", MathKind::function},
    {"sin", "sin", MathKind::function},
    {"cos", "cos", MathKind::function},
    {"tan", "tan", MathKind::function},
    {"cot", "cot", MathKind::function},
    {"arcsin", "arcsin", MathKind::function},
    {"arccos", "arccos", MathKind::function},
    {"arctan", "arctan", MathKind::function},
    {"sinh", "sinh", MathKind::function},
    {"cosh", "cosh", MathKind::function},
    {"tanh", "tanh", MathKind::function},
    {"det", "det", MathKind::function},
    {"gcd", "gcd", MathKind::function},
    {"mod", "mod", MathKind::function},
    {"quad", "1", MathKind::space},
    {"qquad", "2", MathKind::space},
};

const Symbol* find_symbol(std::string_view command) {
    static const std::unordered_map<std::string_view, const Symbol*> by_name = [] {
        std::unordered_map<std::string_view, const Symbol*> m;
        for (const auto& s : symbols)
            m.emplace(s.command, &s);
        return m;
    }();
    auto it = by_name.find(command);
    return it == by_name.end() ? nullptr : it->second;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

class MathParser {
public:
    explicit MathParser(std::string_view src) : src_(src), pending_(kept_pending) {}

    MathParseResult run() {
        MathParseResult result;
        pending_.clear();
        result.root = parse_row(0, '\0');
        while (pos_ < src_.size()) {
            // Only a stray closing brace stops the top-level row early.
            errors_.push_back("Unmatched } in formula");
            ++pos_;
            MathNode rest = parse_row(0, '\0');
            for (auto& c : rest.children)
                result.root.children.push_back(std::move(c));
        }
        result.errors = std::move(errors_);
        return result;
    }

private:
    std::string_view src_;
    size_t pos_ = 0;
    std::vector<std::string> errors_;
    // Children of the rows being parsed, innermost row last: a row takes its
    // own at their final count when it ends, instead of growing a list per
    // row. Kept between formulas (a page has thousands) for its capacity.
    static thread_local std::vector<MathNode> kept_pending;
    std::vector<MathNode>& pending_; // looked up once: each thread_local access is a call

    bool at_end() const { return pos_ >= src_.size(); }
    char peek() const { return at_end() ? '\0' : src_[pos_]; }

    void skip_spaces() {
        while (!at_end() && (src_[pos_] == ' ' || src_[pos_] == '\n' || src_[pos_] == '\t'))
            ++pos_;
    }

    // A row ends at the end of input, at '}' (left for the caller) or at
    // `closer` (']' of a \sqrt index, consumed by the caller). With
    // `lone_child_alone`, a row of one is that one (its list never made).
    MathNode parse_row(int depth, char closer, bool lone_child_alone = false) {
        size_t first = pending_.size();
        for (;;) {
            skip_spaces();
            if (at_end() || peek() == '}' || (closer != '\0' && peek() == closer)) break;
            if (peek() == '^' || peek() == '_') {
                // A script with nothing before it attaches to an empty base.
                attach_scripts(MathNode{}, depth);
                continue;
            }
            attach_scripts(parse_atom(depth), depth);
        }
        if (lone_child_alone && pending_.size() == first + 1) {
            MathNode only = std::move(pending_.back());
            pending_.pop_back();
            return only;
        }
        MathNode row;
        row.children.reserve(pending_.size() - first);
        for (size_t k = first; k < pending_.size(); ++k)
            row.children.push_back(std::move(pending_[k]));
        pending_.resize(first);
        return row;
    }

    // Appends `base` to the row being parsed, with the scripts after it.
    void attach_scripts(MathNode&& base, int depth) {
        skip_spaces();
        if (peek() != '_' && peek() != '^') {
            add_to_row(std::move(base));
            return;
        }
        MathNode sub, sup;
        bool has_sub = false, has_sup = false;
        for (;;) {
            skip_spaces();
            char c = peek();
            if (c != '_' && c != '^') break;
            ++pos_;
            skip_spaces();
            MathNode script = at_end() || peek() == '}' ? MathNode{} : parse_atom(depth);
            if (at_end() && script.children.empty() && script.kind == MathKind::row)
                errors_.push_back(std::string("Missing script after ") + c);
            bool& has = c == '_' ? has_sub : has_sup;
            if (has) {
                errors_.push_back(c == '_' ? "Double subscript" : "Double superscript");
                continue;
            }
            has = true;
            (c == '_' ? sub : sup) = std::move(script);
        }
        if (!has_sub && !has_sup) {
            add_to_row(std::move(base));
            return;
        }
        MathNode node;
        node.kind = has_sub && has_sup ? MathKind::subsup : has_sub ? MathKind::sub : MathKind::sup;
        node.children.reserve(has_sub && has_sup ? 3 : 2);
        node.children.push_back(std::move(base));
        if (has_sub) node.children.push_back(std::move(sub));
        if (has_sup) node.children.push_back(std::move(sup));
        pending_.push_back(std::move(node));
    }

    // A base without scripts: a group of one is that one, an empty group nothing.
    void add_to_row(MathNode&& base) {
        if (base.kind == MathKind::row && base.children.size() == 1) {
            pending_.push_back(std::move(base.children[0]));
        } else if (base.kind != MathKind::row || !base.children.empty()) {
            pending_.push_back(std::move(base));
        }
    }

    MathNode leaf(MathKind kind, std::string text) {
        MathNode n;
        n.kind = kind;
        n.text = std::move(text);
        return n;
    }

    MathNode parse_group(int depth, bool lone_child_alone = false) {
        // Called with pos_ on '{'.
        ++pos_;
        if (depth + 1 > max_math_depth) {
            errors_.push_back("Formula nested too deeply");
            size_t start = pos_;
            int level = 1;
            while (!at_end() && level > 0) {
                if (src_[pos_] == '{') ++level;
                if (src_[pos_] == '}') --level;
                ++pos_;
            }
            size_t end = level == 0 ? pos_ - 1 : pos_;
            return leaf(MathKind::text, std::string(src_.substr(start, end - start)));
        }
        MathNode row = parse_row(depth + 1, '\0', lone_child_alone);
        if (peek() == '}')
            ++pos_;
        else
            errors_.push_back("Missing } in formula");
        return row;
    }

    // Reads the argument of \frac, \sqrt, \text: a group or one token.
    MathNode parse_argument(int depth, const char* command) {
        skip_spaces();
        if (at_end() || peek() == '}') {
            errors_.push_back(std::string("Missing argument for \\") + command);
            return MathNode{};
        }
        // {x} as an argument is just x.
        MathNode arg = parse_atom(depth, true);
        if (arg.kind == MathKind::row && arg.children.size() == 1) {
            MathNode only = std::move(arg.children[0]);
            return only;
        }
        return arg;
    }

    std::string read_braced_text() {
        skip_spaces();
        if (peek() != '{') {
            errors_.push_back("Expected { after text command");
            return {};
        }
        ++pos_;
        size_t start = pos_;
        while (!at_end() && src_[pos_] != '}')
            ++pos_;
        std::string text(src_.substr(start, pos_ - start));
        if (at_end())
            errors_.push_back("Missing } in formula");
        else
            ++pos_;
        return text;
    }

    MathNode parse_command(int depth) {
        // pos_ is just after the backslash.
        if (at_end()) {
            errors_.push_back("Formula ends with a lone backslash");
            return leaf(MathKind::text, "\\");
        }
        char c = src_[pos_];
        if (static_cast<unsigned char>(c) >= 0x80) {
            // A backslash before a non-ASCII character: keep the character whole.
            size_t start = pos_++;
            while (!at_end() && (static_cast<unsigned char>(src_[pos_]) & 0xC0) == 0x80)
                ++pos_;
            std::string ch(src_.substr(start, pos_ - start));
            errors_.push_back("Unknown math command \\" + ch);
            return leaf(MathKind::text, "\\" + ch);
        }
        if (!is_letter(c)) {
            ++pos_;
            switch (c) {
            case ',':
                return leaf(MathKind::space, "0.17");
            case ':':
            case '>':
                return leaf(MathKind::space, "0.22");
            case ';':
                return leaf(MathKind::space, "0.28");
            case ' ':
                return leaf(MathKind::space, "0.25");
            case '!':
                return MathNode{};
            case '\\':
                return leaf(MathKind::space, "1");
            case '{':
            case '}':
            case '%':
            case '$':
            case '#':
            case '_':
            case '&':
            case '|':
                return leaf(MathKind::operator_, std::string(1, c));
            default:
                errors_.push_back(std::string("Unknown math command \\") + c);
                return leaf(MathKind::text, std::string("\\") + c);
            }
        }
        size_t start = pos_;
        while (!at_end() && is_letter(src_[pos_]))
            ++pos_;
        std::string_view name = src_.substr(start, pos_ - start);
        if (name == "frac" || name == "dfrac" || name == "tfrac") {
            MathNode node;
            node.kind = MathKind::frac;
            node.children.reserve(2);
            node.children.push_back(parse_argument(depth, "frac"));
            node.children.push_back(parse_argument(depth, "frac"));
            return node;
        }
        if (name == "sqrt") {
            MathNode node;
            node.kind = MathKind::sqrt;
            skip_spaces();
            MathNode index;
            bool has_index = false;
            if (peek() == '[') {
                ++pos_;
                if (depth + 1 > max_math_depth) {
                    errors_.push_back("Formula nested too deeply");
                } else {
                    index = parse_row(depth + 1, ']');
                    has_index = true;
                }
                if (peek() == ']')
                    ++pos_;
                else
                    errors_.push_back("Missing ] after \\sqrt index");
            }
            node.children.reserve(has_index ? 2 : 1);
            node.children.push_back(parse_argument(depth, "sqrt"));
            if (has_index) node.children.push_back(std::move(index));
            return node;
        }
        if (name == "text" || name == "mathrm" || name == "textrm" || name == "mbox")
            return leaf(MathKind::text, read_braced_text());
        if (name == "operatorname" || name == "mathit")
            return leaf(MathKind::function, read_braced_text());
        if (name == "left" || name == "right" || name == "big" || name == "Big" || name == "bigl" ||
            name == "bigr" || name == "displaystyle") {
            // Sizing hints: the delimiter that follows is drawn as usual.
            skip_spaces();
            if (peek() == '.') ++pos_;
            return MathNode{};
        }
        if (const Symbol* s = find_symbol(name)) return leaf(s->kind, s->text);
        std::string shown = "\\";
        shown.append(name);
        errors_.push_back("Unknown math command " + shown);
        return leaf(MathKind::text, shown);
    }

    MathNode parse_atom(int depth, bool lone_child_alone = false) {
        skip_spaces();
        char c = peek();
        if (c == '{') return parse_group(depth, lone_child_alone);
        if (c == '\\') {
            ++pos_;
            return parse_command(depth);
        }
        if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
            size_t start = pos_;
            while (!at_end() &&
                   (is_digit(src_[pos_]) ||
                    (src_[pos_] == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))))
                ++pos_;
            return leaf(MathKind::number, std::string(src_.substr(start, pos_ - start)));
        }
        if (is_letter(c)) {
            ++pos_;
            return leaf(MathKind::identifier, std::string(1, c));
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
            // A UTF-8 character typed directly (e.g. "π"): keep it whole.
            size_t start = pos_++;
            while (!at_end() && (static_cast<unsigned char>(src_[pos_]) & 0xC0) == 0x80)
                ++pos_;
            return leaf(MathKind::identifier, std::string(src_.substr(start, pos_ - start)));
        }
        ++pos_;
        switch (c) {
        case '-':
            return leaf(MathKind::operator_, "−");
        case '*':
            return leaf(MathKind::operator_, "∗");
        case '\'':
            return leaf(MathKind::operator_, "′");
        case '&':
            return leaf(MathKind::space, "1");
        case '~':
            return leaf(MathKind::space, "0.25");
        case '^':
        case '_':
            return MathNode{};
        default:
            return leaf(MathKind::operator_, std::string(1, c));
        }
    }
};

thread_local std::vector<MathNode> MathParser::kept_pending;

} // namespace

MathParseResult parse_math(std::string_view latex) {
    try {
        return MathParser(latex).run();
    } catch (...) {
        // Only allocation failure can get here; show the formula as typed.
        MathParseResult r;
        r.root.children.push_back(MathNode{MathKind::text, std::string(latex), {}});
        r.errors.push_back("Formula could not be parsed");
        return r;
    }
}

std::string to_string(MathKind kind) {
    switch (kind) {
    case MathKind::row:
        return "row";
    case MathKind::identifier:
        return "identifier";
    case MathKind::number:
        return "number";
    case MathKind::operator_:
        return "operator";
    case MathKind::large_operator:
        return "large-operator";
    case MathKind::function:
        return "function";
    case MathKind::text:
        return "text";
    case MathKind::space:
        return "space";
    case MathKind::frac:
        return "frac";
    case MathKind::sqrt:
        return "sqrt";
    case MathKind::sub:
        return "sub";
    case MathKind::sup:
        return "sup";
    case MathKind::subsup:
        return "subsup";
    }
    return "row";
}

} // namespace wte::rst
