"""The plain-text report of an Evaluation, for a terminal."""
from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from .results import ABSENT, ALL_TYPES, STRENGTHS, CampaignError, Evaluation, FieldDiff, MentionError, Score

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

