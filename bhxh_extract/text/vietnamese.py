"""Every Vietnamese number fact in one place: written numbers, number words,
multipliers, roman numerals, and the regex pieces other modules compose.

Vietnamese facts this module encodes:
- `.` groups thousands and `,` marks decimals: `1.186` = 1186, `132,14` =
  132.14, `1.954.000` = 1954000. Writers also use `,` for thousands
  (`964,867 người`): a comma followed by exactly three digits on a count of
  whole things is a thousands separator (people are whole).
- Multipliers: `nghìn` (north) and `ngàn` (south) = 10^3, `triệu` = 10^6,
  `tỷ` and `tỉ` (both spellings are standard) = 10^9. They chain from large
  to small: `12.407 tỷ 318 triệu` = 12 407 318 000 000.
- Number words: `một hai ba bốn năm sáu bảy tám chín mười`; `mươi` is "tens"
  after a digit word (`ba mươi`); after `mươi` one is `mốt`, four may be `tư`
  and five is `lăm` (or `nhăm` in the north); `linh`/`lẻ` mark a zero ten
  (`một trăm linh năm` = 105); `trăm` = hundred.
"""
from __future__ import annotations

import importlib.util
from decimal import Decimal
from functools import cache
from pathlib import Path

import regex

from ..extractors.rules import NotAValue

# --- digits ------------------------------------------------------------------
# A written number: thousands-grouped with dots (and optional decimal comma),
# or plain digits with an optional decimal part. Possessive quantifiers keep
# every pattern linear on adversarial input (`1.1.1.1...`).
NUMBER = r"(?:\d{1,3}(?:\.\d{3})++(?:,\d++)?+|\d++(?:,\d++)?+)"

MULTIPLIERS: dict[str, int] = {
    "nghìn": 1_000, "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
    "trăm": 100,   # only after `hàng` (`hàng trăm triệu đồng`)
}
MULTIPLIER = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"


# No amount in the news has more digits; longer digit runs are noise (and
# would not print as JSON).
MAX_DIGITS = 18


def parse_number(written: str, comma_is_thousands: bool = False) -> Decimal:
    """`1.186` → 1186; `132,14` → 132.14; `964,867` → 964867 when the caller
    knows the number counts whole things (comma_is_thousands)."""
    if sum(ch.isdigit() for ch in written) > MAX_DIGITS:
        raise NotAValue(written[:40])
    digits = written.replace(" ", "")
    if "," in digits:
        whole, _, frac = digits.rpartition(",")
        if comma_is_thousands and len(frac) == 3:
            return Decimal((whole + frac).replace(".", "").replace(",", ""))
        return Decimal(whole.replace(".", "") + "." + frac)
    return Decimal(digits.replace(".", ""))


def apply_multipliers(number: Decimal, multipliers: list[str]) -> Decimal:
    for word in multipliers:
        number *= MULTIPLIERS[word.lower()]
    return number


def to_int(value: Decimal) -> int:
    return int(value.to_integral_value())


def to_float(value: Decimal) -> float:
    return float(value)


# --- number words ------------------------------------------------------------
DIGIT_WORDS: dict[str, int] = {
    "không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
    # only after `mươi` / in the units place:
    "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5,
}
TEN_WORDS = {"mười": 10}
# `chục` ("ten", a unit of ten: `hai chục` = 20) and `vạn` (ten thousand, in
# older and southern usage) besides the scale words.
SCALE_WORDS = {"trăm": 100, "nghìn": 1_000, "ngàn": 1_000, "vạn": 10_000, "triệu": 1_000_000,
               "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
NUMBER_WORDS = set(DIGIT_WORDS) | set(TEN_WORDS) | set(SCALE_WORDS) | {"mươi", "chục", "linh", "lẻ"}
# Words that start a number phrase. `một` (mostly the indefinite article) and
# `năm` (mostly "year") start one only right before a ten or scale word
# (`năm nghìn người`, `một trăm linh năm`); `tư` (fourth, "quarter") and the
# units-only forms never do.
NUMBER_WORD_STARTS = ("hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười")
_TENS_OR_SCALE = r"(?:mươi|chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?![\p{L}])"
NUMBER_WORD_RUN = (r"(?:(?:" + "|".join(NUMBER_WORD_STARTS) + rf")|(?:năm|một)(?=\s+{_TENS_OR_SCALE}))(?:\s+(?:"
                   + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\p{L}]))*+")


