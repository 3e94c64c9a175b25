"""Campaigns (guide section 4 and the settled cases of section 5): which named
events and movements an article reports, found by campaign-word rules like
the other dimensions, with their EXAMPLES and NON_EXAMPLES. Their date,
plans and facts are linked through the document structure in
`link/campaign_links.py`.

A campaign word (lexicon `campaign_words`) is a named rule; it introduces a
specific campaign when a name goes with it:
- a quoted name right after it, perhaps after a generic descriptor
  (`đợt thi đua cao điểm “45 ngày đêm về đích”`); several quoted names after
  one word are several campaigns (NOTES C2);
- an unquoted name after it, up to where a name stops (`của`, `tại`,
  `nhằm` ..., a clause mark), that says which one it is: three words or more,
  or a year, a proper name or a quote in it (`phong trào thi đua yêu nước`
  alone is the standing movement, generic; `... năm 2024` is one);
- a call's author and subject (`Lời kêu gọi của Thủ tướng Chính phủ về thực
  hiện phong trào thi đua “...”`), the movement it names being a second,
  nested campaign; a second author sharing the call word (`... và Ủy ban MTTQ
  tỉnh về ủng hộ ...`) is a second call;
- a named day (`Ngày BHYT Việt Nam`, `ngày quốc tế phòng chống ma túy`);
- `Ra quân` opening a title or sentence as the name of a drive (`Ra quân 1
  tháng, Tổ liên ngành bắt giữ ...`).
A ceremony word reported as held without a name is a ceremony named by the
words as written (`lễ ra quân`). Without a name, other words are later
mentions of a campaign already found (`Đợt thi đua này`), or generic.
Generic: after `các`, `những`, `nhiều` ...; describing what something amounts
to (`tạo thành chiến dịch tuyên truyền`); a standing programme without quotes
(`Chương trình mục tiêu quốc gia ...`). A `Hội nghị` is never a campaign.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from .. import lexicon
from .rules import compile_pattern

WORDS = lexicon.load("campaign_words")
KIND_OF_RULE = {"ceremony": "ceremony", "drive": "drive", "emulation": "emulation", "call": "call",
                "movement": "other", "programme": "other", "festival": "other"}
# Named days: `Ngày BHYT Việt Nam`, `ngày quốc tế phòng chống ma túy`, `ngày
# toàn dân phòng, chống ma túy` (`phòng, chống` = "prevent and fight").
# `Ngày Dân số Việt Nam`, `Ngày Vi chất dinh dưỡng`: `Ngày` with a capitalised
# name (not `Ngày 5/9`, a date); an acronym is part of the name (`Ngày Thế
# giới phòng chống AIDS`).
NAMED_DAY = compile_pattern(
    r"(?<![\p{L}])[Nn]gày (?:(?:BHYT|BHXH|Bảo hiểm y tế|Bảo hiểm xã hội)(?:\s+\p{Lu}\p{Ll}*)+"
    r"|(?:[Qq]uốc tế|[Tt]oàn dân|[Tt]hế giới|[Tt]oàn quốc)(?:\s+(?!và\b)\p{Ll}+|\s+\p{Lu}{2,}[\p{Lu}\d/]*|,\s+chống){1,8}"
    r"|(?!Thứ|Chủ|Tết)\p{Lu}\p{Ll}+(?:\s+(?!và\b|tại\b|của\b|năm\b|được\b|là\b)\p{L}+){1,6}?(?=\s*(?:[(,.;:]|\d|năm\b|$|\s+(?:và|tại|của|được|là|diễn ra)\b)))")
# `Tháng “Tri ân người cao tuổi”`, `Tuần “...”`: a month or week named in quotes.
NAMED_PERIOD = compile_pattern(r"(?<![\p{L}])(?:Tháng|Tuần)(?=\s*“)")
# `lễ phát động thi đua “Luyện quân - Lập công”`: the emulation a ceremony
# launches, named in quotes after `thi đua` (`phong trào thi đua`, `đợt thi
# đua` are campaign words of their own).
NAMED_EMULATION = compile_pattern(r"(?<![\p{L}])(?<!(?:[Pp]hong trào|[Đđ]ợt|[Cc]uộc)\s)thi đua(?=\s*“)")
# `Ra quân 1 tháng, Tổ liên ngành ...`: a drive named by `ra quân`, opening a block.
RA_QUAN_DRIVE = compile_pattern(r"(?<=(?:^|\n)[ \t]*)Ra quân(?=\s+(?:\d|\p{L}))")
# What may follow the comma of a fixed pair (`khám, chữa bệnh`, lexicon
# `fixed_pairs`): that comma does not end a campaign name.
FIXED_PAIR_SECOND = "(?:" + "|".join(regex.escape(e.phrase.split(", ", 1)[1])
                                     for e in lexicon.load("fixed_pairs").entries) + ")"
# Words before a campaign word that make it generic.
GENERIC_BEFORE = compile_pattern(r"(?:các|những|nhiều|mọi|từng|tổ chức các|Ban|hàng loạt)\s+$")
# `... để tạo thành chiến dịch tuyên truyền`: what activities amount to.
DESCRIPTIVE_BEFORE = compile_pattern(r"(?:tạo thành|trở thành|như một|là một|thành một)\s+$")
# `(Thông) qua phong trào thi đua, ...`: the campaign word as the instrument
# of a clause refers to the activity in general or back to a campaign named
# before; it introduces no new name unless a quoted one follows.
INSTRUMENT_BEFORE = compile_pattern(r"(?<![\p{L}])(?:[Tt]hông qua|[Qq]ua|[Nn]hờ|[Bb]ằng)\s+$")
# Words right after a campaign word that show no name follows.
NO_NAME_AFTER = compile_pattern(
    r"\G\s*(?:này|đó|trên|đã|được|sẽ|do|của|với|và|là|thì|nhằm|để|trong|tại|có|đạt|chiếm|,|\.|;|:|\)|$|lần này|"
    r"chuyên đề|thực sự|ra quân|sôi nổi)(?!\p{L})")
# A quoted name after the word, perhaps after `như:`, `gồm` or a descriptor:
# for a drive, day or movement one to three lower-case words that are no
# function words (`cao điểm`, `truyền thông`: `chiến dịch truyền thông “Tháng
# 7 cùng BHYT”`, `cuộc vận động toàn dân “...”`); for a ceremony only `cao
# điểm` and its like, as after other words the quote names what it launches
# (`lễ phát động thi đua “...”`, NOTES H22), which the ceremony's name holds.
_DESCRIPTOR_WORD = (r"(?!(?:và|của|với|để|do|được|là|tại|theo|nhằm|đã|sẽ|trong|cho|về|này|đó|các|những|từ|đến)"
                    r"(?![\p{L}\p{M}]))\p{Ll}[\p{Ll}\p{M}]*")


def _quoted_after(descriptor: str) -> regex.Pattern:
    return compile_pattern(rf"\G\s*(?:(?:như|gồm)\s*:?\s*|{descriptor}\s+)?“(?P<name>[^”\n]{{3,200}})”")


QUOTED = _quoted_after(rf"(?:{_DESCRIPTOR_WORD}\s+){{0,2}}{_DESCRIPTOR_WORD}")
CEREMONY_QUOTED = _quoted_after(r"(?:cao điểm|nước rút|đặc biệt|trọng điểm)")
# Where an unquoted name stops.
# (A comma does not stop a name before a further scheme: `... tham gia BHXH tự
# nguyện, BHYT hộ gia đình`; it does before an agency: `..., BHXH tỉnh tổ chức`.)
NAME_STOP = compile_pattern(
    r"\s(?:theo|của|do(?=\s+\p{Lu})|tại|trên địa bàn|nhằm|để|vào|đã|được|sẽ|với|trong(?=\s+(?:các|những|toàn|cả))|"
    r"bằng hình thức|đồng bộ|gắn với|và thông qua|ngay|ngày\s+\d|đạt|chiếm|"
    r"có(?=\s+(?:ông|bà|anh|chị|lãnh đạo|đại diện|sự|các|hơn|gần|\d))|"
    r"(?:từ|đến)(?=\s+(?:ngày|tháng|năm|hết|\d{1,2}/|\d{1,2}\s+tháng)))(?!\p{L})|[.;:“”\n]|\((?!\p{Lu}{2,8}\))|(?<!\(\p{Lu}{2,8})\)"
    rf"|,\s(?!(?:(?:thẻ|sổ)\s+)?(?:BHYT|BHXH|BHTN|bảo hiểm)(?!\s+(?:tỉnh|huyện|thành phố|TP|Việt Nam|và)(?!\p{{L}}))"
    rf"|{FIXED_PAIR_SECOND})")
# A name ends with the year or period it is given (`... dịp Tết năm 2024`
# `kéo dài hai tháng` is no part of it).
NAME_PERIOD_END = compile_pattern(r"(?:năm|giai đoạn|quý\s+\p{L}+\s*/?|nhiệm kỳ)?\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")
# A call's name runs through its author and subject (`của X về Y`) and the
# quoted movement it names, up to the end of its phrase.
CALL_STOP = compile_pattern(r"[.;:()\n]|,\s|\s(?:và|với|để|nhằm|tại|đã|được|với tổng)(?!\p{L})")
SECOND_CALL = compile_pattern(r"\G\s+và\s+(?=(?:của\s+)?\p{Lu})(?:của\s+)?(?P<name>\p{Lu}[^,;.()\n“”]{3,150}?\s+về\s+"
                              r"[^,;.()\n“”]{3,150}?)(?=\s*[,;.()\n]|\s+(?:với|để|nhằm)(?!\p{L}))")
# A drive or day named inside a ceremony's name ends before its subtitle.
SUBTITLE = compile_pattern(r"\s[-–]\s(?=\p{Lu})")
# A name that is only a period (`phong trào thi đua năm 2024`) names no
# campaign of its own when the article's title names one of its kind.
PERIOD_ONLY = compile_pattern(r"^\s*(?:năm|giai đoạn)\s+[\d\s–\-]+$")
# What makes an unquoted name specific: a year or period, a proper name.
_SPECIFIC = compile_pattern(r"\d{4}|\s\p{Lu}|“")
_NAME_WORDS = compile_pattern(r"[\p{L}\p{M}\p{N}]+")
MIN_NAME_WORDS = 3
# A ceremony reported as held or announced (`tổ chức Lễ ra quân`, `Lễ ra
# quân diễn ra`, `tham dự lễ phát động`, `sẽ tổ chức`).
HELD = compile_pattern(r"(?i)tổ chức|diễn ra|tham dự|tham gia|phát biểu tại|khai mạc|đã|sẽ|vừa|sáng|chiều|tối|ngày")
# `Chương trình` without quotes is a campaign as a gift or charity programme.
GIFT_AFTER = compile_pattern(r"\G\s+(?:trao tặng|tặng|trao|ủng hộ|quyên góp|hỗ trợ)(?!\p{L})")
MAX_NAME = 160
# Campaign linking compares campaigns pairwise; an article names a handful.
# Past this many campaign words the text is not an article (hostile input).
MAX_TRIGGERS = 500

TRIGGER = compile_pattern(WORDS.pattern.pattern, regex.IGNORECASE)


class _Trigger:
    """A campaign word found by the lexicon (one pass over the article), with
    the match methods the rules use."""
    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start:self._end]


@dataclass
class Found:
    """A campaign found in the text, before its fields are linked."""
    name: str
    start: int
    end: int
    kind: str
    trigger: str                    # the campaign word (its rule), lower case
    listed: bool = False            # one of several quoted names after one campaign word
    group: int | None = None        # the names listed together share it (their first one's start)
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

    @property
    def rule(self) -> str:
        return f"campaign word: {self.trigger}"


_NOT_WORD = compile_pattern(r"[\W_]+")
_QUOTED_HEAD = compile_pattern(r"\s*(?:thi đua\s*)?,?\s*(?:như|gồm)?\s*:?\s*")
_QUOTED_ITEM = compile_pattern(r"“([^”\n]{3,200})”")
_QUOTED_SEP = compile_pattern(r"\s*(?:\([^()]{0,40}\))?\s*(?:;|,|và)\s*")


def key(name: str) -> str:
    """Names compared without case, punctuation or spacing (`Covid -19` =
    `Covid-19`; `nghèo, không để` = `nghèo – Không để`)."""
    return _NOT_WORD.sub(" ", name.lower()).strip()


def find(text: str, regions, title=None) -> list[Found]:
    """The campaigns of the article regions, in text order, nested ones marked."""
    found: list[Found] = []
    triggers = sorted(((_Trigger(text, h.start, h.end), end, "word") for start, end in regions
                       for h in WORDS.finditer(text, start, end)), key=lambda t: t[0].start())
    days = ((m, end, "day") for start, end in regions for m in NAMED_DAY.finditer(text, start, end))
    ra_quan = ((m, end, "ra quân") for start, end in regions for m in RA_QUAN_DRIVE.finditer(text, start, end))
    periods = ((m, end, "named period") for start, end in regions for m in NAMED_PERIOD.finditer(text, start, end))
    emulations = ((m, end, "named emulation") for start, end in regions for m in NAMED_EMULATION.finditer(text, start, end))
    events = sorted(itertools.chain(triggers, days, ra_quan, periods, emulations), key=lambda t: t[0].start())
    for trig, limit, how in itertools.islice(events, MAX_TRIGGERS):
        if how == "day":
            _add(found, trig.group(0), trig.start(), trig.end(), "other", "ngày (named day)")
        elif how == "ra quân":
            _add(found, trig.group(0), trig.start(), trig.end(), "drive", "ra quân (a drive named by it)")
        elif how in ("named period", "named emulation"):
            quoted = QUOTED.match(text, trig.end())
            if quoted and how == "named period":
                _add(found, quoted.group("name"), *quoted.span("name"), "drive", "tháng/tuần “...” (a named month or week)")
            elif quoted and _later_mention_of(found, "thi đua", quoted.group("name")) is None:
                _add(found, quoted.group("name"), *quoted.span("name"), "emulation", "thi đua “...” (a named emulation)")
        else:
            _consider(text, trig, limit, found, title)
    _mark_nested(found)
    return found


def _consider(text: str, trig: regex.Match, limit: int, found: list[Found], title) -> None:
    word = trig.group(0).lower()
    rule = WORDS.meaning_of[" ".join(word.split())]
    kind = KIND_OF_RULE[rule]
    before = text[max(0, trig.start() - 16):trig.start()]
    quoted_names = _quoted_list(text, trig.end(), limit)
    if (GENERIC_BEFORE.search(before) or DESCRIPTIVE_BEFORE.search(before)) and not quoted_names:
        return
    if quoted_names and (rule != "movement" or word.startswith("chương trình")):
        for s, e in quoted_names:
            _add(found, text[s:e], s, e, kind, word, listed=True, group=quoted_names[0][0])
        return
    quoted = (CEREMONY_QUOTED if kind == "ceremony" else QUOTED).match(text, trig.end())
    if quoted:
        later = _later_mention_of(found, word, quoted.group("name"))
        if later is not None:
            later.mentions.append(quoted.span("name"))
        else:
            _add(found, quoted.group("name"), *quoted.span("name"), kind, word)
        return
    if rule == "programme" and not GIFT_AFTER.match(text, trig.end()):
        return   # `Chương trình mục tiêu quốc gia ...`: a standing programme, not a campaign
    if INSTRUMENT_BEFORE.search(before):
        _attach_unnamed(trig.span(), word, kind, found, title)
        return
    if rule == "call":
        _add_call(text, trig, limit, found, word)
        return
    span = _name_after(text, trig, limit, kind)
    if span is not None and _in_title_kind(found, kind, title) and PERIOD_ONLY.match(text[trig.end():span[1]]):
        span = None
    if span is not None and not _specific(text, trig.end(), span[1]) and (
            kind != "ceremony" or _ceremony_found(found, word)):
        span = None
    if span is None:
        if kind == "ceremony" and not _ceremony_found(found, word) and HELD.search(_sentence_head(text, trig.start())):
            _add(found, trig.group(0), trig.start(), trig.end(), kind, word)   # an unnamed ceremony reported as held
            return
        _attach_unnamed(trig.span(), word, kind, found, title)
        return
    later = _later_mention_of(found, word, text[span[0]:span[1]])
    if later is not None:
        later.mentions.append(span)
        return
    _add(found, text[span[0]:span[1]], span[0], span[1], kind, word)


# `Lễ phát động Tháng “Tri ân người cao tuổi”`: a ceremony's name keeps the
# quoted name inside it (NOTES H22).
_QUOTE_IN_NAME = compile_pattern(r"\G“[^”\n]{3,200}”")


def _name_after(text: str, trig: regex.Match, limit: int, kind: str) -> tuple[int, int] | None:
    if NO_NAME_AFTER.match(text, trig.end()):
        return None
    window_end = min(limit, trig.end() + MAX_NAME)
    stop = NAME_STOP.search(text, trig.end(), window_end)
    end = stop.start() if stop else window_end
    if kind == "ceremony" and stop is not None and stop.group(0) == "“":
        quote = _QUOTE_IN_NAME.match(text, stop.start())
        if quote:
            end = quote.end()
    if kind != "ceremony":
        subtitle = SUBTITLE.search(text, trig.end(), end)
        end = subtitle.start() if subtitle else end
        # a drive's name does not run into another campaign (`đợt cao điểm A và
        # đợt cao điểm B`, `... tiếp nối chiến dịch ...`); a ceremony's holds the
        # drive it launches (`Lễ ra quân hưởng ứng Tháng vận động ...`)
        other = TRIGGER.search(text, trig.end(), end)
        if other is not None:
            head = text[:other.start()].rstrip()
            end = len(head[:-3].rstrip()) if head.endswith(" và") else len(head)
        period = NAME_PERIOD_END.search(text, trig.end(), end)
        if period is not None:
            end = period.end()
    end = len(text[:end].rstrip(" ,-–"))
    return (trig.start(), end) if end - trig.end() >= 3 else None


def _specific(text: str, start: int, end: int) -> bool:
    """An unquoted name says which campaign it is: three words or more, or a
    year, a proper name or a quote in it."""
    return len(_NAME_WORDS.findall(text, start, end)) >= MIN_NAME_WORDS or bool(_SPECIFIC.search(text, start, end))


def _add_call(text: str, trig: regex.Match, limit: int, found: list[Found], word: str) -> None:
    """`Lời kêu gọi của Thủ tướng Chính phủ về ... “X”`: the call with its
    author and subject; `... và Ủy ban MTTQ tỉnh về ủng hộ ...`, a second
    author's call sharing the word."""
    end = _call_end(text, trig.end(), limit)
    if end - trig.end() < 3:
        _attach_unnamed(trig.span(), word, "call", found, None)
        return
    _add(found, text[trig.start():end], trig.start(), end, "call", word)
    second = SECOND_CALL.match(text, end)
    if second:
        _add(found, second.group("name"), *second.span("name"), "call", word)


