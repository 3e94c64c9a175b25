"""The record dataclasses and text loading (guide section 1)."""
import unicodedata

import pytest

from bhxh_extract import DocumentError, Record, extract, extract_file
from bhxh_extract.text.reading import read_document

SAMPLE = "Ngày 11/7/2020, BHXH tỉnh vận động được 925 người tham gia BHXH tự nguyện, đạt 132,14% kế hoạch."


def test_round_trip_through_dicts():
    record = extract(SAMPLE, "sample")
    again = Record.from_dict(record.to_dict())
    assert again == record and again.to_dict() == record.to_dict()


def test_rule_is_kept_but_not_in_the_record():
    record = extract(SAMPLE, "sample")
    assert all(m.rule for m in record.mentions)
    assert all("rule" not in m for m in record.to_dict()["mentions"])
    assert all(m["rule"] for m in record.to_dict(explain=True)["mentions"])


def test_records_are_frozen():
    record = extract(SAMPLE, "sample")
    with pytest.raises(AttributeError):
        record.title = "x"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),                        # BOM
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),                     # CRLF
    lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),             # decomposed tone marks
])
def test_loading_normalises_to_the_same_text_and_record(tmp_path, encode):
    text = "Tiêu đề\n" + SAMPLE + "\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(text))
    assert read_document(path) == text
    assert extract_file(path).to_dict() == extract(text, "doc").to_dict()


def test_bad_files_raise_a_clear_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x00\x00")
    # (other encodings are decoded and noted: tests/test_encodings.py)
    for name, reason in (("empty.txt", "empty"), ("bin.txt", "binary"), ("missing.txt", "cannot read")):
        with pytest.raises(DocumentError) as err:
            extract_file(tmp_path / name)
        assert name in str(err.value) and reason in str(err.value)
