"""The scope resolver: from a mention outwards, the stretches of text that
may decide one of its fields, in order, each with the name of its step.

A field decider declares the steps it may climb and searches each region for
its cue; the first region with a cue decides, and the decision carries the
step's name and the cue (`scheme ← 'BHYT' (subject)`), shown by `--explain`
and `evaluate --errors`.

The steps, narrowest first (guide 3.3, 3.6 and section 5):
- `noun`      the counted noun and its modifiers right after the figure, up to
              the end of its phrase (`925 người tham gia mới BHXH tự nguyện`);
- `clause`    the figure's own clause before it (`số người tham gia BHYT hộ gia
              đình vận động được là 1.186 người`);
- `conjuncts` the other members of its conjunct group sharing its head noun
              (`huyện A 520 thẻ, huyện B hơn 200 thẻ, huyện C 47 thẻ BHYT`);
- `bracket`   for a figure in brackets, the clause the bracket breaks down;
- `chain`     the clauses before it whose subject its clause continues, back to
              the sentence start or to a `;` opening a clause with a subject of
              its own (`... ; số người tham gia là 150.000 người`);
- `lead_in`   the lead-in of its list (a clause before a colon, or the line
              ending with a colon before its bullet);
- `topic`     a fronted topic phrase (`Về BHXH tự nguyện, ...`, `Đối với BHYT, ...`);
- `opening`   the sentence's fronted adjuncts (`Tính đến 30/6/2020, ...`);
- `heading`   the heading of its block (only for list items and short lines);
- `previous`  the sentence a `Trong đó` sentence continues (guide 5).

What stops the climb: a full stop (except `Trong đó`), a parallel clause
with its own subject after `;`, a bracket about a subset for the figures
outside it; quotes are kept whole by the structure.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..extractors.rules import compile_pattern
from .structure import FRAMES, Document, fixed_pair_at, own_frame

# The noun step ends at a comma, semicolon, colon, bracket, quote or spaced
# dash, or at the next figure.
_NOUN_STOP = compile_pattern(r"[,;:()“”\"]|\s[-–]\s|\n")
_NEXT_FIGURE = compile_pattern(r"(?<![\p{L}\p{N}])\d")
SHORT_BLOCK = 160

STEPS = ("noun", "clause", "conjuncts", "bracket", "chain", "lead_in", "topic", "opening", "heading", "previous")


@dataclass(frozen=True)
class Scope:
    step: str
    start: int
    end: int
    reach: int | None = None   # a cue may run on to here if it starts before `end` (the noun step)

    @property
    def limit(self) -> int:
        return self.reach if self.reach is not None else self.end


class Resolver:
    """Scopes of mentions in one document's structure."""

    def __init__(self, doc: Document):
        self.doc = doc

    def scopes(self, start: int, end: int, steps: Iterable[str] = STEPS) -> Iterator[Scope]:
        """The regions around the mention text[start:end], for each step in
        `steps` (in the order of STEPS), skipping empty ones."""
        wanted = set(steps)
        doc = self.doc
        ci = doc.clause_index(start)
        si = doc.sentence_index(start)
        clause = doc.clauses[ci] if ci is not None else None
        sentence = doc.sentences[si] if si is not None else None
        for step in STEPS:
            if step not in wanted:
                continue
            if step == "noun":
                bound = self.noun_end(end, clause.end if clause else None)
                if bound > end:
                    yield Scope(step, end, bound)
            elif clause is None or sentence is None:
                continue
            elif step == "clause":
                yield from _nonempty(step, clause.start, start)
            elif step == "conjuncts" and clause.group is not None:
                for j in sentence.clauses:
                    other = doc.clauses[j]
                    if j != ci and other.group == clause.group and other.head_noun == clause.head_noun:
                        yield Scope(step, other.start, other.end)
            elif step == "bracket" and clause.kind == "bracket" and clause.head is not None:
                outer = doc.clauses[clause.head]
                yield from _nonempty(step, self._chain_start(ci if ci is not None else 0, outer), clause.start)
            elif step == "chain":
                yield from _nonempty(step, self._chain_start(ci, clause), clause.start)
            elif step == "lead_in":
                if clause.lead_in is not None:
                    lead = doc.clauses[clause.lead_in]
                    yield from _nonempty(step, lead.start, lead.end)
                if sentence.lead_in is not None:
                    lead_sentence = doc.sentences[sentence.lead_in]
                    yield from _nonempty(step, lead_sentence.start, lead_sentence.end)
            elif step == "topic" and sentence.topic is not None:
                yield Scope(step, *sentence.topic)
            elif step == "opening":
                for j in sentence.clauses:
                    other = doc.clauses[j]
                    if other.kind == "opening" and other.role in ("time", "connective", "topic") and other.end <= start:
                        yield Scope(step, other.start, other.end)
            elif step == "heading":
                block = doc.blocks[sentence.block]
                if block.heading is not None and (block.kind == "item" or block.end - block.start <= SHORT_BLOCK):
                    heading = doc.blocks[block.heading]
                    yield Scope(step, heading.start, heading.end)
            elif step == "previous" and sentence.continues is not None:
                prev = doc.sentences[sentence.continues]
                yield Scope(step, prev.start, prev.end)

    def phrase_end(self, pos: int, limit: int | None = None) -> int:
        """Where the phrase after pos ends: a comma (not of a fixed pair),
        semicolon, colon, bracket, quote or spaced dash."""
        text = self.doc.text
        limit = len(text) if limit is None else limit
        stop = _NOUN_STOP.search(text, pos, limit)
        while stop is not None and stop.group(0) == "," and fixed_pair_at(text, stop.start()):
            stop = _NOUN_STOP.search(text, stop.end(), limit)   # `học sinh, sinh viên`
        return stop.start() if stop else limit

    def noun_end(self, pos: int, limit: int | None = None) -> int:
        """The counted noun and its modifiers after pos: up to the end of its
        phrase or the next figure (`1.200 người được cấp thẻ và 300 người
        tham gia BHXH tự nguyện`: the scheme is the second figure's)."""
        text = self.doc.text
        bound = self.phrase_end(pos, limit)
        figure = _NEXT_FIGURE.search(text, pos, bound)
        return figure.start() if figure else bound

    def _chain_start(self, ci: int, clause) -> int:
        """Where the clauses whose subject `clause` continues begin: the
        sentence start, or the nearest clause before it that starts a new
        chain after `;` (a clause with its own predicate, guide 5)."""
        doc = self.doc
        sentence = doc.sentences[clause.sentence]
        start = None
        for j in sentence.clauses:
            other = doc.clauses[j]
            if other.start > clause.start:
                break
            if other.kind == "bracket":
                continue
            if start is None or other.new_chain:
                start = other.start
        return start if start is not None else clause.start

    def clause(self, pos: int):
        return self.doc.clause_at(pos)

    def frame_of(self, pos: int) -> tuple[str, tuple[int, int] | None, str | None]:
        """Whether the figure at pos is an achieved result, a goal, a
        forecast or a condition: (frame, cue span, step). A cue of its own
        clause counts only before the figure (`đạt 95% mục tiêu đề ra` is a
        result measured against a goal); else the frame its clause inherits,
        its list's lead-in's, its heading's."""
        doc, text = self.doc, self.doc.text
        ci = doc.clause_index(pos)
        if ci is None:
            return "achieved", None, None
        clause = doc.clauses[ci]
        own = own_frame(text, clause.start, pos, doc.reference_year)
        if own:
            return own[0], own[1], "clause"
        if clause.inherited:
            return clause.inherited[0], clause.inherited[1], "chain"
        sentence = doc.sentences[clause.sentence]
        if sentence.lead_in is not None:
            for j in doc.sentences[sentence.lead_in].clauses:
                lead = doc.clauses[j]
                if lead.frame != "achieved":
                    return lead.frame, lead.frame_cue, "lead_in"
        block = doc.blocks[sentence.block]
        if block.heading is not None and (block.kind == "item" or block.end - block.start <= SHORT_BLOCK):
            heading = doc.blocks[block.heading]
            hit = FRAMES.first(text, heading.start, heading.end)
            if hit is not None and hit.meaning == "goal":
                return "goal", (hit.start, hit.end), "heading"
        return "achieved", None, None


def _nonempty(step: str, start: int, end: int) -> Iterator[Scope]:
    if end > start:
        yield Scope(step, start, end)
