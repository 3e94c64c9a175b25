"""Records as pandas tables: fixed columns and dtypes, typed values,
dates as bounds, the round trip through JSONL, and extract_frame."""
import io
import json
import subprocess
import sys
from datetime import datetime

import pytest

pd = pytest.importorskip("pandas")

from bhxh_extract import Failure, Record, extract  # noqa: E402
from bhxh_extract.frames import (CAMPAIGNS_META, DOCUMENTS_META, MENTIONS_META, COMPARATOR, CURRENCY,  # noqa: E402
                                 MEASURE, SCHEME, TYPE, Frames, date_bounds, extract_frame, plain,
                                 read_records, spark_schema, to_frames)
from conftest import CORPUS, ROOT  # noqa: E402


@pytest.fixture(scope="module")
def frames(corpus_records):
    return to_frames(list(corpus_records.values()) + [{"doc_id": "broken", "file": "broken.txt",
                                                      "error": "empty document"}])


def test_columns_and_dtypes_are_fixed_whatever_the_records(frames):
    empty = to_frames([])
    assert isinstance(frames, Frames)
    for table, meta in zip(frames, (DOCUMENTS_META, MENTIONS_META, CAMPAIGNS_META)):
        assert table.dtypes.equals(meta.dtypes)
    for table, meta in zip(empty, (DOCUMENTS_META, MENTIONS_META, CAMPAIGNS_META)):
        assert table.empty and table.dtypes.equals(meta.dtypes)
    assert str(frames.mentions["value_int"].dtype) == "Int64" and str(frames.mentions["value_num"].dtype) == "Float64"
    assert str(frames.mentions["start_date"].dtype) == "datetime64[ns]"


def test_categoricals_have_the_full_fixed_lists_of_the_schema():
    schema = json.loads((ROOT / "bhxh_extract" / "data" / "record.schema.json").read_text(encoding="utf-8"))
    assert list(SCHEME.categories) == [v for v in schema["$defs"]["scheme"]["enum"] if v]
    assert list(COMPARATOR.categories) == ["gt", "ge", "le", "lt", "approx"]
    assert list(TYPE.categories) == ["date", "doc_ref", "count", "percent", "money"]
    assert set(MEASURE.categories) == {"plan_completion", "coverage", "exceed", "growth", "target", "other"}
    assert "VND" in CURRENCY.categories and "USD" in CURRENCY.categories
    assert list(MENTIONS_META["scheme"].cat.categories) == list(SCHEME.categories)   # even with no rows


def test_every_mention_is_a_row_with_its_typed_value(frames, corpus_records):
    mentions = frames.mentions
    assert len(mentions) == sum(len(r.mentions) for r in corpus_records.values())
    row = mentions[(mentions.doc_id == "001_7943801ec36e4764") & (mentions.start == 2432)].iloc[0]
    assert (row.type, row.value_num, row.scheme, row.measure) == ("percent", 132.14, "bhxh_tu_nguyen", "plan_completion")
    assert pd.isna(row.value_int) and pd.isna(row.value_str)
    money = mentions[mentions.type == "money"]
    assert (money.value_int.notna()).all() and (money.currency.notna()).all()
    counts = mentions[mentions.type == "count"]
    for record in corpus_records.values():
        for m in record.of_type("count"):
            hit = counts[(counts.doc_id == record.doc_id) & (counts.start == m.start)]
            assert hit.value_int.item() == m["value"] and hit.unit.item() == m["unit"]
    ranged = mentions[(mentions.type == "date") & (mentions.value_str == "2020-07-11/2020-07-12")].iloc[0]
    assert (ranged.start_date, ranged.end_date) == (pd.Timestamp("2020-07-11"), pd.Timestamp("2020-07-12"))
    doc_ref = mentions[(mentions.type == "doc_ref") & (mentions.ref == "2043/KHLT-BHXH-BĐVN")].iloc[0]
    assert doc_ref.issued_date == pd.Timestamp("2020-06-24") and doc_ref.issuer.startswith("BHXH Việt Nam")


