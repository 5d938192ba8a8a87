"""Split the source essay into numbered passages and group repeated statements.

Why this module exists
----------------------
The source essay (``sources/essay.ja.txt``) is several drafts glued together;
each draft ends with a ``—END—`` line and the drafts repeat, extend and cut
each other's passages.  The knowledge base states every distinct statement
once.  To make that auditable, this module:

* splits the essay deterministically into passages ``P001``, ``P002`` ... in
  essay order (one sentence each, or one short heading line), remembering the
  draft ``1..N`` each passage is in;
* groups the passages that carry the same statement across drafts into
  ``G001``, ``G002`` ... (numbered by first appearance).

Grouping is code, not a hand-kept list.  Two passages join one group when

1. their normalised texts (whitespace and a leading ``…`` removed) are equal;
2. their ``difflib`` similarity is at least ``SIMILARITY`` (this catches small
   edits such as the typo タースク for タスク);
3. one of them is a fragment cut at a draft boundary:
   a passage that ends a draft mid-sentence joins the passage it is a prefix
   of; a passage that starts a draft mid-sentence (with or without ``…``)
   joins the passage it is a suffix of; and a draft-final fragment pairs with
   the next draft's opening fragment when the end of the one overlaps the
   beginning of the other (``…自らの手で新しい価値を創造``).

An expanded later copy of a paragraph is not special: its repeated sentences
join the earlier groups and its extra sentences become new groups.

``Essay.read`` does this once per build (``site_sources``), unless ``GroupingCache`` has the
result for the same essay and rules; the passage map on the About
page (``passage_map``) and ``tests/test_traceability.py`` read the result.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

END_MARK = "—END—"
SIMILARITY = 0.9  # difflib ratio for "same sentence, small edit"
MIN_OVERLAP = 8  # characters a fragment must share with its counterpart
HEADING_MAX = 40  # a line this short without 。 is a heading
TERMINATORS = "。?!？！"
OPEN_QUOTES = "「『(（"
CLOSE_QUOTES = "」』)）"


@dataclass(frozen=True)
class Passage:
    """One sentence or heading line of the essay."""

    id: str  # P001 ...
    draft: int  # 1 .. number of drafts
    text: str  # as in the essay, stripped
    kind: str  # "heading" or "sentence"
    starts_draft: bool  # first passage of its draft
    cut_start: bool  # begins mid-sentence (leading … or continuation)
    cut_end: bool  # ends its draft mid-sentence (no terminator)

    @cached_property
    def norm(self) -> str:  # compared tens of thousands of times while grouping
        return normalise(self.text)


def normalise(text: str) -> str:
    """Remove all whitespace and a leading ellipsis."""
    text = re.sub(r"\s+", "", text)
    return text.lstrip("…").lstrip(".")


def _split_sentences(line: str) -> list[str]:
    """Split a paragraph line after 。?! that are outside 「」 and ()."""
    out, buf, depth = [], [], 0
    for ch in line:
        buf.append(ch)
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch in TERMINATORS and depth == 0:
            out.append("".join(buf).strip())
            buf = []
    rest = "".join(buf).strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def _is_heading(segment: str) -> bool:
    return (
        len(segment) <= HEADING_MAX
        and "。" not in segment
        and not segment.endswith("、")
    )


def _split_line(line: str) -> list[tuple[str, str]]:
    """Return (kind, text) items for one essay line."""
    line = line.strip()
    if not line:
        return []
    if "。" not in line and len(line) <= HEADING_MAX and " " not in line:
        return [("heading", line)]
    # A heading glued onto the start of a paragraph: "見出し 本文…"
    m = re.match(r"^([^\s、。?!？！]{2,30})[ \u3000]+(\S.*)$", line)
    items: list[tuple[str, str]] = []
    if m:
        items.append(("heading", m.group(1)))
        line = m.group(2)
    items.extend(("sentence", s) for s in _split_sentences(line))
    return items


def _drafts(text: str) -> list[list[str]]:
    drafts, cur = [], []
    for line in text.splitlines():
        if line.strip() == END_MARK:
            drafts.append(cur)
            cur = []
        else:
            cur.append(line)
    if any(s.strip() for s in cur):
        drafts.append(cur)
    return drafts


def split_passages(text: str) -> tuple[Passage, ...]:
    """All passages of the essay's text, in essay order."""
    result: list[Passage] = []
    for d, lines in enumerate(_drafts(text), start=1):
        items = [it for line in lines for it in _split_line(line)]
        for i, (kind, t) in enumerate(items):
            first, last = i == 0, i == len(items) - 1
            cut_end = last and kind == "sentence" and t[-1] not in TERMINATORS
            cut_start = t.startswith("…") or (
                first and d > 1 and kind == "sentence" and _starts_mid(t)
            )
            result.append(
                Passage(
                    id=f"P{len(result) + 1:03d}",
                    draft=d,
                    text=t,
                    kind=kind,
                    starts_draft=first,
                    cut_start=cut_start,
                    cut_end=cut_end,
                )
            )
    return tuple(result)


def _starts_mid(text: str) -> bool:
    """A draft-initial sentence that continues the previous draft's cut one."""
    return text.startswith(("あるいは、", "そして", "や", "を", "が", "に", "と"))


