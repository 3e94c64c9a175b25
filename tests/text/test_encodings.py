"""Reading bytes as text (issue 8): every encoding a Vietnamese article comes
in, what is refused and why, on every corpus article."""
import json
import os
import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers the `sloppy-windows-1252` codec)
import pytest

from bhxh_extract import DocumentError, extract, extract_file
from bhxh_extract.text import encodings
from bhxh_extract.text.reading import decode, decode_document, load_document, normalize, read_document
from support import to_windows_1258
from conftest import CORPUS, ROOT

ARTICLES = sorted(CORPUS.glob("*.txt"))
# The unseen challenge set too, when present: the legacy detector must never
# flag real Unicode Vietnamese.
ALL_ARTICLES = ARTICLES + sorted((ROOT / "challenge" / "corpus").glob("*.txt"))
SAMPLE = "Ngày 11/7/2020, BHXH tỉnh vận động được 925 người tham gia BHXH tự nguyện, đạt 132,14% kế hoạch."


def corpus_text(path) -> str:
    return normalize(path.read_text("utf-8"))


# --- encoders for the fixtures ------------------------------------------------------------
def _inverse(table: dict[str, str]) -> dict[str, str]:
    inverse: dict[str, str] = {}
    for legacy, letter in sorted(table.items(), key=lambda kv: len(kv[0])):
        inverse.setdefault(letter, legacy)
    return inverse


TO_TCVN3, TO_VNI = _inverse(encodings.TCVN3), _inverse(encodings.VNI)


def to_tcvn3(text: str) -> str:
    """TCVN3 has no capital toned letters (headings used a capitals font)."""
    return "".join(TO_TCVN3.get(ch, TO_TCVN3.get(ch.lower(), ch)) for ch in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    return "".join(TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def as_single_bytes(text: str) -> bytes:
    """A legacy document on disk: one byte per character (curly quotes and
    dashes, which Latin-1 lacks, as their Windows-1252 bytes)."""
    return bytes(ord(ch) if ord(ch) < 256 else ch.encode("cp1252", "replace")[0] for ch in text)


# --- the legacy tables against text known from real documents ---------------------------------
# The national motto as TCVN3 and VNI documents show it when read as Latin-1.
@pytest.mark.parametrize("legacy,read,meant", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", encodings.tcvn3_reading, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", encodings.tcvn3_reading, "Độc lập - Tự do - Hạnh phúc"),
    ("B¶o hiÓm x· héi, ng\xadêi lao ®éng", encodings.tcvn3_reading, "Bảo hiểm xã hội, người lao động"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", encodings.vni_reading, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", encodings.vni_reading, "Độc lập - Tự do - Hạnh phúc"),
    ("Baûo hieåm xaõ hoäi, ngöôøi lao ñoäng", encodings.vni_reading, "Bảo hiểm xã hội, người lao động"),
])
def test_legacy_tables_read_known_text(legacy, read, meant):
    assert read(legacy) == meant


@pytest.mark.parametrize("word,syllable", [
    ("người", True), ("nghiêng", True), ("khuyến", True), ("quốc", True), ("giữ", True), ("thuở", True),
    ("hội", True), ("tỉnh", True), ("héi", False), ("café", False), ("señor", False), ("hiẻểm", False),
    ("mỹller", False), ("bảohiểm", False),
])
def test_vietnamese_syllable_shape(word, syllable):
    assert encodings.is_vietnamese_syllable(word) is syllable


# --- encodings read correctly -------------------------------------------------------------------
ENCODINGS = {
    "utf-8": (lambda t: t.encode("utf-8"), ()),
    "utf-8 with BOM": (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), ()),
    "utf-16-le with BOM": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), ("decoded as UTF-16 (byte-order mark; not UTF-8)",)),
    "utf-16-be with BOM": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), ("decoded as UTF-16 (byte-order mark; not UTF-8)",)),
    "utf-32 with BOM": (lambda t: t.encode("utf-32"), ("decoded as UTF-32 (byte-order mark; not UTF-8)",)),
    "windows-1258": (to_windows_1258, ("decoded as windows-1258 (not UTF-8)",)),
    "CRLF newlines": (lambda t: t.replace("\n", "\r\n").encode("utf-8"), ()),
    "NFD": (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), ()),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_corpus_article_decodes_to_its_text(encoding):
    encode, notes = ENCODINGS[encoding]
    for path in ARTICLES:
        text = corpus_text(path)
        decoded = decode_document(encode(text), path.name)
        assert decoded.text == text, path.name
        assert decoded.notes == notes, path.name


