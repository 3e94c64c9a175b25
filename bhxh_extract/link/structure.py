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
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from .. import lexicon
from ..rules import compile_pattern

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

# --- clauses --------------------------------------------------------------------------
# Where a sentence may split: `;`, `:`, `, `, a spaced dash, brackets. A
# comma inside a number (`1,2`) is followed by a digit, not a space.
_SPLIT = compile_pattern(r";|:(?=\s)|,(?=\s)|\s[-–](?=\s)|[()]|“|”|\"")
_DIGIT = compile_pattern(r"\d")
_NUMBER_THEN_WORD = compile_pattern(r"(?<![\p{L}\p{N}])\d[\d.,/]*+\s*(?:%|(?P<word>\p{L}+))?")
_WORD = compile_pattern(r"[\p{L}\p{M}]+")
# An opening time phrase: `Năm 2023`, `Tính đến 30/6/2020`, `6 tháng đầu năm`.
_TIME_OPENER = compile_pattern(
    r"\G\s*(?:[Tt]ính\s+(?:đến|tới)|[Đđ]ến|[Tt]ới|[Nn]ăm|[Tt]rong|[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ết|"
    r"[Cc]uối|[Đđ]ầu|[Gg]iữa|[Tt]ừ|[Qq]ua|[Ss]au|[Tt]rước|[Tt]háng|[Qq]uý|[Ll]ũy\s+kế|[Hh]iện\s+nay|\d)(?!\p{L})")
# Subject heads that open a clause of its own (`số thẻ cấp mới là ...`).
_SUBJECT_HEAD = compile_pattern(r"\G\s*(?:[Ss]ố|[Tt]ổng\s+số|[Tt]ỷ\s+lệ|[Tt]ỉ\s+lệ|[Ss]ố\s+lượng|[Tt]oàn\s+tỉnh|"
                                r"[Tt]oàn\s+thành\s+phố|[Tt]oàn\s+quốc|[Cc]ả\s+nước)(?!\p{L})")
# Goal and forecast cue words that are not frames where they stand: after
# `so với`, `vượt` or a percent they name the plan a figure is measured
# against (`đạt 98% chỉ tiêu`, `vượt chỉ tiêu 1%`).
_PLAN_REFERENCE_BEFORE = compile_pattern(r"(?:so\s+với|vượt|hoàn\s+thành|đạt|%|của|kế\s+hoạch|chỉ\s+tiêu|KH|"
                                         r"thực\s+hiện|triển\s+khai|xây\s+dựng|ban\s+hành|bằng)\s*$", regex.IGNORECASE)
# `Kế hoạch liên tịch số 2043/...`: a cited document, not a plan frame.
_DOCUMENT_AFTER = compile_pattern(r"\G\s+(?:liên\s+tịch\s+|liên\s+ngành\s+)?(?:số\s+\d|\d+\s*/)")
# A future date in a clause's opening (`Đến năm 2025`, `năm 2030`) makes it a goal.
_FUTURE_YEAR = compile_pattern(r"(?:(?<![\p{L}])(?:đến|tới|vào|trước|năm)\s+(?:năm\s+)?)(?P<y>(?:19|20)\d\d)(?!\d)",
                               regex.IGNORECASE)
# Words that mark a result as achieved, whatever the sentence's goal words.
_ACHIEVED = compile_pattern(r"(?<![\p{L}])(?:đã|thực\s+tế|kết\s+quả|đến\s+nay)(?![\p{L}])", regex.IGNORECASE)

CLAUSE_WORDS = lexicon.load("clause_words")
FRAMES = lexicon.load("frames")
FIXED_PAIRS = lexicon.load("fixed_pairs")


@dataclass(frozen=True)
class Block:
    kind: str                 # title, dateline, byline, heading, lead_in, item, caption, paragraph
    start: int
    end: int
    lead_in: int | None = None   # the block that introduces this item
    heading: int | None = None   # the heading governing this block


