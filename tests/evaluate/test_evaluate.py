"""Tests of bhxh_extract.evaluate on small hand-made records."""

import copy
import json

import pytest

from bhxh_extract.evaluate import (
    ARTICLE_FIELDS,
    FIELDS_BY_TYPE,
    evaluate,
    format_report,
    load_records_dir,
    load_records_jsonl,
    values_equal,
)


def date(start, end, value, text=None, **extra):
    return {"type": "date", "start": start, "end": end, "text": text or "x" * (end - start),
            "value": value, "year_inferred": False, **extra}


def count(start, end, value, unit="người", text=None, **extra):
    return {"type": "count", "start": start, "end": end, "text": text or "x" * (end - start),
            "value": value, "total": None, "value_max": None, "unit": unit,
            "scheme": None, "comparator": None, **extra}


def percent(start, end, value, measure="coverage", **extra):
    return {"type": "percent", "start": start, "end": end, "text": "x" * (end - start),
            "value": value, "comparator": None, "scheme": "bhyt", "measure": measure, **extra}


def campaign(start, end, name="Lễ ra quân", date=None, plans=(), facts=(), kind="ceremony"):
    return {"name": name, "start": start, "end": end, "kind": kind, "date": date,
            "plans": list(plans), "facts": [list(span) for span in facts]}


def record(doc_id, mentions=(), campaigns=(), **article):
    base = {"doc_id": doc_id, "text_sha256": "0" * 64, "title": "Tiêu đề",
            "published": "2020-04-08T17:47", "province": "Vĩnh Phúc",
            "reference_date": "2020-04-08", "author": "NH",
            "mentions": list(mentions), "campaigns": list(campaigns)}
    base.update(article)
    return base


GOLD_MENTIONS = [date(0, 9, "2020-05-15"), count(20, 29, 925), percent(40, 46, 95.61)]


def one_doc(mentions, **article):
    return {"d1": record("d1", mentions, **article)}


def scores(evaluation, mtype="all", strength="strict"):
    return evaluation.mention_scores[mtype][strength]


def test_fields_by_type_matches_the_schema():
    # schema 1.1: ranges of percents and money carry value_max; `period` is scored apart
    assert FIELDS_BY_TYPE["percent"] == ("value", "value_max", "comparator", "scheme", "measure")
    assert FIELDS_BY_TYPE["money"] == ("value", "value_max", "currency", "comparator")
    assert FIELDS_BY_TYPE["count"] == ("value", "total", "value_max", "unit", "scheme", "comparator")
    assert ARTICLE_FIELDS == ("title", "published", "province", "province_2025", "reference_date", "author")


def test_perfect_prediction_scores_one_everywhere():
    gold = one_doc(GOLD_MENTIONS, campaigns=[campaign(50, 60, date="2020-05-15")])
    result = evaluate(gold, copy.deepcopy(gold))
    for mtype in ("date", "count", "percent", "all"):
        for strength in ("partial", "exact", "strict"):
            assert scores(result, mtype, strength).f1 == 1.0
    assert result.overall_strict_f1 == 1.0
    assert scores(result).tp == 3
    assert result.campaign_names.f1 == 1.0
    assert all(ratio.value == 1.0 for ratio in result.article_fields.values() if ratio.total)
    assert result.mention_errors == [] and result.campaign_errors == [] and result.article_errors == []
    assert result.documents[0].strict_f1 == 1.0


def test_type_absent_on_both_sides_reports_zero_with_zero_counts():
    result = evaluate(one_doc(GOLD_MENTIONS), one_doc(GOLD_MENTIONS))
    money = scores(result, "money")
    assert (money.tp, money.fp, money.fn, money.f1) == (0, 0, 0, 0.0)


def test_one_missed_mention_lowers_recall_only():
    result = evaluate(one_doc(GOLD_MENTIONS), one_doc(GOLD_MENTIONS[:2]))
    overall = scores(result)
    assert (overall.tp, overall.fp, overall.fn) == (2, 0, 1)
    assert overall.precision == 1.0
    assert overall.recall == pytest.approx(2 / 3)
    assert overall.f1 == pytest.approx(0.8)
    assert scores(result, "percent").recall == 0.0
    assert [(e.kind, e.type, e.start) for e in result.mention_errors] == [("missed", "percent", 40)]


