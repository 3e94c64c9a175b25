"""The EXAMPLES and NON_EXAMPLES of every extractor (dates, document
references, counts, percents, money, numbers, campaigns), run by one
parametrised test per module (Duckling's corpus tests): the test id is the
example text."""
from decimal import Decimal

import pytest

from bhxh_extract import extract
from bhxh_extract.extractors import amounts, campaigns, dates, docrefs
from bhxh_extract.text import vietnamese
from support import DOCREF_FIELDS, LINK_TITLE, of_type, published_of

@pytest.mark.parametrize("text,span,value,inferred,reference", dates.EXAMPLES, ids=[e[0] for e in dates.EXAMPLES])
def test_date_example(text, span, value, inferred, reference):
    # The reference date is an explicit input: a year-only reference is
    # given by a sentence stating the year, a full one as the dateline.
    if reference and len(reference) == 4:
        text = f"{text}\nBáo cáo năm {reference}."
    found = of_type(text, "date", published_of(reference))
    assert found, f"no date in {text!r}"
    first = found[0]
    assert (first.text, first["value"], first["year_inferred"]) == (span, value, inferred)


@pytest.mark.parametrize("text,why", dates.NON_EXAMPLES, ids=[e[0] for e in dates.NON_EXAMPLES])
def test_date_non_example(text, why):
    assert of_type(text, "date", "2020-04-08") == [], why


@pytest.mark.parametrize("example", docrefs.EXAMPLES, ids=[e[0] for e in docrefs.EXAMPLES])
def test_docref_example(example):
    text, span, *fields = example
    found = of_type(text, "doc_ref", "2020-04-08")
    assert found, f"no doc_ref in {text!r}"
    assert (found[0].text, *[found[0][f] for f in DOCREF_FIELDS]) == (span, *fields)


@pytest.mark.parametrize("text,expected", docrefs.COORDINATED_EXAMPLES, ids=[e[0] for e in docrefs.COORDINATED_EXAMPLES])
def test_docref_coordinated(text, expected):
    found = of_type(text, "doc_ref", "2020-04-08")
    assert [(m.text, m["kind"], m["ref"], m["issuer"]) for m in found] == expected


@pytest.mark.parametrize("text,why", docrefs.NON_EXAMPLES, ids=[e[0] for e in docrefs.NON_EXAMPLES])
def test_docref_non_example(text, why):
    assert of_type(text, "doc_ref", "2020-04-08") == [], why


@pytest.mark.parametrize("text,span,kind,value,fields", amounts.EXAMPLES, ids=[e[0] for e in amounts.EXAMPLES])
def test_amount_example(text, span, kind, value, fields):
    found = [m for m in of_type(text, kind, "2020-04-08") if m.text == span]
    assert found, f"no {kind} {span!r} in {text!r}: {[m.text for m in extract(text).mentions]}"
    assert found[0]["value"] == value
    for name, expected in fields.items():
        assert found[0][name] == expected, name


@pytest.mark.parametrize("text,why", amounts.NON_EXAMPLES, ids=[e[0] for e in amounts.NON_EXAMPLES])
def test_amount_non_example(text, why):
    found = [m for m in extract(text, "example", "2020-04-08").mentions if m.type in ("count", "percent", "money")]
    assert found == [], f"{why}: {[m.text for m in found]}"


@pytest.mark.parametrize("written,whole,value", vietnamese.EXAMPLES, ids=[e[0] for e in vietnamese.EXAMPLES])
def test_number_example(written, whole, value):
    got = vietnamese.parse_amount(written, whole_things=whole)
    assert got == (None if value is None else Decimal(value))


def test_example_counts_meet_the_issue():
    assert len(dates.EXAMPLES) >= 60 and len(docrefs.EXAMPLES) >= 40 and len(vietnamese.EXAMPLES) >= 60
    counts = [e for e in amounts.EXAMPLES if e[2] == "count"]
    percents = [e for e in amounts.EXAMPLES if e[2] == "percent"]
    money = [e for e in amounts.EXAMPLES if e[2] == "money"]
    assert len(counts) >= 50 and len(percents) >= 40 and len(money) >= 20, (len(counts), len(percents), len(money))


FULL_NUMERIC = [e for e in dates.EXAMPLES
                if e[2] and len(e[2]) == 10 and not e[3] and all(ch.isdigit() or ch in "/.-" for ch in e[1])]


@pytest.mark.parametrize("text,span,value,inferred,reference", FULL_NUMERIC, ids=[e[1] for e in FULL_NUMERIC])
def test_full_dates_agree_with_dateparser(text, span, value, inferred, reference):
    """dateparser, pinned to day-first order, is an independent oracle for the
    value of a span our rules chose (it never chooses spans: its search_dates
    finds "dates" in percentages)."""
    dateparser = pytest.importorskip("dateparser")
    parsed = dateparser.parse(span, languages=["vi"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
    assert parsed is not None and parsed.date().isoformat() == value



# --- campaigns ----------------------------------------------------------------------------


def _campaigns(text):
    return extract(LINK_TITLE + text, "example", published="2020-04-08").campaigns


@pytest.mark.parametrize("text,expected", campaigns.EXAMPLES, ids=[e[0][:70] for e in campaigns.EXAMPLES])
def test_campaign_example(text, expected):
    got = [(c.name, c.kind, c.date, list(c.plans)) for c in _campaigns(text)]
    assert got == [tuple(e) for e in expected]


@pytest.mark.parametrize("text,why", campaigns.NON_EXAMPLES, ids=[e[0][:70] for e in campaigns.NON_EXAMPLES])
def test_campaign_non_example(text, why):
    assert [c.name for c in _campaigns(text)] == [], why


def test_campaign_examples_meet_the_issue():
    assert len(campaigns.EXAMPLES) >= 40 and len(campaigns.NON_EXAMPLES) >= 15


def test_every_campaign_names_its_rule():
    for text, _ in campaigns.EXAMPLES:
        assert all(c.rule and c.rule.startswith("campaign word: ") for c in _campaigns(text))
