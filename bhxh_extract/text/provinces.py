"""Vietnam's provincial-level units, and how news text names them.

Facts this module encodes (tables in ``data/provinces.csv`` and
``data/provinces_2025.csv``):

* Until 30 June 2025 Vietnam had 63 provincial-level units: 58 provinces
  (``tỉnh``) and 5 centrally-run cities (``thành phố``: Hà Nội, Hải Phòng,
  Đà Nẵng, Hồ Chí Minh, Cần Thơ).  The annotation guide names an article's
  ``province`` as the unit was named at publication time, without the
  ``tỉnh`` / ``thành phố`` prefix.
* Thừa Thiên Huế province became the centrally-run city of Huế on
  1 January 2025 (Standing Committee resolution 1314/NQ-UBTVQH15).  The
  corpus is older, so the 63-unit table keeps ``Thừa Thiên Huế`` (kind
  ``tinh``) and lists ``Huế`` as an alias.
* Since 1 July 2025, under Resolution 202/2025/QH15 of the National Assembly,
  the 63 units are merged into 34 (28 provinces, 6 cities).  Each merged
  unit took the name of one of its members, e.g. Vĩnh Phúc + Hòa Bình →
  Phú Thọ; Bến Tre + Trà Vinh → Vĩnh Long; Thái Bình → Hưng Yên; Sóc Trăng +
  Hậu Giang → Cần Thơ; Bình Dương + Bà Rịa - Vũng Tàu → Hồ Chí Minh.
  ``name_2025`` records the unit containing each old one.

How the names are written:

* Two tone-mark placements are in use for ``oa``/``oe``/``uy`` syllables:
  the older ``Hoà Bình``, ``Thanh Hoá``, ``Khánh Hoà`` and the newer
  ``Hòa Bình``, ``Thanh Hóa``, ``Khánh Hòa`` (the official spelling).  The
  guide forbids rewriting the text, so both forms are listed as aliases for
  searching, and lookups compare names with the tone mark's position ignored.
* Some names have several spellings (``Đắk Lắk``/``Đắc Lắc``/``Daklak``,
  ``Bắc Kạn``/``Bắc Cạn``) and abbreviations (``TP.HCM``, ``BR-VT``,
  ``TT-Huế``); dashes in ``Bà Rịa - Vũng Tàu`` vary (-, –, with or without
  spaces).
* Several names are also ordinary words or other proper names: ``hòa bình``
  is "peace" (so names match only capitalised), ``Hồ Chí Minh`` is usually
  the President (so the bare name counts as the city only after a cue such as
  ``TP``/``thành phố``/``BHXH``), ``Thái Bình Dương`` is the Pacific and
  ``Điện Biên Phủ`` a battle and a street name.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from ..extractors.rules import atoms_of, trie_of_atoms


@dataclass(frozen=True)
class Province:
    name: str  # official pre-2025 name, no tỉnh/thành phố prefix
    kind: str  # "tinh" or "thanh_pho"
    name_2025: str  # the unit that has contained it since 1 July 2025
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ProvinceMatch:
    start: int  # offsets of the name itself (text == source[start:end])
    end: int
    name: str  # official pre-2025 name
    text: str
    cue: str | None  # agency/unit words right before the name, lower-case


def _read_table(file_name: str) -> list[dict[str, str]]:
    table = resources.files("bhxh_extract") / "data" / file_name
    with table.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def _split_aliases(cell: str) -> tuple[str, ...]:
    return tuple(alias for alias in cell.split("|") if alias)


@cache
def all_provinces() -> tuple[Province, ...]:
    """The 63 units that existed before 1 July 2025."""
    return tuple(
        Province(row["name"], row["kind"], row["name_2025"], _split_aliases(row["aliases"]))
        for row in _read_table("provinces.csv")
    )


@cache
def _provinces_2025_rows() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple(
        (row["name"], row["kind"], _split_aliases(row["aliases"]))
        for row in _read_table("provinces_2025.csv")
    )


def all_provinces_2025() -> tuple[str, ...]:
    """Names of the 34 units since 1 July 2025."""
    return tuple(name for name, _, _ in _provinces_2025_rows())


# --- Looking up a written name ------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_UNIT_PREFIXES = ("tỉnh", "thành phố", "thủ đô", "tp.", "tp")


@lru_cache(maxsize=4096)   # keyed by the written name (a few words), never by an article
def _lookup_key(written: str) -> str:
    """A comparison key: case, NFC/NFD, tone-mark position, dashes and spacing
    do not matter.  Each tone mark is moved to the end of its syllable, so the
    old ``Hoà`` and the new ``Hòa`` placement give the same key."""
    decomposed = unicodedata.normalize("NFD", written).casefold()
    decomposed = _SYLLABLE.sub(
        lambda syllable: _TONE_MARK.sub("", syllable[0])
        + "".join(mark for mark in syllable[0] if mark in _TONE_MARKS),
        decomposed,
    )
    key = unicodedata.normalize("NFC", decomposed)
    key = _DASH.sub("-", key)
    return SPACES.sub(" ", key).strip()


_SYLLABLE = regex.compile(r"[\p{L}\p{M}]+")
_TONE_MARK = regex.compile(f"[{_TONE_MARKS}]")
_DASH = regex.compile(r"\s*[-–—]\s*")
SPACES = regex.compile(r"\s+")   # precompiled: the module-level regex.sub looks its cache up at every call


def _index(units: list[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """Lookup key of every name and alias → the unit's name."""
    return {_lookup_key(form): name for name, aliases in units for form in (name, *aliases)}


