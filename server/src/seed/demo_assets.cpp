// Drawn into a pixel buffer and encoded by hand around zlib (PNG) or written
// as PDF text with a computed cross-reference table: both small and exact.
#include "seed/demo_assets.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace wte::seed {

namespace {

struct Rgb {
    std::uint8_t r, g, b;
};

class Canvas {
public:
    Canvas(int width, int height, Rgb background)
        : width_(width), height_(height),
          pixels_(static_cast<std::size_t>(width * height), background) {}

    int width() const { return width_; }
    int height() const { return height_; }
    Rgb at(int x, int y) const { return pixels_[static_cast<std::size_t>(y * width_ + x)]; }

    void fill(int x0, int y0, int x1, int y1, Rgb c) {
        for (int y = std::max(0, y0); y < std::min(height_, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(width_, x1); ++x)
                pixels_[static_cast<std::size_t>(y * width_ + x)] = c;
    }

    void box(int x0, int y0, int x1, int y1, Rgb fill_colour, Rgb border, int thickness) {
        fill(x0, y0, x1, y1, border);
        fill(x0 + thickness, y0 + thickness, x1 - thickness, y1 - thickness, fill_colour);
    }

    // A right-pointing arrow from x0 to x1 on row y.
    void arrow(int x0, int x1, int y, Rgb c) {
        fill(x0, y - 2, x1 - 10, y + 2, c);
        for (int k = 0; k <= 10; ++k)
            fill(x1 - 10 + k, y - (10 - k), x1 - 10 + k + 1, y + (10 - k) + 1, c);
    }

    // Capital letters of a 5×7 bitmap font, each pixel `scale` pixels wide.
    int text_width(const std::string& s, int scale) const {
        return static_cast<int>(s.size()) * 6 * scale - scale;
    }
    void text(const std::string& s, int x, int y, int scale, Rgb c) {
        for (char ch : s) {
            const auto& rows = glyph(ch);
            for (int row = 0; row < 7; ++row)
                for (int col = 0; col < 5; ++col)
                    if (rows[static_cast<std::size_t>(row)] & (0x10 >> col))
                        fill(x + col * scale, y + row * scale, x + (col + 1) * scale,
                             y + (row + 1) * scale, c);
            x += 6 * scale;
        }
    }

private:
    int width_, height_;
    std::vector<Rgb> pixels_;

    static const std::array<std::uint8_t, 7>& glyph(char ch) {
        static const std::array<std::uint8_t, 7> A{0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11},
            D{0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E},
            E{0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F},
            G{0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F},
            L{0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F},
            M{0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11},
            O{0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E},
            P{0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10},
            R{0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11},
            T{0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04},
            U{0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}, blank{};
        switch (ch) {
        case 'A':
            return A;
        case 'D':
            return D;
        case 'E':
            return E;
        case 'G':
            return G;
        case 'L':
            return L;
        case 'M':
            return M;
        case 'O':
            return O;
        case 'P':
            return P;
        case 'R':
            return R;
        case 'T':
            return T;
        case 'U':
            return U;
        default:
            return blank;
        }
    }
};

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    put_u32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                  static_cast<uInt>(body.size()))));
}

std::string encode_png(const Canvas& c) {
    std::string raw; // each row: filter type 0 (none), then RGB triples
    raw.reserve(static_cast<std::size_t>(c.height() * (1 + c.width() * 3)));
    for (int y = 0; y < c.height(); ++y) {
        raw.push_back('\0');
        for (int x = 0; x < c.width(); ++x) {
            Rgb p = c.at(x, y);
            raw.push_back(static_cast<char>(p.r));
            raw.push_back(static_cast<char>(p.g));
            raw.push_back(static_cast<char>(p.b));
        }
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size,
                  reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                  9) != Z_OK)
        throw std::runtime_error("The demo diagram could not be compressed.");
    compressed.resize(size);

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    put_u32(header, static_cast<std::uint32_t>(c.width()));
    put_u32(header, static_cast<std::uint32_t>(c.height()));
    header +=
        std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    put_chunk(png, "IHDR", header);
    put_chunk(png, "IDAT", compressed);
    put_chunk(png, "IEND", "");
    return png;
}

} // namespace

std::string diagram_png() {
    const Rgb white{255, 255, 255}, box_fill{222, 234, 250}, border{40, 80, 160}, ink{20, 40, 90},
        arrow{110, 110, 120};
    Canvas c(536, 140, white);
    const char* labels[] = {"MODULE", "PART", "PAGE"};
    const int box_w = 140, box_h = 64, top = 38, gap = 44, left = 14;
    for (int k = 0; k < 3; ++k) {
        int x = left + k * (box_w + gap);
        c.box(x, top, x + box_w, top + box_h, box_fill, border, 3);
        int tw = c.text_width(labels[k], 3);
        c.text(labels[k], x + (box_w - tw) / 2, top + (box_h - 21) / 2, 3, ink);
        if (k < 2) c.arrow(x + box_w + 6, x + box_w + gap - 6, top + box_h / 2, arrow);
    }
    return encode_png(c);
}

std::string logo_png() {
    const Rgb sky{232, 242, 255}, wall{250, 250, 246}, roof{180, 60, 50}, door{90, 60, 40},
        line{40, 80, 160};
    Canvas c(64, 64, sky);
    for (int k = 0; k < 22; ++k) // the roof, a stepped triangle
        c.fill(32 - k - 4, 8 + k, 32 + k + 4, 9 + k, roof);
    c.box(12, 30, 52, 58, wall, line, 2);
    c.fill(28, 42, 37, 58, door);
    c.box(16, 35, 25, 43, sky, line, 1);
    c.box(40, 35, 49, 43, sky, line, 1);
    return encode_png(c);
}

std::string handout_pdf() {
    const char* lines[] = {
        "Web Development Basics - course handout", "A module holds parts; a part holds pages.",
        "Read each page, answer its quiz, then try the exercise.",
        "HTML gives a page its structure, CSS its looks,", "and JavaScript makes it interactive."};
    std::string text = "BT\n/F1 20 Tf\n72 770 Td\n24 TL\n";
    bool first = true;
    for (const char* line : lines) {
        text += std::string("(") + line + ") " + (first ? "Tj\n/F1 12 Tf\n" : "'\n");
        first = false;
    }
    text += "ET\n";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t k = 0; k < objects.size(); ++k) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t at : offsets) {
        std::string n = std::to_string(at);
        pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace wte::seed
