"""Batch runs: many documents in, one record (or one error line) per document out.

    inputs   files, directories (recursive), globs, JSONL documents, stdin → Tasks
    run      serial, or a pool of worker processes started once; input order kept
    outputs  JSONL / JSON to stdout or a file, CSV / Parquet tables in a directory

Every output file is written under a `.partial` name beside its final name
and renamed only when the run is complete, so an interrupted run never leaves
a file that looks whole; `--resume` continues the partial file (or extends a
complete one) and skips the doc_ids already in it.

Memory stays bounded whatever the corpus size: tasks are generated lazily and
at most `jobs * WINDOW_PER_JOB` chunks are in flight. Only doc_ids are kept
in memory: those seen in the run (to make duplicates unique, some 100 bytes
each) and, with `--resume`, those already written.
"""
from __future__ import annotations

import glob
import io
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from .pipeline import extract
from .text.published import normalize_published
from .records import Record
from .text.reading import DEFAULT_MAX_BYTES, DocumentError, decode_document, load_document, normalize

INPUT_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
FORMATS = ("jsonl", "json", "csv", "parquet")
TABLE_FORMATS = ("csv", "parquet")
TABLES = ("documents", "mentions", "campaigns")
RECORDS_FILE = "records.jsonl"   # beside the tables: the full records, and what --resume continues
PARTIAL = ".partial"
CHUNK = 4                # documents per task sent to a worker (~50 ms of work)
WINDOW_PER_JOB = 4       # chunks in flight per worker: enough to keep it busy, little memory
TABLE_CHUNK = 2000       # records turned into table rows at a time
# Starting a worker costs ~0.7 s (imports, underthesea's model): below this
# many documents one process finishes sooner than a pool.
PARALLEL_FROM = 50


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
    # headline) is the publisher's; the layout only guesses one from the
    # text, whose first line may well be the lead when the title is apart.
    overrides = {name: normalize(meta[name]).strip() for name in ("title", "author") if meta.get(name)}
    if task.title:
        overrides["title"] = task.title
    return (replace(record, **overrides) if overrides else record), normalize(text), task.url or meta.get("url")


def _task_text(task: Task, options: Options) -> tuple[str, dict]:
    if task.kind == "html":
        data = task.text if task.text is not None else _read_bytes(task.path, options.max_bytes)
        return html_document(data, task.source)
    if task.text is None or isinstance(task.text, bytes):
        decoded = (load_document(task.path, options.max_bytes) if task.text is None
                   else decode_document(task.text, task.source))
        return decoded.text, {"notes": decoded.notes}
    if len(task.text) > options.max_bytes or len(task.text.encode("utf-8")) > options.max_bytes:
        raise DocumentError(task.source, f"text is larger than the limit of {options.max_bytes} bytes")
    if not task.text.strip():
        raise DocumentError(task.source, "empty document")
    return task.text, {}


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise DocumentError(path, f"file is {size} bytes, larger than the limit of {max_bytes} bytes")
        return Path(path).read_bytes()
    except OSError as err:
        raise DocumentError(path, f"cannot read: {err.strerror or err}") from None


def html_document(page: bytes | str, source: str) -> tuple[str, dict]:
    """The article text of an HTML page and its fields (title, published,
    author, url, notes), found by the page's structure (bhxh_extract.webpage)."""
    from .text.webpage import read_page
    found = read_page(page, source)
    meta = {"title": found.title, "author": found.author, "published": found.published, "url": found.url,
            "notes": found.notes}
    return found.text, {k: v for k, v in meta.items() if v}


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


# --- serial and parallel runs -------------------------------------------------------
WARM_UP_TEXT = ("Theo Kế hoạch số 548/KH-BHXH ngày 15/5/2020, BHXH tỉnh đã vận động được 1.186 người "
                "tham gia BHXH tự nguyện, đạt 132,14% kế hoạch, thu 12,76 triệu đồng; 9 hợp tác xã mới.")
_WORKER_OPTIONS = Options()