@cache
def _name_by_key() -> dict[str, str]:
    return _index([(p.name, p.aliases) for p in all_provinces()])


@cache
def _name_2025_by_key() -> dict[str, str]:
    return _index([(name, aliases) for name, _, aliases in _provinces_2025_rows()])


def _lookup(written: str, index: dict[str, str]) -> str | None:
    key = _lookup_key(written)
    # The form as written first: some aliases ("TP.HCM") begin like a prefix.
    if key in index:
        return index[key]
    for prefix in map(_lookup_key, _UNIT_PREFIXES):
        rest = key[len(prefix):].strip()
        if key.startswith(prefix) and rest in index:
            return index[rest]
    return None


def canonical_province(name: str) -> str | None:
    """Any written form of a pre-2025 unit → its official name, else None."""
    return _lookup(name, _name_by_key())


def province_2025(name: str) -> str | None:
    """A pre-2025 unit (any written form) → the unit containing it since
    1 July 2025; a post-merger unit name → itself; else None."""
    old_name = canonical_province(name)
    if old_name is not None:
        return next(p.name_2025 for p in all_provinces() if p.name == old_name)
    return _lookup(name, _name_2025_by_key())


# --- Finding names in running text ---------------------------------------------

# Agency and unit words that introduce a province in the news (matched
# case-insensitively; both tone-mark placements written out).
_AGENCIES = [
    r"BHXH", r"Bảo hiểm xã hội",
    r"UBND", r"Ủy ban nhân dân", r"Uỷ ban nhân dân", r"HĐND", r"Hội đồng nhân dân",
    r"Tỉnh ủy", r"Tỉnh uỷ", r"Thành ủy", r"Thành uỷ",
    r"Công an", r"Cục Hải quan", r"Cục Thuế", r"Kho bạc Nhà nước", r"Bưu điện",
    r"Liên đoàn Lao động", r"LĐLĐ", r"Sở Y tế", r"Sở Tài chính",
    r"Sở Lao động\s*[-–]\s*Thương binh và Xã hội", r"Sở LĐ-TB&XH", r"Sở LĐTBXH",
    r"Tòa án nhân dân", r"Toà án nhân dân", r"TAND", r"Viện kiểm sát nhân dân", r"VKSND",
    r"Đoàn đại biểu Quốc hội", r"Đoàn ĐBQH",
]
# Outlets named after a province ("Báo Hưng Yên"), so that a caller can tell
# them apart; case-sensitive, as "báo" is also a common word.
_OUTLETS = [r"Báo", r"Đài PT-TH", r"Đài Phát thanh\s*[-–]\s*Truyền hình"]
_UNITS = [r"tỉnh", r"thành phố", r"thủ đô", r"TP\.?"]

