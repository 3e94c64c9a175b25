"""Label Studio and doccano: export, import, and the gold → Label Studio → gold round trip."""
import copy
import json
import random
import xml.etree.ElementTree as ET

import pytest

from conftest import CORPUS, GOLD
from bhxh_extract import extract
from bhxh_extract.annotation import (LABEL_CONFIG, config_path, doccano_line, export_main,
                                     gold_from_task, gold_json, import_main, labelstudio_task, parse_fields)
from bhxh_extract.text.reading import DocumentError, read_document

GOLD_FILES = sorted(GOLD.glob("*.json"))


def _task(gold_path):
    record = json.loads(gold_path.read_text(encoding="utf-8"))
    return labelstudio_task(read_document(CORPUS / f"{record['doc_id']}.txt"), record)


def _as_labelstudio_export(task, shuffle_seed=None):
    """What Label Studio exports after a person submits the pre-annotation unchanged:
    the result moves to `annotations`, with Label Studio's own keys around it."""
    task = copy.deepcopy(task)
    result = task.pop("predictions")[0]["result"]
    for item in result:
        item["origin"] = "prediction"
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(result)
    task.update(id=17, annotations=[{"id": 3, "completed_by": 1, "was_cancelled": False, "result": result,
                                     "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-01T10:00:00Z"}],
                predictions=[])
    return task


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_round_trip_is_identical(gold_path, schema_validator):
    exported = _as_labelstudio_export(_task(gold_path), shuffle_seed=len(gold_path.stem))
    record = gold_from_task(exported, CORPUS)
    schema_validator.validate(record)
    assert gold_json(record) == gold_path.read_text(encoding="utf-8")


