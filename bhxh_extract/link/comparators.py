"""The comparator of a count, percent or money figure (guide 3.7), with its
examples: the qualifier written right before the figure (before the whole
range for a range), or `từ X trở lên` / `từ X trở xuống` around it.

Vietnamese facts (lexicon `comparators`): `hơn`, `trên` (more than);
`tối thiểu`, `ít nhất`, `không dưới` (at least); `tối đa`, `không quá`,
`không vượt quá`, `nhiều nhất` (at most, schema 1.1); `dưới`, `chưa đến`
(under); `khoảng`, `gần`, `xấp xỉ`, `chừng`, `hàng` (about). `tăng lên X`,
`giảm còn X` state a level (no comparator, NOTES H2); `lên tới X` is a
ceiling only with a modal (`có thể lên tới`), else the level reached.
`bình quân` (on average) is no comparator; `ước`, `dự kiến` mark forecasts,
not `approx` (guide 5).
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..extractors.rules import compile_pattern

COMPARATORS = lexicon.load("comparators")
_FROM_BEFORE = compile_pattern(r"(?<![\p{L}])từ\s*$")
_UP_DOWN_AFTER = compile_pattern(r"\G[^,;.]{0,40}?trở\s+(?P<way>lên|xuống)(?![\p{L}])")
REACH = 25


@dataclass(frozen=True)
class Decision:
    value: str | None
    evidence: str | None


def comparator_of(text: str, start: int, end: int, range_start: int | None = None) -> Decision:
    """The qualifier of the figure text[start:end] (its range from range_start)."""
    first = range_start if range_start is not None else start
    if _FROM_BEFORE.search(text, max(0, first - 6), first):
        way = _UP_DOWN_AFTER.match(text, end)
        if way:
            value = "ge" if way.group("way") == "lên" else "le"
            return Decision(value, f"'từ ... trở {way.group('way')}'")
    hit = COMPARATORS.ending_at(text, max(0, first - REACH), first)
    if hit is None or hit.meaning == "modal":
        return Decision(None, None)
    if hit.meaning == "ceiling":
        sentence_start = max(text.rfind(".", 0, hit.start), text.rfind(";", 0, hit.start), text.rfind("\n", 0, hit.start))
        modal = next((m for m in COMPARATORS.finditer(text, max(sentence_start + 1, hit.start - 60), hit.start)
                      if m.meaning == "modal"), None)
        if modal is None:
            return Decision(None, f"{text[hit.start:hit.end]!r} without a modal: the level reached")
        return Decision("le", f"{text[modal.start:modal.end]!r} ... {text[hit.start:hit.end]!r}: a ceiling")
    return Decision(hit.meaning, repr(text[hit.start:hit.end]))


# (text, the figure's text, its expected comparator); run through the
# whole pipeline by tests/test_examples.py.
EXAMPLES: list[tuple[str, str, str | None]] = [
    ("có hơn 3.000 người tham gia", "3.000 người", "gt"),
    ("phấn đấu đạt mức trên 80%", "80%", "gt"),
    ("giảm giá vượt mức 50%", "50%", "gt"),
    ("tối thiểu 50 người/huyện", "50 người", "ge"),
    ("ít nhất 70% cán bộ", "70%", "ge"),
    ("không dưới 200 hộ gia đình", "200 hộ", "ge"),
    ("các hộ có từ 5 người trở lên", "5 người", "ge"),
    ("hỗ trợ tối đa 3 triệu đồng", "3 triệu đồng", "le"),
    ("mức thu không quá 7.000 đồng", "7.000 đồng", "le"),
    ("tỷ lệ nợ không vượt quá 5%", "5%", "le"),
    ("các khoản nợ từ 7.000 đồng trở xuống", "7.000 đồng", "le"),
    ("chi phí thanh toán này có thể lên tới 80%", "80%", "le"),
    ("hành vi này có thể bị phạt tiền lên tới 30 triệu đồng", "30 triệu đồng", "le"),
    ("người lao động được hỗ trợ lên đến 4,5 triệu đồng", "4,5 triệu đồng", "le"),
    ("mỗi xã nhiều nhất 12 đội", "12 đội", "le"),
    ("tỷ lệ nợ chỉ còn dưới 2%", "2%", "lt"),
    ("chưa đến 400 người", "400 người", "lt"),
    ("khoảng 1,2 triệu người", "1,2 triệu người", "approx"),
    ("gần 70 tỷ đồng", "70 tỷ đồng", "approx"),
    ("xấp xỉ 95%", "95%", "approx"),
    ("thiệt hại hàng trăm triệu đồng", "trăm triệu đồng", "approx"),
    ("khoảng hơn 2,1 triệu đồng", "2,1 triệu đồng", "gt"),
    ("khoảng 20- 30% so với", "20- 30%", "approx"),
    ("lên tới hơn 20 triệu đồng", "20 triệu đồng", "gt"),
    # no comparator
    ("số lao động tham gia BHTN tăng lên 5.200 người", "5.200 người", None),
    ("số nợ lên tới 4.639 tỷ đồng", "4.639 tỷ đồng", None),
    ("mức lương bình quân tăng 7%", "7%", None),
    ("ước đạt 102% kế hoạch", "102%", None),
]