def test_windows_1258_really_writes_combining_tone_marks():
    data = to_windows_1258("Bảo hiểm")
    assert data == b"Ba\xd2o hi\xea\xd2m"   # ả = a + 0xD2 (combining hook above)
    assert decode_document(data, "d") == ("Bảo hiểm", ("decoded as windows-1258 (not UTF-8)",))


@pytest.mark.parametrize("encoding", ["windows-1258", "utf-16-le with BOM"])
def test_a_non_utf8_file_gives_the_utf8_record_plus_a_note(tmp_path, encoding, schema_validator):
    encode, notes = ENCODINGS[encoding]
    path = tmp_path / "001.txt"
    path.write_bytes(encode(corpus_text(ARTICLES[1])))
    record = extract_file(path)
    expected = extract(corpus_text(ARTICLES[1]), "001")
    assert record.errors == notes and record.to_dict()["errors"] == list(notes)
    assert record.mentions == expected.mentions and record.campaigns == expected.campaigns
    assert record.text_sha256 == expected.text_sha256
    schema_validator.validate(record.to_dict())


def test_a_utf8_record_has_no_errors_field(corpus_records):
    assert all(not r.errors and "errors" not in r.to_dict() for r in corpus_records.values())


def test_nfd_input_gives_the_same_record_as_nfc(corpus_records):
    for doc_id, record in corpus_records.items():
        text = (CORPUS / f"{doc_id}.txt").read_text("utf-8")
        decomposed = unicodedata.normalize("NFD", text)
        assert decomposed != text
        assert extract(decomposed, doc_id).to_dict(explain=True) == record.to_dict(explain=True), doc_id


def test_other_single_byte_encodings_are_guessed_and_noted():
    decoded = decode_document("Café crème brûlée, naïve façade — déjà vu.".encode("cp1252"), "fr")
    assert decoded.notes and "not UTF-8" in decoded.notes[0] and "charset-normalizer" in decoded.notes[0]
    assert decoded.text.startswith("Caf")


# --- mojibake ----------------------------------------------------------------------------------
@pytest.mark.parametrize("wrong", ["sloppy-windows-1252", "latin-1"])
def test_mojibake_is_repaired_and_noted(wrong):
    for path in ARTICLES:
        text = corpus_text(path)
        mojibake = text.encode("utf-8").decode(wrong)     # `Báº£o hiá»ƒm`
        assert mojibake != text
        decoded = decode_document(mojibake.encode("utf-8"), path.name)
        assert decoded.text == text, path.name
        assert len(decoded.notes) == 1 and "mojibake" in decoded.notes[0] and "ftfy" in decoded.notes[0]


def test_mojibake_file_gives_the_right_record(tmp_path):
    text = "Tiêu đề\n" + SAMPLE
    path = tmp_path / "doc.txt"
    path.write_text(text.encode("utf-8").decode("sloppy-windows-1252"), encoding="utf-8")
    record = extract_file(path)
    assert record.text_sha256 == extract(text).text_sha256
    assert [m.text for m in record.mentions] == ["11/7/2020", "925 người", "132,14%"]
    assert record.errors == ("repaired mojibake (UTF-8 that had been read as windows-1252) with ftfy",)


def test_correct_text_is_never_repaired():
    samples = [p.read_bytes() for p in ALL_ARTICLES] + [
        "Ngày 1/7, giá Café tăng 5%; “Bảo hiểm” © 2020 · Báo Nhân Dân — Ñ, ñ, Ã, ƒ".encode("utf-8")]
    for data in samples:
        assert decode_document(data, "d").notes == ()


