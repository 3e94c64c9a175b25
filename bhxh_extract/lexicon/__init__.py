"""The vocabularies of the linking rules, as data: one TSV file per lexicon
(`phrase`, `meaning`, `note`), loaded and checked once.

Conventions every file follows (checked by `load`):
- entries are lower case and NFC; they are matched case-insensitively, as
  whole words (never inside a longer word), longest entry first;
- a multi-word entry is kept whole (`bảo hiểm xã hội tự nguyện`) and wins
  over its parts;
- no phrase is listed twice;
- `meaning` is one of the values the lexicon's user declares (a scheme code,
  a comparator, a frame ...); `note` is the Vietnamese fact or the reason.

No vocabulary of the linking rules is written in the code.
"""
from __future__ import annotations

import bisect
import csv
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterator

import ahocorasick
import regex

# The meanings each lexicon may use.
MEANINGS: dict[str, frozenset[str]] = {
    "schemes": frozenset({"bhxh", "bhxh_tu_nguyen", "bhxh_bat_buoc", "bhyt", "bhyt_ho_gia_dinh", "bhyt_hssv", "bhtn"}),
    "scheme_qualifiers": frozenset({"bhxh_tu_nguyen", "bhxh_bat_buoc", "bhyt_ho_gia_dinh", "bhyt_hssv", "subset"}),
    "agencies": frozenset({"before", "after", "name", "name_after"}),
    "agency_verbs": frozenset({"acting"}),
    "frames": frozenset({"goal", "forecast", "estimate", "condition"}),
    "issuing_verbs": frozenset({"issue", "task"}),
    "comparators": frozenset({"gt", "ge", "le", "lt", "approx", "ceiling", "modal"}),
    "measure_cues": frozenset({"plan", "budget", "rate_of", "share", "change", "level", "compared", "coverage",
                               "population", "exceed", "reached", "negation", "growth_rate", "people", "share_verb"}),
    "revenue": frozenset({"revenue"}),
    "not_counts": frozenset({"unit", "idiom"}),
    "campaign_words": frozenset({"ceremony", "drive", "emulation", "call", "movement", "programme", "festival"}),
    "currencies": frozenset({"VND", "USD", "EUR", "JPY", "CNY", "GBP", "KRW"}),
    "clause_words": frozenset({"predicate", "topic", "continues", "continues_period", "connective", "purpose", "condition",
                               "subgroup"}),
    "fixed_pairs": frozenset({"pair"}),
    "agency_names": frozenset({"inner", "final", "ends"}),
    "counted_nouns": frozenset({"counted"}),
    "not_counted": frozenset({"not_counted"}),
    "index_words": frozenset({"index"}),
    "function_words": frozenset({"function"}),
}


class LexiconError(ValueError):
    """A lexicon file breaks the conventions above."""


@dataclass(frozen=True)
class Entry:
    phrase: str
    meaning: str
    note: str


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    phrase: str      # the entry (lower case), not the text as written
    meaning: str


class Lexicon:
    """The entries of one file, found in a text by one pass of an Aho-Corasick
    automaton (pyahocorasick) over the whole text, kept for the many small
    ranges the deciders ask about; and one compiled pattern that stands for
    the same search (`pattern`: the contract, and the fallback where the
    automaton cannot be used)."""

    def __init__(self, name: str, entries: tuple[Entry, ...]):
        self.name = name
        self.entries = entries
        self.meaning_of = {e.phrase: e.meaning for e in entries}
        self._automaton = ahocorasick.Automaton()
        for e in entries:
            self._automaton.add_word(e.phrase, e.phrase)
        self._automaton.make_automaton()
        self._text: str | None = None
        self._index: _Index | None = None
        alternatives = sorted((e.phrase for e in entries), key=len, reverse=True)
        body = "|".join(_phrase_pattern(p) for p in alternatives)
        self.pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{M}}\p{{N}}])",
                                     regex.IGNORECASE | regex.VERSION1)
        self._at = regex.compile(rf"\G(?:{body})(?![\p{{L}}\p{{M}}\p{{N}}])", regex.IGNORECASE | regex.VERSION1)
        self._before = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{body})\s*$",
                                     regex.IGNORECASE | regex.VERSION1)

    def __contains__(self, phrase: str) -> bool:
        return phrase.lower() in self.meaning_of

    def hit(self, m: regex.Match) -> Hit:
        phrase = _key(m.group(0))
        return Hit(m.start(), m.end(), phrase, self.meaning_of[phrase])

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """The entries in text[start:end], as `pattern.finditer(text, start,
        end)` finds them: whole words, longest first, left to right."""
        end = len(text) if end is None else end
        index = self._indexed(text)
        hits = index.hits if index is not None else None
        if hits is None or _cut_inside_word(text, end):
            yield from self._search(text, start, end)
            return
        i = bisect.bisect_left(index.starts, start)
        if i > 0 and hits[i - 1].end > start:      # a hit across the range's start: search the range itself
            yield from self._search(text, start, end)
            return
        while i < len(hits) and hits[i].end <= end:
            yield hits[i]
            i += 1
        if i < len(hits) and hits[i].start < end:    # a hit across the range's end: search the rest
            yield from self._search(text, hits[i].start, end)

    def _search(self, text: str, start: int, end: int) -> Iterator[Hit]:
        for m in self.pattern.finditer(text, start, end):
            yield self.hit(m)

    def _indexed(self, text: str) -> _Index | None:
        if self._text is not text:
            self._text, self._index = text, _Index.of(self, text)
        return self._index

    def at(self, text: str, pos: int, end: int | None = None) -> Hit | None:
        """The entry that starts exactly at pos (after no spaces)."""
        m = self._at.match(text, pos, len(text) if end is None else end)
        return self.hit(m) if m else None

    def ending_at(self, text: str, start: int, end: int) -> Hit | None:
        """The entry that ends text[start:end] (spaces after it allowed)."""
        m = self._before.search(text, start, end)
        if m is None:
            return None
        hit = self.hit(m)
        span_end = m.start() + len(m.group(0).rstrip())
        return Hit(m.start(), span_end, hit.phrase, hit.meaning)

    def last(self, text: str, start: int, end: int) -> Hit | None:
        found = None
        for found in self.finditer(text, start, end):
            pass
        return found

    def first(self, text: str, start: int, end: int) -> Hit | None:
        return next(self.finditer(text, start, end), None)


