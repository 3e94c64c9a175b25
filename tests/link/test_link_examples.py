"""The EXAMPLES and NON_EXAMPLES of every linking decision (scheme,
measure, comparator, issuer, period, campaign facts), each through the whole
pipeline: the test id is the example."""
import pytest

from bhxh_extract import extract
from bhxh_extract.link import campaign_facts, periods as link_periods
from bhxh_extract.link import comparators as link_comparators, issuers as link_issuers
from bhxh_extract.link import measures as link_measures, schemes as link_schemes
from bhxh_extract.link.scope import STEPS
from support import LINK_TITLE, mention

@pytest.mark.parametrize("text,written,scheme", link_schemes.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_schemes.EXAMPLES])
def test_scheme_example(text, written, scheme):
    m = mention(text, written)
    assert m["scheme"] == scheme, m.evidence


@pytest.mark.parametrize("text,written,why", link_schemes.NON_EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_schemes.NON_EXAMPLES])
def test_scheme_non_example(text, written, why):
    m = mention(text, written)
    assert m["scheme"] is None, f"{why}: {m.evidence}"


@pytest.mark.parametrize("text,written,measure", link_measures.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_measures.EXAMPLES])
def test_measure_example(text, written, measure):
    m = mention(text, written)
    assert m["measure"] == measure, m.evidence


@pytest.mark.parametrize("text,written,comparator", link_comparators.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_comparators.EXAMPLES])
def test_comparator_example(text, written, comparator):
    m = mention(text, written)
    assert m["comparator"] == comparator, m.evidence


@pytest.mark.parametrize("text,written,issued,issuer", link_issuers.EXAMPLES,
                         ids=[e[0] for e in link_issuers.EXAMPLES])
def test_issuer_example(text, written, issued, issuer):
    m = mention(text, written)
    assert (m["issued"], m["issuer"]) == (issued, issuer), m.evidence


def test_linking_examples_meet_the_issue():
    assert len(link_schemes.EXAMPLES) >= 40 and len(link_measures.EXAMPLES) >= 40
    assert len(link_issuers.EXAMPLES) >= 20 and len(link_comparators.EXAMPLES) >= 15
    assert len(link_schemes.NON_EXAMPLES) >= 10


def test_every_scheme_and_measure_decision_names_its_scope_step():
    """--explain shows the scope step of every scheme and measure."""
    for text, written, scheme in link_schemes.EXAMPLES:
        m = mention(text, written)
        if m["scheme"] is not None:
            assert any(f"({step}" in m.evidence for step in STEPS + ("sentence",)), m.evidence
    for text, written, _ in link_measures.EXAMPLES:
        assert "measure ←" in mention(text, written).evidence



PERIOD_DATELINE = "2024-03-05"


@pytest.mark.parametrize("text,written,period", link_periods.EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_periods.EXAMPLES])
def test_period_example(text, written, period):
    m = mention(text, written, published=PERIOD_DATELINE)
    assert m["period"] == period, m.evidence
    assert "period ← " in m.evidence, "every period names its evidence"


@pytest.mark.parametrize("text,written,why", link_periods.NON_EXAMPLES,
                         ids=[f"{e[1]} in {e[0]}" for e in link_periods.NON_EXAMPLES])
def test_period_non_example(text, written, why):
    m = mention(text, written, published=PERIOD_DATELINE)
    assert m["period"] is None, f"{why}: {m.evidence}"


def test_period_examples_meet_the_issue():
    assert len(link_periods.EXAMPLES) >= 40 and len(link_periods.NON_EXAMPLES) >= 10


@pytest.mark.parametrize("text,facts", campaign_facts.FACT_EXAMPLES, ids=[e[0][:70] for e in campaign_facts.FACT_EXAMPLES])
def test_campaign_fact_example(text, facts):
    record = extract(LINK_TITLE + text, "example", published="2020-04-08")
    text_of = {(m.start, m.end): m.text for m in record.mentions}
    got = {c.name: [text_of[f] for f in c.facts] for c in record.campaigns}
    assert {name: got.get(name) for name in facts} == facts, [c.evidence for c in record.campaigns]
