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

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .records import FIELDS_BY_TYPE as RECORD_FIELDS

# The fields `strict` compares: the record's fields of each type, except
# `period`, which is scored apart so that the type scores stay comparable
# across schema versions (guide section 6).
SCORED_APART = ("period",)
# A figure is a right *fact* when its span and these fields (those of its
# type) are all right: what a dataset row needs (guide section 6).
FACT_FIELDS = ("value", "scheme", "measure", "period")
FACT_TYPES = tuple(t for t, fields in RECORD_FIELDS.items() if "period" in fields)
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    mtype: tuple(f for f in fields if f not in SCORED_APART) for mtype, fields in RECORD_FIELDS.items()}
MENTION_TYPES: tuple[str, ...] = tuple(FIELDS_BY_TYPE)
ALL_TYPES = "all"
STRENGTHS: tuple[str, ...] = ("partial", "exact", "strict")
ARTICLE_FIELDS = ("title", "published", "province", "province_2025", "reference_date", "author")
OPTIONAL_ARTICLE_FIELDS = frozenset({"province_2025"})
CAMPAIGN_FIELDS: tuple[str, ...] = ("date", "plans", "facts", "name", "kind")
FLOAT_TOLERANCE = 0.005


class _Absent:
    """Marks a key missing from a record; equal to nothing but itself."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT = _Absent()


# --------------------------------------------------------------------------
# Counters


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _safe_ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _safe_ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _safe_ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    """A share: ``correct`` out of ``total`` (0.0 when ``total`` is 0)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _safe_ratio(self.correct, self.total)

    def count(self, is_correct: bool) -> None:
        self.total += 1
        self.correct += int(is_correct)

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


def _safe_ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _empty_score_table(types: Iterable[str]) -> dict[str, dict[str, Score]]:
    return {mtype: {strength: Score() for strength in STRENGTHS} for mtype in types}


def _add_score_tables(total: dict[str, dict[str, Score]], part: dict[str, dict[str, Score]]) -> None:
    for mtype, by_strength in part.items():
        target = total.setdefault(mtype, {strength: Score() for strength in STRENGTHS})
        for strength, score in by_strength.items():
            target[strength].add(score)


# --------------------------------------------------------------------------
# Errors


@dataclass
class FieldDiff:
    """One field whose predicted value differs from the gold value."""

    field: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field}
        if self.gold is not ABSENT:
            out["gold"] = self.gold
        if self.predicted is not ABSENT:
            out["predicted"] = self.predicted
        return out


@dataclass
class MentionError:
    """A missed, spurious or wrong-valued mention.

    ``rule`` is the rule of the predicted mention (None for a missed one, or
    when the prediction carries no rule). ``partner`` is the mention of the
    other side that overlaps this one (a partial match), if any.
    """

    doc_id: str
    kind: str  # "missed" | "spurious" | "wrong" | "period" (right fields, wrong period)
    type: str
    start: int
    end: int
    text: str | None
    rule: str | None = None
    diffs: list[FieldDiff] = field(default_factory=list)
    partner: dict[str, Any] | None = None
    evidence: str | None = None   # the predicted mention's linking evidence (--explain), for a wrong one

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "kind": self.kind, "type": self.type,
                "start": self.start, "end": self.end, "text": self.text, "rule": self.rule,
                "diffs": [diff.to_dict() for diff in self.diffs], "partner": self.partner,
                "evidence": self.evidence}


@dataclass
class CampaignError:
    """A missed, spurious or wrong-valued campaign (identified by its first mention)."""

    doc_id: str
    kind: str  # "missed" | "spurious" | "wrong"
    name: str | None
    start: int
    end: int
    rule: str | None = None
    diffs: list[FieldDiff] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)   # the predicted campaign's (--explain)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "kind": self.kind, "name": self.name,
                "start": self.start, "end": self.end, "rule": self.rule,
                "diffs": [diff.to_dict() for diff in self.diffs], "evidence": list(self.evidence)}