@dataclass
class Clause:
    start: int
    end: int
    kind: str                         # opening, main, parallel, continuation, conjunct, bracket, lead_in
    sentence: int
    role: str | None = None           # for openings: time, topic, purpose, condition, connective, continues
    head: int | None = None           # the clause whose subject this one shares (its own index if none)
    subject: tuple[int, int] | None = None   # the words before its predicate
    predicate: int | None = None      # where its predicate starts
    group: int | None = None          # conjunct group id
    head_noun: str | None = None      # the word after its figure (`thẻ` in `huyện B hơn 200 thẻ`)
    lead_in: int | None = None        # the lead-in clause (before a colon) it is an item of
    frame: str = "achieved"           # its own cue's frame: achieved, goal, forecast, condition
    frame_cue: tuple[int, int] | None = None
    inherited: tuple[str, tuple[int, int]] | None = None   # the frame of the clause it continues, its lead-in or opening
    after_semicolon: bool = False
    new_chain: bool = False           # after `;`, a clause of its own: it continues no earlier subject


@dataclass
class Sentence:
    start: int
    end: int
    block: int
    clauses: list[int] = field(default_factory=list)
    continues: int | None = None      # the sentence whose subject it continues (`Trong đó`, guide 5)
    continues_period: int | None = None   # the sentence whose period it continues (`Theo đó`, `Cụ thể`: H21, H28)
    lead_in: int | None = None        # the lead-in sentence of the list it is an item of
    topic: tuple[int, int] | None = None
    # The sentence whose period it carries on when it writes none of its own:
    # list items written as sentences after their lead-in (NOTES H29), the
    # later sentences of a summary opened by `Cụ thể,` with the same actor
    # (H21). `run` says which: "list" or "summary".
    period_run: int | None = None
    run: str | None = None


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
                _frame(self.text, self.clauses, i, sentence, year)

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
    _link_sentences(text, blocks, sentences)
    for s, sentence in enumerate(sentences):
        _clauses(text, sentence, s, clauses)
    order = sorted(range(len(clauses)), key=lambda i: (clauses[i].start, -clauses[i].end))
    if order != list(range(len(clauses))):
        remap = {old: new for new, old in enumerate(order)}
        clauses = [clauses[i] for i in order]
        for c in clauses:
            c.head = remap.get(c.head, c.head) if c.head is not None else None
            c.lead_in = remap.get(c.lead_in, c.lead_in) if c.lead_in is not None else None
        for sentence in sentences:
            sentence.clauses = sorted(remap[i] for i in sentence.clauses)
    _link_period_runs(text, blocks, sentences, clauses)
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


def _link_sentences(text: str, blocks: list[Block], sentences: list[Sentence]) -> None:
    """Items to the last sentence of their lead-in block; `Trong đó` (and
    each following sentence of the same enumeration) to the sentence whose
    subject it continues."""
    last_of_block: dict[int, int] = {}
    for i, sentence in enumerate(sentences):
        last_of_block[sentence.block] = i
        block = blocks[sentence.block]
        if block.kind == "item" and block.lead_in is not None and block.lead_in in last_of_block:
            sentence.lead_in = last_of_block[block.lead_in]
        if i == 0 or sentences[i - 1].block != sentence.block and block.kind not in ("paragraph", "item"):
            continue
        opener = CLAUSE_WORDS.at(text, _skip_space(text, sentence.start), sentence.end)
        previous = sentences[i - 1]
        if opener is not None and opener.meaning == "continues":
            sentence.continues = sentence.continues_period = i - 1
        elif _restates(text, sentence, previous) or _THIS_FIGURE.match(text, sentence.start, sentence.end):
            sentence.continues = sentence.continues_period = i - 1   # `Trong 85 doanh nghiệp này, ...` (NOTES H28)
        elif opener is not None and opener.meaning == "continues_period":
            sentence.continues_period = i - 1
        elif previous.continues is not None and previous.block == sentence.block and _no_subject(text, sentence):
            sentence.continues = previous.continues   # `Trong đó, nội trú 12.000 lượt. Ngoại trú 166.119 lượt`


