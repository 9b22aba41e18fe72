#!/usr/bin/env python3
"""Differential test of WTE's reStructuredText parser against docutils.

For every plain-reST document of this folder (names not starting with
"wte_" = WTE extensions docutils does not know, or "bad_" = malformed input
whose recovery differs by design) it parses the file with docutils
(rst2pseudoxml, the reference implementation) and with our parser (the
rst-dump tool) and compares the structure: the section tree, the number of
list items, definition items, fields, table cells and other body elements,
and the text of every emphasis, strong, literal and hyperlink span.

usage: differential.py RST_DUMP_EXECUTABLE [CORPUS_DIR]
Exit status 0 when every compared document agrees, 1 otherwise, 2 when a
document could not be compared at all (e.g. docutils missing).
"""
import json
import os
import re
import shutil
import subprocess
import sys

ELEMENT = re.compile(r"^<([a-z_]+)(?:\s[^>]*)?>$")
ADMONITIONS = {"note", "warning", "tip", "important", "caution", "danger", "hint",
               "attention", "error", "seealso", "admonition"}


class Node:
    def __init__(self, tag, attrs=""):
        self.tag = tag
        self.attrs = attrs
        self.children = []  # Node or str

    def text(self):
        parts = []
        for c in self.children:
            parts.append(c if isinstance(c, str) else c.text())
        return "".join(parts)

    def walk(self, ancestors=()):
        yield self, ancestors
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk(ancestors + (self,))


def parse_pseudoxml(text):
    root = Node("root")
    stack = [(-1, root)]
    for raw in text.splitlines():
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        if not ELEMENT.match(line):
            # Text keeps its own leading spaces: its level is the multiple of 4.
            indent = indent // 4 * 4
            line = raw[indent:]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        m = ELEMENT.match(line)
        if m:
            node = Node(m.group(1), line)
            parent.children.append(node)
            stack.append((indent, node))
        else:
            if parent.children and isinstance(parent.children[-1], str):
                parent.children[-1] += "\n" + line
            else:
                parent.children.append(line)
    return root


def norm(s):
    return " ".join(s.split())


def docutils_structure(path):
    exe = shutil.which("rst2pseudoxml") or shutil.which("rst2pseudoxml.py")
    if exe is None:
        raise RuntimeError("rst2pseudoxml not found: apt-get install -y python3-docutils")
    out = subprocess.run([exe, "--no-generator", "--no-datestamp", "--report=5",
                          "--halt=5", path],
                         capture_output=True, text=True, check=True).stdout
    root = parse_pseudoxml(out)
    s = {"sections": [], "counts": {}, "emphasis": [], "strong": [], "literal": [],
         "links": [], "title": ""}
    counts = s["counts"]

    def bump(key):
        counts[key] = counts.get(key, 0) + 1

    for node, ancestors in root.walk():
        tag = node.tag
        tags = [a.tag for a in ancestors]
        if tag == "title" and tags and tags[-1] == "document":
            s["title"] = norm(node.text())
        if tag in ("section",):
            depth = sum(1 for a in ancestors if a.tag == "section")
            title = next((c for c in node.children if isinstance(c, Node) and c.tag == "title"), None)
            s["sections"].append((depth, norm(title.text()) if title else ""))
        if tag == "subtitle":
            # docutils promotes a lone subsection to a subtitle; WTE keeps a section.
            s["sections"].append((0, norm(node.text())))
        if tag == "list_item":
            bump("list items")
        elif tag == "definition_list_item":
            bump("definition items")
        elif tag == "field":
            bump("fields")
        elif tag == "entry":
            bump("table cells")
        elif tag == "row":
            bump("table rows")
        elif tag in ("paragraph", "caption", "legend"):
            bump(tag + "s")
        elif tag in ("table", "literal_block", "block_quote", "transition", "line", "figure",
                     "attribution", "comment", "bullet_list", "enumerated_list",
                     "definition_list", "field_list"):
            bump(tag.replace("_", " ") + "s")
        elif tag == "image" and "figure" not in tags:
            bump("images")
        elif tag in ADMONITIONS:
            bump("admonitions")
        if tag in ("emphasis", "title_reference"):
            s["emphasis"].append(norm(node.text()))
        elif tag == "strong":
            s["strong"].append(norm(node.text()))
        elif tag == "literal":
            s["literal"].append(norm(node.text()))
        elif tag == "reference":
            s["links"].append(norm(node.text()))
    return s


