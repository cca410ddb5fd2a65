"""The documents a newcomer reads stay true to each other and to the program: the README is
short and starts with the two commands, every relative link leads to a file (and heading),
the user's guide is the F1 help's text, and the command line's page names every command and
option the parser has."""

from __future__ import annotations

import argparse
import importlib.util
import re
import shlex
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kecamatan_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
HELP = ROOT / "resources" / "help" / "bantuan.html"
COMMANDS = ('python -m pip install -e . && kecamatan-desktop\n'
            'python -m pip install -e ".[test]" && python -m pytest\n')
# the sections of the help the code or other people may open by anchor (show_help(anchor))
HELP_ANCHORS = {"sop-ap", "katalog", "prosedur", "cetak", "pelaksanaan", "tombol", "data"}
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _make_guide():
    spec = importlib.util.spec_from_file_location("make_guide", DOCS / "make_guide.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _markdown_files() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(markdown: str) -> set[str]:
    headings = re.findall(r"^#{1,6} (.+)$", markdown, flags=re.MULTILINE)
    return {_slug(h) for h in headings} | set(re.findall(r'<a id="([^"]+)"></a>', markdown))


def _without_code(markdown: str) -> str:
    return re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)


def test_the_readme_is_short_and_starts_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    title, rest = text.split("\n", 1)
    assert title.startswith("# ")
    assert rest.lstrip("\n").startswith("```sh\n" + COMMANDS + "```\n")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS.splitlines()[1] in ci  # CI runs the second command as written


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file_and_heading(path):
    text = path.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(_without_code(text)):
        if re.match(r"[a-z]+:", target):  # http:, mailto: …
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        to_heading = anchor and linked.suffix == ".md"
        if not linked.is_file() or (
                to_heading and anchor not in _anchors(linked.read_text(encoding="utf-8"))):
            broken.append(target)
    assert broken == [], f"{path.name}: links to nothing: {broken}"


def test_the_users_guide_is_the_text_of_the_help():
    guide = _make_guide()
    expected = guide.guide_text(HELP.read_text(encoding="utf-8"))
    assert (DOCS / "panduan.md").read_text(encoding="utf-8") == expected, \
        "docs/panduan.md differs from the help: run python docs/make_guide.py"
    assert guide.main(["--check"]) == 0


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.skip = False

    def handle_starttag(self, tag, attrs):
        self.skip = tag == "title"

    def handle_data(self, data):
        if not self.skip:
            self.words += data.split()


def test_the_guide_loses_no_word_of_the_help():
    guide = _make_guide().guide_text(HELP.read_text(encoding="utf-8"))
    plain = re.sub(r"\\(.)", r"\1", guide.replace("**", "").replace("`", ""))
    plain = " ".join(plain.split())
    parser = _Words()
    parser.feed(HELP.read_text(encoding="utf-8"))
    missing = [w for w in parser.words if w.replace("*", "") not in plain.replace("*", "")]
    assert missing == []


def test_the_converter_refuses_html_it_does_not_know():
    guide = _make_guide()
    with pytest.raises(guide.GuideError, match="<blockquote>"):
        guide.guide_text("<p>ok</p><blockquote>lost?</blockquote>")


def test_the_help_keeps_its_anchors_and_pictures():
    html = HELP.read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert ids >= HELP_ANCHORS
    assert set(re.findall(r'href="#([^"]+)"', html)) <= ids
    pictures = re.findall(r'<img src="([^"]+)"', html)
    assert {"katalog.png", "prosedur.png", "pelaksanaan.png"} <= set(pictures)
    assert all((HELP.parent / p).is_file() for p in pictures)


def _commands(parser: argparse.ArgumentParser, path=()):
    """(command words, its options: each as its spellings) of every command the parser runs."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, _options(parser)
        return
    for name, sub in subs[0].choices.items():
        yield from _commands(sub, (*path, name))


def _options(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    return [tuple(a.option_strings) for a in parser._actions
            if a.option_strings and not isinstance(a, argparse._HelpAction)]


def _documented_lines(text: str) -> list[list[str]]:
    """The words after `kecamatan-desktop` on each line of the page's code blocks."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("kecamatan-desktop"):
                lines.append(line.split("#")[0].split()[1:])
    return lines


def _named(spellings: tuple[str, ...], text: str) -> bool:
    return any(re.search(r"(?<![\w-])" + re.escape(o) + r"(?![\w-])", text) for o in spellings)


def test_the_command_line_page_names_every_command_and_option():
    lines = _documented_lines((DOCS / "command-line.md").read_text(encoding="utf-8"))
    parser = build_parser()
    undocumented = []
    for path, options in _commands(parser):
        def names_it(words, path=path):
            words = [w for w in words if not w.startswith(("[", "-"))]
            return all(i < len(words) and name in words[i].split("|")
                       for i, name in enumerate(path))
        shown = [w for words in lines if names_it(words) for w in words]
        if not shown:
            undocumented.append(" ".join(path))
            continue
        undocumented += [f"{' '.join(path)} {spellings[-1]}" for spellings in options
                         if not _named(spellings, " ".join(shown))]
    everything = " ".join(w for words in lines for w in words)
    undocumented += [spellings[-1] for spellings in _options(parser)
                     if not _named(spellings, everything)]
    assert undocumented == []


def test_the_readmes_examples_are_commands_the_program_takes():
    parser = build_parser()
    text = README.read_text(encoding="utf-8")
    examples = [line for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
                for line in block.splitlines() if line.startswith("kecamatan-desktop ")]
    assert len(examples) >= 3
    for line in examples:
        parser.parse_args(shlex.split(line)[1:])  # argparse exits (2) on anything unknown
