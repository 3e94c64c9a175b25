"""The insurance scheme of a count or percent (guide 3.6 and section 5),
decided through the scope resolver, with its examples.

A scheme word (lexicon `schemes`) governs a figure from the nearest scope
that holds one: its counted noun, its clause, its conjunct group, the clause
a bracket breaks down, the clauses whose subject it continues, its list's
lead-in, the sentence's topic phrase, its heading, the sentence a `Trong đó`
sentence continues. A narrower word met on the way refines a broader one
(`BHXH` → `bhxh_tu_nguyen` under `Về BHXH tự nguyện, ...`; `BHYT` with a
student group → `bhyt_hssv`).

Vietnamese facts (lexicons `schemes`, `scheme_qualifiers`, `agencies`):
- `BHXH` = bảo hiểm xã hội (social insurance), narrowed by `tự nguyện`
  (voluntary) or `bắt buộc` (compulsory); `BHYT` = bảo hiểm y tế (health
  insurance), narrowed by `hộ gia đình` (household) or a student group
  (`học sinh`, `sinh viên`, `HSSV`); `BHTN` = bảo hiểm thất nghiệp, whose
  benefit is `trợ cấp thất nghiệp` (`TCTN`).
- `BHXH` is also the agency's acronym: `BHXH tỉnh`, `cơ quan BHXH`, `BHXH
  đã tổ chức ...` name the agency, not the scheme. `BHYT` and `BHTN` name no
  agency: `Đối với BHYT`, `BHYT toàn tỉnh` are the scheme. Names that hold an
  acronym (`Luật BHYT`, `mã số BHXH`, `VssID-BHXH số`, `Ngày BHYT Việt Nam`)
  give no scheme.
- A figure covering schemes named together (`BHXH, BHYT, BHTN`) has none; a
  mixed group (`người cận nghèo và học sinh`) does not narrow BHYT.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import lexicon
from ..extractors.rules import compile_pattern
from .scope import Resolver
from .structure import Document

SCHEMES = lexicon.load("schemes")
QUALIFIERS = lexicon.load("scheme_qualifiers")
AGENCIES = lexicon.load("agencies")
AGENCY_VERBS = lexicon.load("agency_verbs")

STEPS = ("noun", "clause", "conjuncts", "bracket", "chain", "lead_in", "topic", "opening", "heading", "previous")
# Scopes that frame a whole sentence or list: a narrower scheme written there
# refines the one found nearer the figure (`Về BHXH tự nguyện, ... BHXH`).
REFINING_STEPS = ("lead_in", "topic", "opening", "heading", "previous")
# Between two listed schemes: a separator, perhaps a short head noun (`thẻ
# BHYT, sổ BHXH`).
_LIST_GAP = compile_pattern(r"\)?\s*(?:,|và|-|–|/|hoặc)\s*(?:và\s+)?(?:\p{Ll}{1,4}\s+)?\(?")
_QUOTED = compile_pattern(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")
_BRACKET_GLOSS = compile_pattern(r"\G\s*\([^()]{1,12}\)")
# `người cận nghèo và học sinh`: a qualifier coordinated with another group.
_MIXED_GROUP = compile_pattern(r"(?<![\p{L}])(?!học\s|sinh\s)\p{L}+\s*(?:,|và)\s*$")
FAMILY = {"bhxh": "bhxh", "bhxh_tu_nguyen": "bhxh", "bhxh_bat_buoc": "bhxh",
          "bhyt": "bhyt", "bhyt_ho_gia_dinh": "bhyt", "bhyt_hssv": "bhyt", "bhtn": "bhtn"}


@dataclass(frozen=True)
class SchemeWord:
    start: int
    end: int
    scheme: str


@dataclass(frozen=True)
class Decision:
    value: str | None
    evidence: str | None      # `'BHYT' (noun)`, `'BHXH' (noun), narrowed by 'tự nguyện' (topic)`


@lru_cache(maxsize=256)
def _words_in(text: str, start: int, end: int) -> tuple[SchemeWord, ...]:
    """Every scheme word of text[start:end] that names a scheme (not an
    agency, not part of another name)."""
    found = []
    for hit in SCHEMES.finditer(text, start, end):
        if not _is_name_or_agency(text, hit):
            found.append(SchemeWord(hit.start, hit.end, hit.meaning))
    return tuple(found)


# `BHXH Hưng Yên`: a capitalised place name right after the acronym.
_PLACE_AFTER = regex.compile(r"\s+\p{Lu}\p{Ll}+\s\p{Lu}")


def _is_name_or_agency(text: str, hit) -> bool:
    before = AGENCIES.ending_at(text, max(0, hit.start - 26), hit.start)
    if before is not None and before.meaning == "name":
        return True
    after_pos = hit.end
    gloss = _BRACKET_GLOSS.match(text, after_pos)
    if gloss:
        after_pos = gloss.end()
    after = AGENCIES.at(text, _skip(text, after_pos))
    if after is not None and after.meaning == "name_after":
        return True
    if hit.meaning != "bhxh":
        return False    # BHYT, BHTN and the narrowed BHXH name no agency
    if after is not None and after.meaning == "after":
        return True
    if _PLACE_AFTER.match(text, after_pos, after_pos + 40):
        return True     # `BHXH Hưng Yên`: a place name after the acronym
    if AGENCY_VERBS.at(text, _skip(text, after_pos)) is not None:
        return True     # `BHXH đã tổ chức ...`: the organisation acting
    return before is not None and before.meaning == "before"


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _listed(words: tuple[SchemeWord, ...], i: int, text: str) -> bool:
    """Is words[i] one item of a list of distinct schemes (`BHXH, BHYT, BHTN`)?
    `BHXH bắt buộc và tự nguyện` is one scheme (NOTES H13)."""
    def joined(a: SchemeWord, b: SchemeWord) -> bool:
        return FAMILY[a.scheme] != FAMILY[b.scheme] and _LIST_GAP.fullmatch(text, a.end, b.start) is not None
    return (i > 0 and joined(words[i - 1], words[i])) or (i + 1 < len(words) and joined(words[i], words[i + 1]))


@lru_cache(maxsize=64)
def _quotes(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple(q.span() for q in _QUOTED.finditer(text, start, end))


class SchemeDecider:
    def __init__(self, doc: Document, resolver: Resolver):
        self.doc, self.resolver = doc, resolver

    def _sentence_words(self, pos: int) -> tuple[SchemeWord, ...]:
        s, e = self.doc.sentence_of(pos)
        return _words_in(self.doc.text, s, e)

    def decide(self, start: int, end: int, contribution_rate: bool = False) -> Decision:
        """The scheme of the figure text[start:end]."""
        text = self.doc.text
        if contribution_rate:
            return self._contribution(start, end)
        found: tuple[str, SchemeWord] | None = None
        for scope in self.resolver.scopes(start, end, STEPS):
            words = [w for w in self._usable(scope.start, scope.limit, start) if w.start < scope.end]
            if not words:
                continue
            word = words[0] if scope.start >= end else words[-1]   # nearest to the figure
            if found is not None and scope.step not in REFINING_STEPS:
                continue
            if found is None:
                if self._is_listed(word):
                    return Decision(None, f"{text[word.start:word.end]!r} ({scope.step}) is listed with other schemes")
                found = (scope.step, word)
                continue
            narrower = next((w for w in reversed(words) if _narrows(w.scheme, found[1].scheme)
                             and not self._is_listed(w)), None)
            if narrower is not None:
                return self._qualified(start, end, found, narrower.scheme,
                                       f"narrowed by {text[narrower.start:narrower.end]!r} ({scope.step})")
        if found is None:
            return Decision(None, None)
        return self._qualified(start, end, found, found[1].scheme, None)

    def _usable(self, start: int, end: int, figure: int) -> list[SchemeWord]:
        """Scheme words of a region, without those inside a quoted name the
        figure is not in (`Chương trình “Tết ấm cho bệnh nhân BHYT ...”`)."""
        s, e = self.doc.sentence_of(figure)
        quotes = _quotes(self.doc.text, s, e)
        own = next((q for q in quotes if q[0] <= figure < q[1]), None)
        words = []
        for w in _words_in(self.doc.text, start, end):
            inside = next((q for q in quotes if q[0] <= w.start < q[1]), None)
            if inside is None or inside == own:
                words.append(w)
        return words

    def _is_listed(self, word: SchemeWord) -> bool:
        words = self._sentence_words(word.start)
        if word not in words:
            words = _words_in(self.doc.text, *self.doc.sentence_of(word.start))
        i = words.index(word) if word in words else -1
        return i >= 0 and _listed(words, i, self.doc.text)

    def _qualified(self, start: int, end: int, found, scheme: str, narrowed: str | None) -> Decision:
        """Refine by a qualifier of the figure's own noun or clause, or of the
        clause the scheme word stands in (`BHYT` + `học sinh` → bhyt_hssv)."""
        step, word = found
        text = self.doc.text
        cue = f"{text[word.start:word.end]!r} ({step})"
        if narrowed is None:
            # a qualifier of the figure's own noun or clause narrows a broad
            # scheme, and replaces a sibling's narrowing (`bắt buộc 50.000
            # người, tự nguyện 8.000 người`, NOTES H8)
            qualifier = self._qualifier(start, end, word, FAMILY[scheme])
            if qualifier is not None and qualifier[0] != scheme:
                scheme, narrowed = qualifier
        return Decision(scheme, cue + (f", {narrowed}" if narrowed else ""))

    def _qualifier(self, start: int, end: int, word: SchemeWord, scheme: str):
        """A qualifier of the figure (its own words, its noun, its clause,
        nearest first), of the part of the clause the scheme word stands in,
        or of its list item (`- Nhóm hộ gia đình: 320.000 người`)."""
        text = self.doc.text
        noun_end = max([s.limit for s in self.resolver.scopes(start, end, ("noun",))], default=end)
        regions = [_conjoined_part(text, start, noun_end, start)]   # the figure's own words and noun
        clause = self.doc.clause_at(start)
        if clause is not None:
            regions.append(_conjoined_part(text, clause.start, start, start))
        word_clause = self.doc.clause_at(word.start)
        if word_clause is not None:
            regions.append(_conjoined_part(text, word_clause.start, word_clause.end, word.start))
        sentence = self.doc.sentence_index(start)
        if sentence is not None and self.doc.blocks[self.doc.sentences[sentence].block].kind == "item":
            block = self.doc.blocks[self.doc.sentences[sentence].block]
            regions.append((block.start, block.end))
        for r_start, r_end in regions:
            hits = [h for h in QUALIFIERS.finditer(text, r_start, r_end) if _narrows(h.meaning, scheme)
                    and not (word.start <= h.start < word.end) and not self._subset(h)
                    and not (h.meaning == "bhyt_hssv" and _MIXED_GROUP.search(text, max(0, h.start - 30), h.start))]
            if hits:
                hit = min(hits, key=lambda h: abs(h.start - start))
                return hit.meaning, f"narrowed by {text[hit.start:hit.end]!r}"
        return None

    def _subset(self, hit) -> bool:
        """`hộ gia đình cận nghèo`: a qualified subset of households is a
        state-supported group, not the household scheme (NOTES H26)."""
        after = QUALIFIERS.at(self.doc.text, _skip(self.doc.text, hit.end))
        return hit.meaning == "bhyt_ho_gia_dinh" and after is not None and after.meaning == "subset"

    def _contribution(self, pos: int, end: int) -> Decision:
        """A contribution or support rate (`hỗ trợ 30% mức đóng`) concerns the
        scheme whose contribution its sentence names, wherever it stands
        (gold/NOTES.md S1)."""
        words = self._usable(*self.doc.sentence_of(pos), pos)
        all_words = self._sentence_words(pos)
        for w in words:
            i = all_words.index(w) if w in all_words else -1
            if i >= 0 and _listed(all_words, i, self.doc.text):
                continue
            scheme = w.scheme
            if scheme == "bhyt":
                qualifier = self._qualifier(pos, end, w, scheme)
                if qualifier is not None:
                    return Decision(qualifier[0], f"{self.doc.text[w.start:w.end]!r} (sentence: a contribution rate), {qualifier[1]}")
            return Decision(scheme, f"{self.doc.text[w.start:w.end]!r} (sentence: a contribution rate)")
        return Decision(None, None)


_AND = compile_pattern(r"\s+và\s+")


def _conjoined_part(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The part of text[start:end] around pos between two `và` (`hỗ trợ 60%
    mức đóng BHYT và đối tượng học sinh cũng được ...`: the qualifier of the
    second conjunct is not the first's)."""
    left, right = start, end
    for m in _AND.finditer(text, start, end):
        if m.end() <= pos:
            left = m.end()
        elif m.start() >= pos:
            right = m.start()
            break
    return left, max(right, min(end, pos + 1))


