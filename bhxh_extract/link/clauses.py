"""Clauses within a sentence, their conjunct groups and frames (see the
structure module's doc for what each kind is)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import lexicon
from ..extractors.rules import compile_pattern
from .parts import Clause, Sentence

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
SUBJECT_HEAD = compile_pattern(r"\G\s*(?:[Ss]ố|[Tt]ổng\s+số|[Tt]ỷ\s+lệ|[Tt]ỉ\s+lệ|[Ss]ố\s+lượng|[Tt]oàn\s+tỉnh|"
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


def split_clauses(text: str, sentence: Sentence, s_index: int, clauses: list[Clause]) -> None:
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
    if SUBJECT_HEAD.match(text, start, chunk.end) or _words(text, start, predicate) >= 1:
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
    if SUBJECT_HEAD.match(text, chunk.start, chunk.end) or _FIGURE_ITEM.match(text, chunk.start, chunk.end):
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


def set_frame(text: str, clauses: list[Clause], i: int, sentence: Sentence, reference_year) -> None:
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

