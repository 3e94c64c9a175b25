"""The issue date and the issuer of a cited document (guide 3.2 and section
5), from its own clause, with their examples.

Where they are written, in order of precedence:
- right after the document: `... số 548/KH-BHXH ngày 19/5/2020 của BHXH
  tỉnh` (a bracketed alias may stand between: `Luật BHXH số 41/2024/QH15
  (Luật BHXH sửa đổi) của Quốc hội`), or as a passive agent: `... do HĐND
  tỉnh thông qua`, `... được Bộ Y tế ban hành`;
- as the subject of an issuing verb before it (lexicon `issuing_verbs`):
  `Ngày 19/5/2020, BHXH tỉnh ban hành Kế hoạch ...`, `HĐND tỉnh đã thông qua
  Nghị quyết ...`, `do UBND tỉnh giao tại Quyết định 2050` (who sets a task
  in a document issues it; one who carries it out does not);
- coordinated documents share a trailing `của X`.

An issuer ends where its name ends (`issuer_name`): at punctuation, at a
predicate written in lower case (`của Quốc hội có hiệu lực từ ...`), at the
next citation, and at the first lower-case word that is not a syllable of an
agency name (lexicon `agency_names`); a lower-case syllable that makes one
dictionary word with the capitalised one before it completes it (`Bộ Tài
chính`, `Ban Bí thư`). A parenthesised gloss (`(BHXH)`) is dropped.
"""
from __future__ import annotations

from .. import lexicon
from ..extractors.docrefs import TYPE_PATTERN
from ..extractors.rules import Candidate, compile_pattern
from ..text.vietnamese import is_word

NAMES = lexicon.load("agency_names")
VERBS = lexicon.load("issuing_verbs")
_VERB = "(?:" + "|".join(sorted((e.phrase for e in VERBS.entries), key=len, reverse=True)) + ")"
# The verbs that put a document's issuer before it (`X có Công văn`, `X
# thông qua Nghị quyết`), with a count or `các` between (`ban hành 02 Nghị
# quyết`).
_VERB_AT_END = compile_pattern(rf"(?<![\p{{L}}])(?:đã\s+|vừa\s+|mới\s+)?{_VERB}(?:\s+(?:các|\d+))?\s*$")
_VERB_BEFORE_TYPE = compile_pattern(rf"(?<![\p{{L}}]){_VERB}\s+{TYPE_PATTERN}")
SUBJECT_REACH = 200
VERB_AT_END_REACH = 60

OF_MARKER = compile_pattern(r"\G\s*(?:\([^()\n]{1,60}\)\s*)?(?:,\s*)?của\s+")
AGENT_MARKER = compile_pattern(r"\G\s*(?:,\s*)?(?:do|được|bởi)\s+")
_VERB_AFTER_NAME = compile_pattern(rf"\G\s+(?:đã\s+|vừa\s+)?{_VERB}(?![\p{{L}}])")
DATE_RIGHT_AFTER = compile_pattern(r"\G\s*(?:,\s*)?(?:được\s+)?(?:ban hành\s+|thông qua\s+)?ngày\s+")
_LEAD_IN = compile_pattern(r"^\s*(?:(?:Ngày|Sáng|Chiều|Hôm)\s+[\d/.\-]+\s*,?\s*|Vừa qua\s*,\s*|Mới đây\s*,\s*"
                           r"|Theo đó\s*,\s*|Đồng thời\s*,\s*)+")
_GLOSS = compile_pattern(r"\s*\([^()]{1,30}\)")
_OF_BEFORE_BRACKET = compile_pattern(r"của\s+(?P<issuer>[^,;()]{2,80}?)\s*$")
_AGENT_BEFORE = compile_pattern(r"^(?:do|bởi)\s+")
_DATE_BEFORE_SUBJECT = compile_pattern(r"(?:^|,)\s*(?:[Nn]gày\s+)(?P<date>[\d/.\-]+)\s*,\s*[^,]*$")
# An anaphor for the organisation the sentence is about (`đơn vị đã lập ...`, R6).
_ANAPHOR = compile_pattern(r"^(?:đơn vị|cơ quan|ngành|đơn vị này|cơ quan này)$")
_AGENCY_HEAD = compile_pattern(
    r"(?<![\p{L}])(?:Tổng cục|Chi cục|Cục|Sở|Bộ|Ủy ban|UBND|HĐND|BHXH|Bảo hiểm xã hội|Công an|Bưu điện|Ban)(?![\p{L}])")
