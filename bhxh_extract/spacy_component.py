"""The spaCy pipeline component "bhxh_extract".

Registered through the ``spacy_factories`` entry point (pyproject.toml), so
it works without importing this package first::

    import spacy
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("bhxh_extract")
    doc = nlp(text)
    [(s.label_, s.text, s._.bhxh["value"]) for s in doc.spans["bhxh"]]
    doc._.bhxh_record            # the whole record, the JSON shape of the schema

spaCy's Vietnamese tokenizer segments words with pyvi by default, which we do
not require: ``use_pyvi: False`` splits on syllables instead. Our rules work on
characters, never on spaCy's tokens; mentions are aligned to tokens with
``alignment_mode="expand"``, so a span may be wider than its mention: the
exact mention is in ``span._.bhxh`` (``text``, ``start``, ``end``).

Extension values are plain JSON data (dicts, lists, str, numbers), so docs
survive ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(..., n_process=N)``.

This module is imported by spaCy whenever any pipeline is created (that is
how entry-point factories work), so it imports nothing heavy at the top.
"""
from __future__ import annotations

import unicodedata
from typing import Any, Optional

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as err:   # the default install has no spaCy: it is the [spacy] extra
    raise ImportError(f"the bhxh_extract spaCy component needs spaCy: pip install 'bhxh_extract[spacy]' "
                      f"({err})") from err

SPAN_KEY = "bhxh"
RECORD_EXTENSION = "bhxh_record"
MENTION_EXTENSION = "bhxh"
PUBLISHED_EXTENSION = "published"


def register_extensions() -> None:
    """``Doc._.bhxh_record``, ``Doc._.published`` and ``Span._.bhxh``; safe
    to call any number of times."""
    if not Doc.has_extension(RECORD_EXTENSION):
        Doc.set_extension(RECORD_EXTENSION, default=None)
    if not Doc.has_extension(PUBLISHED_EXTENSION):
        Doc.set_extension(PUBLISHED_EXTENSION, default=None)
    if not Span.has_extension(MENTION_EXTENSION):
        Span.set_extension(MENTION_EXTENSION, default=None)


@Language.factory(
    "bhxh_extract",
    default_config={"span_key": SPAN_KEY, "published": None},
    assigns=["doc.spans", f"doc._.{RECORD_EXTENSION}", f"span._.{MENTION_EXTENSION}"],
)
def make_bhxh_extract(nlp: Language, name: str, span_key: str, published: Optional[str] = None) -> "BhxhExtract":
    register_extensions()
    return BhxhExtract(name, span_key, published)


class BhxhExtract:
    """Runs the extractor on ``doc.text`` and writes its mentions as spans.

    ``doc.user_data["doc_id"]`` is passed to the extractor, and so is a
    publication date: ``doc._.published`` or ``doc.user_data["published"]``,
    else the component's ``published`` config (any form ``extract`` takes:
    ISO date or date-time with or without a zone, DD/MM/YYYY, ...). A bad
    config value is a ValueError when the pipe is added; a document's bad
    value is noted in its record's ``errors`` and ignored. No document stops
    ``nlp.pipe``: one the extractor refuses gets the record
    ``{"doc_id": ..., "error": ...}`` and no spans.
    """

    def __init__(self, name: str = "bhxh_extract", span_key: str = SPAN_KEY, published: Optional[str] = None):
        from .text.published import normalize_published
        self.name = name
        self.span_key = span_key
        self.published = normalize_published(published)   # ValueError naming a bad value, at add_pipe

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import extract
        from .text.published import normalize_published
        from .text.reading import DocumentError

        doc_id = doc.user_data.get("doc_id") or "document"
        given = doc._.get(PUBLISHED_EXTENSION) or doc.user_data.get("published")
        notes: tuple[str, ...] = ()
        try:
            published = normalize_published(given) or self.published
        except ValueError as err:
            published, notes = self.published, (f"{err}; ignored",)
        try:
            record = extract(doc.text, doc_id=doc_id, published=published, notes=notes)
        except Exception as err:   # one document never stops nlp.pipe
            reason = err.reason if isinstance(err, DocumentError) else f"internal error: {type(err).__name__}: {err}"
            doc._.set(RECORD_EXTENSION, {"doc_id": doc_id, "error": reason})
            doc.spans[self.span_key] = []
            return doc
        doc._.set(RECORD_EXTENSION, record.to_dict())
        to_original = OffsetMap(doc.text)
        spans = []
        for mention in record.mentions:
            start, end = to_original.span(mention.start, mention.end)
            span = doc.char_span(start, end, label=mention.type, alignment_mode="expand")
            if span is None:   # only for offsets outside the text; never for a valid record
                continue
            span._.set(MENTION_EXTENSION, mention.to_dict())
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


class OffsetMap:
    """Maps offsets in the normalised text (what records index: NFC, ``\\n``
    line ends) back to offsets in the text as spaCy holds it.

    The text is cut before every character that starts a new grapheme-like
    unit (combining class 0, and never between ``\\r`` and ``\\n``); each
    piece is normalised on its own, so normalised positions map to the piece
    they came from. Identity for text that is already normalised.
    """

    def __init__(self, original: str):
        from .text.reading import normalize
        self.identity = normalize(original) == original
        if self.identity:
            return
        self.starts: list[int] = []   # normalised index -> start of its piece in the original
        self.ends: list[int] = []     # normalised index -> end of its piece in the original
        for begin, end in _pieces(original):
            size = len(normalize(original[begin:end]))
            self.starts.extend([begin] * size)
            self.ends.extend([end] * size)
        self.length = len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.identity:
            return start, end
        if not self.starts:
            return 0, 0
        start = min(start, len(self.starts) - 1)
        return self.starts[start], self.ends[max(start, min(end, len(self.ends)) - 1)]


def _pieces(text: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    begin = 0
    for i in range(1, len(text) + 1):
        at_end = i == len(text)
        if at_end or (unicodedata.combining(text[i]) == 0 and text[i - 1:i + 1] != "\r\n"):
            pieces.append((begin, i))
            begin = i
    return pieces


def mentions_of(doc: Doc, span_key: str = SPAN_KEY) -> list[dict[str, Any]]:
    """The mention dicts of a processed doc, in text order."""
    return [span._.get(MENTION_EXTENSION) for span in doc.spans.get(span_key, [])]


register_extensions()
