"""A campaign's date, plans and facts (guide section 4, settled cases of
section 5), read through the document structure; every link carries its
evidence for `--explain`.

Date: a date attached to a mention of the campaign (`Lễ ra quân ... ngày
11/7`, `Tháng vận động ... (từ 1/8 đến 15/9)`): for a drive its written
period wins over a launch day (NOTES H17); else the date opening the
sentence that reports it (`Sáng 14/5, ... tổ chức Lễ ra quân`); else the
year framing its paragraph (C5). Never the dateline's date, nor the date of
a clause about another event (a `Hội nghị` reviewing it, a cited document's
issue date).

Facts: the counts, percents and money about a campaign's turnout, scale,
results or targets (guide 4):
- figures of a sentence naming it: when a sentence names several campaigns,
  the one named nearest before the figure (`Mục tiêu của Tháng vận động là
  ... 1.500 người`);
- figures of a sentence that continues such a sentence (`Trong đó`, `Theo
  đó`, `Kết quả`, `Cụ thể`: the structure's continuation links);
- figures of a sentence using a campaign verb (`ra quân`, `phát động`,
  `hưởng ứng`, `ủng hộ`, `quyên góp`): the ceremony for `ngày ra quân`, else
  the article's drive;
- in an article about one drive (its title or lead names it), the body's
  figures after its first mention, unless a sentence turns to another report
  (`Cũng theo ...`);
never figures describing the situation before it (a date in the figure's
sentence earlier than the campaign's start: `Tính đến ngày 30/4, ...` before
a launch in May), figures inside a campaign's name, or a count of the
campaigns themselves.
"""
from __future__ import annotations

from datetime import date

import regex

from ..amounts import ONE_SYLLABLE_NOUNS, TWO_SYLLABLE_NOUNS
from ..campaigns import TRIGGER, Found
from ..vietnamese import NUMBER_WORDS
from .. import lexicon
from ..records import Campaign, Mention
from ..rules import compile_pattern
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
FACT_VERBS = compile_pattern(r"(?i)ra quân|phát động|hưởng ứng|ủng hộ|quyên góp")
LAUNCH_VERBS = compile_pattern(r"(?i)(?<![\p{L}])(?:ra quân|phát động|khai mạc|khởi động)(?![\p{L}])")
CEREMONY_DAY = compile_pattern(r"(?i)(?:ngày|lễ|buổi)\s+(?:ra quân|phát động)")
GIFT_CUES = compile_pattern(r"(?i)trao tặng|tặng|trao")
# Sentences that go on about the figures of the one before (for campaign
# facts): `Theo đó`, `Kết quả`, `Riêng năm 2025, ...` (a part of them).
CONTINUATION = compile_pattern(r"\G[\s“\"]*(?:Theo đó|Kết quả|Cụ thể|Qua đó|Trong đó|Ngay sau|Riêng|Nhân dịp này|"
                               r"Dịp này|Tại (?:buổi )?lễ)")
TOPIC_SHIFT = compile_pattern(r"\G\s*(?:Cũng theo|Theo số liệu|Bên lề)")
# A sentence reporting results (for the body of an article about one drive),
# not plans (`sẽ`, `phấn đấu`) or the standing situation (`hiện còn`).
RESULT = compile_pattern(r"(?i)(?<![\p{L}])(?:đã|kết quả|bắt giữ|thu được|phát hiện|xử lý|vận động được|phát triển được|"
                         r"tăng|giảm|kinh phí|huy động|bố trí|thành lập)(?![\p{L}])")
NOT_RESULT = compile_pattern(r"(?i)(?<![\p{L}])(?:sẽ|phấn đấu|mục tiêu|hiện còn|hiện có|dự kiến|ước)(?![\p{L}])")
# `nhân viên hai ngành`, `của hai ngành`: a count describing who, not a figure about the campaign.
DESCRIBING_BEFORE = compile_pattern(r"(?:của|thuộc)\s+$")
# `so với cùng kỳ năm 2023`: a comparison base, no period of the figure's own.
COMPARISON_BEFORE = compile_pattern(r"so\s+với\s+(?:[^\d,;]{0,30})$")
# `theo quy trình tại Quyết định 595/...`: a rule the work follows, not a plan.
LEGAL_BASIS = compile_pattern(r"(?:quy trình|quy định|hướng dẫn)\s+tại\s*$")
PLAN_KINDS = {"Kế hoạch", "Kế hoạch liên tịch", "Chương trình", "Chương trình liên tịch", "Phương án",
              "Công văn", "Quyết định", "Hướng dẫn", "Công điện", "Thông báo", "Đề án"}