def parse_number_words(words: list[str]) -> int | None:
    """`ba mươi lăm` → 35; `hai nghìn ba trăm` → 2300; `một trăm linh năm`
    → 105; `một nghìn không trăm linh năm` → 1005; None when the words do
    not form a number."""
    total, group, current = 0, 0, None   # current: the digits since the last scale word
    for word in (w.lower() for w in words):
        if word in DIGIT_WORDS:
            current = (current or 0) + DIGIT_WORDS[word]
        elif word in TEN_WORDS:
            current = (current or 0) + 10
        elif word in ("mươi", "chục"):
            current = (1 if current is None else current) * 10
        elif word in ("linh", "lẻ"):
            continue
        elif word == "trăm":
            group += (1 if current is None else current) * 100
            current = None
        elif word in SCALE_WORDS:
            group += current or 0
            total += (group or 1) * SCALE_WORDS[word]
            group, current = 0, None
        else:
            return None
    return total + group + (current or 0)


_AMOUNT_PART = regex.compile(rf"({NUMBER})((?:\s+{MULTIPLIER})*)", regex.VERSION1)


def parse_amount(written: str, whole_things: bool = False) -> Decimal | None:
    """A written amount: digits with their multipliers, chained from large to
    small (`12.407 tỷ 318 triệu`) or stacked (`2,5 nghìn tỷ` = 2.5 × 10^12),
    or number words (`hai nghìn ba trăm`). `whole_things`: the amount counts
    whole things, so `964,867` is 964867."""
    words = written.split()
    if words and all(w.lower() in NUMBER_WORDS for w in words):
        value = parse_number_words(words)
        return None if value is None else Decimal(value)
    total, pos = Decimal(0), 0
    for part in _AMOUNT_PART.finditer(written):
        if written[pos:part.start()].strip():
            return None
        multipliers = part.group(2).split()
        number = parse_number(part.group(1), comma_is_thousands=whole_things and not multipliers)
        total += apply_multipliers(number, multipliers)
        pos = part.end()
    return total if pos and not written[pos:].strip() else None


