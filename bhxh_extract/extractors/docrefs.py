"""Document references (guide 3.2): plan numbers and other official documents.

Matched on the text, never on tokens: a tokenizer splits `2043/KHLT-BHXH-BĐVN`.

Vietnamese facts:
- Document types are those of Decree 30/2020/NĐ-CP appendix III plus laws,
  decrees, circulars and Party documents; joint documents add `liên tịch`
  (`Kế hoạch liên tịch`, `Thông tư liên tịch`).
- A number is written `số 2043/KHLT-BHXH-BĐVN` (state documents: number /
  symbol), `số 28-NQ/TW` (Party documents: number - symbol), `số
  58/2014/QH13` (laws: number / year / issuer code), or bare (`Nghị quyết số
  21`). `số` ("number") is optional.
- The issue date follows as `ngày 24/6/2020`; the issuer as `của X` ("of
  X"), or is the subject of `ban hành` ("issue"), `có` ("have"), `ký` ("sign").
- News abbreviates types before a number: `NQ116/NQ-CP`, `QĐ số 12/...`.
"""
from __future__ import annotations

import regex

from .counted import counted_word
from .rules import Candidate, Rule, Scan, compile_pattern, trie_pattern

# Full type names, longest first so `Kế hoạch liên tịch` wins over `Kế hoạch`.
DOCUMENT_TYPES = (
    "Kế hoạch liên tịch", "Thông tư liên tịch", "Nghị quyết liên tịch", "Chương trình liên tịch",
    "Quy chế phối hợp", "Chương trình phối hợp", "Bộ luật", "Pháp lệnh", "Nghị quyết", "Quyết định",
    "Chỉ thị", "Quy chế", "Quy định", "Quy trình", "Thông báo", "Thông tư", "Thông tri", "Hướng dẫn",
    "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình",
    "Hợp đồng", "Công điện", "Giấy mời", "Công văn", "Văn bản", "Nghị định", "Luật", "Kết luận",
    "Lệnh", "Sắc lệnh", "Điều lệ",
)
# Abbreviations newsrooms write before a number (`NQ116/NQ-CP`).
ABBREVIATED_TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "NĐ": "Nghị định", "TT": "Thông tư",
    "CT": "Chỉ thị", "CV": "Công văn", "KH": "Kế hoạch", "TB": "Thông báo", "HD": "Hướng dẫn",
    "KL": "Kết luận",
}
# Types whose name may sit between the type word and `số` (`Luật Việc làm số 38/2013/QH13`).
NAMED_TYPES = ("Bộ luật", "Luật", "Pháp lệnh")


def _either_case(word: str) -> str:
    first = word[0]
    return f"[{first.upper()}{first.lower()}]" + regex.escape(word[1:])


_TYPE = "(?:" + "|".join(_either_case(t) for t in DOCUMENT_TYPES) + ")"
# The same words as a trie, for the scan (a type word starts every citation).
_TYPE_TRIE = "(?:" + trie_pattern(w for t in DOCUMENT_TYPES for w in (t, t[0].lower() + t[1:])) + ")"
TYPE_PATTERN = _TYPE   # the document-type words, for the issuer rules (link/issuers.py)
_ABBREV = "(?:" + "|".join(ABBREVIATED_TYPES) + ")"
# One part of a symbol: a year, or a code starting with a capital (`KHLT`,
# `BĐVN`, `NĐ`, `QH13`, `QĐi`).
_SYMBOL_PART = r"(?:\d{4}|\p{Lu}[\p{L}\d]{0,15}+)"
_SYMBOL = rf"(?:[/\-]{_SYMBOL_PART}){{1,6}}+"
_NAME = r"(?:\s+(?:\p{Lu}[\p{L}\-]*|[a-zđ\p{Ll}]+)){1,5}?"
_NUMBER = r"\d{1,6}"
# Words that show a bare number is a quantity, not a document number.
_QUANTITY_WORDS = r"(?:năm|tháng|ngày|tuần|giờ|người|lần|%|phần trăm|triệu|tỷ|tỉ|nghìn|ngàn)"

DOCREF = compile_pattern(
    rf"(?<![\p{{L}}\p{{N}}/\-])(?P<type>{_TYPE_TRIE}(?:\s+(?:liên tịch|liên ngành|liên Bộ|liên bộ))?)(?P<name>(?<=(?:{'|'.join(NAMED_TYPES)})){_NAME}(?=\s+số\s))?"
    rf"(?:\s+(?P<so>số))?\s*(?P<number>{_NUMBER})(?P<symbol>{_SYMBOL})?"
    rf"(?![\p{{N}}/]|[.,]\d)(?P<quantity>\s*{_QUANTITY_WORDS}(?!\p{{L}}))?")