_AND = compile_pattern(r"\s+và\s+")
_JOINED = compile_pattern(r"\s*(?:,|và)\s*")


def link(found: list[Found], mentions: list[Mention], doc: Document, layout) -> list[Campaign]:
    dates = [m for m in mentions if m.type == "date" and not _in(layout.dateline, m.start)]
    docs = [m for m in mentions if m.type == "doc_ref"]
    amounts = [m for m in mentions if m.type in ("count", "percent", "money")]
    campaign_dates = [_date_of(f, dates, docs, doc, found) for f in found]
    _share_coordinated_dates(found, campaign_dates, doc.text)
    plans = _plans(found, docs, doc)
    facts, reasons = _facts(found, amounts, dates, docs, campaign_dates, doc, layout)
    return [Campaign(f.name, f.start, f.end, f.kind, campaign_dates[i][0] if campaign_dates[i] else None,
                     tuple(plans[i]), tuple(facts[i]), rule=f.rule,
                     evidence=_evidence(f, campaign_dates[i], plans[i], reasons[i], doc.text))
            for i, f in enumerate(found)]


def _in(span, pos: int) -> bool:
    return bool(span) and span[0] <= pos < span[1]


def _evidence(f: Found, when, plans, fact_reasons, text: str) -> tuple[str, ...]:
    """For --explain: the mentions found, and why each link was made."""
    out = [f"mentioned as {text[s:e]!r}" for s, e in f.mentions[:6]]
    if not f.top_level:
        out.append("nested in another campaign's name: no plans, facts or sentence date of its own")
    if when:
        out.append(f"date {when[0]} ({when[1]})")
    out += [f"plan {ref}: a plan-type document in a sentence naming it" for ref in plans]
    out += fact_reasons
    return tuple(out)


# --- date ---------------------------------------------------------------------------
def _in_nested(pos: int, f: Found, found: list[Found]) -> bool:
    """Is pos inside another campaign named within one of f's mentions?"""
    return any(g is not f and g.start <= pos < g.end and any(s <= g.start and g.end <= e for s, e in f.mentions)
               for g in found)


def _date_of(f: Found, dates, docs, doc: Document, found_all: list[Found]):
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
                if ("/" in d["value"] and ANNIVERSARY.search(text, start, end)) or _is_issue_date(d, docs, text):
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
        if not d.get("value") or _is_issue_date(d, docs, text):
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
            if sentence.start <= d.start < verb.start() and d.get("value") and not _is_issue_date(d, docs, doc.text):
                clause = doc.clause_at(d.start)
                if clause is not None and clause.kind == "opening":
                    return d["value"], f"the date of the sentence reporting its launch ({verb.group(0)!r})"
    return None


def _paragraph_year(dates, text: str, paragraph: int, pos: int) -> str | None:
    for d in dates:
        if paragraph <= d.start < pos and _PARAGRAPH_YEAR.match(text[paragraph:d.start]) and len(d.get("value") or "") == 4:
            return d.get("value")
    return None


def _is_issue_date(d: Mention, docs, text: str) -> bool:
    for ref in docs:
        if 0 <= d.start - ref.end <= 8 and "ngày" in text[ref.end:d.start]:
            return True
        if ref.get("issued") == d.get("value") and ref.start > d.start:
            return True
    return False


