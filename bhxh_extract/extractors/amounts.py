"""Counts, percents and money (guide 3.3 to 3.5): all are a number plus what
follows it. Money and percent rules are built on the number rules of
`vietnamese.py`, not rewritten.

The counted word (3.3) is the one word right after the number. Vietnamese
words may be two syllables written with a space (`cán bộ`, `xe máy`): a
lexicon of counted nouns decides first (fast and exact on the common ones),
then the word dictionary underthesea ships (Viet74K) on the few syllables
after the number (never the whole article) for the rest: no model to load.

Vietnamese facts:
- `người` ("person") ends the counted word: `14.785 người lao động` counts
  `người`. Classifiers are counted words: `lượt` (times/visits), `cuộc`,
  `suất` (portions; also misspelt `xuất`), `bánh` (a brick of drugs).
- After an agency acronym the counted word is the next word: `9/9 BHXH huyện`
  ("9 of 9 district social-insurance offices").
- `một` is mostly the indefinite article and is never a count; `01` and `1` are.
- `hàng` + a scale word means "on the order of": `hàng ngàn hội nghị`,
  `hàng trăm triệu đồng` (span from the scale word, comparator approx).
- Money: `đồng`, `VNĐ`, `VND`, `đ`; `tỷ`/`tỉ`, `triệu`, `nghìn`/`ngàn`
  multiply; `12.407 tỷ 318 triệu đồng` adds up.
"""
from __future__ import annotations

from decimal import Decimal

import regex

from .. import lexicon
from .counted import (INDEX_WORDS, ONE_SYLLABLE_NOUNS, TWO_SYLLABLE_NOUNS, counted_word, is_boundary,
                      next_word)
from .rules import Candidate, Rule, Scan, compile_pattern
from ..text.vietnamese import (MULTIPLIER, NUMBER, NUMBER_WORD_RUN, apply_multipliers, parse_amount, parse_number, parse_number_words, to_float, to_int)

# Currency words and signs (lexicon `currencies`), matched in any case; a sign
# may be glued to its number (`10$`, `$10`, `20€`).
CURRENCIES = {e.phrase: e.meaning for e in lexicon.load("currencies").entries}
_CURRENCY = ("(?i:" + "|".join(r"\s+".join(regex.escape(w) for w in phrase.split())
                                for phrase in sorted(CURRENCIES, key=len, reverse=True)) + r")(?![\p{L}\p{N}])")
_CURRENCY_BEFORE = r"(?i:US\$|\$|€|£|USD|EUR|GBP)"
# Clause words that make a bare `300 triệu` money (`số tiền`, thu, chi, nợ ...).
MONEY_CUES = compile_pattern(r"(?i)(?:tiền|kinh phí|ngân sách|trị giá|giá trị|thu\b|chi\b|chi trả|nợ|quỹ|vốn|"
                             r"doanh thu|lợi nhuận|tài trợ|ủng hộ|quyên góp|phạt)")

_START = r"(?=\d)(?<![\p{L}\p{N}\-/.,+])"
_QUANTITY = (rf"(?P<num>{NUMBER})(?:\s*[-–]\s*(?P<num2>{NUMBER}))?(?:/(?P<total>\d++(?:\.\d{{3}})*+))?"
             rf"(?P<mults>(?:\s+{MULTIPLIER}(?![\p{{L}}]))++(?:\s+{NUMBER}(?:\s+{MULTIPLIER}(?![\p{{L}}]))++)*+)?")
_SCALE_AFTER_HANG = r"(?<=[Hh]àng\s+)(?P<scale>trăm|nghìn|ngàn|triệu|tỷ|tỉ)"


# --- helpers ---------------------------------------------------------------------
_LEADING_MULTIPLIERS = compile_pattern(rf"(?:\s+{MULTIPLIER}(?![\p{{L}}]))+")
_BILLIONS = compile_pattern(r"tỷ|tỉ")
_BRACKET_AFTER = compile_pattern(r"\s*\(")


def _multipliers(text: str) -> list[str]:
    """The multipliers before any chained number: `nghìn tỷ 785 triệu` →
    ['nghìn', 'tỷ'] (a range's lower end takes these: `40 - 200 triệu`)."""
    leading = _LEADING_MULTIPLIERS.match(text or "")
    return leading.group(0).split() if leading else []


def amount_value(match: regex.Match, whole_things: bool = False) -> Decimal:
    """The value of `num [multipliers]` (`5.320 tỷ 785 triệu` adds up)."""
    return parse_amount(match.group("num") + (match.group("mults") or ""), whole_things)


def _scale(match: regex.Match) -> Decimal:
    """The upper end of a range with its multipliers (`40 - 200 triệu`)."""
    return parse_amount(match.group("num2") + (match.group("mults") or ""))


