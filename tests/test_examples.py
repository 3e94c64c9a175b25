"""Every rule module's EXAMPLES and NON_EXAMPLES, run by one parametrised
test per module (Duckling's corpus tests): the test id is the example text."""
from decimal import Decimal

import pytest

from bhxh_extract import extract
from bhxh_extract.extractors import amounts, dates, docrefs
from bhxh_extract.text import vietnamese

DOCREF_FIELDS = ("kind", "number", "symbol", "ref", "issued", "issuer")


def _of_type(text, kind, published=None):
    record = extract(text, "example", published=published)
    _validate(record)
    return [m for m in record.mentions if m.type == kind]


def _validate(record):
    """Every record the test suite produces is checked against the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources
    import json
    global _VALIDATOR
    if _VALIDATOR is None:
        schema = json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))
        _VALIDATOR = jsonschema.Draft202012Validator(schema)
    _VALIDATOR.validate(record.to_dict())


_VALIDATOR = None


def _published(reference):
    """Examples give their reference date; a full one acts as the dateline."""
    return reference if reference and len(reference) == 10 else None


@pytest.mark.parametrize("text,span,value,inferred,reference", dates.EXAMPLES, ids=[e[0] for e in dates.EXAMPLES])
def test_date_example(text, span, value, inferred, reference):
    # The reference date is an explicit input: a year-only reference is
    # given by a sentence stating the year, a full one as the dateline.
    if reference and len(reference) == 4:
        text = f"{text}\nBáo cáo năm {reference}."
    found = _of_type(text, "date", _published(reference))
    assert found, f"no date in {text!r}"
    first = found[0]
    assert (first.text, first["value"], first["year_inferred"]) == (span, value, inferred)


@pytest.mark.parametrize("text,why", dates.NON_EXAMPLES, ids=[e[0] for e in dates.NON_EXAMPLES])
def test_date_non_example(text, why):
    assert _of_type(text, "date", "2020-04-08") == [], why


@pytest.mark.parametrize("example", docrefs.EXAMPLES, ids=[e[0] for e in docrefs.EXAMPLES])
def test_docref_example(example):
    text, span, *fields = example
    found = _of_type(text, "doc_ref", "2020-04-08")
    assert found, f"no doc_ref in {text!r}"
    assert (found[0].text, *[found[0][f] for f in DOCREF_FIELDS]) == (span, *fields)


@pytest.mark.parametrize("text,expected", docrefs.COORDINATED_EXAMPLES, ids=[e[0] for e in docrefs.COORDINATED_EXAMPLES])
def test_docref_coordinated(text, expected):
    found = _of_type(text, "doc_ref", "2020-04-08")
    assert [(m.text, m["kind"], m["ref"], m["issuer"]) for m in found] == expected


@pytest.mark.parametrize("text,why", docrefs.NON_EXAMPLES, ids=[e[0] for e in docrefs.NON_EXAMPLES])
def test_docref_non_example(text, why):
    assert _of_type(text, "doc_ref", "2020-04-08") == [], why


@pytest.mark.parametrize("text,span,kind,value,fields", amounts.EXAMPLES, ids=[e[0] for e in amounts.EXAMPLES])
def test_amount_example(text, span, kind, value, fields):
    found = [m for m in _of_type(text, kind, "2020-04-08") if m.text == span]
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


# --- linking: scheme, measure, comparator, issuer (link/) -------------------------------
from bhxh_extract.link import comparators as link_comparators, issuers as link_issuers
from bhxh_extract.link import measures as link_measures, schemes as link_schemes
from bhxh_extract.link.scope import STEPS


LINK_TITLE = "Tin địa phương\n"


def _mention(text, written, published="2020-04-08"):
    """The mention whose text is `written` (`text#n`: its n-th occurrence).
    The example is the body of an article under a neutral title (an
    article's first line is its title, never a lead-in or heading)."""
    written, _, nth = written.partition("#")
    found = [m for m in extract(LINK_TITLE + text, "example", published=published).mentions if m.text == written]
    assert len(found) >= int(nth or 1), f"no mention {written!r} in {text!r}"
    return found[int(nth or 1) - 1]


def _evidence(text, written):
    return _mention(text, written).evidence


@pytest.mark.parametrize("text,written,scheme", link_schemes.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_schemes.EXAMPLES])
def test_scheme_example(text, written, scheme):
    m = _mention(text, written)
    assert m["scheme"] == scheme, m.evidence


@pytest.mark.parametrize("text,written,why", link_schemes.NON_EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_schemes.NON_EXAMPLES])
def test_scheme_non_example(text, written, why):
    m = _mention(text, written)
    assert m["scheme"] is None, f"{why}: {m.evidence}"


@pytest.mark.parametrize("text,written,measure", link_measures.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_measures.EXAMPLES])
def test_measure_example(text, written, measure):
    m = _mention(text, written)
    assert m["measure"] == measure, m.evidence


@pytest.mark.parametrize("text,written,comparator", link_comparators.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_comparators.EXAMPLES])
def test_comparator_example(text, written, comparator):
    m = _mention(text, written)
    assert m["comparator"] == comparator, m.evidence


@pytest.mark.parametrize("text,written,issued,issuer", link_issuers.EXAMPLES,
                         ids=[e[0] for e in link_issuers.EXAMPLES])
def test_issuer_example(text, written, issued, issuer):
    m = _mention(text, written)
    assert (m["issued"], m["issuer"]) == (issued, issuer), m.evidence


