"""Score extractor records against gold records (ANNOTATION.md, section 6).

Gold files and extractor output share one JSON shape (``record.schema.json``);
everything here works on those plain dicts, keyed by ``doc_id``, with the
standard library only.

Scoring, as the guide's section 6 asks:

Mentions, per type and per document:
  * ``exact``: same type, same ``start`` and ``end`` (pairs are one-to-one).
  * ``strict``: an exact pair whose every field of the type (``FIELDS_BY_TYPE``)
    is equal. Numbers where either side is a float are equal when they differ
    by at most ``FLOAT_TOLERANCE`` (0.005, i.e. the same to two decimals:
    50 == 50.0 == 50.004); every other value is compared with ``==``.
  * ``partial``: same type and overlapping spans. Exact pairs are taken
    first, then the remaining mentions are paired greedily by greatest
    overlap (ties: smaller union, then position), one-to-one, so a gold
    mention is never credited twice.
  Precision, recall and F1 are micro-averaged over the corpus (sums of
  tp/fp/fn), per type and over all types ("all"), and also per document.
  An undefined ratio is reported as 0.0; the counts are always reported.
  Field accuracy counts, for each type and field, the exactly matched pairs
  whose field is right.

Periods and facts, scored apart (``SCORED_APART``) so that the type scores
stay comparable across schema versions: for counts, percents and money, the
share of exact matches with the right ``period``, and facts P/R/F1, where a
predicted figure is a true positive when its span and its ``FACT_FIELDS``
(value, scheme, measure, period: those its type has) are all right. An exact
pair right in every strict field but ``period`` is listed as a ``period``
error.

Campaigns: predicted and gold campaigns are paired by their first-mention
spans, greedily by greatest overlap (one-to-one, same tie-breaking). Name
P/R/F1 counts the pairs as true positives. Among the pairs, the share with
the right ``date`` (equal), ``plans`` (equal as sets) and ``facts`` (equal as
sets of ``[start, end]``); ``name`` (same string) and ``kind`` are reported
the same way.

Article fields: for each of ``ARTICLE_FIELDS``, the share of gold documents
whose predicted value equals the gold one. ``province_2025`` is optional: it
is scored only in documents whose gold has the key, and a prediction without
the key counts as ``null`` there.

Missing values: a key absent from a predicted mention, campaign or record
never equals anything (shown as ``(absent)``), except ``province_2025``. A
gold document without a prediction is scored against an empty record: all
its mentions and campaigns are missed and all its article fields wrong; it
is listed in ``missing_predictions``. Predictions without gold are not
scored, only listed in ``unscored_predictions``.

The error list names every missed, spurious and wrong-valued mention, with
the ``rule`` of the predicted mention when the extractor ran in explain mode
(the optional ``"rule"`` key) and, for a wrong-valued one, the ``evidence``
that decided its fields (scope step and cue words), plus article-field and
campaign errors (a predicted campaign's evidence: its date, plans and facts).
"""
from __future__ import annotations

from .loading import load_records_dir, load_records_jsonl
from .matching import pair_by_overlap, values_equal
from .report import format_report
from .results import (ABSENT, ALL_TYPES, ARTICLE_FIELDS, CAMPAIGN_FIELDS, FACT_FIELDS, FACT_TYPES, FIELDS_BY_TYPE, FLOAT_TOLERANCE, MENTION_TYPES, OPTIONAL_ARTICLE_FIELDS, SCORED_APART, STRENGTHS, ArticleFieldError, CampaignError, DocumentResult, Evaluation, FieldDiff, MentionError, Ratio, Score)
from .scoring import evaluate

__all__ = ["evaluate", "format_report", "load_records_dir", "load_records_jsonl", "pair_by_overlap", "values_equal",
           "Evaluation", "Score", "Ratio", "FieldDiff", "MentionError", "CampaignError", "ArticleFieldError",
           "DocumentResult", "ABSENT", "ALL_TYPES", "ARTICLE_FIELDS", "CAMPAIGN_FIELDS", "FACT_FIELDS", "FACT_TYPES",
           "FIELDS_BY_TYPE", "FLOAT_TOLERANCE", "MENTION_TYPES", "OPTIONAL_ARTICLE_FIELDS", "SCORED_APART",
           "STRENGTHS"]
