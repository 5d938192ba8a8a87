"""The claim register: what the public record says of each checkable claim of the essay.

Why it exists: the essay states as fact things that the editors' fact-check file rates only
partly accurate, unverified or inaccurate. An editor's note next to one statement is not
enough, because the site repeats claims elsewhere (tables, glossary, tooltips, figures). So
``docs/_data/claims.yml`` lists every rated claim once, with its status, its editor's note
and the words that identify it in each language, and the build:

- renders the marker ``[[claim:ID]]``, written right after a statement of a disputed claim,
  as a badge (「原典・一部正確」 / "Essay · partly accurate") that links to the claim's note;
- fails, naming file, line and claim, where a disputed claim's words appear without its
  marker in a page, or at all in a glossary definition or a figure (those define and draw;
  the topic pages state the claims, marked). Headings are not checked (they name topics);
  the editor's notes, the timeline (verified events) and the passage map (quotations) are
  the record itself and are not read here;
- writes the claim-status table of the About page (``<!-- claim-status -->``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .editorial_markdown import source_links
from .markdown_source import ID_PATTERN, escape_inline, strip_front_matter

CLAIMS_FILE = "_data/claims.yml"
PLACEHOLDER = "<!-- claim-status -->"
STATUS_PAGE = "about"
MARKER = re.compile(r"\[\[claim:([^\]\s]*)\]\]")
FIELDS = {"id", "row", "status", "note", "claim_ja", "claim_en", "record_ja", "record_en",
          "match_ja", "match_en", "sources"}
LANGUAGES = ("ja", "en")
# status -> language -> (badge text, the rating in a sentence)
STATUS = {
    "accurate": {"ja": "正確", "en": "accurate"},
    "attributed": {"ja": "出典付きで正確", "en": "accurate as attributed"},
    "partly": {"ja": "一部正確", "en": "partly accurate"},
    "unverified": {"ja": "未確認", "en": "unverified"},
    "inaccurate": {"ja": "不正確", "en": "inaccurate"},
}
BADGE = {"ja": "原典・{status}", "en": "Essay · {status}"}
BADGE_TITLE = {
    "ja": "原典の記述です。公開された記録に照らした評価は「{status}」です。編集部注で記録を確かめられます。",
    "en": "The essay's claim, rated {status} against the public record; the editor's note says what the record shows.",
}
TABLE_HEADER = {
    "ja": "| 原典の主張 | 評価 | 記録が示すこと | 出典 |",
    "en": "| The essay's claim | Rating | What the record shows | Sources |",
}
NOTE_LINK = {"ja": "（[編集部注]({href})）", "en": " ([editor's note]({href}))"}
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^#{1,6}\s")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^{}]*\}|<[^>]+>")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Claim:
    id: str
    row: int
    status: str
    note: str  # editor's note id
    claim_ja: str
    claim_en: str
    record_ja: str
    record_en: str
    patterns: dict  # language -> tuple of compiled patterns (empty for accurate claims)
    sources: tuple = ()  # the record's sources for this claim; empty: the note's

    @property
    def disputed(self) -> bool:
        return self.status != "accurate"

    def claim(self, language: str) -> str:
        return self.claim_ja if language == "ja" else self.claim_en

    def record(self, language: str) -> str:
        return self.record_ja if language == "ja" else self.record_en


@dataclass(frozen=True)
class ClaimRegister:
    claims: tuple = ()

    def get(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


def read_claims(data, notes: dict, sources: dict | None = None) -> tuple[ClaimRegister, list[str]]:
    """The register from the parsed file, and one message per problem (file prefix added by
    the caller). ``notes``: editor's note id -> Note; ``sources``: source key -> Source."""
    sources = sources or {}
    data = data if isinstance(data, dict) else {}
    problems, claims, seen = [], [], set()
    for index, item in enumerate(data.get("claims") or [], start=1):
        item = item if isinstance(item, dict) else {}
        ident = item.get("id")
        what = f"claim '{ident or f'#{index}'}'"
        if not isinstance(ident, str) or not ID_PATTERN.match(ident):
            problems.append(f"{what}: id must be lowercase ASCII words joined by hyphens.")
        elif ident in seen:
            problems.append(f"{what}: id used twice. Give each claim its own id.")
        seen.add(ident)
        for field in sorted(set(item) - FIELDS):
            problems.append(f"{what}: unknown field '{field}'. Allowed: {', '.join(sorted(FIELDS))}.")
        status = item.get("status")
        if status not in STATUS:
            problems.append(f"{what}: status {status!r} is not one of {', '.join(STATUS)} "
                            "(the fact-check file's verdict).")
        if not isinstance(item.get("row"), int):
            problems.append(f"{what}: `row` must be the fact-check file's row number.")
        if item.get("note") not in notes:
            problems.append(f"{what}: note {item.get('note')!r} is not an editor's note id of "
                            "docs/_data/editor-notes.yml. Every claim links to the note that says "
                            "what the record shows: add the note, or name an existing one.")
        for field in ("claim_ja", "claim_en", "record_ja", "record_en"):
            if not str(item.get(field) or "").strip():
                problems.append(f"{what} has no {field}. Write the {field[-2:]} text.")
        patterns = {}
        for language in LANGUAGES:
            found = item.get(f"match_{language}") or []
            if status not in (None, "accurate") and not found:
                problems.append(f"{what}: a claim rated {status} needs `match_{language}`: the "
                                f"words that identify it in {language} pages.")
            compiled = []
            for pattern in found if isinstance(found, list) else [found]:
                try:
                    compiled.append(re.compile(str(pattern), re.IGNORECASE))
                except re.error as error:
                    problems.append(f"{what}: match_{language} {pattern!r} is not a valid regular "
                                    f"expression ({error}).")
            patterns[language] = tuple(compiled)
        own = item.get("sources") or []
        for key in own:
            if key not in sources:
                problems.append(f"{what}: source '{key}' is not in docs/_data/sources.yml. Use a key "
                                "of that file, or leave `sources` out to cite the note's sources.")
        claims.append(Claim(str(ident), item.get("row") or 0, str(status), str(item.get("note")),
                            *(str(item.get(f) or "").strip()
                              for f in ("claim_ja", "claim_en", "record_ja", "record_en")),
                            patterns, tuple(sources[k] for k in own if k in sources)))
    if not claims:
        problems.append("no claims under `claims:`.")
    return ClaimRegister(tuple(claims)), problems


