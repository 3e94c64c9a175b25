"""Loading and normalising text (guide section 1), and splitting it into
sentences and clauses for the rules that must not look across them.

Offsets in every record index the *normalised* text: Unicode NFC, `\\r\\n` and
`\\r` turned into `\\n`, nothing else changed.
"""
from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import regex

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class DocumentError(Exception):
    """A document that cannot be processed; the message names it and says why."""

    def __init__(self, doc: str, reason: str):
        super().__init__(f"{doc}: {reason}")
        self.doc = doc
        self.reason = reason


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes, doc: str) -> str:
    """UTF-8 (a byte-order mark is tolerated); anything else is refused with a
    clear reason rather than guessed."""
    if not data.strip():
        raise DocumentError(doc, "empty document")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(doc, "binary file (NUL bytes), not text")
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DocumentError(doc, f"not valid UTF-8 text ({err.reason} at byte {err.start})") from None


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a file as normalised text, or raise DocumentError naming it."""
    path = Path(path)
    doc = str(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise DocumentError(doc, f"cannot read: {err.strerror or err}") from None
    if size > max_bytes:
        raise DocumentError(doc, f"file is {size} bytes, larger than the limit of {max_bytes} bytes")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(doc, f"cannot read: {err.strerror or err}") from None
    return normalize(decode(data, doc))


# --- sentences and clauses ------------------------------------------------
# A full stop ends a sentence when followed by a space/newline and not part of
# a number (`1.186`) or an abbreviation (`TP.HCM`, `PGS.TS`). `!`, `?`, `…`
# and line breaks end sentences too.
_SENTENCE_END = regex.compile(r"(?:(?<=[.!?…])[\"”’)]*\s+|\n+)")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) spans covering text[start:end]."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > begin:
            spans.append((begin, m.start()))
        begin = m.end()
    if begin < end:
        spans.append((begin, end))
    return spans


def enclosing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span of `spans` (sorted, disjoint) that contains pos."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return s, e
    return pos, pos
