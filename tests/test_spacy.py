"""The spaCy component: registered by entry point, spans match the record."""
import subprocess
import sys
import textwrap
import unicodedata
from importlib.metadata import entry_points

import pytest

from conftest import CORPUS

spacy = pytest.importorskip("spacy")

from bhxh_extract import extract, extract_file  # noqa: E402
from bhxh_extract.spacy_component import OffsetMap, register_extensions  # noqa: E402
from bhxh_extract.text.reading import DocumentError, normalize  # noqa: E402

NO_PYVI = {"nlp": {"tokenizer": {"use_pyvi": False}}}
SAMPLE = "Ngày 11/7/2020, BHXH tỉnh vận động được 925 người tham gia BHXH tự nguyện, đạt 132,14% kế hoạch."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config=NO_PYVI)
    nlp.add_pipe("bhxh_extract")
    return nlp


def test_factory_is_an_entry_point():
    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "bhxh_extract"]
    assert [ep.value for ep in found] == ["bhxh_extract.spacy_component:make_bhxh_extract"]


def test_add_pipe_works_without_importing_the_package_first():
    script = textwrap.dedent(f"""
        import sys, spacy
        nlp = spacy.blank("vi", config={NO_PYVI!r})
        nlp.add_pipe("bhxh_extract")
        doc = nlp({SAMPLE!r})
        print([(s.label_, s._.bhxh["text"], s._.bhxh["value"]) for s in doc.spans["bhxh"]])
        print(doc._.bhxh_record["mentions"][1]["unit"])
    """)
    assert "import bhxh_extract" not in script and "from bhxh_extract" not in script
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == ("[('date', '11/7/2020', '2020-07-11'), ('count', '925 người', 925), "
                        "('percent', '132,14%', 132.14)]")
    assert lines[1] == "người"


def test_spans_are_the_mentions_with_their_fields(nlp):
    doc = nlp(SAMPLE)
    spans = list(doc.spans["bhxh"])
    assert [s.label_ for s in spans] == ["date", "count", "percent"]
    assert spans[1]._.bhxh == {"type": "count", "start": 40, "end": 49, "text": "925 người", "value": 925,
                               "total": None, "value_max": None, "unit": "người",
                               "scheme": "bhxh_tu_nguyen", "comparator": None, "period": "2020-07-11"}
    # the tokenizer keeps the comma on `11/7/2020,`: the span is expanded to whole tokens
    assert spans[0].text == "11/7/2020," and spans[0]._.bhxh["text"] == "11/7/2020"
    assert doc._.bhxh_record == extract(SAMPLE).to_dict()


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt"))[:20], ids=lambda p: p.stem)
def test_corpus_spans_cover_every_mention(nlp, path):
    record = extract_file(path)
    text = path.read_text(encoding="utf-8")
    doc = nlp.make_doc(normalize(text))
    doc.user_data["doc_id"] = path.stem
    doc = nlp.get_pipe("bhxh_extract")(doc)
    spans = list(doc.spans["bhxh"])
    assert len(spans) == len(record.mentions)
    for span, mention in zip(spans, record.mentions):
        assert span.label_ == mention.type
        assert span._.bhxh == mention.to_dict()
        assert span.start_char <= mention.start < mention.end <= span.end_char
        # expanded to whole tokens, never further: the first and last tokens touch the mention
        assert span[0].idx + len(span[0].text) > mention.start
        assert span[-1].idx < mention.end
    assert doc._.bhxh_record == record.to_dict()


def test_doc_id_and_published_come_from_user_data(nlp):
    doc = nlp.make_doc("Sáng 7/2, BHXH tỉnh ra quân.")
    doc.user_data.update(doc_id="x1", published="2021-01-05")
    doc = nlp.get_pipe("bhxh_extract")(doc)
    assert doc._.bhxh_record["doc_id"] == "x1"
    assert doc._.bhxh_record["published"] == "2021-01-05"
    assert doc.spans["bhxh"][0]._.bhxh["value"] == "2021-02-07"


def test_text_that_is_not_normalised_maps_back(nlp):
    decomposed = unicodedata.normalize("NFD", SAMPLE).replace(", ", ",\r\n", 1)
    assert normalize(decomposed) != decomposed
    doc = nlp(decomposed)
    spans = list(doc.spans["bhxh"])
    assert [s.label_ for s in spans] == ["date", "count", "percent"]
    for span in spans:
        assert span._.bhxh["text"] in normalize(span.text)


def test_offset_map():
    original = "a\r\nbe\u0301 c"          # é decomposed, a CRLF line end
    assert normalize(original) == "a\nbé c"
    mapping = OffsetMap(original)
    assert mapping.span(2, 4) == (3, 6)      # "bé" -> "be\u0301"
    assert mapping.span(5, 6) == (7, 8)      # "c"
    assert OffsetMap("abc").span(1, 2) == (1, 2)