def inline_text(spans):
    out = []
    for sp in spans:
        if "children" in sp:
            out.append(inline_text(sp["children"]))
        else:
            out.append(sp.get("text", ""))
    return "".join(out)


def our_structure(dump, path):
    out = subprocess.run([dump, path], capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)["document"]
    s = {"sections": [], "counts": {}, "emphasis": [], "strong": [], "literal": [],
         "links": [], "title": norm(inline_text(doc.get("title", [])))}
    counts = s["counts"]

    def bump(key, by=1):
        counts[key] = counts.get(key, 0) + by

    kinds = {"list_item": "list items", "definition_item": "definition items",
             "field": "fields", "table_cell": "table cells", "table_row": "table rows",
             "table": "tables", "literal_block": "literal blocks", "block_quote": "block quotes",
             "transition": "transitions", "line": "lines", "figure": "figures",
             "attribution": "attributions", "comment": "comments", "image": "images",
             "admonition": "admonitions", "bullet_list": "bullet lists",
             "enumerated_list": "enumerated lists", "definition_list": "definition lists",
             "field_list": "field lists"}

    def spans(items):
        for sp in items:
            k = sp["kind"]
            if k == "emphasis":
                s["emphasis"].append(norm(inline_text(sp["children"])))
            elif k == "strong":
                s["strong"].append(norm(inline_text(sp["children"])))
            elif k == "literal":
                s["literal"].append(norm(sp.get("text", "")))
            elif k == "link":
                s["links"].append(norm(sp.get("text", "")))
            spans(sp.get("children", []))

    def blocks(items, depth):
        for b in items:
            k = b["kind"]
            if k == "figure":
                # docutils: the first paragraph is the caption, the rest the legend.
                rest = b.get("children", [])
                if rest and rest[0]["kind"] == "paragraph":
                    bump("captions")
                    if len(rest) > 1:
                        bump("legends")
                    bump("paragraphs", -1)
            if k == "paragraph":
                bump("paragraphs")
            if k == "section":
                s["sections"].append((depth, norm(inline_text(b.get("inlines", [])))))
            if k in kinds:
                bump(kinds[k])
            spans(b.get("inlines", []))
            blocks(b.get("children", []), depth + 1 if k == "section" else depth)

    blocks(doc["blocks"], 0)
    spans(doc.get("title", []))
    return s


def compare(name, theirs, ours):
    problems = []
    if theirs["title"] != ours["title"]:
        problems.append(f"title: docutils {theirs['title']!r}, ours {ours['title']!r}")
    if theirs["sections"] != ours["sections"]:
        problems.append(f"sections:\n    docutils {theirs['sections']}\n    ours     {ours['sections']}")
    for key in sorted(set(theirs["counts"]) | set(ours["counts"])):
        a, b = theirs["counts"].get(key, 0), ours["counts"].get(key, 0)
        if a != b:
            problems.append(f"{key}: docutils {a}, ours {b}")
    for key in ("emphasis", "strong", "literal", "links"):
        if theirs[key] != ours[key]:
            problems.append(f"{key}:\n    docutils {theirs[key]}\n    ours     {ours[key]}")
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    dump = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".rst"))
    compared, skipped, failed = [], [], []
    for n in names:
        if n.startswith("wte_") or n.startswith("bad_"):
            skipped.append(n)
            continue
        path = os.path.join(corpus, n)
        try:
            theirs = docutils_structure(path)
            ours = our_structure(dump, path)
        except Exception as e:  # a document that cannot be compared is a failure
            print(f"ERROR {n}: {e}")
            return 2
        problems = compare(n, theirs, ours)
        compared.append(n)
        if problems:
            failed.append(n)
            print(f"DIFF {n}")
            for p in problems:
                print("  " + p)
        else:
            total = sum(theirs["counts"].values())
            print(f"same {n}: {len(theirs['sections'])} sections, {total} counted elements, "
                  f"{len(theirs['emphasis']) + len(theirs['strong']) + len(theirs['literal'])} inline spans")
    print(f"compared {len(compared)} documents with docutils; "
          f"not compared (WTE extensions or malformed by design): {', '.join(skipped) or 'none'}")
    if not compared:
        print("ERROR: no plain reST document was compared")
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
