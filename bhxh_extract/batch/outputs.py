"""Where records go: JSONL / JSON to stdout or a file, CSV / Parquet tables in a directory, always through a `.partial` file renamed when complete; what --resume reads back."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import IO, Iterator

from ..records import PARTIAL, RECORDS_FILE
from .pool import chunks

FORMATS = ("jsonl", "json", "csv", "parquet")
TABLE_FORMATS = ("csv", "parquet")
TABLES = ("documents", "mentions", "campaigns")
TABLE_CHUNK = 2000       # records turned into table rows at a time


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
    from ..frames import to_frames
    directory.mkdir(parents=True, exist_ok=True)
    sinks = {name: _table_sink(directory / f"{name}.{fmt}{PARTIAL}", fmt) for name in TABLES}
    try:
        for chunk in chunks(_read_dicts(records_path), TABLE_CHUNK):
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