# Longer names that contain a province name but are something else.
_NOT_PROVINCES = ["Thái Bình Dương", "Điện Biên Phủ"]

# The bare name is the President far more often than the city
# ("tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh").
_KEYS_NEEDING_CUE = {_lookup_key("Hồ Chí Minh")}

# A unit word below the province right before a name: the name is that
# unit's, not the province's (`huyện Quảng Ninh` lies in Quảng Bình,
# `huyện Hòa Bình` in Bạc Liêu; see districts.py).
SUBUNIT_BEFORE = regex.compile(r"(?<![\p{L}])(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Tt]hị\s+trấn|[Xx]ã|[Pp]hường|TX\.?)\s+$")

_NO_LETTER_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
_NO_LETTER_AFTER = r"(?![\p{L}\p{M}\p{N}])"


def _written_form_pattern(form: str) -> str:
    """Exact letters, but any run of spaces and any dash style between words."""
    pieces = regex.split(r"(\s*[-–—]\s*|\s+)", form)
    return "".join(
        regex.escape(piece) if i % 2 == 0 else (r"\s*[-–—]\s*" if piece.strip() else r"\s+")
        for i, piece in enumerate(pieces)
    )


def _alternation(forms) -> str:
    """The written forms as one trie (what their alternation, longest first,
    matches; see extractors.rules.trie_of_atoms)."""
    return "(?:" + trie_of_atoms(atoms_of(_written_form_pattern(f)) for f in set(forms)) + ")"


def _cue_words(words) -> str:
    """Cue words matched case-insensitively, as one trie."""
    return "(?:" + trie_of_atoms(atoms_of(w.lower()) for w in words) + ")"


@cache
def _province_pattern() -> regex.Pattern:
    names = [form for p in all_provinces() for form in (p.name, *p.aliases)]
    # An agency word, perhaps glossed by its acronym (`Bảo hiểm xã hội (BHXH)
    # TPHCM`); the gloss alone is a cue too, whatever precedes it.
    agencies = _cue_words(_AGENCIES)
    agency = f"(?:{agencies}(?:\\s*\\({agencies}\\))?|\\({agencies}\\))"
    unit = _cue_words(_UNITS)
    # after "TP." the name may follow without a space ("TP.Cần Thơ")
    gap = r"(?:\s+|(?<=\.)\s*)"
    cue = f"(?i:{agency}(?:\\s+{unit})?|{unit})|{'|'.join(_OUTLETS)}"
    return regex.compile(
        f"{_NO_LETTER_BEFORE}(?:(?P<other>{_alternation(_NOT_PROVINCES)})"
        f"|(?:(?P<cue>{cue}){gap})?(?P<name>{_alternation(names)})){_NO_LETTER_AFTER}"
    )


def find_provinces(text: str) -> list[ProvinceMatch]:
    """Every place where ``text`` (NFC, as the pipeline normalises it) names a
    pre-2025 unit, with the agency/unit cue written right before it."""
    found = []
    for match in _province_pattern().finditer(text):
        if match["name"] is None:  # one of _NOT_PROVINCES
            continue
        cue = match["cue"]
        if cue is None and _lookup_key(match["name"]) in _KEYS_NEEDING_CUE:
            continue
        if cue is None and SUBUNIT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if cue is not None:
            cue = SPACES.sub(" ", cue).lower().removesuffix(".")
        found.append(ProvinceMatch(
            match.start("name"), match.end("name"),
            canonical_province(match["name"]), match["name"], cue,
        ))
    return found