def test_one_spurious_mention_lowers_precision_only_and_names_its_rule():
    extra = date(100, 104, "2020", rule="date.year")
    result = evaluate(one_doc(GOLD_MENTIONS), one_doc(GOLD_MENTIONS + [extra]))
    overall = scores(result)
    assert (overall.tp, overall.fp, overall.fn) == (3, 1, 0)
    assert overall.recall == 1.0
    assert overall.precision == pytest.approx(0.75)
    [error] = result.mention_errors
    assert (error.kind, error.type, error.start, error.end, error.rule) == ("spurious", "date", 100, 104, "date.year")


def test_wrong_value_keeps_exact_but_not_strict():
    predicted = copy.deepcopy(GOLD_MENTIONS)
    predicted[2].update(measure="other", rule="percent.rate")
    result = evaluate(one_doc(GOLD_MENTIONS), one_doc(predicted))
    assert scores(result, "percent", "exact").f1 == 1.0
    assert scores(result, "percent", "strict").f1 == 0.0
    assert scores(result, "all", "strict").f1 == pytest.approx(2 / 3)
    measure = result.field_accuracy["percent"]["measure"]
    assert (measure.correct, measure.total) == (0, 1)
    assert result.field_accuracy["percent"]["value"].value == 1.0
    [error] = result.mention_errors
    assert (error.kind, error.rule) == ("wrong", "percent.rate")
    assert [(d.field, d.gold, d.predicted) for d in error.diffs] == [("measure", "coverage", "other")]


def test_missing_field_in_prediction_is_wrong_even_if_gold_is_null():
    predicted = copy.deepcopy(GOLD_MENTIONS)
    del predicted[1]["scheme"]
    result = evaluate(one_doc(GOLD_MENTIONS), one_doc(predicted))
    assert result.field_accuracy["count"]["scheme"].value == 0.0
    assert result.mention_errors[0].to_dict()["diffs"] == [{"field": "scheme", "gold": None}]


def test_overlapping_span_counts_for_partial_only():
    gold = one_doc([count(20, 29, 925)])
    predicted = one_doc([count(20, 23, 925, rule="count.bare")])
    result = evaluate(gold, predicted)
    partial, exact = scores(result, "count", "partial"), scores(result, "count", "exact")
    assert (partial.tp, partial.fp, partial.fn) == (1, 0, 0)
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)
    kinds = sorted(e.kind for e in result.mention_errors)
    assert kinds == ["missed", "spurious"]
    missed = next(e for e in result.mention_errors if e.kind == "missed")
    assert missed.partner["rule"] == "count.bare"


def test_spans_touching_without_overlap_are_not_partial():
    result = evaluate(one_doc([count(20, 29, 925)]), one_doc([count(29, 35, 925)]))
    assert scores(result, "count", "partial").tp == 0


def test_same_span_different_type_does_not_match():
    result = evaluate(one_doc([count(20, 29, 925)]), one_doc([date(20, 29, "2020")]))
    assert scores(result, "all", "partial").tp == 0
    assert scores(result, "count", "partial").fn == 1
    assert scores(result, "date", "partial").fp == 1


@pytest.mark.parametrize("predicted_value, equal", [
    (50, True), (50.0, True), (50.004, True), (49.996, True), (50.02, False), (51, False),
])
def test_float_tolerance_in_strict_matching(predicted_value, equal):
    gold = one_doc([percent(0, 3, 50.0)])
    result = evaluate(gold, one_doc([percent(0, 3, predicted_value)]))
    assert scores(result, "percent", "strict").tp == int(equal)


def test_float_tolerance_does_not_blur_neighbouring_hundredths():
    assert not values_equal(0.3, 0.29)
    assert not values_equal(132.14, 132.15)
    assert values_equal(132.14, 132.14000001)
    assert values_equal(1186, 1186)
    assert not values_equal(1186, 1187)


