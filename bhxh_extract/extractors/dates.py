"""Dates (guide 3.1): rules, range joining, examples (the values and their
year resolution are in `date_values`).

Extraction and resolution are separate steps: a rule returns the written
parts of a date (`DateParts`), and `resolve()` turns them into the ISO value
given an explicit reference date (the article's, never today's).

Vietnamese facts:
- Day before month everywhere: `15/5/2020`, `21-3-2019`, `09.03.2018`,
  `23 tháng 5 năm 2018` ("day 23 month 5 year 2018").
- `tháng 9` alone is a month of the current year; `quý I/2021` a quarter;
  `8h00`, `8 giờ 30` ("8 hours 30") and `09:29` are clock times; `SA`/`CH`
  are the Vietnamese AM/PM.
- `6 tháng đầu năm 2020` ("the first 6 months of 2020") is a duration: only
  `năm 2020` is a date; `30 năm` is thirty years (an anniversary).
- `24/7` and `24/24 giờ` are opening hours, not dates; `9/9 huyện`,
  `1/2 ngày lương` are fractions.
- The twelve earthly branches (`Tý`, `Sửu` ... `Hợi`) name lunar years; a
  year written after one (`Tân Sửu 2021`) is a calendar year.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .date_values import DateExpr, DateParts, valid as _valid
from .rules import Candidate, Occupancy, Rule, Scan, compile_pattern, resolve as resolve_overlaps, run_rules
from ..text.vietnamese import AMBIGUOUS_MONTH_WORDS, MONTH_WORD, month_number, quarter_number

# --- pattern pieces -----------------------------------------------------------
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19\d\d|20\d\d)"
QUARTER = r"(?:IV|III|II|I|[1-4])"
# Not glued to a preceding number, letter or separator (`08/2021/TT`, `2043/`).
START = r"(?=\d)(?<![\p{L}\p{N}/.,\-])"
# Not continued by a digit, another separator+digit, a percent or a letter.
STOP = r"(?![\p{N}]|[/.\-]\p{N}|\s*%|\p{L})"
CLOCK = (r"(?:(?P<hh>[01]?\d|2[0-3])(?:\s?(?:h|giờ)\s?(?P<mm>[0-5]\d)?(?:'|\s?phút)?"
         r"|:(?P<mm2>[0-5]\d)(?::[0-5]\d)?)(?:\s?(?P<ampm>AM|PM|SA|CH|am|pm))?)")
# The part of the day after a clock time: `7:30 chiều` is 19:30 (guide 3.1).
DAY_PART = r"(?P<part>sáng|trưa|chiều|tối|đêm)"
EARTHLY_BRANCH = r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)"
# Words after which a yearless `d/m` is a date: the day words, parts of the
# day and prepositions of time.
PARTIAL_DATE_CUES = (r"(?:[Nn]gày|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm|nay|hôm|[Tt]ừ|"
                     r"đến|[Đđ]ến hết|tới|[Vv]ào|[Tt]rước|[Ss]au|dịp|[Hh]ết)")
# What may follow a yearless `d/m` written without such a cue.
PARTIAL_DATE_FOLLOWERS = r"(?=\s*(?:[,.;:)\]]|$|\n|vừa qua|tới|này|năm nay|hằng năm|hàng năm))"
# Opening hours written like dates.
OPENING_HOURS = {("24", "7"), ("24", "24"), ("07", "7")}


def _clock(match: regex.Match) -> tuple[int | None, int | None]:
    if match.groupdict().get("hh") is None:
        return None, None
    hour = int(match.group("hh"))
    minute = int(match.group("mm") or match.group("mm2") or 0)
    ampm = (match.group("ampm") or "").upper()
    if ampm in ("PM", "CH") and hour < 12:
        hour += 12
    elif ampm in ("AM", "SA") and hour == 12:
        hour = 0
    return _day_part(hour, (match.groupdict().get("part") or "").lower()), minute


def _day_part(hour: int, part: str) -> int:
    """`chiều`/`tối` (afternoon, evening) make a clock time p.m.; `trưa`
    (noon) at 1–5 and `đêm` (night) at 6–10 too; `sáng`, `trưa` at 11–12,
    `đêm` at 11–12 stay as written (guide 3.1)."""
    if part in ("chiều", "tối") and 1 <= hour < 12:
        return hour + 12
    if part == "trưa" and 1 <= hour <= 5:
        return hour + 12
    if part == "đêm" and 6 <= hour <= 10:
        return hour + 12
    return hour


def _int(match: regex.Match, name: str) -> int | None:
    value = match.groupdict().get(name)
    return int(value) if value else None


def _candidate(match: regex.Match, rule: str, expr: DateExpr, group: str = "date") -> Candidate | None:
    parts = [expr.first] + ([expr.last] if expr.last else [])
    if not all(_valid(p) for p in parts):
        return None
    start, end = match.span(group)
    return Candidate("date", start, end, {}, rule, parsed=expr)


# --- builders -------------------------------------------------------------------
def _full_date(rule: str):
    def build(m: regex.Match, scan: Scan):
        hour, minute = _clock(m)
        return _candidate(m, rule, DateExpr(DateParts(_int(m, "y"), _int(m, "m"), _int(m, "d"),
                                                      hour=hour, minute=minute)))
    return build


def _partial_slash(m: regex.Match, scan: Scan):
    day, month = m.group("d"), m.group("m")
    cue = (m.group("cue") or "").lower()
    if not cue.startswith("ngày") and (day, month) in OPENING_HOURS:
        return None  # `24/7` service
    if not cue and day.lstrip("0") == month.lstrip("0"):
        return None  # `9/9 huyện` (a whole: nine of nine)
    if not m.group("cue") and m.group("follow_ok") is None:
        return None
    hour, minute = _clock(m)
    return _candidate(m, "ngày dd/mm", DateExpr(DateParts(None, int(month), int(day),
                                                          hour=hour, minute=minute)))


def _written(rule: str):
    def build(m: regex.Match, scan: Scan):
        return _candidate(m, rule, DateExpr(DateParts(_int(m, "y"), _month(m), _int(m, "d"))))
    return build


def _month(m: regex.Match) -> int | None:
    written = m.groupdict().get("m") or m.groupdict().get("mw")
    return month_number(written) if written else None


def _month_word(m: regex.Match, scan: Scan):
    """`tháng ba`, `tháng mười năm 2017`: an ambiguous word (`tháng năm`,
    `tháng một`) only with a year."""
    if m.group("y") is None and " ".join(m.group("mw").lower().split()) in AMBIGUOUS_MONTH_WORDS:
        return None
    return _candidate(m, "tháng <word> (năm yyyy)", DateExpr(DateParts(_int(m, "y"), _month(m))))


def _short_year(m: regex.Match, scan: Scan):
    """`3/9/91`, `27/05/13 17:06`: a two-digit year, its century chosen in
    resolve(); here the pivot reading (00–49 → 20yy, 50–99 → 19yy)."""
    yy = int(m.group("yy"))
    hour, minute = _clock(m)
    parts = DateParts(2000 + yy if yy <= 49 else 1900 + yy, int(m.group("m")), int(m.group("d")),
                      hour=hour, minute=minute, short_year=True)
    return _candidate(m, "dd/mm/yy", DateExpr(parts))


def _quarter(m: regex.Match, scan: Scan):
    return _candidate(m, "quý q năm yyyy", DateExpr(DateParts(_int(m, "y"), quarter=quarter_number(m.group("q")))))


def _day_range(m: regex.Match, scan: Scan):
    year, month = _int(m, "y"), int(m.group("m"))
    first, last = DateParts(year, month, int(m.group("d1"))), DateParts(year, month, int(m.group("d2")))
    if first.day >= last.day:
        return None
    return _candidate(m, "ngày d-d/mm", DateExpr(first, last))


def _month_range(m: regex.Match, scan: Scan):
    first = DateParts(_int(m, "y1") or _int(m, "y"), int(m.group("m1")))
    last = DateParts(_int(m, "y"), int(m.group("m2")))
    if (first.year, first.month) >= (last.year, last.month) and first.year == last.year:
        return None
    return _candidate(m, "tháng m-m/yyyy", DateExpr(first, last))


def _year_range(m: regex.Match, scan: Scan):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not 0 < y2 - y1 <= 50:
        return None
    return _candidate(m, "yyyy-yyyy", DateExpr(DateParts(y1), DateParts(y2)))


def _clock_then_date(m: regex.Match, scan: Scan):
    hour, minute = _clock(m)
    parts = DateParts(_int(m, "y"), int(m.group("m")), int(m.group("d")), hour=hour, minute=minute)
    return _candidate(m, "hh:mm ngày dd/mm/yyyy", DateExpr(parts))


# --- the rules -------------------------------------------------------------------
def _r(name: str, pattern: str, build, priority: int = 0, flags: int = 0) -> Rule:
    return Rule(name, compile_pattern(pattern, flags), build, priority)


_SEP_DATE = rf"(?P<d>{DAY})(?P<sep>[/.\-])(?P<m>{MONTH})(?P=sep)(?P<y>{YEAR})"
_TIME_AFTER = rf"(?:(?:\s+|\s*\|\s*|\s*-\s*|,\s*)(?:lúc\s+)?{CLOCK}(?:\s+{DAY_PART})?)?"
# `15:40 - 12/09/2019` (a dateline): a dash after a clock time joins it to a
# full date only; before a yearless one it may be a range of hours.
_DASH_BEFORE_FULL_DATE = rf"\s*[-–]\s*(?={DAY}[/.\-]{MONTH}[/.\-]{YEAR})"
_MONTH_NUMBER_OR_WORD = rf"(?:(?P<m>{MONTH})|(?P<mw>{MONTH_WORD}))"
_MONG = r"(?:(?i:mồng|mùng)\s+)"   # `mồng 3`: the day of the month written with its prefix (days 1–10)
# A lunar date is not read (its solar day is unknown): `rằm tháng 7`, `15/7 âm lịch`, `mùng 1 tháng Giêng`.
_NOT_LUNAR = r"(?<![Rr]ằm\s{1,3})(?!(?:\S+\s+){0,3}?\(?\s*(?i:âm\s+lịch|ÂL)(?![\p{L}]))"
# A dateline's start: the line's start or an opening bracket, or right
# after a weekday (`Thứ hai, `, `T5 `, `Chủ nhật,`), wherever it is on the
# line (a portal's folder label may precede it: `Tin nổi bật thứ hai, 05 08 2019`).
WEEKDAY = r"(?:[Tt]hứ\s+(?:[2-7]|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật|CN|T[2-7])"
_LINE_START = rf"(?<=(?:^|\n)[ \t]*\(?|(?<![\p{{L}}]){WEEKDAY}\s*,?\s*)"

RULES: tuple[Rule, ...] = (
    # 15/5/2020, 21-3-2019, 09.03.2018 (+ a clock time after: datelines)
    _r("dd/mm/yyyy", rf"{START}(?P<date>{_SEP_DATE}{_TIME_AFTER}){STOP}",
       _full_date("dd/mm/yyyy"), priority=3),
    # 09:29, 27/03/2019 · 8h00 ngày 23/5/2020 · 7:30 chiều ngày 20/4/2017 · 14 giờ ngày 5/9
    _r("hh:mm ngày dd/mm/yyyy",
       rf"{START}(?P<date>{CLOCK}(?:\s*[,|]\s*|\s+|{_DASH_BEFORE_FULL_DATE})(?:{DAY_PART}\s+)?(?:(?:ngày|hôm)\s+)?{_MONG}?"
       rf"(?P<d>{DAY})(?P<sep>[/.\-])(?P<m>{MONTH})(?:(?P=sep)(?P<y>{YEAR}))?){STOP}",
       _clock_then_date, priority=4),
    # 27/05/13 17:06 (a portal's dateline) · ngày 3/9/91 · từ 15/5/20
    _r("dd/mm/yy",
       rf"{START}(?:{_LINE_START}|(?<=(?:{PARTIAL_DATE_CUES})\s{{1,3}}))(?P<date>(?P<d>{DAY})(?P<sep>[/.\-])(?P<m>{MONTH})"
       rf"(?P=sep)(?P<yy>\d\d){_TIME_AFTER})(?![\p{{N}}]|[/.\-]\p{{N}}|\s*%|\p{{L}})",
       _short_year, priority=2),
    # thứ năm, 12 09 2019 15:40 (a portal's dateline, spaces for separators: guide 5)
    _r("dd mm yyyy (dateline)",
       rf"{START}{_LINE_START}(?P<date>(?P<d>{DAY}) (?P<m>{MONTH}) (?P<y>{YEAR}){_TIME_AFTER}){STOP}",
       _full_date("dd mm yyyy (dateline)"), priority=3),
    # 11/7 · Sáng nay 7/2 · ngày 17.3 · ngày 20-4 (no year: resolved later)
    _r("ngày dd/mm",
       rf"{START}{_NOT_LUNAR}(?:(?<=(?P<cue>{PARTIAL_DATE_CUES})\s{{1,3}}))?(?P<date>(?P<d>{DAY})(?P<sep>/)(?P<m>{MONTH})"
       rf"{_TIME_AFTER}){STOP}(?P<follow_ok>{PARTIAL_DATE_FOLLOWERS})?",
       _partial_slash, priority=1),
    _r("ngày dd.mm",
       rf"(?=\d)(?<=(?P<cue>[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s{{1,3}})(?P<date>(?P<d>{DAY})[.\-](?P<m>{MONTH})){STOP}",
       _written("ngày dd.mm"), priority=1),
    # 23 tháng 5 năm 2018 · mồng 3 tháng ba năm 2020 · ngày 4 tháng 10 · mùng 2 tháng 9
    _r("d tháng m năm yyyy",
       rf"(?:(?=\d)(?<![\p{{L}}\p{{N}}/.,\-])|(?=[Mm]))(?P<date>{_MONG}?(?P<d>{DAY})\s+tháng\s+{_MONTH_NUMBER_OR_WORD}\s+năm\s+(?P<y>{YEAR})){STOP}",
       _written("d tháng m năm yyyy"), priority=3, flags=regex.IGNORECASE),
    _r("ngày d tháng m",
       rf"(?:(?<=(?i:ngày)\s+)(?=\d)|(?=(?i:mồng|mùng))){_NOT_LUNAR}(?P<date>{_MONG}?(?P<d>{DAY})\s+tháng\s+{_MONTH_NUMBER_OR_WORD})"
       rf"(?![\p{{N}}]|\p{{L}})",
       _written("ngày d tháng m"), priority=2),
    # mồng 3/3 · mùng 2/9/2025
    _r("mồng d/m",
       rf"(?P<date>{_MONG}(?P<d>{DAY})/(?P<m>{MONTH})(?:/(?P<y>{YEAR}))?){STOP}",
       _written("mồng d/m"), priority=2),
    # tháng ba · tháng tư năm 2018 · tháng mười hai (a month as a word)
    _r("tháng <word> (năm yyyy)",
       rf"(?P<date>(?i:tháng)\s+(?P<mw>{MONTH_WORD})(?:(?:\s*[/.\-]\s*|\s+năm\s+)(?P<y>{YEAR}))?)(?![\p{{L}}\p{{N}}])"
       rf"(?=\s*(?:[,.;:)\]]|$|\n|vừa qua|tới|này|năm nay|hằng năm|hàng năm|đến|và|của|trong|cùng))",
       _month_word, priority=1),
    # tháng 5/2020 · tháng 10 năm 2020 · tháng 3-2025 · tháng 9
    _r("tháng m/yyyy",
       rf"(?<!\d\s)(?P<date>(?i:tháng)\s+(?P<m>{MONTH})(?:\s*[/.\-]\s*|\s+năm\s+)(?P<y>{YEAR})){STOP}",
       _written("tháng m/yyyy"), priority=2),
    _r("tháng m",
       rf"(?=(?i:tháng)\s)(?<!\d\s){_NOT_LUNAR}(?P<date>(?i:tháng)\s+(?P<m>{MONTH}))(?![\p{{N}}]|\s*[/.\-]\s*\p{{N}}|\s+năm\s+\p{{N}}|\s*%|\p{{L}})",
       _written("tháng m"), priority=1),
    # tháng 5-6/2020 · tháng 07/2021-06/2022 · tháng 8/2020-5/2021
    _r("tháng m-m/yyyy",
       rf"(?P<date>(?i:tháng)\s+(?P<m1>{MONTH})(?:/(?P<y1>{YEAR}))?\s*[-–]\s*(?P<m2>{MONTH})/(?P<y>{YEAR})){STOP}",
       _month_range, priority=4),
    # năm 2024
    _r("năm yyyy", rf"(?P<date>(?i:năm)\s+(?P<y>{YEAR})){STOP}", _written("năm yyyy"), priority=1),
    # Tân Sửu 2021 (a lunar year name, then the calendar year)
    _r("can chi yyyy", rf"(?<={EARTHLY_BRANCH}\s+)(?P<date>(?P<y>{YEAR})){STOP}", _written("can chi yyyy")),
    # A year written without `năm` (guide 3.1: a calendar expression with a
    # written number): after a preposition of time (`trong 2021`, `từ 2019
    # đến nay`, `cuối 2022`, `so với 2019`), or opening a line or a colon phrase as its topic
    # (`2021 - một năm nhìn lại`, `BHXH tỉnh X: 2023, năm bứt phá`). It must
    # end a phrase (punctuation, a range joiner): `2020 người` is a count.
    _r("yyyy (bare year)",
       rf"(?:(?<=(?:^|[:\n])[ \t]*)|(?<=(?<![\p{{L}}])(?:[Tt]rong|[Tt]ừ|đến|tới|[Ss]au|[Tt]rước|[Cc]uối|[Đđ]ầu|"
       rf"[Gg]iữa|[Hh]ết|[Ss]uốt|[Vv]ào|[Cc]ả|so\s+với)\s+))(?P<date>(?P<y>{YEAR}))(?![\p{{N}}/.,\-]\p{{N}})"
       rf"(?=\s*(?:[-–:,;.)]|$)|\s+(?:đến|tới|và)\s)",
       _written("yyyy (bare year)")),
    # quý I/2021 · quý 2 năm 2022 · quý III
    _r("quý q năm yyyy",
       rf"(?P<date>(?i:quý)\s+(?P<q>{QUARTER})(?:\s*/\s*|\s+(?:của\s+)?năm\s+)?(?P<y>{YEAR})?)(?![\p{{L}}\p{{N}}])",
       _quarter, priority=2),
    # 11-12/7 · 11-12/7/2020
    _r("ngày d-d/mm",
       rf"{START}(?P<date>(?P<d1>{DAY})\s*[-–]\s*(?P<d2>{DAY})/(?P<m>{MONTH})(?:/(?P<y>{YEAR}))?){STOP}",
       _day_range, priority=4),
    # từ 10 đến 12/7/2023 · từ ngày 10 đến ngày 12/7 · ngày 20 tới hết ngày 25/3:
    # a bare day opening a range takes the month (and year) of its end (the
    # dash form is `ngày d-d/mm` above); after `từ` or `ngày` only, as a bare
    # number is otherwise no date
    _r("từ ngày d đến d/mm",
       rf"(?<=(?<![\p{{L}}])(?:[Tt]ừ|[Nn]gày)(?:\s+ngày)?\s+)(?P<date>(?P<d1>{DAY})"
       rf"\s+(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?\s+(?P<d2>{DAY})/(?P<m>{MONTH})(?:/(?P<y>{YEAR}))?){STOP}",
       _day_range, priority=4),
    # 2016-2020 · 2021- 2023 · 2020 – 2025
    _r("yyyy-yyyy", rf"{START}(?P<date>(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>{YEAR})){STOP}", _year_range, priority=3),
)

# Two dates joined by one of these form ONE range mention (guide 3.1, 5).
RANGE_JOINER = regex.compile(r"\s*[-–]\s*|\s+(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?\s+", regex.VERSION1)


def join_ranges(cands: list[Candidate], text: str) -> list[Candidate]:
    """Merge `A - B`, `A đến (hết) (ngày) B` into one range candidate."""
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if prev is not None and _joinable(prev, cand, text):
            first, last = prev.parsed.first, cand.parsed.first
            if first.year is None and last.year is not None and first.month is not None:
                first = replace(first, year=last.year)   # `1/7 đến 31/12/2023`
            out[-1] = Candidate("date", prev.start, cand.end, {}, f"{prev.rule} + range + {cand.rule}",
                                parsed=DateExpr(first, last, year_from_range_end=True))
            continue
        out.append(cand)
    return out


def _joinable(a: Candidate, b: Candidate, text: str) -> bool:
    ea, eb = a.parsed, b.parsed
    if ea.last is not None or eb.last is not None:
        return False
    if not RANGE_JOINER.fullmatch(text, a.end, b.start):
        return False
    if (ea.first.day is None) != (eb.first.day is None):
        return False   # `năm 2019 đến ngày 5/7` is no range of like things
    return _order(ea.first, eb.first)


def _order(first: DateParts, last: DateParts) -> bool:
    if first.year is not None and last.year is not None:
        return (first.year, first.month or 0, first.day or 0) < (last.year, last.month or 0, last.day or 0)
    return True


def extract_candidates(text: str, regions, taken: Occupancy) -> list[Candidate]:
    """Date candidates in the regions, overlaps resolved, ranges joined; their
    spans are claimed in `taken` (values are resolved later, once the
    article's reference date is known)."""
    accepted = resolve_overlaps(run_rules(RULES, Scan(text), regions), taken.copy())
    joined = join_ranges(accepted, text)
    for cand in joined:
        taken.claim(cand.start, cand.end)
    return joined


# --- examples (surface → value under a reference date) ----------------------------------
# Each entry: (text, expected span text, expected value, year_inferred, reference)
REF = "2020-04-08"
EXAMPLES: list[tuple[str, str, str | None, bool, str | None]] = [
    ("ngày 15/5/2020", "15/5/2020", "2020-05-15", False, REF),
    ("ngày 21-3-2019", "21-3-2019", "2019-03-21", False, REF),
    ("09.03.2018", "09.03.2018", "2018-03-09", False, REF),
    ("từ 1.1.2018", "1.1.2018", "2018-01-01", False, REF),
    ("ngày 4.10.2016 của BCH", "4.10.2016", "2016-10-04", False, REF),
    ("Tính đến hết ngày 31.12.2021, số người", "31.12.2021", "2021-12-31", False, REF),
    ("ngày 23 tháng 5 năm 2018", "23 tháng 5 năm 2018", "2018-05-23", False, REF),
    ("ngày 4 tháng 10 vừa qua", "4 tháng 10", "2019-10-04", True, "2020-01-15"),
    ("trong tháng 5/2020", "tháng 5/2020", "2020-05", False, REF),
    ("vào tháng 10/2017 cùng", "tháng 10/2017", "2017-10", False, REF),
    ("tháng 10 năm 2020", "tháng 10 năm 2020", "2020-10", False, REF),
    ("Đầu tháng 3-2025, Phòng", "tháng 3-2025", "2025-03", False, REF),
    ("Tính đến hết tháng 9, tỷ lệ", "tháng 9", "2019-09", True, "2019-10-20"),
    ("so với tháng 12/2020", "tháng 12/2020", "2020-12", False, REF),
    ("năm 2024", "năm 2024", "2024", False, REF),
    ("Năm 2022, Hưng Yên", "Năm 2022", "2022", False, REF),
    ("đến hết năm 2024", "năm 2024", "2024", False, REF),
    ("6 tháng đầu năm 2020", "năm 2020", "2020", False, REF),
    ("9 tháng năm 2023", "năm 2023", "2023", False, REF),
    ("trong 3 quý đầu năm 2019", "năm 2019", "2019", False, REF),
    ("quý I/2021", "quý I/2021", "2021-Q1", False, REF),
    ("quý 2 năm 2022", "quý 2 năm 2022", "2022-Q2", False, REF),
    ("Hết quý III năm 2019, số người", "quý III năm 2019", "2019-Q3", False, REF),
    ("ngày ra quân 11/7, BHXH", "11/7", "2020-07-11", True, REF),
    ("ngày 11/7 vừa qua", "11/7", "2020-07-11", True, "2020"),
    ("Sáng nay 7/2, Bảo hiểm", "7/2", "2024-02-07", True, "2024"),
    ("Ngày 17.3, Ban Chỉ đạo", "17.3", "2022-03-17", True, "2022-03-18"),
    ("ngày 20-4, Cục Quản lý", "20-4", "2025-04-20", True, "2025-05-06"),
    ("ngày 28/12 vừa qua", "28/12", "2020-12-28", True, "2021-01-05"),
    ("Ngày 5/1 tới", "5/1", "2021-01-05", True, "2020-12-28"),
    ("Ngày 21/1, tại Hội nghị", "21/1", None, True, None),
    ("8h00 ngày 23/5/2020", "8h00 ngày 23/5/2020", "2020-05-23T08:00", False, REF),
    ("8h30 ngày 23/5/2020", "8h30 ngày 23/5/2020", "2020-05-23T08:30", False, REF),
    ("8 giờ 30 ngày 23/5/2020", "8 giờ 30 ngày 23/5/2020", "2020-05-23T08:30", False, REF),
    ("lúc 14h ngày 2/9/2021", "14h ngày 2/9/2021", "2021-09-02T14:00", False, REF),
    ("08/04/2020 05:47 PM", "08/04/2020 05:47 PM", "2020-04-08T17:47", False, REF),
    ("21/05/2020 04:01 PM", "21/05/2020 04:01 PM", "2020-05-21T16:01", False, REF),
    ("15/02/2022 02:41 AM", "15/02/2022 02:41 AM", "2022-02-15T02:41", False, REF),
    ("09:29, 27/03/2019", "09:29, 27/03/2019", "2019-03-27T09:29", False, REF),
    ("Thứ 6, 08/12/2017 | 17:50:57 [GMT +7]", "08/12/2017 | 17:50:57", "2017-12-08T17:50", False, REF),
    ("21/06/2019", "21/06/2019", "2019-06-21", False, REF),
    ("Thứ Sáu, 20/05/2022 - 15:40", "20/05/2022 - 15:40", "2022-05-20T15:40", False, REF),
    ("14:30 | 05/09/2017", "14:30 | 05/09/2017", "2017-09-05T14:30", False, REF),
    ("Cập nhật lúc 10:12 ngày 26/11/2019", "10:12 ngày 26/11/2019", "2019-11-26T10:12", False, REF),
    ("Thứ Sáu, 14/3/2025, 07:45 (GMT+7)", "14/3/2025, 07:45", "2025-03-14T07:45", False, REF),
    ("trong 2 ngày ra quân (11-12/7)", "11-12/7", "2020-07-11/2020-07-12", True, REF),
    ("ngày 11-12/7/2021", "11-12/7/2021", "2021-07-11/2021-07-12", False, REF),
    ("Qua 3 ngày ra quân (từ 10 đến 12/7/2023), các tổ", "10 đến 12/7/2023", "2023-07-10/2023-07-12", False, REF),
    ("diễn ra từ ngày 5 đến ngày 9/10 tại xã", "5 đến ngày 9/10", "2020-10-05/2020-10-09", True, REF),
    ("Kiểm tra từ ngày 20 tới hết ngày 25/3/2024", "20 tới hết ngày 25/3/2024", "2024-03-20/2024-03-25", False, REF),
    ("(16/2/1995 - 16/2/2025)", "16/2/1995 - 16/2/2025", "1995-02-16/2025-02-16", False, REF),
    ("từ 01/8/2022 đến hết ngày 31/12/2025", "01/8/2022 đến hết ngày 31/12/2025", "2022-08-01/2025-12-31", False, REF),
    ("từ ngày 01/7/2023 đến ngày 31/12/2023.", "01/7/2023 đến ngày 31/12/2023", "2023-07-01/2023-12-31", False, REF),
    ("từ 1/1 đến hết ngày 31/12", "1/1 đến hết ngày 31/12", "2021-01-01/2021-12-31", True, "2021-12-20"),
    ("giai đoạn 2016-2020", "2016-2020", "2016/2020", False, REF),
    ("giai đoạn 2021- 2023", "2021- 2023", "2021/2023", False, REF),
    ("nhiệm kỳ 2015 - 2020", "2015 - 2020", "2015/2020", False, REF),
    ("giai đoạn 2020 – 2025", "2020 – 2025", "2020/2025", False, REF),
    ("trong tháng 5-6/2020", "tháng 5-6/2020", "2020-05/2020-06", False, REF),
    ("từ tháng 07/2021-06/2022 là", "tháng 07/2021-06/2022", "2021-07/2022-06", False, REF),
    ("tháng 8/2020-5/2021", "tháng 8/2020-5/2021", "2020-08/2021-05", False, REF),
    ("Tết Tân Sửu 2021", "2021", "2021", False, REF),
    ("từ năm 2018 đến năm 2020", "năm 2018 đến năm 2020", "2018/2020", False, REF),
    ("Ngày 01/6/2017, Hưng Yên", "01/6/2017", "2017-06-01", False, REF),
    ("ngày 29/2/2020", "29/2/2020", "2020-02-29", False, REF),
    ("tháng 1 năm 2018", "tháng 1 năm 2018", "2018-01", False, REF),
    ("ngày 2/9 hằng năm", "2/9", "2020-09-02", True, REF),
    ("ngày toàn dân phòng, chống ma túy 26/6, đơn vị", "26/6", "2020-06-26", True, REF),
    ("BHXH tỉnh Hưng Yên: 2021- một chặng đường", "2021", "2021", False, REF),
    ("2023 - một năm nhìn lại", "2023", "2023", False, REF),
    # schema 1.1 forms (guide 3.1): afternoon and evening clock times
    ("Lúc 7:30 chiều ngày 20/4/2017, tại hội trường", "7:30 chiều ngày 20/4/2017", "2017-04-20T19:30", False, REF),
    ("lúc 4:00 chiều ngày 23/4", "4:00 chiều ngày 23/4", "2020-04-23T16:00", True, REF),
    ("từ 19h tối ngày 31/12/2019", "19h tối ngày 31/12/2019", "2019-12-31T19:00", False, REF),
    ("8 giờ tối ngày 5/9/2020", "8 giờ tối ngày 5/9/2020", "2020-09-05T20:00", False, REF),
    ("9 giờ sáng ngày 5/9/2020", "9 giờ sáng ngày 5/9/2020", "2020-09-05T09:00", False, REF),
    ("11 giờ trưa ngày 5/9/2020", "11 giờ trưa ngày 5/9/2020", "2020-09-05T11:00", False, REF),
    ("1 giờ trưa ngày 5/9/2020", "1 giờ trưa ngày 5/9/2020", "2020-09-05T13:00", False, REF),
    ("lúc 14 giờ ngày 5/9", "14 giờ ngày 5/9", "2020-09-05T14:00", True, REF),
    ("8 giờ 30 phút ngày 5/9/2020", "8 giờ 30 phút ngày 5/9/2020", "2020-09-05T08:30", False, REF),
    ("lúc 15h30 ngày 2/9/2021", "15h30 ngày 2/9/2021", "2021-09-02T15:30", False, REF),
    ("ngày 20/4/2017 lúc 7:30 tối", "20/4/2017 lúc 7:30 tối", "2017-04-20T19:30", False, REF),
    # mồng / mùng before the day
    ("mồng 3 tháng 3 năm 2020", "mồng 3 tháng 3 năm 2020", "2020-03-03", False, REF),
    ("ngày mồng 7 tháng 3", "mồng 7 tháng 3", "2020-03-07", True, REF),
    ("vào mùng 2/9", "mùng 2/9", "2020-09-02", True, REF),
    ("mùng 1 tháng 6 hằng năm", "mùng 1 tháng 6", "2020-06-01", True, REF),
    ("Mồng 10 tháng 3 năm 2019", "Mồng 10 tháng 3 năm 2019", "2019-03-10", False, REF),
    # months written as words
    ("trong tháng ba, toàn tỉnh", "tháng ba", "2020-03", True, REF),
    ("đến hết tháng tư năm 2018", "tháng tư năm 2018", "2018-04", False, REF),
    ("vào tháng mười năm 2017", "tháng mười năm 2017", "2017-10", False, REF),
    ("từ tháng mười hai.", "tháng mười hai", "2019-12", True, REF),
    ("ngày 5 tháng mười một năm 2019", "5 tháng mười một năm 2019", "2019-11-05", False, REF),
    ("ngày 20 tháng bảy", "20 tháng bảy", "2020-07-20", True, REF),
    ("tháng năm năm 2019", "tháng năm năm 2019", "2019-05", False, REF),
    # two-digit years: the century nearest the publication date
    ("ngày 3/9/91", "3/9/91", "1991-09-03", False, REF),
    ("từ 15/5/20", "15/5/20", "2020-05-15", False, REF),
    ("ngày 1/7/25", "1/7/25", "2025-07-01", False, "2024-12-01"),
    ("ngày 30/6/98", "30/6/98", "1998-06-30", False, REF),
    ("ngày 3/3/17", "3/3/17", "2017-03-03", False, REF),
    ("27/05/13 17:06 GMT+7", "27/05/13 17:06", "2013-05-27T17:06", False, None),
    # portal datelines with spaces, weekdays, zones (guide 5)
    ("thứ năm, 12 09 2019 15:40", "12 09 2019 15:40", "2019-09-12T15:40", False, None),
    ("Chủ nhật, 05 01 2020 08:05", "05 01 2020 08:05", "2020-01-05T08:05", False, None),
    ("Thứ 6, 14/03/2023 | 08:15:42 [GMT +7]", "14/03/2023 | 08:15:42", "2023-03-14T08:15", False, None),
    ("Thứ ba, 03 12 2019 - 08:05", "03 12 2019 - 08:05", "2019-12-03T08:05", False, None),
    ("Chủ nhật, 05 01 2020 | 07:30", "05 01 2020 | 07:30", "2020-01-05T07:30", False, None),
    ("Tin nổi bật thứ hai, 05 08 2019 16:57", "05 08 2019 16:57", "2019-08-05T16:57", False, None),
    ("T4 21 06 2023 10:02", "21 06 2023 10:02", "2023-06-21T10:02", False, None),
    ("(26 07 2019 14:14)", "26 07 2019 14:14", "2019-07-26T14:14", False, None),
    ("Đăng lúc: 15:40 - 12/09/2019", "15:40 - 12/09/2019", "2019-09-12T15:40", False, None),
    # quarters
    ("quý 4 của năm 2018", "quý 4 của năm 2018", "2018-Q4", False, REF),
    ("trong quý 2", "quý 2", "2020-Q2", True, REF),
    ("quý IV/2025", "quý IV/2025", "2025-Q4", False, REF),
    # bare years after a comparison or in a list
    ("tăng 7% so với 2019.", "2019", "2019", False, REF),
    ("Cục Thuế tỉnh Nam Định: 2019, năm về đích sớm", "2019", "2019", False, REF),
    ("trong 2021, toàn tỉnh", "2021", "2021", False, REF),
    ("cuối 2022.", "2022", "2022", False, REF),
    ("từ 2019 đến nay", "2019", "2019", False, REF),
]

# Text that must yield no date at all.
NON_EXAMPLES: list[tuple[str, str]] = [
    ("Rằm tháng 7, nhân dân đi lễ chùa", "a lunar date: its solar day is unknown"),
    ("ngày 15/7 âm lịch hằng năm", "a lunar date"),
    ("vào ngày 10 tháng 3 (âm lịch)", "a lunar date"),
    ("đạt 91,23% kế hoạch", "a percentage"),
    ("ủng hộ 1/2 ngày lương", "a fraction"),
    ("9/9 huyện, thành phố", "a whole of nine"),
    ("267/267 cán bộ", "a ratio"),
    ("59/76 đơn vị có phản hồi", "a ratio"),
    ("Thông tư số 08/2021/TT-BYT", "a document number"),
    ("Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN", "a document number"),
    ("dịch Covid-19 diễn biến", "a disease name"),
    ("tổng đài 1900.9068 hỗ trợ", "a phone number"),
    ("phục vụ 24/7.", "round-the-clock service"),
    ("tuần tra khép kín 24/24 giờ", "opening hours"),
    ("hồ sơ mã 12 09 2019 của đơn vị", "numbers separated by spaces inside a sentence: only a dateline writes dates so"),
    ("mở cửa 07/7 ngày trong tuần", "opening hours"),
    ("kỷ niệm 30 năm thành lập ngành", "an anniversary"),
    ("trong 2 ngày ra quân", "a duration"),
    ("6 tháng đầu năm", "a duration without a year"),
    ("ngày 31/2/2020", "no 31 February"),
    ("ngày 30/13", "no 13th month"),
    ("thắng 3-2 trong trận chung kết", "a score"),
    ("từ 20 năm xuống 15 năm", "durations"),
    ("người đủ 60 tuổi đến dưới 80 tuổi", "ages"),
    ("Điều 216 của Bộ luật Hình sự", "a law article"),
    ("ngày 25 hàng tháng", "a recurring day of the month"),
    ("đóng 0,5% quỹ", "a percentage"),
    ("giảm 1% từ", "a percentage"),
    ("KM 80+217, Quốc lộ 8A", "a road marker"),
    ("Kết quả: 2020 người tham gia", "a count after a colon"),
    ("7/3 số xã đã hoàn thành", "a fraction of the communes"),
    ("mỗi tháng một lần", "a frequency"),
    ("tháng Giêng năm Tân Sửu", "a lunar month"),
    ("làm việc 3 ca 4 kíp", "an idiom"),
    ("tỷ số 2/1 nghiêng về đội nhà", "a score"),
    ("trong 2020 hồ sơ đã nhận", "a count after a preposition"),
    ("từ 1995 đồng lên", "money"),
]
