"""Loading and normalising text (guide section 1). Sentences and clauses
are the document structure's (`link/structure.py`).

Offsets in every record index the *normalised* text: Unicode NFC, `\\r\\n` and
`\\r` turned into `\\n`, nothing else changed.

Loading never guesses silently. UTF-8 (with or without a byte-order mark)
and UTF-16/32 with a byte-order mark are read as they are; other bytes are
read as Windows-1258 when that gives Vietnamese, else as charset-normalizer
guesses, and the record's `errors` says which encoding was used. Mojibake
is repaired (ftfy) and noted. What cannot be read as text (empty, binary,
PDF or image, legacy TCVN3/VNI font encodings, too large, unreadable) raises
a DocumentError naming the document and the reason.
"""
from __future__ import annotations

import hashlib
import stat
import unicodedata
from pathlib import Path
from typing import NamedTuple

import regex

from . import encodings

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class DocumentError(Exception):
    """A document that cannot be processed; the message names it and says why."""

    def __init__(self, doc: str, reason: str):
        super().__init__(f"{doc}: {reason}")
        self.doc = doc
        self.reason = reason


class Decoded(NamedTuple):
    """A document's normalised text and what was done to read it (the
    record's `errors`: the encoding when it was not UTF-8, a repair)."""
    text: str
    notes: tuple[str, ...] = ()


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- decoding ------------------------------------------------------------------------
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"), (b"\xfe\xff", "utf-16", "UTF-16"),
)
# C0 control characters other than tab, newlines and form feed: a few are
# harmless debris, many mean the "text" is binary data.
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, doc: str) -> str:
    """The normalised text of a document's bytes (see decode_document, which
    also says how they were read); DocumentError when they are not text."""
    return decode_document(data, doc).text


def decode_document(data: bytes, doc: str) -> Decoded:
    """Bytes → normalised text and notes, or DocumentError naming `doc`."""
    if not data:
        raise DocumentError(doc, "empty document")
    text, notes = _decode_bytes(data, doc)
    if not text.strip():
        raise DocumentError(doc, "empty document (only whitespace)")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, MAX_CONTROL_SHARE * len(text)):
        raise DocumentError(doc, f"binary data ({controls} control characters), not text")
    text, repair = encodings.repair_mojibake(text)
    legacy = encodings.legacy_encoding(text)
    if legacy is not None:
        raise _legacy_error(doc, text, legacy)
    return Decoded(normalize(text), notes + ((repair,) if repair else ()))


def _decode_bytes(data: bytes, doc: str) -> tuple[str, tuple[str, ...]]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), (f"decoded as {name} (byte-order mark; not UTF-8)",)
            except UnicodeDecodeError as err:
                raise DocumentError(doc, f"not valid {name} text ({err.reason} at byte {err.start})") from None
    kind = encodings.binary_kind(data)
    if kind is not None:
        raise DocumentError(doc, f"binary file ({kind}), not text")
    nul = data.find(b"\x00")
    if nul != -1:
        raise DocumentError(doc, f"binary file (NUL byte at offset {nul}), not text "
                                 "(UTF-16 text needs a byte-order mark)")
    if not data.strip():
        raise DocumentError(doc, "empty document (only whitespace)")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        return _decode_not_utf8(data, doc, err)


def _decode_not_utf8(data: bytes, doc: str, err: UnicodeDecodeError) -> tuple[str, tuple[str, ...]]:
    """Bytes that are not UTF-8: a legacy Vietnamese font encoding is refused;
    Windows-1258 or charset-normalizer's guess is used and noted."""
    as_latin1 = data.decode("latin-1")    # one character per byte: the legacy tables' view
    reading = encodings.single_byte_reading(data)
    legacy = encodings.legacy_encoding(as_latin1, reference=reading[0] if reading else "")
    if legacy is not None:
        raise _legacy_error(doc, as_latin1, legacy)
    if reading is None:
        raise DocumentError(doc, f"not valid UTF-8 text ({err.reason} at byte {err.start}) "
                                 "and no other encoding fits")
    text, name = reading
    how = "" if name == "windows-1258" else "; guessed by charset-normalizer"
    return text, (f"decoded as {name} (not UTF-8{how})",)


def _legacy_error(doc: str, view: str, legacy: str) -> DocumentError:
    example = encodings.legacy_example(view, legacy)
    return DocumentError(
        doc, f"looks like Vietnamese in the legacy {encodings.LEGACY_NAMES[legacy]} encoding"
             + (f" ({example})" if example else "")
             + ", which cannot be read reliably: convert it to Unicode (UTF-8) first, "
               "e.g. with UniKey's converter")


# --- loading files ---------------------------------------------------------------------
def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a file as normalised text, or raise DocumentError naming it."""
    return load_document(path, max_bytes).text


def load_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """A file's normalised text and reading notes, or DocumentError naming it."""
    path = Path(path)
    return decode_document(read_bytes(path, max_bytes), str(path))


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, at most max_bytes, or DocumentError naming it (a
    missing file, a broken link, a directory, a file over the limit)."""
    path = Path(path)
    doc = str(path)
    try:
        info = path.stat()
    except OSError as err:
        if path.is_symlink():
            raise DocumentError(doc, f"cannot read: broken symbolic link (to {_link_target(path)})") from None
        raise DocumentError(doc, f"cannot read: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(doc, "cannot read: it is a directory, not a file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise DocumentError(doc, _too_large(info.st_size, max_bytes))
    try:
        with path.open("rb") as stream:   # bounded: a pipe or device may not end
            data = stream.read(max_bytes + 1)
    except OSError as err:
        raise DocumentError(doc, f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise DocumentError(doc, _too_large(None, max_bytes))
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    limit = f"larger than the limit of {max_bytes:,} bytes (--max-bytes)"
    return f"file is {size:,} bytes, {limit}" if size is not None else f"file is {limit}"


def _link_target(path: Path) -> str:
    try:
        return str(path.readlink())
    except OSError:
        return "?"
