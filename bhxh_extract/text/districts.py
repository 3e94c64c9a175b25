"""Which province a district, town or commune named in the text lies in
(guide section 5, gold/NOTES.md H23).

Facts this module encodes (tables in ``data/districts.csv`` and
``data/communes_2025.csv``, generated from the vietnamadminunits package by
``tools/make_gazetteer.py`` and cross-checked against it by
``tests/test_gazetteer.py``):

* Until 30 June 2025 a province was divided into district-level units:
  ``huyện`` (rural district), ``quận`` (urban district of a centrally-run
  city), ``thị xã`` (town) and ``thành phố`` (a city under the province, such
  as Gia Nghĩa in Đắk Nông). 696 of them in 2025; some had been merged
  earlier (huyện Hoành Bồ into Hạ Long in 2019; quận 2 and 9 into Thủ Đức in
  2021) and are kept as ``former`` names of the unit that absorbed them.
* A unit's kind changes over the years (thị xã Gia Nghĩa became a city in
  2019), so a name is looked up whatever kind word precedes it.
* Names repeat across provinces: ``Châu Thành`` is a district in ten
  provinces, ``Tân Phú`` is in Hồ Chí Minh and Đồng Nai. A name shared by
  several provinces gives no province.
* Some district names are province names too: ``huyện Quảng Ninh`` lies in
  Quảng Bình, ``huyện Hòa Bình`` in Bạc Liêu (``provinces.SUBUNIT_BEFORE``).
* Since 1 July 2025 (Resolution 202/2025/QH15 and the law on local
  government of 2025) the district level is abolished: the 34 provinces are
  divided directly into communes (``xã``), wards (``phường``) and special
  zones (``đặc khu``). An article published after that names those.
* Spelling: the Central Highlands prefix ``Đắk`` ("water" in Ê Đê and
  M'Nông) is also written ``Đăk``, ``Đak`` or ``Dak`` (``Đăk Glong``,
  ``Đắk Glong``); apostrophes in ``Đắk R'Lấp``, ``M'Đrắk`` come as ' or ’, with
  the next letter in either case.
"""
from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from ..extractors.rules import atoms_of, trie_of_atoms

from .provinces import _AGENCIES, SPACES, _lookup_key

# Kind words before a district-level name (`TP.`, `TX.` abbreviated).
DISTRICT_KIND_WORDS = r"(?:[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Tt]hành\s+phố|TP\.?|Tp\.?|TX\.?|[Tt]x\.)"
COMMUNE_KIND_WORDS = r"(?:[Xx]ã|[Pp]hường|[Đđ]ặc\s+khu)"

# A written name: up to four syllables, each starting with a capital
# (`Krông Nô`, `Ea H'leo`, `Đắk R'Lấp`), or a number (`quận 1`).
_SYLLABLE = r"\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)?"
_NAME = rf"(?:{_SYLLABLE}(?:[ \t]+{_SYLLABLE}){{0,3}}|\d{{1,2}}(?!\p{{N}}))"
_NO_LETTER_AFTER = r"(?![\p{L}\p{M}\p{N}])"


@dataclass(frozen=True)
class PlaceMatch:
    start: int          # offsets of the name (text == source[start:end])
    end: int
    province: str       # the province it lies in (pre-2025 name; a 2025 unit for communes)
    text: str
    cue: str            # the kind or agency word before it, lower-case


def _read(file_name: str) -> list[dict[str, str]]:
    with (resources.files("bhxh_extract") / "data" / file_name).open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


@cache
def district_rows() -> tuple[dict[str, str], ...]:
    return tuple(_read("districts.csv"))


@cache
def commune_rows_2025() -> tuple[dict[str, str], ...]:
    return tuple(_read("communes_2025.csv"))


_DAK = regex.compile(r"(?i)(?<![\p{L}])(?:đắk|đăk|đak|dak)(?![\p{L}])")


@lru_cache(maxsize=4096)   # keyed by the written name, never by an article
def name_key(written: str) -> str:
    """A comparison key for a place name: as provinces._lookup_key (case,
    tone-mark position, spacing), plus the Đắk/Đăk/Dak spellings and
    apostrophe styles made one."""
    return _lookup_key(_DAK.sub("đắk", written.replace("’", "'")))


