"""Gold folders and JSONL record files, keyed by doc_id."""
from __future__ import annotations

import json
from pathlib import Path

# --------------------------------------------------------------------------
# Loading records


def load_records_dir(path: str | Path) -> dict[str, dict]:
    """Every ``*.json`` file directly in ``path`` (not sub-folders), keyed by its doc_id.

    A record without ``doc_id`` is keyed by its file name without extension.
    Two files with the same doc_id raise ValueError.
    """
    records: dict[str, dict] = {}
    for file in sorted(Path(path).glob("*.json")):
        record = json.loads(file.read_text(encoding="utf-8"))
        _add_record(records, record.get("doc_id") or file.stem, record, str(file))
    return records


def load_records_jsonl(path: str | Path, errors: list[dict] | None = None) -> dict[str, dict]:
    """One record per line, keyed by doc_id; blank lines are skipped.

    A line holding an error object (a dict with an ``"error"`` key and no
    ``"mentions"``, written for a document the extractor could not read) is
    not a record: it is left out of the result and, when ``errors`` is a
    list, appended to it. Invalid JSON or a record without doc_id raise
    ValueError naming the line.
    """
    records: dict[str, dict] = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: invalid JSON ({exc})") from exc
            if isinstance(record, dict) and "error" in record and "mentions" not in record:
                if errors is not None:
                    errors.append(record)
                continue
            if not isinstance(record, dict) or not record.get("doc_id"):
                raise ValueError(f"{where}: not a record with a doc_id")
            _add_record(records, record["doc_id"], record, where)
    return records


def _add_record(records: dict[str, dict], doc_id: str, record: dict, where: str) -> None:
    if doc_id in records:
        raise ValueError(f"{where}: duplicate doc_id {doc_id!r}")
    records[doc_id] = record