def _link_period_runs(text: str, blocks: list[Block], sentences: list[Sentence], clauses: list[Clause]) -> None:
    """Which sentences carry on the period of the one before (see
    Sentence.period_run). A list starts at a sentence with a lead-in colon
    (or after a lead-in line) and a summary at a sentence opened by `Cụ thể,`
    (`continues_period`); each runs on while the next sentence carries it on
    (`_carries_on`): lists inside their block, or through the paragraphs
    after a lead-in line; summaries through paragraphs."""
    run_start: dict[int, int] = {}   # sentence -> the first sentence of its run
    for i in range(1, len(sentences)):
        sentence, previous = sentences[i], sentences[i - 1]
        block, previous_block = blocks[sentence.block], blocks[previous.block]
        if block.kind not in ("paragraph", "item", "lead_in") or sentence.continues_period is not None:
            if sentence.continues_period is not None:
                run_start[i] = sentence.continues_period
            continue
        kind = None
        if sentence.block == previous.block and _LEAD_IN_COLON.search(text, previous.start, previous.end):
            kind, run_start[i - 1] = "list", i - 1
        elif previous_block.kind == "lead_in" and sentence.start == block.start and block.kind == "paragraph":
            # the first item after a lead-in line
            sentence.period_run, sentence.run, run_start[i] = i - 1, "list", i - 1
            continue
        elif previous.run == "list" and (sentence.block == previous.block or block.kind == "paragraph"
                                         and previous_block.kind == "paragraph"):
            kind = "list"
        elif (previous.continues_period is not None or previous.run == "summary") and block.kind == "paragraph":
            kind = "summary"
        if kind is None or i - 1 not in run_start:
            continue
        first = run_start[i - 1]
        if i - first > MAX_RUN_SENTENCES:
            continue
        if _carries_on(text, sentence, clauses, (sentences[first].start, previous.end)):
            sentence.period_run, sentence.run = i - 1, kind
            run_start[i] = first


# A run of a list or summary is a paragraph's worth of sentences, not an article.
MAX_RUN_SENTENCES = 8
# Openers that turn to another point: a run of instances ends there.
_CONTRAST_OPENER = compile_pattern(r"\G\s*(?:[Tt]uy\s+nhiên|[Ss]ong|[Nn]hưng|[Mm]ặt\s+khác|[Tt]rong\s+khi\s+đó)(?!\p{L})")
_COMMA = compile_pattern(r"\G\s*,\s*")
_LEAD_IN_COLON = compile_pattern(r":(?!\d)")
_WORDS = compile_pattern(r"\G[\s\-+•*]*(\p{L}+)(?:\s+(\p{L}+))?")


def _carries_on(text: str, sentence: Sentence, clauses: list[Clause], run: tuple[int, int]) -> bool:
    """Whether a sentence continues the list or summary text[run] (NOTES
    H21, H29): after a connective (`Đồng thời,`, `Bên cạnh đó,`), a lowercase
    word (no named actor of its own: `Đồng thời, khắc phục ...`); otherwise
    its first two words written in the run already (the same actor named
    again, `BHXH TPHCM đã ...`; the same verb, `Phối hợp với ...`), or a
    figure's subject head where the run's items have one (`Tổng số người
    ... là`, `Tỷ lệ ... giảm còn 3%`). Never after a contrastive opener."""
    if _CONTRAST_OPENER.match(text, sentence.start, sentence.end):
        return False
    pos, after_connective = _skip_space(text, sentence.start), False
    connective = CLAUSE_WORDS.at(text, pos, sentence.end)
    if connective is not None and connective.meaning == "connective":
        comma = _COMMA.match(text, connective.end, sentence.end)
        if comma is not None:
            pos, after_connective = comma.end(), True
    m = _WORDS.match(text, pos, sentence.end)
    if m is None:
        return False
    if after_connective and m.group(1)[0].islower():
        return True
    head = " ".join(w for w in m.groups() if w).lower()
    run_text = text[run[0]:run[1]].lower()
    if regex.search(rf"(?<!\p{{L}}){regex.escape(head)}(?!\p{{L}})", run_text):
        return True
    return bool(_SUBJECT_HEAD.match(text, pos, sentence.end)) and any(
        _SUBJECT_HEAD.match(text, c.start, c.end) for c in clauses if run[0] <= c.start < run[1])


# `Trong 85 doanh nghiệp bị chuyển hồ sơ, ...`, `Trong tổng số 1.200 người
# đó`: a sentence that opens by restating a figure of the sentence before.
_RESTATED = compile_pattern(r"\G\s*(?:[Tt]rong|[Vv]ới)\s+(?:tổng\s+)?(?:số\s+)?(?P<figure>\d[\d.,]*\d|\d)(?![\d.,]*\d)")


# `Số tiền này ...`, `Con số này ...`, `Số người này ...`: the figure of the
# sentence before (NOTES H1).
_THIS_FIGURE = compile_pattern(r"\G\s*(?:[Ss]ố|[Cc]on số|[Tt]ổng số)\s+(?:[\p{L}]+\s+){0,2}(?:này|nói trên|trên)(?![\p{L}])")