def _call_end(text: str, pos: int, limit: int) -> int:
    cursor, end = pos, min(limit, pos + 2 * MAX_NAME)
    while cursor < end:
        stop = CALL_STOP.search(text, cursor, end)
        quote = text.find("“", cursor, stop.start() if stop else end)
        if quote == -1:
            return len(text[:stop.start() if stop else end].rstrip(" ,"))
        close = text.find("”", quote, end)
        if close == -1:
            return quote
        cursor = close + 1
    return end


def _sentence_head(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)
    return text[start:pos + 40]


def _ceremony_found(found: list[Found], word: str) -> bool:
    return any(f.kind == "ceremony" and f.trigger == word for f in found)


def _later_mention_of(found: list[Found], word: str, name: str) -> Found | None:
    """A name with the same campaign word that repeats, shortens, lengthens
    or mostly shares the words of one already found is a later mention of it
    (`đợt cao điểm chống buôn lậu dịp Tết` ... `đợt cao điểm đấu tranh phòng,
    chống buôn lậu ... trước, trong và sau Tết`); the best match wins. Two
    drives with the same word but other names are two campaigns (guide 5)."""
    k = _without_word(key(name), word)
    best, best_score = None, 0.0
    for f in found:
        periods, own = _periods(f.name), _periods(name)
        if f.trigger != word or (periods and own and periods != own):
            continue   # another year or phase: another campaign (`... giai đoạn 1 năm 2018`)
        fk = _without_word(key(f.name), word)
        score = 2.0 if (k == fk or k.startswith(fk) or fk.startswith(k)) else (0.0 if f.listed else _shared(k, fk, word))
        if score > best_score:
            best, best_score = f, score
    return best if best_score >= SAME_NAME_SHARE else None


