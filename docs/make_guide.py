"""Writes docs/panduan.md, the user's guide, from resources/help/bantuan.html, the help F1
shows: the two are one text, and the HTML is where it is written. Run after changing the help:

    python docs/make_guide.py            # writes docs/panduan.md
    python docs/make_guide.py --check    # exit 1 if docs/panduan.md is not the help's text

tests/test_docs.py fails when they differ. Only the HTML the help uses is understood (headings,
paragraphs, lists, one table, bold, italic, code, links, pictures); anything else is refused,
so a new tag cannot silently drop out of the guide."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELP = ROOT / "resources" / "help" / "bantuan.html"
GUIDE = ROOT / "docs" / "panduan.md"
PICTURES = "../resources/help/"  # the help's pictures, as seen from docs/
WIDTH = 100
HEADER = ("<!-- Made by docs/make_guide.py from resources/help/bantuan.html (the F1 help); "
          "edit that file, then run the script. -->")

INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}
IGNORED = {"html", "head", "meta", "title", "body"}
BREAK = "\x00"  # a <br> among the text, until it becomes Markdown's line break
# a wrapped line must not start with what Markdown would read as a list, heading or quote
_BLOCK_START = re.compile(r"^(?:[-+*>#|]|\d+[.)])(?:\s|$)")


class GuideError(ValueError):
    """The help holds HTML this converter does not know."""


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []  # the inline text of the block being read
        self.lists: list[list] = []  # [kind, next number, index of its block]
        self.item_prefix = ""
        self.heading = 0
        self.anchor = ""
        self.link: str | None = None
        self.row: list[str] | None = None
        self.table: list[list[str]] | None = None
        self.in_title = False
        self.in_code = False

    # tags ---------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag in IGNORED:
            pass
        elif tag in ("h1", "h2", "h3"):
            self._flush()
            self.heading = int(tag[1])
            self.anchor = a.get("id") or ""
        elif tag == "p":
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 1, None])
        elif tag == "li":
            self._flush()
            kind = self.lists[-1]
            self.item_prefix = "- " if kind[0] == "ul" else f"{kind[1]}. "
            kind[1] += 1
        elif tag in INLINE:
            self.text.append(INLINE[tag])
            self.in_code = tag == "code"
        elif tag == "a":
            if a.get("name") is not None and a.get("href") is None:
                return  # the old-style anchor inside a heading; the heading's id is kept
            self.link = a.get("href") or ""
            self.text.append("[")
        elif tag == "img":
            src = a.get("src") or ""
            self.text.append(f"![{Path(src).stem}]({PICTURES}{src})")
        elif tag == "br":
            self.text.append(BREAK)
        elif tag == "table":
            self._flush()
            self.table = []
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.text = []
        else:
            raise GuideError(f"bantuan.html: <{tag}> is not understood by docs/make_guide.py")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2", "h3"):
            title = _inline(self.text)
            if self.anchor:
                self.blocks.append(f'<a id="{self.anchor}"></a>')
            self.blocks.append(f"{'#' * self.heading} {title}")
            self.text, self.heading, self.anchor = [], 0, ""
        elif tag in ("p", "li"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.pop()
        elif tag in INLINE:
            self.text.append(INLINE[tag])
            self.in_code = False
        elif tag == "a" and self.link is not None:
            self.text.append(f"]({self.link})")
            self.link = None
        elif tag in ("td", "th") and self.row is not None:
            self.row.append(_inline(self.text).replace("|", "\\|"))
            self.text = []
        elif tag == "tr" and self.table is not None and self.row is not None:
            self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            self.blocks.append(_table(self.table))
            self.table = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            return
        if self.in_code:  # as written: Markdown does not read inside backticks
            self.text.append(data)
            return
        self.text.append(re.sub(r"([\\*_`\[\]])", r"\\\1", data))

    # blocks --------------------------------------------------------------------------------
    def _flush(self) -> None:
        text = _inline(self.text)
        self.text = []
        if not text:
            return
        prefix, self.item_prefix = self.item_prefix, ""
        if self.lists and not prefix:
            raise GuideError("bantuan.html: text in a list outside <li>")
        block = _wrap(text, prefix)
        if not self.lists:
            self.blocks.append(block)
        elif self.lists[-1][2] is None:  # the list's first item starts its block
            self.lists[-1][2] = len(self.blocks)
            self.blocks.append(block)
        else:  # the items of one list stay together
            self.blocks[self.lists[-1][2]] += "\n" + block

def _inline(parts: list[str]) -> str:
    """The HTML's white space collapsed, as a browser shows it; a <br> kept as a break."""
    lines = "".join(parts).split(BREAK)
    return "  \n".join(" ".join(line.split()) for line in lines).strip()


def _wrap(text: str, prefix: str) -> str:
    indent = " " * len(prefix)
    out: list[str] = []
    lines = [piece for part in text.split("  \n") for piece in
             textwrap.wrap(part, WIDTH - len(prefix), break_long_words=False,
                           break_on_hyphens=False)]
    for line in lines:
        if out and _BLOCK_START.match(line):
            out[-1] += " " + line  # keep it inside the paragraph, on a longer line
        else:
            out.append(line)
    return "\n".join((prefix if i == 0 else indent) + line for i, line in enumerate(out))


def _table(rows: list[list[str]]) -> str:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def guide_text(html: str) -> str:
    """The Markdown guide of the help page `html`."""
    converter = _Converter()
    converter.feed(html)
    converter.close()
    converter._flush()
    return HEADER + "\n\n" + "\n\n".join(converter.blocks) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare; exit 1 when docs/panduan.md differs")
    args = parser.parse_args(argv)
    text = guide_text(HELP.read_text(encoding="utf-8"))
    if args.check:
        same = GUIDE.exists() and GUIDE.read_text(encoding="utf-8") == text
        if not same:
            print(f"{GUIDE} is not the text of {HELP}; run python docs/make_guide.py",
                  file=sys.stderr)
        return 0 if same else 1
    GUIDE.write_text(text, encoding="utf-8")
    print(GUIDE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
