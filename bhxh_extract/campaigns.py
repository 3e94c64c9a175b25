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

from dataclasses import dataclass, field

import regex

from .records import Campaign, Mention
from .rules import compile_pattern

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
    (r"[Nn]gày (?:BHYT|BHXH|Bảo hiểm y tế|bảo hiểm y tế|[Qq]uốc tế|[Tt]oàn dân)\s+[\p{L} ,]{2,40}?(?=[\s,.;)”\-–]|$)", "other"),
    (r"[Cc]hương trình(?=\s*“)", "other"),
)
TRIGGER = compile_pattern("|".join(f"(?P<k{i}>(?<![\\p{{L}}]){p})" for i, (p, _) in enumerate(TRIGGERS)))
KIND_OF = {f"k{i}": kind for i, (_, kind) in enumerate(TRIGGERS)}
# Words before a campaign word that make it generic.
GENERIC_BEFORE = compile_pattern(r"(?:các|những|nhiều|mọi|từng|tổ chức các|Ban)\s+$")
# Words right after a campaign word that show no name follows.
NO_NAME_AFTER = compile_pattern(
    r"\G\s*(?:này|đó|trên|đã|được|sẽ|do|của|với|và|là|thì|nhằm|để|trong|tại|,|\.|;|:|\)|$|lần này|"
    r"chuyên đề|thực sự|ra quân|phát hiện|sôi nổi)")
QUOTED = compile_pattern(r"\G\s*(?:với\s+chủ\s+đề\s*:?\s*)?(?:(?:là|như)\s*:?\s*)?“(?P<name>[^”\n]{3,200})”")
# Where an unquoted name stops.
NAME_STOP = compile_pattern(
    r"\s(?:theo|của|do|tại|trên địa bàn|nhằm|để|vào|từ|đã|được|sẽ|với|trong toàn|bằng hình thức|đồng bộ|"
    r"gắn với|và thông qua|cho|ngày\s+\d|năm\s+\d{4}\s*(?:của|do|trong|,))(?!\p{L})|[.;:()“”\n]|,\s(?!BHYT|BHXH|bảo hiểm)")
MAX_NAME = 160
FACT_CUES = compile_pattern(r"(?i)ra quân|phát động|hưởng ứng|ủng hộ|quyên góp|tặng|trao")
CONTINUATION = compile_pattern(r"^\s*(?:Theo đó|Kết quả|Cụ thể|Qua đó|Trong đó|Ngay sau)")
PLAN_KINDS = {"Kế hoạch", "Kế hoạch liên tịch", "Chương trình", "Chương trình liên tịch", "Phương án",
              "Công văn", "Quyết định", "Hướng dẫn", "Công điện", "Thông báo", "Đề án"}


@dataclass
class _Found:
    name: str
    start: int
    end: int
    kind: str
    trigger: str
    nested_in: int | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _name_after(text: str, trig: regex.Match, limit: int) -> tuple[int, int] | None:
    quoted = QUOTED.match(text, trig.end())
    if quoted:
        return quoted.span("name")
    if NO_NAME_AFTER.match(text, trig.end()):
        return None
    stop = NAME_STOP.search(text, trig.end(), min(limit, trig.end() + MAX_NAME))
    end = stop.start() if stop else min(limit, trig.end() + MAX_NAME)
    end = len(text[:end].rstrip(" ,-–"))
    return (trig.start(), end) if end - trig.end() >= 3 else None


def find_campaigns(text: str, regions, mentions: list[Mention], sentence_of) -> list[Campaign]:
    found: list[_Found] = []
    for start, end in regions:
        for trig in TRIGGER.finditer(text, start, end):
            _consider(text, trig, end, found)
    _mark_nested(found)
    dates = [m for m in mentions if m.type == "date"]
    docs = [m for m in mentions if m.type == "doc_ref"]
    amounts = [m for m in mentions if m.type in ("count", "percent", "money")]
    out = []
    for i, f in enumerate(found):
        date = _date_of(f, dates, docs, text, sentence_of)
        plans = [] if f.nested_in is not None else _plans_of(f, docs, sentence_of)
        facts = [] if f.nested_in is not None else _facts_of(f, found, amounts, text, sentence_of)
        out.append(Campaign(f.name, f.start, f.end, f.kind, date, tuple(plans), tuple(facts),
                            rule=f"campaign word: {f.trigger}",
                            evidence=tuple(text[s:e] for s, e in f.mentions[:5])))
    return out


def _consider(text: str, trig: regex.Match, limit: int, found: list[_Found]) -> None:
    kind = KIND_OF[trig.lastgroup]
    if GENERIC_BEFORE.search(text, max(0, trig.start() - 16), trig.start()):
        quoted_list = QUOTED.match(text, trig.end()) or regex.match(r"\s*(?:thi đua\s*)?,?\s*(?:như|gồm)\s*:?\s*“", text[trig.end():trig.end() + 30])
        if not quoted_list:
            return
    trigger_text = trig.group(0).lower()
    for f in found:   # a later mention of a campaign already found
        if f.trigger == trigger_text and f.kind in ("ceremony", "drive", "emulation") and not QUOTED.match(text, trig.end()):
            f.mentions.append(trig.span())
            return
    quoted_names = _quoted_list(text, trig.end(), limit)
    if quoted_names and kind != "other" or quoted_names and trig.group(0).lower().startswith("chương trình"):
        for s, e in quoted_names:
            _add(found, text[s:e], s, e, kind, trigger_text)
        return
    span = trig.span() if trigger_text.startswith("ngày") else _name_after(text, trig, limit)
    if span is None:
        return
    if kind == "other" and trigger_text.startswith("phong trào") and not text[trig.end():span[1]].strip():
        return
    _add(found, text[span[0]:span[1]], span[0], span[1], kind, trigger_text)