def test_extensions_register_idempotently():
    register_extensions()
    register_extensions()
    first = spacy.blank("vi", config=NO_PYVI)
    first.add_pipe("bhxh_extract")
    second = spacy.blank("vi", config=NO_PYVI)
    second.add_pipe("bhxh_extract", config={"span_key": "other"})
    doc = second(SAMPLE)
    assert [s.label_ for s in doc.spans["other"]] == ["date", "count", "percent"]
    assert "bhxh" not in doc.spans


def test_docs_survive_serialisation(nlp):
    from spacy.tokens import Doc, DocBin
    doc = nlp(SAMPLE)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.bhxh_record == doc._.bhxh_record
    assert [s._.bhxh for s in again.spans["bhxh"]] == [s._.bhxh for s in doc.spans["bhxh"]]
    docs = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert docs[0]._.bhxh_record["mentions"][2]["measure"] == "plan_completion"


def test_a_refused_document_does_not_stop_the_pipe(nlp, monkeypatch):
    from bhxh_extract import pipeline
    real = pipeline.extract

    def refuse_the_first(text, doc_id=None, published=None, **kwargs):
        if text.startswith("BAD"):
            raise DocumentError(doc_id, "a pattern search timed out (pathological input)")
        return real(text, doc_id, published, **kwargs)

    monkeypatch.setattr(pipeline, "extract", refuse_the_first)
    bad, good = nlp.pipe(["BAD 11/7/2020", SAMPLE])
    assert bad._.bhxh_record == {"doc_id": "document", "error": "a pattern search timed out (pathological input)"}
    assert list(bad.spans["bhxh"]) == []
    assert len(good.spans["bhxh"]) == 3


# --- published, in every form ----------------------------------------------------------------
PARTIAL = "Sáng 7/2, BHXH tỉnh ra quân."   # a partial date: resolved against the publication date


@pytest.mark.parametrize("given,stored", [
    ("2021-01-05", "2021-01-05"), ("2021-01-05T09:30", "2021-01-05T09:30"),
    ("2021-01-05T09:30:12+07:00", "2021-01-05T09:30"), ("2021-01-05T02:30:00Z", "2021-01-05T09:30"),
    ("05/01/2021", "2021-01-05"), ("05-01-2021", "2021-01-05"), ("05/01/2021 09:30", "2021-01-05T09:30")])
def test_published_in_every_form_through_doc_extension_and_user_data(nlp, given, stored, schema_validator):
    by_extension = nlp.make_doc(PARTIAL)
    by_extension._.published = given
    by_user_data = nlp.make_doc(PARTIAL)
    by_user_data.user_data["published"] = given
    for doc in nlp.pipe([by_extension, by_user_data]):
        assert doc._.bhxh_record["published"] == stored
        assert doc.spans["bhxh"][0]._.bhxh["value"] == "2021-02-07"
        schema_validator.validate(doc._.bhxh_record)


def test_a_bad_published_value_is_noted_and_the_pipe_goes_on(nlp):
    docs = [nlp.make_doc(PARTIAL) for _ in range(3)]
    docs[0]._.published = "01/13/2021"
    docs[1].user_data["published"] = 20210105
    docs[2]._.published = "2021-01-05"
    bad_day, bad_type, good = nlp.pipe(docs)
    for bad, value in ((bad_day, "'01/13/2021'"), (bad_type, "20210105")):
        assert bad._.bhxh_record["published"] is None
        assert value in bad._.bhxh_record["errors"][0] and "ignored" in bad._.bhxh_record["errors"][0]
    assert good._.bhxh_record["published"] == "2021-01-05" and "errors" not in good._.bhxh_record


def test_published_from_the_component_config():
    nlp = spacy.blank("vi", config=NO_PYVI)
    nlp.add_pipe("bhxh_extract", config={"published": "05/01/2021"})
    assert nlp(PARTIAL)._.bhxh_record["published"] == "2021-01-05"
    doc = nlp.make_doc(PARTIAL)
    doc._.published = "2022-03-01"                      # a document's own date wins
    assert nlp.get_pipe("bhxh_extract")(doc)._.bhxh_record["published"] == "2022-03-01"
    with pytest.raises(ValueError, match="'hôm qua'"):
        spacy.blank("vi", config=NO_PYVI).add_pipe("bhxh_extract", config={"published": "hôm qua"})


def test_the_component_says_what_to_install_without_spacy():
    script = textwrap.dedent("""
        import sys
        sys.modules["spacy"] = None          # as if spaCy were not installed
        try:
            import bhxh_extract.spacy_component
        except ImportError as err:
            print(err)
        import bhxh_extract
        print(bhxh_extract.extract("Ngày 11/7/2020 có 9 người.").mentions[0].get("value"))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    first, second = out.stdout.splitlines()
    assert "pip install 'bhxh_extract[spacy]'" in first
    assert second == "2020-07-11"                        # the API needs no spaCy


def test_mentions_of_gives_the_mention_dicts_in_text_order(nlp):
    from bhxh_extract.spacy_component import mentions_of
    doc = nlp(SAMPLE)
    assert mentions_of(doc) == [span._.bhxh for span in doc.spans["bhxh"]]
    assert [m["type"] for m in mentions_of(doc)] == ["date", "count", "percent"]
