"""What to read: inputs (files, directories, globs, JSONL documents, stdin) as Tasks, doc_ids made unique."""
from __future__ import annotations

import glob
import json
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..text.reading import DEFAULT_MAX_BYTES, DocumentError

INPUT_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


# --- what to read -------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    """How documents are read and what goes into each record."""
    text_field: str = "text"
    id_field: str = "id"
    input_format: str = "auto"          # auto (by extension), text, html, jsonl
    max_bytes: int = DEFAULT_MAX_BYTES
    explain: bool = False
    include_text: bool = False
    published: str | None = None        # --published: for documents that give none (normalised)


@dataclass(frozen=True)
class Task:
    """One document to extract: a file read by the worker, or a text given
    inline (a JSONL line, stdin), or a document already known to be bad."""
    doc_id: str
    source: str                     # the file name, for messages
    path: str | None = None
    kind: str = "text"              # text | html
    text: str | bytes | None = None  # bytes: read from stdin, decoded with the document
    published: Any = None
    title: str | None = None
    url: str | None = None
    line: int | None = None         # line number in a JSONL file
    error: str | None = None
    notes: tuple[str, ...] = ()     # for the record's errors (a doc_id made unique)


@dataclass(frozen=True)
class Outcome:
    """The result of one task: a record dict (the schema's shape, plus `url`
    and `text` when asked) or an error."""
    doc_id: str
    record: dict | None = None
    error: str | None = None
    source: str | None = None
    line: int | None = None

    def to_dict(self) -> dict:
        if self.record is not None:
            return self.record
        out = {"doc_id": self.doc_id, "file": self.source}
        if self.line is not None:
            out["line"] = self.line
        out["error"] = self.error
        return out

    def message(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.error}"


def iter_tasks(inputs: Iterable[str], options: Options = Options()) -> Iterator[Task]:
    """The documents named by `inputs`, lazily, in order: files, directories
    (recursive; *.txt, *.html, *.htm, *.jsonl; hidden entries skipped), glob
    patterns, and `-` for standard input."""
    for name in inputs:
        if name == "-":
            yield from _stdin_tasks(options)
        elif os.path.isdir(name):
            yield from _directory_tasks(Path(name), options)
        elif not os.path.exists(name) and _is_glob(name):
            yield from _glob_tasks(name, options)
        else:
            yield from _file_tasks(Path(name), Path(name).stem, options)


def unique_doc_ids(tasks: Iterable[Task], report=None) -> Iterator[Task]:
    """The tasks with unique doc_ids: a doc_id met again in the batch (two
    JSONL lines with the same `id`, `a/x.txt` and `b/x.txt` given as files)
    becomes `ID#2`, `ID#3`, ... in input order, so that every document has
    its own record and --resume, which skips the doc_ids already written,
    keeps them all. Each renaming is reported and noted in the record's
    errors. Keeps the set of doc_ids seen (some 100 bytes each)."""
    seen: dict[str, int] = {}
    for task in tasks:
        count = seen.get(task.doc_id, 0)
        seen[task.doc_id] = count + 1
        if count:
            unique = f"{task.doc_id}#{count + 1}"
            while unique in seen:                   # an input's own id may already be `ID#2`
                count += 1
                unique = f"{task.doc_id}#{count + 1}"
            seen[unique] = 1
            where = task.source if task.line is None else f"{task.source}:{task.line}"
            message = f"doc_id {task.doc_id!r} is used by an earlier document of this batch: this one is {unique!r}"
            if report is not None:
                report(f"{where}: {message}")
            task = replace(task, doc_id=unique, notes=task.notes + (message,))
        yield task


def count_documents(inputs: Iterable[str], options: Options = Options()) -> int | None:
    """How many documents `inputs` hold (for the progress bar's ETA); None
    when unknown (standard input). A cheap pass: JSONL files are only
    counted by lines, nothing is parsed."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        paths = ([Path(p) for p in sorted(glob.glob(name, recursive=True))]
                 if not os.path.exists(name) and _is_glob(name) else [Path(name)])
        for path in paths:
            files = _walk(path) if path.is_dir() else [path]
            total += sum(_count_lines(f) if _kind(f, options) == "jsonl" else 1 for f in files)
    return total


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[")


def _kind(path: Path, options: Options) -> str:
    if options.input_format != "auto":
        return options.input_format
    return INPUT_KINDS.get(path.suffix.lower(), "text")


def _walk(root: Path) -> Iterator[Path]:
    """Input files under `root`, sorted, hidden files and directories skipped."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_KINDS:
                yield Path(folder) / name


