"""Where the article is (guide section 1) and its fields (section 2).

A scraped page holds more than the article: site chrome before the title
(`Multimedia Đọc Báo in`), an outlet line (`Tạp Chí Nhân Đạo`), reader
comments (`Ý kiến bạn đọc`) and lists of other articles (`TIN BÀI LIÊN
QUAN`) with their teasers. Only the title, dateline, body, captions and
byline are article text; no mention is extracted outside them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..extractors.rules import compile_pattern
from . import districts, provinces

# Navigation words of news sites that precede the headline.
CHROME_LINE = compile_pattern(
    r"(?i)^\s*(?:(?:multimedia|đọc báo in|báo in|e-?paper|emagazine|infographics?|video|podcast|trang chủ|"
    r"tin tức|bản in|in bài|chia sẻ|theo dõi|facebook|zalo|twitter)[\s|/•·]*)+$")
# An outlet name on its own line (`Tạp Chí Nhân Đạo`, `Báo Hưng Yên`, `Bình Dương Online`).
OUTLET_LINE = compile_pattern(
    r"^\s*(?:(?:Tạp [Cc]hí|Báo|Đài|Cổng [Tt]hông tin|Trang [Tt]hông tin|Thông tấn xã)(?:\s+[\p{L}\-&.]+){0,6}"
    r"|(?:\p{Lu}[\p{L}\-&.]*\s+){0,4}(?:Online|online|Điện tử|điện tử|\S+\.(?:vn|com|net)))\s*$")
# Everything from one of these lines on belongs to the site, not the article.
# (Horizontal space only around the marker: `\s` would cross blank lines and
# rescan them from every line start.)
END_MARKER = compile_pattern(
    r"(?im)^[[\s--\n]•·*\-]*+(?:ý kiến bạn đọc|tin bài liên quan|tin liên quan|bài viết liên quan|bài liên quan|"
    r"tin cùng chuyên mục|các tin khác|tin khác|xem thêm|bình luận|gửi bình luận|tin mới nhất|đọc thêm)[[\s--\n]]*+:?[[\s--\n]]*+$")
# A dateline is a short line made of a full date plus what news sites put
# around it (guide 5): a weekday (`Thứ Sáu`, `Thứ 6`, `T6`, `Chủ nhật`), a
# time (`15:40`, `05:47 PM`, `16:45:57`, `15h40`), a zone (`[GMT +7]`,
# `(GMT+07:00)`, `UTC+7`, `ICT`), separators (`|`, `-`, `,`, brackets), a
# label (`Cập nhật lúc`, `Ngày đăng:`, `Đăng ngày`) and a view counter
# (`Lượt xem: 1.234`). Words left over may only be a portal's folder label
# of a few words before it (`Tin nổi bật thứ hai, 05 08 2019 16:57`, `Văn
# hóa xã hội 30/07/2019`); anything else makes it a sentence of the lead.
# The date: day, month and a four- or two-digit year (`27/05/13`), separated
# by `/`, `.`, `-` or, on some portals, single spaces (`12 09 2019`, guide 5).
DATELINE_DATE = compile_pattern(
    r"(?<!\d)\d{1,2}(?:[/.\-]\d{1,2}[/.\-](?:(?:19|20)\d{2}|\d{2})| \d{1,2} (?:19|20)\d{2})(?!\d)")
_ZONE = r"[\[(]?\s*(?:(?:GMT|UTC)\s*(?:[+\-]\s*\d{1,2}(?::?\d{2})?)?|ICT|[+\-]\d{2}:\d{2})\s*[\])]?"
_WEEKDAY = r"thứ\s+(?:[2-7]|hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|\bCN\b|\bT[2-7]\b"
DATELINE_PARTS = compile_pattern(
    r"(?i)\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)|\d{1,2} \d{1,2} (?:19|20)\d{2}(?!\d)|\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?|\b\d{1,2}h\d{2}\b"
    rf"|{_ZONE}|{_WEEKDAY}|lượt\s+xem\s*:?\s*[\d.,]+"
    r"|cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|thời\s+gian|lúc|ngày|published|updated|[|,:\-–()\[\]]")
_WEEKDAY_AT = compile_pattern(rf"(?i){_WEEKDAY}")
DATELINE_LABEL_MAX_WORDS = 4
DATELINE_MAX_CHARS = 80
BYLINE_MAX_WORDS = 8


@dataclass(frozen=True)
class Layout:
    title: tuple[int, int] | None
    dateline: tuple[int, int] | None
    byline: tuple[int, int] | None
    regions: tuple[tuple[int, int], ...]   # all article text, in order


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_layout(text: str) -> Layout:
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    end_marker = END_MARKER.search(text)
    article_end = end_marker.start() if end_marker else len(text)
    lines = [(s, e) for s, e in lines if s < article_end]
    while lines and (CHROME_LINE.match(text[lines[0][0]:lines[0][1]])
                     or (len(lines) > 1 and OUTLET_LINE.match(text[lines[0][0]:lines[0][1]]))):
        lines.pop(0)
    if not lines:
        return Layout(None, None, None, ())
    # A portal may put the dateline above the headline.
    dateline_above = len(lines) > 1 and is_dateline(text[lines[0][0]:lines[0][1]])
    title = _strip(text, lines[1] if dateline_above else lines[0])
    rest = lines[2:] if dateline_above else lines[1:]
    outlet_lines = [ln for ln in rest[:2] if OUTLET_LINE.match(text[ln[0]:ln[1]])]
    rest = [ln for ln in rest if ln not in outlet_lines and not CHROME_LINE.match(text[ln[0]:ln[1]])]
    dateline = _strip(text, lines[0]) if dateline_above else _dateline_after_title(text, rest)
    body = [ln for ln in rest if _strip(text, ln) != dateline]
    byline = _final_byline(text, body)
    if byline is None and len(rest) > 1 and dateline == _strip(text, rest[1]):
        byline = _byline(text, rest[0])          # a byline between the headline and the dateline
    regions = ([dateline] if dateline_above else []) + [title] + [_strip(text, ln) for ln in rest]
    return Layout(title, dateline, byline, tuple(sorted(r for r in regions if r[1] > r[0])))


def _dateline_after_title(text: str, rest: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The dateline under the headline: the next line, or the one after a
    short byline line (`Minh Châu\nThứ Ba, 12/03/2024 | 09:10`); else a
    dateline closing the article (`Cập nhật: 12/09/2019 15:40` after the body)."""
    if rest and is_dateline(text[rest[0][0]:rest[0][1]]):
        return _strip(text, rest[0])
    if len(rest) > 2 and is_dateline(text[rest[1][0]:rest[1][1]]) and _byline(text, rest[0]):
        return _strip(text, rest[1])
    for line in rest[-2:][::-1] if len(rest) > 2 else []:
        if is_dateline(text[line[0]:line[1]]):
            return _strip(text, line)
    return None