def _restates(text: str, sentence: Sentence, previous: Sentence) -> bool:
    m = _RESTATED.match(text, sentence.start, sentence.end)
    if m is None:
        return False
    return regex.search(rf"(?<![\d.,]){regex.escape(m.group('figure'))}(?![\d]|[.,]\d)",
                        text[previous.start:previous.end]) is not None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


_ENUMERATION_ITEM = compile_pattern(r"\G\s*(?:\p{L}+\s+){0,3}\d")


def _no_subject(text: str, sentence: Sentence) -> bool:
    """A sentence continuing an enumeration without a subject of its own:
    a few words and a figure (`Ngoại trú 166.119 lượt, tăng 5,3%`)."""
    return bool(_ENUMERATION_ITEM.match(text, sentence.start, sentence.end)) and not _SUBJECT_HEAD.match(
        text, sentence.start, sentence.end)


# --- clauses ----------------------------------------------------------------------
@dataclass
class _Chunk:
    start: int
    end: int
    before: str          # the separator before it: "", ";", ":", ",", "-", "(", ")"
    bracket: int | None = None   # index of the chunk a bracket sits in
    quoted: bool = False


def _chunks(text: str, start: int, end: int) -> list[_Chunk]:
    """The pieces between separators; brackets and quotes kept as units."""
    chunks: list[_Chunk] = []
    depth, quote, begin, sep = 0, False, start, ""
    outer: list[int] = []
    for m in _SPLIT.finditer(text, start, end):
        mark = m.group(0).strip()
        if mark in ("“", "\""):
            if mark == "\"" and quote:
                quote = False
            elif mark == "“" or not quote:
                quote = mark == "“" or not quote
            continue
        if mark == "”":
            quote = False
            continue
        if quote:
            continue
        if mark == "," and fixed_pair_at(text, m.start()):
            continue
        if mark == "(":
            _add_chunk(chunks, text, begin, m.start(), sep, outer[-1] if outer else None)
            outer.append(len(chunks) - 1 if chunks else 0)
            depth += 1
            begin, sep = m.end(), "("
            continue
        if mark == ")":
            if depth == 0:
                continue
            _add_chunk(chunks, text, begin, m.start(), sep, outer[-1] if outer else None)
            depth -= 1
            outer.pop()
            begin, sep = m.end(), ")"
            continue
        if depth:
            continue   # inside brackets: the bracket is one unit
        _add_chunk(chunks, text, begin, m.start(), sep, None)
        begin, sep = m.end(), mark if mark != "–" else "-"
    _add_chunk(chunks, text, begin, end, sep, outer[-1] if depth and outer else None)
    return chunks


def fixed_pair_at(text: str, comma: int) -> bool:
    """`khám, chữa bệnh`: the comma at `comma` joins a fixed pair."""
    for entry in FIXED_PAIRS.entries:
        first, _, second = entry.phrase.partition(", ")
        if (text[max(0, comma - len(first)):comma].lower() == first
                and text[comma + 2:comma + 2 + len(second)].lower() == second):
            return True
    return False


def _add_chunk(chunks: list[_Chunk], text: str, start: int, end: int, sep: str, bracket_of: int | None) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    in_bracket = sep == "(" or bracket_of is not None and sep != ")"
    chunks.append(_Chunk(start, end, sep, bracket=bracket_of if in_bracket else None))


