"""Per-section translation records: which revision of its Japanese section each English
section translates, so that readers and editors see when a translation may be out of date.

MDN records in each translated page the revision of the original it translates; this site
does it per section, since every heading id is shared by both languages. A section is the
text from its heading to the next heading of any level; the page's introduction (its front
matter title and description, and the text before the first section) is recorded under
``_intro``. A revision is a short hash of the Japanese section's normalised text (HTML
comments dropped, white space collapsed), so only a change a reader could see counts.

The records live in each English page's front matter, written by the command below (never by
hand)::

    translated_from:
      _intro: 5d1f0c2a9e
      models: 0b77e3c41d

The build marks an English section whose record differs from its Japanese section's current
revision as possibly outdated (a note in the page and the PDF, linking to the Japanese
section, and a row on the About page); a section with no record fails the build. Sections
are translated from Japanese only: the English pages are never the original.

Command (after reviewing a translation against its Japanese section)::

    uv run --locked python -m kb_build.translation_records models#models   # one section
    uv run --locked python -m kb_build.translation_records models          # a whole page
    uv run --locked python -m kb_build.translation_records --all           # every page
    uv run --locked python -m kb_build.translation_records --status        # list, change nothing
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .markdown_source import escape_inline, front_matter, strip_front_matter

RECORD_KEY = "translated_from"
INTRO = "_intro"
ORIGINAL, TRANSLATION = "ja", "en"
COMMAND = "uv run --locked python -m kb_build.translation_records"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_RECORDS_BLOCK = re.compile(rf"^{RECORD_KEY}:[^\n]*\n(?:[ \t]+[^\n]*\n)*", re.M)


@dataclass(frozen=True)
class SectionStatus:
    slug: str
    key: str  # heading id, or _intro
    heading: str  # the English heading (or page title for the introduction)
    state: str  # "current", "outdated" or "unrecorded"


def section_texts(page) -> dict[str, str]:
    """Section key -> its source text, for one PageSource (see the module docstring)."""
    meta = front_matter(page.text)
    body, offset = strip_front_matter(page.text)
    lines = page.text.splitlines()
    starts = [(h.id, h.line) for h in page.headings if h.level > 1 and h.id]
    first = starts[0][1] if starts else len(lines) + 1
    texts = {INTRO: "\n".join([str(meta.get("title") or ""), str(meta.get("description") or ""),
                               *lines[offset:first - 1]])}
    for index, (key, line) in enumerate(starts):
        end = starts[index + 1][1] - 1 if index + 1 < len(starts) else len(lines)
        texts[key] = "\n".join(lines[line - 1:end])
    return texts


def revision(text: str) -> str:
    """A short hash of what a reader could see change in ``text``."""
    normalised = " ".join(_COMMENT.sub(" ", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:10]


def revisions(page) -> dict[str, str]:
    return {key: revision(text) for key, text in section_texts(page).items()}


def recorded(page) -> dict[str, str]:
    """The records in an English page's front matter."""
    found = front_matter(page.text).get(RECORD_KEY) or {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def statuses(sources) -> list[SectionStatus]:
    """Every English section's state, in page and heading order (``sources``: SiteSources)."""
    found = []
    for original in sorted(sources.in_language(ORIGINAL), key=lambda p: p.src):
        translation = sources.page(original.slug, TRANSLATION)
        if translation is None:
            continue  # reported by the translation parity check
        current, records = revisions(original), recorded(translation)
        headings = {h.id: h.text for h in translation.headings if h.id}
        for key, value in current.items():
            state = ("unrecorded" if key not in records
                     else "current" if records[key] == value else "outdated")
            found.append(SectionStatus(original.slug, key,
                                       translation.title if key == INTRO else headings.get(key, key), state))
    return found


def problems(found: list[SectionStatus]) -> list[str]:
    """A section with no record stops the build: the message names the file and the command."""
    return [
        f"docs/{s.slug}.{TRANSLATION}.md: section '{s.key}' has no translation record. Review its "
        f"translation against docs/{s.slug}.md, then run: {COMMAND} {s.slug}#{s.key}"
        for s in found if s.state == "unrecorded"
    ]


OUTDATED_NOTE = {
    "en": ('<div class="admonition warning translation-outdated" id="translation-outdated-{key}">'
           '<p class="admonition-title">This translation may be out of date</p>'
           "<p>The Japanese original of this part has changed since its English text was last "
           'reviewed; see <a href="{href}" hreflang="ja">the Japanese edition</a>.</p></div>'),
}
STATUS_PAGE, STATUS_PLACEHOLDER = "about", "<!-- translation-status -->"
STATUS_TEXT = {
    "ja": {"current": "英語版の全{total}か所は、どれも翻訳元の日本語の版と一致しています。",
           "outdated": "次の{count}か所は、英語版を確認したあとに日本語の原文が変わりました。英語版は古い可能性があります。",
           "header": "| 節 | 英語版 |", "intro": "ページの冒頭"},
    "en": {"current": "All {total} parts of the English edition match the Japanese text they were translated from.",
           "outdated": "The Japanese original of these {count} parts has changed since their English text was last reviewed; the English may be out of date.",
           "header": "| Section | Japanese original |", "intro": "Introduction"},
}


def status_markdown(found: list[SectionStatus], sources, language: str, page_url: str) -> str:
    """The translation-status table of the About page in ``language``; ``page_url`` is the
    About page's URL (links to the other language are relative to it)."""
    from mkdocs.utils import get_relative_url

    text = STATUS_TEXT[language]
    outdated = [s for s in found if s.state == "outdated"]
    if not outdated:
        return text["current"].format(total=len(found))
    rows = [text["header"], "|---|---|"]
    for status in outdated:
        anchor = "" if status.key == INTRO else f"#{status.key}"
        page = sources.page(status.slug, language)
        title = page.title if page else status.slug
        heading = text["intro"] if status.key == INTRO else (
            page.sections[status.key].heading if page and status.key in page.sections else status.key)
        where = f"[{escape_inline(title)} › {escape_inline(heading)}]({status.slug}.md{anchor})"
        other = TRANSLATION if language == ORIGINAL else ORIGINAL
        href = get_relative_url(sources.languages.page_url(status.slug, other), page_url) + anchor
        label = "英語版" if language == ORIGINAL else "Japanese"
        rows.append(f'| {where} | <a href="{href}" hreflang="{other}">{label}</a> |')
    return text["outdated"].format(count=len(outdated)) + "\n\n" + "\n".join(rows)


def write_records(path: Path, records: dict[str, str]) -> None:
    """Put ``records`` into the front matter of the page at ``path`` (replacing older ones)."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n") or (end := text.find("\n---\n", 4)) == -1:
        raise SystemExit(f"{path}: no front matter to hold the translation records")
    head = _RECORDS_BLOCK.sub("", text[4:end + 1])
    block = f"{RECORD_KEY}:\n" + "".join(f"  {key}: {value}\n" for key, value in records.items())
    path.write_text("---\n" + head + block + text[end + 1:], "utf-8")


def refresh(sources, targets: list[str]) -> list[str]:
    """Record the current Japanese revision for ``targets`` ('slug' or 'slug#key', or all when
    empty); returns what changed, one line each."""
    changed = []
    wanted: dict[str, set[str] | None] = {}
    for target in targets:
        slug, _, key = target.partition("#")
        if sources.page(slug, ORIGINAL) is None:
            raise SystemExit(f"no page docs/{slug}.md: name a page slug, e.g. models or models#models")
        wanted[slug] = None if not key or wanted.get(slug, set()) is None else {*wanted.get(slug, set()), key}
    for original in sorted(sources.in_language(ORIGINAL), key=lambda p: p.src):
        if targets and original.slug not in wanted:
            continue
        translation = sources.page(original.slug, TRANSLATION)
        if translation is None:
            continue
        current, records = revisions(original), recorded(translation)
        keys = wanted.get(original.slug) or set(current)
        unknown = keys - set(current)
        if unknown:
            raise SystemExit(f"docs/{original.slug}.md has no section {', '.join(sorted(unknown))}: "
                             f"use one of {', '.join(current)}")
        updated = {key: current[key] if key in keys else records.get(key) for key in current}
        updated = {k: v for k, v in updated.items() if v}
        if updated != records:
            changed += [f"docs/{translation.src}: {key} {records.get(key, '(none)')} -> {value}"
                        for key, value in updated.items() if records.get(key) != value]
            write_records(sources.docs_dir / translation.src, updated)
    return changed


def main(argv: list[str] | None = None) -> int:
    from .languages import Languages
    from .site_sources import SiteSources

    parser = argparse.ArgumentParser(prog="python -m kb_build.translation_records",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="page slugs or slug#section to record as reviewed")
    parser.add_argument("--all", action="store_true", help="record every section as reviewed")
    parser.add_argument("--status", action="store_true", help="list outdated and unrecorded sections")
    parser.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    sources = SiteSources.read(Path(args.docs), Path(args.docs).parent / "sources" / "essay.ja.txt",
                               Languages(ORIGINAL, (ORIGINAL, TRANSLATION)))
    if args.status or not (args.targets or args.all):
        pending = [s for s in statuses(sources) if s.state != "current"]
        for s in pending:
            print(f"{s.state:10} docs/{s.slug}.{TRANSLATION}.md#{s.key}  {s.heading}")
        print(f"{len(pending)} section(s) to review" if pending else "every English section is current")
        return 0
    changed = refresh(sources, [] if args.all else args.targets)
    print("\n".join(changed) or "nothing to record: the records were current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