_NAME_TOKEN = compile_pattern(r"\G[ \t]*(?:(?P<gloss>\([\p{Lu}\p{N}&\-\s]{1,15}\))|(?P<dash>[-–](?=[ \t]*\p{Lu}))"
                              r"|(?P<word>[\p{L}\p{M}\p{N}&]+(?:[.\-][\p{L}\p{M}\p{N}&]+)*))")
_TYPE_AT = compile_pattern(rf"\G{TYPE_PATTERN}(?!\p{{L}})")
_ROMAN = compile_pattern(r"[IVXLC]+")
MAX_NAME_WORDS = 16


def clean_issuer(text: str) -> str | None:
    """Drop parenthesised glosses (`Bảo hiểm xã hội (BHXH) Việt Nam`) and
    remarks (`(cũ)`)."""
    text = _GLOSS.sub("", text).strip(" ,;")
    return text or None


def issuer_name(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the agency name starting at pos (`Bộ Y tế`, `BHXH Việt Nam
    và Bưu điện Việt Nam`, `UBND tỉnh Hưng Yên`), or None when none starts
    there (see the module doc)."""
    words: list[tuple[int, int, str]] = []   # (start, end, kind)
    cursor = pos
    while len(words) < MAX_NAME_WORDS:
        m = _NAME_TOKEN.match(text, cursor)
        if m is None:
            break
        if m.group("gloss") or m.group("dash"):
            words.append((*m.span(m.lastgroup), m.lastgroup))
            cursor = m.end()
            continue
        word = m.group("word")
        if words and _TYPE_AT.match(text, m.start("word")):
            break   # `của Bộ Chính trị và Nghị quyết số 28 ...`: the next citation
        entry = NAMES.at(text, m.start("word"))
        if word[0].islower() and entry is not None and entry.meaning == "ends":
            break
        end = m.end()
        if word[0].isupper() or word[0].isdigit() or _ROMAN.fullmatch(word):
            kind = "name"
        elif words and words[-1][2] == "name" and is_word(f"{text[words[-1][0]:words[-1][1]]} {word}"):
            kind = "final"   # completes the capitalised syllable before it
        elif entry is not None:
            kind, end = ("final" if entry.meaning == "final" else "inner"), entry.end
        else:
            break
        if not words and kind != "name":
            return None
        words.append((m.start("word"), end, kind))
        cursor = end
    while words and words[-1][2] not in ("name", "final", "gloss"):
        words.pop()
    return (words[0][0], words[-1][1]) if words else None


def _looks_like_name(subject: str) -> bool:
    """An issuer is a name (`Bộ Y tế`, `BHXH tỉnh Vĩnh Phúc và Bưu điện tỉnh
    Vĩnh Phúc`), not a clause (`Phối hợp với các ngành ... tham mưu HĐND`)."""
    cleaned = _GLOSS.sub("", subject).strip()
    span = issuer_name(cleaned, 0)
    return span is not None and span == (0, len(cleaned)) and len(cleaned.split()) <= 14


def attach_issue_fields(cands: list[Candidate], dates: list[Candidate], text: str, sentence_of) -> None:
    """Fill `issued` and `issuer` of each document candidate from its clause."""
    date_at = {d.start: d for d in dates}
    for cand in cands:
        after = cand.end
        issued = _date_right_after(text, after, date_at)
        if issued is not None:
            cand.fields["issued"], after = issued
            cand.evidence = _join(cand.evidence, "issued ← the date right after it")
        issuer = _issuer_after(text, after)
        if issuer is not None:
            cand.fields["issuer"], how = issuer
            cand.evidence = _join(cand.evidence, f"issuer ← {how}")
    for group in _coordinated_groups(cands):
        _share_issuer(group)
    for cand in cands:
        if cand.fields["issuer"] is None or cand.fields["issued"] is None:
            _from_subject(cand, dates, text, sentence_of)


def _join(evidence: str | None, more: str) -> str:
    return f"{evidence}; {more}" if evidence else more


def _issuer_after(text: str, pos: int) -> tuple[str, str] | None:
    """`của X` (after an optional alias in brackets), or a passive agent
    `do X thông qua`, `được X ban hành`."""
    of = OF_MARKER.match(text, pos)
    if of is not None:
        name = issuer_name(text, of.end())
        if name is not None:
            return clean_issuer(text[name[0]:name[1]]), "'của' + the name after it"
    agent = AGENT_MARKER.match(text, pos)
    if agent is not None:
        name = issuer_name(text, agent.end())
        if name is not None and _VERB_AFTER_NAME.match(text, name[1]):
            return clean_issuer(text[name[0]:name[1]]), "the passive agent of an issuing verb"
    return None


def _date_right_after(text: str, pos: int, date_at: dict):
    m = DATE_RIGHT_AFTER.match(text, pos)
    if m is None:
        return None
    date = date_at.get(m.end())
    if date is None or date.fields.get("value") is None:
        return None
    return date.fields["value"], date.end


def _coordinated_groups(cands: list[Candidate]):
    group: list[Candidate] = []
    for cand in cands:
        if group and cand.rule.endswith("coordinated"):
            group.append(cand)
            continue
        if len(group) > 1:
            yield group
        group = [cand]
    if len(group) > 1:
        yield group


def _share_issuer(group: list[Candidate]) -> None:
    """A trailing `của X` after coordinated documents is the issuer of each."""
    issuer = group[-1].fields["issuer"] or group[0].fields["issuer"]
    for cand in group:
        cand.fields["issuer"] = cand.fields["issuer"] or issuer


def _from_subject(cand: Candidate, dates, text: str, sentence_of) -> None:
    """`Ngày 19/5/2020, X ban hành Kế hoạch ...`: X is the issuer and the
    leading date the issue date. Inside brackets (`... của Tỉnh (Nghị quyết số
    01-NQ/TU ...)`) the words before the bracket speak for the document."""
    s_start, _ = sentence_of(cand.start)
    head_end = cand.start
    bracket = text.rfind("(", s_start, cand.start)
    if bracket != -1 and text.find(")", bracket, cand.start) == -1:
        head_end = bracket
        of = _OF_BEFORE_BRACKET.search(text, s_start, head_end)
        if of is not None and cand.fields["issuer"] is None:
            cand.fields["issuer"] = clean_issuer(of.group("issuer"))
            cand.evidence = _join(cand.evidence, "issuer ← 'của' before the bracket glossing it")
            return
    clause_start = max(text.rfind(";", s_start, head_end) + 1, s_start)
    head = text[clause_start:head_end]
    lead = _LEAD_IN.match(head)
    subject = _subject_of_verb(head, lead.end() if lead else 0, gloss=head_end != cand.start)
    if subject is None:
        return
    subject = _AGENT_BEFORE.sub("", subject)
    if cand.fields["issuer"] is None:
        cand.fields["issuer"] = _issuer_from_subject(subject, text[s_start:head_end])
        if cand.fields["issuer"]:
            cand.evidence = _join(cand.evidence, "issuer ← the subject of an issuing verb before it")
    if cand.fields["issued"] is None:
        _issued_before_subject(cand, dates, head, clause_start, lead)


def _subject_of_verb(head: str, start: int, gloss: bool) -> str | None:
    """The words before the issuing verb that ends `head` (or, in a gloss,
    the verb before the glossed document's type word)."""
    if gloss:
        verb = _VERB_BEFORE_TYPE.search(head, max(start, head.rfind("(") + 1, head.rfind(")") + 1))
    else:
        verb = _VERB_AT_END.search(head, max(start, len(head) - VERB_AT_END_REACH))
    if verb is None:
        return None
    subject = head[max(start, verb.start() - SUBJECT_REACH):verb.start()].strip()
    return subject or None


def _issued_before_subject(cand: Candidate, dates, head: str, clause_start: int, lead) -> None:
    m = _DATE_BEFORE_SUBJECT.search(head)
    window = (clause_start + m.start("date"), clause_start + m.end("date")) if m else None
    if window is None and lead is not None:
        window = (clause_start, clause_start + lead.end())
    if window is None:
        return
    for d in dates:
        if window[0] <= d.start < window[1] and d.fields.get("value"):
            cand.fields["issued"] = d.fields["value"]
            return


def _issuer_from_subject(subject: str, sentence_head: str) -> str | None:
    """The issuing subject as a name: the whole subject when it is one, else
    the run of name words right before the verb (`tham mưu HĐND ban hành` →
    `HĐND`); an anaphor (`đơn vị`) takes the agency named earlier in the
    sentence (gold/NOTES.md R6)."""
    subject = subject.split(",")[-1].strip()
    if _looks_like_name(subject):
        return clean_issuer(subject)
    if _ANAPHOR.match(subject):
        for head in _AGENCY_HEAD.finditer(sentence_head):
            name = issuer_name(sentence_head, head.start())
            if name is not None:
                return clean_issuer(sentence_head[name[0]:name[1]])
        return None
    # the longest name that ends right before the verb
    for m in _WORD_STARTS.finditer(subject):
        name = issuer_name(subject, m.start())
        if name is not None and name[1] == len(subject):
            return clean_issuer(subject[name[0]:name[1]])
    return None


_WORD_STARTS = compile_pattern(r"(?<![\p{L}\p{N}])(?=\p{Lu})")


# --- examples ---------------------------------------------------------------------
# (text, the document's text, issued, issuer); run through the whole
# pipeline by tests/test_examples.py.
EXAMPLES: list[tuple[str, str, str | None, str | None]] = [
    ("theo Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN ngày 24/6/2020 của BHXH Việt Nam và Bưu điện Việt Nam.",
     "Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN", "2020-06-24", "BHXH Việt Nam và Bưu điện Việt Nam"),
    ("Ngày 19/5/2020, BHXH tỉnh Vĩnh Phúc và Bưu điện tỉnh Vĩnh Phúc ban hành Kế hoạch liên tịch số 548/KHLT-BHXH-BĐ",
     "Kế hoạch liên tịch số 548/KHLT-BHXH-BĐ", "2020-05-19", "BHXH tỉnh Vĩnh Phúc và Bưu điện tỉnh Vĩnh Phúc"),
    ("Nghị quyết số 12/2019/NQ-HĐND do HĐND tỉnh thông qua ngày 10/7/2019 quy định mức hỗ trợ.",
     "Nghị quyết số 12/2019/NQ-HĐND", None, "HĐND tỉnh"),
    ("HĐND tỉnh đã thông qua Nghị quyết số 12/2019/NQ-HĐND về mức hỗ trợ.", "Nghị quyết số 12/2019/NQ-HĐND", None,
     "HĐND tỉnh"),
    ("Luật BHXH số 41/2024/QH15 (Luật BHXH sửa đổi) của Quốc hội có hiệu lực từ ngày 1/7/2025.",
     "Luật BHXH số 41/2024/QH15", None, "Quốc hội"),
    ("Luật Việc làm số 38/2013/QH13 của Quốc hội có hiệu lực từ ngày 1/1/2015.", "Luật Việc làm số 38/2013/QH13", None,
     "Quốc hội"),
    ("Thông tư số 04/2017/TT-BYT được Bộ Y tế ban hành ngày 14/4/2017.", "Thông tư số 04/2017/TT-BYT", None,
     "Bộ Y tế"),
    ("Bảo hiểm xã hội (BHXH) Việt Nam vừa có Công văn số 856/BHXH-TĐKT ngày 21-3-2019 gửi BHXH các tỉnh",
     "Công văn số 856/BHXH-TĐKT", "2019-03-21", "Bảo hiểm xã hội Việt Nam"),
    ("Vừa qua, Bộ Y tế ban hành Công văn số 4082/BYT-BH ngày 30/6/2023 về việc áp dụng", "Công văn số 4082/BYT-BH",
     "2023-06-30", "Bộ Y tế"),
    ("do UBND tỉnh giao tại Quyết định 2050", "Quyết định 2050", None, "UBND tỉnh"),
    ("Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường", "Chỉ thị số 36-CT/TW", "2019-08-16",
     "Bộ Chính trị"),
    ("Thông báo số 455/TB-BTC ngày 26/4/2019 của Bộ Tài chính về tăng cường", "Thông báo số 455/TB-BTC",
     "2019-04-26", "Bộ Tài chính"),
    ("Kế hoạch số 4575/KH-TCHQ ngày 15/7/2019 của Tổng cục Hải quan kế hoạch tăng cường", "Kế hoạch số 4575/KH-TCHQ",
     "2019-07-15", "Tổng cục Hải quan"),
    ("Quyết định số 88/QĐ-UBND ngày 3/2/2023 của UBND tỉnh Quảng Bình nhiệm vụ trọng tâm năm 2023",
     "Quyết định số 88/QĐ-UBND", "2023-02-03", "UBND tỉnh Quảng Bình"),
    ("Công văn số 215/CCT-TTHT của Chi cục Thuế khu vực Lục Ngạn - Sơn Động hướng dẫn quyết toán",
     "Công văn số 215/CCT-TTHT", None, "Chi cục Thuế khu vực Lục Ngạn - Sơn Động"),
    ("Chỉ thị số 23-CT/TW của Ban Bí thư về tăng cường", "Chỉ thị số 23-CT/TW", None, "Ban Bí thư"),
    ("Thông báo số 9/TB-BHXH của Giám đốc BHXH huyện Krông Nô gửi các đơn vị", "Thông báo số 9/TB-BHXH", None,
     "Giám đốc BHXH huyện Krông Nô"),
    ("Kế hoạch số 17/KH-BCĐ của Ban Chỉ đạo 389 tỉnh Long An đã đề ra", "Kế hoạch số 17/KH-BCĐ", None,
     "Ban Chỉ đạo 389 tỉnh Long An"),
    ("Nghị định số 24/2023/NĐ-CP của Chính phủ trong thanh toán", "Nghị định số 24/2023/NĐ-CP", None, "Chính phủ"),
    ("Thực hiện chỉ đạo của tỉnh, ngày 5-5-2022, BHXH tỉnh và Bưu điện tỉnh đã ban hành Kế hoạch số 39/KH-BHXH-BĐ về",
     "Kế hoạch số 39/KH-BHXH-BĐ", "2022-05-05", "BHXH tỉnh và Bưu điện tỉnh"),
    ("Cục Hải quan Hà Tĩnh đã triển khai quyết liệt; đơn vị đã lập kế hoạch số 90/KH-HQHT để thực hiện.",
     "kế hoạch số 90/KH-HQHT", None, "Cục Hải quan Hà Tĩnh"),
    ("Ngày 2/3/2023, Cục Hải quan Hà Tĩnh cho biết, đơn vị đã lập kế hoạch số 90/KH-HQHT để thực hiện.",
     "kế hoạch số 90/KH-HQHT", "2023-03-02", "Cục Hải quan Hà Tĩnh"),
    ("UBND tỉnh Quảng Ninh phê duyệt Đề án 15 về chuyển đổi số.", "Đề án 15", None, "UBND tỉnh Quảng Ninh"),
    ("Sở Y tế triển khai theo Kế hoạch số 77/KH-UBND để tổ chức tiêm chủng.", "Kế hoạch số 77/KH-UBND", None, None),
    ("Tổng cục Thuế vừa ký ban hành Quyết định số 1125/QĐ-TCT về quy trình.", "Quyết định số 1125/QĐ-TCT", None,
     "Tổng cục Thuế"),
]
