// Grid tables (cells drawn with + - | and an optional === head separator) and
// simple tables (columns under runs of =). Cells hold body elements. Columns
// are counted in characters, not bytes. Grid scanning has a work budget so a
// hostile table costs bounded time.
#include "parser_internal.hpp"

#include <algorithm>
#include <functional>

namespace wte::rst::detail {
namespace {

class GridScanner {
public:
    GridScanner(std::span<const std::u32string> grid, long budget, size_t& work)
        : g_(grid), bottom_(static_cast<int>(grid.size()) - 1),
          right_(static_cast<int>(grid[0].size()) - 1), budget_(budget), work_(work) {}

    bool exhausted() const { return budget_ < 0; }

    // Finds the cell whose top-left corner is (top, left), as docutils does.
    bool scan_cell(int top, int left, int& bottom, int& right) {
        for (int c = left + 1; c <= right_; ++c) {
            if (!spend()) return false;
            char32_t ch = g_[top][c];
            if (ch == '+') {
                if (scan_down(top, left, c, bottom)) {
                    right = c;
                    return true;
                }
            } else if (ch != '-') {
                return false;
            }
        }
        return false;
    }

private:
    std::span<const std::u32string> g_;
    int bottom_, right_;
    long budget_;
    size_t& work_; // the parser's work counter

    bool spend() {
        ++work_;
        return --budget_ >= 0;
    }

    bool scan_down(int top, int left, int right, int& bottom) {
        for (int r = top + 1; r <= bottom_; ++r) {
            if (!spend()) return false;
            char32_t ch = g_[r][right];
            if (ch == '+') {
                if (scan_left_up(top, left, r, right)) {
                    bottom = r;
                    return true;
                }
            } else if (ch != '|') {
                return false;
            }
        }
        return false;
    }

    bool scan_left_up(int top, int left, int bottom, int right) {
        for (int c = right - 1; c > left; --c) {
            if (!spend()) return false;
            char32_t ch = g_[bottom][c];
            if (ch != '-' && ch != '+') return false;
        }
        if (g_[bottom][left] != '+') return false;
        for (int r = bottom - 1; r > top; --r) {
            if (!spend()) return false;
            char32_t ch = g_[r][left];
            if (ch != '|' && ch != '+') return false;
        }
        return true;
    }
};

int index_of(const std::vector<int>& sorted, int value) {
    return static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin());
}

} // namespace

