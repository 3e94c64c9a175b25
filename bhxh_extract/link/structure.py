"""The document structure, built once per document: blocks, sentences,
clauses, conjunct groups and the frame of each clause.

Every linking decision (scheme, measure, comparator, issuer, period, campaign
facts) reads the text through this structure and the scope resolver
(`scope.py`), never through a window of its own.

Blocks are the article's lines (`article.find_layout` has already set the
title, dateline and byline apart): a *heading* is a short line that does not
end a sentence; an *item* starts with a bullet or list marker; a *lead-in*
is a block or clause that ends with a colon, and the items after it belong
to it; a *caption* starts with `Ảnh`.

Clauses are the pieces of a sentence between `;`, `:`, `,` and brackets,
after coordinated nouns are joined back (`Tổng số thu BHXH, BHYT, BHTN là
...` is one clause) and fixed pairs kept whole (`khám, chữa bệnh`). Each is:
- an *opening* adjunct before the sentence's first clause: a time phrase
  (`Tính đến 30/6/2020`, `Năm 2023`), a topic (`Về BHXH tự nguyện`, `Đối với
  BHYT`), a purpose (`Để thực hiện mục tiêu đó`), a condition, a connective
  (`Theo đó`), or the `Trong đó` that continues the sentence before;
- the *main* clause, or a *parallel* one with a subject of its own (`số thẻ
  BHYT còn hạn là 95.000 thẻ`), or a *continuation* that shares the subject
  of the clause before (`đạt 98,92% kế hoạch`, `tăng 5%`), or a *conjunct*:
  a noun phrase with a figure and no verb (`huyện B hơn 200 thẻ`), grouped
  with the conjuncts beside it;
- a *bracket* (its head is the clause it sits in) or a *lead-in* (before a
  colon; the clauses after the colon are its items).

A clause's *frame* says whether its figures are achieved results, goals,
forecasts or conditions, from cue words (lexicon `frames`) and from dates:
`đến năm 2025 đạt 45%` is a goal in an article of 2021.

Vietnamese facts used here (lexicon `clause_words`): predicates follow their
subject (`số người tham gia ... là 1.186 người`); a fronted `Về X,` / `Đối với
X,` names the sentence's topic; `Trong đó, ...` continues the subject of the
sentence before it (guide 5).

The pieces live in their own modules: `parts` (the data), `clauses`
(clauses, conjuncts, frames), `sentences` (how sentences hang together).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..extractors.rules import compile_pattern
from .clauses import CLAUSE_WORDS, FIXED_PAIRS, FRAMES, set_frame, fixed_pair_at, own_frame, split_clauses
from .parts import Block, Clause, Sentence
from .sentences import link_period_runs, link_sentences

__all__ = ["Block", "Clause", "Sentence", "Document", "build", "CLAUSE_WORDS", "FIXED_PAIRS", "FRAMES",
           "fixed_pair_at", "own_frame"]

# --- what the lines are -----------------------------------------------------------------
BULLET = compile_pattern(r"^[ \t]*(?:[-–—•●○◦▪▫■□+*·]|\d{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}[.)])[ \t]+")
CAPTION = compile_pattern(r"^[ \t]*(?:\(?[ \t]*Ảnh(?:\s+minh\s+họa)?\s*[:.)]|Ảnh\s*minh\s*họa)")
SENTENCE_FINAL = compile_pattern(r"[.!?…;,\"”’)\]]\s*$")
HEADING_MAX_CHARS = 120

# --- sentences ------------------------------------------------------------------------
# A full stop ends a sentence when followed by a space and not part of a number
# (`1.186`) or an abbreviation (`TP.HCM`); `!`, `?`, `…` too. Blocks are lines,
# so a line break always ends one.
# Abbreviations whose full stop ends no sentence: `TP. Châu Đốc` (thành phố),
# `TX.`, `TT.`, `Q.`, `P.`, `H.` (town, township, district, ward), `PGS.`, `TS.`,
# `ThS.`, `BS.` (titles).
# An ellipsis in a list (`12 tấn hạt sen… tổng trị giá ...`) ends one only
# before a capital letter.
_SENTENCE_END = compile_pattern(r"(?:(?<=[.!?])(?<!(?<![\p{L}])(?:TP|Tp|TX|TT|Q|P|H|PGS|GS|TS|ThS|BS|Th\.S)\.)"
                                r"|(?<=…)(?=[\"”’)]*\s+[\"“]?\p{Lu}))[\"”’)]*\s+")
# No real sentence is this long (the corpus's longest has 750 characters). A
# longer one (hostile input: a megabyte without a full stop) is cut into
# pieces at a space, so that the work the rules do on the sentence of each
# mention stays bounded and extraction stays linear in the input.
MAX_SENTENCE_CHARS = 2000



@dataclass
class Document:
    """The structure of one normalised text (see the module doc)."""
    text: str
    blocks: list[Block]
    sentences: list[Sentence]
    clauses: list[Clause]
    reference_year: int | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _clause_starts: list[int] = field(default_factory=list, repr=False)

    def sentence_index(self, pos: int) -> int | None:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding pos ((pos, pos) outside any)."""
        i = self.sentence_index(pos)
        return (self.sentences[i].start, self.sentences[i].end) if i is not None else (pos, pos)

    def clause_index(self, pos: int) -> int | None:
        """The innermost clause holding pos (a bracket inside its clause)."""
        i = bisect.bisect_right(self._clause_starts, pos) - 1
        while i >= 0:
            c = self.clauses[i]
            if c.start <= pos < c.end:
                return i
            if self.sentence_index(pos) != c.sentence:
                return None
            i -= 1
        return None

    def set_reference_year(self, year: int | None) -> None:
        """The article's current year (section 2), and with it every clause's
        frame (`đến năm 2025` is a goal only before 2025)."""
        self.reference_year = year
        for sentence in self.sentences:
            for i in sentence.clauses:
                set_frame(self.text, self.clauses, i, sentence, year)

    def clause_at(self, pos: int) -> Clause | None:
        i = self.clause_index(pos)
        return self.clauses[i] if i is not None else None