class _Index:
    """The hits of one lexicon in one text, found by the automaton on the
    text folded to lower case with its runs of spaces as one space, mapped
    back to the text's offsets, kept where they stand as whole words, then
    chosen longest first from left to right (what the pattern's
    alternation does)."""
    __slots__ = ("hits", "starts")

    def __init__(self, hits: list[Hit]):
        self.hits = hits
        self.starts = [h.start for h in hits]

    @classmethod
    def of(cls, lexicon: Lexicon, text: str) -> _Index | None:
        folded = _folded(text)
        if folded is None:
            return None
        flat, offsets = folded
        found = []
        for last, phrase in lexicon._automaton.iter(flat):
            first = last - len(phrase) + 1
            start = offsets[first] if offsets is not None else first
            end = (offsets[last] if offsets is not None else last) + 1
            if (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end])):
                found.append((start, -end, phrase))
        found.sort()
        hits, reached = [], -1
        for start, negative_end, phrase in found:
            if start >= reached:
                hits.append(Hit(start, -negative_end, phrase, lexicon.meaning_of[phrase]))
                reached = -negative_end
        return cls(hits)


# The folded form of the last text (shared by every lexicon): lower case, each
# run of spaces one space, and where each of its characters stands in the
# text (None when it is the text's own offsets).
_FOLDED: list = [None, None]
_SPACE_RUN = regex.compile(r"\s{2,}|[^\S ]")


def _folded(text: str) -> tuple[str, array | None] | None:
    if _FOLDED[0] is text:
        return _FOLDED[1]
    lower = text.lower()
    if len(lower) != len(text):      # a letter whose lower case is longer (İ): the pattern decides
        result = None
    elif not _SPACE_RUN.search(text):
        result = (lower, None)
    else:
        pieces, offsets, pos = [], array("l"), 0
        for m in _SPACE_RUN.finditer(lower):
            pieces.append(lower[pos:m.start()])
            offsets.extend(range(pos, m.start()))
            pieces.append(" ")
            offsets.append(m.start())
            pos = m.end()
        pieces.append(lower[pos:])
        offsets.extend(range(pos, len(lower)))
        result = ("".join(pieces), offsets)
    _FOLDED[0], _FOLDED[1] = text, result
    return result


def _is_word_char(ch: str) -> bool:
    """`[\\p{L}\\p{M}\\p{N}]`: a letter, a mark or a number."""
    return ch.isalnum() or unicodedata.category(ch)[0] == "M"


def _cut_inside_word(text: str, end: int) -> bool:
    """A range ending inside a word: there its end stands for the text's end
    (the pattern's `(?![\\p{L}...])` holds), which the whole-text hits do not know."""
    return end < len(text) and _is_word_char(text[end]) and end > 0 and _is_word_char(text[end - 1])


@cache
def _key(written: str) -> str:
    return " ".join(written.lower().split())


def _phrase_pattern(phrase: str) -> str:
    """An entry as a pattern: its words with any run of spaces between them."""
    return r"\s+".join(regex.escape(word) for word in phrase.split(" "))


@cache
def load(name: str) -> Lexicon:
    """The lexicon `name` (file `name.tsv` beside this module), checked."""
    allowed = MEANINGS[name]
    source = resources.files(__package__).joinpath(f"{name}.tsv")
    entries: list[Entry] = []
    seen: set[str] = set()
    with source.open(encoding="utf-8", newline="") as rows:
        reader = csv.DictReader(rows, delimiter="\t")
        if reader.fieldnames != ["phrase", "meaning", "note"]:
            raise LexiconError(f"{name}.tsv: the columns must be phrase, meaning, note")
        for line, row in enumerate(reader, start=2):
            phrase, meaning = row["phrase"], row["meaning"]
            where = f"{name}.tsv line {line}"
            if not phrase or phrase != phrase.strip() or "  " in phrase:
                raise LexiconError(f"{where}: empty phrase or stray spaces")
            if phrase != unicodedata.normalize("NFC", phrase) or phrase != phrase.lower():
                raise LexiconError(f"{where}: {phrase!r} must be lower case NFC")
            if phrase in seen:
                raise LexiconError(f"{where}: {phrase!r} is listed twice")
            if meaning not in allowed:
                raise LexiconError(f"{where}: meaning {meaning!r} is not one of {sorted(allowed)}")
            seen.add(phrase)
            entries.append(Entry(phrase, meaning, row["note"] or ""))
    return Lexicon(name, tuple(entries))


def names() -> tuple[str, ...]:
    return tuple(MEANINGS)