@lru_cache(maxsize=4096)
def unaccented_key(written: str) -> str:
    """`Đắk R'Lấp` → `dakrlap`: the package's keys of former units."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", written.replace("đ", "d").replace("Đ", "D"))
                       if not unicodedata.combining(ch))
    return _NOT_ASCII_ALNUM.sub("", stripped.casefold())


_NOT_ASCII_ALNUM = regex.compile(r"[^a-z0-9]")


@cache
def _district_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Key of each name → the provinces having a district of that name; and
    the same for the unaccented keys of former units."""
    by_name, by_former = defaultdict(set), defaultdict(set)
    for row in district_rows():
        by_name[name_key(row["name"])].add(row["province"])
        for former in filter(None, row["former"].split("|")):
            by_former[former].add(row["province"])
    return ({k: frozenset(v) for k, v in by_name.items()}, {k: frozenset(v) for k, v in by_former.items()})


@cache
def _commune_index() -> dict[str, frozenset[str]]:
    by_name = defaultdict(set)
    for row in commune_rows_2025():
        by_name[name_key(row["name"])].add(row["province_2025"])
    return {k: frozenset(v) for k, v in by_name.items()}


def district_provinces(name: str) -> frozenset[str]:
    """The provinces (pre-2025) that have, or had, a district-level unit
    written `name` (any kind): one for a unique name, several for a shared
    one (`Kỳ Sơn`: a district of Nghệ An, and one of Hòa Bình until 2019)."""
    by_name, by_former = _district_index()
    return by_name.get(name_key(name), frozenset()) | by_former.get(unaccented_key(name), frozenset())


def commune_provinces_2025(name: str) -> frozenset[str]:
    """The post-merger provinces that have a commune, ward or special zone `name`."""
    return _commune_index().get(name_key(name), frozenset())


@cache
def _pattern(kind_words: str) -> regex.Pattern:
    agency = trie_of_atoms(atoms_of(a.lower()) for a in _AGENCIES)   # matched case-insensitively
    # `huyện Krông Nô`, `BHXH huyện Krông Nô`, or an agency before the bare
    # name (`BHXH Krông Nô`, `UBND Gia Nghĩa`).
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?P<cue>{kind_words}|(?i:{agency}))[ \t]+(?P<name>{_NAME}){_NO_LETTER_AFTER}")


def _longest_known(name: str, lookup) -> tuple[str, frozenset[str]] | None:
    """The longest leading run of syllables of `name` that names a unit."""
    words = name.split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        found = lookup(candidate)
        if found:
            return candidate, found
    return None


def _find(text: str, kind_words: str, lookup) -> list[PlaceMatch]:
    found = []
    for match in _pattern(kind_words).finditer(text):
        known = _longest_known(match["name"], lookup)
        if known is None:
            continue
        written, provinces = known
        if len(provinces) != 1:       # a name shared by several provinces gives nothing (H23)
            continue
        start = match.start("name")
        # the written text itself (the name may have been cut to its known syllables)
        end = start + len(written) if text.startswith(written, start) else match.end("name")
        found.append(PlaceMatch(start, end, next(iter(provinces)), text[start:end],
                                SPACES.sub(" ", match["cue"]).lower()))
    return found


def find_districts(text: str) -> list[PlaceMatch]:
    """District-level units named with their kind or an agency word before
    them, whose name lies in exactly one pre-2025 province."""
    return _find(text, DISTRICT_KIND_WORDS, district_provinces)


def find_communes_2025(text: str) -> list[PlaceMatch]:
    """Post-merger communes, wards and special zones named with their kind
    word, whose name lies in exactly one of the 34 provinces."""
    return [m for m in _find(text, COMMUNE_KIND_WORDS, commune_provinces_2025) if not m.text.isdigit()]


def bare_mentions(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """Where `names` (district names the article gives with a kind word
    elsewhere) occur bare: `Krông Nô phát động ...` in the title of an
    article whose body says `huyện Krông Nô`."""
    if not names:
        return []
    alternation = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return [(m.start(), m.end(), m.group()) for m in
            regex.finditer(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{alternation}){_NO_LETTER_AFTER}", text)]