# --- legacy font encodings -----------------------------------------------------------------------
LEGACY = {"TCVN3": to_tcvn3, "VNI": to_vni}


@pytest.mark.parametrize("name", LEGACY)
@pytest.mark.parametrize("stored", ["single bytes", "pasted into UTF-8"])
def test_every_corpus_article_in_a_legacy_encoding_is_refused(name, stored):
    for path in ARTICLES:
        legacy = LEGACY[name](corpus_text(path))
        data = as_single_bytes(legacy) if stored == "single bytes" else legacy.encode("utf-8")
        with pytest.raises(DocumentError) as err:
            decode_document(data, path.name)
        assert err.value.doc == path.name
        assert f"legacy {name}" in err.value.reason and "convert it to Unicode" in err.value.reason


@pytest.mark.parametrize("legacy,name,example", [
    ("B¶o hiÓm x· héi", "TCVN3", "`B¶o` reads as `Bảo`"),
    ("Baûo hieåm xaõ hoäi", "VNI", "`Baûo` reads as `Bảo`"),
])
def test_a_short_legacy_text_is_refused_with_an_example(tmp_path, legacy, name, example):
    path = tmp_path / "legacy.txt"
    path.write_bytes(as_single_bytes(legacy))
    with pytest.raises(DocumentError) as err:
        extract_file(path)
    assert str(path) in str(err.value) and name in err.value.reason and example in err.value.reason


def test_legacy_readings_round_trip_the_corpus():
    for path in ARTICLES:
        text = corpus_text(path).replace("\xad", "")   # a soft hyphen is TCVN3's `ư`
        assert encodings.vni_reading(to_vni(text)) == text
        # TCVN3 has no capital toned letters: `Ở` comes back as `ở`
        assert encodings.tcvn3_reading(to_tcvn3(text)).lower() == text.lower()


NOT_LEGACY = [
    "The committee met on 5 May. © 2024 Acme® — «quoted» · 5 µg · ½ cup · 3×4 ÷ 2 · § 12 · ¶ 3.",
    "Müller, Straße, größer, Ärger; señor, niño, año, mañana; façade, déjà, où, naïve, Noël, çà.",
    "BHXH tỉnh Trà Vinh © 2020 · Tin tức · «Tháng vận động» · Ñ ñ · ½ · µ",
    "Ngày 11/7/2020 » Tin tức » Bảo hiểm xã hội ¦ Bản quyền © Báo Nhân Dân ® 2020",
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_real_text_never_looks_legacy(text):
    assert encodings.legacy_encoding(text) is None
    assert decode_document(text.encode("utf-8"), "d").text == text


def test_no_corpus_article_looks_legacy():
    assert len(ALL_ARTICLES) >= 20
    for path in ALL_ARTICLES:
        text = corpus_text(path)
        assert encodings.legacy_encoding(text) is None, path.name
        assert encodings.legacy_encoding(text.encode("utf-8").decode("latin-1"), text) is None, path.name


# --- documents that are not text ------------------------------------------------------------------
BINARY = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    "gif": (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    "zip": (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    "docx-like": (b"PK\x03\x04" + b"word/document.xml" * 3, "DOCX"),
    "gzip": (b"\x1f\x8b\x08\x00", "gzip"),
    "old office": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "Office"),
    "nul bytes": (b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\x00\x00 abc", "NUL byte at offset 11"),
    "utf-16 without BOM": ("Bảo hiểm xã hội".encode("utf-16-le"), "byte-order mark"),
    "control characters": (bytes(range(1, 9)) * 40 + b"text", "control characters"),
}


@pytest.mark.parametrize("kind", BINARY)
def test_binary_files_are_refused(tmp_path, kind):
    data, reason = BINARY[kind]
    path = tmp_path / f"{kind.replace(' ', '_')}.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        extract_file(path)
    assert err.value.doc == str(path) and "binary" in err.value.reason and reason in err.value.reason


@pytest.mark.parametrize("data,reason", [
    (b"", "empty document"),
    (b" \n\t\r\n  ", "empty document (only whitespace)"),
    ("\u00a0\u3000\u2003\n".encode("utf-8"), "empty document (only whitespace)"),
    (b"\xef\xbb\xbf", "empty document (only whitespace)"),
    (b"\xff\xfe", "empty document (only whitespace)"),
])
def test_empty_documents_are_refused(data, reason):
    with pytest.raises(DocumentError) as err:
        decode_document(data, "doc.txt")
    assert str(err.value) == f"doc.txt: {reason}"


def test_bytes_no_encoding_fits_are_refused():
    data = bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xfe, 0xff, 0x80]) * 16
    with pytest.raises(DocumentError) as err:
        decode(data, "x.txt")
    assert "not valid UTF-8 text" in err.value.reason and "no other encoding fits" in err.value.reason