def test_documents_and_campaigns(frames, corpus_records):
    documents = frames.documents.set_index("doc_id")
    assert documents.loc["001_7943801ec36e4764", "province"] == "Trà Vinh"
    assert documents.loc["001_7943801ec36e4764", "n_mentions"] == len(corpus_records["001_7943801ec36e4764"].mentions)
    assert documents.loc["broken", "error"] == "empty document" and pd.isna(documents.loc["broken", "title"])
    assert documents.n_percent.sum() == (frames.mentions.type == "percent").sum()
    campaigns = frames.campaigns
    assert len(campaigns) == sum(len(r.campaigns) for r in corpus_records.values())
    first = campaigns[campaigns.doc_id == "001_7943801ec36e4764"].iloc[0]
    assert first.plans == "2043/KHLT-BHXH-BĐVN" and first.n_plans == 1
    assert first.n_facts == len(first.facts.split("; ")) and first.start_date == pd.Timestamp("2020-07-11")


@pytest.mark.parametrize("value,bounds", [
    ("2020", (datetime(2020, 1, 1), datetime(2020, 12, 31), "year")),
    ("2021-Q1", (datetime(2021, 1, 1), datetime(2021, 3, 31), "quarter")),
    ("2024-02", (datetime(2024, 2, 1), datetime(2024, 2, 29), "month")),
    ("2020-05-23T08:00", (datetime(2020, 5, 23), datetime(2020, 5, 23), "minute")),
    ("1995-02-16/2025-02-16", (datetime(1995, 2, 16), datetime(2025, 2, 16), "day")),
    ("2016/2020", (datetime(2016, 1, 1), datetime(2020, 12, 31), "year")),
    (None, (None, None, None))])
def test_date_bounds(value, bounds):
    assert date_bounds(value) == bounds


def test_a_value_outside_the_categories_is_an_error_not_a_silent_nan():
    record = extract("Thu được 5 triệu đồng.", "x").to_dict()
    record["mentions"][0]["currency"] = "XYZ"
    with pytest.raises(ValueError, match="XYZ"):
        to_frames([record])


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "bhxh_extract", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", check=False)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, corpus_records):
    """The same five documents (four articles, one missing file) in every
    output of the command line."""
    where = tmp_path_factory.mktemp("outputs")
    files = [*sorted(CORPUS.glob("*.txt"))[:3], where / "missing.txt", sorted(CORPUS.glob("*.txt"))[3]]
    for args in (["-o", where / "out.jsonl"], ["-o", where / "out.json"], ["-o", where / "csv", "--format", "csv"],
                 ["-o", where / "pq", "--format", "parquet"]):
        assert _cli(*files, "--explain", "-j", "1", *args).returncode == 1    # the missing file fails
    return where, [p.stem for p in files]


@pytest.mark.parametrize("output", ["out.jsonl", "out.json", "csv", "pq"])
def test_read_records_reads_every_output_and_keeps_the_failed_document(outputs, output, corpus_records):
    if output == "pq":
        pytest.importorskip("pyarrow")
    where, ids = outputs
    records = read_records(where / output)
    assert [r.doc_id for r in records] == ids                      # in input order, the failure in its place
    failed = records[3]
    assert isinstance(failed, Failure) and "No such file" in failed.error and failed.file.endswith("missing.txt")
    assert [r for r in records if isinstance(r, Record)] == [corpus_records[i] for i in ids if i != "missing"]
    assert all(m.rule for r in records if isinstance(r, Record) for m in r.mentions)
    documents = to_frames(records).documents
    assert documents.error.notna().sum() == 1 and documents.loc[3, "doc_id"] == "missing"


def test_read_records_reads_one_indented_record_and_any_json_array(tmp_path, corpus_records):
    article = sorted(CORPUS.glob("*.txt"))[0]
    single = tmp_path / "one.json"
    single.write_text(_cli(article).stdout, encoding="utf-8")          # the one-file default: indented JSON
    assert read_records(single) == [corpus_records[article.stem]]
    pretty = tmp_path / "pretty.json"                                   # as jq or json.dump(indent=2) writes it
    pretty.write_text(json.dumps([corpus_records[article.stem].to_dict(), {"doc_id": "x", "error": "empty document"}],
                                 ensure_ascii=False, indent=2), encoding="utf-8")
    assert [type(r).__name__ for r in read_records(pretty)] == ["Record", "Failure"]


