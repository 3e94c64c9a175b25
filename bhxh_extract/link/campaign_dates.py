"""A campaign's date (guide section 4, NOTES H17, H22, C5): see campaign_links."""
from __future__ import annotations

from datetime import date


from ..extractors.campaigns import TRIGGER, Found
from ..records import Mention
from ..extractors.rules import compile_pattern
from .structure import Document

_DATE_LINK = compile_pattern(r"^[ \t(,”]*(?:(?:vào|diễn ra|tổ chức|trong|từ|sáng|chiều|tối|được triển khai|"
                             r"triển khai|kéo dài)[ \t]+)*(?:ngày|năm|giai đoạn|\()?[ \t]*$")
# `Chiến dịch được triển khai từ ngày 10/3 ...`: the date of a campaign held.
_HOLDING = compile_pattern(r"diễn ra|tổ chức|triển khai|từ|kéo dài|trong")
_PARAGRAPH_YEAR = compile_pattern(r"^\s*(?:Trong\s+|Riêng\s+)?$")
# `kỷ niệm 30 năm thành lập ngành (16/2/1995 - 16/2/2025)`: the anniversary's period.
ANNIVERSARY = compile_pattern(r"kỷ niệm[^“”]*$")
# A clause about another event: a meeting reviewing the campaign.
REVIEW = compile_pattern(r"(?i)hội nghị|sơ kết|tổng kết|họp báo|cuộc họp|giao ban")
# `Ngày 26/2, Cục Hải quan cho biết, ...`: the date of a report about the campaign.
REPORTING = compile_pattern(r"cho biết|cho hay|thông báo|công bố|báo cáo cho biết")
LAUNCH_VERBS = compile_pattern(r"(?i)(?<![\p{L}])(?:ra quân|phát động|khai mạc|khởi động)(?![\p{L}])")
_AND = compile_pattern(r"\s+và\s+")


def in_span(span, pos: int) -> bool:
    return bool(span) and span[0] <= pos < span[1]


# --- date ---------------------------------------------------------------------------
def _in_nested(pos: int, f: Found, found: list[Found]) -> bool:
    """Is pos inside another campaign named within one of f's mentions?"""
    return any(g is not f and g.start <= pos < g.end and any(s <= g.start and g.end <= e for s, e in f.mentions)
               for g in found)


def date_of(f: Found, dates, docs, doc: Document, found_all: list[Found]):
    """(value, why) of the campaign's date, or None: for a drive its written
    period; else a date attached to a mention of its name; else the date of
    the sentence that names it on its own (not nested in a ceremony's name)
    and reports it; else a year written in its name; else the date of the
    sentence reporting its launch; else the year framing its paragraph."""
    text = doc.text
    attached = []
    for start, end in f.mentions:
        unnamed = TRIGGER.fullmatch(text, start, end) is not None
        for d in dates:
            if d.start >= end and d.start - end < 40 and _DATE_LINK.match(text[end:d.start]) and d.get("value"):
                if unnamed and not _HOLDING.search(text, end, d.start):
                    continue   # `phong trào thi đua năm 2024` after an unnamed mention names another one
                if ("/" in d["value"] and ANNIVERSARY.search(text, start, end)) or is_issue_date(d, docs, text):
                    continue
                if f.kind == "ceremony" and "/" in d["value"]:
                    continue   # a ceremony is held on a day; a period after it is its drive's
                attached.append(d)
                break
    if f.kind == "drive":
        attached += _bracketed_periods(f, dates, doc)
    inner = [d for d in dates if any(s <= d.start < e for s, e in f.mentions) and d.get("value")
             and not _in_nested(d.start, f, found_all)]
    if f.kind in ("drive", "emulation"):
        period = next((d for d in attached + inner if "/" in d["value"]), None)
        if period is not None:
            return period["value"], "its written period"
    if attached:
        # a ceremony is held on a day: a bare year after its name (the year of
        # what it launches: `lễ phát động thi đua “...” năm 2019`) gives way
        # to the day of the sentence that reports it
        if f.kind == "ceremony" and len(attached[0]["value"]) == 4 and f.top_level and not f.listed:
            for start, _ in f.standalone:
                found = _sentence_date(start, dates, docs, doc, found_all)
                if found and len(found[0]) >= 10:
                    return found
        return attached[0]["value"], "the date attached to its name"
    if not f.top_level:
        return (inner[0]["value"], "the date written in its name") if inner and f.kind != "ceremony" else None
    if not f.listed:
        for start, _ in f.standalone:   # not a mention inside a ceremony's name: that sentence dates the ceremony
            found = _sentence_date(start, dates, docs, doc, found_all)
            if found:
                return found
    if inner and f.kind != "ceremony":
        return inner[0]["value"], "the date written in its name"
    launched = _launch_date(f, dates, docs, doc)
    if launched:
        return launched
    paragraph = text.rfind("\n", 0, f.start) + 1
    year = _paragraph_year(dates, text, paragraph, f.start)
    return (year, "the year framing its paragraph") if year else None


