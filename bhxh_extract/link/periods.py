"""When a figure holds (guide 3.8): the `period` of a count, percent or money
mention, through the same scopes as its scheme, with its examples.

Where the period comes from, nearest first:
- a date or a period phrase in the figure's own clause, before it (`Tính đến
  30/6/2020, ... 8.463 người`; `6 tháng đầu năm 2024 ... tăng 5%`), or the
  year of the plan it is measured against after it (`vượt 2% so với chỉ tiêu
  năm 2016`);
- a date opening its sentence (`Năm 2023, toàn tỉnh thu ...`, a report's
  date: `Ngày 12/8, BHXH tỉnh cho biết ... 318 doanh nghiệp`), which governs
  every `;` clause without a date of its own (NOTES H12);
- its list's lead-in, its heading (for list items; for paragraphs when it
  names a period: `Kết quả năm 2023`, H38);
- the sentence a `Trong đó`, `Số này`, `Theo đó`, `Cụ thể` sentence
  continues: the period of that sentence's last figure (NOTES H1, H21, H24,
  H28).
Nothing else: never the publication date, never a date of another clause (a
cited document's issue date, a comparison base `so với cùng kỳ năm 2022`),
and nothing from `hiện nay`, `đến nay` without its start, yearless `trong
năm`, `từ đầu năm`, `lũy kế`, or a duration without its year.

Period phrases that are not date mentions (3.1) still give a period: `6
tháng đầu năm 2024` → `2024-01/2024-06`, `9 tháng năm 2023` →
`2023-01/2023-09`, `3 quý đầu năm 2019` → `2019-01/2019-09` (H27), `năm nay`
→ the reference year.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..extractors.rules import compile_pattern
from .structure import FRAMES, Document

# `6 tháng đầu năm 2024`, `9 tháng năm 2023`, `11 tháng năm 2023`, `3 quý đầu năm 2019`
MONTHS_OF_YEAR = compile_pattern(
    r"(?<![\p{L}\p{N}])(?P<n>\d{1,2})\s+(?P<unit>tháng|quý)\s+(?:đầu\s+)?năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
# `6 tháng cuối năm 2023`: the last months.
LAST_MONTHS_OF_YEAR = compile_pattern(
    r"(?<![\p{L}\p{N}])(?P<n>\d{1,2})\s+(?P<unit>tháng|quý)\s+cuối\s+năm\s+(?P<y>(?:19|20)\d\d)(?!\d)")
THIS_YEAR = compile_pattern(r"(?<![\p{L}])[Nn]ăm\s+nay(?![\p{L}])")
# A comparison base: `so với cùng kỳ năm 2022`, `so với năm 2022`, `so với quý I`.
COMPARISON_BEFORE = compile_pattern(r"[Ss]o\s+với\s+(?!(?:chỉ\s+tiêu|kế\s+hoạch|KH)(?!\p{L}))(?:cùng\s+kỳ\s+|cùng\s+thời\s+điểm\s+|thời\s+điểm\s+)?(?:\p{L}+\s+){0,3}$")
PLAN_YEAR_AFTER = compile_pattern(r"\G[^,;.]{0,40}?(?:chỉ\s+tiêu|kế\s+hoạch|KH)(?:\s+\p{L}+){0,3}\s+(?:của\s+)?$")
# A heading's noun that makes its year the section's period (`Kết quả năm
# 2023`, `Nhiệm vụ trọng tâm năm 2024`, `Tình hình thực hiện quý I/2024`).
PERIOD_HEADING = compile_pattern(
    r"(?<![\p{L}])(?:[Kk]ết\s+quả|[Nn]hiệm\s+vụ|[Tt]ình\s+hình|[Cc]hỉ\s+tiêu|[Mm]ục\s+tiêu|[Pp]hương\s+hướng|"
    r"[Kk]ế\s+hoạch|[Tt]ổng\s+kết|[Ss]ơ\s+kết|[Bb]áo\s+cáo|[Tt]hực\s+hiện)(?![\p{L}])")
# A bound, not a period: `trước ngày 1/7/2023`, `sau 30/6`.
BOUND_BEFORE = compile_pattern(r"(?<![\p{L}])(?:[Tt]rước|[Ss]au)\s+(?:ngày\s+)?$")
# What may stand between a figure and a date that is its own: its noun
# phrase and verbs, then `vào`, `đến`, `trong`, `của`, `từ` or `năm` right
# before the date (`4% của năm 2017`, `1% lực lượng lao động tham gia BHXH tự
# nguyện vào năm 2021`), no comma, stop or other figure between, and no
# `với`, `và`, `cùng` (another noun phrase: `200.963 lao động với tổng số
# tiền tính từ tháng 7/2021 ...` is the money's period).
_FILLER = r"(?:(?!(?<!\p{L})(?:với|và|cùng)(?!\p{L}))[^,;:.()\n\d])"
ATTACHED_AFTER = compile_pattern(rf"(?:{_FILLER}{{0,60}}?\s)?(?:vào|đến|trong|của|từ|hết|trước)\s+(?:(?:cuối|đầu|giữa|hết|ngày)\s+)?|\s*")
# A year led by `năm` right after the figure's noun phrase (`100% học sinh
# tham gia BHYT năm học 2017-2018`, `1.200 lao động năm 2023`).
YEAR_AFTER_NOUN = compile_pattern(rf"{_FILLER}{{0,40}}\s(?:năm(?:\s+học)?\s+)?")
_YEAR_WORD_BEFORE = compile_pattern(r"năm(?:\s+học)?\s+$")
# ... or a date whose span holds its own link word (`áp dụng từ ngày 1/7/2017`).
SELF_LINKED = compile_pattern(r"\G(?:năm|[Tt]ừ|[Đđ]ến|[Vv]ào|[Tt]rong|[Hh]ết|[Cc]uối|[Tt]ính\s+đến)(?!\p{L})")
# An opening about another thing, whose dates are that thing's (`Với mức
# lương cơ sở ... áp dụng từ ngày 1/7/2017, mỗi HSSV đóng 491.400 đồng`).
EVENT_ADJUNCT = compile_pattern(
    r"\G\s*(?:[Tt]ại|[Tt]rong\s+khuôn\s+khổ|[Bb]ên\s+lề)\s+(?:[Hh]ội\s+nghị|[Hh]ội\s+thảo|[Ll]ễ|[Bb]uổi|[Cc]uộc|"
    r"[Pp]hiên|[Tt]ọa\s+đàm|[Dd]iễn\s+đàn|[Kk]ỳ\s+họp)(?!\p{L})")
_OTHER_THING = compile_pattern(r"\G\s*(?:[Vv]ới|[Cc]òn\s+với|[Đđ]ể|[Nn]hằm|[Kk]hi|[Nn]ếu)(?!\p{L})")
# Time words that say a figure holds now or over a yearless span: they take
# the place of a period and give none (guide 3.8: `hiện nay`, `hiện hành`,
# yearless `trong năm`, `từ đầu năm`, `lũy kế`; NOTES H12: `đến nay` without
# its start). A figure with one of them in its scope inherits no period from
# a lead-in or a sentence before.
NO_PERIOD = compile_pattern(
    r"(?<![\p{L}])(?:[Hh]iện\s+(?:nay|hành|tại)|[Đđ]ến\s+nay|[Ll]ũy\s+kế|"
    r"(?:[Tt]rong|[Tt]ừ\s+đầu|[Ss]uốt)\s+năm(?!\s+(?:19|20)\d\d|\s+nay|\s+\d)(?:\s+qua)?|"
    r"[Tt]hời\s+điểm\s+(?:hiện\s+tại|ra\s+quân))(?![\p{L}])")


@dataclass(frozen=True)
class Decision:
    value: str | None
    evidence: str | None


@dataclass(frozen=True)
class _When:
    start: int
    end: int
    value: str | None   # None for a time word that gives no period (NO_PERIOD)
    what: str


class PeriodDecider:
    """Periods of the figures of one document."""

    def __init__(self, doc: Document, dates: list[tuple[int, int, str | None]], issue_dates: set[tuple[int, int]],
                 names: list[tuple[int, int]] = ()):
        """`dates`: (start, end, value) of the date mentions; `issue_dates`:
        the spans of those that date a cited document; `names`: the spans of
        campaign names, whose dates are the campaign's (`đợt cao điểm ... quý
        IV/2025`): the figure's written days outrank them (NOTES H35)."""
        self.doc = doc
        text = doc.text
        whens = [_When(start, end, value, "in a name" if any(a <= start and end <= b for a, b in names) else "date")
                 for start, end, value in dates if value and (start, end) not in issue_dates]
        for m in MONTHS_OF_YEAR.finditer(text):
            whens.append(_When(m.start(), m.end(), _months(int(m.group("n")), m.group("unit"), int(m.group("y"))),
                               "period phrase"))
        for m in LAST_MONTHS_OF_YEAR.finditer(text):
            whens.append(_When(m.start(), m.end(), _last_months(int(m.group("n")), m.group("unit"), int(m.group("y"))),
                               "period phrase"))
        if doc.reference_year is not None:
            for m in THIS_YEAR.finditer(text):
                whens.append(_When(m.start(), m.end(), str(doc.reference_year), "`năm nay`"))
        for m in NO_PERIOD.finditer(text):
            # `Từ năm 2018 đến nay`: the start stands for "from then on"
            if m.group().lower().startswith("đến") and any(
                    0 <= m.start() - w.end <= 3 for w in whens if w.what == "date"):
                continue
            whens.append(_When(m.start(), m.end(), None, "no period"))
        # a period phrase replaces the date mention inside it (`năm 2024` of `6 tháng đầu năm 2024`)
        phrases = [w for w in whens if w.what == "period phrase"]
        self.whens = sorted((w for w in whens if not (w.what == "date" and any(
            p.start <= w.start and w.end <= p.end for p in phrases))), key=lambda w: w.start)
        self._figure_periods: dict[int, str | None] = {}
        self._period_headings: dict[int, bool] = {}   # heading start → names a period

    def _kind(self, w: _When) -> str:
        """`period`, or what else the date is: a comparison base (`so với cùng
        kỳ năm 2022`) or a bound (`trước ngày 1/7/2023`, `sau 30/6`)."""
        text = self.doc.text
        if w.value is None:
            return "no period"
        if COMPARISON_BEFORE.search(text, max(0, w.start - 40), w.start):
            return "comparison"
        # `sau 30/6` is a bound; `Sau 9 tháng năm 2022` is the span itself (its months are counted)
        if w.what != "period phrase" and BOUND_BEFORE.search(text, max(0, w.start - 12), w.start):
            return "bound"
        return "period"

    def _pick(self, candidates, pos: int, step: str, goal: bool = False) -> Decision | None:
        """The first candidate that is a period; a bound or a time word of no
        period before it stops the search with none (a bound is not when a
        figure holds: `Trước ngày 1/7/2023: ... 67.050.000 đồng`), except for a
        goal, which holds by its deadline (`trao tặng 80 sổ ... trước ngày
        15/1/2017`)."""
        for w in candidates:
            kind = self._kind(w)
            if kind == "period" or kind == "bound" and goal:
                return self._found(pos, w, step)
            if kind in ("bound", "no period"):
                self._figure_periods[pos] = None
                return Decision(None, f"{self.doc.text[w.start:w.end]!r}: {kind} ({step})")
        return None

    def decide(self, start: int, end: int) -> Decision:
        doc, text = self.doc, self.doc.text
        si = doc.sentence_index(start)
        if si is None:
            return Decision(None, None)
        sentence = doc.sentences[si]
        clause = doc.clause_at(start)
        segment = max(text.rfind(";", sentence.start, start) + 1, sentence.start)
        clause_start = max(clause.start, segment) if clause is not None else segment
        clause_end = min(clause.end, sentence.end) if clause is not None else sentence.end
        # the sentence's openings and the event adjuncts before the figure
        # (`tại Hội nghị triển khai công tác năm 2024`: the year names the
        # event): their dates come after the figure's own clause and segment
        framing = [doc.clauses[j] for j in sentence.clauses if doc.clauses[j].start < start and (
            doc.clauses[j].kind == "opening" or EVENT_ADJUNCT.match(text, doc.clauses[j].start, doc.clauses[j].end))
            and not (clause is not None and doc.clauses[j] is clause)]
        in_framing = lambda w: any(o.start <= w.start < o.end for o in framing)  # noqa: E731
        # ... except an opening about another thing (`Với mức lương cơ sở ...
        # áp dụng từ ngày 1/7/2023, ...`), whose dates are that thing's
        # (`Với 9 tháng năm 2024, ...` is a time phrase: the date follows the word)
        openings = [o for o in framing if not self._about_another_thing(o)]
        in_opening = lambda w: any(o.start <= w.start < o.end for o in openings)  # noqa: E731
        first_main = next((doc.clauses[j] for j in sentence.clauses if doc.clauses[j].kind != "opening"), None)
        goal = _frame_of(clause) in ("goal", "forecast")
        steps = (
            # 1. a date attached after the figure in its clause (`4% của năm
            #    2017`, `đạt 2,5% vào năm 2025`, `18 tỉnh ... vào tháng 12/2017`),
            #    and the year of the plan it is measured against
            ("after the figure", [w for w in self.whens if end <= w.start and w.end <= clause_end
                                  and (ATTACHED_AFTER.fullmatch(text, end, w.start)
                                       or (SELF_LINKED.match(text, w.start) or _YEAR_WORD_BEFORE.search(
                                           text, max(0, w.start - 10), w.start))
                                       and YEAR_AFTER_NOUN.fullmatch(text, end, w.start))]),
            ("the plan's year", [w for w in self.whens if end <= w.start < min(sentence.end, end + 60)
                                 and PLAN_YEAR_AFTER.match(text, end, w.start)]),
            # 2. the nearest date before it in its clause, then in its `;`
            #    segment outside the sentence's openings
            ("clause", _nearest_first(w for w in self.whens if clause_start <= w.start and w.end <= start
                                      and w.what != "in a name")),
            ("segment", _nearest_first(w for w in self.whens if segment <= w.start and w.end <= start
                                       and not in_framing(w) and w.what != "in a name")),
        )
        for step, candidates in steps:
            # after the figure, `trước ngày X` is its deadline (`trao tặng 50 sổ
            # ... trước ngày 15/1/2024`); fronted, a bound (`Trước ngày 1/7: ...`)
            decision = self._pick(candidates, start, step, goal or step == "after the figure")
            if decision is not None:
                return decision
        # 3. after `;`, the clause before it: the period of the sentence's last
        #    figure before the `;` (`Ngày 26/2, ... trong đợt cao điểm (từ
        #    15/12/2023 đến 25/2/2024), ... bắt giữ 126 vụ; thu nộp 1,35 tỷ đồng`)
        if segment > sentence.start:
            earlier = [p for p in self._figure_periods if sentence.start <= p < segment]
            if earlier and self._figure_periods[max(earlier)]:
                value = self._figure_periods[max(earlier)]
                self._figure_periods[start] = value
                return Decision(value, f"{value} (the clause before `;`)")
        steps = (
            # 4. a date opening the sentence: a time adjunct first (`Ngày 21/1,
            #    tại Hội nghị ... năm 2021, ...`: the report's day, not the
            #    conference's year), then any opening
            ("opening", _nearest_first(w for w in self.whens for o in openings
                                       if o.kind == "opening" and o.role == "time" and o.start <= w.start < o.end)),
            ("opening", _nearest_first(w for w in self.whens if in_opening(w))),
            # the sentence's first clause, for a `;` clause without a date of its own
            ("sentence", _nearest_first(w for w in self.whens if sentence.start <= w.start < segment
                                        and first_main is not None and w.start < first_main.end)),
            # last, a date in a campaign's name in its segment (`Lễ phát động
            # đợt cao điểm ... quý IV/2025 ..., kết nối với 124/124 xã`)
            ("a campaign's name", _nearest_first(w for w in self.whens if segment <= w.start and w.end <= start
                                                 and w.what == "in a name")),
        )
        for step, candidates in steps:
            decision = self._pick(candidates, start, step, goal)
            if decision is not None:
                return decision
        # 5. the horizon of the goal its clause states (`phấn đấu đến hết năm
        #    2024 ...; chỉ số hài lòng đạt trên 80%`)
        horizon = self._goal_horizon(sentence, clause, start)
        if horizon is not None:
            return horizon
        # 6. the lead-in of its list, its heading
        for scope_start, scope_end, step in self._frames(sentence, start):
            decision = self._pick(_nearest_first(w for w in self.whens if scope_start <= w.start < scope_end),
                                  start, step, goal)
            if decision is not None:
                return decision
        # 7. the sentence it continues (`Trong đó`, `Cụ thể`), the list or
        #    summary it runs on in (H21, H29)
        previous = sentence.continues_period if sentence.continues_period is not None else sentence.continues
        how = "the sentence it continues"
        if previous is None and sentence.period_run is not None:
            previous, how = sentence.period_run, f"the {sentence.run} it is part of"
        seen = 0
        while previous is not None and seen < 30:
            found, value = self._period_of_sentence(doc.sentences[previous])
            if found:
                self._figure_periods[start] = value
                return Decision(value, f"{value} ({how})" if value else None)
            # a sentence with neither figures nor time words: look further back in the run
            before = doc.sentences[previous]
            if before.period_run is None or sentence.period_run is None:
                break
            previous, seen = before.period_run, seen + 1
        self._figure_periods[start] = None
        return Decision(None, None)

    def _about_another_thing(self, opening) -> bool:
        """An opening led by `Với`, `Để`, `Khi` ... whose dates are another
        thing's (`Với mức lương cơ sở áp dụng từ ngày 1/7/2023`), unless a
        date or period phrase follows the word itself (`Với 9 tháng năm
        2024, ...`: a time phrase)."""
        m = _OTHER_THING.match(self.doc.text, opening.start, opening.end)
        if m is None:
            return False
        return not any(m.end() <= w.start <= m.end() + 1 and w.value for w in self.whens)

    def _goal_horizon(self, sentence, clause, pos: int) -> Decision | None:
        """For a figure in a goal's frame: a date next to a goal cue of its
        sentence before it (`phấn đấu đến năm 2025`, `đến hết năm 2024 phấn
        đấu`), the nearest cue first."""
        if _frame_of(clause) != "goal":
            return None
        text = self.doc.text
        cues = [hit for hit in FRAMES.finditer(text, sentence.start, pos) if hit.meaning == "goal"]
        for cue in reversed(cues):
            near = [w for w in self.whens if sentence.start <= w.start and w.end <= pos
                    and (0 <= cue.start - w.end <= 3 or 0 <= w.start - cue.end <= 3)]
            decision = self._pick(_nearest_first(near), pos, "the goal's horizon", True)
            if decision is not None:
                return decision
        return None

    def _names_period(self, start: int, end: int) -> bool:
        """A heading that names a period: a period phrase, or a year, month
        or quarter (no day: a day dates an event) after a results or tasks
        noun (`Kết quả năm 2023`, `Nhiệm vụ năm 2024`)."""
        if start not in self._period_headings:
            self._period_headings[start] = any(
                start <= w.start < end and w.value and self._kind(w) == "period"
                and (w.what == "period phrase"
                     or (len(w.value) <= 7 and PERIOD_HEADING.search(self.doc.text, start, w.start) is not None))
                for w in self.whens)
        return self._period_headings[start]

    def _found(self, pos: int, w: _When, step: str) -> Decision:
        self._figure_periods[pos] = w.value
        return Decision(w.value, f"{self.doc.text[w.start:w.end]!r} ({step})")

    def _frames(self, sentence, pos: int):
        doc = self.doc
        if sentence.lead_in is not None:
            lead = doc.sentences[sentence.lead_in]
            yield lead.start, lead.end, "lead_in"
        clause = doc.clause_at(pos)
        if clause is not None and clause.lead_in is not None:
            lead = doc.clauses[clause.lead_in]
            yield lead.start, lead.end, "lead_in"
        block = doc.blocks[sentence.block]
        if block.heading is not None:
            heading = doc.blocks[block.heading]
            # a list item's heading; a paragraph's heading when it names a
            # period (`Kết quả năm 2023`, `6 tháng đầu năm 2024`: a section's
            # span), not when it is a run-in subheading with a date of an event
            if block.kind == "item" or self._names_period(heading.start, heading.end):
                yield heading.start, heading.end, "heading"

    def _period_of_sentence(self, sentence) -> tuple[bool, str | None]:
        """(found, period) of a sentence: its last figure's period (decided
        before), else the last time word in it (H25: the date that governs a
        sentence without figures); found is False when it has neither."""
        figures = [p for p in self._figure_periods if sentence.start <= p < sentence.end]
        if figures:
            return True, self._figure_periods[max(figures)]
        for w in _nearest_first(w for w in self.whens if sentence.start <= w.start < sentence.end):
            kind = self._kind(w)
            if kind == "period":
                return True, w.value
            if kind in ("bound", "no period"):
                return True, None
        return False, None


