"""What a percent measures (guide 3.4 and section 5), decided through the
scope resolver and the clause's frame, with its examples.

The order of the tests is the order of precedence:
1. a rate of something (`30% mức đóng`, `1% quỹ BHTN`, `101,7% dự toán`,
   `bằng 45% tổng thu`) → `other`;
2. a plan named after the figure (`đạt 132,14% kế hoạch`, `98,92% so với chỉ
   tiêu`) → `plan_completion`, or `exceed` after `vượt`; in a goal frame the
   figure is itself aimed at → `target`;
3. a goal frame (`phấn đấu`, `mục tiêu`, `chỉ tiêu giao là`, `đến năm 2025`
   in an article of 2021; through the clause chain, the list's lead-in, the
   heading) → `target`; a forecast (`ước`, `dự kiến`) is not a goal;
4. a change against an earlier period: a change verb governing the figure
   (`tăng 5%`, `giảm 3%`, `tăng 24.738 người (10,9%)`) or a comparison after
   it (`so với cùng kỳ`, `so với năm 2022`, `bằng 108,5% so với cùng kỳ`)
   → `growth`; but a level reached (`tăng lên 93%`, `giảm còn 2%`) is no
   change: it goes on to the tests below;
5. a coverage rate: `tỷ lệ bao phủ`, `tỷ lệ tham gia` in the figure's clause
   or the subject it continues, or a share of the population or labour force
   (`92% dân số tham gia BHYT`) → `coverage`;
6. anything else → `other`.

Vietnamese facts (lexicon `measure_cues`): `kế hoạch` (plan), `chỉ tiêu`
(target figure), `dự toán` (budget), `bao phủ` (coverage), `tăng`/`giảm`
(rise/fall), `so với cùng kỳ` (against the same period), `vượt` (beyond).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import lexicon
from ..extractors.rules import compile_pattern
from .scope import Resolver
from .structure import Document

CUES = lexicon.load("measure_cues")
REVENUE = lexicon.load("revenue")

# Right after the figure (a range's upper end, `so với` allowed between).
_AFTER = compile_pattern(r"\G\)?\s*(?:(?:so\s+với|của)\s+)?")
# `70%, 60%, 50% mức đóng`: a list of rates sharing what they are rates of.
_RATE_LIST = compile_pattern(r"\G(?:\s*(?:,|đến|tới|và|-|–)\s*[\d.,]+\s*%){1,6}")
_CONTRIBUTION_BEFORE = compile_pattern(r"(?:đóng|mức đóng)\s*(?:bằng\s*)?$")
# What may stand between a change verb and its figure: its object noun and a
# qualifier (`tăng giá khoảng 20- 30%`, `tăng hơn 5%`).
_CHANGE_GAP = compile_pattern(r"^(?:\s+(?:giá|mức|thêm|khoảng|hơn|gần|trên|xấp xỉ|được|là|đến|tới)){0,3}\s*$")
# `tăng 24.738 người (10,9%)`: a bracketed share right after a change.
_BRACKETED_CHANGE = compile_pattern(r"(?:tăng|giảm)[^,;()]{0,40}\(\s*$")
# A comparison with an earlier period after the figure.
_EARLIER = compile_pattern(
    r"\G\)?\s*so\s+với\s+(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái|năm\s+\d{4}|năm\s+học\s+trước|\d{4}|tháng|cuối\s+năm|"
    r"đầu\s+năm|quý|kỳ\s+trước|trước|cùng\s+thời\s+(?:điểm|kỳ|gian)|thời\s+điểm|giai\s+đoạn|mức\s+\p{L}+\s+(?:cũ|trước)|\d)")
# `X% dân số`, `X% lực lượng lao động`: a share of the population (coverage
# when its people are in a scheme or reached by a programme, M4).
_POPULATION_AFTER = compile_pattern(
    r"\G\s*(?:so\s+với\s+)?(?:tổng\s+)?(?:dân\s+số|lực\s+lượng\s+lao\s+động|người\s+dân|trẻ\s+em|hộ\s+dân)")
# `X% người thất nghiệp được hỗ trợ học nghề`, `98% trẻ em ... được tiêm`: the
# people named right after the figure, and what reaches them.
_PEOPLE_AFTER = compile_pattern(
    r"\G\s*(?:số\s+)?(?:người|trẻ|hộ|học\s+sinh|lao\s+động|bệnh\s+nhân|đối\s+tượng)(?P<rest>[^,;.]{0,50})")
# `tỷ lệ <people> <reached>`: the rate of a participation (coverage).
_RATE_OF = compile_pattern(r"(?<![\p{L}])tỷ\s+lệ(?![\p{L}])", regex.IGNORECASE)
RATE_WORDS = 10  # `tỷ lệ` + its people + at most this many words + the participation
_WORDS = compile_pattern(r"[\p{L}\p{M}\p{N}]+")
_RATE_RIGHT_BEFORE = compile_pattern(r"(?<![\p{L}])tỷ\s+lệ\s*(?:là\s+|đạt\s+)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$",
                                     regex.IGNORECASE)
# `vượt kế hoạch 2%`, `vượt chỉ tiêu được giao 1,5%`: the margin over a plan.
_EXCEED_PLAN_BEFORE = compile_pattern(r"vượt\s+(?:mức\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|KH|mục\s+tiêu)(?:\s+[\p{L}]+){0,3}\s*$")
# `tại 12 huyện có tỷ lệ tiêm chủng dưới 80%`, `các xã có tỷ lệ bao phủ dưới
# 85%`: a threshold that defines a group, not a rate reached (NOTES H17, M5).
_GROUP_THRESHOLD = compile_pattern(
    r"(?<![\p{L}])(?:các|những|mọi|\d[\d.]*)\s+(?:[\p{L}]+\s+){1,3}(?:có|với)\s+tỷ\s+lệ(?:[^,;.]|[.,](?=\d)){0,60}"
    r"(?:dưới|trên|thấp\s+hơn|cao\s+hơn|không\s+quá|từ)\s*$", regex.IGNORECASE)
_LEVEL_FROM = compile_pattern(r"(?<![\p{L}])từ\s*[\d.,]+\s*%\s*(?:hiện\s+nay\s+|năm\s+\d{4}\s+)?lên\s*$")

STEPS = ("noun", "clause", "bracket", "chain", "lead_in", "topic")


@dataclass(frozen=True)
class Decision:
    value: str
    evidence: str


class MeasureDecider:
    def __init__(self, doc: Document, resolver: Resolver):
        self.doc, self.resolver = doc, resolver

    def is_contribution_rate(self, start: int, end: int) -> bool:
        """`hỗ trợ 30% mức đóng`, `70%, 60%, 50% mức đóng`, `đóng bằng 40%`."""
        text = self.doc.text
        rates = _RATE_LIST.match(text, end)
        after = _AFTER.match(text, rates.end() if rates else end).end()
        cue = CUES.at(text, after)
        return (cue is not None and cue.phrase in ("mức đóng", "mức phí", "phí đóng", "mức bình quân")) or bool(
            _CONTRIBUTION_BEFORE.search(text, max(0, start - 20), start))

    def decide(self, start: int, end: int) -> Decision:
        text = self.doc.text
        first = start
        clause = self.doc.clause_at(first)
        if clause is not None and clause.kind == "bracket" and clause.head is not None:
            clause = self.doc.clauses[clause.head]   # `giảm 4 vụ (16%)`: the clause it is bracketed in
        clause_start = clause.start if clause is not None else self.doc.sentence_of(first)[0]
        after = _AFTER.match(text, end).end()
        rate_list = _RATE_LIST.match(text, end)
        after_rates = _AFTER.match(text, rate_list.end()).end() if rate_list else after

        cue = CUES.at(text, after_rates) or CUES.at(text, after)
        if cue is not None and cue.meaning == "budget" and self._collecting(first, end):
            cue = lexicon.Hit(cue.start, cue.end, cue.phrase, "plan")   # revenue against its budget
        if cue is not None and cue.meaning in ("rate_of", "budget"):
            return Decision("other", f"{cue.phrase!r} after it: a rate of something (noun)")
        share = cue is not None and cue.meaning == "share"
        if _CONTRIBUTION_BEFORE.search(text, max(0, first - 20), first):
            return Decision("other", "'đóng' before it: a contribution rate (clause)")
        frame, frame_cue, frame_step = self.resolver.frame_of(first)
        goal = frame == "goal"
        forecast = frame == "forecast"
        goal_why = (f"goal {text[frame_cue[0]:frame_cue[1]]!r} ({frame_step})" if goal and frame_cue else
                    f"goal ({frame_step})")
        exceed = CUES.ending_at(text, max(clause_start, first - 12), first)
        exceeding = exceed is not None and exceed.meaning == "exceed"
        if _EXCEED_PLAN_BEFORE.search(text, max(clause_start, first - 50), first):
            return Decision("target", goal_why) if goal else Decision("exceed", "'vượt' + a plan before it (clause)")
        if cue is not None and cue.meaning == "plan":
            if exceeding:
                return Decision("target", goal_why) if goal else Decision("exceed", f"'vượt' before, {cue.phrase!r} after it (noun)")
            return Decision("target", goal_why) if goal else Decision(
                "plan_completion", f"{cue.phrase!r} after it (noun)")
        if exceeding and (text.startswith("so với", _skip(text, end)) or self._plan_in_chain(first, end)):
            return Decision("target", goal_why) if goal else Decision("exceed", "'vượt' a plan (clause)")
        if goal:
            return Decision("target", goal_why)
        if _GROUP_THRESHOLD.search(text, max(clause_start, first - 120), first):
            return Decision("other", "a threshold that defines a group (clause)")
        if share:
            return Decision("other", f"{cue.phrase!r} after it: a share of a total (noun)")
        level = self._level(first, clause_start)
        if not level:
            growth = self._growth(first, end, clause_start)
            if growth:
                if forecast:
                    return Decision("target", f"an expected change: forecast {text[frame_cue[0]:frame_cue[1]]!r} ({frame_step})")
                return Decision("growth", growth)
        coverage = self._coverage(start, end, first)
        if coverage:
            return Decision("coverage", coverage)
        if forecast:   # an expected rate that is not a coverage forecast (NOTES H14)
            return Decision("target", f"forecast {text[frame_cue[0]:frame_cue[1]]!r} ({frame_step})")
        return Decision("other", "no cue (level reached)" if level else "no cue")

    def _plan_in_chain(self, first: int, end: int) -> bool:
        """`Số thu đạt 112% kế hoạch, vượt 12%`: the plan the margin is over."""
        text = self.doc.text
        return any(h.meaning == "plan" for scope in self.resolver.scopes(first, end, ("chain",))
                   for h in CUES.finditer(text, scope.start, scope.end))

    def _collecting(self, first: int, end: int) -> bool:
        """Is the figure's clause about revenue (`thu`, `số thu`)?"""
        text = self.doc.text
        return any(REVENUE.first(text, scope.start, scope.end) for scope in self.resolver.scopes(first, end, ("clause", "chain")))

    def _level(self, first: int, clause_start: int) -> bool:
        """`tăng lên 93%`, `giảm còn 2%`, `từ 30% lên 60%`: the level reached."""
        text = self.doc.text
        hit = CUES.ending_at(text, max(clause_start, first - 16), first)
        return (hit is not None and hit.meaning == "level") or bool(
            _LEVEL_FROM.search(text, max(clause_start, first - 40), first))

    def _growth(self, first: int, end: int, clause_start: int) -> str | None:
        text = self.doc.text
        if _EARLIER.match(text, end):
            return "'so với' an earlier period after it (noun)"
        for scope in self.resolver.scopes(first, end, ("clause", "chain")):
            rate = next((h for h in CUES.finditer(text, scope.start, scope.end) if h.meaning == "growth_rate"), None)
            if rate is not None:
                return f"{rate.phrase!r}: a growth rate ({scope.step})"
        for hit in CUES.finditer(text, max(clause_start, first - 40), first):
            if hit.meaning == "change" and _CHANGE_GAP.match(text[hit.end:first]):
                return f"{hit.phrase!r} governs it (clause)"
        if _BRACKETED_CHANGE.search(text, max(clause_start, first - 50), first):
            return "a bracketed share after a change (clause)"
        if text.startswith("so với", _skip(text, end)) and any(
                h.meaning == "change" for h in CUES.finditer(text, max(clause_start, first - 60), first)):
            return "a change verb and 'so với' (clause)"
        return None

    def _reached(self, start: int, end: int) -> tuple[int, int] | None:
        """A participation cue (`tham gia`, `có thẻ`, `được tiêm` ...) in
        text[start:end] that no negation (`chưa`, `không`) comes right before."""
        text = self.doc.text
        for hit in CUES.finditer(text, start, end):
            if hit.meaning != "reached":
                continue
            before = CUES.ending_at(text, max(start, hit.start - 8), hit.start)
            if before is None or before.meaning != "negation":
                return hit.start, hit.end
        return None

    def _participation_rate(self, pos: int, end: int) -> bool:
        """After `tỷ lệ`: a participation right away (`tỷ lệ tham gia`), or its
        people and then a participation within a few words (`tỷ lệ người đăng
        ký hưởng TCTN được hỗ trợ học nghề`); `tỷ lệ chi trả ... cho người
        tham gia` is the rate of something else."""
        text = self.doc.text
        first = CUES.at(text, _skip(text, pos), end)
        if first is None:
            return False
        if first.meaning == "reached":
            return True
        if first.meaning != "people":
            return False
        words = list(_WORDS.finditer(text, first.end, end))[:RATE_WORDS]
        reached = self._reached(first.end, end) if words else None
        return reached is not None and reached[0] < words[-1].end()

    def _coverage(self, start: int, end: int, first: int) -> str | None:
        """A coverage rate: the share of a population in a scheme or reached
        by a programme, reached or forecast as reached (guide 5, M4, H19)."""
        text = self.doc.text
        share = CUES.ending_at(text, max(0, first - 10), first)
        base = share is not None and share.meaning == "share_verb"   # `chiếm 3,7% số người tham gia`
        people = _PEOPLE_AFTER.match(text, end)
        if people and not base and self._reached(people.start("rest"), people.end("rest")):
            return "the share of people reached by a programme, after it (noun)"
        scopes = list(self.resolver.scopes(first, end, ("noun", "clause", "conjuncts", "chain", "lead_in", "topic")))
        if _POPULATION_AFTER.match(text, end) and any(self._reached(s.start, s.limit) for s in scopes):
            return "a share of the population in a scheme (noun)"
        if _RATE_RIGHT_BEFORE.search(text, max(0, first - 30), first) and any(
                self._reached(s.start, s.end) for s in scopes if s.step != "noun"):
            return "'tỷ lệ' of a participation before it (chain)"   # `HSSV tham gia BHYT, đạt tỷ lệ 96,8%`
        for scope in scopes:
            if scope.step == "noun":
                continue
            for hit in CUES.finditer(text, scope.start, scope.end):
                if hit.meaning == "coverage":
                    return f"{hit.phrase!r} ({scope.step})"
            for rate in _RATE_OF.finditer(text, scope.start, scope.end):
                if self._participation_rate(rate.end(), scope.end):
                    return f"a participation rate 'tỷ lệ ...' ({scope.step})"
        return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t)":
        pos += 1
    return pos