def _has_predicate(text: str, start: int, end: int) -> int | None:
    """Where the clause's predicate starts: its first predicate verb that is
    not the first word of a subject noun phrase."""
    for hit in CLAUSE_WORDS.finditer(text, start, end):
        if hit.meaning == "predicate":
            return hit.start
    return None


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _clauses(text: str, sentence: Sentence, s_index: int, clauses: list[Clause]) -> None:
    chunks = _merge_noun_lists(text, _chunks(text, sentence.start, sentence.end))
    opening = True
    chain_head: int | None = None
    lead_in: int | None = None
    previous_clause: int | None = None
    chunk_clause: dict[int, int] = {}
    for k, chunk in enumerate(chunks):
        index = len(clauses)
        if chunk.bracket is not None:
            head = chunk_clause.get(chunk.bracket, previous_clause)
            clauses.append(Clause(chunk.start, chunk.end, "bracket", s_index, head=head,
                                  predicate=_has_predicate(text, chunk.start, chunk.end)))
            sentence.clauses.append(index)
            chunk_clause[k] = index
            continue
        role = _opening_role(text, chunk) if opening else None
        after_semicolon = chunk.before == ";"
        if chunk.before == ":" and previous_clause is not None:
            lead_in = previous_clause
            clauses[previous_clause].kind = "lead_in" if clauses[previous_clause].kind != "opening" else "opening"
        predicate = _has_predicate(text, chunk.start, chunk.end)
        if role is not None:
            clause = Clause(chunk.start, chunk.end, "opening", s_index, role=role)
            if role == "topic":
                sentence.topic = (chunk.start, chunk.end)
            clause.head = index
        elif opening or chain_head is None:
            opening = False
            clause = Clause(chunk.start, chunk.end, "main", s_index, head=index, predicate=predicate)
            chain_head = index
        else:
            clause = _later_clause(text, chunk, index, s_index, predicate, clauses, chain_head)
            if after_semicolon and not _continues_after_semicolon(text, chunk):
                clause.kind, clause.head, clause.new_chain = "parallel", index, True
                chain_head = index
        clause.after_semicolon = after_semicolon
        clause.lead_in = lead_in
        if clause.kind != "opening":
            clause.subject = _subject(text, clause)
        clauses.append(clause)
        sentence.clauses.append(index)
        chunk_clause[k] = index
        previous_clause = index
    _group_conjuncts(text, clauses, sentence)


def _merge_noun_lists(text: str, chunks: list[_Chunk]) -> list[_Chunk]:
    """`Tổng số thu BHXH, BHYT, BHTN là ...`: a comma chunk of a few words
    with no figure and no verb is one item of a coordinated noun phrase,
    joined to the chunk after it."""
    out: list[_Chunk] = []
    pending: _Chunk | None = None
    for chunk in chunks:
        if pending is not None:
            if chunk.before == "," and chunk.bracket is None:
                chunk = _Chunk(pending.start, chunk.end, pending.before, pending.bracket)
            else:
                out.append(pending)
            pending = None
        short = _words(text, chunk.start, chunk.end) <= 3
        if (short and chunk.bracket is None and not _DIGIT.search(text, chunk.start, chunk.end)
                and _has_predicate(text, chunk.start, chunk.end) is None
                and CLAUSE_WORDS.at(text, chunk.start, chunk.end) is None and not _TIME_OPENER.match(text, chunk.start, chunk.end)):
            pending = chunk
            continue
        out.append(chunk)
    if pending is not None:
        out.append(pending)
    return out


def _opening_role(text: str, chunk: _Chunk) -> str | None:
    """The role of a chunk before the sentence's first clause, or None when
    it is that clause."""
    if chunk.before not in ("", ",") or chunk.end - chunk.start > 160:
        return None
    word = CLAUSE_WORDS.at(text, chunk.start, chunk.end)
    if word is not None and word.meaning in ("topic", "continues", "continues_period", "connective", "purpose",
                                             "condition"):
        if word.meaning == "topic" and word.phrase == "với" and _has_predicate(text, chunk.start, chunk.end):
            return None
        return word.meaning
    frame = FRAMES.at(text, chunk.start, chunk.end)
    if frame is not None and frame.meaning == "condition":
        return "condition"
    if _TIME_OPENER.match(text, chunk.start, chunk.end) and _has_predicate(text, chunk.start, chunk.end) is None:
        return "time"
    return None


def _later_clause(text: str, chunk: _Chunk, index: int, s_index: int, predicate, clauses, chain_head: int) -> Clause:
    start = chunk.start
    first = CLAUSE_WORDS.at(text, start, chunk.end)
    if first is not None and first.meaning in ("predicate", "continues", "subgroup"):
        return Clause(start, chunk.end, "continuation", s_index, head=clauses[chain_head].head, predicate=start)
    if predicate is None:
        if _DIGIT.search(text, start, chunk.end):
            return Clause(start, chunk.end, "conjunct", s_index, head=clauses[chain_head].head)
        return Clause(start, chunk.end, "continuation", s_index, head=clauses[chain_head].head)
    if _SUBJECT_HEAD.match(text, start, chunk.end) or _words(text, start, predicate) >= 1:
        return Clause(start, chunk.end, "parallel", s_index, head=index, predicate=predicate)
    return Clause(start, chunk.end, "continuation", s_index, head=clauses[chain_head].head, predicate=predicate)