ABBREVIATED = compile_pattern(
    rf"(?<![\p{{L}}\p{{N}}/\-])(?P<type>{_ABBREV})(?:\s+(?P<so>số)\s+|\s?)(?P<number>{_NUMBER})(?P<symbol>{_SYMBOL})"
    rf"(?![\p{{N}}/])")
# A later document sharing the type word: `..., số 327/NQ-HĐND`, `và 15/2019/QĐ-UBND`.
COORDINATED = compile_pattern(
    rf"\G(?P<gap>(?:\s+ngày\s+[\d/.\-]+)?\s*(?:,|;|và|,\s*và)\s*(?:số\s+)?)(?P<number>{_NUMBER})(?P<symbol>{_SYMBOL})")


def _kind(written: str) -> str:
    if written in ABBREVIATED_TYPES:
        return ABBREVIATED_TYPES[written]
    return written[0].upper() + written[1:]


def _values(kind: str, number: str, symbol: str | None) -> dict:
    symbol_text = symbol[1:] if symbol else None
    return {"kind": kind, "number": number, "symbol": symbol_text,
            "ref": number + (symbol or ""), "issued": None, "issuer": None}


def _build(rule: str):
    def build(m: regex.Match, scan: Scan):
        kind = _kind(m.group("type"))
        if m.group("symbol") is None and m.group("so") is None and (
                kind in ("Văn bản", "Điều lệ", "Lệnh") or m.groupdict().get("quantity")
                or _counts_a_noun(scan.text, m.end("number"))):
            return None   # `văn bản 2`, `Kế hoạch 2 năm`, `lập biên bản 35 trường hợp`: quantities, not citations
        end = m.end("symbol") if m.group("symbol") else m.end("number")
        first = Candidate("doc_ref", m.start(), end, _values(kind, m.group("number"), m.group("symbol")),
                          rule, evidence=scan.text[m.start():end])
        out, pos = [first], end
        while (co := COORDINATED.match(scan.text, pos)) is not None:
            out.append(Candidate("doc_ref", co.start("number"), co.end(),
                                 _values(kind, co.group("number"), co.group("symbol")),
                                 f"{rule} + coordinated", evidence=co.group(0)))
            pos = co.end()
        return out
    return build


def _counts_a_noun(text: str, end: int) -> bool:
    """A bare number followed by a counted noun of the lexicon counts it
    (`biên bản 35 trường hợp`, `Kế hoạch 3 nội dung`): no citation without
    `số` or a symbol then."""
    found = counted_word(text, end)
    return found is not None and found[2] == "lexicon"


RULES: tuple[Rule, ...] = (
    Rule("type số number/symbol", DOCREF, _build("type số number/symbol"), priority=2),
    Rule("abbreviated type number/symbol", ABBREVIATED, _build("abbreviated type number/symbol"), priority=1),
)