@dataclass
class ArticleFieldError:
    doc_id: str
    field: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, **FieldDiff(self.field, self.gold, self.predicted).to_dict()}


# --------------------------------------------------------------------------
# Results


@dataclass
class DocumentResult:
    """Scores of one gold document."""

    doc_id: str
    has_prediction: bool
    mention_scores: dict[str, dict[str, Score]]  # type or "all" -> strength -> Score
    campaign_names: Score

    @property
    def strict_f1(self) -> float:
        return self.mention_scores[ALL_TYPES]["strict"].f1

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "has_prediction": self.has_prediction,
                "strict_f1": self.strict_f1,
                "mentions": _score_table_to_dict(self.mention_scores),
                "campaign_names": self.campaign_names.to_dict()}


@dataclass
class Evaluation:
    """Everything ``evaluate`` measured; see the module docstring."""

    mention_scores: dict[str, dict[str, Score]]  # type or "all" -> strength -> Score
    field_accuracy: dict[str, dict[str, Ratio]]  # type -> field -> Ratio
    period_accuracy: dict[str, Ratio]  # type (and "all") -> period right on exact matches
    facts: dict[str, Score]  # type (and "all") -> figures with span, value, scheme, measure, period right
    campaign_names: Score
    campaign_fields: dict[str, Ratio]  # over matched campaign pairs
    article_fields: dict[str, Ratio]
    documents: list[DocumentResult]
    mention_errors: list[MentionError]
    campaign_errors: list[CampaignError]
    article_errors: list[ArticleFieldError]
    missing_predictions: list[str]
    unscored_predictions: list[str]

    @property
    def overall_strict_f1(self) -> float:
        return self.mention_scores[ALL_TYPES]["strict"].f1

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_scored": len(self.documents),
            "missing_predictions": list(self.missing_predictions),
            "unscored_predictions": list(self.unscored_predictions),
            "overall_strict_f1": self.overall_strict_f1,
            "mentions": _score_table_to_dict(self.mention_scores),
            "field_accuracy": {mtype: {name: ratio.to_dict() for name, ratio in fields.items()}
                               for mtype, fields in self.field_accuracy.items()},
            "period_accuracy": {mtype: ratio.to_dict() for mtype, ratio in self.period_accuracy.items()},
            "facts": {mtype: score.to_dict() for mtype, score in self.facts.items()},
            "campaigns": {"names": self.campaign_names.to_dict(),
                          "matched_fields": {name: ratio.to_dict()
                                             for name, ratio in self.campaign_fields.items()}},
            "article_fields": {name: ratio.to_dict() for name, ratio in self.article_fields.items()},
            "per_document": [doc.to_dict() for doc in self.documents],
            "errors": {"mentions": [error.to_dict() for error in self.mention_errors],
                       "campaigns": [error.to_dict() for error in self.campaign_errors],
                       "article_fields": [error.to_dict() for error in self.article_errors]},
        }


def _score_table_to_dict(table: dict[str, dict[str, Score]]) -> dict[str, Any]:
    return {mtype: {strength: score.to_dict() for strength, score in by_strength.items()}
            for mtype, by_strength in table.items()}


# --------------------------------------------------------------------------
# Value comparison and span pairing


def values_equal(gold: Any, predicted: Any) -> bool:
    """``==``, except numbers where either side is a float: within FLOAT_TOLERANCE."""
    if _is_number(gold) and _is_number(predicted) and (
            isinstance(gold, float) or isinstance(predicted, float)):
        return abs(gold - predicted) <= FLOAT_TOLERANCE + 1e-9
    return gold == predicted


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _field_diffs(gold: Mapping, predicted: Mapping, fields: Sequence[str]) -> list[FieldDiff]:
    diffs = []
    for name in fields:
        gold_value, predicted_value = gold.get(name, ABSENT), predicted.get(name, ABSENT)
        if not values_equal(gold_value, predicted_value):
            diffs.append(FieldDiff(name, gold_value, predicted_value))
    return diffs


