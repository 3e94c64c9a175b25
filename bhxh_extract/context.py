"""What the words around a number say about it: the insurance scheme (guide
3.6), the comparator (3.7) and, for percents, the measure (3.4).

All three read the number's own sentence only (never across a full stop),
with cue words matched on the text: they are short fixed phrases.

Vietnamese facts:
- Schemes: `BHXH` = bảo hiểm xã hội (social insurance), narrowed by `tự
  nguyện` (voluntary) or `bắt buộc` (compulsory); `BHYT` = bảo hiểm y tế
  (health insurance), narrowed by `hộ gia đình` (household) or a student group
  (`học sinh`, `sinh viên`, `HSSV`); `BHTN` = bảo hiểm thất nghiệp
  (unemployment insurance), whose benefit is `TCTN` = trợ cấp thất nghiệp.
- Law names (`Luật BHYT`) name a law, not the scheme of a figure.
- Some commas join a fixed pair, not clauses (`khám, chữa bệnh`): see
  vietnamese.FIXED_PAIR_SECOND.
- The same acronyms name agencies: `BHXH tỉnh` (the provincial office),
  `BHXH Việt Nam`, `cơ quan BHXH`, `ngành BHXH`; and products: `VssID-BHXH
  số`, `mã số BHXH` (the insurance ID number). Those are not scheme words.
- Comparators: `hơn`/`trên` (more than), `tối thiểu`/`ít nhất` (at least),
  `dưới`/`chưa đến` (under), `khoảng`/`gần`/`xấp xỉ`/`chừng`/`hàng` (about).
- Measures: `đạt X% kế hoạch` (of the plan), `tỷ lệ bao phủ` (coverage rate),
  `vượt X% so với chỉ tiêu` (beyond the target), `tăng`/`giảm` ... `so với
  cùng kỳ` (against the same period), `phấn đấu`/`mục tiêu` (aim).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .rules import Candidate, compile_pattern
from .vietnamese import FIXED_PAIR_SECOND

# --- schemes -------------------------------------------------------------------
_BHXH = r"(?:BHXH|[Bb]ảo hiểm xã hội|BH xã hội)"
_BHYT = r"(?:BHYT|[Bb]ảo hiểm y tế|BH y tế)"
SCHEME_WORD = compile_pattern(
    rf"(?P<bhxh_tu_nguyen>{_BHXH}\s+tự\s+nguy[eệê]n)"
    rf"|(?P<bhxh_bat_buoc>{_BHXH}\s+bắt\s+buộc)"
    rf"|(?P<bhyt_ho_gia_dinh>{_BHYT}\s+(?:theo\s+)?hộ\s+gia\s+đình)"
    rf"|(?P<bhyt_hssv>{_BHYT}\s+(?:cho\s+)?(?:học\s+sinh|sinh\s+viên|HSSV))"
    r"|(?P<bhtn>BHTN(?![\p{L}])|TCTN(?![\p{L}])|[Bb]ảo hiểm thất nghiệp|BH thất nghiệp|[Tt]rợ cấp thất nghiệp)"
    rf"|(?P<bhyt>{_BHYT}(?![\p{{L}}]))"
    rf"|(?P<bhxh>{_BHXH}(?![\p{{L}}]))")
# An acronym followed by these is an agency, not a scheme.
# `BHXH đã tổ chức ...`: the organisation acting (BHYT names no organisation).
_ACTING_AFTER = compile_pattern(r"\G\s*(?:đã|sẽ|đang|vừa|phối hợp|tổ chức|triển khai|ban hành|cho biết|yêu cầu|"
                                r"đề nghị)(?!\p{L})")
_AGENCY_AFTER = compile_pattern(
    r"\G\s*(?:\([^()]{1,10}\)\s*)?(?:tỉnh|huyện|thành phố|TP\b|TP\.|quận|thị xã|Việt Nam|VN\b|các\s|cấp\s|"
    r"toàn tỉnh|toàn quốc|khu vực|TPHCM|Thành phố|số\b|\p{Lu}\p{Ll}+\s\p{Lu})")
_AGENCY_BEFORE = compile_pattern(
    r"(?:cơ quan|[Nn]gành|[Gg]iám đốc|cán bộ|viên chức|Đảng bộ|hệ thống|[Cc]ổng thông tin|[Tt]rang thông tin|"
    r"mã số|VssID-|VssID -|của|tại|với|tổ chức|Luật|Đại hội Thi đua yêu nước)\s*$")
# A student group in the same clause narrows BHYT (guide 5).
_STUDENTS = compile_pattern(r"học sinh|sinh viên|HSSV")
# Between two listed schemes: a separator, perhaps a short head noun (`thẻ
# BHYT, sổ BHXH`).
_LIST_GAP = compile_pattern(r"\)?\s*(?:,|và|-|–|/)\s*(?:và\s+)?(?:\p{Ll}{1,4}\s+)?\(?")
_QUOTED = compile_pattern(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")


@lru_cache(maxsize=64)
def scheme_words(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """(start, end, scheme) of every scheme word in text[start:end] (cached:
    every number of a sentence asks for the same sentence)."""
    found = []
    for m in SCHEME_WORD.finditer(text, start, end):
        scheme = m.lastgroup
        if scheme in ("bhxh", "bhyt", "bhxh_tu_nguyen") and _is_agency(text, m):
            continue
        found.append((m.start(), m.end(), scheme))
    return tuple(found)


def _is_agency(text: str, m: regex.Match) -> bool:
    if m.lastgroup in ("bhxh", "bhyt") and _AGENCY_AFTER.match(text, m.end()):
        return True
    if m.lastgroup == "bhxh" and _ACTING_AFTER.match(text, m.end()):
        return True
    return bool(_AGENCY_BEFORE.search(text, max(0, m.start() - 25), m.start()))


def _listed(words: list[tuple[int, int, str]], i: int, text: str) -> bool:
    """Is words[i] one item of a list of schemes (`BHXH, BHYT, BHTN`)?"""
    def joined(a, b):
        return a[2] != b[2] and _LIST_GAP.fullmatch(text, a[1], b[0]) is not None
    return (i > 0 and joined(words[i - 1], words[i])) or (i + 1 < len(words) and joined(words[i], words[i + 1]))


_CLAUSE_CONTINUES = compile_pattern(r"\s*(?:số|tỷ lệ|còn|trong đó|Trong đó)\b")
_FORWARD_WORDS = 8
_FORWARD_STOP = compile_pattern(rf"(?!,\s+{FIXED_PAIR_SECOND})[,;:()“”\"]|\s[-–]\s")
_WORD = compile_pattern(r"\S+")
_CHUNK_EDGE = compile_pattern(r"[,;]")
# A rate of a contribution (`hỗ trợ 30% mức đóng`) concerns the scheme of
# that contribution wherever its sentence names it (gold/NOTES.md S1).
_CONTRIBUTION_AFTER = compile_pattern(
    r"\G(?:\s*(?:,|đến|tới|và|-|–)\s*[\d.,]+\s*%){0,6}\s*(?:mức\s+đóng|mức\s+phí|phí\s+đóng|mức\s+bình\s+quân)")
_CONTRIBUTION_BEFORE = compile_pattern(r"(?:đóng|mức đóng)\s*(?:bằng\s*)?$")


def scheme_of(cand: Candidate, text: str, sentence: tuple[int, int]) -> tuple[str | None, tuple[int, int] | None]:
    """The scheme governing a count or percent: on the counted noun or just
    after it (`925 người tham gia mới BHXH tự nguyện`), else the nearest
    scheme word before it in its sentence (the clause subject it continues)."""
    s_start, s_end = sentence
    words = _outside_quotes(scheme_words(text, s_start, s_end), text, cand, s_start, s_end)
    if cand.type == "percent" and is_contribution_rate(cand, text):
        single = [w for i, w in enumerate(words) if not _listed(words, i, text)]
        return (_narrow(single[0][2], text, cand, single[0]), single[0][:2]) if single else (None, None)
    forward_end = _forward_limit(text, cand.end, s_end)
    for i, word in enumerate(words):
        if cand.end <= word[0] < forward_end:
            return _reading(words, i, text, cand)
    clause_floor = _clause_floor(text, s_start, cand.start)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word[1] <= cand.start and word[0] >= clause_floor:
            return _reading(words, i, text, cand)
    return None, None


def _reading(words, i: int, text: str, cand: Candidate):
    """The scheme of words[i] for cand, with the word's span (for --explain);
    a word listed with other schemes gives none (guide 5)."""
    word = words[i]
    return (None if _listed(words, i, text) else _narrow(word[2], text, cand, word)), word[:2]


def is_contribution_rate(cand: Candidate, text: str) -> bool:
    """`hỗ trợ 30% mức đóng`, `70%, 60%, 50% mức đóng`, `đóng bằng 40%`."""
    return bool(_CONTRIBUTION_AFTER.match(text, cand.end)
                or _CONTRIBUTION_BEFORE.search(text, max(0, cand.start - 20), cand.start))


def _outside_quotes(words, text: str, cand: Candidate, s_start: int, s_end: int):
    """A scheme word inside a quoted name (`Chương trình “Tết ấm cho bệnh nhân
    BHYT ...”`) does not govern a number outside the quotes."""
    quotes = _quote_spans(text, s_start, s_end)

    def inside(pos):
        return next((q for q in quotes if q[0] <= pos < q[1]), None)
    own = inside(cand.start)
    return [w for w in words if inside(w[0]) in (None, own)]


@lru_cache(maxsize=64)
def _quote_spans(text: str, s_start: int, s_end: int) -> tuple[tuple[int, int], ...]:
    return tuple(q.span() for q in _QUOTED.finditer(text, s_start, s_end))


def _forward_limit(text: str, pos: int, s_end: int) -> int:
    """A few words after the number, not past a comma, semicolon, bracket or quote."""
    stop = _FORWARD_STOP.search(text, pos, s_end)
    limit = stop.start() if stop else s_end
    for i, word in enumerate(_WORD.finditer(text, pos, limit)):
        if i == _FORWARD_WORDS:
            return word.start()
    return limit


def _clause_floor(text: str, s_start: int, pos: int) -> int:
    """How far back a scheme word may be: the sentence start, or the last `;`
    when the clause after it has its own predicate (guide 5: an elliptical
    clause `...; số người tham gia là 150.000 người` continues the subject)."""
    semi = text.rfind(";", s_start, pos)
    bracket = text.rfind("(", s_start, pos)
    inside_bracket = bracket != -1 and text.find(")", bracket, pos) == -1
    if semi == -1 or _CLAUSE_CONTINUES.match(text, semi + 1) or (inside_bracket and bracket < semi):
        return s_start   # a bracketed breakdown takes the scheme of its figure (S5)
    return semi + 1


_CLAUSE_EDGE = compile_pattern(r"[,;.:]|\svà\s")


def _narrow(scheme: str, text: str, cand: Candidate, word: tuple[int, int, str]) -> str:
    """`BHYT` with a student group in the same clause is `bhyt_hssv` (guide 5)."""
    if scheme != "bhyt":
        return scheme
    start, end = min(cand.start, word[0]), max(cand.end, word[1])
    edges_before = [m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, start - 120), start)]
    after = _CLAUSE_EDGE.search(text, end, end + 120)
    clause = (edges_before[-1] if edges_before else max(0, start - 120), after.start() if after else end + 120)
    return "bhyt_hssv" if _STUDENTS.search(text, *clause) else scheme


# --- comparators ------------------------------------------------------------------
COMPARATOR_BEFORE = (
    ("ge", compile_pattern(r"(?i)(?:tối thiểu|ít nhất|tối thiểu là)\s*$")),
    ("lt", compile_pattern(r"(?i)(?:dưới|chưa đến|chưa tới|không quá|không vượt quá|tối đa|thấp hơn|lên tới|lên đến)\s*$")),
    ("gt", compile_pattern(r"(?i)(?:hơn|trên|vượt mức|vượt quá|ngoài)\s*$")),
    ("approx", compile_pattern(r"(?i)(?:khoảng|gần|xấp xỉ|chừng|hàng|ước khoảng|trên dưới)\s*$")),
)
_FROM_BEFORE = compile_pattern(r"từ\s*$")
_UP_AFTER = compile_pattern(r"\G[^,;.]{0,40}?trở lên")


def comparator_of(cand: Candidate, text: str, range_start: int | None = None) -> tuple[str | None, str | None]:
    """The qualifier right before the number (before the whole range for its
    second end: gold/NOTES.md N3); `từ X trở lên` is `ge`."""
    start = range_start if range_start is not None else cand.start
    before = text[max(0, start - 25):start]
    if _FROM_BEFORE.search(before) and _UP_AFTER.match(text, cand.end):
        return "ge", "từ ... trở lên"
    for name, pattern in COMPARATOR_BEFORE:
        cue = pattern.search(before)
        if cue:
            return name, cue.group(0).strip()
    return None, None


# --- percent measures ------------------------------------------------------------------
_PLAN_AFTER = compile_pattern(r"\G\s*(?:so\s+với\s+|của\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|KH\b|dự\s+toán|mục\s+tiêu)")
_BUDGET_AFTER = compile_pattern(r"\G\s*(?:so\s+với\s+)?dự\s+toán")
# A rate of something (`1% quỹ BHTN`, `15% mức lương cơ sở`, `30% mức đóng`): other (M3, M5).
_RATE_OF_AFTER = compile_pattern(
    r"\G(?:\s*(?:,|và)\s*[\d.,]+\s*%){0,6}\s*(?:quỹ|mức\s+đóng|mức\s+lương|mức\s+phí|mức\s+hỗ\s+trợ|mức\s+bình\s+quân|lương)")
_EXCEED_BEFORE = compile_pattern(r"vượt\s*$")
# `tăng 24.738 người (10,9%)`: a bracketed share after a change is the change.
_GROWTH_BEFORE = compile_pattern(r"(?:tăng|giảm|tăng thêm|giảm thêm|tăng lên|bằng)\s*(?:hơn|khoảng|gần|trên)?\s*$"
                                 r"|(?:tăng|giảm)[^,;()]{0,40}\(\s*$")
_GROWTH_AFTER = compile_pattern(
    r"\G\)?\s*(?:so\s+với\s+(?:cùng\s+kỳ|năm\s+trước|năm\s+\d{4}|năm\s+ngoái|tháng|cuối\s+năm|đầu\s+năm|quý|kỳ\s+trước|"
    r"trước|cùng\s+thời\s+điểm|thời\s+điểm|\d))")
# `tăng giá khoảng 20- 30% so với mức giá hiện hành`: a change verb governs the
# number and `so với` names what it is compared with (M1).
_CHANGE_VERB = compile_pattern(r"(?<!\p{L})(?:tăng|giảm)(?!\p{L})")
_COMPARED_AFTER = compile_pattern(r"\G\)?\s*so\s+với\s")
_TARGET_CUES = compile_pattern(
    r"(?i)phấn đấu|mục tiêu|chỉ tiêu\s*:|đề ra chỉ tiêu|đặt ra chỉ tiêu|kế hoạch giao là|chỉ tiêu giao là|hướng tới")
# `HSSV tham gia BHYT, đạt tỷ lệ 96,8%`, `tỷ lệ tham gia trên 90%`: a participation rate reached.
_PARTICIPATION_RATE = compile_pattern(r"tỷ lệ(?:\s+người)?\s+tham gia[^,;]{0,40}$|tham gia[^;]{0,40}(?:đạt\s+)?tỷ lệ\s*(?:khoảng|gần|hơn|trên)?\s*$")
_COVERAGE_BEFORE = compile_pattern(r"(?:bao phủ|bao phủ\s+[^,;]{0,60}?(?:là|đạt|ở mức))\s*(?:khoảng|gần|hơn|trên)?\s*[^,;]{0,30}$")
_COVERAGE_AFTER = compile_pattern(r"\G\s*(?:so\s+với\s+)?(?:lực\s+lượng\s+lao\s+động|dân\s+số)")
_FORECAST = compile_pattern(r"\b(?:ước|dự kiến)\b[^,;]{0,30}$")


def measure_of(cand: Candidate, text: str, sentence: tuple[int, int],
               range_start: int | None = None) -> tuple[str, str | None]:
    """The measure of a percent and the words that decided it."""
    start = range_start if range_start is not None else cand.start
    s_start = sentence[0]
    before = text[max(s_start, start - 80):start]
    chunk_before = _CHUNK_EDGE.split(before)[-1]
    sentence_before = text[s_start:start]
    rate = (_BUDGET_AFTER.match(text, cand.end) or _RATE_OF_AFTER.match(text, cand.end)
            or _CONTRIBUTION_BEFORE.search(text, max(0, cand.start - 20), cand.start))
    if rate:
        return "other", rate.group(0).strip()
    plan_after = _PLAN_AFTER.match(text, cand.end)
    exceed = _EXCEED_BEFORE.search(chunk_before)
    target = _TARGET_CUES.search(sentence_before)
    if exceed and (plan_after or "so với" in text[cand.end:cand.end + 12]):
        return ("target", target.group(0)) if target else ("exceed", "vượt")
    if target and not _FORECAST.search(chunk_before):
        return "target", target.group(0)
    if plan_after:
        return "plan_completion", plan_after.group(0).strip()
    growth = (_GROWTH_AFTER.match(text, cand.end) or _GROWTH_BEFORE.search(chunk_before)
              or (_CHANGE_VERB.search(chunk_before) and _COMPARED_AFTER.match(text, cand.end)))
    if growth and not _COVERAGE_AFTER.match(text, cand.end):
        return "growth", growth.group(0).strip()
    coverage = (_COVERAGE_BEFORE.search(before) or _COVERAGE_AFTER.match(text, cand.end)
                or _PARTICIPATION_RATE.search(before))
    if coverage:
        return "coverage", coverage.group(0).strip()[:40]
    return "other", None
