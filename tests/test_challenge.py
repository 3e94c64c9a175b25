"""The extractor on the synthetic challenge set (challenge/README.md): floors
at the measured level, like corpus/'s."""
from pathlib import Path

import pytest

import floors
from bhxh_extract import evaluate as ev, extract_file

CHALLENGE = Path(__file__).resolve().parents[1] / "challenge"


@pytest.fixture(scope="module")
def evaluation():
    gold = ev.load_records_dir(CHALLENGE / "gold")
    predicted = {p.stem: extract_file(p).to_dict() for p in sorted((CHALLENGE / "corpus").glob("*.txt"))}
    assert set(predicted) == set(gold)
    return ev.evaluate(gold, predicted)


@pytest.mark.parametrize("kind", list(floors.CHALLENGE_STRICT_F1))
def test_challenge_strict_f1_floor(evaluation, kind):
    score = evaluation.mention_scores[kind]["strict"]
    assert score.f1 >= floors.CHALLENGE_STRICT_F1[kind], f"{kind}: strict F1 {score.f1:.3f}"


def test_challenge_article_fields(evaluation):
    for field, ratio in evaluation.article_fields.items():
        assert ratio.value >= floors.CHALLENGE_ARTICLE_FIELDS, field


def test_challenge_campaign_floors(evaluation):
    assert evaluation.campaign_names.f1 >= floors.CHALLENGE_CAMPAIGN_NAME_F1
    assert evaluation.campaign_fields["date"].value >= floors.CHALLENGE_CAMPAIGN_DATE
    assert evaluation.campaign_fields["plans"].value >= floors.CHALLENGE_CAMPAIGN_PLANS
    assert evaluation.campaign_fields["facts"].value >= floors.CHALLENGE_CAMPAIGN_FACTS


def test_period_and_facts(evaluation):
    """When figures hold (guide 3.8), scored apart from the type scores."""
    assert evaluation.period_accuracy["all"].value >= floors.CHALLENGE_PERIOD_ACCURACY
    assert evaluation.facts["all"].f1 >= floors.CHALLENGE_FACTS_F1
