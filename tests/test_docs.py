"""The docs cannot drift from the code: the record's fields, the CLI's options, README's example, links.

Each test reads the source of truth (the schema, the argparse parser, what the example prints)
and fails until the page that documents it says so, as sqlite-utils' `tests/test_docs.py` does.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import re
from pathlib import Path

import pytest

from pipeline import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
SCHEMA = ROOT / "pipeline" / "record.schema.json"

FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def schema_properties(node) -> set[str]:
    """Every name under a `properties` keyword anywhere in the schema (nested objects and $defs too)."""
    found: set[str] = set()
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            found |= set(properties)
        for value in node.values():
            found |= schema_properties(value)
    elif isinstance(node, list):
        for value in node:
            found |= schema_properties(value)
    return found


def test_record_page_names_every_schema_property():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    page = (DOCS / "record.md").read_text(encoding="utf-8")
    missing = sorted(name for name in schema_properties(schema) if f"`{name}`" not in page)
    assert not missing, f"properties of record.schema.json not in docs/record.md: {missing}"
    # a top-level field gets its own row in the fields table
    rows = sorted(name for name in schema["properties"] if f"\n| `{name}` |" not in page)
    assert not rows, f"top-level fields without a row in docs/record.md: {rows}"


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def documented(parser: argparse.ArgumentParser) -> list[str]:
    """What a page must name for a parser: every option string, and every choice an option offers."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        out.extend(action.option_strings)
        if action.option_strings and action.choices:
            out.extend(f"`{choice}`" for choice in action.choices)
    return out


def mentioned(word: str, text: str) -> bool:
    if word.startswith("`"):
        return word in text
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def section(text: str, heading: str) -> str | None:
    """The text under `heading` up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    lines = text.splitlines()
    if heading not in lines:
        return None
    start = lines.index(heading) + 1
    end = next(
        (i for i in range(start, len(lines)) if re.match(rf"#{{1,{len(level)}}} ", lines[i])),
        len(lines),
    )
    return "\n".join(lines[start:end])


def test_cli_has_subcommands():
    assert {"run", "validate", "report"} <= set(subcommands())


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_guide_documents_every_option_of(name):
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    body = section(guide, f"### `ptpipe {name}`")
    assert body is not None, f"docs/guide.md has no section '### `ptpipe {name}`'"
    missing = [word for word in documented(subcommands()[name]) if not mentioned(word, body)]
    assert not missing, f"options of `ptpipe {name}` not in its section of docs/guide.md: {missing}"


def test_guide_documents_the_top_level_options():
    reference = section((DOCS / "guide.md").read_text(encoding="utf-8"), "## Command reference")
    assert reference is not None
    missing = [word for word in documented(cli.build_parser()) if not mentioned(word, reference)]
    assert not missing, f"options of `ptpipe` not in the command reference of docs/guide.md: {missing}"


def readme_example(text: str) -> tuple[str, str]:
    """README's Python example: the ```python block immediately followed by a ```text block."""
    blocks = [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]
    pairs = [
        (code, shown)
        for (lang, code), (after, shown) in itertools.pairwise(blocks)
        if (lang, after) == ("python", "text")
    ]
    assert len(pairs) == 1, "README.md should have exactly one ```python block followed by its ```text output"
    return pairs[0]


def test_readme_example_prints_what_readme_shows():
    code, shown = readme_example(README.read_text(encoding="utf-8"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert out.getvalue() == shown


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    out = set()
    for line in text.splitlines():
        m = re.match(r"#{1,6} (.+)", line)
        if m:
            base = slug(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.add(base if n == 0 else f"{base}-{n}")
    return out


PAGES = [README, *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(page):
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # http:, https:, mailto:
        path_part, _, anchor = target.partition("#")
        path = (page.parent / path_part).resolve() if path_part else page
        unknown_anchor = anchor and path.suffix == ".md" and path.exists() and anchor not in anchors(path)
        if not path.exists() or unknown_anchor:
            broken.append(target)
    assert not broken, f"broken links in {page.relative_to(ROOT)}: {broken}"


def test_readme_stays_short():
    assert README.stat().st_size <= 10_500, "README.md is for a newcomer's five minutes; move the rest to docs/"
