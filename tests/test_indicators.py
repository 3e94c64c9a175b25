"""The indicator table (bhxh_extract.indicators, module indicator_table) on small hand-made records,
and the `dataset` command end to end."""
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from bhxh_extract import indicators
from bhxh_extract.indicator_table import figures, sources

ROOT = Path(__file__).resolve().parent.parent


def _record(doc_id, *mentions, province="Hưng Yên", published="2024-03-05"):
    return {"schema_version": "1.1", "doc_id": doc_id, "text_sha256": "0" * 64, "title": f"Bài {doc_id}",
            "published": published, "province": province, "province_2025": province,
            "reference_date": published, "author": None, "mentions": list(mentions), "campaigns": [],
            "errors": []}


def _coverage(value, period="2023", start=100, measure="coverage", scheme="bhyt", comparator=None):
    return {"type": "percent", "start": start, "end": start + 5, "text": f"{value}%", "value": value,
            "value_max": None, "comparator": comparator, "scheme": scheme, "measure": measure, "period": period}


def _people(value, period="2023", start=200, scheme="bhxh_tu_nguyen"):
    return {"type": "count", "start": start, "end": start + 9, "text": f"{value} người", "value": value,
            "total": None, "value_max": None, "unit": "người", "scheme": scheme, "comparator": None,
            "period": period}


def test_the_same_figure_from_three_articles_is_one_row_with_three_sources():
    table = indicators([_record("a", _coverage(94.6)), _record("b", _coverage(94.60)),
                        _record("c", _coverage(94.6, start=900))])
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["n_sources"], row["doc_ids"], bool(row["conflict"])) == (3, "a; b; c", False)
    assert [s["doc_id"] for s in row["sources"]] == ["a", "b", "c"]
    assert (row["what"], row["period"], row["value"]) == ("coverage", "2023", 94.6)
    assert list(sources(table)["start"]) == [100, 100, 900]


def test_two_articles_that_share_no_value_for_a_key_are_a_conflict():
    table = indicators([_record("a", _coverage(94.6)), _record("b", _coverage(93.1))])
    assert len(table) == 2
    assert table["conflict"].all()
    assert set(table["conflicting_values"]) == {"93.1", "94.6"}


def test_different_values_within_one_article_are_different_facts_not_a_conflict():
    # an article giving two counts of people for the same scheme and year
    # (new and total participants) disagrees with nobody; a second article
    # repeating one of them agrees with it
    table = indicators([_record("a", _people(925), _people(8463, start=300)), _record("b", _people(8463))])
    assert not table["conflict"].any()
    assert sorted(table["n_sources"]) == [1, 2]


def test_a_target_is_kept_apart_from_the_achieved_value():
    table = indicators([_record("a", _coverage(95, measure="target")), _record("b", _coverage(93.35))])
    assert len(table) == 2 and not table["conflict"].any()
    assert set(table["what"]) == {"target", "coverage"}


def test_a_six_month_figure_is_kept_apart_from_the_year():
    table = indicators([_record("a", _coverage(91.2, period="2023-01/2023-06")), _record("b", _coverage(93.35))])
    assert len(table) == 2 and not table["conflict"].any()
    half = table[table["period"] == "2023-01/2023-06"].iloc[0]
    assert (half["period_start"], half["period_end"]) == (pd.Timestamp("2023-01-01"), pd.Timestamp("2023-06-30"))


def test_a_bound_is_kept_apart_from_a_level():
    table = indicators([_record("a", _coverage(90, comparator="gt")), _record("b", _coverage(92))])
    assert len(table) == 2 and not table["conflict"].any()


def test_figures_without_province_or_period_are_never_merged():
    table = indicators([_record("a", _coverage(100, period=None)), _record("b", _coverage(100, period=None)),
                        _record("c", _coverage(50), province=None), _record("d", _coverage(50), province=None)])
    assert len(table) == 4 and (table["n_sources"] == 1).all() and not table["conflict"].any()


def test_other_provinces_and_schemes_are_other_indicators():
    table = indicators([_record("a", _coverage(94.6)), _record("b", _coverage(91.0), province="Nam Định"),
                        _record("c", _coverage(91.0, scheme="bhxh"))])
    assert len(table) == 3 and not table["conflict"].any()


