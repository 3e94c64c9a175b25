"""What `evaluate` measures: the counters, the errors and the result
objects (see the package doc for how they are counted)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..records import FIELDS_BY_TYPE as RECORD_FIELDS


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


def empty_score_table(types: Iterable[str]) -> dict[str, dict[str, Score]]:
    return {mtype: {strength: Score() for strength in STRENGTHS} for mtype in types}


def add_score_tables(total: dict[str, dict[str, Score]], part: dict[str, dict[str, Score]]) -> None:
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


