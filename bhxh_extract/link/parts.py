"""The parts of a document's structure (see structure.py): blocks,
sentences and clauses, as plain data."""
from __future__ import annotations

from dataclasses import dataclass, field


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