def test_round_trip_through_the_command_line(tmp_path):
    tasks = tmp_path / "tasks.json"
    assert export_main(["--to", "labelstudio", str(GOLD), "--corpus", str(CORPUS), "-o", str(tasks)]) == 0
    assert config_path(tasks).read_text(encoding="utf-8") == LABEL_CONFIG
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps([_as_labelstudio_export(t) for t in json.loads(tasks.read_text("utf-8"))],
                                   ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "gold"
    assert import_main(["--from", "labelstudio", str(exported), "--corpus", str(CORPUS), "-o", str(out)]) == 0
    for gold_path in GOLD_FILES:
        assert (out / gold_path.name).read_bytes() == gold_path.read_bytes(), gold_path.name


def test_task_shape():
    task = _task(GOLD / "001_7943801ec36e4764.json")
    assert set(task["data"]) == {"text", "doc_id", "text_sha256"}
    result = task["predictions"][0]["result"]
    label = next(r for r in result if r["type"] == "labels")
    assert label["value"] == {"start": 320, "end": 361, "text": "Kế hoạch liên tịch số 2043/KHLT-BHXH-BĐVN",
                              "labels": ["doc_ref"]}
    fields = next(r for r in result if r["type"] == "textarea" and r["id"] == label["id"])
    assert fields["from_name"] == "fields" and fields["value"]["start"] == 320
    assert 'ref="2043/KHLT-BHXH-BĐVN"' in fields["value"]["text"]
    relations = [r for r in result if r["type"] == "relation"]
    assert relations and all(r["labels"] == ["fact"] and r["from_id"].startswith("c") for r in relations)
    article = next(r for r in result if r.get("from_name") == "article")
    assert 'province="Trà Vinh"' in article["value"]["text"]


def test_labelling_config_names_what_the_results_use():
    root = ET.fromstring(LABEL_CONFIG)
    labels = [el.get("value") for el in root.iter("Label")]
    assert labels == ["date", "doc_ref", "count", "percent", "money", "campaign"]
    names = {el.get("name") for el in root.iter() if el.get("name")}
    per_region = [el for el in root.iter("TextArea") if el.get("perRegion") == "true"]
    assert [el.get("name") for el in per_region] == ["fields"]
    assert [el.get("value") for el in root.iter("Relation")] == ["fact"]
    task = _task(GOLD / "002_99ab8d09b1cfcf91.json")
    used = {r["from_name"] for r in task["predictions"][0]["result"] if "from_name" in r}
    assert used <= names


def test_a_correction_made_in_label_studio_reaches_gold():
    task = _as_labelstudio_export(_task(GOLD / "002_99ab8d09b1cfcf91.json"))
    result = task["annotations"][0]["result"]
    region = next(r for r in result if r["type"] == "labels" and r["value"]["text"] == "9/9 địa bàn")["id"]
    fields = next(r for r in result if r["type"] == "textarea" and r["id"] == region)
    fields["value"]["text"] = [line.replace("scheme=null", "scheme=\"bhxh_tu_nguyen\"")
                               for line in fields["value"]["text"]]
    record = gold_from_task(task, CORPUS)
    mention = next(m for m in record["mentions"] if m["text"] == "9/9 địa bàn")
    assert mention["scheme"] == "bhxh_tu_nguyen"
    # removing a relation removes the fact
    campaign_facts = record["campaigns"][0]["facts"]
    first = next(i for i, r in enumerate(result) if r["type"] == "relation" and r["from_id"] == "c0")
    del result[first]
    assert len(gold_from_task(task, CORPUS)["campaigns"][0]["facts"]) == len(campaign_facts) - 1


def test_bad_tasks_are_named_and_the_others_still_written(tmp_path):
    good = _as_labelstudio_export(_task(GOLD / "000_a072e28bf1db9082.json"))
    shifted = _as_labelstudio_export(_task(GOLD / "001_7943801ec36e4764.json"))
    label = next(r for r in shifted["annotations"][0]["result"] if r["type"] == "labels")
    label["value"]["start"] += 1
    invalid = _as_labelstudio_export(_task(GOLD / "002_99ab8d09b1cfcf91.json"))
    fields = next(r for r in invalid["annotations"][0]["result"] if r["type"] == "textarea"
                  and any(line.startswith("measure=") for line in r["value"]["text"]))
    fields["value"]["text"] = [line if not line.startswith("measure=") else 'measure="most"'
                               for line in fields["value"]["text"]]
    with pytest.raises(DocumentError, match=r"001_7943801ec36e4764: region m0: its text"):
        gold_from_task(shifted, CORPUS)
    with pytest.raises(DocumentError, match=r"002_99ab8d09b1cfcf91: not a valid record at mentions/"):
        gold_from_task(invalid, CORPUS)
    export = tmp_path / "export.json"
    export.write_text(json.dumps([shifted, good, invalid], ensure_ascii=False), encoding="utf-8")
    assert import_main(["--from", "labelstudio", str(export), "--corpus", str(CORPUS), "-o", str(tmp_path / "g")]) == 1
    assert [p.name for p in (tmp_path / "g").iterdir()] == ["000_a072e28bf1db9082.json"]


def test_unannotated_tasks_need_use_predictions(tmp_path):
    task = _task(GOLD / "000_a072e28bf1db9082.json")
    assert gold_from_task(task, CORPUS) is None
    assert gold_from_task(task, CORPUS, use_predictions=True)["doc_id"] == "000_a072e28bf1db9082"
    cancelled = _as_labelstudio_export(task)
    cancelled["annotations"][0]["was_cancelled"] = True
    assert gold_from_task(cancelled, CORPUS) is None


EMOJI_TEXT = ("Vận động BHXH tự nguyện 🎉\nNgày 11/7/2020 👏👏 BHXH tỉnh vận động được 925 người 🙌 tham gia "
              "BHXH tự nguyện, đạt 101,5% 💯 kế hoạch.\n")


def _labels(task_or_result):
    result = task_or_result["predictions"][0]["result"] if "predictions" in task_or_result else task_or_result
    return [r for r in result if r["type"] == "labels"]


def test_offsets_are_code_points_both_ways(tmp_path, schema_validator):
    """Label Studio 1.23 counts offsets in code points: emoji before, between
    and after regions shift nothing (a UTF-16 offset would be one more per emoji)."""
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    record = extract(EMOJI_TEXT, "emoji").to_dict()
    task = labelstudio_task(EMOJI_TEXT, record)
    labels = _labels(task)
    assert {r["value"]["text"] for r in labels} >= {"11/7/2020", "925 người", "101,5%"}
    for region in labels:
        value = region["value"]
        assert EMOJI_TEXT[value["start"]:value["end"]] == value["text"]       # code points
    count = next(r for r in labels if r["value"]["text"] == "925 người")
    assert count["value"]["start"] == EMOJI_TEXT.index("925")               # 3 emoji before it, no shift
    back = gold_from_task(task, tmp_path, use_predictions=True)
    schema_validator.validate(back)
    assert [(m["start"], m["end"]) for m in back["mentions"]] == [(m["start"], m["end"]) for m in record["mentions"]]


def test_a_region_drawn_after_an_emoji_is_imported_at_its_code_points(tmp_path):
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    task = {"data": {"text": EMOJI_TEXT, "doc_id": "emoji"}, "predictions": []}
    start = EMOJI_TEXT.index("925")
    drawn = {"id": "x1", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": start, "end": start + 9, "text": "925 người", "labels": ["count"]}}
    fields = {"id": "x1", "from_name": "fields", "to_name": "text", "type": "textarea",
              "value": {"start": start, "end": start + 9, "text": ["value=925", "unit=người"]}}
    task["annotations"] = [{"id": 1, "result": [drawn, fields]}]
    [mention] = gold_from_task(task, tmp_path)["mentions"]
    assert (mention["start"], mention["text"]) == (start, "925 người")
    # the same region in UTF-16 units (one more per emoji before it) is refused, naming it
    utf16 = copy.deepcopy(task)
    utf16["annotations"][0]["result"][0]["value"].update(start=start + 3, end=start + 12)
    with pytest.raises(DocumentError, match=r"emoji: region x1: its text '925 người' is not the corpus text"):
        gold_from_task(utf16, tmp_path)


def _export_with_prediction_ids(task):
    """Label Studio's normal JSON export: predictions listed by id."""
    task = copy.deepcopy(task)
    task.update(id=41, annotations=[], predictions=[7])
    return task


def test_predictions_by_id_are_named_with_the_export_to_use(tmp_path):
    task = _export_with_prediction_ids(_task(GOLD / "000_a072e28bf1db9082.json"))
    assert gold_from_task(task, CORPUS) is None           # not annotated, not asked for: skipped
    with pytest.raises(DocumentError, match=r"000_a072e28bf1db9082: .*predictions by id only \(7\).*only_id"):
        gold_from_task(task, CORPUS, use_predictions=True)
    annotated = _as_labelstudio_export(_task(GOLD / "000_a072e28bf1db9082.json"))
    annotated["predictions"] = [7]                         # an annotation is still read
    assert gold_from_task(annotated, CORPUS)["doc_id"] == "000_a072e28bf1db9082"
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    args = ["--from", "labelstudio", str(export), "--corpus", str(CORPUS), "-o", str(tmp_path / "g")]
    assert import_main(args + ["--use-predictions"]) == 1   # reported, no traceback
    assert not any((tmp_path / "g").iterdir())


@pytest.mark.parametrize("predictions", [[7], "full"], ids=["by id", "full"])
def test_an_empty_annotation_of_a_preannotated_task_needs_allow_empty(tmp_path, predictions, capsys):
    task = _task(GOLD / "000_a072e28bf1db9082.json")
    empty = copy.deepcopy(task)
    if predictions != "full":
        empty["predictions"] = predictions
    empty["annotations"] = [{"id": 5, "result": [], "was_cancelled": False}]
    with pytest.raises(DocumentError, match=r"000_a072e28bf1db9082: annotation 5 has no regions .*--allow-empty"):
        gold_from_task(empty, CORPUS)
    assert gold_from_task(empty, CORPUS, allow_empty=True)["mentions"] == []
    export = tmp_path / "export.json"
    export.write_text(json.dumps([empty], ensure_ascii=False), encoding="utf-8")
    args = ["--from", "labelstudio", str(export), "--corpus", str(CORPUS), "-o", str(tmp_path / "g")]
    assert import_main(args) == 1 and not (tmp_path / "g" / "000_a072e28bf1db9082.json").exists()
    assert import_main(args + ["--allow-empty"]) == 0 and (tmp_path / "g" / "000_a072e28bf1db9082.json").exists()


def test_an_empty_annotation_without_predictions_is_taken():
    task = {"data": {"doc_id": "000_a072e28bf1db9082"}, "predictions": [],
            "annotations": [{"id": 5, "result": []}]}
    assert gold_from_task(task, CORPUS)["mentions"] == []


def test_json_min_is_refused_naming_the_format(tmp_path, capsys):
    rows = [{"text": "…", "doc_id": "000_a072e28bf1db9082", "id": 41, "annotator": 1, "annotation_id": 5,
             "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-01T10:00:00Z", "lead_time": 12.5,
             "label": [{"start": 0, "end": 4, "text": "BHXH", "labels": ["campaign"]}]}]
    export = tmp_path / "min.json"
    export.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert import_main(["--from", "labelstudio", str(export), "--corpus", str(CORPUS), "-o", str(tmp_path / "g")]) == 2
    err = capsys.readouterr().err
    assert "JSON-MIN export" in err and "export the project as JSON instead" in err
    with pytest.raises(DocumentError, match="JSON-MIN"):
        gold_from_task(rows[0], CORPUS)


def test_a_csv_export_is_refused_saying_what_is_needed(tmp_path, capsys):
    export = tmp_path / "export.csv"
    export.write_text("text,doc_id,label\n…,000,[]\n", encoding="utf-8")
    assert import_main(["--from", "labelstudio", str(export), "--corpus", str(CORPUS), "-o", str(tmp_path / "g")]) == 2
    assert "needs Label Studio's JSON export" in capsys.readouterr().err


def test_field_lines_are_forgiving():
    fields = parse_fields(["value=925\nunit=người", "number=2043", "issuer=BHXH tỉnh", "total=null", ""], "x")
    assert fields == {"value": 925, "unit": "người", "number": "2043", "issuer": "BHXH tỉnh", "total": None}
    with pytest.raises(DocumentError, match="not key=value"):
        parse_fields(["no equals sign"], "doc 1 region m0")


def test_export_of_extractor_output_and_jsonl(tmp_path, schema_validator):
    files = sorted(CORPUS.glob("*.txt"))[:3]
    tasks_path = tmp_path / "tasks.json"
    assert export_main(["--to", "labelstudio", *map(str, files), "-o", str(tasks_path)]) == 0
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == [p.stem for p in files]
    for task, path in zip(tasks, files):
        back = gold_from_task(task, CORPUS, use_predictions=True)
        schema_validator.validate(back)
        expected = extract(read_document(path), path.stem).to_dict()
        assert back["mentions"] == expected["mentions"]
        assert back["campaigns"] == expected["campaigns"]
    records = tmp_path / "records.jsonl"
    lines = [json.dumps(extract(read_document(p), p.stem).to_dict(), ensure_ascii=False) for p in files]
    records.write_text("\n".join(lines + ['{"doc_id": "broken", "error": "empty document"}']) + "\n", encoding="utf-8")
    assert export_main(["--to", "doccano", str(records), "--corpus", str(CORPUS), "-o", str(tmp_path / "d.jsonl")]) == 0
    assert len((tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_export_names_a_record_whose_text_is_missing_or_different(tmp_path, capsys):
    record = json.loads((GOLD / "005.json").read_text(encoding="utf-8"))
    (tmp_path / "005.txt").write_text("another text", encoding="utf-8")
    (tmp_path / "r.json").write_text(json.dumps(record), encoding="utf-8")
    args = ["--to", "doccano", str(tmp_path / "r.json"), str(GOLD / "006.json"), "--corpus", str(tmp_path),
            "-o", str(tmp_path / "out.jsonl")]
    assert export_main(args) == 1
    err = capsys.readouterr().err
    assert "r.json: was made on a different text" in err and "006.json: its text" in err


@pytest.mark.parametrize("gold_path", GOLD_FILES[:6], ids=lambda p: p.stem)
def test_doccano_lines(gold_path):
    record = json.loads(gold_path.read_text(encoding="utf-8"))
    text = read_document(CORPUS / f"{record['doc_id']}.txt")
    line = doccano_line(text, record)
    assert line["text"] == text
    assert len(line["label"]) == len(record["mentions"]) + len(record["campaigns"])
    spans = {(m["start"], m["end"], m["type"]) for m in record["mentions"]}
    spans |= {(c["start"], c["end"], "campaign") for c in record["campaigns"]}
    assert {tuple(label) for label in line["label"]} == spans


ARTICLE = ("BHXH tỉnh Phú Yên ra quân tuyên truyền\nNgày 12/3/2024, BHXH tỉnh vận động được 310 người "
           "tham gia BHXH tự nguyện, đạt 104,2% kế hoạch.\n")


def test_export_reads_jsonl_documents_like_the_main_command(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "py-1", "text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    tasks_path = tmp_path / "tasks.json"
    assert export_main(["--to", "labelstudio", str(docs), "-o", str(tasks_path)]) == 0
    [task] = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert task["data"]["doc_id"] == "py-1" and task["data"]["text"] == ARTICLE
    assert {r["value"]["text"] for r in _labels(task)} >= {"12/3/2024", "310 người", "104,2%"}


def test_export_reads_an_html_page_and_exports_the_extracted_text(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>BHXH tỉnh Phú Yên ra quân</title></head><body><article>"
                    "<h1>BHXH tỉnh Phú Yên ra quân tuyên truyền</h1>"
                    "<p>Ngày 12/3/2024, BHXH tỉnh vận động được 310 người tham gia BHXH tự nguyện, "
                    "đạt 104,2% kế hoạch. Các đội tuyên truyền đã đến 40 xã, phường trong tỉnh.</p>"
                    "</article></body></html>", encoding="utf-8")
    out = tmp_path / "spans.jsonl"
    assert export_main(["--to", "doccano", str(page), "-o", str(out)]) == 0
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert line["doc_id"] == "page"
    spans = {line["text"][s:e] for s, e, _ in line["label"]}
    assert {"310 người", "104,2%"} <= spans            # offsets index the extracted text


def test_an_export_that_fails_writes_no_file(tmp_path, capsys):
    out = tmp_path / "tasks.json"
    assert export_main(["--to", "labelstudio", str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []              # neither tasks.json, its config nor a .partial
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    unwritable = tmp_path / "no-such-dir" / "tasks.json"
    assert export_main(["--to", "labelstudio", str(tmp_path / "a.txt"), "-o", str(unwritable)]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_failed_document_is_reported_and_the_others_exported(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "tasks.json"
    assert export_main(["--to", "labelstudio", str(tmp_path), "-o", str(out)]) == 1
    assert "empty document" in capsys.readouterr().err
    assert [t["data"]["doc_id"] for t in json.loads(out.read_text(encoding="utf-8"))] == ["a"]
    assert not out.with_name("tasks.json.partial").exists()