def _directory_tasks(root: Path, options: Options) -> Iterator[Task]:
    # The doc_id of a file found in a directory is its path below the
    # directory without extension: `a/001` and `b/001` stay distinct.
    for path in _walk(root):
        doc_id = path.relative_to(root).with_suffix("").as_posix()
        yield from _file_tasks(path, doc_id, options)


def _glob_tasks(pattern: str, options: Options) -> Iterator[Task]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Task(doc_id=pattern, source=pattern, error="no file matches this pattern")
    for match in matches:
        path = Path(match)
        yield from _directory_tasks(path, options) if path.is_dir() else _file_tasks(path, path.stem, options)


def _file_tasks(path: Path, doc_id: str, options: Options) -> Iterator[Task]:
    kind = _kind(path, options)
    if kind != "jsonl":
        yield Task(doc_id=doc_id, source=str(path), path=str(path), kind=kind)
        return
    try:
        stream = open(path, "rb")
    except OSError as err:
        yield Task(doc_id=doc_id, source=str(path), error=f"cannot read: {err.strerror or err}")
        return
    with stream:
        yield from jsonl_tasks(stream, str(path), options)


def _stdin_tasks(options: Options) -> Iterator[Task]:
    kind = "text" if options.input_format == "auto" else options.input_format
    if kind == "jsonl":
        yield from jsonl_tasks(sys.stdin.buffer, "-", options)
        return
    try:
        data = _read_limited(sys.stdin.buffer, options.max_bytes, "-")
        # Bytes: decoded with the document (HTML: trafilatura finds the page's own encoding).
        yield Task(doc_id="stdin", source="-", kind=kind, text=data)
    except DocumentError as err:
        yield Task(doc_id="stdin", source="-", error=err.reason)


def _read_limited(stream: IO[bytes], max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(name, f"input is larger than the limit of {max_bytes} bytes")
    return data


def _count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 1


# --- JSONL documents ----------------------------------------------------------------
def jsonl_tasks(stream: IO[bytes], name: str, options: Options) -> Iterator[Task]:
    """One task per non-blank line of a JSONL stream of documents
    ({"id", "text", "published"?, "url"?, "title"?}); a malformed line becomes
    an error task naming the file and the line, the other lines go on."""
    stem = "stdin" if name == "-" else Path(name).stem
    for number, raw in enumerate(stream, 1):
        if raw.strip():
            yield _jsonl_task(raw, name, number, f"{stem}:{number}", options)


def _jsonl_task(raw: bytes, name: str, number: int, fallback_id: str, options: Options) -> Task:
    def bad(reason: str, doc_id: str = fallback_id) -> Task:
        return Task(doc_id=doc_id, source=name, line=number, error=reason)

    if len(raw) > options.max_bytes:
        return bad(f"line is {len(raw)} bytes, larger than the limit of {options.max_bytes} bytes")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return bad(f"not valid UTF-8 ({err.reason} at byte {err.start})")
    except ValueError as err:
        return bad(f"not valid JSON ({err})")
    if not isinstance(doc, dict):
        return bad(f"expected a JSON object, found {type(doc).__name__}")
    doc_id = doc.get(options.id_field)
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
    text = doc.get(options.text_field)
    if not isinstance(text, str):
        found = "no" if text is None else f"a {type(text).__name__} in the"
        return bad(f"{found} {options.text_field!r} field (the document's text)", doc_id)
    kind = "html" if options.input_format == "html" else "text"
    return Task(doc_id=doc_id, source=name, line=number, kind=kind, text=text,
                published=doc.get("published"), title=_str_or_none(doc.get("title")),
                url=_str_or_none(doc.get("url")))


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