def test_the_csv_tables_round_trip_through_read_csv_with_their_byte_order_mark(outputs):
    where, _ = outputs
    raw = (where / "csv" / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id,") and raw.count(b"\xef\xbb\xbf") == 1   # Excel reads it as UTF-8
    frames = to_frames(read_records(where / "csv"))
    for name in ("documents", "mentions", "campaigns"):
        written = pd.read_csv(where / "csv" / f"{name}.csv", encoding="utf-8-sig")
        # the same as the frames of read_records, once through CSV in memory
        expected = pd.read_csv(io.StringIO(getattr(frames, name).to_csv(index=False)))
        assert list(written.columns) == list(getattr(frames, name).columns)
        pd.testing.assert_frame_equal(written, expected, obj=name)
    documents = pd.read_csv(where / "csv" / "documents.csv", encoding="utf-8-sig")
    assert documents.title.tolist()[:3] == frames.documents.title.tolist()[:3]     # Vietnamese unchanged
    assert documents.error.notna().sum() == 1


@pytest.mark.parametrize("content,message", [
    ('{"id": "a", "text": "Ngày 11/7/2020 có 9 người."}\n', "an input document"),
    ("Ngày 11/7/2020, BHXH tỉnh vận động 925 người.\n", "not JSON"),
    ('{"doc_id": "a", "text_sha256": "00"\n', "not valid JSON"),
    ('[1, 2, 3]', "not an object"),
    ('{"name": "x", "value": 3}\n', "not a record of bhxh_extract"),
    ('{"schema_version": "2.0", "doc_id": "a", "text_sha256": "00", "mentions": [], "campaigns": []}\n',
     "schema_version '2.0'"),
    ('{"schema_version": "1.9", "doc_id": "a", "text_sha256": "00", "mentions": [], "campaigns": []}\n',
     "upgrade bhxh_extract"),
])
def test_read_records_refuses_what_is_not_records_naming_the_file(tmp_path, content, message):
    path = tmp_path / "records.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        read_records(path)
    assert str(path) in str(caught.value)


def test_read_records_on_a_directory_that_is_no_output(tmp_path, outputs):
    with pytest.raises(ValueError, match="no records.jsonl"):
        read_records(tmp_path)
    interrupted = tmp_path / "interrupted"
    interrupted.mkdir()
    (interrupted / "records.jsonl.partial").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="--resume"):
        read_records(interrupted)


def test_extract_frame_documents_in_mentions_out(corpus_records):
    paths = sorted(CORPUS.glob("*.txt"))
    df = pd.DataFrame({"id": [p.stem for p in paths], "text": [p.read_text(encoding="utf-8") for p in paths]})
    df.loc[len(df)] = {"id": "blank", "text": "   "}
    out = extract_frame(df)
    assert out.dtypes.equals(MENTIONS_META.dtypes)
    expected = to_frames(list(corpus_records.values())).mentions.drop(columns="rule")
    found = out[out.error.isna()].drop(columns="rule").reset_index(drop=True)
    pd.testing.assert_frame_equal(found, expected)
    failed = out[out.error.notna()]
    assert failed.doc_id.tolist() == ["blank"] and failed.error.tolist() == ["empty document"]
    documents = extract_frame(df, table="documents")
    assert documents.dtypes.equals(DOCUMENTS_META.dtypes) and len(documents) == len(df)


def test_extract_frame_reads_published_and_uses_the_index_without_ids():
    df = pd.DataFrame({"body": ["Ngày 11/7, có 925 người tham gia BHXH tự nguyện."],
                       "published": [pd.Timestamp("2021-07-20 10:30")]}, index=["doc-a"])
    out = extract_frame(df, text_col="body", table="documents")
    assert out.doc_id.tolist() == ["doc-a"] and out.published.tolist() == ["2021-07-20T10:30"]
    mentions = extract_frame(df, text_col="body")
    assert mentions[mentions.type == "date"].value_str.tolist() == ["2021-07-11"]


def test_engine_helpers():
    schema = spark_schema(MENTIONS_META)
    assert "`value_int` BIGINT" in schema and "`start_date` TIMESTAMP" in schema and "`scheme` STRING" in schema
    assert not any(isinstance(d, pd.CategoricalDtype) for d in plain(MENTIONS_META).dtypes)


def test_pandas_is_imported_only_when_tables_are_used():
    code = ("import sys, bhxh_extract; assert 'pandas' not in sys.modules; "
            "bhxh_extract.extract('Ngày 11/7/2020.'); assert 'pandas' not in sys.modules; "
            "bhxh_extract.to_frames([]); assert 'pandas' in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