def test_figures_are_one_row_per_mention_and_skip_dates_and_error_lines():
    date = {"type": "date", "start": 0, "end": 9, "text": "11/7/2020", "value": "2020-07-11", "year_inferred": False}
    rows = figures([_record("a", date, _coverage(94.6), _people(925)), {"doc_id": "x", "error": "unreadable"}])
    assert list(rows["type"]) == ["percent", "count"]
    assert list(rows["what"]) == ["coverage", "người"]
    assert list(rows["title"]) == ["Bài a", "Bài a"]


def test_empty_input_gives_the_columns():
    table = indicators([])
    assert len(table) == 0 and {"province", "scheme", "what", "period", "sources", "conflict"} <= set(table)


def test_indicators_of_records_extracted_from_text():
    from bhxh_extract import extract
    text = ("BHXH tỉnh Hưng Yên: kết quả năm 2023\n"
            "Năm 2023, tỷ lệ bao phủ BHYT của tỉnh Hưng Yên đạt 94,6% dân số.")
    table = indicators([extract(text, "one", published="2024-01-10"), extract(text, "two", published="2024-01-12")])
    row = table[table["what"] == "coverage"].iloc[0]
    assert (row["province"], row["scheme"], row["period"], row["value"], row["n_sources"]) == \
        ("Hưng Yên", "bhyt", "2023", 94.6, 2)


def test_dataset_command_writes_the_table_its_sources_and_the_records(tmp_path):
    out = tmp_path / "indicators.csv"
    files = [str(ROOT / "corpus" / name) for name in ("012.txt", "013.txt")]
    done = subprocess.run([sys.executable, "-m", "bhxh_extract", "dataset", *files, "-o", str(out), "-j", "1"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")   # a BOM: Excel reads it as UTF-8
    table = pd.read_csv(out, encoding="utf-8-sig")
    source_rows = pd.read_csv(tmp_path / "indicators.sources.csv", encoding="utf-8-sig")
    records = [json.loads(line) for line in (tmp_path / "indicators.records.jsonl").read_text("utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {"012", "013"}
    figures_in_records = sum(1 for r in records for m in r["mentions"] if m["type"] in ("count", "percent", "money"))
    assert len(source_rows) == figures_in_records and table["n_sources"].sum() == figures_in_records
    # both articles report Hưng Yên's BHXH participants at the end of 2021: one row, two sources
    repeated = table[(table["value"] == 251545) & (table["scheme"] == "bhxh")]
    assert len(repeated) == 1 and repeated.iloc[0]["doc_ids"] == "012; 013"
    assert "2 records" in done.stderr


def test_dataset_command_from_records_and_its_usage_errors(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(_record("a", _coverage(94.6))) + "\n" + json.dumps(_record("b", _coverage(93.1)))
                       + "\n" + json.dumps({"doc_id": "c", "error": "unreadable"}) + "\n", "utf-8")
    out = tmp_path / "t.csv"
    done = subprocess.run([sys.executable, "-m", "bhxh_extract", "dataset", "--from-records", str(records),
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert len(table) == 2 and table["conflict"].all()
    bad = subprocess.run([sys.executable, "-m", "bhxh_extract", "dataset", str(records), "-o",
                          str(tmp_path / "t.xlsx")], capture_output=True, text=True)
    assert bad.returncode == 2 and ".csv or .parquet" in bad.stderr
    (tmp_path / "docs.jsonl").write_text('{"text": "x"}\n', "utf-8")
    wrong = subprocess.run([sys.executable, "-m", "bhxh_extract", "dataset", "--from-records",
                            str(tmp_path / "docs.jsonl"), "-o", str(out)], capture_output=True, text=True)
    assert wrong.returncode == 2 and "not a record" in wrong.stderr


def test_dataset_command_keeps_going_past_a_bad_document(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 10)
    good = ROOT / "corpus" / "013.txt"
    out = tmp_path / "i.csv"
    done = subprocess.run([sys.executable, "-m", "bhxh_extract", "dataset", str(bad), str(good), "-o", str(out),
                           "-j", "1"], capture_output=True, text=True)
    assert done.returncode == 1 and "bad" in done.stderr
    assert len(pd.read_csv(out, encoding="utf-8-sig")) > 0


@pytest.mark.parametrize("name", ["indicators", "figures"])
def test_the_table_functions_are_in_the_package_namespace(name):
    import bhxh_extract
    assert callable(getattr(bhxh_extract, name))