def _init_worker(options: Options) -> None:
    """Once per worker process: options, signals, and every lazy import and
    compiled pattern loaded now rather than on the first document."""
    global _WORKER_OPTIONS
    _WORKER_OPTIONS = options
    # Ctrl-C reaches the whole process group: the parent alone handles it
    # (writes what it has, says how to resume); workers just finish or stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, OOM killer) cannot stop its pool:
    # workers stop themselves once orphaned instead of waiting forever.
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    extract(WARM_UP_TEXT, "warm-up")


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run_chunk(tasks: list[Task]) -> list[Outcome]:
    return [run_task(task, _WORKER_OPTIONS) for task in tasks]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def run_tasks(tasks: Iterable[Task], options: Options = Options(), jobs: int = 1,
              min_parallel: int = PARALLEL_FROM) -> Iterator[Outcome]:
    """One outcome per task, in input order. With jobs > 1 and at least
    `min_parallel` documents, a pool of `jobs` worker processes, each
    initialised once; at most jobs * WINDOW_PER_JOB chunks are in flight."""
    tasks = iter(tasks)
    head = list(islice(tasks, max(min_parallel, 2)))
    if jobs <= 1 or len(head) < max(min_parallel, 2):
        return (run_task(task, options) for task in chain(head, tasks))
    return _run_pool(chain(head, tasks), options, jobs)


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _new_pool(jobs: int, options: Options) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options,))