def test_linking_examples_meet_the_issue():
    assert len(link_schemes.EXAMPLES) >= 40 and len(link_measures.EXAMPLES) >= 40
    assert len(link_issuers.EXAMPLES) >= 20 and len(link_comparators.EXAMPLES) >= 15
    assert len(link_schemes.NON_EXAMPLES) >= 10


def test_every_scheme_and_measure_decision_names_its_scope_step():
    """--explain shows the scope step of every scheme and measure."""
    for text, written, scheme in link_schemes.EXAMPLES:
        m = _mention(text, written)
        if m["scheme"] is not None:
            assert any(f"({step}" in m.evidence for step in STEPS + ("sentence",)), m.evidence
    for text, written, _ in link_measures.EXAMPLES:
        assert "measure ←" in _mention(text, written).evidence


from bhxh_extract.text import article


@pytest.mark.parametrize("text,year", article.REFERENCE_EXAMPLES, ids=[e[0][:50] for e in article.REFERENCE_EXAMPLES])
def test_reference_year_example(text, year):
    assert extract(text, "example").reference_date == year


# --- campaigns ----------------------------------------------------------------------------
from bhxh_extract.extractors import campaigns
from bhxh_extract.link import campaign_facts


def _campaigns(text):
    return extract(LINK_TITLE + text, "example", published="2020-04-08").campaigns


@pytest.mark.parametrize("text,expected", campaigns.EXAMPLES, ids=[e[0][:70] for e in campaigns.EXAMPLES])
def test_campaign_example(text, expected):
    got = [(c.name, c.kind, c.date, list(c.plans)) for c in _campaigns(text)]
    assert got == [tuple(e) for e in expected]


@pytest.mark.parametrize("text,why", campaigns.NON_EXAMPLES, ids=[e[0][:70] for e in campaigns.NON_EXAMPLES])
def test_campaign_non_example(text, why):
    assert [c.name for c in _campaigns(text)] == [], why


@pytest.mark.parametrize("text,facts", campaign_facts.FACT_EXAMPLES, ids=[e[0][:70] for e in campaign_facts.FACT_EXAMPLES])
def test_campaign_fact_example(text, facts):
    record = extract(LINK_TITLE + text, "example", published="2020-04-08")
    text_of = {(m.start, m.end): m.text for m in record.mentions}
    got = {c.name: [text_of[f] for f in c.facts] for c in record.campaigns}
    assert {name: got.get(name) for name in facts} == facts, [c.evidence for c in record.campaigns]


def test_campaign_examples_meet_the_issue():
    assert len(campaigns.EXAMPLES) >= 40 and len(campaigns.NON_EXAMPLES) >= 15


def test_every_campaign_names_its_rule():
    for text, _ in campaigns.EXAMPLES:
        assert all(c.rule and c.rule.startswith("campaign word: ") for c in _campaigns(text))


# --- periods (link/periods.py), under a dateline of 2024-03-05 ------------------------------
from bhxh_extract.link import periods as link_periods

PERIOD_DATELINE = "2024-03-05"


@pytest.mark.parametrize("text,written,period", link_periods.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_periods.EXAMPLES])
def test_period_example(text, written, period):
    m = _mention(text, written, published=PERIOD_DATELINE)
    assert m["period"] == period, m.evidence
    assert "period ← " in m.evidence, "every period names its evidence"


@pytest.mark.parametrize("text,written,why", link_periods.NON_EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_periods.NON_EXAMPLES])
def test_period_non_example(text, written, why):
    m = _mention(text, written, published=PERIOD_DATELINE)
    assert m["period"] is None, f"{why}: {m.evidence}"


def test_period_examples_meet_the_issue():
    assert len(link_periods.EXAMPLES) >= 40 and len(link_periods.NON_EXAMPLES) >= 10


@pytest.mark.parametrize("text,province", article.PROVINCE_EXAMPLES, ids=[e[0][:60] for e in article.PROVINCE_EXAMPLES])
def test_province_example(text, province):
    assert extract(text, "example").province == province


ARTICLE_BODY = "Ngày 5/9, BHXH tỉnh Bắc Ninh tổ chức hội nghị với 120 người tham gia."


@pytest.mark.parametrize("line,published", article.DATELINE_EXAMPLES, ids=[e[0] for e in article.DATELINE_EXAMPLES])
def test_dateline_example(line, published):
    record = extract(f"BHXH tỉnh Bắc Ninh tổ chức hội nghị\n{line}\n{ARTICLE_BODY}", "example")
    _validate(record)
    assert record.published == published


@pytest.mark.parametrize("lines,author", article.AUTHOR_EXAMPLES, ids=[e[0] for e in article.AUTHOR_EXAMPLES])
def test_author_example(lines, author):
    assert extract(f"BHXH tỉnh Bắc Ninh tổ chức hội nghị\n{ARTICLE_BODY}\n{lines}", "example").author == author


@pytest.mark.parametrize("text,title,published,author", article.LAYOUT_EXAMPLES,
                         ids=[e[0][:50] for e in article.LAYOUT_EXAMPLES])
def test_layout_example(text, title, published, author):
    record = extract(text, "example")
    assert (record.title, record.published, record.author) == (title, published, author)


def test_article_examples_meet_the_issue():
    assert len(article.DATELINE_EXAMPLES) >= 15 and len(article.AUTHOR_EXAMPLES) >= 12
    assert len(article.PROVINCE_EXAMPLES) >= 20
    assert any(p is None for _, p in article.PROVINCE_EXAMPLES) and any(p is None for _, p in article.DATELINE_EXAMPLES)