def _units(text: str):
    """(line number, is heading, text) of every line or table cell outside front matter,
    fenced code and HTML comments."""
    body, offset = strip_front_matter(text)
    body = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), body)
    fence = None
    for number, line in enumerate(body.splitlines(), start=offset + 1):
        if match := _FENCE.match(line):
            fence = None if fence == match.group(1) else (fence or match.group(1))
            continue
        if fence or not line.strip():
            continue
        if line.lstrip().startswith("|"):
            for cell in _CELL_SPLIT.split(line):
                yield number, False, cell
        else:
            yield number, bool(_HEADING.match(line)), line


def statement_problems(register: ClaimRegister, pages, glossary_sources: set[str],
                       figures) -> list[str]:
    """Every disputed claim stated without its marker, and every marker that cannot work.

    ``pages``: PageSource objects; ``glossary_sources``: their ``src`` for glossary pages;
    ``figures``: Figure objects (their texts are checked in both languages)."""
    problems = []
    disputed = [c for c in register.claims if c.disputed]
    for page in pages:
        where = f"docs/{page.src}"
        in_glossary = page.src in glossary_sources
        for number, heading, unit in _units(page.text):
            marked = MARKER.findall(unit)
            for ident in marked:
                claim = register.get(ident)
                if heading or in_glossary:
                    problems.append(
                        f"{where}:{number}: [[claim:{ident}]] in a "
                        f"{'heading' if heading else 'glossary definition'}. Markers go in the "
                        "text of topic pages, after the statement; "
                        + ("headings name topics." if heading else
                           "glossary definitions say what a term is, and the topic page states the claim."))
                elif claim is None:
                    problems.append(f"{where}:{number}: [[claim:{ident}]] names no claim of "
                                    f"docs/{CLAIMS_FILE}. Use one of: "
                                    f"{', '.join(c.id for c in disputed)}.")
                elif not claim.disputed:
                    problems.append(f"{where}:{number}: [[claim:{ident}]] marks a claim rated "
                                    "accurate. State it plainly and remove the marker.")
            if heading:
                continue
            text = _LINK_TARGET.sub(" ", MARKER.sub(" ", unit))
            for claim in disputed:
                if claim.id in marked and not in_glossary:
                    continue
                if any(p.search(text) for p in claim.patterns.get(page.language, ())):
                    problems.append(_unmarked(where, number, claim, in_glossary))
    for figure in figures:
        for pair in figure.texts():
            for language in LANGUAGES:
                text = str(pair.get(language, ""))
                for claim in disputed:
                    if any(p.search(text) for p in claim.patterns.get(language, ())):
                        problems.append(
                            f"{figure.source}: the {language} text '{text}' states the claim "
                            f"'{claim.id}' ({STATUS[claim.status]['en']}; docs/{CLAIMS_FILE}). "
                            "Figures draw no disputed claims: drop the claim from the label and "
                            "leave it to the page text, where it is marked.")
    return problems