# (written, whole things?, value): run by tests/test_examples.py
EXAMPLES: list[tuple[str, bool, Decimal | int]] = [
    ("1.186", True, 1186), ("132,14", False, Decimal("132.14")), ("964,867", True, 964867),
    ("964,867", False, Decimal("964.867")), ("1.954.000", False, 1954000), ("1,245 triệu", False, 1245000),
    ("15 nghìn", False, 15000), ("15 ngàn", False, 15000), ("2,5 tỷ", False, 2500000000),
    ("2,5 tỉ", False, 2500000000), ("12.407 tỷ 318 triệu", False, 12407318000000),
    ("5.320 tỷ 785 triệu", False, 5320785000000), ("01", True, 1), ("0,9", False, Decimal("0.9")),
    ("100", True, 100), ("1 triệu", False, 1000000), ("1,2 triệu", True, 1200000), ("63 nghìn", True, 63000),
    ("930 nghìn", True, 930000), ("1.000,5", False, Decimal("1000.5")), ("0,15", False, Decimal("0.15")),
    ("100,75", False, Decimal("100.75")), ("6,274 tỷ", False, 6274000000), ("4.512 tỷ", False, 4512000000000),
    ("20", True, 20), ("2.953", True, 2953), ("3 nghìn 500", False, 3500), ("1 tỷ 2 ba", False, None),
    ("2,5 nghìn tỷ", False, 2500000000000), ("1 nghìn tỷ", False, 1000000000000),
    ("hai", True, 2), ("ba", True, 3), ("bốn", True, 4), ("sáu", True, 6), ("bảy", True, 7), ("bẩy", True, 7),
    ("tám", True, 8), ("chín", True, 9), ("mười", True, 10), ("mười một", True, 11), ("mười hai", True, 12),
    ("mười lăm", True, 15), ("mười nhăm", True, 15), ("hai mươi", True, 20), ("hai mươi mốt", True, 21),
    ("ba mươi tư", True, 34), ("ba mươi bốn", True, 34), ("ba mươi lăm", True, 35), ("bốn mươi nhăm", True, 45),
    ("sáu mươi", True, 60), ("chín mươi chín", True, 99), ("một trăm", True, 100),
    ("một trăm linh năm", True, 105), ("một trăm lẻ năm", True, 105), ("hai trăm", True, 200),
    ("hai trăm năm mươi", True, 250), ("hai nghìn ba trăm", True, 2300), ("ba nghìn", True, 3000),
    ("hai mươi lăm nghìn", True, 25000), ("một nghìn không trăm linh năm", True, 1005),
    ("năm triệu", True, 5000000), ("hai tỷ", True, 2000000000), ("ba trăm nghìn", True, 300000),
    ("mười hai nghìn", True, 12000), ("hai ngàn", True, 2000),
    ("năm nghìn", True, 5000), ("hai chục", True, 20), ("chục", True, 10), ("ba chục nghìn", True, 30000),
    ("mười lăm nghìn", True, 15000), ("một vạn", True, 10000), ("hai vạn", True, 20000),
    ("năm mươi", True, 50), ("hai trăm triệu", True, 200000000), ("bảy ngàn", True, 7000),
    ("một trăm lẻ tám", True, 108), ("chín mươi mốt", True, 91), ("hai mươi tư", True, 24),
    ("một tỉ", True, 1000000000), ("ba trăm năm mươi nghìn", True, 350000),
]


# --- months as words (`tháng ba`, `tháng mười hai`) -----------------------------
# `tháng tư` is April (`tư` = four after `tháng`); `tháng năm` (May) is also
# the `tháng, năm` of forms and `tháng một` the `một` of `mỗi tháng một lần`:
# those two are read as months only with a day or a year beside them.
# `tháng Giêng` and `tháng Chạp` name lunar months: not calendar dates.
MONTH_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}
AMBIGUOUS_MONTH_WORDS = frozenset({"một", "năm"})
MONTH_WORD = "(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(MONTH_WORDS, key=len, reverse=True)) + ")"


def month_number(written: str) -> int | None:
    """`5` → 5, `ba` → 3, `mười hai` → 12 (case and spacing free)."""
    written = " ".join(written.lower().split())
    if written.isdigit():
        return int(written)
    return MONTH_WORDS.get(written)


# --- roman numerals (quý I/2021, khóa XII) ------------------------------------
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def quarter_number(written: str) -> int | None:
    written = written.strip().upper()
    if written in ROMAN:
        return ROMAN[written]
    if written.isdigit() and 1 <= int(written) <= 4:
        return int(written)
    return None


# --- the word dictionary -------------------------------------------------------
# Vietnamese writes words of two or more syllables with spaces (`tài chính`,
# `hải quan`), so where a word ends is a question of vocabulary. underthesea
# (the user's tokenizer) ships Hồ Ngọc Đức's dictionary of about 74,000 words
# (`corpus/data/Viet74K.txt`); we read that file directly, without importing
# underthesea or loading its model.
_DICTIONARY_FILE = Path("corpus") / "data" / "Viet74K.txt"


@cache
def dictionary_words() -> frozenset[str]:
    """Every word of the shipped dictionary, lower-cased (NFC)."""
    spec = importlib.util.find_spec("underthesea")
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        return frozenset()
    path = Path(list(locations)[0]) / _DICTIONARY_FILE
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").split("\n") if line.strip())


def is_word(syllables: str) -> bool:
    """Is `syllables` (space-separated, any case) one dictionary word?"""
    return syllables.lower() in dictionary_words()