# --- examples ---------------------------------------------------------------------
# (text, span text, kind, number, symbol, ref, issued, issuer)
EXAMPLES: list[tuple[str, str, str, str, str | None, str, str | None, str | None]] = [
    ("theo Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN ngày 24/6/2020 của BHXH Việt Nam và Bưu điện Việt Nam.",
     "Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN", "Kế hoạch liên tịch", "2043", "KHLT-BHXH-BĐVN",
     "2043/KHLT-BHXH-BĐVN", "2020-06-24", "BHXH Việt Nam và Bưu điện Việt Nam"),
    ("Ngày 19/5/2020, BHXH tỉnh Vĩnh Phúc và Bưu điện tỉnh Vĩnh Phúc ban hành Kế hoạch liên tịch số 548/KHLT-BHXH-BĐ tổ chức Lễ ra quân",
     "Kế hoạch liên tịch số 548/KHLT-BHXH-BĐ", "Kế hoạch liên tịch", "548", "KHLT-BHXH-BĐ",
     "548/KHLT-BHXH-BĐ", "2020-05-19", "BHXH tỉnh Vĩnh Phúc và Bưu điện tỉnh Vĩnh Phúc"),
    ("Kế hoạch số 548/KH-BHXH", "Kế hoạch số 548/KH-BHXH", "Kế hoạch", "548", "KH-BHXH", "548/KH-BHXH", None, None),
    ("theo tinh thần Nghị quyết số 28-NQ/TW của Ban Chấp hành Trung ương và hoàn thành",
     "Nghị quyết số 28-NQ/TW", "Nghị quyết", "28", "NQ/TW", "28-NQ/TW", None, "Ban Chấp hành Trung ương"),
    ("định hướng Nghị quyết số 21 của Bộ Chính trị và Nghị quyết số 28 của Ban chấp hành Trung ương, toàn thể",
     "Nghị quyết số 21", "Nghị quyết", "21", None, "21", None, "Bộ Chính trị"),
    ("Nghị quyết số 28 ngày 23/5/2018 của Ban Chấp hành Trung ương Đảng khóa XII về cải cách chính sách BHXH.",
     "Nghị quyết số 28", "Nghị quyết", "28", None, "28", "2018-05-23", "Ban Chấp hành Trung ương Đảng khóa XII"),
    ("Bảo hiểm xã hội (BHXH) Việt Nam vừa có Công văn số 856/BHXH-TĐKT ngày 21-3-2019 gửi BHXH các tỉnh",
     "Công văn số 856/BHXH-TĐKT", "Công văn", "856", "BHXH-TĐKT", "856/BHXH-TĐKT", "2019-03-21", "Bảo hiểm xã hội Việt Nam"),
    ("theo Quyết định 595/QĐ-BHXH", "Quyết định 595/QĐ-BHXH", "Quyết định", "595", "QĐ-BHXH", "595/QĐ-BHXH", None, None),
    ("Luật BHXH số 58/2014/QH13", "Luật BHXH số 58/2014/QH13", "Luật", "58", "2014/QH13", "58/2014/QH13", None, None),
    ("theo Luật Việc làm số 38/2013/QH13,", "Luật Việc làm số 38/2013/QH13", "Luật", "38", "2013/QH13", "38/2013/QH13", None, None),
    ("Nghị định 115/2015/NĐ-CP", "Nghị định 115/2015/NĐ-CP", "Nghị định", "115", "2015/NĐ-CP", "115/2015/NĐ-CP", None, None),
    ("Thông tư 59/2015/TT-BLĐTBXH", "Thông tư 59/2015/TT-BLĐTBXH", "Thông tư", "59", "2015/TT-BLĐTBXH", "59/2015/TT-BLĐTBXH", None, None),
    ("Từ 01/6/2017 thông tư số 02/2017/TT-BYT sẽ bắt đầu", "thông tư số 02/2017/TT-BYT", "Thông tư", "02", "2017/TT-BYT", "02/2017/TT-BYT", None, None),
    ("Chỉ thị 38-CT/TW", "Chỉ thị 38-CT/TW", "Chỉ thị", "38", "CT/TW", "38-CT/TW", None, None),
    ("Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường",
     "Chỉ thị số 36-CT/TW", "Chỉ thị", "36", "CT/TW", "36-CT/TW", "2019-08-16", "Bộ Chính trị"),
    ("Tại Nghị quyết số 10-NQ/TU ngày 4.10.2016 của BCH Đảng bộ tỉnh đã chỉ rõ",
     "Nghị quyết số 10-NQ/TU", "Nghị quyết", "10", "NQ/TU", "10-NQ/TU", "2016-10-04", "BCH Đảng bộ tỉnh"),
    ("Vừa qua, Bộ Y tế ban hành Công văn số 4082/BYT-BH ngày 30/6/2023 về việc áp dụng",
     "Công văn số 4082/BYT-BH", "Công văn", "4082", "BYT-BH", "4082/BYT-BH", "2023-06-30", "Bộ Y tế"),
    ("Nghị định số 24/2023/NĐ-CP của Chính phủ trong thanh toán", "Nghị định số 24/2023/NĐ-CP",
     "Nghị định", "24", "2023/NĐ-CP", "24/2023/NĐ-CP", None, "Chính phủ"),
    ("Thông tư số 04/2017/TT-BYT ngày 14/4/2017 của Bộ Y tế ban hành Danh mục", "Thông tư số 04/2017/TT-BYT",
     "Thông tư", "04", "2017/TT-BYT", "04/2017/TT-BYT", "2017-04-14", "Bộ Y tế"),
    ("Thông báo số 455/TT-BTC ngày 26/4/2019 của Bộ Tài chính về tăng cường", "Thông báo số 455/TT-BTC",
     "Thông báo", "455", "TT-BTC", "455/TT-BTC", "2019-04-26", "Bộ Tài chính"),
    ("Kế hoạch số 4575/KH-TCHQ ngày 15/7/2019 của Tổng cục Hải quan kế hoạch tăng cường", "Kế hoạch số 4575/KH-TCHQ",
     "Kế hoạch", "4575", "KH-TCHQ", "4575/KH-TCHQ", "2019-07-15", "Tổng cục Hải quan"),
    ("theo NQ116/NQ-CP: tổ chức", "NQ116/NQ-CP", "Nghị quyết", "116", "NQ-CP", "116/NQ-CP", None, None),
    ("theo Nghị quyết 128 của Chính phủ;", "Nghị quyết 128", "Nghị quyết", "128", None, "128", None, "Chính phủ"),
    ("do UBND tỉnh giao tại Quyết định 2050", "Quyết định 2050", "Quyết định", "2050", None, "2050", None, "UBND tỉnh"),
    ("triển khai Đề án 12 của Chính phủ,", "Đề án 12", "Đề án", "12", None, "12", None, "Chính phủ"),
    ("theo Quy trình 1399 về thu", "Quy trình 1399", "Quy trình", "1399", None, "1399", None, None),
    ("Nghị quyết số 68/NQ-CP", "Nghị quyết số 68/NQ-CP", "Nghị quyết", "68", "NQ-CP", "68/NQ-CP", None, None),
    ("Quyết định số 1262/QĐ-UBND ngày 12/6/2023 của UBND tỉnh Hưng Yên về việc",
     "Quyết định số 1262/QĐ-UBND", "Quyết định", "1262", "QĐ-UBND", "1262/QĐ-UBND", "2023-06-12", "UBND tỉnh Hưng Yên"),
    ("Hướng dẫn số 12/HD-BHXH", "Hướng dẫn số 12/HD-BHXH", "Hướng dẫn", "12", "HD-BHXH", "12/HD-BHXH", None, None),
    ("Công điện số 05/CĐ-TTg ngày 1/4/2021 của Thủ tướng Chính phủ", "Công điện số 05/CĐ-TTg", "Công điện", "05",
     "CĐ-TTg", "05/CĐ-TTg", "2021-04-01", "Thủ tướng Chính phủ"),
    ("Thông tư liên tịch số 41/2014/TTLT-BYT-BTC", "Thông tư liên tịch số 41/2014/TTLT-BYT-BTC",
     "Thông tư liên tịch", "41", "2014/TTLT-BYT-BTC", "41/2014/TTLT-BYT-BTC", None, None),
    ("Báo cáo số 123/BC-BHXH", "Báo cáo số 123/BC-BHXH", "Báo cáo", "123", "BC-BHXH", "123/BC-BHXH", None, None),
    ("Tờ trình số 45/TTr-UBND", "Tờ trình số 45/TTr-UBND", "Tờ trình", "45", "TTr-UBND", "45/TTr-UBND", None, None),
    ("Phương án số 3/PA-BHXH", "Phương án số 3/PA-BHXH", "Phương án", "3", "PA-BHXH", "3/PA-BHXH", None, None),
    ("Quy chế số 07/QC-BHXH", "Quy chế số 07/QC-BHXH", "Quy chế", "07", "QC-BHXH", "07/QC-BHXH", None, None),
    ("Quy định số 08-QĐi/TW", "Quy định số 08-QĐi/TW", "Quy định", "08", "QĐi/TW", "08-QĐi/TW", None, None),
    ("Biên bản số 02/BB-ĐKT", "Biên bản số 02/BB-ĐKT", "Biên bản", "02", "BB-ĐKT", "02/BB-ĐKT", None, None),
    ("Hợp đồng số 15/2022/HĐ-KCB", "Hợp đồng số 15/2022/HĐ-KCB", "Hợp đồng", "15", "2022/HĐ-KCB", "15/2022/HĐ-KCB", None, None),
    ("Giấy mời số 88/GM-UBND", "Giấy mời số 88/GM-UBND", "Giấy mời", "88", "GM-UBND", "88/GM-UBND", None, None),
    ("Chương trình số 14-CTr/TU", "Chương trình số 14-CTr/TU", "Chương trình", "14", "CTr/TU", "14-CTr/TU", None, None),
    ("Kết luận số 05-KL/TW", "Kết luận số 05-KL/TW", "Kết luận", "05", "KL/TW", "05-KL/TW", None, None),
    ("Dự án số 9/DA-SYT", "Dự án số 9/DA-SYT", "Dự án", "9", "DA-SYT", "9/DA-SYT", None, None),
    ("QĐ số 1456/QĐ-BHXH", "QĐ số 1456/QĐ-BHXH", "Quyết định", "1456", "QĐ-BHXH", "1456/QĐ-BHXH", None, None),
    ("Thực hiện chỉ đạo của tỉnh, ngày 5-5-2022, BHXH tỉnh và Bưu điện tỉnh đã ban hành Kế hoạch số 39/KH-BHXH-BĐ về",
     "Kế hoạch số 39/KH-BHXH-BĐ", "Kế hoạch", "39", "KH-BHXH-BĐ", "39/KH-BHXH-BĐ", "2022-05-05",
     "BHXH tỉnh và Bưu điện tỉnh"),
    # an issuer ends where its name ends: before a predicate or a new noun phrase
    ("Luật BHXH số 41/2024/QH15 của Quốc hội có hiệu lực từ ngày 1/7/2025", "Luật BHXH số 41/2024/QH15",
     "Luật", "41", "2024/QH15", "41/2024/QH15", None, "Quốc hội"),
    ("Quyết định số 88/QĐ-UBND ngày 3/2/2023 của UBND tỉnh Quảng Bình nhiệm vụ trọng tâm năm 2023",
     "Quyết định số 88/QĐ-UBND", "Quyết định", "88", "QĐ-UBND", "88/QĐ-UBND", "2023-02-03", "UBND tỉnh Quảng Bình"),
    ("Công văn số 215/CCT-TTHT của Chi cục Thuế khu vực Lục Ngạn - Sơn Động hướng dẫn quyết toán",
     "Công văn số 215/CCT-TTHT", "Công văn", "215", "CCT-TTHT", "215/CCT-TTHT", None,
     "Chi cục Thuế khu vực Lục Ngạn - Sơn Động"),
    ("Chỉ thị số 05-CT/TU của Tỉnh ủy Hà Tĩnh về tăng cường", "Chỉ thị số 05-CT/TU", "Chỉ thị", "05", "CT/TU",
     "05-CT/TU", None, "Tỉnh ủy Hà Tĩnh"),
    ("Kế hoạch số 17/KH-BCĐ của Ban Chỉ đạo 389 tỉnh Long An đã đề ra", "Kế hoạch số 17/KH-BCĐ", "Kế hoạch",
     "17", "KH-BCĐ", "17/KH-BCĐ", None, "Ban Chỉ đạo 389 tỉnh Long An"),
    ("Thông báo số 9/TB-BHXH của Giám đốc BHXH huyện Krông Nô gửi các đơn vị", "Thông báo số 9/TB-BHXH", "Thông báo",
     "9", "TB-BHXH", "9/TB-BHXH", None, "Giám đốc BHXH huyện Krông Nô"),
    ("theo Hướng dẫn liên ngành số 1546/HDLN-SGDĐT-BHXH", "Hướng dẫn liên ngành số 1546/HDLN-SGDĐT-BHXH",
     "Hướng dẫn liên ngành", "1546", "HDLN-SGDĐT-BHXH", "1546/HDLN-SGDĐT-BHXH", None, None),
]
# Coordinated documents: (text, [(span text, kind, ref)])
COORDINATED_EXAMPLES = [
    ("các Quyết định số 12/2019/QĐ-UBND và 15/2019/QĐ-UBND của UBND tỉnh.",
     [("Quyết định số 12/2019/QĐ-UBND", "Quyết định", "12/2019/QĐ-UBND", "UBND tỉnh"),
      ("15/2019/QĐ-UBND", "Quyết định", "15/2019/QĐ-UBND", "UBND tỉnh")]),
    ("(Nghị quyết số 01-NQ/TU ngày 26/11/2020; số 327/NQ-HĐND ngày 01/12/2020)",
     [("Nghị quyết số 01-NQ/TU", "Nghị quyết", "01-NQ/TU", None),
      ("327/NQ-HĐND", "Nghị quyết", "327/NQ-HĐND", None)]),
]
NON_EXAMPLES: list[tuple[str, str]] = [
    ("các mục tiêu của Nghị quyết Đại hội Đảng các cấp", "a type word with no number"),
    ("Nghị quyết Trung ương khóa 4 về xây dựng", "a term ordinal, not a number"),
    ("Kế hoạch 2 năm", "a duration"),
    ("theo quy định tại Điều 216 của Bộ luật Hình sự", "a law article"),
    ("02 Nghị quyết hỗ trợ", "a count of documents"),
    ("Mẫu số 01", "a form number"),
    ("văn bản 2 bên", "a quantity"),
    ("chương trình 3 ngày", "a duration"),
    ("Đoàn kiểm tra đã lập biên bản 35 trường hợp vi phạm", "a count of cases after a type word"),
    ("Kế hoạch 3 nội dung trọng tâm được triển khai", "a count of items"),
    ("CT/TW", "a symbol alone"),
]