size_t Parser::parse_grid_table(const Lines& L, size_t i, int depth, std::vector<Block>& out) {
    size_t end = i;
    while (end < L.size() && !L[end].text.empty() &&
           (L[end].text[0] == '+' || L[end].text[0] == '|'))
        ++end;
    int line = L[i].number;
    auto refuse = [&](const std::string& message) {
        out.push_back(problem(line, message, "table"));
        Block lit;
        lit.kind = BlockKind::literal_block;
        lit.line = line;
        lit.text = join_lines(L, i, end);
        push_block(out, std::move(lit));
        return end;
    };
    Borrowed<TableScratch> scratch(table_scratch);
    if (scratch->rows.size() < end - i) scratch->rows.resize(end - i);
    std::span<std::u32string> grid(scratch->rows.data(), end - i);
    for (size_t k = i; k < end; ++k)
        assign_code_points(L[k].text, grid[k - i]);
    size_t width = grid[0].size();
    if (grid.size() < 3)
        return refuse("Malformed table: a grid table needs a top and bottom border.");
    for (const auto& row : grid)
        if (row.size() != width)
            return refuse(
                "Malformed table: the right border is not straight (line lengths differ).");
    if (grid.size() * width > 2'000'000) return refuse("The table is too large to show.");

    int head_sep = -1;
    for (size_t r = 1; r + 1 < grid.size(); ++r) {
        auto& row = grid[r];
        bool sep = row[0] == '+' && row.find(U'=') != std::u32string::npos;
        for (char32_t c : row)
            sep = sep && (c == '+' || c == '=');
        if (!sep) continue;
        if (head_sep != -1)
            return refuse("Malformed table: more than one head/body separator (=).");
        head_sep = static_cast<int>(r);
        for (auto& c : row)
            if (c == '=') c = '-';
    }

    int bottom = static_cast<int>(grid.size()) - 1;
    int right = static_cast<int>(width) - 1;
    GridScanner scanner(grid, 40L * static_cast<long>(grid.size() * width) + 10000, work);
    std::vector<int>& done = scratch->done;
    done.assign(width, -1);
    // Corners still to look at, smallest first: a min-heap, each taken once.
    std::vector<std::pair<int, int>>& corners = scratch->corners;
    corners.assign(1, {0, 0});
    auto add_corner = [&](int top, int left) {
        corners.emplace_back(top, left);
        std::push_heap(corners.begin(), corners.end(), std::greater<>());
    };
    std::vector<GridCell>& cells = scratch->cells;
    cells.clear();
    while (!corners.empty()) {
        auto [top, left] = corners.front();
        while (!corners.empty() && corners.front() == std::pair(top, left)) {
            std::pop_heap(corners.begin(), corners.end(), std::greater<>());
            corners.pop_back();
        }
        if (top == bottom || left == right || top <= done[static_cast<size_t>(left)]) continue;
        int cb = 0, cr = 0;
        if (!scanner.scan_cell(top, left, cb, cr)) {
            if (scanner.exhausted()) return refuse("The table is too complex to show.");
            continue;
        }
        for (int c = left; c < cr; ++c) {
            if (done[static_cast<size_t>(c)] != top - 1)
                return refuse("Malformed table: cells overlap.");
            done[static_cast<size_t>(c)] = cb - 1;
        }
        cells.push_back({top, left, cb, cr});
        add_corner(top, cr);
        add_corner(cb, left);
    }
    for (int c = 0; c < right; ++c)
        if (done[static_cast<size_t>(c)] != bottom - 1)
            return refuse("Malformed table: some cells are not closed.");

    std::vector<int>& rowseps = scratch->rowseps;
    std::vector<int>& colseps = scratch->colseps;
    rowseps.clear();
    colseps.clear();
    for (const auto& c : cells) {
        rowseps.push_back(c.top);
        rowseps.push_back(c.bottom);
        colseps.push_back(c.left);
        colseps.push_back(c.right);
    }
    std::sort(rowseps.begin(), rowseps.end());
    rowseps.erase(std::unique(rowseps.begin(), rowseps.end()), rowseps.end());
    std::sort(colseps.begin(), colseps.end());
    colseps.erase(std::unique(colseps.begin(), colseps.end()), colseps.end());
    std::sort(cells.begin(), cells.end(), [](const GridCell& a, const GridCell& b) {
        return a.top != b.top ? a.top < b.top : a.left < b.left;
    });

    Block& table = add_block(out, BlockKind::table, line);
    table.children.reserve(rowseps.empty() ? 0 : rowseps.size() - 1);
    for (size_t r = 0; r + 1 < rowseps.size(); ++r) {
        Block& row = add_block(table.children, BlockKind::table_row,
                               L[i + static_cast<size_t>(rowseps[r]) + 1].number);
        row.header = head_sep != -1 && rowseps[r] < head_sep;
    }
    std::vector<size_t>& cells_per_row = scratch->per_row;
    cells_per_row.assign(table.children.size(), 0);
    for (const auto& c : cells)
        ++cells_per_row[static_cast<size_t>(index_of(rowseps, c.top))];
    for (size_t r = 0; r < cells_per_row.size(); ++r)
        table.children[r].children.reserve(cells_per_row[r]);
    for (const auto& c : cells) {
        int row_index = index_of(rowseps, c.top);
        Block& cell =
            add_block(table.children[static_cast<size_t>(row_index)].children,
                      BlockKind::table_cell, L[i + static_cast<size_t>(c.top) + 1].number);
        cell.rowspan = index_of(rowseps, c.bottom) - row_index;
        cell.colspan = index_of(colseps, c.right) - index_of(colseps, c.left);
        LineScope scope(line_pool);
        size_t count = static_cast<size_t>(std::max(0, c.bottom - c.top - 1));
        Line* slices = line_pool.allocate(count);
        for (int r = c.top + 1; r < c.bottom; ++r) {
            const Line& row = L[i + static_cast<size_t>(r)];
            slices[r - c.top - 1] = {character_slice(row.text, static_cast<size_t>(c.left) + 1,
                                                     static_cast<size_t>(c.right - c.left - 1)),
                                     row.number};
        }
        cell.children = parse_blocks(dedent(Lines(slices, count), 0, count), depth + 1, false);
    }
    claim_targets(table);
    return end;
}