def test_two_gold_overlapping_one_predicted_is_credited_once():
    gold = one_doc([count(0, 10, 1, unit="a"), count(10, 20, 2, unit="b")])
    predicted = one_doc([count(5, 18, 1)])  # overlaps the first by 5, the second by 8
    result = evaluate(gold, predicted)
    partial = scores(result, "count", "partial")
    assert (partial.tp, partial.fp, partial.fn) == (1, 0, 1)
    assert partial.precision == 1.0 and partial.recall == 0.5
    missed = next(e for e in result.mention_errors if e.kind == "missed")
    assert missed.start == 0  # the second gold (greater overlap) took the prediction
    assert missed.partner is None


def test_exact_pairs_win_over_greater_partial_overlap():
    gold = one_doc([count(0, 10, 1), count(12, 20, 2)])
    predicted = one_doc([count(0, 10, 1), count(2, 18, 2)])
    result = evaluate(gold, predicted)
    assert scores(result, "count", "exact").tp == 1
    assert scores(result, "count", "partial").tp == 2


def test_campaigns_matched_by_overlap_with_date_plans_and_facts_shares():
    gold_campaigns = [
        campaign(10, 50, "Lễ ra quân hưởng ứng Tháng vận động", "2020-05-21", ["548/KH-BHXH"], [(60, 69), (70, 75)]),
        campaign(30, 50, "Tháng vận động", kind="drive"),
        campaign(200, 220, "phong trào thi đua", kind="emulation"),
    ]
    predicted_campaigns = [
        campaign(10, 48, "Lễ ra quân hưởng ứng Tháng vận", "2020-05-21", ["548/KH-BHXH"], [(70, 75), (60, 69)]),
        campaign(30, 50, "Tháng vận động", date="2020-05", plans=["548/KH-BHXH"], kind="drive"),
        campaign(300, 310, "cuộc vận động", kind="drive"),
    ]
    gold = {"d1": record("d1", campaigns=gold_campaigns)}
    predicted = {"d1": record("d1", campaigns=predicted_campaigns)}
    result = evaluate(gold, predicted)
    names = result.campaign_names
    assert (names.tp, names.fp, names.fn) == (2, 1, 1)
    assert names.f1 == pytest.approx(2 / 3)
    fields = result.campaign_fields
    assert (fields["date"].correct, fields["date"].total) == (1, 2)
    assert (fields["plans"].correct, fields["plans"].total) == (1, 2)
    assert (fields["facts"].correct, fields["facts"].total) == (2, 2)  # order does not matter
    assert fields["name"].correct == 1
    kinds = sorted((e.kind, e.start) for e in result.campaign_errors)
    assert kinds == [("missed", 200), ("spurious", 300), ("wrong", 10), ("wrong", 30)]
    wrong_drive = next(e for e in result.campaign_errors if e.kind == "wrong" and e.start == 30)
    assert {d.field for d in wrong_drive.diffs} == {"date", "plans"}


def test_nested_campaign_pairs_with_its_own_span():
    gold = {"d1": record("d1", campaigns=[campaign(209, 314), campaign(220, 238, "ngày BHYT Việt Nam")])}
    predicted = {"d1": record("d1", campaigns=[campaign(220, 238, "ngày BHYT Việt Nam")])}
    result = evaluate(gold, predicted)
    assert result.campaign_fields["name"].value == 1.0
    [missed] = result.campaign_errors
    assert (missed.kind, missed.start) == ("missed", 209)


def test_article_field_accuracy():
    gold = {"a": record("a", province_2025="Phú Thọ"), "b": record("b", author=None)}
    predicted = {"a": record("a", province="Hà Nội", province_2025="Phú Thọ"), "b": record("b", author="NH")}
    result = evaluate(gold, predicted)
    fields = result.article_fields
    assert (fields["province"].correct, fields["province"].total) == (1, 2)
    assert (fields["author"].correct, fields["author"].total) == (1, 2)
    assert (fields["title"].correct, fields["title"].total) == (2, 2)
    # province_2025 only where the gold has the key
    assert (fields["province_2025"].correct, fields["province_2025"].total) == (1, 1)
    errors = sorted((e.doc_id, e.field, e.gold, e.predicted) for e in result.article_errors)
    assert errors == [("a", "province", "Vĩnh Phúc", "Hà Nội"), ("b", "author", None, "NH")]


