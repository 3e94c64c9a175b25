"""Gold lint: every gold file keeps the contract of ../shared/ANNOTATION.md."""
import json

import pytest

from bhxh_extract.records import Record
from bhxh_extract.text import read_document, sha256
from conftest import CORPUS, GOLD

GOLD_FILES = sorted(GOLD.glob("*.json"))


def test_one_gold_file_per_corpus_article():
    assert {p.stem for p in GOLD_FILES} == {p.stem for p in CORPUS.glob("*.txt")}
    assert len(GOLD_FILES) == 20


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file(path, schema_validator):
    gold = json.loads(path.read_text("utf-8"))
    schema_validator.validate(gold)
    text = read_document(CORPUS / f"{gold['doc_id']}.txt")
    assert gold["doc_id"] == path.stem
    assert gold["text_sha256"] == sha256(text)
    last_end = {}
    for m in sorted(gold["mentions"], key=lambda m: (m["start"], m["end"])):
        assert text[m["start"]:m["end"]] == m["text"], m
        assert m["start"] >= last_end.get(m["type"], 0), f"overlapping {m['type']} mentions at {m['text']!r}"
        last_end[m["type"]] = m["end"]
    spans = {(m["start"], m["end"]) for m in gold["mentions"]}
    refs = {m["ref"] for m in gold["mentions"] if m["type"] == "doc_ref"}
    for c in gold["campaigns"]:
        assert text[c["start"]:c["end"]] == c["name"]
        assert all(tuple(f) in spans for f in c["facts"]), c["name"]
        assert set(c["plans"]) <= refs, c["name"]
    # the dataclasses read every gold file back to the same JSON
    assert Record.from_dict(gold).to_dict()["mentions"] == gold["mentions"]