# After `;` a clause continues the sentence's subject only when it is
# elliptical (guide 5): it opens with a figure's subject head (`số người tham
# gia là ...`), `còn`, a predicate (`tăng 5%`), `trong đó`, a subgroup (`nam
# chiếm 42%`), or is a noun and its figure (`huyện B 37 đơn vị`). A clause
# with a verb of its own (`giải quyết chế độ ốm đau ... cho 60.170 lượt`)
# does not (S5).
_FIGURE_ITEM = compile_pattern(r"\G\s*(?:[\p{L}]+\s+){1,4}(?:(?:hơn|gần|khoảng|trên)\s+)?\d[\d.,]*\s*\p{L}*\s*$")


def _continues_after_semicolon(text: str, chunk: _Chunk) -> bool:
    if _SUBJECT_HEAD.match(text, chunk.start, chunk.end) or _FIGURE_ITEM.match(text, chunk.start, chunk.end):
        return True
    first = CLAUSE_WORDS.at(text, chunk.start, chunk.end)
    return first is not None and first.meaning in ("predicate", "continues", "subgroup")


def _subject(text: str, clause: Clause) -> tuple[int, int] | None:
    if clause.kind in ("continuation", "conjunct", "bracket"):
        return None
    end = clause.predicate if clause.predicate is not None else clause.end
    return (clause.start, end) if end > clause.start else None


def _group_conjuncts(text: str, clauses: list[Clause], sentence: Sentence) -> None:
    """Conjuncts beside each other (and the clause before the first, when it
    ends with a figure) form one group; each remembers its head noun."""
    group_id = None
    previous = None
    for i in sentence.clauses:
        clause = clauses[i]
        clause.head_noun = _figure_noun(text, clause.start, clause.end)
        if clause.kind == "conjunct":
            if group_id is None:
                group_id = i
                if previous is not None and clauses[previous].head_noun and clauses[previous].kind != "opening":
                    clauses[previous].group = group_id
            clause.group = group_id
        elif clause.kind != "bracket":
            group_id = None
        if clause.kind != "bracket":
            previous = i


def _figure_noun(text: str, start: int, end: int) -> str | None:
    last = None
    for m in _NUMBER_THEN_WORD.finditer(text, start, end):
        last = m
    if last is None:
        return None
    return "%" if last.group(0).rstrip().endswith("%") else (last.group("word") or "").lower() or None


def _frame(text: str, clauses: list[Clause], i: int, sentence: Sentence, reference_year) -> None:
    """Clause i's own frame cue (anywhere in it) and the frame it inherits:
    its head's, its lead-in's, else the one the sentence's openings set (not
    a purpose adjunct's: `Để thực hiện mục tiêu đó, ... đạt 101%` reports a
    result). Where in the clause the cue stands is the resolver's concern."""
    clause = clauses[i]
    if clause.kind == "opening" and clause.role == "condition":
        clause.frame = "condition"
        return
    if clause.kind == "opening" and clause.role not in ("time", "topic", "connective"):
        return
    own = own_frame(text, clause.start, clause.end, reference_year)
    if own:
        clause.frame, clause.frame_cue = own
    if clause.kind == "opening" or _ACHIEVED.search(text, clause.start, clause.end):
        return
    previous = max((j for j in sentence.clauses if j < i and clauses[j].kind not in ("opening", "bracket")),
                   default=None)
    for j in (clause.head, clause.lead_in, previous):
        if j is not None and j != i and j < i:
            source = clauses[j]
            frame = (source.frame, source.frame_cue) if source.frame != "achieved" else source.inherited
            if frame:
                clause.inherited = frame
                return
    for j in sentence.clauses:
        other = clauses[j]
        if j >= i:
            break
        if other.kind == "opening" and other.frame != "achieved":
            clause.inherited = (other.frame, other.frame_cue)


def own_frame(text: str, start: int, end: int, reference_year) -> tuple[str, tuple[int, int]] | None:
    """A frame cue in text[start:end] that stands as one (not a plan named
    after a figure), or a future year after `đến`/`năm`."""
    for hit in FRAMES.finditer(text, start, end):
        if hit.meaning == "goal" and (_PLAN_REFERENCE_BEFORE.search(text, max(start, hit.start - 25), hit.start)
                                      or _DOCUMENT_AFTER.match(text, hit.end)):
            continue
        return hit.meaning, (hit.start, hit.end)
    if reference_year is not None:
        for m in _FUTURE_YEAR.finditer(text, start, end):
            if int(m.group("y")) > reference_year:
                return "goal", m.span()
    return None