def _narrows(narrow: str, broad: str) -> bool:
    return narrow != broad and broad in ("bhxh", "bhyt") and FAMILY.get(narrow) == broad


# --- examples -----------------------------------------------------------------------
# (text, the mention's text, its expected scheme); `#n` after the mention
# text picks its n-th occurrence. Run through the whole pipeline by
# tests/test_examples.py.
EXAMPLES: list[tuple[str, str, str | None]] = [
    # on the counted noun or right after it
    ("Năm 2020, BHXH tỉnh vận động được 925 người tham gia mới BHXH tự nguyện.", "925 người", "bhxh_tu_nguyen"),
    ("Bưu điện huyện đã trao 750 thẻ BHYT cho hộ nghèo.", "750 thẻ", "bhyt"),
    ("Nghị định bổ sung 3 chính sách mới về BHYT.", "3 chính sách", "bhyt"),
    ("Trong quý I, 1.250 người được hưởng trợ cấp thất nghiệp.", "1.250 người", "bhtn"),
    ("Có 320 hộ tham gia BHYT hộ gia đình trong đợt này.", "320 hộ", "bhyt_ho_gia_dinh"),
    # in the figure's clause, before it
    ("Số người tham gia BHYT hộ gia đình vận động được là 1.186 người.", "1.186 người", "bhyt_ho_gia_dinh"),
    ("Đến nay, 45 tỉnh hoàn thành chỉ tiêu bao phủ BHYT.", "45 tỉnh", "bhyt"),
    ("Số người tham gia BHXH bắt buộc là 52.300 người, tăng 4%.", "52.300 người", "bhxh_bat_buoc"),
    # carried from the subject the clause continues
    ("Tổng số người tham gia BHYT là 964,867 người, tỷ lệ bao phủ so với dân số là 95,61%, đạt 98,92% kế hoạch.",
     "95,61%", "bhyt"),
    ("Tổng số người tham gia BHYT là 964,867 người, tỷ lệ bao phủ so với dân số là 95,61%, đạt 98,92% kế hoạch.",
     "98,92%", "bhyt"),
    ("Số người tham gia BHXH tự nguyện đạt 8.463 người; số người tham gia mới là 1.520 người.", "1.520 người",
     "bhxh_tu_nguyen"),
    ("Số lao động tham gia BHTN là 41.200 người, còn 920 lao động chưa tham gia.", "920 lao động", "bhtn"),
    # topic phrases and subjects
    ("Đối với BHYT, toàn tỉnh có 1.200.000 người tham gia, đạt 91%.", "1.200.000 người", "bhyt"),
    ("Đối với BHYT, toàn tỉnh có 1.200.000 người tham gia, đạt 91%.", "91%", "bhyt"),
    ("Về BHXH tự nguyện, toàn tỉnh có 3.200 người tham gia BHXH.", "3.200 người", "bhxh_tu_nguyen"),
    ("Riêng BHTN, đã có 2.140 người nộp hồ sơ; 1.980 người có quyết định hưởng.", "1.980 người", "bhtn"),
    ("Về BHXH tự nguyện, năm 2023 Cà Mau phát triển thêm 4.100 người.", "4.100 người", "bhxh_tu_nguyen"),
    # headings, lead-ins and bullets
    ("Số người tham gia BHYT đến 30/6/2024:\n- Nhóm hộ gia đình: 320.000 người\n- Học sinh, sinh viên: 95.000 người",
     "320.000 người", "bhyt_ho_gia_dinh"),
    ("Số người tham gia BHYT đến 30/6/2024:\n- Nhóm hộ gia đình: 320.000 người\n- Học sinh, sinh viên: 95.000 người",
     "95.000 người", "bhyt_hssv"),
    ("Kết quả phát triển người tham gia BHXH tự nguyện năm 2022:\n- Huyện Tân Phú: 410 người\n- Huyện Định Quán: 365 người",
     "365 người", "bhxh_tu_nguyen"),
    ("Kết quả thu nợ BHXH cụ thể: huyện A 52 đơn vị, huyện B 37 đơn vị.", "37 đơn vị", "bhxh"),
    # coordinated items sharing a head noun
    ("Đã cấp huyện A 520 thẻ, huyện B hơn 200 thẻ, huyện C 47 thẻ BHYT.", "520 thẻ", "bhyt"),
    ("Đã cấp huyện A 520 thẻ, huyện B hơn 200 thẻ, huyện C 47 thẻ BHYT.", "200 thẻ", "bhyt"),
    ("Đã cấp huyện A 520 thẻ, huyện B hơn 200 thẻ, huyện C 47 thẻ BHYT.", "47 thẻ", "bhyt"),
    ("Toàn tỉnh có 8.100 người hưởng lương hưu BHXH nhận qua tài khoản, 2.300 người nhận tiền mặt.", "2.300 người",
     "bhxh"),
    ("Số người tham gia BHXH bắt buộc 50.000 người, tự nguyện 8.000 người.", "8.000 người", "bhxh_tu_nguyen"),
    # parallel clauses with their own subject
    ("Số thẻ cấp mới là 12.000 thẻ, số thẻ BHYT còn hạn là 95.000 thẻ.", "95.000 thẻ", "bhyt"),
    # agency words that are not the acronym's agency
    ("Đối với BHYT, số người tham gia là 86.000 người.", "86.000 người", "bhyt"),
    ("BHYT toàn tỉnh có 1,1 triệu người tham gia.", "1,1 triệu người", "bhyt"),
    ("Với BHXH tự nguyện, huyện vận động thêm 230 người.", "230 người", "bhxh_tu_nguyen"),
    # narrowing
    ("Tỷ lệ học sinh tham gia BHYT đạt 98,5%.", "98,5%", "bhyt_hssv"),
    ("HSSV tham gia BHYT, đạt tỷ lệ 96,8%.", "96,8%", "bhyt_hssv"),
    ("Có 4.500 học sinh, sinh viên tham gia BHYT năm học này.", "4.500 học sinh", "bhyt_hssv"),
    ("Số người tham gia BHYT bắt buộc là 300.000 người.", "300.000 người", "bhyt"),
    # Trong đó continues the sentence before (guide 5)
    ("Toàn tỉnh có 1,2 triệu người tham gia BHYT. Trong đó, hộ gia đình 300.000 người.", "300.000 người",
     "bhyt_ho_gia_dinh"),
    ("Có 178.119 lượt khám chữa bệnh BHYT. Trong đó, nội trú 12.000 lượt. Ngoại trú 166.119 lượt, tăng 5,3%.",
     "166.119 lượt", "bhyt"),
    ("Năm 2021 có 5.100 người hưởng trợ cấp thất nghiệp. Trong số này, 2.300 người là lao động nữ.", "2.300 người",
     "bhtn"),
    ("Từ năm 2019, BHXH tỉnh đã khởi kiện 40 doanh nghiệp nợ BHYT. Trong 40 doanh nghiệp bị khởi kiện có 12 đơn vị "
     "đã trả nợ.", "12 đơn vị", "bhyt"),

    # beneficiaries take the scheme that pays them
    ("Trong năm, 7.726 người hưởng chế độ bảo hiểm thất nghiệp.", "7.726 người", "bhtn"),
    ("Có 60.170 người hưởng chế độ BHXH một lần.", "60.170 người", "bhxh"),
    # support rates take the scheme whose contribution they support (S1)
    ("Nhà nước hỗ trợ 30% mức đóng cho người tham gia BHXH tự nguyện thuộc hộ nghèo.", "30%", "bhxh_tu_nguyen"),
    ("Hỗ trợ 50% mức đóng BHYT cho học sinh, sinh viên.", "50%", "bhyt_hssv"),
    # in other government campaigns
    ("Sau 5 năm thực hiện BHTN, tỷ lệ người được hỗ trợ học nghề là 2%.", "2%", "bhtn"),
    ("Cục Thuế tỉnh đã đôn đốc 320 doanh nghiệp nợ BHXH nộp 12 tỷ đồng.", "320 doanh nghiệp", "bhxh"),
    ("Năm 2023 có 18.000 người thuộc hộ gia đình cận nghèo được hỗ trợ mua thẻ BHYT.", "18.000 người", "bhyt"),
    # a mixed group does not narrow BHYT (guide 5)
    ("Hỗ trợ mua thẻ BHYT cho người cận nghèo và học sinh, tổng cộng 9.000 người.", "9.000 người", "bhyt"),
]
# (text, mention, why it has no scheme)
NON_EXAMPLES: list[tuple[str, str, str]] = [
    ("Số thẻ cấp mới là 12.000 thẻ, số thẻ BHYT còn hạn là 95.000 thẻ.", "12.000 thẻ",
     "the scheme word is in a later parallel clause with its own subject"),
    ("Tổng số thu BHXH, BHYT, BHTN là 5.320 tỷ đồng, đạt 100,1% kế hoạch.", "100,1%", "several schemes named together"),
    ("BHXH tỉnh Hà Nam đã tổ chức 35 hội nghị tuyên truyền.", "35 hội nghị", "BHXH tỉnh is the agency"),
    ("Cơ quan BHXH đã tiếp nhận 1.200 hồ sơ.", "1.200 hồ sơ", "cơ quan BHXH is the agency"),
    ("Luật BHYT có 52 điều.", "52 điều", "Luật BHYT is a law's name"),
    ("Đã cấp 1.082 thẻ BHYT, sổ BHXH cho người dân.", "1.082 thẻ", "one figure totalling two schemes (S6)"),
    ("Có 12.500 người tham gia BHYT. Huyện có 17 xã.", "17 xã", "never across a full stop"),
    ("Chương trình “Tết ấm cho bệnh nhân BHYT” đã trao 40 suất quà.", "40 suất",
     "the scheme word is inside a quoted name"),
    ("Với khoảng 5.000 bệnh nhân chạy thận, nếu Quỹ BHYT chi trả toàn bộ thì quỹ sẽ bội chi.", "5.000 bệnh nhân",
     "the scheme word is in a condition about the fund (NOTES H13)"),
    ("Công an tỉnh đã bắt giữ 12 đối tượng, thu giữ 3 kg ma túy.", "12 đối tượng", "no scheme at all"),
    ("Mã số BHXH của 2.400 người đã được cấp.", "2.400 người", "mã số BHXH is the insurance ID number"),
    ("Năm 2023, huyện vận động người dân tham gia BHXH tự nguyện. Kết quả, 640 người tham gia mới.", "640 người",
     "`Kết quả,` continues the sentence before for its period only (NOTES H28)"),
]