SAME_NAME_SHARE = 0.6


_PERIOD_WORDS = compile_pattern(r"(?:19|20)\d\d|giai đoạn\s+\w+|đợt\s+\d+|lần\s+thứ\s+\w+")


def _periods(name: str) -> frozenset[str]:
    """The years and phases a name writes; empty when it writes none (then it
    can be a later mention of any)."""
    found = frozenset(m.group(0).lower() for m in _PERIOD_WORDS.finditer(name))
    return found


def _without_word(k: str, word: str) -> str:
    """A name's key without the campaign word it starts with (a quoted name
    has none)."""
    w = key(word)
    return k[len(w):].strip() if k.startswith(w + " ") else k


def _shared(a: str, b: str, word: str) -> float:
    """The share of the shorter name's own words (the campaign word left out)
    that the other name has too."""
    trigger = set(key(word).split())
    wa, wb = set(a.split()) - trigger, set(b.split()) - trigger
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _in_title_kind(found: list[Found], kind: str, title) -> bool:
    return any(f.kind == kind and title and title[0] <= f.start < title[1] for f in found)


def _attach_unnamed(span: tuple[int, int], word: str, kind: str, found: list[Found], title) -> None:
    """`Đợt thi đua này`, `phong trào thi đua` with no name: a later mention
    of the article's own campaign of that kind (the one its title names),
    else of the latest campaign with that campaign word."""
    same_kind = [f for f in found if f.kind == kind and not f.listed]
    in_title = [f for f in same_kind if title and title[0] <= f.start < title[1]]
    same_word = [f for f in same_kind if f.trigger == word]
    target = (in_title or same_word or [None])[-1]
    if target is not None:
        target.mentions.append(span)