def _span(item: Mapping) -> tuple[int, int]:
    return item["start"], item["end"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair_by_overlap(gold_spans: Sequence[tuple[int, int]], predicted_spans: Sequence[tuple[int, int]],
                    taken: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans.

    Greedy: the pair with the greatest overlap first; ties go to the pair
    with the smaller union (the closer fit), then to the earlier position.
    ``taken`` pairs are kept as they are and their indices are not reused.
    """
    pairs = list(taken)
    used_gold = {g for g, _ in pairs}
    used_predicted = {p for _, p in pairs}
    candidates = []
    for g, gold_span in enumerate(gold_spans):
        for p, predicted_span in enumerate(predicted_spans):
            shared = _overlap(gold_span, predicted_span)
            if shared and g not in used_gold and p not in used_predicted:
                union = max(gold_span[1], predicted_span[1]) - min(gold_span[0], predicted_span[0])
                candidates.append((-shared, union, gold_span, predicted_span, g, p))
    for *_, g, p in sorted(candidates):
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return pairs


def _pair_exact(gold: Sequence[Mapping], predicted: Sequence[Mapping],
                fields: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one pairs with identical spans; a fully equal candidate is preferred."""
    waiting: dict[tuple[int, int], list[int]] = {}
    for p, mention in enumerate(predicted):
        waiting.setdefault(_span(mention), []).append(p)
    pairs = []
    for g, mention in enumerate(gold):
        candidates = waiting.get(_span(mention))
        if candidates:
            best = next((p for p in candidates if not _field_diffs(mention, predicted[p], fields)),
                        candidates[0])
            candidates.remove(best)
            pairs.append((g, best))
    return pairs


# --------------------------------------------------------------------------
# Mentions


@dataclass
class _TypeMatch:
    """The pairing of one mention type's gold and predicted mentions in one document."""

    mtype: str
    gold: list[Mapping]
    predicted: list[Mapping]
    exact_pairs: list[tuple[int, int]]
    partial_pairs: list[tuple[int, int]]
    diffs: dict[int, list[FieldDiff]]  # gold index of an exact pair -> its field differences
    period_diffs: dict[int, list[FieldDiff]]  # the same, for `period` (scored apart)

    @classmethod
    def build(cls, mtype: str, gold: list[Mapping], predicted: list[Mapping]) -> _TypeMatch:
        fields = FIELDS_BY_TYPE.get(mtype, ())
        exact = _pair_exact(gold, predicted, fields + cls.apart(mtype))
        partial = pair_by_overlap([_span(m) for m in gold], [_span(m) for m in predicted], taken=exact)
        diffs = {g: _field_diffs(gold[g], predicted[p], fields) for g, p in exact}
        period_diffs = {g: _field_diffs(gold[g], predicted[p], cls.apart(mtype)) for g, p in exact}
        return cls(mtype, gold, predicted, exact, partial, diffs, period_diffs)

    @staticmethod
    def apart(mtype: str) -> tuple[str, ...]:
        return tuple(f for f in SCORED_APART if f in RECORD_FIELDS.get(mtype, ()))

    def period_tally(self) -> Ratio:
        ratio = Ratio()
        if self.apart(self.mtype):
            for diffs in self.period_diffs.values():
                ratio.count(not diffs)
        return ratio

    def facts(self) -> Score:
        """Figures whose span and FACT_FIELDS are all right."""
        fact_fields = set(FACT_FIELDS) & set(RECORD_FIELDS.get(self.mtype, ()))
        tp = sum(1 for g in self.diffs
                 if not {d.field for d in self.diffs[g] + self.period_diffs[g]} & fact_fields)
        return Score(tp, len(self.predicted) - tp, len(self.gold) - tp)

    def scores(self) -> dict[str, Score]:
        strict_tp = sum(1 for diff in self.diffs.values() if not diff)
        tps = {"partial": len(self.partial_pairs), "exact": len(self.exact_pairs), "strict": strict_tp}
        return {strength: Score(tp, len(self.predicted) - tp, len(self.gold) - tp)
                for strength, tp in tps.items()}

    def field_tally(self) -> dict[str, Ratio]:
        tally = {name: Ratio() for name in FIELDS_BY_TYPE.get(self.mtype, ())}
        for diffs in self.diffs.values():
            wrong = {diff.field for diff in diffs}
            for name, ratio in tally.items():
                ratio.count(name not in wrong)
        return tally

    def errors(self, doc_id: str) -> list[MentionError]:
        exact_gold = {g for g, _ in self.exact_pairs}
        exact_predicted = {p for _, p in self.exact_pairs}
        partner_of_gold = {g: p for g, p in self.partial_pairs}
        partner_of_predicted = {p: g for g, p in self.partial_pairs}
        errors = []
        for g, mention in enumerate(self.gold):
            if g not in exact_gold:
                partner = _optional(self.predicted, partner_of_gold.get(g))
                errors.append(self._error(doc_id, "missed", mention, None, partner=partner))
        for p, mention in enumerate(self.predicted):
            if p not in exact_predicted:
                partner = _optional(self.gold, partner_of_predicted.get(p))
                errors.append(self._error(doc_id, "spurious", mention, mention.get("rule"), partner=partner))
        for g, p in self.exact_pairs:
            evidence = self.predicted[p].get("evidence")
            if self.diffs[g]:
                errors.append(self._error(doc_id, "wrong", self.gold[g], self.predicted[p].get("rule"),
                                          diffs=self.diffs[g] + self.period_diffs[g], evidence=evidence))
            elif self.period_diffs[g]:
                errors.append(self._error(doc_id, "period", self.gold[g], self.predicted[p].get("rule"),
                                          diffs=self.period_diffs[g], evidence=evidence))
        return errors

    def _error(self, doc_id: str, kind: str, mention: Mapping, rule: str | None,
               partner: Mapping | None = None, diffs: list[FieldDiff] | None = None,
               evidence: str | None = None) -> MentionError:
        start, end = _span(mention)
        return MentionError(doc_id, kind, self.mtype, start, end, mention.get("text"), rule,
                            diffs or [], _partner_summary(partner), evidence)


def _optional(items: Sequence[Mapping], index: int | None) -> Mapping | None:
    return None if index is None else items[index]


def _partner_summary(mention: Mapping | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    return {"start": mention["start"], "end": mention["end"], "text": mention.get("text"),
            "rule": mention.get("rule")}


def _group_by_type(mentions: Iterable[Mapping]) -> dict[str, list[Mapping]]:
    groups: dict[str, list[Mapping]] = {}
    for mention in mentions:
        groups.setdefault(mention["type"], []).append(mention)
    return groups


def _known_then_other_types(*groups: Mapping[str, Any]) -> list[str]:
    seen = {mtype for group in groups for mtype in group}
    return list(MENTION_TYPES) + sorted(seen - set(MENTION_TYPES))


def _match_mentions(gold: Mapping, predicted: Mapping) -> list[_TypeMatch]:
    gold_by_type = _group_by_type(gold.get("mentions") or [])
    predicted_by_type = _group_by_type(predicted.get("mentions") or [])
    return [_TypeMatch.build(mtype, gold_by_type.get(mtype, []), predicted_by_type.get(mtype, []))
            for mtype in _known_then_other_types(gold_by_type, predicted_by_type)]


def _document_score_table(matches: Sequence[_TypeMatch]) -> dict[str, dict[str, Score]]:
    table = {match.mtype: match.scores() for match in matches}
    table[ALL_TYPES] = {strength: Score() for strength in STRENGTHS}
    for mtype in list(table):
        if mtype != ALL_TYPES:
            for strength in STRENGTHS:
                table[ALL_TYPES][strength].add(table[mtype][strength])
    return table


# --------------------------------------------------------------------------
# Campaigns and article fields


def _campaign_value(campaign: Mapping, name: str) -> Any:
    value = campaign.get(name, ABSENT)
    if name == "plans" and isinstance(value, list):
        return frozenset(value)
    if name == "facts" and isinstance(value, list):
        return frozenset(tuple(span) for span in value)
    return value


def _campaign_diffs(gold: Mapping, predicted: Mapping) -> list[FieldDiff]:
    return [FieldDiff(name, gold.get(name, ABSENT), predicted.get(name, ABSENT))
            for name in CAMPAIGN_FIELDS
            if _campaign_value(gold, name) != _campaign_value(predicted, name)]


def _match_campaigns(doc_id: str, gold: Sequence[Mapping], predicted: Sequence[Mapping]
                     ) -> tuple[Score, dict[str, Ratio], list[CampaignError]]:
    pairs = pair_by_overlap([_span(c) for c in gold], [_span(c) for c in predicted])
    names = Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    shares = {name: Ratio() for name in CAMPAIGN_FIELDS}
    errors = []
    for g, p in pairs:
        diffs = _campaign_diffs(gold[g], predicted[p])
        for name, ratio in shares.items():
            ratio.count(all(diff.field != name for diff in diffs))
        if diffs:
            errors.append(_campaign_error(doc_id, "wrong", gold[g], predicted[p].get("rule"), diffs,
                                          predicted[p].get("evidence") or []))
    paired_gold, paired_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
    errors += [_campaign_error(doc_id, "missed", c, None)
               for g, c in enumerate(gold) if g not in paired_gold]
    errors += [_campaign_error(doc_id, "spurious", c, c.get("rule"), evidence=c.get("evidence") or [])
               for p, c in enumerate(predicted) if p not in paired_predicted]
    errors.sort(key=lambda error: (error.start, error.end))
    return names, shares, errors


def _campaign_error(doc_id: str, kind: str, campaign: Mapping, rule: str | None,
                    diffs: list[FieldDiff] | None = None, evidence: list[str] | None = None) -> CampaignError:
    return CampaignError(doc_id, kind, campaign.get("name"), campaign["start"], campaign["end"],
                         rule, diffs or [], list(evidence or []))


def _match_article_fields(doc_id: str, gold: Mapping, predicted: Mapping | None
                          ) -> tuple[dict[str, Ratio], list[ArticleFieldError]]:
    shares: dict[str, Ratio] = {}
    errors = []
    for name in ARTICLE_FIELDS:
        if name in OPTIONAL_ARTICLE_FIELDS and name not in gold:
            continue
        gold_value = gold.get(name, ABSENT)
        predicted_value = _article_value(predicted, name)
        shares[name] = Ratio(int(gold_value == predicted_value), 1)
        if gold_value != predicted_value:
            errors.append(ArticleFieldError(doc_id, name, gold_value, predicted_value))
    return shares, errors


def _article_value(record: Mapping | None, name: str) -> Any:
    if record is None:
        return ABSENT
    default = None if name in OPTIONAL_ARTICLE_FIELDS else ABSENT
    return record.get(name, default)


# --------------------------------------------------------------------------
# The corpus


def evaluate(gold: Mapping[str, dict], predicted: Mapping[str, dict]) -> Evaluation:
    """Score ``predicted`` records against ``gold`` records, both keyed by doc_id."""
    result = Evaluation(
        mention_scores=_empty_score_table(MENTION_TYPES + (ALL_TYPES,)),
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
    matches = _match_mentions(gold, predicted or {})
    table = _document_score_table(matches)
    _add_score_tables(result.mention_scores, table)
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

    names, shares, campaign_errors = _match_campaigns(
        doc_id, gold.get("campaigns") or [], (predicted or {}).get("campaigns") or [])
    result.campaign_names.add(names)
    for name, ratio in shares.items():
        result.campaign_fields[name].add(ratio)
    result.campaign_errors += campaign_errors

    article_shares, article_errors = _match_article_fields(doc_id, gold, predicted)
    for name, ratio in article_shares.items():
        result.article_fields[name].add(ratio)
    result.article_errors += article_errors
    result.documents.append(DocumentResult(doc_id, predicted is not None, table, names))


# --------------------------------------------------------------------------
# Loading records


def load_records_dir(path: str | Path) -> dict[str, dict]:
    """Every ``*.json`` file directly in ``path`` (not sub-folders), keyed by its doc_id.

    A record without ``doc_id`` is keyed by its file name without extension.
    Two files with the same doc_id raise ValueError.
    """
    records: dict[str, dict] = {}
    for file in sorted(Path(path).glob("*.json")):
        record = json.loads(file.read_text(encoding="utf-8"))
        _add_record(records, record.get("doc_id") or file.stem, record, str(file))
    return records


def load_records_jsonl(path: str | Path, errors: list[dict] | None = None) -> dict[str, dict]:
    """One record per line, keyed by doc_id; blank lines are skipped.

    A line holding an error object (a dict with an ``"error"`` key and no
    ``"mentions"``, written for a document the extractor could not read) is
    not a record: it is left out of the result and, when ``errors`` is a
    list, appended to it. Invalid JSON or a record without doc_id raise
    ValueError naming the line.
    """
    records: dict[str, dict] = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: invalid JSON ({exc})") from exc
            if isinstance(record, dict) and "error" in record and "mentions" not in record:
                if errors is not None:
                    errors.append(record)
                continue
            if not isinstance(record, dict) or not record.get("doc_id"):
                raise ValueError(f"{where}: not a record with a doc_id")
            _add_record(records, record["doc_id"], record, where)
    return records


def _add_record(records: dict[str, dict], doc_id: str, record: dict, where: str) -> None:
    if doc_id in records:
        raise ValueError(f"{where}: duplicate doc_id {doc_id!r}")
    records[doc_id] = record


# --------------------------------------------------------------------------
# The text report


def format_report(evaluation: Evaluation, errors: bool = False) -> str:
    """A plain-text report for a terminal; ``errors=True`` appends the error list."""
    sections = [_mention_table(evaluation), _field_table(evaluation), _fact_lines(evaluation),
                _campaign_lines(evaluation),
                _article_lines(evaluation), _document_lines(evaluation)]
    if errors:
        sections.append(_error_lines(evaluation))
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _mention_table(evaluation: Evaluation) -> list[str]:
    lines = [f"Mentions (micro-averaged over {len(evaluation.documents)} documents)",
             f"{'type':<9} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for mtype, by_strength in evaluation.mention_scores.items():
        if mtype == ALL_TYPES:
            continue
        lines += _score_rows(mtype, by_strength)
    lines += _score_rows(ALL_TYPES, evaluation.mention_scores[ALL_TYPES])
    return lines


def _score_rows(label: str, by_strength: Mapping[str, Score]) -> list[str]:
    rows = []
    for strength in STRENGTHS:
        s = by_strength[strength]
        name = label if strength == STRENGTHS[0] else ""
        rows.append(f"{name:<9} {strength:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                    f"{s.tp:6d} {s.fp:6d} {s.fn:6d}")
    return rows


def _field_table(evaluation: Evaluation) -> list[str]:
    lines = ["Field accuracy on exact matches",
             f"{'type':<9} {'field':<14} {'right':>11} {'acc':>6}"]
    for mtype, fields in evaluation.field_accuracy.items():
        for name, ratio in fields.items():
            if ratio.total:
                lines.append(f"{mtype:<9} {name:<14} {ratio.correct:>5}/{ratio.total:<5} {ratio.value:6.3f}")
    if len(lines) == 2:
        lines.append("(no exact matches)")
    return lines


def _fact_lines(evaluation: Evaluation) -> list[str]:
    lines = ["Periods and facts (scored apart: span, value, scheme, measure and period all right)",
             f"{'type':<9} {'period right':>13} {'acc':>6}   {'facts P':>7} {'R':>6} {'F1':>6}"]
    for mtype, ratio in evaluation.period_accuracy.items():
        s = evaluation.facts[mtype]
        lines.append(f"{mtype:<9} {ratio.correct:>6}/{ratio.total:<6} {ratio.value:6.3f}   "
                     f"{s.precision:7.3f} {s.recall:6.3f} {s.f1:6.3f}")
    return lines


def _campaign_lines(evaluation: Evaluation) -> list[str]:
    s = evaluation.campaign_names
    shares = "  ".join(f"{name} {ratio.correct}/{ratio.total} {ratio.value:.3f}"
                       for name, ratio in evaluation.campaign_fields.items())
    return ["Campaigns",
            f"names     P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp} fp {s.fp} fn {s.fn})",
            f"matched   {shares}"]


def _article_lines(evaluation: Evaluation) -> list[str]:
    lines = ["Article fields (share of documents right)"]
    for name, ratio in evaluation.article_fields.items():
        lines.append(f"{name:<15} {ratio.correct:>5}/{ratio.total:<5} {ratio.value:6.3f}")
    return lines


def _document_lines(evaluation: Evaluation) -> list[str]:
    lines = ["Documents (all mention types)",
             f"{'doc_id':<24} {'strict F1':>9} {'tp':>5} {'fp':>5} {'fn':>5} {'exact F1':>9} {'partial F1':>10}"]
    for doc in evaluation.documents:
        scores = doc.mention_scores[ALL_TYPES]
        strict = scores["strict"]
        note = "" if doc.has_prediction else "  NO PREDICTION"
        lines.append(f"{doc.doc_id:<24} {strict.f1:9.3f} {strict.tp:5d} {strict.fp:5d} {strict.fn:5d} "
                     f"{scores['exact'].f1:9.3f} {scores['partial'].f1:10.3f}{note}")
    if evaluation.unscored_predictions:
        lines.append("predictions without gold (not scored): " + ", ".join(evaluation.unscored_predictions))
    return lines


def _error_lines(evaluation: Evaluation) -> list[str]:
    lines = ["Errors"]
    missing = set(evaluation.missing_predictions)
    for doc in evaluation.documents:
        doc_lines = _document_error_lines(evaluation, doc.doc_id)
        if doc_lines:
            lines.append(f"== {doc.doc_id}" + (" (NO PREDICTION)" if doc.doc_id in missing else ""))
            lines += doc_lines
    if len(lines) == 1:
        lines.append("(none)")
    return lines


def _document_error_lines(evaluation: Evaluation, doc_id: str) -> list[str]:
    lines = [_mention_error_line(e) for e in evaluation.mention_errors if e.doc_id == doc_id]
    lines += [f"  ARTICLE   {e.field}: {_show(e.gold)} → {_show(e.predicted)}"
              for e in evaluation.article_errors if e.doc_id == doc_id]
    lines += [_campaign_error_line(e) for e in evaluation.campaign_errors if e.doc_id == doc_id]
    return lines


def _mention_error_line(error: MentionError) -> str:
    head = f"  {error.kind.upper():<9} {error.type} {error.start}-{error.end} {_show(error.text)}"
    head += _diff_note(error.diffs) + _rule_note(error.rule)
    if error.evidence:
        head += f"\n            evidence: {error.evidence}"
    if error.partner:
        side = "predicted" if error.kind == "missed" else "gold"
        partner = error.partner
        head += (f" [overlaps {side} {partner['start']}-{partner['end']} {_show(partner['text'])}"
                 f"{_rule_note(partner['rule'])}]")
    return head


def _campaign_error_line(error: CampaignError) -> str:
    head = f"  CAMPAIGN {error.kind.upper()} {error.start}-{error.end} {_show(error.name)}"
    head += _diff_note(error.diffs) + _rule_note(error.rule)
    return head + "".join(f"\n            evidence: {line}" for line in error.evidence)


def _diff_note(diffs: Sequence[FieldDiff]) -> str:
    """`` field: gold → predicted; ...`` for each wrong field."""
    return "".join(f"{';' if i else ''} {d.field}: {_show(d.gold)} → {_show(d.predicted)}"
                   for i, d in enumerate(diffs))


def _rule_note(rule: str | None) -> str:
    return f" (rule {rule})" if rule else ""


def _show(value: Any) -> str:
    if value is ABSENT:
        return "(absent)"
    return json.dumps(value, ensure_ascii=False)
