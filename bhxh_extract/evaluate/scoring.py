"""`evaluate(gold, predicted)`: every gold document matched and counted."""
from __future__ import annotations

from typing import Mapping

from .matching import document_score_table, match_article_fields, match_campaigns, match_mentions
from .results import (ALL_TYPES, ARTICLE_FIELDS, CAMPAIGN_FIELDS, FACT_TYPES, FIELDS_BY_TYPE, MENTION_TYPES, DocumentResult, Evaluation, Ratio, Score, add_score_tables, empty_score_table)

# --------------------------------------------------------------------------
# The corpus


def evaluate(gold: Mapping[str, dict], predicted: Mapping[str, dict]) -> Evaluation:
    """Score ``predicted`` records against ``gold`` records, both keyed by doc_id."""
    result = Evaluation(
        mention_scores=empty_score_table(MENTION_TYPES + (ALL_TYPES,)),
        field_accuracy={mtype: {name: Ratio() for name in fields} for mtype, fields in FIELDS_BY_TYPE.items()},
        period_accuracy={mtype: Ratio() for mtype in FACT_TYPES + (ALL_TYPES,)},
        facts={mtype: Score() for mtype in FACT_TYPES + (ALL_TYPES,)},
        campaign_names=Score(), campaign_fields={name: Ratio() for name in CAMPAIGN_FIELDS},
        article_fields={name: Ratio() for name in ARTICLE_FIELDS},
        documents=[], mention_errors=[], campaign_errors=[], article_errors=[],
        missing_predictions=sorted(set(gold) - set(predicted)),
        unscored_predictions=sorted(set(predicted) - set(gold)),
    )
    for doc_id in sorted(gold):
        _add_document(result, doc_id, gold[doc_id], predicted.get(doc_id))
    return result


def _add_document(result: Evaluation, doc_id: str, gold: Mapping, predicted: Mapping | None) -> None:
    matches = match_mentions(gold, predicted or {})
    table = document_score_table(matches)
    add_score_tables(result.mention_scores, table)
    mention_errors = []
    for match in matches:
        for name, ratio in match.field_tally().items():
            result.field_accuracy.setdefault(match.mtype, {}).setdefault(name, Ratio()).add(ratio)
        mention_errors += match.errors(doc_id)
        if match.mtype in FACT_TYPES:
            for key in (match.mtype, ALL_TYPES):
                result.period_accuracy[key].add(match.period_tally())
                result.facts[key].add(match.facts())
    result.mention_errors += sorted(mention_errors, key=lambda e: (e.start, e.end, e.type))

    names, shares, campaign_errors = match_campaigns(
        doc_id, gold.get("campaigns") or [], (predicted or {}).get("campaigns") or [])
    result.campaign_names.add(names)
    for name, ratio in shares.items():
        result.campaign_fields[name].add(ratio)
    result.campaign_errors += campaign_errors

    article_shares, article_errors = match_article_fields(doc_id, gold, predicted)
    for name, ratio in article_shares.items():
        result.article_fields[name].add(ratio)
    result.article_errors += article_errors
    result.documents.append(DocumentResult(doc_id, predicted is not None, table, names))