def test_invalid_utf16_after_a_bom_is_refused():
    with pytest.raises(DocumentError) as err:
        decode(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8", "x")   # a lone surrogate
    assert "not valid UTF-16" in err.value.reason


# --- files that cannot be read ---------------------------------------------------------------------
def _refusal(path, **kwargs) -> str:
    with pytest.raises(DocumentError) as err:
        extract_file(path, **kwargs)
    assert err.value.doc == str(path)
    return err.value.reason


def test_a_file_over_max_bytes_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:              # sparse: 10 MB + 1 byte, no disk used
        f.truncate(10 * 1024 * 1024 + 1)
    monkeypatch.setattr(type(path), "open", lambda *a, **k: pytest.fail("read a file over the limit"))
    assert _refusal(path) == ("file is 10,485,761 bytes, larger than the limit of 10,485,760 bytes "
                              "(--max-bytes)")


def test_max_bytes_is_a_parameter(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Tiêu đề\n" + SAMPLE, encoding="utf-8")
    assert "larger than the limit of 100 bytes" in _refusal(path, max_bytes=100)
    assert extract_file(path, max_bytes=10_000).mentions


def test_a_stream_that_never_ends_is_cut_at_the_limit():
    assert _refusal("/dev/zero", max_bytes=1000) == "file is larger than the limit of 1,000 bytes (--max-bytes)"


def test_missing_file_directory_and_broken_symlink(tmp_path):
    assert _refusal(tmp_path / "missing.txt") == "cannot read: No such file or directory"
    assert _refusal(tmp_path) == "cannot read: it is a directory, not a file"
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert _refusal(link) == f"cannot read: broken symbolic link (to {tmp_path / 'gone.txt'})"


def test_a_symlink_to_a_good_file_is_read(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(ARTICLES[0])
    assert read_document(link) == corpus_text(ARTICLES[0])


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(SAMPLE, encoding="utf-8")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr(type(path), "open", denied)
    assert _refusal(path) == "cannot read: Permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_refused(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0)
    assert _refusal(path) == "cannot read: Permission denied"


def test_notes_reach_the_json_record(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(to_windows_1258("Tiêu đề\n" + SAMPLE))
    document = load_document(path)
    assert document.notes == ("decoded as windows-1258 (not UTF-8)",)
    record = json.loads(json.dumps(extract_file(path).to_dict(), ensure_ascii=False))
    assert record["errors"] == ["decoded as windows-1258 (not UTF-8)"]
    assert [m["text"] for m in record["mentions"]] == ["11/7/2020", "925 người", "132,14%"]


def test_clean_text_does_not_load_ftfy_and_every_mojibake_is_seen():
    import subprocess
    import sys
    code = ("import sys; from bhxh_extract import extract_file; "
            f"extract_file({str(CORPUS / '005.txt')!r}); print('ftfy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
    vietnamese = "Bảo hiểm xã hội tỉnh Hưng Yên — “Tháng vận động” đạt 132,14%…"
    for wrong in ("cp1252", "latin-1"):
        garbled = vietnamese.encode("utf-8").decode(wrong, errors="replace")
        assert encodings.MAYBE_MOJIBAKE.search(garbled), wrong
    assert not encodings.MAYBE_MOJIBAKE.search(vietnamese)
