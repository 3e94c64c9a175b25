"""Campaigns (guide section 4): named events and movements, with their date,
the plans they are held under and the figures about them.

Vietnamese facts:
- Campaign words: `Lễ ra quân` (launch ceremony, "going out of the
  barracks"), `Lễ phát động` (kick-off ceremony), `Tháng vận động` /
  `Tháng hành động` (campaign month), `chiến dịch`, `đợt cao điểm`
  (peak drive), `cuộc vận động` (drive), `phong trào thi đua`, `đợt thi đua`
  (emulation movements), `lời kêu gọi` (public call), named days (`Ngày BHYT
  Việt Nam`, 7 July), programmes named in quotes (`Chương trình “...”`).
- `các phong trào thi đua` ("the emulation movements") is generic; a
  campaign has a name: a quoted one, or the words after the campaign word.
- `ra quân`, `phát động`, `hưởng ứng` ("respond to") are the verbs of a
  campaign's own sentences: the figures there are its turnout and results.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from .records import Campaign, Mention
from .rules import compile_pattern
from . import lexicon

# What may follow the comma of a fixed pair (`khám, chữa bệnh`, lexicon
# `fixed_pairs`): that comma does not end a campaign name.
FIXED_PAIR_SECOND = "(?:" + "|".join(regex.escape(e.phrase.split(", ", 1)[1])
                                     for e in lexicon.load("fixed_pairs").entries) + ")"

# trigger (as a pattern) → kind
TRIGGERS: tuple[tuple[str, str], ...] = (
    (r"[Ll]ễ ra quân", "ceremony"),
    (r"[Ll]ễ phát động", "ceremony"),
    (r"[Ll]ễ (?:mít tinh|míttinh|hưởng ứng|khởi động|phát động)", "ceremony"),
    (r"[Tt]háng (?:vận động|hành động)", "drive"),
    (r"[Cc]hiến dịch", "drive"),
    (r"[Đđ]ợt cao điểm", "drive"),
    (r"[Cc]uộc vận động", "drive"),
    (r"[Pp]hong trào thi đua", "emulation"),
    (r"[Đđ]ợt thi đua", "emulation"),
    (r"[Ll]ời kêu gọi|[Tt]hư kêu gọi", "call"),
    (r"[Pp]hong trào", "other"),
    # named days: `Ngày BHYT Việt Nam`, `ngày quốc tế phòng chống ma túy`,
    # `ngày toàn dân phòng, chống ma túy` (`phòng, chống` = "prevent and fight")
    (r"[Nn]gày (?:(?:BHYT|BHXH|Bảo hiểm y tế|Bảo hiểm xã hội)(?:\s+\p{Lu}\p{Ll}*)+"
     r"|(?:[Qq]uốc tế|[Tt]oàn dân|[Tt]hế giới)(?:\s+(?!và\b)\p{Ll}+|,\s+chống){1,8})", "other"),
    (r"[Cc]hương trình(?=\s*“)", "other"),
)
TRIGGER = compile_pattern("|".join(f"(?P<k{i}>(?<![\\p{{L}}]){p})" for i, (p, _) in enumerate(TRIGGERS)))
KIND_OF = {f"k{i}": kind for i, (_, kind) in enumerate(TRIGGERS)}
# Words before a campaign word that make it generic.
GENERIC_BEFORE = compile_pattern(r"(?:các|những|nhiều|mọi|từng|tổ chức các|Ban)\s+$")
# Words right after a campaign word that show no name follows.
NO_NAME_AFTER = compile_pattern(
    r"\G\s*(?:này|đó|trên|đã|được|sẽ|do|của|với|và|là|thì|nhằm|để|trong|tại|,|\.|;|:|\)|$|lần này|"
    r"chuyên đề|thực sự|ra quân|sôi nổi)")
# `(Thông) qua phong trào thi đua, ...`, `qua đợt cao điểm ...`: the campaign
# word as the instrument of a clause ("through emulation, units discover ...")
# refers to the activity in general or back to a campaign already named; it
# introduces no new name unless a quoted one follows.
INSTRUMENT_BEFORE = compile_pattern(r"(?<![\p{L}])(?:[Tt]hông qua|[Qq]ua|[Nn]hờ|[Bb]ằng)\s+$")
QUOTED = compile_pattern(r"\G\s*(?:(?:như|gồm)\s*:?\s*)?“(?P<name>[^”\n]{3,200})”")
# Where an unquoted name stops.
NAME_STOP = compile_pattern(
    r"\s(?:theo|của|do(?=\s+\p{Lu})|tại|trên địa bàn|nhằm|để|vào|từ|đã|được|sẽ|với|trong toàn|bằng hình thức|"
    r"đồng bộ|gắn với|và thông qua|cho|ngay|đến|ngày\s+\d)(?!\p{L})|[.;:()“”\n]"
    rf"|,\s(?!BHYT|BHXH|BHTN|bảo hiểm|{FIXED_PAIR_SECOND})")
# A drive or day named inside a ceremony's name ends before its subtitle.
SUBTITLE = compile_pattern(r"\s[-–]\s(?=\p{Lu})")
# A name that is only a period (`phong trào thi đua năm 2024`) names no
# campaign of its own when the article's title names one of its kind.
PERIOD_ONLY = compile_pattern(r"^\s*(?:năm|giai đoạn)\s+[\d\s–\-]+$")
# `kỷ niệm 30 năm thành lập ngành (16/2/1995 - 16/2/2025)`: the anniversary's period.
ANNIVERSARY = compile_pattern(r"kỷ niệm[^“”]*$")
MAX_NAME = 160
# Campaign linking compares campaigns pairwise; an article names a handful.
# Past this many campaign words the text is not an article (hostile input).
MAX_TRIGGERS = 500
FACT_CUES = compile_pattern(r"(?i)ra quân|phát động|hưởng ứng|ủng hộ|quyên góp")
GIFT_CUES = compile_pattern(r"(?i)trao tặng|tặng|trao")
CONTINUATION = compile_pattern(r"^\s*(?:Theo đó|Kết quả|Cụ thể|Qua đó|Trong đó|Ngay sau)")
# `theo quy trình tại Quyết định 595/...`: a rule the work follows, not a plan.
LEGAL_BASIS = compile_pattern(r"(?:quy trình|quy định|hướng dẫn)\s+tại\s*$")
PLAN_KINDS = {"Kế hoạch", "Kế hoạch liên tịch", "Chương trình", "Chương trình liên tịch", "Phương án",
              "Công văn", "Quyết định", "Hướng dẫn", "Công điện", "Thông báo", "Đề án"}


@dataclass
class _Found:
    name: str
    start: int
    end: int
    kind: str
    trigger: str
    listed: bool = False            # one of several quoted names after one campaign word
    nested_in: int | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    standalone: list[tuple[int, int]] = field(default_factory=list)   # mentions not inside another's name

    @property
    def top_level(self) -> bool:
        """Not nested, or also named on its own (`... phối hợp tổ chức Tháng
        vận động`): then it has its own date, plans and facts."""
        return self.nested_in is None or bool(self.standalone)

    @property
    def own_mentions(self) -> list[tuple[int, int]]:
        return self.standalone if self.nested_in is not None else self.mentions


_NOT_WORD = compile_pattern(r"[\W_]+")
_QUOTED_HEAD = compile_pattern(r"\s*(?:thi đua\s*)?,?\s*(?:như|gồm)?\s*:?\s*")
_QUOTED_ITEM = compile_pattern(r"“([^”\n]{3,200})”")
_QUOTED_SEP = compile_pattern(r"\s*(?:\([^()]{0,40}\))?\s*(?:;|,|và)\s*")
_AND = compile_pattern(r"\s+và\s+")
_JOINED = compile_pattern(r"\s*(?:,|và)\s*")


def _key(name: str) -> str:
    """Names compared without case, punctuation or spacing (`Covid -19` =
    `Covid-19`; `nghèo, không để` = `nghèo – Không để`)."""
    return _NOT_WORD.sub(" ", name.lower()).strip()


def _name_after(text: str, trig: regex.Match, limit: int, kind: str) -> tuple[int, int] | None:
    quoted = QUOTED.match(text, trig.end())
    if quoted:
        return quoted.span("name")
    if NO_NAME_AFTER.match(text, trig.end()):
        return None
    window_end = min(limit, trig.end() + MAX_NAME)
    stop = NAME_STOP.search(text, trig.end(), window_end)
    end = stop.start() if stop else window_end
    if kind != "ceremony":
        subtitle = SUBTITLE.search(text, trig.end(), end)
        end = subtitle.start() if subtitle else end
    end = len(text[:end].rstrip(" ,-–"))
    return (trig.start(), end) if end - trig.end() >= 3 else None


def find_campaigns(text: str, regions, mentions: list[Mention], sentence_of, title=None) -> list[Campaign]:
    found: list[_Found] = []
    triggers = ((trig, end) for start, end in regions for trig in TRIGGER.finditer(text, start, end))
    for trig, end in itertools.islice(triggers, MAX_TRIGGERS):
        _consider(text, trig, end, found, title)
    _mark_nested(found)
    dates = [m for m in mentions if m.type == "date"]
    docs = [m for m in mentions if m.type == "doc_ref"]
    amounts = [m for m in mentions if m.type in ("count", "percent", "money")]
    campaign_dates = [_date_of(f, dates, docs, text, sentence_of) for f in found]
    _share_coordinated_dates(found, campaign_dates, text)
    plans = _plans(found, docs, text, sentence_of)
    facts, fact_reasons = _facts(found, amounts, text, sentence_of)
    return [Campaign(f.name, f.start, f.end, f.kind, campaign_dates[i], tuple(plans[i]), tuple(facts[i]),
                     rule=f"campaign word: {f.trigger}",
                     evidence=_evidence(f, campaign_dates[i], plans[i], fact_reasons[i], text))
            for i, f in enumerate(found)]


def _evidence(f: _Found, date, plans, fact_reasons, text: str) -> tuple[str, ...]:
    """For --explain: the mentions found, and why each link was made."""
    out = [f"mentioned as {text[s:e]!r}" for s, e in f.mentions[:6]]
    if not f.top_level:
        out.append("nested in another campaign's name: no plans, facts or sentence date of its own")
    if date:
        out.append(f"date {date}")
    out += [f"plan {ref}: a plan-type document in a sentence naming it" for ref in plans]
    out += fact_reasons
    return tuple(out)


def _consider(text: str, trig: regex.Match, limit: int, found: list[_Found], title) -> None:
    kind = KIND_OF[trig.lastgroup]
    trigger_text = trig.group(0).lower()
    quoted_names = _quoted_list(text, trig.end(), limit)
    if GENERIC_BEFORE.search(text, max(0, trig.start() - 16), trig.start()) and not quoted_names:
        return
    if quoted_names and (kind != "other" or trigger_text.startswith("chương trình")):
        for s, e in quoted_names:
            _add(found, text[s:e], s, e, kind, trigger_text, listed=len(quoted_names) > 1)
        return
    named_day = trigger_text.startswith("ngày")
    if not named_day and INSTRUMENT_BEFORE.search(text, max(0, trig.start() - 12), trig.start()):
        _attach_unnamed(trig.span(), trigger_text, kind, found, title)
        return
    span = trig.span() if named_day else _name_after(text, trig, limit, kind)
    if span is None or (not named_day and _is_later_mention(text, trig, span, found)) or (
            _in_title_kind(found, kind, title) and PERIOD_ONLY.match(text[trig.end():span[1]])):
        _attach_unnamed(span or trig.span(), trigger_text, kind, found, title)
        return
    if kind == "other" and trigger_text.startswith("phong trào") and not text[trig.end():span[1]].strip():
        return
    _add(found, text[span[0]:span[1]], span[0], span[1], kind, trigger_text)


def _is_later_mention(text: str, trig: regex.Match, span, found: list[_Found]) -> bool:
    """A ceremony or drive re-named later with other words (`Lễ ra quân
    trực tuyến`) is the one already found with the same campaign word."""
    return any(f.trigger == trig.group(0).lower() and f.kind in ("ceremony", "drive") and not f.listed
               for f in found)


def _in_title_kind(found: list[_Found], kind: str, title) -> bool:
    return any(f.kind == kind and title and title[0] <= f.start < title[1] for f in found)


def _attach_unnamed(span: tuple[int, int], trigger_text: str, kind: str, found: list[_Found], title) -> None:
    """`Đợt thi đua này`, `phong trào thi đua` with no name: a later mention
    of the article's own campaign of that kind (the one its title names),
    else of the latest campaign with that campaign word."""
    same_kind = [f for f in found if f.kind == kind and not f.listed]
    in_title = [f for f in same_kind if title and title[0] <= f.start < title[1]]
    same_word = [f for f in same_kind if f.trigger == trigger_text]
    target = (in_title or same_word or [None])[-1]
    if target is not None:
        target.mentions.append(span)


def _quoted_list(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """`phong trào thi đua, như: “A” (…); “B” và “C”`: every quoted name."""
    head = _QUOTED_HEAD.match(text, pos, limit)
    cursor = head.end() if head else pos
    names = []
    while cursor < limit:
        m = _QUOTED_ITEM.match(text, cursor, limit)
        if not m:
            break
        names.append(m.span(1))
        sep = _QUOTED_SEP.match(text, m.end(), limit)
        if not sep:
            break
        cursor = sep.end()
    return names


def _add(found: list[_Found], name: str, start: int, end: int, kind: str, trigger: str, listed=False) -> None:
    for f in found:
        if _key(f.name) == _key(name):
            f.mentions.append((start, end))
            return
    found.append(_Found(name, start, end, kind, trigger, listed, mentions=[(start, end)]))


def _mark_nested(found: list[_Found]) -> None:
    for i, inner in enumerate(found):
        for j, outer in enumerate(found):
            if i != j and outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start):
                inner.nested_in = j
                break
    for i, f in enumerate(found):
        others = [span for j, g in enumerate(found) if j != i for span in g.mentions]
        f.standalone = [(s, e) for s, e in f.mentions
                        if not any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe in others)]


# --- date ---------------------------------------------------------------------------
_DATE_LINK = compile_pattern(r"^[ \t(,”]*(?:(?:vào|diễn ra|tổ chức|trong|từ|sáng|chiều|tối)[ \t]+)*(?:ngày|năm|giai đoạn|\()?[ \t]*$")
_PARAGRAPH_YEAR = compile_pattern(r"^\s*(?:Trong\s+|Riêng\s+)?$")


def _date_of(f: _Found, dates, docs, text: str, sentence_of) -> str | None:
    """The date attached to a mention of its name (`(giai đoạn 2016-2020)`,
    `ngày 11/7`); else, for a top-level campaign named alone, a date in a
    sentence that mentions it (not a cited document's issue date); else the
    year that opens its paragraph (`Năm 2020, ... đã tổ chức 2 Lễ ra quân`)."""
    for start, end in f.mentions:
        for d in dates:
            if d.start >= end and d.start - end < 25 and _DATE_LINK.match(text[end:d.start]):
                if ("/" in (d.get("value") or "") and ANNIVERSARY.search(text, start, end)) or _is_issue_date(d, docs, text):
                    continue
                return d.get("value")
    if not f.top_level:
        return None
    paragraph = text.rfind("\n", 0, f.start) + 1
    if f.listed:
        return _paragraph_year(dates, text, paragraph, f.start)
    for start, _ in f.own_mentions:
        s, e = sentence_of(start)
        for d in dates:
            if s <= d.start < e and d.get("value") and not _is_issue_date(d, docs, text):
                return d.get("value")
    return _paragraph_year(dates, text, paragraph, f.start)


def _paragraph_year(dates, text: str, paragraph: int, pos: int) -> str | None:
    for d in dates:
        if paragraph <= d.start < pos and _PARAGRAPH_YEAR.match(text[paragraph:d.start]) and len(d.get("value") or "") == 4:
            return d.get("value")
    return None


def _is_issue_date(date: Mention, docs, text: str) -> bool:
    for doc in docs:
        if 0 <= date.start - doc.end <= 8 and "ngày" in text[doc.end:date.start]:
            return True
        if doc.get("issued") == date.get("value") and doc.start > date.start:
            return True
    return False


def _share_coordinated_dates(found: list[_Found], dates: list, text: str) -> None:
    """`ngày quốc tế ... và ngày toàn dân ... 26/6`: one date for both (C5)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if dates[i] is None and dates[i + 1] and _AND.fullmatch(text, a.end, b.start):
            dates[i] = dates[i + 1]


# --- plans --------------------------------------------------------------------------
def _plans(found: list[_Found], docs, text: str, sentence_of) -> list[list[str]]:
    """A plan-type document goes to the campaign its sentence names after it
    (`Kế hoạch ... về việc tổ chức Lễ ra quân`), else to the top-level
    campaigns its sentence named before it (`Lễ ra quân ... theo Kế hoạch ...`)."""
    plans: list[list[str]] = [[] for _ in found]
    mentions = sorted((s, e, i) for i, f in enumerate(found) for s, e in f.own_mentions)
    for doc in docs:
        if doc.get("kind") not in PLAN_KINDS or LEGAL_BASIS.search(text, max(0, doc.start - 20), doc.start):
            continue
        s, e = sentence_of(doc.start)
        after = [(ms, me, i) for ms, me, i in mentions if doc.end <= ms < e and found[i].top_level]
        before = {i for ms, _, i in mentions if s <= ms < doc.start and found[i].top_level}
        for i in (_first_and_coordinated(after, text) if after else sorted(before)):
            if doc.get("ref") not in plans[i]:
                plans[i].append(doc.get("ref"))
    return plans


def _first_and_coordinated(after, text: str) -> list[int]:
    """`về tổ chức Lễ ra quân và Tháng vận động`: the first campaign named
    after the document and those joined to it by `và`."""
    chosen = [after[0][2]]
    for (_, prev_end, _), (start, _, i) in zip(after, after[1:]):
        if not _JOINED.fullmatch(text, prev_end, start):
            break
        chosen.append(i)
    return chosen


# --- facts --------------------------------------------------------------------------
def _facts(found: list[_Found], amounts, text: str, sentence_of):
    """Figures of a campaign's own sentences: those naming it or using a
    campaign verb (`ra quân`, `phát động`, `hưởng ứng`, `ủng hộ`), and one
    that continues them (`Theo đó`, `Kết quả`). A sentence's figures belong to
    the top-level campaign it names, else to the article's main campaign (the
    first one); nested campaigns and counts of campaigns get none."""
    facts: list[list[tuple[int, int]]] = [[] for _ in found]
    reasons: list[list[str]] = [[] for _ in found]
    top = [i for i, f in enumerate(found) if f.top_level]
    if not top:
        return facts, reasons
    named_in = {}
    for i in top:
        for s, _ in found[i].own_mentions:
            named_in.setdefault(sentence_of(s), []).append(i)
    first_sentence = min(sentence_of(found[i].start) for i in top)
    for m in amounts:
        sent = sentence_of(m.start)
        if sent < first_sentence or _counts_campaigns(m, text):
            continue
        owners = named_in.get(sent)
        owner = owners[0] if owners else top[0]
        cues = FACT_CUES.search(text, sent[0], sent[1]) or (
            "tặng" in found[owner].name.lower() and GIFT_CUES.search(text, sent[0], sent[1]))
        why = ("its sentence names the campaign" if owners else
               f"its sentence uses {cues.group(0)!r}" if cues else
               "its sentence continues one naming the campaign" if _continues(text, sent, named_in, sentence_of)
               else None)
        if why:
            facts[owner].append((m.start, m.end))
            reasons[owner].append(f"fact {m.text!r}: {why}")
    return facts, reasons


def _counts_campaigns(m: Mention, text: str) -> bool:
    """`2 Lễ ra quân “A” và “B”`: a count of the campaigns themselves."""
    return m.type == "count" and bool(m.get("unit")) and TRIGGER.match(text, m.end - len(m.get("unit"))) is not None


def _continues(text: str, sent, named_in, sentence_of) -> bool:
    if not CONTINUATION.match(text[sent[0]:sent[1]]):
        return False
    return sentence_of(max(0, sent[0] - 2)) in named_in
