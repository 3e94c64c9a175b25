"""The counted word after a number (guide 3.3): the lexicon of counted nouns
first (two syllables before one: `tin nhắn` beats `tin`), words that show a
number is no count, and otherwise the word dictionary underthesea ships on
the few syllables after the number."""
from __future__ import annotations

from functools import lru_cache


from .. import lexicon
from ..text.vietnamese import NUMBER_WORDS, is_word
from .rules import compile_pattern

# `Bảo hiểm xã hội tỉnh ...` spelled out: an agency, after which the counted word follows.
_SPELLED_AGENCY = compile_pattern(r"\s*(?:Bảo hiểm xã hội|bảo hiểm xã hội)\s+(?:khu vực|tỉnh|huyện|quận|thị xã|thành phố)")
# Nouns right after a number that are not counted things (`1/3 con số`).
NOT_COUNTED_PHRASES = frozenset({"con số", "số liệu", "hàng tháng", "hàng năm", "hàng ngày", "hàng tuần",
                                 "hàng quý", "ngày lương", "tháng lương"})


# --- what may be counted (lexicons: words as data) ---
# Counted nouns of two syllables are checked before one-syllable heads, so
# that `tin nhắn` beats `tin`, `điểm cầu` beats `điểm`, `mô hình` beats `mô`.
_COUNTED = [e.phrase for e in lexicon.load("counted_nouns").entries]
TWO_SYLLABLE_NOUNS = frozenset(p for p in _COUNTED if " " in p)
ONE_SYLLABLE_NOUNS = frozenset(p for p in _COUNTED if " " not in p)
# Words after a number that show it is not a count: time, age, multiples,
# money (lexicon `not_counted`) and measure units (lexicon `not_counts`).
NOT_COUNTED = frozenset([e.phrase for e in lexicon.load("not_counted").entries]
                        + [e.phrase for e in lexicon.load("not_counts").entries if e.meaning == "unit"])
# Agency acronyms after which the counted word is the next word (3.3).
AGENCY_ACRONYMS = ("BHXH", "BHYT", "UBND", "HĐND", "MTTQ", "LĐLĐ", "Bảo hiểm xã hội", "bảo hiểm xã hội")
# Words before a number that make it an ordinal, an index or a name (`thứ 3`,
# `Điều 5`, `phụ lục 2`), and function words, after which a number counts nothing.
INDEX_WORDS = frozenset(e.phrase for e in lexicon.load("index_words").entries)
FUNCTION_WORDS = frozenset(e.phrase for e in lexicon.load("function_words").entries)

_WORD = compile_pattern(r"\G\s*(?P<word>[\p{L}][\p{L}\p{M}]*+)")


def next_word(text: str, pos: int) -> str:
    m = _WORD.match(text, pos)
    return m.group("word") if m else ""


def is_boundary(text: str, pos: int) -> bool:
    rest = text[pos:pos + 2].lstrip(" ")
    return not rest or not rest[0].isalpha()


def counted_word(text: str, pos: int) -> tuple[int, str, str] | None:
    """(end offset, unit, how) of the counted word starting after `pos`, or
    None when what follows is no counted noun."""
    first = _WORD.match(text, pos)
    if first is None or (first.start("word") - pos) > 2 or "\n" in text[pos:first.start("word")]:
        return None
    w1 = first.group("word")
    if w1.lower() in NOT_COUNTED or w1.lower() in FUNCTION_WORDS or w1.lower() in NUMBER_WORDS:
        return None   # `$10 một người`: a number word is no counted noun
    second = _WORD.match(text, first.end())
    same_line = second is not None and "\n" not in text[first.end():second.start("word")]
    w2 = second.group("word") if same_line and (second.start("word") - first.end()) == 1 else None
    if w2 and f"{w1} {w2}".lower() in NOT_COUNTED_PHRASES:
        return None
    if w1 in AGENCY_ACRONYMS and w2:
        return second.end(), f"{w1} {w2}".lower(), "agency + word"
    agency = _SPELLED_AGENCY.match(text, pos)
    if agency:
        return agency.end(), text[first.start("word"):agency.end()].lower(), "agency + word"
    if w1.lower() == "người":   # `người` ends the counted word (3.3)
        return first.end(), "người", "lexicon"
    if w2 and f"{w1} {w2}".lower() in TWO_SYLLABLE_NOUNS:
        return second.end(), f"{w1} {w2}".lower(), "lexicon"
    if w1.lower() in ONE_SYLLABLE_NOUNS:
        return first.end(), w1.lower(), "lexicon"
    if w1.isupper() and len(w1) >= 2:   # `54.300 NLĐ`
        return first.end(), w1.lower(), "acronym"
    return _segmented_word(text, first.start("word"))


@lru_cache(maxsize=4096)
def _segment(window: str) -> tuple[str, ...]:
    """The first word of the few syllables after a number, from the word
    dictionary underthesea ships (Viet74K): the longest run of its first
    syllables that is one dictionary word, nothing but a space between them
    (`đường dây`, `bị can`), with an agent suffix after it (`tình nguyện
    viên`: one word of three), else
    its first syllable. underthesea's CRF model agrees on every article of
    corpus/, challenge/, heldout/ and the stored pages, and takes a second to
    load, for one article in three."""
    first = _SYLLABLES.match(window)
    if first is None:
        return ()
    syllables = [first.group("one")] + [m.group(1) for m in _NEXT_SYLLABLE.finditer(window, first.end())]
    for n in range(min(len(syllables), 4), 1, -1):
        candidate = " ".join(syllables[:n])
        if is_word(candidate):
            if n < len(syllables) and syllables[n].lower() in AGENT_SUFFIXES:
                return (f"{candidate} {syllables[n]}",)   # `tình nguyện viên`: one word the dictionary lacks
            return (candidate,)
    return (syllables[0],)


# Sino-Vietnamese suffixes that make an agent noun of the word before them
# (`tình nguyện viên` "volunteer", `tuyên truyền viên`, `nghệ sĩ`, `chuyên gia`),
# which the dictionary does not list one by one.
AGENT_SUFFIXES = frozenset({"viên", "sĩ", "gia", "giả"})


# The syllables at the start of a window, each after one space, up to a
# punctuation mark or anything else that ends a word; letters glued to a
# digit, an underscore or a dash and more (`499e_4725`, `ee-3c0e`: an
# identifier, a hex code) are no word, as underthesea's tokenizer keeps them whole.
_SYLLABLES = compile_pattern(r"\G(?P<one>\p{L}[\p{L}\p{M}]*+)(?![\p{N}_]|-[\p{L}\p{N}])")
_NEXT_SYLLABLE = compile_pattern(r"\G[ ](\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}])")


def _segmented_word(text: str, start: int) -> tuple[int, str, str] | None:
    """The dictionary's first word of the few syllables after the number."""
    window = " ".join(text[start:start + 40].split("\n")[0].split()[:4])
    tokens = _segment(window)
    if not tokens:
        return None
    token = tokens[0]
    syllables = token.split()
    if len(syllables) > 2 or not all(s.isalpha() for s in syllables):
        return None
    if token.lower() in FUNCTION_WORDS or syllables[0].lower() in FUNCTION_WORDS | NOT_COUNTED:
        return None
    if not text.startswith(token, start):
        return None
    return start + len(token), token.lower(), "word dictionary"


