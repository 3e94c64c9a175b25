"""The rule engine: a Rule is a name, a pattern and a function that builds a
candidate from a match (Duckling's name / pattern / prod). Rules find spans
on the normalised text by character offset; values are parsed by the rule's
builder; overlaps are resolved here, the same way for every dimension.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

import regex

# The last guard against a pathological input: every pattern is written to be
# linear (possessive quantifiers, bounded repetitions), and a search that
# still runs this long is reported as an error for its document.
REGEX_TIMEOUT_SECONDS = 5.0


@dataclass
class Candidate:
    """A span a rule proposes, not yet a Mention: a builder that the stages
    fill in turn (pipeline.py says in which order).

    `fields` are the record's fields of its type: the rule sets what it
    parsed (a count's value and unit, a doc_ref's number and symbol), the
    link stage the rest (scheme, measure, comparator, period; a date's value,
    a doc_ref's issuer and issue date). `parsed` is what the rule read that is
    no record field — a date's written parts (`DateExpr`), why a span is no
    count — for the later stages only: it never reaches the record."""
    type: str
    start: int
    end: int
    fields: dict[str, Any]
    rule: str
    evidence: str | None = None
    priority: int = 0
    parsed: Any = None


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: regex.Pattern
    build: Callable[[regex.Match, "Scan"], Candidate | Iterable[Candidate] | None]
    priority: int = 0


@dataclass
class Scan:
    """What a rule builder may look at: the whole text (a match sees only its span)."""
    text: str


def trie_pattern(words) -> str:
    """An alternation of literal words as a trie (`Kế (?:hoạch(?: liên
    tịch)?|t luận)`), so that the engine tries one branch per letter instead
    of every word at every position. It matches what the alternation of the
    words sorted longest first matches, in the same order: a longer word
    before its prefix."""
    return trie_of_atoms([regex.escape(ch) for ch in word] for word in words)


# The pieces of a simple pattern that trie_of_atoms keeps whole: a dash
# between optional spaces, an optional or a literal dot, any other escape.
_ATOM = regex.compile(r"\\s\*\[[^\]]*\]\\s\*|\\s\+|\\\.\?|\\.|.", regex.DOTALL)


def atoms_of(pattern: str) -> list[str]:
    """A simple pattern (literal letters, `\\s+`, `\\s*[-–]\\s*`, `\\.?`,
    escapes) as the atoms of a trie."""
    return [m.group() if len(m.group()) > 1 else regex.escape(m.group()) for m in _ATOM.finditer(pattern)]


def trie_of_atoms(forms) -> str:
    """A trie of patterns given as lists of atoms (each a pattern matching one
    piece: a letter, a separator), for forms whose diverging atoms cannot
    match the same text: then it matches what their alternation, longest
    first, matches."""
    trie: dict = {}
    for atoms in forms:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(trie)


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags | regex.VERSION1)


def run_rules(rules: Sequence[Rule], scan: Scan,
              regions: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Every candidate of every rule inside the given regions (unresolved)."""
    found: list[Candidate] = []
    for rule in rules:
        for start, end in regions:
            for match in rule.pattern.finditer(scan.text, start, end,
                                               overlapped=False,
                                               timeout=REGEX_TIMEOUT_SECONDS):
                try:
                    built = rule.build(match, scan)
                except NotAValue:
                    continue
                if built is None:
                    continue
                for cand in ([built] if isinstance(built, Candidate) else built):
                    cand.priority = rule.priority
                    if start <= cand.start < cand.end <= end:
                        found.append(cand)
    return found


class Occupancy:
    """Character spans already claimed by accepted mentions (a number belongs
    to exactly one mention type), kept merged and sorted so that a check is a
    binary search: linear work for the whole article, not quadratic."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._ends, start)   # the first span ending after `start`
        return i == len(self._ends) or self._starts[i] >= end

    def claim(self, start: int, end: int) -> None:
        lo = bisect.bisect_left(self._ends, start)
        hi = bisect.bisect_right(self._starts, end)
        if lo < hi:   # merge the claimed spans this one touches
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def copy(self) -> "Occupancy":
        clone = Occupancy()
        clone._starts, clone._ends = list(self._starts), list(self._ends)
        return clone


class NotAValue(ValueError):
    """A match whose number cannot be a value (thousands of digits): the rule
    skips it rather than writing an unprintable number."""


def resolve(candidates: list[Candidate], taken: Occupancy) -> list[Candidate]:
    """Keep the longest candidates first (then the higher rule priority, then
    the earlier one); drop any overlapping an accepted one or a taken span."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    accepted: list[Candidate] = []
    for cand in ordered:
        if taken.free(cand.start, cand.end):
            taken.claim(cand.start, cand.end)
            accepted.append(cand)
    return sorted(accepted, key=lambda c: c.start)