def _share_coordinated_dates(found: list[Found], dates: list, text: str) -> None:
    """`ngày quốc tế ... và ngày toàn dân ... 26/6`: one date for both (C5)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if dates[i] is None and dates[i + 1] and _AND.fullmatch(text, a.end, b.start):
            dates[i] = dates[i + 1]


# --- plans --------------------------------------------------------------------------
def _plans(found: list[Found], docs, doc: Document) -> list[list[str]]:
    """A plan-type document goes to the campaign its sentence names after it
    (`Kế hoạch ... về việc tổ chức Lễ ra quân`), else to the top-level
    campaigns its sentence named before it (`Lễ ra quân ... theo Kế hoạch ...`)."""
    text = doc.text
    plans: list[list[str]] = [[] for _ in found]
    mentions = sorted((s, e, i) for i, f in enumerate(found) for s, e in f.own_mentions)
    for ref in docs:
        if ref.get("kind") not in PLAN_KINDS or LEGAL_BASIS.search(text, max(0, ref.start - 20), ref.start):
            continue
        s, e = doc.sentence_of(ref.start)
        after = [(ms, me, i) for ms, me, i in mentions if ref.end <= ms < e and found[i].top_level]
        before = {i for ms, _, i in mentions if s <= ms < ref.start and found[i].top_level}
        for i in (_first_and_coordinated(after, text) if after else sorted(before)):
            if ref.get("ref") not in plans[i]:
                plans[i].append(ref.get("ref"))
    return plans


def _first_and_coordinated(after, text: str) -> list[int]:
    chosen = [after[0][2]]
    for (_, prev_end, _), (start, _, i) in zip(after, after[1:]):
        if not _JOINED.fullmatch(text, prev_end, start):
            break
        chosen.append(i)
    return chosen


# --- facts --------------------------------------------------------------------------
def _facts(found: list[Found], amounts, dates, docs, campaign_dates, doc: Document, layout):
    text = doc.text
    facts: list[list[tuple[int, int]]] = [[] for _ in found]
    reasons: list[list[str]] = [[] for _ in found]
    top = [i for i, f in enumerate(found) if f.top_level]
    if not top:
        return facts, reasons
    named: dict[int, list[tuple[int, int]]] = {}     # sentence → [(mention start, campaign)]
    for i in top:
        for s, _ in found[i].standalone:   # a mention inside a ceremony's name is the ceremony's
            si = doc.sentence_index(s)
            if si is not None:
                named.setdefault(si, []).append((s, i))
    first_start = min(found[i].start for i in top)
    first_sentence = doc.sentence_of(first_start)[0]
    main = _main_campaign(found, top, doc, layout)
    names = [(f.start, f.end) for f in found]
    owner_of_sentence = {si: max(here)[1] for si, here in named.items()}   # the campaign a sentence is about
    for m in amounts:
        if any(s <= m.start < e for s, e in names) or _counts_campaigns(m, text) or _describing(m, text):
            continue
        si = doc.sentence_index(m.start)
        in_title = _in(layout.title, m.start)
        if si is None or (m.start < first_sentence and not in_title):
            continue
        owner, why = _owner(m, si, named, owner_of_sentence, main, top, found, doc, text, first_start)
        if owner is None or _before_campaign(m, si, dates, campaign_dates[owner], doc, docs):
            continue
        owner_of_sentence[si] = owner
        for i in [owner] + _coordinated_with(owner, found, doc.sentences[si], text):
            facts[i].append((m.start, m.end))
            reasons[i].append(f"fact {m.text!r}: {why}" + ("" if i == owner else " (stated jointly with a coordinated campaign)"))
    return facts, reasons


def _owner(m, si: int, named, owner_of_sentence, main, top, found, doc: Document, text: str, first_start: int):
    sentence = doc.sentences[si]
    here = named.get(si)
    if here:
        before = [(s, i) for s, i in here if s <= m.start]
        s, i = max(before) if before else min(here)
        return i, "its sentence names the campaign" + (" (the one named nearest before it)" if len(here) > 1 else "")
    for previous in (sentence.continues, sentence.continues_period, si - 1 if _continues(text, sentence) else None):
        if previous is not None and previous in owner_of_sentence:
            return owner_of_sentence[previous], "its sentence continues one about the campaign"
    referred = _referred_by_opening(sentence, top, found, doc)
    if referred is not None:
        return referred
    verb = FACT_VERBS.search(text, sentence.start, sentence.end)
    if verb:
        ceremony = next((i for i in top if found[i].kind == "ceremony"), None)
        if CEREMONY_DAY.search(text, max(sentence.start, verb.start() - 8), verb.end()) and ceremony is not None:
            return ceremony, f"its sentence uses {verb.group(0)!r} of the ceremony's day"
        target = main if main is not None else top[0]
        return target, f"its sentence uses {verb.group(0)!r}"
    owner = main if main is not None else top[0]
    if main is not None and doc.blocks[sentence.block].kind == "title" and _about(found[main].name, text,
                                                                                  sentence.start, sentence.end):
        return main, "the title is about the campaign"
    if "tặng" in found[owner].name.lower() and GIFT_CUES.search(text, sentence.start, sentence.end):
        return owner, "its sentence reports a gift of the gift programme"
    if (main is not None and (found[main].kind in ("drive", "emulation") or found[main].trigger == "phong trào")
            and m.start > found[main].start
            and doc.blocks[sentence.block].kind not in ("title", "heading", "caption")
            and not TOPIC_SHIFT.match(text, sentence.start, sentence.end)
            and RESULT.search(text, sentence.start, sentence.end) and not NOT_RESULT.search(text, sentence.start, sentence.end)):
        return main, "the article is about the drive and its sentence reports a result"
    return None, None


# The word a campaign is referred back to by (`Trong thời gian cao điểm`,
# `Qua 10 ngày ra quân`, `Trong tháng vận động`): its campaign word without a
# leading classifier (`đợt`, `lễ`, `tháng` ... `cao điểm`, `ra quân`, `vận động`).
_CLASSIFIERS = frozenset({"đợt", "lễ", "buổi", "tháng", "tuần", "ngày", "năm", "cuộc"})


def _referred_by_opening(sentence, top: list[int], found: list[Found], doc: Document):
    """A sentence opened by a time phrase that names a campaign by its word
    alone (`Trong thời gian cao điểm, ... xảy ra 21 vụ`, `Qua 10 ngày ra quân,
    toàn tỉnh vận động được 500 người`) reports on that campaign; the one named
    last before the sentence when several share the word."""
    text = doc.text
    openings = [doc.clauses[j] for j in sentence.clauses
                if doc.clauses[j].kind == "opening" and doc.clauses[j].role == "time"]
    for opening in openings:
        phrase = text[opening.start:opening.end].lower()
        candidates = []
        for i in top:
            words = found[i].trigger.split()
            if len(words) > 1 and words[0] in _CLASSIFIERS:
                words = words[1:]
            key = " ".join(words)
            if regex.search(rf"(?<!\p{{L}}){regex.escape(key)}(?!\p{{L}})", phrase) and found[i].start < opening.start:
                candidates.append(i)
        if candidates:
            owner = max(candidates, key=lambda i: found[i].start)
            return owner, f"its sentence opens with {text[opening.start:opening.end]!r}, which refers to the campaign"
    return None


def _describing(m: Mention, text: str) -> bool:
    """`45 đoàn viên của hai ngành`, `cán bộ, nhân viên hai ngành`: a count
    that says whose, not how many the campaign mobilised."""
    if m.type != "count" or m.text.split()[0].lower() not in NUMBER_WORDS:
        return False   # `với sự tham gia của 200 cán bộ` is the turnout
    if DESCRIBING_BEFORE.search(text, max(0, m.start - 8), m.start):
        return True
    before = text[max(0, m.start - 12):m.start].split()
    return bool(before) and (before[-1].lower() in ONE_SYLLABLE_NOUNS or " ".join(before[-2:]).lower() in TWO_SYLLABLE_NOUNS)


_CONTENT_WORD = compile_pattern(r"[\p{L}\p{M}]+")
ABOUT_SHARE = 0.4


def _about(name: str, text: str, start: int, end: int) -> bool:
    """Does text[start:end] (a title) write most of the campaign's name words
    (`Triển khai tiêm vắc xin phòng sởi cho ...` for `chiến dịch tiêm vắc xin
    sởi cho trẻ ...`)?"""
    words = {w.lower() for w in _CONTENT_WORD.findall(name)} - {w for w in TRIGGER_WORDS}
    here = {w.lower() for w in _CONTENT_WORD.findall(text, start, end)}
    return bool(words) and len(words & here) / len(words) >= ABOUT_SHARE


TRIGGER_WORDS = frozenset(w for e in lexicon.load("campaign_words").entries for w in e.phrase.split())


def _coordinated_with(owner: int, found: list[Found], sentence, text: str) -> list[int]:
    """`Chương trình “A” và “B”`: a figure stated for A where the sentence
    names B beside it belongs to both (NOTES C7)."""
    group = found[owner].group
    if group is None:
        return []
    return [i for i, f in enumerate(found) if i != owner and f.group == group
            and text.find(f.name, sentence.start, sentence.end) != -1]


def _continues(text: str, sentence) -> bool:
    return bool(CONTINUATION.match(text, sentence.start, sentence.end))


def _main_campaign(found: list[Found], top: list[int], doc: Document, layout) -> int | None:
    """The campaign the article is about: the top-level one its title names
    (the drive when it names a ceremony and the drive it launches), else the
    one its lead's first sentence names."""
    regions = []
    if layout.title:
        regions.append(layout.title)
    lead = next((b for b in doc.blocks if b.kind in ("paragraph", "lead_in")), None)
    if lead is not None:
        regions.append((lead.start, doc.sentence_of(lead.start)[1]))
    for start, end in regions:
        inside = [i for i in top if any(start <= s < end for s, _ in found[i].mentions)]
        inside += [i for i, f in enumerate(found) if f.nested_in is not None and start <= f.start < end and i not in inside]
        if inside:
            drives = [i for i in inside if found[i].kind in ("drive", "emulation")]
            return (drives or inside)[0]
    return None