def _unmarked(where: str, number: int, claim: Claim, in_glossary: bool) -> str:
    status = STATUS[claim.status]["en"]
    if in_glossary:
        return (f"{where}:{number}: the glossary definition states the claim '{claim.id}' "
                f"({status}; docs/{CLAIMS_FILE}). Definitions say what a term is: leave the "
                f"claim to its topic page (note '{claim.note}') and link there.")
    return (f"{where}:{number}: states the claim '{claim.id}' ({status}; docs/{CLAIMS_FILE}) "
            f"without its marker. Write it as the essay's account and add [[claim:{claim.id}]] "
            "right after it, in the same line or table cell; or, if it is stated elsewhere, "
            "link there instead of repeating it.")


def render_markers(markdown: str, register: ClaimRegister, notes: dict, language: str) -> str:
    """``markdown`` with each ``[[claim:ID]]`` replaced by its badge, a link to the note.

    The markers were checked before the build; ``notes``: note id -> Note."""
    def badge(match: re.Match) -> str:
        claim = register.get(match.group(1))
        note = notes[claim.note]
        status = STATUS[claim.status][language]
        title = BADGE_TITLE[language].format(status=status).replace('"', "'")
        return (f'[{BADGE[language].format(status=status)}]({note.page}.md#note-{note.id} "{title}")'
                f'{{.kb-claim .kb-claim-{claim.status} data-claim="{claim.id}" data-search-exclude=""}}')
    return MARKER.sub(badge, markdown)


def status_table(register: ClaimRegister, notes: dict, language: str) -> str:
    """The About page's table: every claim of the register, in fact-check order."""
    rows = [TABLE_HEADER[language], "|---|---|---|---|"]
    for claim in sorted(register.claims, key=lambda c: (c.row, register.claims.index(c))):
        note = notes[claim.note]
        status = STATUS[claim.status][language]
        rows.append(
            f'| {escape_inline(claim.claim(language))} '
            f'| <span class="kb-claim-status kb-claim-{claim.status}">{status}</span> '
            f'| {escape_inline(claim.record(language))}{NOTE_LINK[language].format(href=f"{note.page}.md#note-{note.id}")} '
            f'| {source_links(claim.sources or note.sources, language)} |')
    return '<div class="kb-claim-register" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def read_register(docs_dir: Path, notes: dict, sources: dict, read_yaml) -> tuple[ClaimRegister, list[str]]:
    """The register file of ``docs_dir`` (``read_yaml`` reports a missing or broken file)."""
    data, problems = read_yaml(Path(docs_dir), CLAIMS_FILE)
    register, found = read_claims(data, notes, sources)
    return register, problems + (found if not problems else [])