# --- percent ------------------------------------------------------------------------
def _percent(m: regex.Match, scan: Scan):
    if m.groupdict().get("mults") or m.groupdict().get("total"):
        return None
    value = to_float(parse_number(m.group("num")))
    values = {"value": value, "value_max": None}
    if m.group("num2"):   # `20- 30%`: one mention, the lower end and `value_max` (guide 3.4)
        high = to_float(parse_number(m.group("num2")))
        if high <= value:
            return None
        values["value_max"] = high
    return Candidate("percent", m.start("num"), m.end(), values, "number%")


# --- money ----------------------------------------------------------------------------
def currency_of(written: str) -> str:
    return CURRENCIES.get(" ".join(written.lower().split()), "VND")


def _money(m: regex.Match, scan: Scan):
    currency = currency_of(m.group("cur"))
    if m.group("cur").lower() == "đ" and not m.group("mults"):
        return None   # a lone `đ` after a bare number is too ambiguous
    return _money_candidates(m, currency, "number [tỷ/triệu] đồng")


def _money_sign_first(m: regex.Match, scan: Scan):
    """`$10`, `EUR 20`, `€ 1,5 triệu`: the sign or code before the number."""
    cand = _money_candidates(m, currency_of(m.group("cur")), "$/EUR number")
    if cand is not None:
        cand.start = m.start()   # the span starts at the sign (guide 3.5: number, multiplier and currency)
    return cand


def _money_words(m: regex.Match, scan: Scan):
    """`hai trăm triệu đồng`, `bảy ngàn đồng`, `mười đô la`: money in words."""
    value = parse_number_words(m.group("words").split())
    if not value:
        return None
    currency = currency_of(m.group("cur"))
    if m.group("cur").lower() == "đ":
        return None
    return Candidate("money", m.start(), m.end(), {"value": value, "value_max": None, "currency": currency},
                     "number words + currency")


def _money_candidates(m: regex.Match, currency: str, rule: str):
    if m.groupdict().get("total"):
        return None
    values = {"value_max": None, "currency": currency}
    if m.groupdict().get("num2"):   # `từ 40 - 200 triệu đồng`: one mention, the multipliers shared (guide 3.5)
        low = apply_multipliers(parse_number(m.group("num")), _multipliers(m.group("mults")))
        high = _scale(m)
        if high <= low:
            return None
        values["value"], values["value_max"] = money_value(low, currency), money_value(high, currency)
    else:
        values["value"] = money_value(amount_value(m), currency)
    return Candidate("money", m.start("num"), m.end(), values, rule)


def money_value(amount: Decimal, currency: str) -> int | float:
    """Whole đồng for VND; other currencies keep their decimals (guide 3.5)."""
    if currency == "VND" or amount == amount.to_integral_value():
        return to_int(amount)
    return to_float(amount)


def _bare_money(m: regex.Match, scan: Scan):
    """`số tiền nợ từ 300 triệu trở lên`, `1 triệu tiền mặt`: plainly money
    without `đồng` (guide section 5)."""
    after = scan.text[m.end():m.end() + 12]
    window = scan.text[max(0, m.start() - 60):m.start()]
    clause_start = max(window.rfind(". "), window.rfind(";"))
    window = window[clause_start + 1:]
    if not (after.lstrip().startswith("tiền") or MONEY_CUES.search(window)):
        return None
    if next_word(scan.text, m.end()) not in ("", "tiền", "trở") and not is_boundary(scan.text, m.end()):
        return None
    return _money_candidates(m, "VND", "number tỷ/triệu (money context)")


def _scale_money(m: regex.Match, scan: Scan):
    value = apply_multipliers(Decimal(1), [m.group("scale")] + _multipliers(m.group("mults")))
    return Candidate("money", m.start(), m.end(), {"value": to_int(value), "value_max": None, "currency": "VND",
                                                   "comparator": "approx"}, "hàng trăm triệu đồng")


# --- count ------------------------------------------------------------------------------
# `tổng số 176 cán bộ`, `quân số 176` ("headcount") are counts, unlike `số 3`.
COUNT_AFTER_SO = frozenset({"tổng", "Tổng", "quân"})


# `1900 9068`, `0221 3862 365`: groups of a phone number, not amounts.
_PHONE_GROUP = compile_pattern(r"\d[ .]\Z|\A[ .]\d")


def _phone_group(text: str, start: int, end: int) -> bool:
    return bool(_PHONE_GROUP.search(text[max(0, start - 2):start]) or _PHONE_GROUP.search(text[end:end + 2]))


# Index words that are also verbs: `cấp 2` is "level 2", but `cấp 1.082 thẻ`
# is "issue 1,082 cards" (a counted noun follows).
VERB_INDEX_WORDS = frozenset({"cấp", "Cấp"})


def _ordinal_or_index(text: str, start: int, end: int | None = None) -> bool:
    before = text[max(0, start - 24):start].split()
    if not before:
        return False
    if before[-1] in VERB_INDEX_WORDS and end is not None:
        word = counted_word(text, end)
        return word is None or word[2] not in ("lexicon", "agency + word")
    if before[-1] in ("số", "Số") and len(before) > 1 and before[-2] in COUNT_AFTER_SO:
        return False
    return before[-1].lower() in INDEX_WORDS or " ".join(before[-2:]).lower() in INDEX_WORDS