def _same(a: Passage, b: Passage, matcher: difflib.SequenceMatcher | None = None) -> bool:
    """Do passages a (earlier) and b (later) carry the same statement?"""
    na, nb = a.norm, b.norm
    if na == nb:
        return True
    if a.kind != b.kind:
        return False
    # fragment cut at the end of a draft: prefix of the full passage
    for frag, full in ((a, nb), (b, na)):
        if frag.cut_end and len(frag.norm) >= MIN_OVERLAP and full.startswith(frag.norm) and frag.norm != full:
            return True
    # fragment that starts a draft mid-sentence: suffix of the full passage
    for frag, full in ((a, nb), (b, na)):
        if frag.cut_start and len(frag.norm) >= MIN_OVERLAP and full.endswith(frag.norm) and frag.norm != full:
            return True
    # a draft-final fragment paired with the next draft's opening fragment
    if a.cut_end and b.cut_start and b.draft == a.draft + 1:
        for k in range(min(len(na), len(nb)), MIN_OVERLAP - 1, -1):
            if nb.startswith(na[-k:]):
                return True
    # small edits (typos, a dropped comma); ratio <= 2*min/(sum) rules most pairs out cheaply
    if 2 * min(len(na), len(nb)) < SIMILARITY * (len(na) + len(nb)):
        return False
    # One matcher per later passage (its analysis of ``nb`` is the costly part), reused here.
    sm = matcher or difflib.SequenceMatcher(None, autojunk=False)
    if matcher is None:
        sm.set_seq2(nb)
    sm.set_seq1(na)
    if sm.real_quick_ratio() < SIMILARITY or sm.quick_ratio() < SIMILARITY:
        return False
    return sm.ratio() >= SIMILARITY


def group_passages(ps: tuple[Passage, ...]) -> dict[str, tuple[Passage, ...]]:
    """Group id -> the passages carrying one statement, in essay order."""
    parent = list(range(len(ps)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for j in range(len(ps)):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(ps[j].norm)
        for i in range(j):
            if find(i) != find(j) and _same(ps[i], ps[j], matcher):
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[Passage]] = {}
    for i, p in enumerate(ps):
        members.setdefault(find(i), []).append(p)
    ordered = sorted(members.items(), key=lambda kv: kv[0])
    return {f"G{n:03d}": tuple(ms) for n, (_, ms) in enumerate(ordered, start=1)}


@dataclass(frozen=True)
class Essay:
    """The essay split into passages and grouped, computed once per build."""

    path: Path
    passages: tuple[Passage, ...]
    groups: dict[str, tuple[Passage, ...]]

    @classmethod
    def read(cls, path: Path | str, known: "GroupingCache | None" = None) -> "Essay":
        """The essay at ``path``; ``known`` (kept by the caller) saves grouping an essay
        that was grouped before by the same rules."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(
                f"{path}: the source essay is missing. The passage map and the traceability "
                "records need it; set the kb plugin's `essay:` option in mkdocs.yml to its path."
            )
        text = path.read_text(encoding="utf-8")
        found = split_passages(text)
        groups = known.get(text, found) if known is not None else None
        if groups is None:
            groups = group_passages(found)
            if known is not None:
                known.put(text, groups)
        return cls(path, found, groups)

    def group_of(self) -> dict[str, str]:
        """Passage id -> group id."""
        return {p.id: gid for gid, ms in self.groups.items() for p in ms}


class GroupingCache:
    """The essay's grouping kept between builds, so that only an edited essay is grouped again.

    Grouping compares every passage with every earlier one (about 1.5 s for this essay), and
    its result depends only on the essay's text and on the rules in this module. So it is
    kept in memory (``mkdocs serve`` rebuilds) and, when ``directory`` is given, on disk
    (``.cache/kb-essay/``, git-ignored), keyed by a hash of both: an edited essay or an
    edited rule misses the cache and regroups. Splitting is cheap and always redone.
    """

    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory) if directory is not None else None
        self.memory: dict[str, dict] = {}

    @staticmethod
    def key(text: str) -> str:
        rules = Path(__file__).read_bytes()
        return hashlib.sha256(rules + b"\0" + text.encode("utf-8")).hexdigest()[:32]

    def get(self, text: str, found: tuple[Passage, ...]) -> dict[str, tuple[Passage, ...]] | None:
        key = self.key(text)
        if key in self.memory:
            return self.memory[key]
        if self.directory is None:
            return None
        file = self.directory / f"{key}.json"
        try:
            stored = json.loads(file.read_text("utf-8"))
            by_id = {p.id: p for p in found}
            groups = {gid: tuple(by_id[pid] for pid in ids) for gid, ids in stored.items()}
        except (OSError, ValueError, KeyError):
            return None  # no cache yet, or a damaged one: group again
        self.memory = {key: groups}
        return groups

    def put(self, text: str, groups: dict[str, tuple[Passage, ...]]) -> None:
        key = self.key(text)
        self.memory = {key: groups}  # only the current essay
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for old in self.directory.glob("*.json"):
                old.unlink()
            stored = {gid: [p.id for p in members] for gid, members in groups.items()}
            (self.directory / f"{key}.json").write_text(json.dumps(stored), "utf-8")
        except OSError:
            pass  # a read-only checkout builds the same site, only slower


def representative(members: list[Passage]) -> Passage:
    """The most complete copy of a statement (the longest one)."""
    return max(members, key=lambda p: (len(p.norm), -int(p.id[1:])))


if __name__ == "__main__":  # print the grouping for review: python -m kb_build.passages ESSAY
    import sys

    for gid, ms in Essay.read(sys.argv[1] if len(sys.argv) > 1 else "sources/essay.ja.txt").groups.items():
        rep = representative(ms)
        where = ", ".join(f"{p.id}({p.draft})" for p in ms)
        print(f"{gid} [{where}] {rep.text[:60]}")