namespace {

bool is_border_of(std::u32string_view t, char32_t ch) {
    if (t.empty() || t[0] != ch) return false;
    for (char32_t c : t)
        if (c != ch && c != U' ') return false;
    return true;
}

} // namespace

size_t Parser::parse_simple_table(const Lines& L, size_t i, int depth, std::vector<Block>& out,
                                  size_t& no_close_from) {
    // The table ends at a border followed by a blank line (or the end).
    size_t close = std::string::npos;
    int borders = 1;
    for (size_t k = i + 1; k < L.size(); ++k) {
        ++work;
        std::string_view t = L[k].text;
        if (t.empty() || t[0] != '=') continue;
        bool border = true;
        for (char c : t)
            border = border && (c == '=' || c == ' ');
        if (!border) continue;
        ++borders;
        if (k + 1 >= L.size() || L[k + 1].text.empty()) {
            close = k;
            break;
        }
    }
    if (close == std::string::npos) {
        no_close_from = i;
        report(L[i].number, "Malformed table: no bottom border found; shown as text.");
        return i;
    }
    int line = L[i].number;
    Borrowed<TableScratch> scratch(table_scratch);
    if (scratch->rows.size() < close + 1 - i) scratch->rows.resize(close + 1 - i);
    std::span<std::u32string> text(scratch->rows.data(), close + 1 - i);
    for (size_t k = i; k <= close; ++k)
        assign_code_points(L[k].text, text[k - i]);

    // Runs of characters as {start, end} columns.
    std::vector<std::pair<size_t, size_t>>& columns = scratch->columns;
    columns.clear();
    for (size_t c = 0; c < text[0].size();) {
        while (c < text[0].size() && text[0][c] == U' ')
            ++c;
        size_t s = c;
        while (c < text[0].size() && text[0][c] == U'=')
            ++c;
        if (c > s) columns.push_back({s, c});
    }

    // A row's lines (indexes into text; SIZE_MAX = blank line) and column
    // spans, as ranges of two lists only the last row adds to.
    struct Row {
        size_t lines_from, lines_to, spans_from, spans_to;
        bool header = false;
    };
    std::vector<size_t>& row_lines = scratch->row_lines;
    std::vector<std::pair<size_t, size_t>>& row_spans = scratch->spans;
    row_lines.clear();
    row_spans.clear();
    std::vector<Row> rows;
    bool margin_reported = false;
    bool blank_before = false;
    size_t head_rows = 0;
    for (size_t k = 1; k < text.size() - 1; ++k) {
        std::u32string_view t = text[k];
        if (t.empty()) {
            blank_before = true;
            continue;
        }
        if (is_border_of(t, U'=')) {
            if (head_rows == 0) head_rows = rows.size();
            blank_before = false;
            continue;
        }
        if (is_border_of(t, U'-') && !rows.empty()) {
            // Column-span underline for the row above.
            row_spans.resize(rows.back().spans_from);
            for (size_t c = 0; c < t.size();) {
                while (c < t.size() && t[c] == U' ')
                    ++c;
                size_t s = c;
                while (c < t.size() && t[c] == U'-')
                    ++c;
                if (c > s) row_spans.push_back({s, c});
            }
            rows.back().spans_to = row_spans.size();
            continue;
        }
        bool first_blank = true;
        for (size_t m = columns[0].first; m < std::min(columns[0].second, t.size()); ++m)
            first_blank = first_blank && t[m] == U' ';
        if (first_blank && !rows.empty()) {
            if (blank_before) row_lines.push_back(SIZE_MAX);
            row_lines.push_back(k);
            rows.back().lines_to = row_lines.size();
        } else {
            rows.push_back({row_lines.size(), row_lines.size() + 1, row_spans.size(),
                            row_spans.size(), false});
            row_lines.push_back(k);
        }
        blank_before = false;
    }
    for (size_t r = 0; r < head_rows && r < rows.size(); ++r)
        rows[r].header = true;

    Block& table = add_block(out, BlockKind::table, line);
    table.children.reserve(rows.size());
    std::vector<std::pair<size_t, size_t>>& groups = scratch->groups; // first and last column
    for (const auto& row : rows) {
        std::span<const size_t> lines(row_lines.data() + row.lines_from,
                                      row.lines_to - row.lines_from);
        std::span<const std::pair<size_t, size_t>> spans(row_spans.data() + row.spans_from,
                                                         row.spans_to - row.spans_from);
        Block& tr = add_block(table.children, BlockKind::table_row, L[i + lines[0]].number);
        tr.header = row.header;
        // Group columns by the span underline (each column alone without one).
        groups.clear();
        if (spans.empty()) {
            for (size_t c = 0; c < columns.size(); ++c)
                groups.push_back({c, c});
        } else {
            for (const auto& span : spans) {
                size_t first = SIZE_MAX, last = 0;
                for (size_t c = 0; c < columns.size(); ++c) {
                    if (columns[c].first >= span.first && columns[c].first < span.second) {
                        first = std::min(first, c);
                        last = std::max(last, c);
                    }
                }
                if (first != SIZE_MAX) groups.push_back({first, last});
            }
            if (groups.empty())
                for (size_t c = 0; c < columns.size(); ++c)
                    groups.push_back({c, c});
        }
        // Text may not cross from one cell into the next (spans join cells).
        for (size_t g = 0; g + 1 < groups.size() && !margin_reported; ++g) {
            size_t from = columns[groups[g].second].second, to = columns[groups[g + 1].first].first;
            for (size_t idx : lines) {
                if (idx == SIZE_MAX) continue;
                const std::u32string& t = text[idx];
                for (size_t m = from; m < to && m < t.size() && !margin_reported; ++m) {
                    if (t[m] != U' ') {
                        report(L[i + idx].number, "Malformed table: text in column margin.");
                        margin_reported = true;
                    }
                }
            }
        }
        tr.children.reserve(groups.size());
        for (const auto& [first, last] : groups) {
            Block& cell = add_block(tr.children, BlockKind::table_cell, tr.line);
            cell.colspan = static_cast<int>(last - first + 1);
            size_t from = columns[first].first;
            size_t to = last + 1 < columns.size() ? columns[last + 1].first : std::u32string::npos;
            LineScope scope(line_pool);
            Line* slices = line_pool.allocate(lines.size());
            for (size_t k = 0; k < lines.size(); ++k) {
                size_t idx = lines[k];
                if (idx == SIZE_MAX) {
                    slices[k] = {"", tr.line};
                    continue;
                }
                size_t count = to == std::u32string::npos ? SIZE_MAX : to - from;
                slices[k] = {character_slice(L[i + idx].text, from, count), L[i + idx].number};
            }
            Lines content(slices, lines.size());
            cell.children = parse_blocks(dedent(content, 0, content.size()), depth + 1, false);
        }
    }
    claim_targets(table);
    return close + 1;
}

} // namespace wte::rst::detail