def _run_pool(tasks: Iterator[Task], options: Options, jobs: int) -> Iterator[Outcome]:
    chunks = _chunks(tasks, CHUNK)
    pool = _new_pool(jobs, options)
    pending: deque[tuple[list[Task], Any]] = deque()
    try:
        for chunk in islice(chunks, jobs * WINDOW_PER_JOB):
            pending.append((chunk, pool.submit(_run_chunk, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crashed): every chunk
                # in flight failed with it; redo them one document at a time.
                pool.shutdown(wait=False, cancel_futures=True)
                suspects = chunk + [t for c, _ in pending for t in c]
                pending.clear()
                yield from _run_alone(suspects, options)
                pool = _new_pool(jobs, options)
                outcomes = []
            yield from outcomes
            for chunk in islice(chunks, jobs * WINDOW_PER_JOB - len(pending)):
                pending.append((chunk, pool.submit(_run_chunk, chunk)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_alone(tasks: list[Task], options: Options) -> Iterator[Outcome]:
    """Each task in a one-worker pool, so a document that kills its worker
    is known and reported, and the others still get their records."""
    pool = _new_pool(1, options)
    try:
        for task in tasks:
            try:
                yield pool.submit(_run_chunk, [task]).result()[0]
            except BrokenProcessPool:
                yield Outcome(task.doc_id, source=task.source, line=task.line,
                              error="the worker process died on this document (killed, out of memory or crashed)")
                pool.shutdown(wait=False)
                pool = _new_pool(1, options)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- writers ------------------------------------------------------------------------
class JsonlWriter:
    """One JSON object per line."""

    def __init__(self, stream: IO[str], count: int = 0):
        self.stream, self.count = stream, count

    def write(self, obj: dict) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter(JsonlWriter):
    """A JSON array, one record per line: `[`, `{...},`, ..., `{...}`, `]`.
    Until closed the file ends after a record, so a resumed run can go on."""

    def __init__(self, stream: IO[str], count: int = 0, started: bool = False):
        super().__init__(stream, count)
        if not started:
            stream.write("[\n")

    def write(self, obj: dict) -> None:
        self.stream.write(("" if self.count == 0 else ",\n") + json.dumps(obj, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n")
        self.stream.flush()


class IndentedWriter(JsonlWriter):
    """The single-document default: one record as indented JSON."""

    def write(self, obj: dict) -> None:
        if "error" not in obj or "text_sha256" in obj:
            self.stream.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
        self.count += 1


# --- outputs: stdout, a file, a directory of tables ---------------------------------
class OutputError(Exception):
    """A problem with -o / --format / --resume (a usage error, exit code 2)."""


class StdoutOutput:
    """Standard output, or a device or pipe named with -o (/dev/stdout, a
    FIFO): written as it goes, since such a path cannot be renamed onto."""

    def __init__(self, fmt: str, indent: bool = False, path: Path | None = None):
        self.fmt, self.indent, self.path = fmt, indent, path
        self.done: set[str] = set()
        self.stream: IO[str] = sys.stdout

    def open(self, resume: bool):
        if resume:
            raise OutputError("--resume needs an output file: -o PATH")
        if self.path is not None:
            self.stream = open(self.path, "w", encoding="utf-8")
        if self.indent:
            self.writer = IndentedWriter(self.stream)
        else:
            self.writer = JsonArrayWriter(self.stream) if self.fmt == "json" else JsonlWriter(self.stream)
        return self.writer

    def commit(self) -> None:
        self.writer.close()
        if self.path is not None:
            self.stream.close()

    def abort(self) -> str | None:
        self.stream.flush()
        return None

    def describe(self) -> str:
        return "standard output" if self.path is None else str(self.path)


class FileOutput:
    """JSONL or a JSON array written to PATH.partial, renamed to PATH when complete."""

    def __init__(self, path: Path, fmt: str):
        self.path, self.fmt = path, fmt
        self.partial = path.with_name(path.name + PARTIAL)
        self.done: set[str] = set()
        self.stream: IO[str] | None = None
        self.writer: JsonlWriter | None = None

    def open(self, resume: bool) -> JsonlWriter:
        if self.partial.exists() and not resume:
            raise OutputError(f"{self.partial} is left from an interrupted run: add --resume to continue it, "
                              "or delete it to start over")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume and not self.partial.exists() and self.path.exists():
            shutil.copyfile(self.path, self.partial)    # extend a complete output
        if resume and self.partial.exists():
            self._check_format(self.partial)
            self.done, end, count = scan_output(self.partial, self.fmt)
            with open(self.partial, "r+b") as raw:
                raw.truncate(end)
            self.stream = open(self.partial, "a", encoding="utf-8", newline="\n")
        else:
            self.stream, count = open(self.partial, "w", encoding="utf-8", newline="\n"), 0
        if self.fmt == "json":
            self.writer = JsonArrayWriter(self.stream, count, started=self.stream.tell() > 0)
        else:
            self.writer = JsonlWriter(self.stream, count)
        return self.writer

    def _check_format(self, path: Path) -> None:
        """Never cut a file written in the other format down to nothing."""
        with open(path, "rb") as stream:
            head = stream.read(4096).lstrip()
        if head and head.startswith(b"[") != (self.fmt == "json"):
            found = "a JSON array" if head.startswith(b"[") else "JSONL"
            raise OutputError(f"{path} holds {found}, not --format {self.fmt}: resume with the format it was "
                              "written in")

    def commit(self) -> None:
        self.writer.close()
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self.partial, self.path)

    def abort(self) -> str | None:
        if self.stream is not None and not self.stream.closed:
            self.stream.flush()
            self.stream.close()
        return str(self.partial)

    def describe(self) -> str:
        return str(self.path)


class TablesOutput:
    """CSV or Parquet tables in a directory: documents, mentions, campaigns.
    The full records go to DIR/records.jsonl first (resumable, lossless);
    the tables are built from it, in chunks, when the run is complete."""

    def __init__(self, directory: Path, fmt: str):
        self.directory, self.fmt = directory, fmt
        self.records = FileOutput(directory / RECORDS_FILE, "jsonl")
        self.include_text = False

    @property
    def done(self) -> set[str]:
        return self.records.done

    @property
    def partial(self) -> Path:
        return self.records.partial

    def open(self, resume: bool) -> JsonlWriter:
        if self.directory.exists() and not self.directory.is_dir():
            raise OutputError(f"-o {self.directory}: --format {self.fmt} writes three tables into a directory, "
                              "and this is a file")
        if self.fmt == "parquet":
            _require_pyarrow()
        return self.records.open(resume)

    def commit(self) -> None:
        self.records.writer.close()
        self.records.stream.flush()
        write_tables(self.records.partial, self.directory, self.fmt, self.include_text)
        self.records.commit()

    def abort(self) -> str | None:
        for table in TABLES:
            _remove(self.directory / f"{table}.{self.fmt}{PARTIAL}")
        return self.records.abort()

    def describe(self) -> str:
        return f"{self.directory}/{{{','.join(TABLES)}}}.{self.fmt}"


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise OutputError("Parquet output needs pyarrow: pip install 'bhxh_extract[parquet]'") from None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def scan_output(path: Path, fmt: str = "jsonl") -> tuple[set[str], int, int]:
    """(doc_ids, end offset, number of records) of an output file written by
    JsonlWriter or JsonArrayWriter. The end offset is just after the last
    whole record: whatever an interrupted write left after it is cut off
    (a JSONL line without its newline counts as cut off)."""
    done, end, count, offset = set(), 0, 0, 0
    with open(path, "rb") as stream:
        for raw in stream:
            content = raw.rstrip()
            if fmt == "json" and content == b"[":
                end = offset + len(raw)
            elif content.startswith(b"{") and (fmt == "json" or raw.endswith(b"\n")):
                record = content.rstrip(b",") if fmt == "json" else content
                doc_id = _doc_id_of(record)
                if doc_id is not None:
                    done.add(doc_id)
                    count += 1
                    end = offset + (len(record) if fmt == "json" else len(raw))
            offset += len(raw)
    return done, end, count


def _doc_id_of(line: bytes) -> str | None:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return str(obj["doc_id"]) if isinstance(obj, dict) and "doc_id" in obj else None


def write_tables(records_path: Path, directory: Path, fmt: str, include_text: bool = False) -> None:
    """documents.FMT, mentions.FMT and campaigns.FMT from a JSONL file of
    records, TABLE_CHUNK records at a time; each written to a .partial name
    and renamed when whole."""
    from .frames import to_frames
    directory.mkdir(parents=True, exist_ok=True)
    sinks = {name: _table_sink(directory / f"{name}.{fmt}{PARTIAL}", fmt) for name in TABLES}
    try:
        for chunk in _chunks(_read_dicts(records_path), TABLE_CHUNK):
            frames = to_frames(chunk, include_text=include_text)
            for name in TABLES:
                sinks[name].write(getattr(frames, name))
        empty = to_frames([], include_text=include_text)
        for name in TABLES:
            if not sinks[name].started:      # no records: a table with its columns and no rows
                sinks[name].write(getattr(empty, name))
    finally:
        for sink in sinks.values():
            sink.close()
    for name in TABLES:
        os.replace(directory / f"{name}.{fmt}{PARTIAL}", directory / f"{name}.{fmt}")


def _read_dicts(path: Path) -> Iterator[dict]:
    with open(path, "rb") as stream:
        for raw in stream:
            line = raw.strip().rstrip(b",")
            if line.startswith(b"{"):
                yield json.loads(line)


class _CsvSink:
    def __init__(self, path: Path):
        # UTF-8 with a byte-order mark: Excel reads a CSV without one as the
        # local code page and garbles Vietnamese; pandas reads it back with
        # encoding="utf-8-sig" (the mark is written once, at the start).
        self.stream = open(path, "w", encoding="utf-8-sig", newline="")
        self.rows, self.started = 0, False

    def write(self, frame) -> None:
        frame.to_csv(self.stream, index=False, header=not self.started, lineterminator="\n")
        self.rows += len(frame)
        self.started = True

    def close(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()


class _ParquetSink:
    def __init__(self, path: Path):
        self.path, self.writer, self.schema = path, None, None
        self.rows, self.started = 0, False

    def write(self, frame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq
        if self.writer is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self.schema = table.schema
            self.writer = pq.ParquetWriter(self.path, self.schema)
        else:
            table = pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
        self.writer.write_table(table)
        self.rows += len(frame)
        self.started = True

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _table_sink(path: Path, fmt: str):
    return _CsvSink(path) if fmt == "csv" else _ParquetSink(path)


def make_output(path: str | None, fmt: str | None, indent: bool = False):
    """The output for -o PATH and --format FMT (inferred from PATH's
    extension when not given); raises OutputError for a usage problem."""
    if path in (None, "-"):
        fmt = fmt or "jsonl"
        if fmt in TABLE_FORMATS:
            raise OutputError(f"--format {fmt} writes three tables: give a directory with -o DIR")
        return StdoutOutput(fmt, indent=indent)
    target = Path(path)
    is_dir = path.endswith(("/", os.sep)) or target.is_dir()
    if fmt is None:
        fmt = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(target.suffix.lower())
        if fmt is None and (is_dir or target.suffix.lower() in (".csv", ".parquet")):
            raise OutputError(f"-o {path}: say --format csv or --format parquet (three tables are written "
                              "into the directory) or give a .jsonl / .json file name")
        fmt = fmt or "jsonl"
    if fmt in TABLE_FORMATS:
        return TablesOutput(target, fmt)
    if target.exists() and not target.is_file() and not is_dir:   # a device or a pipe
        return StdoutOutput(fmt, path=target)
    if is_dir:
        raise OutputError(f"-o {path} is a directory: --format {fmt} writes one file, give its name")
    return FileOutput(target, fmt)


# --- a whole run --------------------------------------------------------------------
@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: int | None = None   # the signal that stopped the run
    partial: str | None = None       # where the partial output is

    def line(self) -> str:
        text = f"{self.ok} ok, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} already in the output (skipped)"
        done = self.ok + self.failed
        rate = f" ({done / self.seconds:.1f} documents/s)" if done and self.seconds > 0 else ""
        return text + f" in {self.seconds:.1f} s{rate}"


class Interrupted(BaseException):
    """SIGTERM turned into an exception, so the run stops like on Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum, frame):
    raise Interrupted(signum)


@dataclass
class Batch:
    inputs: list[str]
    output: Any
    options: Options = field(default_factory=Options)
    jobs: int = 1
    resume: bool = False
    progress: bool = False
    report: Any = None            # called with each error message (default: stderr)


def run_batch(batch: Batch) -> Summary:
    """Extract every input document into the output; failures become error
    lines and go on. SIGINT / SIGTERM stop the run cleanly: what is written
    stays in the .partial file and Summary.interrupted says which signal."""
    summary, started = Summary(), time.monotonic()
    writer = batch.output.open(batch.resume)
    if isinstance(batch.output, TablesOutput):
        batch.output.include_text = batch.options.include_text
    previous, bar = None, None
    try:
        previous = _catch_sigterm()
        bar = _progress_bar(batch) if batch.progress else None
        _write_outcomes(batch, writer, summary, bar)
        batch.output.commit()
    except (KeyboardInterrupt, Interrupted) as stop:
        summary.interrupted = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
        summary.partial = batch.output.abort()
    except Exception:          # a full disk, a closed pipe: keep what is written, then say why
        try:
            batch.output.abort()
        except OSError:
            pass
        raise
    finally:
        summary.seconds = time.monotonic() - started
        if bar is not None:
            bar.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return summary


def _write_outcomes(batch: Batch, writer: JsonlWriter, summary: Summary, bar) -> None:
    done = batch.output.done
    report = batch.report or (lambda message: _print_error(message, bar))
    tasks = unique_doc_ids(iter_tasks(batch.inputs, batch.options), report)
    if done:
        tasks = _skip_done(tasks, done, summary)
    with closing(run_tasks(tasks, batch.options, batch.jobs)) as outcomes:
        for outcome in outcomes:
            writer.write(outcome.to_dict())
            if outcome.error is not None:
                summary.failed += 1
                report(outcome.message())
            else:
                summary.ok += 1
            if bar is not None:
                bar.update(1)
                if outcome.error is not None:
                    bar.set_postfix(failed=summary.failed, refresh=False)


def _skip_done(tasks: Iterator[Task], done: set[str], summary: Summary) -> Iterator[Task]:
    for task in tasks:
        if task.doc_id in done:
            summary.skipped += 1
        else:
            yield task


def _print_error(message: str, bar) -> None:
    if bar is not None:
        bar.write(f"bhxh-extract: {message}", file=sys.stderr)
    else:
        print(f"bhxh-extract: {message}", file=sys.stderr, flush=True)


def _catch_sigterm():
    try:
        return signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:   # not the main thread: leave signals alone
        return None


def _progress_bar(batch: Batch):
    from tqdm import tqdm
    tqdm.monitor_interval = 0     # no monitor thread: the worker pool may fork after the bar starts
    total = count_documents(batch.inputs, batch.options)
    if total is not None and batch.output.done:
        total = max(total - len(batch.output.done), 0)
    return tqdm(total=total, unit="doc", desc="bhxh-extract", file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1, mininterval=0.5)


def progress_wanted(quiet: bool, stream: IO[str] | None = None, records_on_stdout: bool = False) -> bool:
    """A bar only for a person watching: stderr is a terminal, not --quiet,
    and the records do not go to that same terminal (the bar would be
    drawn over them)."""
    stream = stream or sys.stderr
    try:
        if quiet or not stream.isatty():
            return False
        return not (records_on_stdout and sys.stdout.isatty() and _same_terminal(sys.stdout, stream))
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return False


def _same_terminal(one: IO[str], other: IO[str]) -> bool:
    try:
        a, b = os.fstat(one.fileno()), os.fstat(other.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return True   # cannot tell: rather no bar than a bar over the records
    return (a.st_rdev, a.st_ino, a.st_dev) == (b.st_rdev, b.st_ino, b.st_dev)
