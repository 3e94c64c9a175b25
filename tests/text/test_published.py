"""`published` in every form and every entry point: the API, JSONL documents,
the command line's --published, dataframes; always stored in the schema's
local form, a bad value a clear error (the API) or a noted one (batches)."""
import json
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

from bhxh_extract import extract
from bhxh_extract.batch import Task, run_task
from bhxh_extract.text.published import normalize_published
from conftest import ROOT

PARTIAL = "Tin\nSáng 7/2, BHXH tỉnh ra quân vận động 925 người tham gia BHXH tự nguyện."

FORMS = [
    ("2021-03-05", "2021-03-05"),
    ("2021-03-05T09:30", "2021-03-05T09:30"),
    ("2021-03-05 09:30:45", "2021-03-05T09:30"),
    ("2021-03-05T09:30:45.120+07:00", "2021-03-05T09:30"),
    ("2021-03-05T09:30+0700", "2021-03-05T09:30"),
    ("2021-03-05T02:30:00Z", "2021-03-05T09:30"),          # UTC: Vietnam's clock is 7 hours ahead
    ("2021-03-04T19:30:00-05:00", "2021-03-05T07:30"),
    ("2021-03-04T17:00:00Z", "2021-03-05"),                # midnight in Vietnam: the day only
    ("2021-03-05T00:00:00", "2021-03-05"),                 # a CMS's day-only value
    ("05/03/2021", "2021-03-05"), ("5/3/2021", "2021-03-05"), ("05-03-2021", "2021-03-05"),
    ("05/03/2021 09:30", "2021-03-05T09:30"), (" 05/03/2021 9:30 ", "2021-03-05T09:30"),
    (date(2021, 3, 5), "2021-03-05"), (datetime(2021, 3, 5, 9, 30), "2021-03-05T09:30"),
    (datetime(2021, 3, 5, 2, 30, tzinfo=timezone.utc), "2021-03-05T09:30"),
    (None, None), ("", None), ("  ", None), (float("nan"), None),
]
BAD = ["hôm qua", "05/13/2021", "31/02/2021", "2021-3-5", "2021", "2021-03", "05.03.2021", "05/03/21",
       "2021-03-05T25:00", "2021-03-05garbage", 20210305, ["2021-03-05"]]


@pytest.mark.parametrize("given,stored", FORMS, ids=[repr(f[0]) for f in FORMS])
def test_forms_normalised_to_the_schemas_local_form(given, stored):
    assert normalize_published(given) == stored


@pytest.mark.parametrize("given,stored", [f for f in FORMS if f[1]], ids=[repr(f[0]) for f in FORMS if f[1]])
def test_the_api_takes_every_form(given, stored, schema_validator):
    record = extract(PARTIAL, "x", published=given)
    assert record.published == stored and record.reference_date == stored[:10]
    assert record.mentions[0].get("value") == "2021-02-07"   # the partial date, against that year
    schema_validator.validate(record.to_dict())


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_the_api_refuses_anything_else_naming_the_value(bad):
    with pytest.raises(ValueError, match="published") as caught:
        extract(PARTIAL, "x", published=bad)
    assert repr(bad) in str(caught.value)
    assert "DD/MM/YYYY" in str(caught.value) or "calendar" in str(caught.value)


@pytest.mark.parametrize("given,stored", [f for f in FORMS if isinstance(f[0], str) and f[1]],
                         ids=[f[0] for f in FORMS if isinstance(f[0], str) and f[1]])
def test_a_jsonl_documents_published_in_every_form(given, stored, schema_validator):
    outcome = run_task(Task(doc_id="d", source="docs.jsonl", line=1, text=PARTIAL, published=given))
    assert outcome.error is None and outcome.record["published"] == stored
    schema_validator.validate(outcome.record)


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_a_bad_jsonl_published_is_an_errors_entry_not_a_failure(bad, schema_validator):
    outcome = run_task(Task(doc_id="d", source="docs.jsonl", line=1, text=PARTIAL, published=bad))
    assert outcome.error is None
    assert outcome.record["published"] is None and outcome.record["mentions"]
    assert repr(bad) in outcome.record["errors"][0] and outcome.record["errors"][0].endswith("; ignored")
    schema_validator.validate(outcome.record)


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "bhxh_extract", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, encoding="utf-8")


def test_the_command_line_published_option(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(PARTIAL, encoding="utf-8")
    out = run(article, "--published", "2021-03-05T02:30:00Z")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["published"] == "2021-03-05T09:30"
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "own", "text": PARTIAL, "published": "01/01/2019"}) + "\n"
                    + json.dumps({"id": "none", "text": PARTIAL}) + "\n", encoding="utf-8")
    out = run(docs, "--published", "05/03/2021")
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["doc_id"], r["published"]) for r in records] == [("own", "2019-01-01"), ("none", "2021-03-05")]
    refused = run(article, "--published", "05/13/2021")
    assert refused.returncode == 2 and "'05/13/2021'" in refused.stderr and refused.stdout == ""


def test_a_dataframes_bad_published_is_noted_not_a_failure():
    pd = pytest.importorskip("pandas")
    from bhxh_extract.frames import extract_frame
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": [PARTIAL] * 3,
                       "published": ["05/03/2021", "hôm qua", pd.Timestamp("2021-03-05 02:30", tz="UTC")]})
    documents = extract_frame(df, table="documents").set_index("doc_id")
    assert documents.loc["a", "published"] == "2021-03-05" and pd.isna(documents.loc["a", "errors"])
    assert pd.isna(documents.loc["b", "published"]) and "'hôm qua'" in documents.loc["b", "errors"]
    assert pd.isna(documents.loc["b", "error"])                      # the document did not fail
    assert documents.loc["c", "published"] == "2021-03-05T09:30"
