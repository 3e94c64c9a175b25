"""An independent check of our date values: dateparser (the user's chosen
library), with pinned settings (day first, the article's reference date as
its relative base), reads the same expression wherever it can, and both must
agree at our value's precision. The forms it cannot read are listed with the
reason; our value for them is checked by the EXAMPLES of dates.py."""
import datetime

import pytest

from bhxh_extract import extract

REFERENCE = "2020-05-05"
SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": datetime.datetime(2020, 5, 5), "PREFER_DATES_FROM": "current_period"}

# (text, the date's span, our value)
READABLE = [
    ("ngày 20/4/2017", "20/4/2017", "2017-04-20"),
    ("ngày 21-3-2019", "21-3-2019", "2019-03-21"),
    ("ngày 05.09.2017", "05.09.2017", "2017-09-05"),
    ("ngày 23 tháng 5 năm 2018", "23 tháng 5 năm 2018", "2018-05-23"),
    ("trong tháng 5/2020", "tháng 5/2020", "2020-05"),
    ("vào tháng 10 năm 2019", "tháng 10 năm 2019", "2019-10"),
    ("vào tháng ba năm 2020", "tháng ba năm 2020", "2020-03"),
    ("ngày 3/9/91", "3/9/91", "1991-09-03"),
    ("từ 15/5/20", "15/5/20", "2020-05-15"),
    ("ngày 11/7 vừa qua", "11/7", "2020-07-11"),
    ("08/04/2020 05:47 PM", "08/04/2020 05:47 PM", "2020-04-08T17:47"),
    ("09:29, 27/03/2019", "09:29, 27/03/2019", "2019-03-27T09:29"),
    ("Tin\n27/05/13 17:06 GMT+7\nBài.", "27/05/13 17:06", "2013-05-27T17:06"),
    ("Tin\nthứ năm, 12 09 2019 15:40\nBài.", "12 09 2019 15:40", "2019-09-12T15:40"),
    ("Cập nhật lúc 10:12 ngày 26/11/2019", "10:12 ngày 26/11/2019", "2019-11-26T10:12"),
    ("trong năm 2024", "năm 2024", "2024"),
]
# (text, the date's span, our value, why dateparser cannot be the oracle here)
UNREADABLE = [
    ("lúc 7:30 chiều ngày 20/4/2017", "7:30 chiều ngày 20/4/2017", "2017-04-20T19:30",
     "returns nothing for a clock time with `chiều` (afternoon)"),
    ("mồng 3 tháng 3 năm 2020", "mồng 3 tháng 3 năm 2020", "2020-03-03", "does not know `mồng`"),
    ("lúc 14 giờ ngày 5/9", "14 giờ ngày 5/9", "2020-09-05T14:00",
     "reads `14 giờ` as a duration (gives 2020-05-04 10:00)"),
    ("quý 4 của năm 2018", "quý 4 của năm 2018", "2018-Q4", "has no quarters"),
    ("ngày 11-12/7", "11-12/7", "2020-07-11/2020-07-12", "has no ranges"),
    ("giai đoạn 2016-2020", "2016-2020", "2016/2020", "has no ranges"),
]


def _our_date(text, span):
    found = [m for m in extract(text, "oracle", published=REFERENCE).mentions if m.type == "date" and m.text == span]
    assert found, f"no date {span!r} in {text!r}"
    return found[0]["value"]


@pytest.mark.parametrize("text,span,value", READABLE, ids=[e[1] for e in READABLE])
def test_dateparser_agrees(text, span, value):
    dateparser = pytest.importorskip("dateparser")
    assert _our_date(text, span) == value
    parsed = dateparser.parse(span, languages=["vi"], settings=SETTINGS)
    assert parsed is not None, f"dateparser reads nothing in {span!r}"
    iso = parsed.isoformat(timespec="minutes")
    assert iso.replace(" ", "T")[:len(value)] == value


@pytest.mark.parametrize("text,span,value,why", UNREADABLE, ids=[e[1] for e in UNREADABLE])
def test_forms_dateparser_cannot_check(text, span, value, why):
    """Our value stands; dateparser's answer is not it (the reason says why)."""
    dateparser = pytest.importorskip("dateparser")
    assert _our_date(text, span) == value
    parsed = dateparser.parse(span, languages=["vi"], settings=SETTINGS)
    assert parsed is None or parsed.isoformat(timespec="minutes")[:len(value)] != value, why