def is_dateline(line: str) -> bool:
    if len(line.strip()) > DATELINE_MAX_CHARS or not DATELINE_DATE.search(line):
        return False
    first = min((m.start() for m in (_WEEKDAY_AT.search(line), DATELINE_DATE.search(line)) if m), default=0)
    label = line[:first]
    if len(label.split()) > DATELINE_LABEL_MAX_WORDS or any(ch.isdigit() for ch in label):
        label = ""
    return not DATELINE_PARTS.sub(" ", line[len(label):]).split()


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_BYLINE_WORD = compile_pattern(r"^(?:\p{Lu}[\p{L}.]*|[\-–&]|và|của|-\p{Lu}.*)$")
# What a byline line may carry besides the author (NOTES H5, H20):
# - a role label before the names: `Tin, ảnh:`, `Tin và ảnh`, `Bài, ảnh`,
#   `Bài và ảnh:`, `Bài:`, `Tin:`, `Nhóm PV:`, `Thực hiện:`;
ROLE_LABEL = compile_pattern(
    r"(?i)^(?:(?:tin|bài|ảnh|video|clip|đồ\s+họa)(?:\s*(?:,|và|&|\+|/)\s*(?:tin|bài|ảnh|video|clip|đồ\s+họa))*"
    r"|nhóm\s+(?:pv|phóng\s+viên)|thực\s+hiện|trình\s+bày)(?:\s*[:\-–]\s*|\s+)(?=(?-i:\p{Lu}))")