def _count(m: regex.Match, scan: Scan):
    if m.group("mults") and _BILLIONS.search(m.group("mults")):
        return None   # billions of things are money in this domain
    if _ordinal_or_index(scan.text, m.start(), m.end()):
        return None
    word = counted_word(scan.text, m.end())
    if word is None:
        return None
    end, unit, how = word
    whole = not m.group("mults")
    value = amount_value(m, whole_things=True)
    if value != value.to_integral_value():
        return None
    values = {"value": to_int(value), "total": None, "value_max": None, "unit": unit}
    if m.group("total"):
        total = parse_number(m.group("total"), comma_is_thousands=True)
        if total < value:
            return None
        values["total"] = to_int(total)
    if m.group("num2"):
        high = _scale(m) if not whole else parse_amount(m.group("num2"), whole_things=True)
        if high <= value:
            return None
        values["value_max"] = to_int(high)
    return Candidate("count", m.start(), end, values, f"number + counted word ({how})")


def _count_words(m: regex.Match, scan: Scan):
    words = m.group("words").split()
    value = parse_number_words(words)
    if not value or _ordinal_or_index(scan.text, m.start()):
        return None
    word = counted_word(scan.text, m.end())
    if word is None or word[2] in ("word dictionary", "acronym"):
        return None   # number words need a known counted noun (`ba` is also "father")
    end, unit, _ = word
    return Candidate("count", m.start(), end, {"value": value, "total": None, "value_max": None,
                                               "unit": unit}, "number words + counted word")


def _count_scale(m: regex.Match, scan: Scan):
    word = counted_word(scan.text, m.end())
    if word is None:
        return None
    value = apply_multipliers(Decimal(1), [m.group("scale")]) if m.group("scale") != "trăm" else Decimal(100)
    return Candidate("count", m.start(), word[0], {"value": to_int(value), "total": None, "value_max": None,
                                                   "unit": word[1], "comparator": "approx"}, "hàng ngàn + counted word")


# Subject nouns that give a bare predicate number its unit (`hồ sơ ... là 184.885`).
_PREDICATE = compile_pattern(r"(?:là|đạt|:|bằng)\s*(?:(?:hơn|trên|gần|khoảng)\s+)?$")


def _bare_count(m: regex.Match, scan: Scan):
    """A number with no counted word after it, in predicate position or
    followed by its share in brackets: its unit is the noun its clause counts."""
    mults = m.group("mults") or ""
    if (_BILLIONS.search(mults) or m.group("num2") or m.group("total")
            or _ordinal_or_index(scan.text, m.start()) or _phone_group(scan.text, m.start(), m.end())):
        return None
    after = scan.text[m.end():m.end() + 3]
    before = scan.text[max(0, m.start() - 30):m.start()]
    if not (_PREDICATE.search(before) or _BRACKET_AFTER.match(after)):
        return None
    if not is_boundary(scan.text, m.end()) and not _BRACKET_AFTER.match(after):
        return None
    unit = _clause_noun(scan, m.start())
    if unit is None:
        return None
    value = amount_value(m, whole_things=True)
    if value != value.to_integral_value() or value < 10:
        return None
    return Candidate("count", m.start(), m.end(), {"value": to_int(value), "total": None, "value_max": None,
                                                   "unit": unit}, "bare number (unit from clause)")


_SUBJECT_NOUN = compile_pattern(
    r"(?:(?:[Ss]ố lượng|[Tt]ổng số|[Ss]ố)\s+)(?P<noun>[\p{L}]+(?:\s[\p{L}]+)?)"
    r"|(?:^\s*|[,;:(]\s*|trong đó\s*,?\s*)(?P<noun2>[Hh]ồ sơ|[Nn]gười|[Đđ]ơn vị|[Dd]oanh nghiệp|[Cc]ơ sở)")


def _clause_noun(scan: Scan, pos: int) -> str | None:
    """The counted noun of the sentence subject before pos (`Số lượng người
    theo dõi ...: 264.432` → người)."""
    dot = scan.text.rfind(". ", 0, pos)
    sentence_start = max(scan.text.rfind("\n", 0, pos) + 1, dot + 2 if dot >= 0 else 0)
    best = None
    for m in _SUBJECT_NOUN.finditer(scan.text[sentence_start:pos]):
        noun = (m.group("noun") or m.group("noun2")).lower()
        if noun.split()[0] == "người":
            best = "người"
        elif noun in TWO_SYLLABLE_NOUNS:
            best = noun
        elif noun.split()[0] in ONE_SYLLABLE_NOUNS:
            best = noun.split()[0]
    return best


