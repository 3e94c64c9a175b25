"""Gold lint: every gold file keeps the contract of ../shared/ANNOTATION.md."""
import json

import pytest

from bhxh_extract.records import Record
from bhxh_extract.text.reading import read_document, sha256
from conftest import CORPUS, GOLD, ROOT

# (gold folder, corpus folder, number of articles): the development corpus,
# the synthetic challenge set and the held-out real articles.
SETS = {"corpus": (GOLD, CORPUS, 20), "challenge": (ROOT / "challenge" / "gold", ROOT / "challenge" / "corpus", 12),
        "heldout": (ROOT / "heldout" / "gold", ROOT / "heldout" / "corpus", 16)}
GOLD_FILES = [(name, path) for name, (gold, _, _) in SETS.items() for path in sorted(gold.glob("*.json"))]


@pytest.mark.parametrize("name", SETS)
def test_one_gold_file_per_article(name):
    gold, corpus, size = SETS[name]
    assert {p.stem for p in gold.glob("*.json")} == {p.stem for p in corpus.glob("*.txt")}
    assert len(list(gold.glob("*.json"))) == size


@pytest.mark.parametrize("name,path", GOLD_FILES, ids=[f"{n}/{p.stem}" for n, p in GOLD_FILES])
def test_gold_file(name, path, schema_validator):
    gold = json.loads(path.read_text("utf-8"))
    schema_validator.validate(gold)
    text = read_document(SETS[name][1] / f"{gold['doc_id']}.txt")
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