def _before_campaign(m: Mention, si: int, dates, when, doc: Document, docs=()) -> bool:
    """Figures of another time than the campaign's: `Tính đến ngày 30/4/2022,
    toàn tỉnh có 7.842 người ...` before a drive launched on 14/5 (the
    situation before it), `phấn đấu năm 2022 đạt 91%` in a clause of its own
    about a drive of February–April (the year's target). A cited document's
    issue date and a comparison base (`so với cùng kỳ năm 2023`) are no time
    of the figure."""
    if not when:
        return False
    begin, finish = _start_day(when[0]), _end_day(when[0])
    if begin is None:
        return False
    text = doc.text
    s = doc.sentences[si].start
    semi = text.rfind(";", s, m.start)
    usable = [d for d in dates if s <= d.start < m.start and d.get("value") and not _is_issue_date(d, docs, text)
              and not COMPARISON_BEFORE.search(text, max(s, d.start - 40), d.start)]
    # the figure's own `;` clause's dates outrank the sentence's opening ones (H12)
    own = [d for d in usable if d.start > semi] if semi != -1 else usable
    for d in own or usable:
        first, last = _start_day(d["value"], whole=True), _end_day(d["value"], whole=True)
        if last is not None and last < begin:
            return True
        if semi != -1 and d.start > semi and first is not None and finish is not None and (first < begin or last > finish):
            return True   # its own clause's time is not the campaign's
    return False