# - a source credit after them: `Minh Anh (theo VOV)`, `Thu Hà - Nguồn: VTV`.
SOURCE_AFTER = compile_pattern(r"(?i)\s*(?:[(\[]|[\-–|,]\s*)(?:theo|nguồn)\b.*$")
# Lines that credit something other than the author: a photo (`Ảnh: Minh
# Hà`, `Ảnh minh họa`) or a source (`Theo VOV`, `Nguồn: baohiemxahoi.gov.vn`,
# `(Theo Chinhphu.vn)`). The byline, if any, is above them.
CREDIT_LINE = compile_pattern(r"(?i)^[(\[]?\s*(?:ảnh|video|clip|theo|nguồn)\b")
_CREDIT_LINES_MAX = 2


def _final_byline(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The byline closing the article, under at most two credit lines, with
    its role label and a trailing source credit left out."""
    for line in lines[::-1][:_CREDIT_LINES_MAX + 1]:
        s, e = _strip(text, line)
        written = text[s:e]
        if not CREDIT_LINE.match(written):
            return _byline(text, (s, e))
        if ROLE_LABEL.match(written) and not regex.match(r"(?i)ảnh\s*:", written):
            return _byline(text, (s, e))   # `Bài và ảnh: X`: X wrote it; `Ảnh: X` only took the photos
    return None


def _byline(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A short signature line at the end: names, initials or a unit."""
    s, e = _strip(text, span)
    label = ROLE_LABEL.match(text[s:e])
    if label:
        s += label.end()
    credit = SOURCE_AFTER.search(text[s:e])
    if credit and credit.start() > 0:
        e = s + credit.start()
    line = text[s:e]
    words = line.replace("–", " – ").split()
    if not words or len(words) > BYLINE_MAX_WORDS or len(line) > 70:
        return None
    if line.endswith((".", ":", "…", "?", "!", ";", ",")) and not regex.fullmatch(r"(?:\p{Lu}\.?){1,4}", line):
        return None
    if regex.match(r"(?i)ảnh\b|nguồn\b|theo\b", line) or any(ch.isdigit() for ch in line):
        return None
    capitalised = sum(1 for w in words if _BYLINE_WORD.match(w) or w.isupper())
    lowercase = len(words) - capitalised
    return (s, e) if lowercase <= max(1, len(words) // 2) else None


# --- examples of the article fields (invented; run by tests/test_examples.py) ----------
# (the lines between a title and a body sentence, published)
DATELINE_EXAMPLES: list[tuple[str, str | None]] = [
    ("thứ năm, 12 09 2019 15:40", "2019-09-12T15:40"),           # portal: spaces for separators
    ("12 09 2019 15:40", "2019-09-12T15:40"),
    ("Thứ ba, 03 12 2019 - 08:05", "2019-12-03T08:05"),
    ("Chủ nhật, 05 01 2020 | 07:30", "2020-01-05T07:30"),
    ("Tin nổi bật thứ hai, 05 08 2019 16:57", "2019-08-05T16:57"),  # a folder label before it
    ("Thứ 6, 08/12/2017 | 17:50:57", "2017-12-08T17:50"),       # weekday, |, seconds
    ("Thứ 6, 14/03/2023 | 08:15:42 [GMT +7]", "2023-03-14T08:15"),
    ("T4, 21/06/2023 10:02", "2023-06-21T10:02"),
    ("Thứ Năm, 12/9/2019, 15:40 GMT+07:00", "2019-09-12T15:40"),
    ("27-04-2021 09:18:40 UTC+7", "2021-04-27T09:18"),
    ("18/10/2022 14:25 (GMT+07:00)", "2022-10-18T14:25"),
    ("Thứ hai, 11.04.2022 | 15:40 ICT", "2022-04-11T15:40"),
    ("(26.07.2019 14:14)", "2019-07-26T14:14"),                   # in brackets
    ("Đăng lúc: 15:40 - 12/09/2019", "2019-09-12T15:40"),         # the time first, a dash
    ("Cập nhật: Thứ năm, 30/11/2023 - 06:45 (GMT+7)", "2023-11-30T06:45"),
    ("Thứ Tư, 02/08/2023 20:10 (GMT+7) | Lượt xem: 1.204", "2023-08-02T20:10"),
    ("Văn hóa xã hội 30/07/2019", "2019-07-30"),
    ("Ngày đăng: 09/01/2024", "2024-01-09"),
    # not datelines: a lead sentence, a date inside one, a date without its year
    ("Ngày 30/07/2019, BHXH tỉnh Bến Tre tổ chức hội nghị", None),
    ("(PV) - Sáng 5/9, tại Hà Tĩnh", None),
    ("Thứ năm, 12/9", None),
]

# (the article's last lines, after a body sentence; author)
AUTHOR_EXAMPLES: list[tuple[str, str | None]] = [
    ("Tin, ảnh Ngô Tấm – Thanh Tiến", "Ngô Tấm – Thanh Tiến"),     # a role label is not the author
    ("Tin, ảnh: Hồ Thu", "Hồ Thu"),
    ("Tin và ảnh: Hồng Nhung", "Hồng Nhung"),
    ("Bài, ảnh: Y Moan Niê", "Y Moan Niê"),
    ("Bài và ảnh: Trần Quang Vinh", "Trần Quang Vinh"),
    ("Bài: Phạm Tuấn", "Phạm Tuấn"),
    ("Tin: Quỳnh Anh - Phòng Truyền thông", "Quỳnh Anh - Phòng Truyền thông"),
    ("Minh Anh (TTXVN)", "Minh Anh (TTXVN)"),                    # NOTES H20: kept whole
    ("Thu Hà (theo VOV)", "Thu Hà"),                              # a source credit is not the author
    ("Lan Hương - Nguồn: VTV", "Lan Hương"),
    ("Đức Thịnh\nẢnh: Minh Hà", "Đức Thịnh"),                      # a photo credit under the byline
    ("Hồng Nhung\nTheo Báo Sơn La", "Hồng Nhung"),
    ("Theo VOV", None),                                           # a bare source credit: no author
    ("Nguồn: baohiemxahoi.gov.vn", None),
    ("(Theo Chinhphu.vn)", None),
    ("Ảnh: Minh Hà", None),                                       # who took the photos, not the author
]

# (whole article, title, published, author): where the headline and the dateline sit
LAYOUT_EXAMPLES: list[tuple[str, str, str | None, str | None]] = [
    ("Thứ hai, 05 08 2019 16:57\nTriển khai Tháng hành động phòng, chống ma túy\nNgày 1/6, huyện tổ chức lễ.",
     "Triển khai Tháng hành động phòng, chống ma túy", "2019-08-05T16:57", None),   # dateline above the headline
    ("Phát động thi đua nước rút\nMinh Châu\nThứ Ba, 12/03/2024 | 09:10\nNgày 11/3, BHXH tỉnh Phú Yên phát động.",
     "Phát động thi đua nước rút", "2024-03-12T09:10", "Minh Châu"),              # byline, then dateline
    ("Ra quân thu nợ BHXH\nNgày 3/4, BHXH tỉnh Long An ra quân.\nCác đội sẽ làm việc đến 30/4.\nThanh Tâm\n"
     "Cập nhật: 05/04/2021 15:40", "Ra quân thu nợ BHXH", "2021-04-05T15:40", "Thanh Tâm"),   # dateline after the body
]


# --- province ------------------------------------------------------------------------
# Provinces named in passing, which say nothing about where the article is
# (national news that cites a reader, a deputy or a comparison):
# - where a person comes from: `bạn đọc ở Hà Nội`, `Ông Nguyễn Văn A (Trà
#   Vinh) hỏi`, `(trú tại Bình Dương)`, `quê Nghệ An`;
# - a National Assembly deputy's constituency: `đại biểu Nguyễn Thị B
#   (Trà Vinh)`, `ĐBQH tỉnh Trà Vinh`, `Đoàn ĐBQH tỉnh X`;
# - a comparison: `so với TP.HCM`, `cao hơn Hà Nội`, `như Sơn La, ...`, a
#   rank: `đứng thứ 3 cả nước, sau Thanh Hóa và Nghệ An`;
# - any place coordinated with one of these (`Sơn La, Lai Châu`).
_PERSON = r"(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Ee]m|[Cc]háu|[Bb]ạn(?:\s+đọc)?|[Đđ]ộc\s+giả|[Ss]inh\s+viên|[Cc]ông\s+nhân|[Nn]gười\s+lao\s+động)"
_PERSON_NAME = r"(?:\s+\p{Lu}[\p{L}\p{M}.]*){1,5}"
_UNIT_WORD = r"(?:(?:tỉnh|thành\s+phố|TP\.?|thủ\s+đô|huyện|quận|thị\s+xã)\s*)?"
PASSING_BEFORE = compile_pattern(
    rf"(?:(?i:bạn\s+đọc|độc\s+giả)(?:{_PERSON_NAME})?\s*\(?\s*(?:(?:ở|tại|từ|đến\s+từ|trú\s+(?:ở|tại)|ngụ\s+(?:ở|tại))\s+)?"
    rf"|{_PERSON}{_PERSON_NAME}\s*\(\s*(?:(?:ở|tại|trú\s+tại|ngụ\s+tại|ngụ|trú|quê)\s+)?"
    rf"|(?<![\p{{L}}])(?:trú\s+(?:ở|tại)|ngụ\s+(?:ở|tại)|cư\s+trú\s+tại|quê\s+(?:ở\s+)?|đến\s+từ)\s*"
    rf"|(?i:đại\s+biểu|ĐBQH)(?:\s+Quốc\s+hội)?(?:{_PERSON_NAME})?\s*[(\-–,]?\s*(?:(?i:đoàn)\s+(?:ĐBQH\s+)?)?"
    rf"|(?<![\p{{L}}])(?:so\s+với|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn|bằng|như|tương\s+tự|giống)\s+(?:(?:ở|tại)\s+)?"
    rf"|(?<![\p{{L}}])(?:đứng|xếp)\s+(?:thứ\s+\S+|đầu|vị\s+trí\s+\S+)(?:\s+(?:cả\s+nước|toàn\s+quốc|trong\s+[^,.;\n]{{1,30}}))?"
    rf",?\s+(?:chỉ\s+)?(?:sau|trên|dưới|trước)\s+"
    rf"){_UNIT_WORD}$")
# Between two places of one coordinated list (`sau Thanh Hóa và Nghệ An`,
# `như Sơn La, Lai Châu`): the later is named as the first is.
_COORDINATION = compile_pattern(rf"\s*(?:,|và|hoặc|,\s*và)\s*{_UNIT_WORD}")
# The host city of a national event (NOTES H20): `tại Hà Nội` in a sentence
# whose actor is a central body.
_LOCATIVE_BEFORE = compile_pattern(rf"(?<![\p{{L}}])(?:[Tt]ại|[Ởở])\s+{_UNIT_WORD}$")
CENTRAL_BODY = compile_pattern(
    r"BHXH\s+Việt\s+Nam|Bảo\s+hiểm\s+xã\s+hội\s+Việt\s+Nam|(?<![\p{L}])Bộ\s+(?:\p{Lu}|trưởng)|Chính\s+phủ|Quốc\s+hội"
    r"|Thủ\s+tướng|Trung\s+ương|Tổng\s+cục|Tổng\s+Liên\s+đoàn|Văn\s+phòng\s+Chủ\s+tịch\s+nước")
_PASSING_WINDOW = 80


@dataclass(frozen=True)
class Place:
    """A place named in the article and the province it stands for."""
    start: int
    end: int
    province: str
    passing: bool
    level: str          # "province", or "local" for a district, town or commune


def find_province(text: str, layout: Layout, published: str | None = None) -> str | None:
    """The province the article is about (guide 2 and 5): the one its title
    names, else the only one the article names, else one named at least twice
    and more often than any other (a national article naming several has
    none). Provinces named in passing (a reader's or a deputy's province, a
    comparison, the host city of a national event) do not count. An article
    that names no province is placed by the districts, towns and cities it
    names that lie in one province; they do not outweigh the provinces an
    article names (national news citing a case in `huyện Yên Mỹ` of Hưng Yên
    and one in Lâm Đồng is about neither). After 1 July 2025 every place
    counts for the unit that has contained it since."""
    post_merger = bool(published) and published[:10] >= MERGER_DATE
    places = [p for p in find_places(text, layout, post_merger) if not p.passing]
    if layout.title:
        in_title = {p.province for p in places if layout.title[0] <= p.start < layout.title[1]}
        if len(in_title) == 1:
            return in_title.pop()
    named = [p for p in places if p.level == "province"] or places
    ranked = Counter(p.province for p in named).most_common(2)
    if len(ranked) == 1 or (ranked and ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


# The 63 provinces became 34 on this day (Resolution 202/2025/QH15).
MERGER_DATE = "2025-07-01"


def find_places(text: str, layout: Layout, post_merger: bool = False) -> list[Place]:
    """Every province, district (and, after the merger, commune) the article
    names, in order; districts named bare count when the article also names
    them with their kind word (`Krông Nô phát động ...` over `huyện Krông Nô`)."""
    found: list[tuple[int, int, str, str]] = []
    for start, end in layout.regions:
        chunk = text[start:end]
        found += [(start + m.start, start + m.end, m.name, "province") for m in provinces.find_provinces(chunk)]
        found += [(start + m.start, start + m.end, m.province, "local") for m in _sub_units(chunk, post_merger)]
    found = _drop_overlaps(found)
    local = {text[s:e]: name for s, e, name, level in found if level == "local" and not text[s:e].isdigit()}
    for start, end in layout.regions:
        for s, e, written in districts.bare_mentions(text[start:end], set(local)):
            found.append((start + s, start + e, local[written], "local"))
    found = _drop_overlaps(found)
    to_unit = provinces.province_2025 if post_merger else (lambda name: name)
    places: list[Place] = []
    for s, e, name, level in found:
        previous = places[-1] if places else None
        passing = _in_passing(text, s) or (
            previous is not None and previous.passing and bool(_COORDINATION.fullmatch(text, previous.end, s)))
        places.append(Place(s, e, to_unit(name) or name, passing, level))
    return places


def _sub_units(chunk: str, post_merger: bool):
    # Before the merger the districts; after it, the communes of the 34
    # units and the former districts (an article may still name them).
    units = list(districts.find_districts(chunk))
    return units + districts.find_communes_2025(chunk) if post_merger else units


def _drop_overlaps(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One place per stretch of text, the first found (a province before a
    district of the same name: `thành phố Hà Tĩnh`)."""
    kept: list[tuple[int, int, str, str]] = []
    for place in found:
        if not any(place[0] < other[1] and other[0] < place[1] for other in kept):
            kept.append(place)
    return sorted(kept)


def _in_passing(text: str, start: int) -> bool:
    before = text[max(0, start - _PASSING_WINDOW):start]
    if PASSING_BEFORE.search(before):
        return True
    if _LOCATIVE_BEFORE.search(before):
        sentence_start = max(before.rfind(ch) for ch in ".!?\n") + 1
        sentence = before[sentence_start:] + text[start:start + 200].split("\n")[0].split(". ")[0]
        return bool(CENTRAL_BODY.search(sentence))
    return False


# (article text, the province it is about): invented, in many provinces and outlets.
PROVINCE_EXAMPLES: list[tuple[str, str | None]] = [
    # the title names it
    ("Sơn La: Hơn 2.000 người tham gia BHXH tự nguyện\nBHXH tỉnh cho biết ...", "Sơn La"),
    ("BHXH TP Cần Thơ tổ chức hội nghị\nNgày 5/9, tại hội trường, lãnh đạo ... so với Hậu Giang ...", "Cần Thơ"),
    # a district, town or provincial city that lies in one province (guide 5, H23)
    ("Phát động Tháng hành động vì môi trường\nSáng 5/6, UBND huyện Krông Nô tổ chức lễ phát động.", "Đắk Nông"),
    ("Krông Nô ra quân vận động BHYT\nSáng 5/6, BHXH huyện Krông Nô phối hợp với Bưu điện huyện ra quân.", "Đắk Nông"),
    ("Trao thẻ BHYT cho hộ cận nghèo\nBHXH thị xã Gia Nghĩa vừa trao 150 thẻ BHYT cho người dân.", "Đắk Nông"),
    ("Ra quân thu nợ BHXH\nNgày 3/4, BHXH quận Gò Vấp và BHXH quận 12 ra quân đôn đốc thu nợ.", "Hồ Chí Minh"),
    ("Đối thoại chính sách BHXH\nTại huyện Mộc Châu, hơn 300 hộ dân được tuyên truyền về BHXH tự nguyện.", "Sơn La"),
    ("Chi trả lương hưu qua bưu điện\nBưu điện huyện Quảng Ninh chi trả cho 4.000 người.", "Quảng Bình"),
    ("Xã Tân Lập về đích nông thôn mới\nHuyện Hòa Bình có 3 xã đạt chuẩn; BHXH huyện Giá Rai hỗ trợ.", "Bạc Liêu"),
    ("Lễ ra quân BHXH toàn dân\nBHXH huyện Hoành Bồ ra quân tuyên truyền tại 13 xã.", "Quảng Ninh"),
    # after 1 July 2025 a commune of the 34 units names its province
    ("Tuyên truyền BHXH tự nguyện\nThứ Ba, 16/09/2025 | 08:30\nUBND xã Quảng Khê tổ chức hội nghị.", "Lâm Đồng"),
    # national news naming a province in passing
    ("Hỏi đáp chính sách BHYT\nBạn đọc ở Hà Nội hỏi: tôi có được hưởng BHYT khi khám trái tuyến không?", None),
    ("Hỏi đáp chế độ thai sản\nBà Nguyễn Thị Lan (Bình Dương) hỏi: tôi sinh con thứ hai ...", None),
    ("Quốc hội thảo luận Luật BHXH sửa đổi\nĐại biểu Thạch Phước Bình (Trà Vinh) đề nghị giữ quy định về BHXH một lần.", None),
    ("Thảo luận dự án Luật BHYT\nĐBQH tỉnh Trà Vinh đề nghị bổ sung nhóm đối tượng được hỗ trợ.", None),
    ("Tỷ lệ bao phủ BHYT cả nước đạt 93%\nTỷ lệ này thấp hơn so với TP.HCM, nơi đạt 95%.", None),
    # a rank names the provinces ahead in passing, and every one coordinated with them
    ("Phát triển người tham gia BHXH\nNăm 2023, Hà Tĩnh có 45.000 người tham gia BHXH tự nguyện, đứng thứ 3 cả "
     "nước sau Thanh Hóa và Nghệ An.", "Hà Tĩnh"),
    ("Thu thuế đạt khá\nCục Thuế Long An thu 18.000 tỷ đồng, xếp thứ 2 trong khu vực, chỉ sau Đồng Nai, Bình Dương.",
     "Long An"),
    ("Tỷ lệ bao phủ BHYT cả nước đạt 93%\nTỷ lệ này thấp hơn so với Hà Nội và Đà Nẵng.", None),
    ("Kết nối liên thông dữ liệu hộ tịch\nTại Hà Nội, BHXH Việt Nam tổ chức hội nghị triển khai với 63 tỉnh.", None),
    ("Hội nghị toàn quốc về an toàn lao động\nSáng 5/5, tại TP.HCM, Bộ Lao động - Thương binh và Xã hội tổ chức hội nghị.", None),
    ("Nợ đọng BHXH giảm mạnh\nAnh Trần Văn Bình (trú tại Long An) cho biết doanh nghiệp nợ 6 tháng.", None),
    # several provinces, none ahead: national; districts do not outweigh named provinces
    ("Cần siết chặt giám định BHYT\nCông an tỉnh Thái Bình khởi tố vụ án tại Trung tâm Y tế huyện Kiến Xương, "
     "BHXH huyện Kiến Xương (tỉnh Thái Bình); Công an tỉnh Gia Lai cũng khởi tố một vụ tại tỉnh Gia Lai.", None),
    ("Trục lợi BHYT\nCông an tỉnh Hưng Yên khởi tố 2 vụ tại tỉnh Hưng Yên; Công an tỉnh Lâm Đồng khởi tố 1 vụ "
     "tại tỉnh Lâm Đồng.", None),
    # a name shared by several provinces gives nothing
    ("Chi trả trợ cấp thất nghiệp\nBHXH huyện Châu Thành chi trả cho 1.200 người.", None),
]


# --- reference date --------------------------------------------------------------------
# `đến năm 2025` (by 2025), `phấn đấu ... năm 2030`: targets; `Tính đến
# 30/6/2020` ("as of") is not.
_TARGET_BEFORE = compile_pattern(r"(?:(?<![Tt]ính\s)(?<![Tt]ính\s+hết\s)đến|tới|mục tiêu|phấn đấu|giai đoạn|nhiệm kỳ|(?<![Tt]ính\s)đến hết)\s+(?:năm\s+)?$")


# Years that are past for the article (NOTES H10): a comparison base (`so
# với cùng kỳ năm 2022`, `so với năm 2022`) and a finished period's results
# (`hết năm 2020`, `cả năm 2020`, `năm 2020 vừa qua`).
_PAST_BEFORE = compile_pattern(r"(?:so\s+với\s+(?:cùng\s+kỳ\s+)?|[Hh]ết\s+|[Cc]ả\s+)(?:năm\s+)?$")
_PAST_AFTER = compile_pattern(r"\G\s+(?:vừa\s+qua|trước)(?!\p{L})")
# `Luật Đất đai 2013`: a year in a law's short name (a date, but no current year).
_LAW_NAME_BEFORE = compile_pattern(r"(?<![\p{L}])Luật(?:\s+\p{Lu}\p{Ll}*){1,4}(?:\s+\p{Ll}+){0,2}\s+$")


def infer_reference_year(text: str, dates, doc_dates: set[tuple[int, int]], sentence_of) -> str | None:
    """The year the article treats as current (section 2), for articles
    without a dateline: the year written in the sentence of the first yearless
    date if there is one (it dates that event); else the year written most
    often in its own event dates (not issue dates of cited documents, not
    targets or periods, not a law's name), the later one on a tie; when the
    article dates events without a year and writes only past years (results
    of a finished year, comparison bases), the year after the latest
    (gold/NOTES.md A7, H10)."""
    own, past = [], []
    for d in dates:
        expr = d.parsed
        if (d.start, d.end) in doc_dates or expr.last is not None or not expr.first.year:
            continue
        before = text[max(0, d.start - 40):d.start]
        if _TARGET_BEFORE.search(text[max(0, d.start - 14):d.start]) or _LAW_NAME_BEFORE.search(before):
            continue
        if _PAST_BEFORE.search(before) or _PAST_AFTER.match(text, d.end):
            past.append(expr.first.year)
        else:
            own.append(d)
    partial = next((d for d in dates if d.parsed.first.year is None), None)
    if partial is not None:
        s, e = sentence_of(partial.start)
        years = [d.parsed.first.year for d in own if s <= d.start < e]
        if years:
            return str(years[0])
        if past and not own:
            return str(max(past) + 1)
    counts = Counter(d.parsed.first.year for d in own)
    if not counts:
        return str(max(past) + 1) if past and partial is not None else (str(max(past)) if past else None)
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return str(best)


# (text without a dateline, the reference year a careful reader infers)
REFERENCE_EXAMPLES: list[tuple[str, str | None]] = [
    ("Tin\nNăm 2021, tỉnh thu 300 tỷ đồng. Năm 2021 cũng là năm ... Năm 2020 thu 250 tỷ đồng.", "2021"),
    ("Tin\nNgày 21/1, tại Hội nghị triển khai nhiệm vụ năm 2021, BHXH tỉnh cho biết năm 2020 đã thu 300 tỷ đồng, "
     "năm 2020 tăng 5%.", "2021"),
    ("Tin\nĐầu tháng 10, Sở kiến nghị xử lý. Hết năm 2020, số nợ là 300 tỷ đồng.", "2021"),
    ("Tin\nSáng 5/4, Sở cho biết số người tham gia tăng 20.000 người so với cùng kỳ năm 2022.", "2023"),
    ("Tin\nTheo Luật Đất đai 2013, ... Năm 2019, tỉnh đã cấp 1.200 giấy chứng nhận.", "2019"),
    ("Tin\nNăm 2022 có 40 vụ, năm 2023 có 52 vụ.", "2023"),
    ("Tin\nPhấn đấu đến năm 2030 đạt 60%. Năm 2024, tỉnh đạt 41%.", "2024"),
    ("Tin\nNgày 12/8, BHXH tỉnh cho biết.", None),
]