# --- blocking rules: spans that hold a number but are no count ---------------------
# A clock time (`7h`, `15h30`, `7 giờ 30`), a measure with its unit, glued or
# spaced (`693gam`, `88 gam`, `7 kg`), a fixed idiom (`3 ca 4 kíp`, `1 cửa`,
# `24/7`): each claims its span before counts are looked for, so that no rule
# reads it as a count. They make no mention (type BLOCKED).
BLOCKED = "blocked"
_NOT_COUNTS = lexicon.load("not_counts")
_UNITS = "|".join(regex.escape(e.phrase) for e in sorted(_NOT_COUNTS.entries, key=lambda e: -len(e.phrase))
                  if e.meaning == "unit")
_IDIOMS = "|".join(regex.escape(e.phrase).replace(r"\ ", r"\s+") for e in
                   sorted(_NOT_COUNTS.entries, key=lambda e: -len(e.phrase)) if e.meaning == "idiom")
CLOCK_TIME = r"(?:[01]?\d|2[0-3])\s?(?:h|giờ)(?:\s?[0-5]\d(?:\s?phút)?)?(?![\p{L}\p{N}])|(?:[01]?\d|2[0-3])h[0-5]\d"


def _blocked(kind: str):
    def build(m: regex.Match, scan: Scan):
        return Candidate(BLOCKED, m.start(), m.end(), {}, f"not a count: {kind}", parsed=kind)
    return build


def _r(name: str, pattern: str, build, priority: int) -> Rule:
    return Rule(name, compile_pattern(pattern), build, priority)


RULES: tuple[Rule, ...] = (
    _r("clock time", rf"{_START}(?:{CLOCK_TIME})", _blocked("a clock time"), priority=9),
    _r("measure with a unit", rf"{_START}{NUMBER}\s?(?i:{_UNITS})(?![\p{{L}}\p{{N}}])", _blocked("a measure with its unit"),
       priority=9),
    _r("fixed idiom", rf"(?<![\p{{L}}\p{{N}}])(?i:{_IDIOMS})(?![\p{{L}}\p{{N}}])", _blocked("a fixed idiom"), priority=9),
    _r("number%", rf"{_START}{_QUANTITY}\s?(?:%|phần trăm(?!\p{{L}}))", _percent, priority=5),
    # `5% đến 30%`, `20% - 25%`: one range mention (guide 3.4)
    _r("number% đến number%", rf"{_START}(?P<num>{NUMBER})\s?%\s*(?:[-–]|đến|tới)\s*(?P<num2>{NUMBER})\s?(?:%|phần trăm(?!\p{{L}}))",
       _percent, priority=5),
    _r("number [tỷ/triệu] đồng", rf"{_START}{_QUANTITY}\s*(?P<cur>{_CURRENCY})", _money, priority=4),
    _r("$/EUR number", rf"(?=[$€£UuEeGg])(?<![\p{{L}}\p{{N}}])(?P<cur>{_CURRENCY_BEFORE})\s?(?=\d){_QUANTITY}(?![\p{{N}}%])",
       _money_sign_first, priority=4),
    _r("number words + currency", rf"(?<![\p{{L}}])(?P<words>{NUMBER_WORD_RUN})\s+(?P<cur>{_CURRENCY})",
       _money_words, priority=4),
    _r("hàng trăm triệu đồng", rf"{_SCALE_AFTER_HANG}(?P<mults>(?:\s+{MULTIPLIER})*+)\s+(?:đồng|VNĐ|VND)(?!\p{{L}})",
       _scale_money, priority=4),
    _r("number tỷ/triệu (money context)", rf"{_START}{_QUANTITY}(?<=\p{{L}})(?!\s*%)", _bare_money, priority=3),
    _r("number + counted word", rf"{_START}{_QUANTITY}(?!\s*%)", _count, priority=2),
    _r("number words + counted word",
       rf"(?<![\p{{L}}])(?P<words>{NUMBER_WORD_RUN})(?![\p{{L}}])", _count_words, priority=1),
    _r("hàng ngàn + counted word", r"(?<=[Hh]àng\s+)(?P<scale>trăm|nghìn|ngàn|triệu)(?![\p{L}])",
       _count_scale, priority=1),
    _r("bare number (unit from clause)", rf"{_START}{_QUANTITY}(?![\p{{L}}\p{{N}}%])", _bare_count, priority=0),
)