def test_optional_province_2025_missing_in_prediction_counts_as_null():
    gold = {"a": record("a", province=None, province_2025=None), "b": record("b", province_2025="Phú Thọ")}
    predicted = {"a": record("a", province=None), "b": record("b")}
    assert evaluate(gold, predicted).article_fields["province_2025"].correct == 1


def test_document_missing_from_predictions_counts_as_all_missed():
    gold = {"d1": record("d1", GOLD_MENTIONS), "d2": record("d2", [count(0, 5, 3)], [campaign(0, 9)])}
    predicted = {"d1": record("d1", GOLD_MENTIONS), "stray": record("stray", [count(0, 5, 3)])}
    result = evaluate(gold, predicted)
    overall = scores(result)
    assert (overall.tp, overall.fp, overall.fn) == (3, 0, 1)
    assert result.missing_predictions == ["d2"]
    assert result.unscored_predictions == ["stray"]
    assert result.campaign_names.fn == 1
    assert result.article_fields["title"].value == 0.5
    d2 = next(doc for doc in result.documents if doc.doc_id == "d2")
    assert not d2.has_prediction and d2.strict_f1 == 0.0
    assert [d.doc_id for d in result.documents] == ["d1", "d2"]


def test_per_document_scores_are_separate_and_sum_to_micro():
    gold = {"a": record("a", GOLD_MENTIONS), "b": record("b", GOLD_MENTIONS)}
    predicted = {"a": record("a", GOLD_MENTIONS), "b": record("b", GOLD_MENTIONS[:1])}
    result = evaluate(gold, predicted)
    by_doc = {doc.doc_id: doc for doc in result.documents}
    assert by_doc["a"].strict_f1 == 1.0
    assert by_doc["b"].strict_f1 == pytest.approx(0.5)
    assert scores(result).tp == 4 and scores(result).fn == 2
    assert result.overall_strict_f1 == pytest.approx(0.8)


def _report_case():
    gold = {"d1": record("d1", GOLD_MENTIONS, [campaign(50, 60)]), "d2": record("d2", [count(0, 5, 3)])}
    wrong = copy.deepcopy(GOLD_MENTIONS[:2])
    wrong[1].update(value=952, rule="count.people")
    predicted = {"d1": record("d1", wrong + [date(100, 104, "2020", rule="date.year")])}
    return evaluate(gold, predicted)


def test_format_report_has_tables_and_no_errors_by_default():
    report = format_report(_report_case())
    for heading in ("Mentions", "Field accuracy", "Campaigns", "Article fields", "Documents"):
        assert heading in report
    assert "strict" in report and "partial" in report
    assert "MISSED" not in report
    d1_line = next(line for line in report.splitlines() if line.startswith("d1"))
    # strict: the date is right, the count has a wrong value, one date is spurious, the percent missed
    assert d1_line.split()[1:5] == ["0.333", "1", "2", "2"]
    assert "NO PREDICTION" in next(line for line in report.splitlines() if line.startswith("d2"))


def test_format_report_with_errors_lists_them_by_document():
    report = format_report(_report_case(), errors=True)
    lines = report.splitlines()
    assert "== d1" in lines
    assert any(line.strip().startswith("MISSED") and "percent 40-46" in line for line in lines)
    assert any(line.strip().startswith("SPURIOUS") and "(rule date.year)" in line for line in lines)
    wrong = next(line for line in lines if line.strip().startswith("WRONG"))
    assert "value: 925 → 952" in wrong and "(rule count.people)" in wrong
    assert any(line.startswith("== d2") and "NO PREDICTION" in line for line in lines)
    assert any("CAMPAIGN MISSED 50-60" in line for line in lines)


