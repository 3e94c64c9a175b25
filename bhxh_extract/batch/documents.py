"""One document: its text read (a text file, an HTML page, a JSONL field) and extracted into a Record, or an Outcome holding the error."""
from __future__ import annotations

from dataclasses import replace

from ..pipeline import extract, page_document, with_page_fields
from ..text.published import normalize_published
from ..records import Record
from ..text.reading import DocumentError, decode_document, load_document, normalize, read_bytes
from .inputs import Options, Outcome, Task


# --- one document -------------------------------------------------------------------
# A publication date given with a document (JSONL `published`, a page's
# metadata, a dataframe column): bhxh_extract.published says which forms.
iso_published = normalize_published


def extract_task(task: Task, options: Options = Options()) -> tuple[Record, str, str | None]:
    """The record of one task, the text its offsets index and the document's
    URL (given, or found in the page); raises DocumentError naming the
    document when it cannot be processed."""
    if task.error is not None:
        raise DocumentError(task.source, task.error)
    text, meta = _task_text(task, options)
    notes = list(task.notes) + list(meta.get("notes", ()))   # how the text was read (an encoding, a repair)
    try:
        published = normalize_published(task.published)
    except ValueError as err:   # a bad date never fails the document: it is noted, and ignored
        published = None
        notes.append(f"{err}; ignored")
    record = extract(text, task.doc_id, published or options.published or meta.get("published"), notes=tuple(notes))
    # A title given with the document (JSONL) or found in the page (its
    # headline) is the publisher's; the layout only guesses one from the text.
    record = with_page_fields(record, meta)
    if task.title:
        record = replace(record, title=task.title)
    return record, normalize(text), task.url or meta.get("url")


def _task_text(task: Task, options: Options) -> tuple[str, dict]:
    if task.kind == "html":
        data = task.text if task.text is not None else read_bytes(task.path, options.max_bytes)
        return page_document(data, task.source)
    if task.text is None or isinstance(task.text, bytes):
        decoded = (load_document(task.path, options.max_bytes) if task.text is None
                   else decode_document(task.text, task.source))
        return decoded.text, {"notes": decoded.notes}
    if len(task.text) > options.max_bytes or len(task.text.encode("utf-8")) > options.max_bytes:
        raise DocumentError(task.source, f"text is larger than the limit of {options.max_bytes} bytes")
    if not task.text.strip():
        raise DocumentError(task.source, "empty document")
    return task.text, {}


# An HTML page's text and fields (kept here under its earlier name).
html_document = page_document


def run_task(task: Task, options: Options = Options()) -> Outcome:
    """Never raises: a document that fails becomes an error outcome."""
    try:
        record, text, url = extract_task(task, options)
    except DocumentError as err:
        return Outcome(task.doc_id, error=err.reason, source=task.source, line=task.line)
    except Exception as err:   # one bad document never stops a batch
        return Outcome(task.doc_id, error=f"internal error: {type(err).__name__}: {err}",
                       source=task.source, line=task.line)
    out = record.to_dict(explain=options.explain)
    if url:
        out["url"] = url
    if options.include_text:
        out["text"] = text
    return Outcome(task.doc_id, record=out, source=task.source, line=task.line)
