"""The one comparison of records with gold, used by the scorer and by the
HTML view alike: values, span pairing, mention, campaign and article-field
matches with their differences."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..records import FIELDS_BY_TYPE as RECORD_FIELDS
from .results import (ABSENT, ARTICLE_FIELDS, CAMPAIGN_FIELDS, FACT_FIELDS, FIELDS_BY_TYPE, FLOAT_TOLERANCE, MENTION_TYPES, OPTIONAL_ARTICLE_FIELDS, SCORED_APART, STRENGTHS, ALL_TYPES, ArticleFieldError, CampaignError, FieldDiff, MentionError, Ratio, Score)

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


def match_mentions(gold: Mapping, predicted: Mapping) -> list[_TypeMatch]:
    gold_by_type = _group_by_type(gold.get("mentions") or [])
    predicted_by_type = _group_by_type(predicted.get("mentions") or [])
    return [_TypeMatch.build(mtype, gold_by_type.get(mtype, []), predicted_by_type.get(mtype, []))
            for mtype in _known_then_other_types(gold_by_type, predicted_by_type)]


def document_score_table(matches: Sequence[_TypeMatch]) -> dict[str, dict[str, Score]]:
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


def campaign_diffs(gold: Mapping, predicted: Mapping) -> list[FieldDiff]:
    return [FieldDiff(name, gold.get(name, ABSENT), predicted.get(name, ABSENT))
            for name in CAMPAIGN_FIELDS
            if _campaign_value(gold, name) != _campaign_value(predicted, name)]


def match_campaigns(doc_id: str, gold: Sequence[Mapping], predicted: Sequence[Mapping]
                     ) -> tuple[Score, dict[str, Ratio], list[CampaignError]]:
    pairs = pair_by_overlap([_span(c) for c in gold], [_span(c) for c in predicted])
    names = Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    shares = {name: Ratio() for name in CAMPAIGN_FIELDS}
    errors = []
    for g, p in pairs:
        diffs = campaign_diffs(gold[g], predicted[p])
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


def match_article_fields(doc_id: str, gold: Mapping, predicted: Mapping | None
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