def build(text: str, layout) -> Document:
    """The structure of the article parts `layout` found in text. Frames
    need the article's current year: `set_reference_year` computes them."""
    blocks = _blocks(text, layout)
    sentences: list[Sentence] = []
    clauses: list[Clause] = []
    for b, block in enumerate(blocks):
        for start, end in _sentence_spans(text, block.start, block.end):
            sentences.append(Sentence(start, end, b))
    link_sentences(text, blocks, sentences)
    for s, sentence in enumerate(sentences):
        split_clauses(text, sentence, s, clauses)
    order = sorted(range(len(clauses)), key=lambda i: (clauses[i].start, -clauses[i].end))
    if order != list(range(len(clauses))):
        remap = {old: new for new, old in enumerate(order)}
        clauses = [clauses[i] for i in order]
        for c in clauses:
            c.head = remap.get(c.head, c.head) if c.head is not None else None
            c.lead_in = remap.get(c.lead_in, c.lead_in) if c.lead_in is not None else None
        for sentence in sentences:
            sentence.clauses = sorted(remap[i] for i in sentence.clauses)
    link_period_runs(text, blocks, sentences, clauses)
    doc = Document(text, blocks, sentences, clauses)
    doc._sentence_starts = [s.start for s in sentences]
    doc._clause_starts = [c.start for c in clauses]
    return doc


# --- blocks -----------------------------------------------------------------------
def _blocks(text: str, layout) -> list[Block]:
    blocks: list[Block] = []
    heading: int | None = None
    for start, end in layout.regions:
        line = text[start:end]
        if layout.title and (start, end) == tuple(layout.title):
            blocks.append(Block("title", start, end))
            continue
        if layout.dateline and (start, end) == tuple(layout.dateline):
            blocks.append(Block("dateline", start, end))
            continue
        if layout.byline and (start, end) == tuple(layout.byline):
            blocks.append(Block("byline", start, end))
            continue
        previous = blocks[-1] if blocks else None
        if BULLET.match(line):
            lead = _lead_of(blocks)
            blocks.append(Block("item", start, end, lead_in=lead, heading=heading))
            continue
        if CAPTION.match(line):
            blocks.append(Block("caption", start, end, heading=heading))
            continue
        if line.rstrip().endswith(":"):
            blocks.append(Block("lead_in", start, end, heading=heading))
            continue
        if (previous is not None and previous.kind == "lead_in" and len(line) <= HEADING_MAX_CHARS * 2
                and line.rstrip().endswith((";", ".")) is False):
            # an unmarked item right after a lead-in line
            blocks.append(Block("item", start, end, lead_in=len(blocks) - 1, heading=heading))
            continue
        if len(line) <= HEADING_MAX_CHARS and not SENTENCE_FINAL.search(line) and len(line.split()) >= 2:
            blocks.append(Block("heading", start, end))
            heading = len(blocks) - 1
            continue
        blocks.append(Block("paragraph", start, end, heading=heading))
    return blocks


def _lead_of(blocks: list[Block]) -> int | None:
    """The lead-in of a bullet: the nearest lead-in line before the run of
    items it belongs to."""
    for i in range(len(blocks) - 1, -1, -1):
        kind = blocks[i].kind
        if kind == "lead_in":
            return i
        if kind != "item":
            return None
    return None


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, begin = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > begin:
            spans.extend(_pieces(text, begin, m.start()))
        begin = m.end()
    if begin < end:
        spans.extend(_pieces(text, begin, end))
    return spans


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = space + 1 if space != -1 else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


