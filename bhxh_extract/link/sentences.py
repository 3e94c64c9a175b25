"""How sentences hang together: the sentence a `Trong đó`, `Số này`, `Cụ
thể` sentence continues, the list item to its lead-in, and the runs of a
list or summary whose sentences carry on a period (NOTES H1, H21, H28, H29)."""
from __future__ import annotations

import regex

from ..extractors.rules import compile_pattern
from .clauses import CLAUSE_WORDS, SUBJECT_HEAD
from .parts import Block, Clause, Sentence

def link_sentences(text: str, blocks: list[Block], sentences: list[Sentence]) -> None:
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


def link_period_runs(text: str, blocks: list[Block], sentences: list[Sentence], clauses: list[Clause]) -> None:
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
    return bool(SUBJECT_HEAD.match(text, pos, sentence.end)) and any(
        SUBJECT_HEAD.match(text, c.start, c.end) for c in clauses if run[0] <= c.start < run[1])


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
    return bool(_ENUMERATION_ITEM.match(text, sentence.start, sentence.end)) and not SUBJECT_HEAD.match(
        text, sentence.start, sentence.end)