def _quoted_list(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """`phong trào thi đua, như: “A” (…); “B” và “C”`: every quoted name."""
    head = regex.match(r"\s*(?:thi đua\s*)?,?\s*(?:như|gồm|là)?\s*:?\s*(?:với\s+chủ\s+đề\s*:?\s*)?", text[pos:])
    cursor = pos + (head.end() if head else 0)
    names = []
    while cursor < limit:
        m = regex.match(r"“([^”\n]{3,200})”", text[cursor:limit])
        if not m:
            break
        names.append((cursor + m.start(1), cursor + m.end(1)))
        cursor += m.end()
        sep = regex.match(r"\s*(?:\([^()]{0,40}\))?\s*(?:;|,|và)\s*", text[cursor:limit])
        if not sep:
            break
        cursor += sep.end()
    return names


def _add(found: list[_Found], name: str, start: int, end: int, kind: str, trigger: str) -> None:
    key = regex.sub(r"\s+", " ", name.lower().replace("–", "-"))
    for f in found:
        if regex.sub(r"\s+", " ", f.name.lower().replace("–", "-")) == key:
            f.mentions.append((start, end))
            return
    found.append(_Found(name, start, end, kind, trigger, mentions=[(start, end)]))


def _mark_nested(found: list[_Found]) -> None:
    for i, inner in enumerate(found):
        for j, outer in enumerate(found):
            if i != j and outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start):
                inner.nested_in = j
                break


_DATE_LINK = compile_pattern(r"^[\s(,]*(?:(?:vào|diễn ra|tổ chức|trong|từ|sáng|chiều|tối)\s+)*(?:ngày|năm|giai đoạn|\()?\s*$")


def _date_of(f: _Found, dates, docs, text: str, sentence_of) -> str | None:
    issued = {d.get("issued") for d in docs}
    for start, end in f.mentions:
        for d in dates:   # a date attached to the name: `(giai đoạn 2016-2020)`, `ngày 11/7`
            if d.start >= end and _DATE_LINK.match(text[end:d.start]) and d.start - end < 25:
                return d.get("value")
    if f.nested_in is not None:
        return None
    for start, end in f.mentions:
        s, e = sentence_of(start)
        for d in dates:
            if s <= d.start < e and d.get("value") and not _is_issue_date(d, docs, text):
                return d.get("value")
    return None


def _is_issue_date(date: Mention, docs, text: str) -> bool:
    for doc in docs:
        if 0 <= date.start - doc.end <= 8 and "ngày" in text[doc.end:date.start]:
            return True
        if doc.get("issued") == date.get("value") and doc.start > date.start:
            return True
    return False


def _plans_of(f: _Found, docs, sentence_of) -> list[str]:
    plans: list[str] = []
    for start, _ in f.mentions:
        s, e = sentence_of(start)
        for doc in docs:
            if s <= doc.start < e and doc.get("kind") in PLAN_KINDS and doc.get("ref") not in plans:
                plans.append(doc.get("ref"))
    return plans


def _facts_of(f: _Found, found: list[_Found], amounts, text: str, sentence_of) -> list[tuple[int, int]]:
    """Figures in the campaign's own sentences (those naming it or using its
    verbs, and the sentence right after that continues them) while it is the
    campaign the paragraph is about."""
    own_sentences = {sentence_of(s) for s, _ in f.mentions}
    first_sentence = min(own_sentences)
    facts = []
    for m in amounts:
        sent = sentence_of(m.start)
        if sent < first_sentence or _owner(sent, found, text, sentence_of) is not f:
            continue
        if sent in own_sentences or FACT_CUES.search(text, sent[0], sent[1]) or _continues(text, sent, own_sentences, sentence_of):
            facts.append((m.start, m.end))
    return facts


def _continues(text: str, sent, own_sentences, sentence_of) -> bool:
    if not CONTINUATION.match(text[sent[0]:sent[1]]):
        return False
    previous = sentence_of(max(0, sent[0] - 2))
    return previous in own_sentences


def _owner(sent, found: list[_Found], text: str, sentence_of):
    """The campaign a sentence's figures belong to: the last top-level one
    mentioned at or before it."""
    owner = None
    for f in found:
        if f.nested_in is not None:
            continue
        if any(sentence_of(s) <= sent for s, _ in f.mentions):
            last = max(s for s, _ in f.mentions if sentence_of(s) <= sent)
            if owner is None or last > owner[1]:
                owner = (f, last)
    return owner[0] if owner else None