# --- examples -----------------------------------------------------------------------
# (text, the percent's text, its expected measure); run through the whole
# pipeline by tests/test_examples.py.
EXAMPLES: list[tuple[str, str, str]] = [
    # plan completion
    ("Năm 2020, số thu BHXH đạt 132,14% kế hoạch.", "132,14%", "plan_completion"),
    ("Số người tham gia BHYT đạt 98,92% so với chỉ tiêu của UBND tỉnh giao.", "98,92%", "plan_completion"),
    ("Số người tham gia BHXH tự nguyện đạt 8.463 người, đạt 67,25% so với kế hoạch được giao.", "67,25%",
     "plan_completion"),
    ("Thu BHXH bắt buộc đạt 52% KH giao.", "52%", "plan_completion"),
    ("Cục Thuế tỉnh Nghệ An thu ngân sách đạt 104,3% dự toán pháp lệnh, hoàn thành 100% kế hoạch thu nợ.", "100%",
     "plan_completion"),
    ("Tỷ lệ cài đặt VssID đạt 116% kế hoạch giao.", "116%", "plan_completion"),
    ("Để thực hiện mục tiêu đó, năm 2019 toàn tỉnh đạt 101% kế hoạch.", "101%", "plan_completion"),
    ("Tỷ lệ bao phủ BHYT đạt 95% mục tiêu đề ra.", "95%", "plan_completion"),
    ("Ước cả năm, số thu đạt 102% kế hoạch.", "102%", "plan_completion"),
    # coverage
    ("Tỷ lệ bao phủ BHYT đạt 92,1% dân số.", "92,1%", "coverage"),
    ("Tổng số người tham gia BHYT là 964,867 người, tỷ lệ bao phủ so với dân số của tỉnh là 95,61%.", "95,61%",
     "coverage"),
    ("Ước đạt tỷ lệ bao phủ 91,4%.", "91,4%", "coverage"),
    ("Số người tham gia BHXH chiếm 35,7% lực lượng lao động.", "35,7%", "coverage"),
    ("Tỷ lệ tham gia BHYT toàn tỉnh đạt 92,5%.", "92,5%", "coverage"),
    ("Hiện 92% dân số tham gia BHYT.", "92%", "coverage"),
    ("Tỷ lệ bao phủ tăng lên 93%.", "93%", "coverage"),
    ("HSSV tham gia BHYT, đạt tỷ lệ 96,8%.", "96,8%", "coverage"),
    ("Đối với BHYT, toàn tỉnh có 1.200.000 người tham gia, đạt tỷ lệ 91%.", "91%", "coverage"),
    ("Tại Kon Tum, 98% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ.", "98%", "coverage"),
    ("Chỉ 1% người thất nghiệp được hỗ trợ học nghề.", "1%", "coverage"),
    ("Tỷ lệ người được hỗ trợ học nghề là 2%.", "2%", "coverage"),
    ("Tỷ lệ người đăng ký hưởng trợ cấp thất nghiệp được hỗ trợ học nghề chỉ đạt 1,8%.", "1,8%", "coverage"),
    ("Hiện chỉ 15% bệnh nhân HIV có thẻ BHYT.", "15%", "coverage"),
    ("Tỷ lệ người có thẻ BHYT giảm từ 51,9% xuống 18,9%.", "18,9%", "coverage"),
    # exceed
    ("Số thu vượt 6,23% so với chỉ tiêu Chính phủ giao.", "6,23%", "exceed"),
    ("Số người tham gia đạt 40.200 người (vượt 0,7% kế hoạch HĐND tỉnh giao).", "0,7%", "exceed"),
    ("Năm 2019 toàn tỉnh đạt 101% kế hoạch, vượt chỉ tiêu 1%.", "1%", "exceed"),
    ("Năm 2019 thu ngân sách vượt kế hoạch được giao 3,5%.", "3,5%", "exceed"),
    ("Số thu đạt 112% kế hoạch, vượt 12%.", "12%", "exceed"),
    # growth
    ("Số thu tăng 5% so với cùng kỳ năm trước.", "5%", "growth"),
    ("Số người tham gia BHTN tăng 7,2% so với năm 2022.", "7,2%", "growth"),
    ("Chi KCB BHYT giảm 3% so với cùng kỳ.", "3%", "growth"),
    ("Số thu bằng 108,5% so với cùng kỳ.", "108,5%", "growth"),
    ("Số người tham gia tăng 24.738 người (10,9%) so với tháng 12/2020.", "10,9%", "growth"),
    ("Giá vé tăng khoảng 10- 15% so với mức giá cũ.", "10- 15%", "growth"),
    ("Học phí tăng 8% so với năm học trước.", "8%", "growth"),
    ("GRDP của tỉnh tăng 6,4%.", "6,4%", "growth"),
    ("Tốc độ tăng trưởng GRDP năm 2019 đạt 8,2%.", "8,2%", "growth"),
    ("Số vụ buôn lậu giảm 12,5% so với cùng kỳ năm 2022.", "12,5%", "growth"),
    # target: goals, through the clause, the chain, the lead-in, the heading
    ("Phấn đấu hoàn thành 50% chỉ tiêu kế hoạch năm 2020.", "50%", "target"),
    ("Mục tiêu đến năm 2025 tỷ lệ bao phủ BHYT đạt trên 95%.", "95%", "target"),
    ("Chỉ tiêu giao năm 2024 là tỷ lệ bao phủ BHYT đạt 93,5%.", "93,5%", "target"),
    ("Mục tiêu năm 2025:\n- Tỷ lệ bao phủ BHYT đạt 95%", "95%", "target"),
    ("Năm nay tỉnh được giao chỉ tiêu 38%.", "38%", "target"),
    ("Năm 2022 đề ra chỉ tiêu: tỷ lệ bao phủ BHXH đạt 40,29% lực lượng lao động.", "40,29%", "target"),
    ("Phấn đấu năm 2024 tỷ lệ bao phủ BHYT đạt 93%, tỷ lệ tham gia BHTN đạt 30% lực lượng lao động.", "30%", "target"),
    ("Phấn đấu chỉ số hài lòng của người dân đạt mức trên 80%.", "80%", "target"),
    ("Đến năm 2030, tỷ lệ tiêm chủng đầy đủ đạt 95%.", "95%", "target"),
    ("Bộ Tài chính đặt ra mục tiêu giảm tỷ lệ nợ thuế xuống dưới 5%.", "5%", "target"),
    ("UBND tỉnh yêu cầu đến cuối năm tỷ lệ bao phủ BHYT đạt 92%.", "92%", "target"),
    ("Kế hoạch năm 2020 giao tỷ lệ bao phủ BHYT là 94%.", "94%", "target"),
    ("Thực hiện Kế hoạch số 548/KH-BHXH, năm 2019 tỷ lệ bao phủ BHYT đạt 91%.", "91%", "coverage"),
    ("Năm nay, Sở đặt mục tiêu tỷ lệ thất nghiệp dưới 4%; tỷ lệ lao động qua đào tạo đạt 28%.", "28%", "target"),
    # other: shares, rates, budgets
    ("Nhà nước hỗ trợ 30% mức đóng BHYT cho học sinh.", "30%", "other"),
    ("Giảm mức đóng 1% quỹ BHTN.", "1%", "other"),
    ("Sử dụng 101,7% dự toán được giao.", "101,7%", "other"),
    ("Tổng thu nội địa 10 tháng ước đạt 5.876 tỷ đồng, bằng 92,4% dự toán năm.", "92,4%", "plan_completion"),
    ("Tỷ lệ tiêm chủng đủ mũi vắc xin sởi năm 2019 chỉ đạt 86,3%.", "86,3%", "coverage"),
    ("Số thu BHXH bằng 45% tổng thu của ngành.", "45%", "other"),
    ("Rà soát đạt 100% số hộ thuộc diện.", "100%", "other"),
    ("Hồ sơ trả qua Bưu điện chiếm 82,79%.", "82,79%", "other"),
    ("Mức hỗ trợ tăng từ 30% hiện nay lên 60%.", "60%", "other"),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%.", "2,1%", "other"),
    ("Chi phí thấp hơn 15% mức lương cơ sở.", "15%", "other"),
    ("Đợt tiêm bổ sung tại 12 huyện có tỷ lệ tiêm chủng dưới 80%.", "80%", "other"),
    ("Tỉnh tập trung vận động tại các xã có tỷ lệ bao phủ BHYT dưới 85%.", "85%", "other"),
    ("Lao động khu vực phi chính thức chiếm 36,6% lực lượng lao động.", "36,6%", "other"),
    ("Tỷ lệ thất nghiệp của lao động trong độ tuổi là 3,25%.", "3,25%", "other"),
    ("Còn 17% số người dân chưa tham gia BHYT.", "17%", "other"),
    ("Lao động nữ chiếm 66% số người mất việc.", "66%", "other"),
    ("Năm 2019 có 4.200 người rút BHXH một lần, chiếm 3,7% số người tham gia.", "3,7%", "other"),
    ("Quỹ BHYT chi trả 80% chi phí điều trị.", "80%", "other"),
    ("Tỷ lệ hài lòng của người dân đạt 95,2%.", "95,2%", "other"),
    ("Tỷ lệ chi trả của quỹ BHYT cho người tham gia là 80%.", "80%", "other"),
    ("Người có thẻ BHYT được hưởng 80% chi phí khám chữa bệnh.", "80%", "other"),
    # expected figures are targets; an estimate of a result is not
    ("GRDP tăng 6,4%, thấp hơn mức kế hoạch 7%.", "7%", "target"),
    ("Mức lương tối thiểu vùng dự kiến điều chỉnh tăng 6%.", "6%", "target"),
    ("Ước cả năm, số thu tăng 9% so với năm trước.", "9%", "growth"),
]
