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

from decimal import Decimal

# --- digits ------------------------------------------------------------------
# A written number: thousands-grouped with dots (and optional decimal comma),
# or plain digits with an optional decimal part. Possessive quantifiers keep
# every pattern linear on adversarial input (`1.1.1.1...`).
NUMBER = r"(?:\d{1,3}(?:\.\d{3})++(?:,\d++)?+|\d++(?:,\d++)?+)"

MULTIPLIERS: dict[str, int] = {
    "nghìn": 1_000, "ngàn": 1_000, "ngàn": 1_000,
    "triệu": 1_000_000,
    "tỷ": 1_000_000_000, "tỉ": 1_000_000_000,
    "trăm": 100,   # only after `hàng` (`hàng trăm triệu đồng`)
}
MULTIPLIER = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"


def parse_number(written: str, comma_is_thousands: bool = False) -> Decimal:
    """`1.186` → 1186; `132,14` → 132.14; `964,867` → 964867 when the caller
    knows the number counts whole things (comma_is_thousands)."""
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
SCALE_WORDS = {"trăm": 100, "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000,
               "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
NUMBER_WORDS = set(DIGIT_WORDS) | set(TEN_WORDS) | set(SCALE_WORDS) | {"mươi", "linh", "lẻ"}
# Words that start a number phrase. `một` (mostly the indefinite article) and
# `năm` (mostly "year") never start a count on their own; `tư` (fourth,
# "quarter") and the units-only forms cannot start one either.
NUMBER_WORD_STARTS = ("hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười")
NUMBER_WORD_RUN = (r"(?:" + "|".join(NUMBER_WORD_STARTS) + r")(?:\s+(?:"
                   + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\p{L}]))*+")


def parse_number_words(words: list[str]) -> int | None:
    """`ba mươi lăm` → 35; `hai nghìn ba trăm` → 2300; `một trăm linh năm`
    → 105; None when the words do not form a number."""
    total, group, current = 0, 0, 0
    seen_any = False
    for word in (w.lower() for w in words):
        if word in DIGIT_WORDS:
            current += DIGIT_WORDS[word]
        elif word in TEN_WORDS:
            current += 10
        elif word == "mươi":
            current = (current or 1) * 10
        elif word in ("linh", "lẻ"):
            continue
        elif word == "trăm":
            group += (current or 1) * 100
            current = 0
        elif word in SCALE_WORDS:
            group += current
            total += (group or 1) * SCALE_WORDS[word]
            group, current = 0, 0
        else:
            return None
        seen_any = True
    return total + group + current if seen_any else None


# --- roman numerals (quý I/2021, khóa XII) ------------------------------------
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def quarter_number(written: str) -> int | None:
    written = written.strip().upper()
    if written in ROMAN:
        return ROMAN[written]
    if written.isdigit() and 1 <= int(written) <= 4:
        return int(written)
    return None


# --- letters -----------------------------------------------------------------
# Word boundaries that know Vietnamese letters: \b in `regex` is Unicode-aware,
# but we also refuse to start inside a number (`2043/KHLT` must not yield `43`).
NOT_AFTER_WORD = r"(?<![\p{L}\p{N}_])"
NOT_BEFORE_WORD = r"(?![\p{L}\p{N}_])"