def test_to_dict_round_trips_through_json():
    result = _report_case()
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["overall_strict_f1"] == pytest.approx(result.overall_strict_f1)
    assert data["mentions"]["count"]["exact"]["tp"] == 1
    assert data["missing_predictions"] == ["d2"]
    wrong = next(e for e in data["errors"]["mentions"] if e["kind"] == "wrong")
    assert wrong["rule"] == "count.people"
    assert wrong["diffs"] == [{"field": "value", "gold": 925, "predicted": 952}]
    assert data["campaigns"]["names"]["fn"] == 1
    assert {doc["doc_id"] for doc in data["per_document"]} == {"d1", "d2"}


def test_load_records_dir(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(record("005")), encoding="utf-8")
    (tmp_path / "two.json").write_text(json.dumps(record("006")), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a record", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "one.json").write_text(json.dumps(record("draft")), encoding="utf-8")
    assert sorted(load_records_dir(tmp_path)) == ["005", "006"]


def test_load_records_jsonl_skips_blank_and_error_lines(tmp_path):
    path = tmp_path / "out.jsonl"
    lines = [json.dumps(record("005")), "", json.dumps({"doc_id": "006", "error": "cannot decode"}),
             "  ", json.dumps(record("007"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = []
    records = load_records_jsonl(path, errors=errors)
    assert sorted(records) == ["005", "007"]
    assert errors == [{"doc_id": "006", "error": "cannot decode"}]
    assert sorted(load_records_jsonl(path)) == ["005", "007"]


def test_load_records_jsonl_reports_bad_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(record("005")) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":2"):
        load_records_jsonl(path)


def test_period_is_scored_apart_with_its_accuracy_and_facts_f1():
    """Guide section 6: a wrong period leaves the type scores alone, lowers
    period accuracy and facts F1, and is listed as a `period` error."""
    gold = one_doc([count(20, 29, 925, period="2020-07-11"), percent(40, 46, 95.61, period="2020"),
                    count(60, 66, 12, period=None)])
    predicted = one_doc([count(20, 29, 925, period="2020-07-11"), percent(40, 46, 95.61, period="2021"),
                         count(60, 66, 13, period=None), count(80, 85, 7, period=None)])
    result = evaluate(gold, predicted)
    assert (scores(result).tp, scores(result).fp, scores(result).fn) == (2, 2, 1)   # the period counts for nothing here
    assert (result.period_accuracy["all"].correct, result.period_accuracy["all"].total) == (2, 3)
    assert (result.period_accuracy["percent"].correct, result.period_accuracy["percent"].total) == (0, 1)
    facts = result.facts["all"]
    assert (facts.tp, facts.fp, facts.fn) == (1, 3, 2)      # only 925 people on 2020-07-11 is a right fact
    kinds = sorted((e.kind, e.start) for e in result.mention_errors)
    assert kinds == [("period", 40), ("spurious", 80), ("wrong", 60)]
    period_error = next(e for e in result.mention_errors if e.kind == "period")
    assert [(d.field, d.gold, d.predicted) for d in period_error.diffs] == [("period", "2020", "2021")]
    report = format_report(result, errors=True)
    assert "Periods and facts" in report and "PERIOD" in report
    data = result.to_dict()
    assert data["period_accuracy"]["all"]["correct"] == 2 and data["facts"]["all"]["tp"] == 1


def test_a_wrong_mention_and_a_wrong_campaign_show_the_evidence_that_decided_them():
    gold = one_doc([percent(40, 46, 95.61, measure="coverage")], campaigns=[campaign(0, 10, date="2020-07-11")])
    wrong = percent(40, 46, 95.61, measure="target", rule="percent.rate",
                    evidence="measure ← goal 'phấn đấu' (clause)")
    predicted = one_doc([wrong], campaigns=[{**campaign(0, 10, date="2020-07-12"),
                                             "evidence": ["date 2020-07-12 (the sentence reporting it)"]}])
    result = evaluate(gold, predicted)
    error = next(e for e in result.mention_errors if e.kind == "wrong")
    assert error.evidence == "measure ← goal 'phấn đấu' (clause)"
    assert result.campaign_errors[0].evidence == ["date 2020-07-12 (the sentence reporting it)"]
    report = format_report(result, errors=True)
    assert "evidence: measure ← goal 'phấn đấu' (clause)" in report
    assert "evidence: date 2020-07-12 (the sentence reporting it)" in report
