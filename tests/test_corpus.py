"""The extractor on the 20-article corpus, scored against gold: floors kept
in floors.py, raised as rules improve and never lowered."""
import pytest

import floors
from bhxh_extract import evaluate as ev
from conftest import GOLD


@pytest.fixture(scope="module")
def evaluation(corpus_records):
    gold = ev.load_records_dir(GOLD)
    return ev.evaluate(gold, {k: r.to_dict() for k, r in corpus_records.items()})


def test_every_record_validates_against_the_schema(corpus_records, schema_validator):
    for record in corpus_records.values():
        schema_validator.validate(record.to_dict())
        schema_validator.validate(record.to_dict(explain=False))


def test_offsets_index_the_text(corpus_records):
    from bhxh_extract.text.reading import read_document
    from conftest import CORPUS
    for doc_id, record in corpus_records.items():
        text = read_document(CORPUS / f"{doc_id}.txt")
        for m in record.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("kind", list(floors.STRICT_F1))
def test_strict_f1_floor(evaluation, kind):
    score = evaluation.mention_scores[kind]["strict"]
    assert score.f1 >= floors.STRICT_F1[kind], f"{kind}: strict F1 {score.f1:.3f}"


@pytest.mark.parametrize("kind", list(floors.VALUE_ACCURACY))
def test_value_accuracy_floor(evaluation, kind):
    field = "value" if kind != "doc_ref" else "ref"
    assert evaluation.field_accuracy[kind][field].value >= floors.VALUE_ACCURACY[kind]


def test_campaign_floors(evaluation):
    assert evaluation.campaign_names.f1 >= floors.CAMPAIGN_NAME_F1
    assert evaluation.campaign_fields["date"].value >= floors.CAMPAIGN_DATE
    assert evaluation.campaign_fields["plans"].value >= floors.CAMPAIGN_PLANS
    assert evaluation.campaign_fields["facts"].value >= floors.CAMPAIGN_FACTS


@pytest.mark.parametrize("field", list(floors.ARTICLE_FIELDS))
def test_article_field_floor(evaluation, field):
    assert evaluation.article_fields[field].value >= floors.ARTICLE_FIELDS[field]


def test_no_year_comes_from_today(corpus_records):
    """Partial dates take their year from the article (issue 3), never today."""
    import datetime
    this_year = str(datetime.date.today().year)
    for record in corpus_records.values():
        for m in record.mentions:
            if m.type == "date" and m["year_inferred"] and m["value"]:
                assert m["value"][:4] != this_year or (record.reference_date or "")[:4] == this_year


def test_period_and_facts(evaluation):
    """When figures hold (guide 3.8), scored apart from the type scores."""
    assert evaluation.period_accuracy["all"].value >= floors.PERIOD_ACCURACY
    assert evaluation.facts["all"].f1 >= floors.FACTS_F1