# --- examples -------------------------------------------------------------------------------
# (text, span, type, value, extra fields)
EXAMPLES: list[tuple[str, str, str, object, dict]] = [
    # counts
    ("vận động được 925 người tham gia", "925 người", "count", 925, {"unit": "người"}),
    ("là 1.186 người ,", "1.186 người", "count", 1186, {}),
    ("Tổng số người tham gia BHYT là 964,867 người,", "964,867 người", "count", 964867, {}),
    ("267/267 cán bộ, công chức", "267/267 cán bộ", "count", 267, {"total": 267, "unit": "cán bộ"}),
    ("Với lực lượng 76 đội ra quân", "76 đội", "count", 76, {"unit": "đội"}),
    ("đã có 241 tin nhắn của", "241 tin nhắn", "count", 241, {"unit": "tin nhắn"}),
    ("đoàn diễu hành 30 xe máy và ô tô", "30 xe máy", "count", 30, {"unit": "xe máy"}),
    ("và 62 điểm cầu của các tỉnh", "62 điểm cầu", "count", 62, {"unit": "điểm cầu"}),
    ("và 9/9 BHXH huyện, thành phố", "9/9 BHXH huyện", "count", 9, {"total": 9, "unit": "bhxh huyện"}),
    ("tổ chức một đội tuyên truyền (01 đội tuyên truyền", "01 đội", "count", 1, {"unit": "đội"}),
    ("có hơn 3.000 người tham gia", "3.000 người", "count", 3000, {}),
    ("khoảng 1,2 triệu người", "1,2 triệu người", "count", 1200000, {}),
    ("các đoàn từ 10-15 xe máy, ô tô", "10-15 xe máy", "count", 10, {"value_max": 15}),
    ("Từng cán bộ, nhân viên hai ngành đã", "hai ngành", "count", 2, {"unit": "ngành"}),
    ("thành lập ba mươi lăm đội xung kích", "ba mươi lăm đội", "count", 35, {}),
    ("hai nghìn ba trăm người dự", "hai nghìn ba trăm người", "count", 2300, {}),
    ("14.785 người lao động", "14.785 người", "count", 14785, {"unit": "người"}),
    ("82.310 người dân", "82.310 người", "count", 82310, {}),
    ("tối thiểu 50 người/huyện", "50 người", "count", 50, {}),
    ("17 huyện/thị xã, thành phố", "17 huyện", "count", 17, {"unit": "huyện"}),
    ("1.204.311 lượt người khám", "1.204.311 lượt", "count", 1204311, {"unit": "lượt"}),
    ("tổ chức 412 cuộc tuyên truyền", "412 cuộc", "count", 412, {"unit": "cuộc"}),
    ("trao 40 suất quà", "40 suất", "count", 40, {"unit": "suất"}),
    ("05 trạm y tế xã", "05 trạm", "count", 5, {"unit": "trạm"}),
    ("in 350 phiếu khảo sát", "350 phiếu", "count", 350, {"unit": "phiếu"}),
    ("95 tin, bài", "95 tin", "count", 95, {"unit": "tin"}),
    ("20 bảo hiểm xã hội khu vực", "20 bảo hiểm xã hội khu vực", "count", 20, {"unit": "bảo hiểm xã hội khu vực"}),
    ("150/150 cơ sở KCB", "150/150 cơ sở", "count", 150, {"total": 150, "unit": "cơ sở"}),
    ("có 54.300 NLĐ", "54.300 NLĐ", "count", 54300, {"unit": "nlđ"}),
    ("hàng ngàn hội nghị tuyên truyền", "ngàn hội nghị", "count", 1000, {"comparator": "approx"}),
    ("giúp hàng triệu người dân", "triệu người", "count", 1000000, {"comparator": "approx"}),
    ("bắt giữ 123 vụ hàng lậu", "123 vụ", "count", 123, {"unit": "vụ"}),
    ("94.355 gói thuốc lá", "94.355 gói", "count", 94355, {"unit": "gói"}),
    ("1.231 thùng bia", "1.231 thùng", "count", 1231, {"unit": "thùng"}),
    ("thu giữ 1 bánh heroin", "1 bánh", "count", 1, {"unit": "bánh"}),
    ("phá thành công 1 chuyên án", "1 chuyên án", "count", 1, {"unit": "chuyên án"}),
    ("5.583 đơn vị với", "5.583 đơn vị", "count", 5583, {"unit": "đơn vị"}),
    ("khởi tố 37 doanh nghiệp nợ", "37 doanh nghiệp", "count", 37, {"unit": "doanh nghiệp"}),
    ("trong đó 59/76 đơn vị có phản hồi", "59/76 đơn vị", "count", 59, {"total": 76}),
    ("8 nhiệm vụ và 4 giải pháp", "8 nhiệm vụ", "count", 8, {"unit": "nhiệm vụ"}),
    ("11 tập thể và 4 cá nhân", "11 tập thể", "count", 11, {"unit": "tập thể"}),
    ("trong đó, hồ sơ tiếp nhận thông qua Bưu điện là 184.885 (13,26%)", "184.885", "count", 184885, {"unit": "hồ sơ"}),
    ("Số lượng người theo dõi, truy cập trong năm: 264.432.", "264.432", "count", 264432, {"unit": "người"}),
    ("phối hợp với 08 cơ quan báo", "08 cơ quan", "count", 8, {"unit": "cơ quan"}),
    ("trao tặng 984 thẻ BHYT", "984 thẻ", "count", 984, {"unit": "thẻ"}),
    ("bắt giữ 2 đối tượng", "2 đối tượng", "count", 2, {"unit": "đối tượng"}),
    ("lắp đặt 2 pano tuyên truyền", "2 pano", "count", 2, {"unit": "pano"}),
    ("có 10 bệnh nhân BHYT", "10 bệnh nhân", "count", 10, {"unit": "bệnh nhân"}),
    ("thành lập 11 Tổ công tác", "11 Tổ", "count", 11, {"unit": "tổ"}),
    ("chia thành 4 nhóm nhỏ", "4 nhóm", "count", 4, {"unit": "nhóm"}),
    ("với 135 hội nghị, tập huấn", "135 hội nghị", "count", 135, {"unit": "hội nghị"}),
    ("thêm 192.326 người tham gia", "192.326 người", "count", 192326, {}),
    # number words (vietnamese.parse_number_words)
    ("có năm nghìn người tham gia", "năm nghìn người", "count", 5000, {"unit": "người"}),
    ("hai chục hộ gia đình", "hai chục hộ", "count", 20, {"unit": "hộ"}),
    ("một trăm linh năm đội", "một trăm linh năm đội", "count", 105, {}),
    ("mười lăm nghìn người", "mười lăm nghìn người", "count", 15000, {}),
    ("ba mươi mốt xã", "ba mươi mốt xã", "count", 31, {"unit": "xã"}),
    ("hai mươi tư huyện", "hai mươi tư huyện", "count", 24, {}),
    ("năm mươi cán bộ", "năm mươi cán bộ", "count", 50, {}),
    ("gần một nghìn hộ", "một nghìn hộ", "count", 1000, {"comparator": "approx"}),
    ("Bưu điện đã cấp 1.082 thẻ BHYT", "1.082 thẻ", "count", 1082, {"unit": "thẻ"}),
    ("cấp mới 350 sổ BHXH", "350 sổ", "count", 350, {"unit": "sổ"}),
    # percents
    ("đạt  132,14% kế hoạch", "132,14%", "percent", 132.14, {}),
    ("tỷ lệ bao phủ là 95,61%", "95,61%", "percent", 95.61, {}),
    ("đạt 80%", "80%", "percent", 80.0, {}),
    ("giảm 50 phần trăm", "50 phần trăm", "percent", 50.0, {}),
    ("chiếm khoảng 0,9% so với", "0,9%", "percent", 0.9, {}),
    ("tăng 139%", "139%", "percent", 139.0, {}),
    ("khoảng 20- 30% so với", "20- 30%", "percent", 20.0, {"value_max": 30.0}),
    ("từ 10% đến 30% mức đóng", "10% đến 30%", "percent", 10.0, {"value_max": 30.0}),
    ("lãi suất 1-2%", "1-2%", "percent", 1.0, {"value_max": 2.0}),
    ("đạt 100,1% kế hoạch", "100,1%", "percent", 100.1, {}),
    ("tỷ lệ 1 %", "1 %", "percent", 1.0, {}),
    # percents with their meaning (measure, scheme, comparator: link/)
    ("số người tham gia BHXH tự nguyện đạt 8.463 người, đạt 67,25% so với kế hoạch được giao", "67,25%", "percent",
     67.25, {"measure": "plan_completion", "scheme": "bhxh_tu_nguyen"}),
    ("đạt 98,92% so với chỉ tiêu của UBND tỉnh giao", "98,92%", "percent", 98.92, {"measure": "plan_completion"}),
    ("Số thu BHYT đạt 101,5% kế hoạch năm", "101,5%", "percent", 101.5, {"measure": "plan_completion", "scheme": "bhyt"}),
    ("hoàn thành 100% kế hoạch", "100%", "percent", 100.0, {"measure": "plan_completion"}),
    ("thu BHXH bắt buộc đạt 52% KH giao", "52%", "percent", 52.0, {"measure": "plan_completion", "scheme": "bhxh_bat_buoc"}),
    ("tỷ lệ bao phủ BHYT đạt 92,1% dân số", "92,1%", "percent", 92.1, {"measure": "coverage", "scheme": "bhyt"}),
    ("tỷ lệ bao phủ so với dân số của tỉnh là 95,61%", "95,61%", "percent", 95.61, {"measure": "coverage"}),
    ("ước đạt tỷ lệ bao phủ 91,4%", "91,4%", "percent", 91.4, {"measure": "coverage"}),
    ("số người tham gia BHXH chiếm 35,7% lực lượng lao động", "35,7%", "percent", 35.7,
     {"measure": "coverage", "scheme": "bhxh"}),
    ("vượt 6,23% so với chỉ tiêu Chính phủ giao", "6,23%", "percent", 6.23, {"measure": "exceed"}),
    ("vượt 0,7% kế hoạch HĐND tỉnh giao", "0,7%", "percent", 0.7, {"measure": "exceed"}),
    ("tăng 5% so với cùng kỳ năm trước", "5%", "percent", 5.0, {"measure": "growth"}),
    ("số người tham gia BHTN tăng 7,2% so với năm 2022", "7,2%", "percent", 7.2, {"measure": "growth", "scheme": "bhtn"}),
    ("chi KCB BHYT giảm 3% so với cùng kỳ", "3%", "percent", 3.0, {"measure": "growth", "scheme": "bhyt"}),
    ("bằng 108,5% so với cùng kỳ", "108,5%", "percent", 108.5, {"measure": "growth"}),
    ("tăng 24.738 người (10,9%) so với tháng 12/2020", "10,9%", "percent", 10.9, {"measure": "growth"}),
    ("phấn đấu hoàn thành 50% chỉ tiêu kế hoạch năm 2020", "50%", "percent", 50.0, {"measure": "target"}),
    ("mục tiêu đến năm 2025 tỷ lệ bao phủ BHYT đạt trên 95%", "95%", "percent", 95.0,
     {"measure": "target", "scheme": "bhyt", "comparator": "gt"}),
    ("phấn đấu tỷ lệ bao phủ BHXH đạt trên 40% lực lượng lao động", "40%", "percent", 40.0,
     {"measure": "target", "comparator": "gt", "scheme": "bhxh"}),
    ("phấn đấu chỉ số hài lòng của người tham gia BHXH đạt mức trên 80%", "80%", "percent", 80.0,
     {"measure": "target", "comparator": "gt", "scheme": "bhxh"}),
    ("Năm 2022 đề ra chỉ tiêu: tỷ lệ bao phủ BHXH đạt 40,29% lực lượng lao động", "40,29%", "percent", 40.29,
     {"measure": "target"}),
    ("hỗ trợ 30% mức đóng BHYT cho học sinh", "30%", "percent", 30.0, {"measure": "other", "scheme": "bhyt_hssv"}),
    ("Nhà nước hỗ trợ 50% mức đóng khi tham gia BHXH tự nguyện", "50%", "percent", 50.0,
     {"measure": "other", "scheme": "bhxh_tu_nguyen"}),
    ("giảm mức đóng 1% quỹ BHTN", "1%", "percent", 1.0, {"measure": "other"}),
    ("sử dụng 101,7% dự toán được giao", "101,7%", "percent", 101.7, {"measure": "other"}),
    ("đạt 100% số hộ thuộc diện rà soát", "100%", "percent", 100.0, {"measure": "other"}),
    ("hồ sơ trả qua Bưu điện chiếm 82,79%", "82,79%", "percent", 82.79, {"measure": "other"}),
    ("chi phí thấp hơn 15% mức lương cơ sở", "15%", "percent", 15.0, {"measure": "other", "comparator": "lt"}),
    ("người tham gia BHXH tự nguyện chiếm khoảng 0,9% so với lực lượng lao động", "0,9%", "percent", 0.9,
     {"measure": "coverage", "comparator": "approx"}),
    ("giảm giá vượt mức 50%", "50%", "percent", 50.0, {"comparator": "gt"}),
    ("tỷ lệ nợ chỉ còn dưới 2%", "2%", "percent", 2.0, {"comparator": "lt"}),
    ("ít nhất 70% cán bộ", "70%", "percent", 70.0, {"comparator": "ge"}),
    ("giá vé tăng khoảng 10- 15% so với mức giá cũ", "10- 15%", "percent", 10.0,
     {"measure": "growth", "comparator": "approx", "value_max": 15.0}),
    # money
    ("tổng số tiền ủng hộ là 32 triệu đồng", "32 triệu đồng", "money", 32000000, {"currency": "VND"}),
    ("là 12,76 triệu đồng", "12,76 triệu đồng", "money", 12760000, {}),
    ("hơn 1,2 tỉ đồng", "1,2 tỉ đồng", "money", 1200000000, {}),
    ("mức 500.000 đồng", "500.000 đồng", "money", 500000, {}),
    ("5 tỷ VNĐ", "5 tỷ VNĐ", "money", 5000000000, {}),
    ("11,5 triệu USD", "11,5 triệu USD", "money", 11500000, {"currency": "USD"}),
    ("là 2.953 tỷ đồng", "2.953 tỷ đồng", "money", 2953000000000, {}),
    ("là 5.320 tỷ 785 triệu đồng", "5.320 tỷ 785 triệu đồng", "money", 5320785000000, {}),
    ("12.407 tỷ 318 triệu đồng", "12.407 tỷ 318 triệu đồng", "money", 12407318000000, {}),
    ("số tiền nợ từ 300 triệu trở lên", "300 triệu", "money", 300000000, {}),
    ("mỗi suất gồm 1 triệu tiền mặt", "1 triệu", "money", 1000000, {}),
    ("thiệt hại hàng trăm triệu đồng", "trăm triệu đồng", "money", 100000000, {"comparator": "approx"}),
    ("với tổng kinh phí gần 70 tỷ đồng", "70 tỷ đồng", "money", 70000000000, {}),
    ("tương đương 270.000 đồng", "270.000 đồng", "money", 270000, {}),
    ("phạt tiền từ 40 - 200 triệu đồng", "40 - 200 triệu đồng", "money", 40000000, {"value_max": 200000000}),
    ("giá dịch vụ 150.000-250.000 đồng", "150.000-250.000 đồng", "money", 150000, {"value_max": 250000}),
    ("tổng thu 4.512 tỷ, đạt", "4.512 tỷ", "money", 4512000000000, {}),
    ("trị giá gần 6,3 tỷ đồng", "6,3 tỷ đồng", "money", 6300000000, {}),
    ("khoảng 15 nghìn đồng", "15 nghìn đồng", "money", 15000, {}),
    ("500 ngàn đồng", "500 ngàn đồng", "money", 500000, {}),
    ("8,5 triệu đồng", "8,5 triệu đồng", "money", 8500000, {}),
    ("1.954.000 đồng", "1.954.000 đồng", "money", 1954000, {}),
    # schema 1.1: money in words, foreign currencies with their decimals, signs
    ("hỗ trợ hai trăm triệu đồng", "hai trăm triệu đồng", "money", 200000000, {"currency": "VND"}),
    ("giá vé bảy ngàn đồng", "bảy ngàn đồng", "money", 7000, {}),
    ("mua dưới bảy ngàn đồng", "bảy ngàn đồng", "money", 7000, {"comparator": "lt"}),
    ("chỉ mười đô la", "mười đô la", "money", 10, {"currency": "USD"}),
    ("giá 1,42 đô la", "1,42 đô la", "money", 1.42, {"currency": "USD"}),
    ("vé $10 một người", "$10", "money", 10, {"currency": "USD"}),
    ("vé 10$ một người", "10$", "money", 10, {"currency": "USD"}),
    ("phí 20€ mỗi lượt", "20€", "money", 20, {"currency": "EUR"}),
    ("phí EUR 20 mỗi lượt", "EUR 20", "money", 20, {"currency": "EUR"}),
    ("viện trợ 5 triệu đô la Mỹ", "5 triệu đô la Mỹ", "money", 5000000, {"currency": "USD"}),
    ("gói vay 1,5 tỷ yên", "1,5 tỷ yên", "money", 1500000000, {"currency": "JPY"}),
    ("phạt từ 5 triệu đến 10 triệu đồng", "10 triệu đồng", "money", 10000000, {}),
    ("thu 2,5 nghìn tỷ đồng", "2,5 nghìn tỷ đồng", "money", 2500000000000, {}),
]
NON_EXAMPLES: list[tuple[str, str]] = [
    ("trong 2 ngày ra quân", "a duration"),
    ("kỷ niệm 30 năm thành lập", "an anniversary"),
    ("người đủ 60 tuổi", "an age"),
    ("theo cú pháp: CV n gửi 1407 và lan tỏa", "a short code"),
    ("Huy hiệu 40 năm tuổi Đảng", "party seniority"),
    ("bão số 3 gây thiệt hại", "a storm number"),
    ("mức độ 4 trên cổng dịch vụ công", "a level"),
    ("thu giữ 7 kg ma túy đá", "a measure with a unit"),
    ("mã hồ sơ 4128a2cb_499e_4725 đã nộp", "letters glued to an identifier's digits"),
    ("liên kết {966097ee-3c0e-45f5} cũ", "a hex code"),
    ("100,75 tấn đường", "a measure with a unit"),
    ("tổ chức một đội tuyên truyền", "`một` is never a count"),
    ("Năm 2020 có nhiều đội", "`năm` is a year here, not five"),
    ("năm đội tuyên truyền", "`năm` before a noun: the year's (too ambiguous alone)"),
    ("mỗi tháng một lần", "a frequency"),
    ("dịch Covid -19 diễn biến", "a disease name"),
    ("tăng hơn 10 lần", "a multiple"),
    ("không quá 0,15 lần mức lương cơ sở", "a multiple of the base salary"),
    ("45 tháng lương cơ sở", "months of salary"),
    ("Điều 216 của Bộ luật Hình sự", "a law article"),
    ("kỳ họp thứ năm", "an ordinal"),
    ("lần thứ 2", "an ordinal"),
    ("Quốc lộ 8A", "a road"),
    ("trích 1 ngày lương", "a day's salary"),
    ("tuần tra 24/24 giờ", "opening hours"),
    ("trường đạt chuẩn cấp 2", "a level"),
    # blocking rules (`clock time`, `measure with a unit`, `fixed idiom`)
    ("làm việc từ 7h đến 15h hằng ngày", "clock times"),
    ("kết thúc lúc 15h30 cùng ngày", "a clock time"),
    ("mở cửa lúc 7 giờ 30", "a clock time in words"),
    ("thu giữ 693gam ma túy", "a weight glued to its unit"),
    ("thu giữ 88 gam heroin", "a weight"),
    ("trồng 20 ha rừng", "an area"),
    ("vận chuyển 1.240kg hàng hóa", "a weight glued to its unit"),
    ("trực 3 ca 4 kíp trong dịp Tết", "a fixed idiom"),
    ("bộ phận 1 cửa tiếp nhận hồ sơ", "the one-stop desk"),
    ("tổng đài hỗ trợ 24/7", "round the clock"),
]