def _start_day(value: str, whole: bool = False) -> date | None:
    """The first day of an ISO value (`2022-05-14`, `2022-05` → 1 May,
    `2022` → 1 January with whole=True; else only day values count)."""
    first = value.split("/")[0]
    return _bound(first, whole, last=False)


def _end_day(value: str, whole: bool = False) -> date | None:
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


def _counts_campaigns(m: Mention, text: str) -> bool:
    """`2 Lễ ra quân “A” và “B”`: a count of the campaigns themselves."""
    return m.type == "count" and bool(m.get("unit")) and TRIGGER.match(text, m.end - len(m.get("unit"))) is not None


# --- examples ---------------------------------------------------------------------
# (text, {campaign name: [the texts of its facts]}); run through the whole
# pipeline by tests/test_examples.py.
FACT_EXAMPLES: list[tuple[str, dict[str, list[str]]]] = [
    ("Sáng 14/5/2022, BHXH tỉnh tổ chức Lễ ra quân hưởng ứng Tháng vận động triển khai BHXH toàn dân với 350 cán bộ "
     "tham gia. Tính đến ngày 30/4/2022, toàn tỉnh có 7.842 người tham gia BHXH tự nguyện. Mục tiêu của Tháng vận "
     "động là phát triển thêm 1.500 người. Kết quả, sau một tuần triển khai Tháng vận động, toàn tỉnh vận động được "
     "612 người.",
     {"Lễ ra quân hưởng ứng Tháng vận động triển khai BHXH toàn dân": ["350 cán bộ"],
      "Tháng vận động triển khai BHXH toàn dân": ["1.500 người", "612 người"]}),
    ("Chiều 21/11/2016, BHXH tỉnh phát động đợt thi đua “45 ngày đêm về đích”. Cũng trong chiều 21/11, Công đoàn "
     "phát động phong trào “Tặng sổ BHXH cho ngư dân nghèo”. Ngay sau khi phát động, đã có 312 đoàn viên ủng hộ "
     "96 triệu đồng.",
     {"45 ngày đêm về đích": [], "Tặng sổ BHXH cho ngư dân nghèo": ["312 đoàn viên", "96 triệu đồng"]}),
    ("Cục Hải quan bắt giữ 126 vụ trong đợt cao điểm chống buôn lậu dịp Tết. Trong đợt cao điểm chống buôn lậu dịp "
     "Tết, Cục đã huy động 230 cán bộ. So với cùng kỳ năm 2023, số vụ bắt giữ tăng 15,6%. Cũng theo Cục Hải quan, "
     "kim ngạch xuất nhập khẩu đạt 1,15 tỷ USD.",
     {"đợt cao điểm chống buôn lậu dịp Tết": ["126 vụ", "230 cán bộ", "15,6%"]}),
    ("Sáng 5/9/2020, huyện tổ chức Lễ ra quân tuyên truyền BHYT với sự tham gia của 200 cán bộ, nhân viên hai ngành. "
     "Nhân dịp này, các nhà hảo tâm trao tặng 50 thẻ BHYT.",
     {"Lễ ra quân tuyên truyền BHYT": ["200 cán bộ", "50 thẻ"]}),
    ("Hưởng ứng Chương trình “Tặng thẻ BHYT cho người nghèo” và “Không để ai bị bỏ lại phía sau”, từ năm 2021 "
     "đến nay tỉnh đã nhận 5,2 tỷ đồng cho chương trình “Tặng thẻ BHYT cho người nghèo” và “Không để ai bị bỏ lại "
     "phía sau”.",
     {"Tặng thẻ BHYT cho người nghèo": ["5,2 tỷ đồng"], "Không để ai bị bỏ lại phía sau": ["5,2 tỷ đồng"]}),
    ("Tính đến ngày 30/4/2022, toàn tỉnh có 7.842 người tham gia; ngày 14/5/2022, tỉnh tổ chức Lễ ra quân tuyên "
     "truyền BHXH tự nguyện với 300 người tham gia.",
     {"Lễ ra quân tuyên truyền BHXH tự nguyện": ["300 người"]}),
    ("Đợt cao điểm thu hồi nợ thuế từ ngày 25/11 đến hết ngày 31/12/2019 được triển khai theo Kế hoạch số "
     "2856/KH-CT ngày 18/11/2019, với mục tiêu thu hồi tối thiểu 250 tỷ đồng.",
     {"Đợt cao điểm thu hồi nợ thuế": ["250 tỷ đồng"]}),
    # a time opening that refers back to the campaign by its word
    ("Công an tỉnh Bình Định triển khai đợt cao điểm bảo đảm trật tự an toàn giao thông dịp Tết. Trong thời gian "
     "cao điểm, trên địa bàn tỉnh xảy ra 21 vụ tai nạn giao thông, làm chết 15 người.",
     {"đợt cao điểm bảo đảm trật tự an toàn giao thông dịp Tết": ["21 vụ", "15 người"]}),
    ("Ngày 10/3/2020, BHXH tỉnh Sơn La tổ chức lễ ra quân tuyên truyền BHXH tự nguyện. Qua 10 ngày ra quân, "
     "toàn tỉnh đã có thêm 530 người tham gia.",
     {"lễ ra quân tuyên truyền BHXH tự nguyện": ["530 người"]}),
    ("Tỉnh Đắk Lắk phát động Tháng vận động tham gia BHYT hộ gia đình. Trong năm 2019, toàn tỉnh có 1,6 triệu người "
     "tham gia BHYT.",
     {"Tháng vận động tham gia BHYT hộ gia đình": []}),
]