def _frame_of(clause) -> str | None:
    if clause is None:
        return None
    if clause.frame != "achieved":
        return clause.frame
    return clause.inherited[0] if clause.inherited else None


def _nearest_first(whens) -> list[_When]:
    return sorted(whens, key=lambda w: -w.start)


def _months(n: int, unit: str, year: int) -> str:
    months = n * 3 if unit == "quý" else n
    if not 1 <= months <= 12:
        return str(year)
    return f"{year}-01/{year}-{months:02d}" if months < 12 else str(year)


def _last_months(n: int, unit: str, year: int) -> str:
    months = n * 3 if unit == "quý" else n
    if not 1 <= months <= 12:
        return str(year)
    return f"{year}-{13 - months:02d}/{year}-12" if months < 12 else str(year)


# (text, the figure's text, its period) under a dateline of 2024-03-05;
# run through the whole pipeline by tests/test_examples.py.
EXAMPLES: list[tuple[str, str, str | None]] = [
    ("Tính đến 30/6/2020, toàn tỉnh có 8.463 người tham gia BHXH tự nguyện.", "8.463 người", "2020-06-30"),
    ("Năm 2023, toàn tỉnh thu 5.320 tỷ đồng, đạt 101% kế hoạch.", "5.320 tỷ đồng", "2023"),
    ("Năm 2023, toàn tỉnh thu 5.320 tỷ đồng, đạt 101% kế hoạch.", "101%", "2023"),
    ("Trong tháng 2, toàn tỉnh cấp 1.200 thẻ BHYT.", "1.200 thẻ", "2024-02"),
    ("6 tháng đầu năm 2023, số thu tăng 5% so với cùng kỳ.", "5%", "2023-01/2023-06"),
    ("9 tháng năm 2023, toàn tỉnh giải quyết 12.000 hồ sơ.", "12.000 hồ sơ", "2023-01/2023-09"),
    ("Quý I/2023, số người tham gia BHTN giảm 1,2%.", "1,2%", "2023-Q1"),
    ("Đến hết năm 2023, tỷ lệ bao phủ BHYT đạt 93,35% dân số.", "93,35%", "2023"),
    ("Cuối năm 2022, toàn tỉnh còn 120 đơn vị nợ BHXH.", "120 đơn vị", "2022"),
    ("Phấn đấu đến năm 2025, tỷ lệ bao phủ BHYT đạt 95%.", "95%", "2025"),
    ("Năm nay, BHXH tỉnh phấn đấu phát triển 2.000 người tham gia BHXH tự nguyện.", "2.000 người", "2024"),
    ("Từ năm 2018 đến nay, BHXH tỉnh đã khởi kiện 85 doanh nghiệp.", "85 doanh nghiệp", "2018"),
    ("Số thu vượt 2% so với chỉ tiêu năm 2016.", "2%", "2016"),
    ("Ngày 12/2, BHXH tỉnh cho biết có 318 doanh nghiệp nợ BHXH.", "318 doanh nghiệp", "2024-02-12"),
    ("Năm 2023 thu 300 tỷ đồng; năm 2022 thu 250 tỷ đồng.", "250 tỷ đồng", "2022"),
    ("Tính đến 31/12/2023, có 1,2 triệu người tham gia BHYT; 300.000 người tham gia BHXH.", "300.000 người",
     "2023-12-31"),
    ("Số người tham gia BHYT đến 30/6/2023:\n- Nhóm hộ gia đình: 320.000 người\n- Học sinh, sinh viên: 95.000 người",
     "95.000 người", "2023-06-30"),
    ("Năm 2023 có 5.100 người hưởng trợ cấp thất nghiệp. Trong số này, 2.300 người là lao động nữ.", "2.300 người",
     "2023"),
    ("Tính đến 30/9/2023, 120 đơn vị nợ BHXH 30 tỷ đồng. Điển hình như Công ty X nợ 2,1 tỷ đồng.", "2,1 tỷ đồng",
     "2023-09-30"),
    ("3 quý đầu năm 2019, toàn tỉnh thu 2.000 tỷ đồng.", "2.000 tỷ đồng", "2019-01/2019-09"),
    ("6 tháng cuối năm 2023, số thu đạt 1.200 tỷ đồng.", "1.200 tỷ đồng", "2023-07/2023-12"),
    ("Từ ngày 1/7/2023 đến ngày 31/12/2023, toàn tỉnh phát triển 5.000 người.", "5.000 người",
     "2023-07-01/2023-12-31"),
    ("Tháng 1/2024, số người hưởng BHTN là 1.500 người, tăng 8% so với tháng 12/2023.", "8%", "2024-01"),
    # a date attached after the figure (its own): a level with its year, a target's horizon
    ("Tỉnh đảm bảo mục tiêu kiểm soát lạm phát bình quân 4% của năm 2023.", "4%", "2023"),
    ("Phấn đấu có 1% lực lượng lao động tham gia BHXH tự nguyện vào năm 2021 và đạt mục tiêu 2,5% vào năm 2025.",
     "2,5%", "2025"),
    ("Đến tháng 8/2023 có 30 tỉnh thực hiện, 18 tỉnh còn lại sẽ thực hiện vào tháng 12/2023.", "18 tỉnh",
     "2023-12"),
    ("Cục Thuế phấn đấu nâng số doanh nghiệp kê khai điện tử lên 98% vào cuối năm 2025.", "98%", "2025"),
    ("Phấn đấu 100% học sinh tham gia BHYT năm học 2023-2024.", "100%", "2023/2024"),
    ("Với mức lương cơ sở 1.800.000 đồng/tháng áp dụng từ ngày 1/7/2023, mỗi học sinh đóng 680.400 đồng.",
     "1.800.000 đồng", "2023-07-01"),
    ("Tổng số tiền giảm 1% tính từ tháng 10/2023 đến tháng 9/2024 là 125 tỷ đồng.", "1%", "2023-10/2024-09"),
    # a goal holds by its deadline
    ("Số tiền này sẽ được dùng để trao tặng 50 sổ BHXH tự nguyện trước ngày 15/1/2024.", "50 sổ", "2024-01-15"),
    # a `;` clause takes the period of the clause before it
    ("Ngày 26/2, Cục Hải quan cho biết, trong đợt cao điểm (từ ngày 15/12/2023 đến ngày 25/2/2024), đơn vị đã "
     "bắt giữ 126 vụ vi phạm; thu nộp ngân sách 1,35 tỷ đồng.", "1,35 tỷ đồng", "2023-12-15/2024-02-25"),
    ("Ông A cho biết: Tính đến ngày 30/4/2023, toàn tỉnh có 7.842 người tham gia; số người tham gia mới chiếm "
     "1,4% lực lượng lao động.", "1,4%", "2023-04-30"),
    # the report's day, not the year in a conference's name
    ("Ngày 21/1, tại Hội nghị triển khai công tác năm 2024, Giám đốc BHXH thành phố cho biết đơn vị đã chuyển hồ "
     "sơ 76 doanh nghiệp sang cơ quan công an.", "76 doanh nghiệp", "2024-01-21"),
    # a list's items written as sentences after an inline lead-in (NOTES H29)
    ("Tính đến 31/12/2023, kết quả phát triển đối tượng như sau: số người tham gia BHXH là 8.463 người. Tổng số "
     "người tham gia BHYT là 964.867 người.", "964.867 người", "2023-12-31"),
    ("Năm 2024, Ban Chỉ đạo tỉnh đề ra chỉ tiêu: tỷ lệ bao phủ BHYT đạt 93%. Tỷ lệ nợ đóng BHXH giảm còn 2,5%.",
     "2,5%", "2024"),
    ("Kết quả kiểm tra năm 2023 như sau:\nTrường hợp vi phạm nồng độ cồn: 1.200 trường hợp.\nTrường hợp chở "
     "quá tải: 300 trường hợp.", "300 trường hợp", "2023"),
    # the later sentences of a summary opened by `Cụ thể,` (NOTES H21)
    ("Năm 2023, Cục Thuế tỉnh đã thanh tra 120 doanh nghiệp. Cụ thể, truy thu 15 tỷ đồng.\nĐồng thời, xử phạt "
     "30 doanh nghiệp với số tiền 2 tỷ đồng.", "2 tỷ đồng", "2023"),
    ("6 tháng đầu năm 2024, Công an tỉnh Nam Định đã kiểm tra 5.000 phương tiện. Cụ thể, phát hiện 800 trường hợp "
     "vi phạm.\nĐặc biệt, Công an tỉnh Nam Định đã tước 120 giấy phép lái xe.", "120 giấy phép",
     "2024-01/2024-06"),
    # a goal's horizon for its `;` items
    ("Ngành tập trung chỉ đạo đến hết năm 2024 phấn đấu hoàn thành các chỉ tiêu; thu đạt số thu được giao; chỉ "
     "số hài lòng của người dân đạt trên 85%.", "85%", "2024"),
    # `Từ X đến nay`, `Tính đến X`
    ("Ngày 20/4, Công an tỉnh cho biết, từ tháng 3/2024 đến nay đã xử lý 1.200 trường hợp.", "1.200 trường hợp",
     "2024-03"),
    # a time phrase after `Với`, `Sau`, `Qua` (the span itself, not another thing's date nor a bound)
    ("Với 9 tháng năm 2023, số người tham gia BHXH tự nguyện là 6.312 người.", "6.312 người", "2023-01/2023-09"),
    ("Sau 6 tháng đầu năm 2023, Cục Hải quan tỉnh đã phát hiện 41 vụ vi phạm.", "41 vụ", "2023-01/2023-06"),
    ("Qua 3 ngày ra quân (từ 10 đến 12/7/2023), các tổ công tác đã vận động 85 người tham gia.", "85 người",
     "2023-07-10/2023-07-12"),
    # a section heading that names a period governs its paragraphs
    ("Kết quả năm 2023\nSố người tham gia BHYT là 1.102.000 người, đạt 99% kế hoạch.", "99%", "2023"),
    ("Nhiệm vụ năm 2024\nCông an tỉnh phấn đấu giảm 5% số vụ tai nạn giao thông.", "5%", "2024"),
    ("Tình hình thực hiện quý I/2024\nSở Y tế đã kiểm tra 134 cơ sở.\nĐã xử phạt 12 cơ sở.", "12 cơ sở",
     "2024-Q1"),
]
# (text, the figure's text, why it has no period)
NON_EXAMPLES: list[tuple[str, str, str]] = [
    ("Hiện nay, toàn tỉnh có 1,1 triệu người tham gia BHYT.", "1,1 triệu người", "`hiện nay` gives nothing"),
    ("So với cùng kỳ năm 2022, số người tham gia tăng 20.000 người.", "20.000 người", "a comparison base"),
    ("Trong năm, BHXH tỉnh đã giải quyết 12.000 hồ sơ.", "12.000 hồ sơ", "a yearless `trong năm`"),
    ("Lũy kế từ đầu năm, toàn tỉnh thu 500 tỷ đồng.", "500 tỷ đồng", "`lũy kế`, yearless"),
    ("Theo Kế hoạch số 12/KH-BHXH ngày 5/1/2023, tỉnh cần phát triển 3.000 người.", "3.000 người",
     "a cited document's issue date"),
    ("Năm 2023, tỉnh thu 300 tỷ đồng. Huyện A có 12 xã.", "12 xã", "never across a full stop"),
    ("Đến nay, toàn tỉnh đã cấp 95.000 thẻ BHYT.", "95.000 thẻ", "`đến nay` without its start"),
    ("Trong 6 tháng, toàn tỉnh phát triển 800 người.", "800 người", "a duration without its year"),
    ("So với cùng kỳ năm 2022, số vụ bắt giữ tăng 15,6%.", "15,6%", "a comparison base opening the sentence"),
    ("Trước ngày 1/7/2024: áp dụng mức lương cơ sở cũ, tương đương không vượt quá 67.050.000 đồng.",
     "67.050.000 đồng", "a bound, not a period"),
    ("Với mức lương cơ sở 1.800.000 đồng/tháng áp dụng từ ngày 1/7/2023, mỗi học sinh đóng 680.400 đồng.",
     "680.400 đồng", "the date of the salary it is computed with, in an opening about another thing"),
    ("Năm 2023, BHXH tỉnh gửi thông báo đến 4.381 đơn vị tương ứng 200.963 lao động với tổng số tiền tính từ "
     "tháng 7/2023 là 60 tỷ đồng. Hiện nay, toàn tỉnh có 1.200 đơn vị.", "1.200 đơn vị",
     "`hiện nay` in its own sentence"),
    ("Năm 2023, Cục Thuế tỉnh đã thanh tra 120 doanh nghiệp. Cụ thể, truy thu 15 tỷ đồng. Tuy nhiên, theo ông A, "
     "toàn tỉnh còn 300 doanh nghiệp nợ thuế.", "300 doanh nghiệp", "a contrastive turn ends the summary"),
    ("Năm 2023, tỉnh thu 300 tỷ đồng. Đồng thời, Cục Thuế xử phạt 30 doanh nghiệp.", "30 doanh nghiệp",
     "no summary opened by `Cụ thể`: a full stop is the limit (NOTES H25, H28)"),
    ("Tính đến 31/12/2023, kết quả như sau: toàn tỉnh có 8.463 người. Trong năm, đã tiếp nhận 13.000 hồ sơ.",
     "13.000 hồ sơ", "a yearless `trong năm` of its own, inside a list"),
    ("Sau ngày 30/6/2023, toàn tỉnh có 512 người tham gia.", "512 người", "`sau` a day: a bound"),
    ("Sôi nổi ngày hội 12/1/2024\nCó 150 người tham dự buổi lễ.", "150 người",
     "a run-in subheading with an event's day is no section period"),
]