def _quoted_list(text: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """`phong trào thi đua, như: “A” (…); “B” và “C”`: every quoted name,
    when there are several."""
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
    return names if len(names) > 1 else []


def _add(found: list[Found], name: str, start: int, end: int, kind: str, trigger: str, listed=False,
         group: int | None = None) -> None:
    for f in found:
        if key(f.name) == key(name):
            f.mentions.append((start, end))
            return
    found.append(Found(name, start, end, kind, trigger, listed, group, mentions=[(start, end)]))


def _mark_nested(found: list[Found]) -> None:
    for i, inner in enumerate(found):
        for j, outer in enumerate(found):
            if i != j and outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (
                    inner.end - inner.start):
                inner.nested_in = j
                break
    for i, f in enumerate(found):
        others = [span for j, g in enumerate(found) if j != i for span in g.mentions]
        f.standalone = [(s, e) for s, e in f.mentions
                        if not any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe in others)]


# --- examples ---------------------------------------------------------------------
# (text, [(name, kind, date, plans)]) under a reference date of 2020-04-08;
# NON_EXAMPLES: (text, why no campaign). Run through the whole pipeline by
# tests/test_examples.py.
EXAMPLES: list[tuple[str, list[tuple[str, str, str | None, list[str]]]]] = [
    # ceremonies
    ("Sáng 11/7/2020, BHXH tỉnh Trà Vinh tổ chức Lễ ra quân tuyên truyền BHXH tự nguyện.",
     [("Lễ ra quân tuyên truyền BHXH tự nguyện", "ceremony", "2020-07-11", [])]),
    ("Ngày 5/3/2023, Cục Thuế tỉnh Nam Định tổ chức lễ ra quân.", [("lễ ra quân", "ceremony", "2023-03-05", [])]),
    ("Tính đến 30/4/2022, toàn tỉnh có 7.842 người tham gia; ngày 14/5/2022 tỉnh tổ chức Lễ ra quân vận động "
     "người dân tham gia BHXH tự nguyện.",
     [("Lễ ra quân vận động người dân tham gia BHXH tự nguyện", "ceremony", "2022-05-14", [])]),
    ("Chiều 21/11/2016, Công đoàn tổ chức lễ phát động ủng hộ đồng bào vùng lũ.",
     [("lễ phát động ủng hộ đồng bào vùng lũ", "ceremony", "2016-11-21", [])]),
    ("Sáng 2/9/2024, huyện tổ chức mít tinh hưởng ứng ngày toàn dân phòng, chống ma túy.",
     [("mít tinh hưởng ứng ngày toàn dân phòng, chống ma túy", "ceremony", "2024-09-02", []),
      ("ngày toàn dân phòng, chống ma túy", "other", None, [])]),
    ("Ngày 15/1/2024, Sở Y tế tổ chức Lễ khai mạc Tuần lễ dinh dưỡng và phát triển.",
     [("Lễ khai mạc Tuần lễ dinh dưỡng và phát triển", "ceremony", "2024-01-15", []),
      ("Tuần lễ dinh dưỡng và phát triển", "drive", None, [])]),
    ("Ngày 19/5/2020, BHXH tỉnh sẽ tổ chức Lễ ra quân hưởng ứng Tháng vận động triển khai BHXH toàn dân.",
     [("Lễ ra quân hưởng ứng Tháng vận động triển khai BHXH toàn dân", "ceremony", "2020-05-19", []),
      ("Tháng vận động triển khai BHXH toàn dân", "drive", None, [])]),
    ("Sáng 3/4/2023, Sở Thông tin tổ chức Lễ ra mắt cổng dịch vụ công trực tuyến của tỉnh.",
     [("Lễ ra mắt cổng dịch vụ công trực tuyến", "ceremony", "2023-04-03", [])]),
    # drives
    ("Tháng vận động triển khai BHXH toàn dân được triển khai từ ngày 14/5 đến ngày 14/6/2022.",
     [("Tháng vận động triển khai BHXH toàn dân", "drive", "2022-05-14/2022-06-14", [])]),
    ("Cục Hải quan triển khai đợt cao điểm chống buôn lậu dịp Tết (từ ngày 15/12/2023 đến ngày 25/2/2024).",
     [("đợt cao điểm chống buôn lậu dịp Tết", "drive", "2023-12-15/2024-02-25", [])]),
    ("Tỉnh phát động tháng cao điểm vận động người dân tham gia BHYT hộ gia đình năm 2023.",
     [("tháng cao điểm vận động người dân tham gia BHYT hộ gia đình năm 2023", "drive", "2023", [])]),
    ("Ra quân 1 tháng, Tổ liên ngành bắt giữ 123 vụ hàng lậu", [("Ra quân", "drive", None, [])]),
    ("Sở Y tế triển khai chiến dịch tiêm vắc xin sởi cho trẻ từ 1 đến 10 tuổi từ ngày 10/3 đến ngày 31/3/2025.",
     [("chiến dịch tiêm vắc xin sởi cho trẻ từ 1 đến 10 tuổi", "drive", "2025-03-10/2025-03-31", [])]),
    ("Hội LHPN phát động cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” năm 2021.",
     [("Người Việt Nam ưu tiên dùng hàng Việt Nam", "drive", "2021", [])]),
    ("Năm 2023, tỉnh triển khai đợt cao điểm thu nợ BHXH và đợt cao điểm phát triển người tham gia BHYT hộ gia đình.",
     [("đợt cao điểm thu nợ BHXH", "drive", "2023", []),
      ("đợt cao điểm phát triển người tham gia BHYT hộ gia đình", "drive", "2023", [])]),
    ("Chiến dịch Giờ Trái đất năm 2019 tiếp nối chiến dịch Giờ Trái đất giai đoạn 1 năm 2018.",
     [("Chiến dịch Giờ Trái đất năm 2019", "drive", "2019", []),
      ("chiến dịch Giờ Trái đất giai đoạn 1 năm 2018", "drive", "2018", [])]),
    # emulation
    ("Chiều 21/11, BHXH tỉnh phát động đợt thi đua cao điểm “45 ngày đêm về đích” trong toàn ngành.",
     [("45 ngày đêm về đích", "emulation", "2019-11-21", [])]),
    ("Giám đốc phát động phong trào thi đua năm 2024 trong toàn đơn vị.",
     [("phong trào thi đua năm 2024", "emulation", "2024", [])]),
    ("Ngành Thuế hưởng ứng phong trào thi đua “Thu đúng, thu đủ, chống thất thu ngân sách”.",
     [("Thu đúng, thu đủ, chống thất thu ngân sách", "emulation", None, [])]),
    ("Tỉnh phát động các phong trào thi đua “Dân vận khéo” và “Chung sức xây dựng nông thôn mới”.",
     [("Dân vận khéo", "emulation", None, []), ("Chung sức xây dựng nông thôn mới", "emulation", None, [])]),
    # calls
    ("Hưởng ứng lời kêu gọi “Toàn dân phòng, chống dịch Covid-19”, BHXH tỉnh đã ủng hộ 32 triệu đồng.",
     [("Toàn dân phòng, chống dịch Covid-19", "call", None, [])]),
    ("Thực hiện Lời kêu gọi của Thủ tướng Chính phủ về thực hiện phong trào thi đua “Cả nước chung tay vì người nghèo”, đơn vị đã ủng hộ 147 triệu đồng.",
     [("Lời kêu gọi của Thủ tướng Chính phủ về thực hiện phong trào thi đua “Cả nước chung tay vì người nghèo”", "call", None, []),
      ("Cả nước chung tay vì người nghèo", "emulation", None, [])]),
    ("Thực hiện thư kêu gọi của Chủ tịch UBND tỉnh về ủng hộ đồng bào lũ lụt, Sở đã quyên góp 20 triệu đồng.",
     [("thư kêu gọi của Chủ tịch UBND tỉnh về ủng hộ đồng bào lũ lụt", "call", None, [])]),
    # other: named days, movements, programmes
    ("Hưởng ứng Ngày BHYT Việt Nam, BHXH huyện tổ chức tuyên truyền.", [("Ngày BHYT Việt Nam", "other", None, [])]),
    ("Nhân Ngày Dân số Việt Nam, Sở Y tế tổ chức truyền thông tại 20 xã.", [("Ngày Dân số Việt Nam", "other", None, [])]),
    ("Xã tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2019.",
     [("Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2019", "other", "2019", [])]),
    ("Ngày 1/6/2019, Bộ Y tế tổ chức Lễ phát động Tháng “Hành động vì người cao tuổi”.",
     [("Lễ phát động Tháng “Hành động vì người cao tuổi”", "ceremony", "2019-06-01", []),
      ("Hành động vì người cao tuổi", "drive", None, [])]),
    ("Nhân ngày quốc tế phòng chống ma túy 26/6, Công an tỉnh ra quân.",
     [("ngày quốc tế phòng chống ma túy", "other", "2020-06-26", [])]),
    ("Công đoàn phát động phong trào tặng thẻ BHYT cho hộ nghèo trong toàn ngành.",
     [("phong trào tặng thẻ BHYT cho hộ nghèo", "other", None, [])]),
    ("Hưởng ứng phong trào “Toàn dân bảo vệ an ninh Tổ quốc”, nhân dân đã cung cấp 52 nguồn tin.",
     [("Toàn dân bảo vệ an ninh Tổ quốc", "other", None, [])]),
    ("BHXH tỉnh phối hợp tổ chức Chương trình “Tết ấm cho bệnh nhân BHYT có hoàn cảnh khó khăn”.",
     [("Tết ấm cho bệnh nhân BHYT có hoàn cảnh khó khăn", "other", None, [])]),
    ("BHXH tỉnh vừa tổ chức chương trình trao tặng sổ BHXH cho người có hoàn cảnh khó khăn.",
     [("chương trình trao tặng sổ BHXH cho người có hoàn cảnh khó khăn", "other", None, [])]),
    ("Chương trình “Áo trắng sẻ chia” và “Tặng thẻ BHYT cho học sinh nghèo” trao 1.250 thẻ.",
     [("Áo trắng sẻ chia", "other", None, []), ("Tặng thẻ BHYT cho học sinh nghèo", "other", None, [])]),
    # plans
    ("Thực hiện Kế hoạch số 548/KH-BHXH, sáng 23/5/2020 BHXH tỉnh tổ chức Lễ ra quân tuyên truyền BHXH tự nguyện.",
     [("Lễ ra quân tuyên truyền BHXH tự nguyện", "ceremony", "2020-05-23", ["548/KH-BHXH"])]),
    ("Cục Thuế ban hành Kế hoạch số 2856/KH-CT về tổ chức đợt cao điểm thu hồi nợ thuế năm 2019.",
     [("đợt cao điểm thu hồi nợ thuế năm 2019", "drive", "2019", ["2856/KH-CT"])]),
    ("Đợt cao điểm được triển khai theo Kế hoạch số 4512/KH-HQLS của Cục Hải quan. Đợt cao điểm chống buôn lậu dịp Tết năm 2024 kéo dài hai tháng.",
     [("Đợt cao điểm chống buôn lậu dịp Tết năm 2024", "drive", "2024", [])]),
    # dates: never a review meeting's date, nor the dateline's
    ("Tỉnh phát động đợt cao điểm thu nợ BHXH từ ngày 1/10 đến ngày 31/12/2022. Ngày 20/12/2022, Hội nghị sơ kết đợt cao điểm thu nợ BHXH cho biết đã thu 50 tỷ đồng.",
     [("đợt cao điểm thu nợ BHXH", "drive", "2022-10-01/2022-12-31", [])]),
    ("Ngày 12/3/2024, tại hội nghị tổng kết chiến dịch tiêm chủng mở rộng năm 2023, Sở Y tế cho biết kết quả.",
     [("chiến dịch tiêm chủng mở rộng năm 2023", "drive", "2023", [])]),
    # nesting
    ("BHXH tỉnh tổ chức Lễ phát động đợt cao điểm phát triển người tham gia BHXH tự nguyện quý IV/2025.",
     [("Lễ phát động đợt cao điểm phát triển người tham gia BHXH tự nguyện quý IV/2025", "ceremony", None, []),
      ("đợt cao điểm phát triển người tham gia BHXH tự nguyện quý IV/2025", "drive", "2025-Q4", [])]),
    ("Tại Lễ ra quân hưởng ứng Ngày BHYT Việt Nam, 76 đội đã diễu hành.",
     [("Lễ ra quân hưởng ứng Ngày BHYT Việt Nam", "ceremony", None, []), ("Ngày BHYT Việt Nam", "other", None, [])]),
    # later mentions are not new campaigns
    ("Sáng 7/2/2024, tỉnh phát động đợt thi đua chào mừng kỷ niệm 30 năm thành lập ngành. Đợt thi đua này kéo dài đến hết năm.",
     [("đợt thi đua chào mừng kỷ niệm 30 năm thành lập ngành", "emulation", "2024-02-07", [])]),
    ("Ngày 5/5/2023, tỉnh tổ chức Lễ ra quân tháng cao điểm. Sau lễ ra quân, các đội tỏa đi tuyên truyền.",
     [("Lễ ra quân tháng cao điểm", "ceremony", "2023-05-05", [])]),
    ("Đợt cao điểm chống buôn lậu dịp Tết năm 2024 đạt kết quả tốt. Trong đợt cao điểm, lực lượng đã bắt 12 vụ.",
     [("Đợt cao điểm chống buôn lậu dịp Tết năm 2024", "drive", "2024", [])]),
    ("Cục Hải quan ra quân đợt cao điểm chống buôn lậu dịp Tết. Đợt cao điểm đấu tranh phòng, chống buôn lậu trước, trong và sau Tết diễn ra từ ngày 15/12/2023 đến ngày 25/2/2024.",
     [("đợt cao điểm chống buôn lậu dịp Tết", "drive", "2023-12-15/2024-02-25", [])]),
    # other government campaigns
    ("Công an tỉnh Bình Định triển khai đợt cao điểm bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán Quý Mão 2023.",
     [("đợt cao điểm bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán Quý Mão 2023", "drive", "2023", [])]),
    ("Sở Giáo dục phát động Tháng hành động vì trẻ em năm 2024 với chủ đề “Trẻ em hôm nay, thế giới ngày mai”.",
     [("Tháng hành động vì trẻ em năm 2024", "drive", "2024", [])]),
    ("Ngày 1/6/2024, Bộ Y tế phát động chiến dịch truyền thông phòng chống tác hại thuốc lá năm 2024.",
     [("chiến dịch truyền thông phòng chống tác hại thuốc lá năm 2024", "drive", "2024-06-01", [])]),
    # a quoted name after a descriptor of the campaign word
    ("BHXH tỉnh Bình Thuận tổ chức chiến dịch truyền thông “Tháng 7 cùng BHYT” từ ngày 1/7 đến 31/7/2022.",
     [("Tháng 7 cùng BHYT", "drive", "2022-07-01/2022-07-31", [])]),
    ("Ủy ban MTTQ tỉnh phát động cuộc vận động toàn dân “Người Việt Nam ưu tiên dùng hàng Việt Nam” năm 2023.",
     [("Người Việt Nam ưu tiên dùng hàng Việt Nam", "drive", "2023", [])]),
    # a ceremony launching an emulation named after `thi đua`: two campaigns,
    # the ceremony on its day (not the year after the name)
    ("Ngày 29/3/2019, Ban chỉ huy quân sự huyện tổ chức lễ phát động thi đua “Luyện quân - Lập công” năm 2019.",
     [("lễ phát động thi đua “Luyện quân - Lập công”", "ceremony", "2019-03-29", []),
      ("Luyện quân - Lập công", "emulation", "2019", [])]),
    # a fixed pair's comma stays in the name; an acronym ends a named day
    ("Công an tỉnh triển khai đợt cao điểm tấn công, trấn áp tội phạm dịp Tết năm 2024.",
     [("đợt cao điểm tấn công, trấn áp tội phạm dịp Tết năm 2024", "drive", "2024", [])]),
    ("Sáng 1/12/2022, huyện tổ chức mít tinh hưởng ứng Ngày Thế giới phòng chống AIDS.",
     [("mít tinh hưởng ứng Ngày Thế giới phòng chống AIDS", "ceremony", "2022-12-01", []),
      ("Ngày Thế giới phòng chống AIDS", "other", None, [])]),
]
NON_EXAMPLES: list[tuple[str, str]] = [
    ("Ngành BHXH đẩy mạnh các phong trào thi đua trong toàn ngành.", "generic: `các phong trào thi đua`"),
    ("Thông qua phong trào thi đua, các cấp cần phát hiện điển hình tiên tiến.", "the instrument of a clause"),
    ("Ngày 20/12/2022, BHXH tỉnh tổ chức Hội nghị sơ kết công tác thu năm 2022.", "a `Hội nghị` is no campaign"),
    ("Các hoạt động hưởng ứng sẽ tạo thành chiến dịch tuyên truyền rộng khắp.", "what activities amount to"),
    ("Chương trình mục tiêu quốc gia về xây dựng nông thôn mới giúp 80% hộ dân có nước sạch.",
     "a standing national programme without quotes"),
    ("Tỉnh xây dựng mô hình “Dân vận khéo” tại 20 xã.", "a named model is no campaign"),
    ("Sở Thông tin ra mắt cổng dịch vụ công trực tuyến với 120 điểm cầu.", "a launch named only by a verb"),
    ("Với khẩu hiệu “Vì một cộng đồng khỏe mạnh”, huyện tuyên truyền BHYT.", "a slogan"),
    ("Năm An toàn giao thông 2023 có chủ đề “Văn hóa giao thông”.", "a theme of the year"),
    ("Kỷ niệm 30 năm Ngày thành lập BHXH Việt Nam (16/2/1995 - 16/2/2025).", "an anniversary"),
    ("Lực lượng công an ra quân kiểm tra nồng độ cồn trên các tuyến đường.", "`ra quân` as a verb"),
    ("Tỉnh tiếp tục đẩy mạnh phong trào thi đua yêu nước trong các cơ quan.", "the standing patriotic movement"),
    ("Chiến dịch tuyên truyền đã được triển khai ở nhiều nơi.", "a campaign word with no name"),
    ("Câu lạc bộ “Hưu trí vui khỏe” có 45 thành viên.", "a club is no campaign"),
    ("BHXH tỉnh tổ chức tập huấn cho 200 đại lý thu.", "no campaign word"),
    ("Ngày Tết, lực lượng công an trực 100% quân số.", "`Ngày Tết` is no named day of a campaign"),
    ("Các đơn vị trong Cụm thi đua ký kết giao ước thi đua năm 2022.", "an emulation pact (NOTES H22)"),
]