def _bracketed_periods(f: Found, dates, doc: Document) -> list[Mention]:
    """`... trong đợt cao điểm đấu tranh ... (từ ngày 15/12/2023 đến ngày
    25/2/2024)`, `Đợt cao điểm ... diễn ra từ ngày 1/10 đến ngày 31/12`: a
    period in brackets or in the clause of a mention of the drive."""
    out = []
    for start, _ in f.own_mentions:
        si = doc.sentence_index(start)
        if si is None:
            continue
        sentence = doc.sentences[si]
        for d in dates:
            if sentence.start <= d.start < sentence.end and d.start > start and "/" in (d.get("value") or ""):
                clause = doc.clause_at(d.start)
                if clause is not None and (clause.kind == "bracket" or clause.start <= start < clause.end
                                           or (_HOLDING.search(doc.text, start, d.start)
                                               and not TRIGGER.search(doc.text, start + 3, d.start))):
                    out.append(d)
    return out


def _sentence_date(pos: int, dates, docs, doc: Document, found_all: list[Found]):
    """A date that reports the event of the sentence at pos: in its opening
    or its clause, not in a clause about a review meeting or a document, not
    inside a campaign's name (a drive's period named in a ceremony's name)."""
    text = doc.text
    s, e = doc.sentence_of(pos)
    before = [d for d in dates if s <= d.start < pos]
    after = [d for d in dates if pos <= d.start < e]
    for d in list(reversed(before)) + after:   # the nearest before it first (not the sentence's first date)
        if not d.get("value") or is_issue_date(d, docs, text):
            continue
        if any(g.start <= d.start < g.end for g in found_all):
            continue
        clause = doc.clause_at(d.start)
        if clause is None or (d.start > pos and not clause.start <= pos < clause.end):
            continue   # a date before the campaign in its sentence, or in its own clause
        if REVIEW.search(text, clause.start, clause.end) or (d.start < pos and REVIEW.search(text, d.end, pos)):
            continue   # `Ngày 12/12, Hội nghị sơ kết đợt cao điểm ...`
        if d.start < pos and REPORTING.search(text, d.end, pos):
            continue   # `Ngày 26/2, Cục Hải quan cho biết, trong đợt cao điểm ...`: the report's date
        return d["value"], "the date of the sentence reporting it"
    return None


def _launch_date(f: Found, dates, docs, doc: Document):
    """`Ngày 16/9/2020, các lực lượng ... tổ chức ra quân ...`: the date
    opening the first sentence after its first mention that reports a launch."""
    for sentence in doc.sentences:
        if sentence.end <= f.start:
            continue
        verb = LAUNCH_VERBS.search(doc.text, sentence.start, sentence.end)
        if verb is None:
            continue
        for d in dates:
            if sentence.start <= d.start < verb.start() and d.get("value") and not is_issue_date(d, docs, doc.text):
                clause = doc.clause_at(d.start)
                if clause is not None and clause.kind == "opening":
                    return d["value"], f"the date of the sentence reporting its launch ({verb.group(0)!r})"
    return None


def _paragraph_year(dates, text: str, paragraph: int, pos: int) -> str | None:
    for d in dates:
        if paragraph <= d.start < pos and _PARAGRAPH_YEAR.match(text[paragraph:d.start]) and len(d.get("value") or "") == 4:
            return d.get("value")
    return None


def is_issue_date(d: Mention, docs, text: str) -> bool:
    for ref in docs:
        if 0 <= d.start - ref.end <= 8 and "ngày" in text[ref.end:d.start]:
            return True
        if ref.get("issued") == d.get("value") and ref.start > d.start:
            return True
    return False


def share_coordinated_dates(found: list[Found], dates: list, text: str) -> None:
    """`ngày quốc tế ... và ngày toàn dân ... 26/6`: one date for both (C5)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if dates[i] is None and dates[i + 1] and _AND.fullmatch(text, a.end, b.start):
            dates[i] = dates[i + 1]




def start_day(value: str, whole: bool = False) -> date | None:
    """The first day of an ISO value (`2022-05-14`, `2022-05` → 1 May,
    `2022` → 1 January with whole=True; else only day values count)."""
    first = value.split("/")[0]
    return _bound(first, whole, last=False)


def end_day(value: str, whole: bool = False) -> date | None:
    last = value.split("/")[-1]
    return _bound(last, whole, last=True)


def _bound(part: str, whole: bool, last: bool) -> date | None:
    try:
        if len(part) >= 10:
            return date.fromisoformat(part[:10])
        if not whole or "Q" in part:
            return None
        year, _, month = part.partition("-")
        if month:
            m = int(month)
            if not last:
                return date(int(year), m, 1)
            nxt = date(int(year) + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(int(year), 12, 31) if last else date(int(year), 1, 1)
    except ValueError:
        return None


