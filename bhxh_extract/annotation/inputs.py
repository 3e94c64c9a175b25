"""What `export` reads: record files, or any input of the main command
extracted as it does (batch.iter_tasks / extract_task)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from ..text.reading import DocumentError, read_document, sha256

# --- reading the inputs -----------------------------------------------------------------
def iter_documents(inputs: Iterable[str], corpus: Path) -> Iterator[tuple[str, dict] | DocumentError]:
    """(text, record dict) for every input; a DocumentError for each one that
    fails. Records (.json files, directories of them, JSONL files of records)
    are taken as they are, their text from `corpus`; everything else is read
    and extracted as the main command does (batch.iter_tasks/extract_task:
    text, HTML, JSONL documents, directories, globs, standard input)."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from (_record_file(p, corpus) for p in sorted(path.glob("*.json")))
            if _has_documents(path):
                yield from _extracted([name])
        elif path.suffix == ".json":
            yield _record_file(path, corpus)
        elif path.suffix == ".jsonl" and _holds_records(path):
            yield from _jsonl_records(path, corpus)
        else:
            yield from _extracted([name])


def _record_file(path: Path, corpus: Path) -> tuple[str, dict] | DocumentError:
    try:
        return _with_text(_read_json(path), corpus, str(path))
    except DocumentError as err:
        return err


def _has_documents(folder: Path) -> bool:
    from ..batch import INPUT_KINDS
    return any(p.suffix.lower() in INPUT_KINDS for p in folder.rglob("*") if p.is_file())


def _extracted(inputs: list[str]) -> Iterator[tuple[str, dict] | DocumentError]:
    """The main command's reading path, in-process: one record per document."""
    from ..batch import Options, extract_task, iter_tasks
    options = Options()
    for task in iter_tasks(inputs, options):
        try:
            record, text, _url = extract_task(task, options)
        except DocumentError as err:
            yield err
            continue
        except Exception as err:   # one bad document never stops the export
            yield DocumentError(task.source, f"internal error: {type(err).__name__}: {err}")
            continue
        yield text, record.to_dict()


def _holds_records(path: Path) -> bool:
    """A JSONL file of records (the main command's output: `doc_id` and
    `mentions`, or error lines) rather than of documents to extract."""
    try:
        with open(path, "rb") as stream:
            for raw in stream:
                if raw.strip():
                    line = json.loads(raw.decode("utf-8-sig"))
                    return isinstance(line, dict) and ("mentions" in line or ("error" in line and "text" not in line))
    except (OSError, ValueError):
        return False   # the batch reader reports it, naming the line
    return False


def _read_json(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DocumentError(str(path), f"cannot read the record: {err}") from None
    if not isinstance(record, dict) or "doc_id" not in record or "mentions" not in record:
        raise DocumentError(str(path), "not a record (needs doc_id and mentions)")
    return record


def _jsonl_records(path: Path, corpus: Path) -> Iterator[tuple[str, dict] | DocumentError]:
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{line_number}"
        try:
            record = json.loads(line) if line.strip() else None
        except ValueError as err:
            yield DocumentError(where, f"not JSON: {err}")
            continue
        if not record or "error" in record:   # blank lines and documents the extractor refused
            continue
        try:
            yield _with_text(record, corpus, where)
        except DocumentError as err:
            yield err


def _with_text(record: dict, corpus: Path, where: str) -> tuple[str, dict]:
    text_path = corpus / f"{record['doc_id']}.txt"
    if not text_path.is_file():
        raise DocumentError(where, f"its text {text_path} is not there (use --corpus DIR)")
    text = read_document(text_path)
    if record.get("text_sha256") not in (None, sha256(text)):
        raise DocumentError(where, f"was made on a different text than {text_path} (text_sha256 differs)")
    return text, record


