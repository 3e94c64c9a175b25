"""A campaign's facts (guide section 4): see campaign_links for the rules."""
from __future__ import annotations

import regex

from .. import lexicon
from ..extractors.counted import ONE_SYLLABLE_NOUNS, TWO_SYLLABLE_NOUNS
from ..extractors.campaigns import TRIGGER, Found
from ..records import Mention
from ..extractors.rules import compile_pattern
from ..text.vietnamese import NUMBER_WORDS
from .campaign_dates import end_day, in_span, is_issue_date, start_day
from .structure import Document

FACT_VERBS = compile_pattern(r"(?i)ra quân|phát động|hưởng ứng|ủng hộ|quyên góp")
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


# --- facts --------------------------------------------------------------------------
def facts_of(found: list[Found], amounts, dates, docs, campaign_dates, doc: Document, layout):
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
        in_title = in_span(layout.title, m.start)
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
    begin, finish = start_day(when[0]), end_day(when[0])
    if begin is None:
        return False
    text = doc.text
    s = doc.sentences[si].start
    semi = text.rfind(";", s, m.start)
    usable = [d for d in dates if s <= d.start < m.start and d.get("value") and not is_issue_date(d, docs, text)
              and not COMPARISON_BEFORE.search(text, max(s, d.start - 40), d.start)]
    # the figure's own `;` clause's dates outrank the sentence's opening ones (H12)
    own = [d for d in usable if d.start > semi] if semi != -1 else usable
    for d in own or usable:
        first, last = start_day(d["value"], whole=True), end_day(d["value"], whole=True)
        if last is not None and last < begin:
            return True
        if semi != -1 and d.start > semi and first is not None and finish is not None and (first < begin or last > finish):
            return True   # its own clause's time is not the campaign's
    return False




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

