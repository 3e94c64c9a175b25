"""Records as flat pandas tables, for researchers and for dataframe engines.

    to_frames(records)  -> Frames(documents, mentions, campaigns)
    read_records(path)  -> the Records (and Failures) of an output of the command line
    extract_frame(df)   -> documents in, one row per mention out (Dask, Spark, Ray)

The columns and their dtypes are fixed, whatever the records hold, so tables
from different runs, chunks or partitions concatenate and compare:

documents  one row per document: the article fields, `published_date`
           (the date of `published`), counts of mentions by type, `errors`
           (problems met, `; `-joined) and `error` (why the document failed:
           such a row has nothing else); `url` when the input gave one, and
           a last column `text` with --include-text.
mentions   one row per mention: doc_id, type, start, end, text, then the
           fields of every type (null where the type has no such field).
           The value is split by type into typed columns:
             value_num   Float64  count, percent and money values as numbers
             value_int   Int64    count and money values, exact (đồng are integers)
             value_str   string   date values, ISO 8601 as in the record
           `value_max` (Float64) is the upper end of a range; `period` the
           date or period a figure holds for (ISO, guide 3.8), also as
           `period_start` / `period_end`;
           and dates also as `start_date` / `end_date` (datetime64: the first
           and last day the ISO value covers, e.g. `2021-Q1` → 1 Jan to 31 Mar)
           with `date_precision` (minute, day, month, quarter, year); a
           doc_ref's `issued` also as `issued_date`. `rule` is filled for
           Record objects and --explain output; `error` only by
           extract_frame, for a document that failed.
campaigns  one row per campaign: doc_id, campaign (its index in the
           document), name, start, end, kind, date (+ start_date/end_date),
           plans (`; `-joined refs), n_plans, facts (`start-end; ...`), n_facts.

type, scheme, comparator, measure, currency, kind and date_precision are
categoricals whose categories are the full fixed lists of the schema.
"""
from __future__ import annotations

import calendar
import json
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

import pandas as pd

from .extractors.amounts import CURRENCIES
from .records import FIELDS_BY_TYPE, MENTION_TYPES, PARTIAL, RECORDS_FILE, SCHEMA_VERSION, Failure, Record

PRECISIONS = ("minute", "day", "month", "quarter", "year")


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))


def _enum(*path: str) -> list[str]:
    node = _schema()
    for key in path:
        node = node[key]
    return [v for v in node["enum"] if v is not None]


def _percent_measures() -> list[str]:
    percent = next(b for b in _schema()["$defs"]["mention"]["oneOf"]
                   if b["properties"]["type"].get("const") == "percent")
    return percent["properties"]["measure"]["enum"]


def _category(values: Iterable[str]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(values), ordered=False)


STRING = pd.StringDtype()
DATE = "datetime64[ns]"
TYPE = _category(MENTION_TYPES)
SCHEME = _category(_enum("$defs", "scheme"))
COMPARATOR = _category(_enum("$defs", "comparator"))
MEASURE = _category(_percent_measures())
CURRENCY = _category(sorted(set(CURRENCIES.values())))
KIND = _category(_enum("$defs", "campaign", "properties", "kind"))
PRECISION = _category(PRECISIONS)

DOCUMENT_COLUMNS: dict[str, Any] = {
    "doc_id": STRING, "title": STRING, "published": STRING, "published_date": DATE,
    "province": STRING, "province_2025": STRING, "reference_date": STRING, "author": STRING,
    "url": STRING, "text_sha256": STRING, "n_mentions": "Int64",
    **{f"n_{kind}": "Int64" for kind in MENTION_TYPES},
    "n_campaigns": "Int64", "errors": STRING, "error": STRING,
}
MENTION_COLUMNS: dict[str, Any] = {
    "doc_id": STRING, "type": TYPE, "start": "Int64", "end": "Int64", "text": STRING,
    "value_num": "Float64", "value_int": "Int64", "value_str": STRING,
    "start_date": DATE, "end_date": DATE, "date_precision": PRECISION, "year_inferred": "boolean",
    "kind": STRING, "number": STRING, "symbol": STRING, "ref": STRING,
    "issued": STRING, "issued_date": DATE, "issuer": STRING,
    "total": "Int64", "value_max": "Float64", "unit": STRING,
    "scheme": SCHEME, "comparator": COMPARATOR, "measure": MEASURE, "currency": CURRENCY,
    "period": STRING, "period_start": DATE, "period_end": DATE,
    "rule": STRING, "error": STRING,
}
CAMPAIGN_COLUMNS: dict[str, Any] = {
    "doc_id": STRING, "campaign": "Int64", "name": STRING, "start": "Int64", "end": "Int64",
    "kind": KIND, "date": STRING, "start_date": DATE, "end_date": DATE,
    "plans": STRING, "n_plans": "Int64", "facts": STRING, "n_facts": "Int64", "rule": STRING,
}


class Frames(NamedTuple):
    documents: pd.DataFrame
    mentions: pd.DataFrame
    campaigns: pd.DataFrame


def _frame(rows: list[dict], columns: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns)) if rows else \
        pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})
    for name, dtype in columns.items():
        frame[name] = _typed(frame[name], dtype, name)
    return frame


def _typed(column: pd.Series, dtype: Any, name: str) -> pd.Series:
    if isinstance(dtype, pd.CategoricalDtype):
        unknown = set(column.dropna()) - set(dtype.categories)
        if unknown:   # never turn a value into a silent NaN
            raise ValueError(f"column {name!r}: {sorted(unknown)} not among its categories {list(dtype.categories)}")
    return column.astype(dtype)


# --- dates -----------------------------------------------------------------------------
def date_bounds(value: str | None) -> tuple[datetime | None, datetime | None, str | None]:
    """(first day, last day, precision) of an ISO value of the record:
    `2020`, `2021-Q1`, `2020-05`, `2020-05-15`, `2020-05-23T08:00`, or a
    range `START/END`; (None, None, None) when there is none."""
    if not value:
        return None, None, None
    first, _, last = value.partition("/")
    start, _, precision = _part_bounds(first)
    _, end, _ = _part_bounds(last or first)
    return start, end, precision


def _part_bounds(part: str) -> tuple[datetime, datetime, str]:
    date, _, clock = part.partition("T")
    year, *rest = date.split("-")
    y = int(year)
    if not rest:
        return datetime(y, 1, 1), datetime(y, 12, 31), "year"
    if rest[0].startswith("Q"):
        last_month = 3 * int(rest[0][1:])
        return datetime(y, last_month - 2, 1), _month_end(y, last_month), "quarter"
    m = int(rest[0])
    if len(rest) == 1:
        return datetime(y, m, 1), _month_end(y, m), "month"
    day = datetime(y, m, int(rest[1]))
    return day, day, "minute" if clock else "day"


def _month_end(year: int, month: int) -> datetime:
    return datetime(year, month, calendar.monthrange(year, month)[1])


def _day(value: str | None) -> datetime | None:
    start, _, _ = date_bounds(value)
    return start if value and "/" not in value and len(value) >= 10 else None


# --- rows ------------------------------------------------------------------------------
def _as_dict(item: Record | Failure | dict) -> dict:
    return item.to_dict(explain=True) if isinstance(item, (Record, Failure)) else item


def _document_row(data: dict, include_text: bool) -> dict:
    if "text_sha256" not in data:      # an error line: the document failed
        row = {"doc_id": data.get("doc_id"), "error": data.get("error")}
    else:
        mentions = data.get("mentions", [])
        row = {name: data.get(name) for name in DOCUMENT_COLUMNS if name in data and name not in ("errors", "error")}
        row["published_date"] = _day(data.get("published"))
        row["n_mentions"] = len(mentions)
        for kind in MENTION_TYPES:
            row[f"n_{kind}"] = sum(1 for m in mentions if m["type"] == kind)
        row["n_campaigns"] = len(data.get("campaigns", []))
        row["errors"] = "; ".join(data["errors"]) if data.get("errors") else None
    if include_text:
        row["text"] = data.get("text")
    return row


def _mention_row(doc_id: str, mention: dict) -> dict:
    row = {"doc_id": doc_id, "type": mention["type"], "start": mention["start"],
           "end": mention["end"], "text": mention["text"], "rule": mention.get("rule")}
    kind, value = mention["type"], mention.get("value")
    for name in FIELDS_BY_TYPE[kind]:
        if name != "value":
            row[name] = mention.get(name)
    if kind == "date":
        row["value_str"] = value
        row["start_date"], row["end_date"], row["date_precision"] = date_bounds(value)
    elif value is not None:
        row["value_num"] = float(value)
        if kind in ("count", "money") and float(value).is_integer():
            row["value_int"] = int(value)   # foreign currencies keep their decimals in value_num only
    if kind in ("count", "percent", "money"):
        row["period_start"], row["period_end"], _ = date_bounds(mention.get("period"))
    if kind == "doc_ref":
        row["issued_date"] = _day(mention.get("issued"))
    return row


def _campaign_row(doc_id: str, index: int, campaign: dict) -> dict:
    plans, facts = campaign.get("plans", []), campaign.get("facts", [])
    start_date, end_date, _ = date_bounds(campaign.get("date"))
    return {"doc_id": doc_id, "campaign": index, "name": campaign["name"],
            "start": campaign["start"], "end": campaign["end"], "kind": campaign["kind"],
            "date": campaign.get("date"), "start_date": start_date, "end_date": end_date,
            "plans": "; ".join(plans), "n_plans": len(plans),
            "facts": "; ".join(f"{s}-{e}" for s, e in facts), "n_facts": len(facts),
            "rule": campaign.get("rule")}


def to_frames(records: Iterable[Record | Failure | dict], include_text: bool | None = None) -> Frames:
    """The three tables of some records (Record objects or record dicts, as
    written by the command line; Failures and error lines become document
    rows with `error`). `include_text` adds a `text` column to documents; by default
    when any record carries its text."""
    items = [_as_dict(r) for r in records]
    if include_text is None:
        include_text = any("text" in d and "text_sha256" in d for d in items)
    documents, mentions, campaigns = [], [], []
    for data in items:
        documents.append(_document_row(data, include_text))
        if "text_sha256" not in data:
            continue
        mentions.extend(_mention_row(data["doc_id"], m) for m in data.get("mentions", []))
        campaigns.extend(_campaign_row(data["doc_id"], i, c) for i, c in enumerate(data.get("campaigns", [])))
    document_columns = {**DOCUMENT_COLUMNS, **({"text": STRING} if include_text else {})}
    return Frames(_frame(documents, document_columns), _frame(mentions, MENTION_COLUMNS),
                  _frame(campaigns, CAMPAIGN_COLUMNS))


def read_records(path: str | Path) -> list[Record | Failure]:
    """The records of an output of the command line, in order: a JSONL file,
    a JSON file (the array of --format json, or one indented record), or the
    directory of --format csv/parquet (its records.jsonl, the full records
    beside the tables). A document that failed is kept, as a Failure
    (doc_id, error, file, line), so that `to_frames` counts it.

    Raises ValueError naming the file and line for anything that is not
    records: input documents (extract them first), invalid JSON, a record of
    a newer schema version than this one reads."""
    return list(iter_records(path))


def iter_records(path: str | Path) -> Iterator[Record | Failure]:
    """read_records, lazily (a JSONL file is read line by line)."""
    path = Path(path)
    if path.is_dir():
        path = _records_in_directory(path)
    for where, data in _json_objects(path):
        yield _record_or_failure(data, where)


def _records_in_directory(directory: Path) -> Path:
    records = directory / RECORDS_FILE
    if records.is_file():
        return records
    if (directory / (RECORDS_FILE + PARTIAL)).is_file():
        raise ValueError(f"{directory}: the run that writes it was interrupted ({RECORDS_FILE}{PARTIAL} is "
                         "left): run the same command with --resume to finish it")
    tables = sorted(p.name for p in directory.glob("documents.*"))
    found = f"it holds {', '.join(tables)} but" if tables else "it"
    raise ValueError(f"{directory}: {found} has no {RECORDS_FILE} (the full records that --format csv/parquet "
                     "writes beside the tables): not an output directory of the command line")


def _json_objects(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, object) for each JSON value of a JSONL file, of a JSON array
    (ours: one record per line; or any), or of a file holding one object."""
    with open(path, "rb") as stream:
        head = stream.read(1 << 16)
    text_head = head.decode("utf-8-sig", errors="replace").lstrip()
    if not text_head:
        return
    lines = [line.strip() for line in text_head.split("\n")[:3]]
    one_per_line = lines[0].startswith("{") and _parses(lines[0]) or \
        lines[0] == "[" and len(lines) > 1 and _parses(lines[1].rstrip(","))
    if one_per_line:
        yield from _json_lines(path)           # JSONL, or the array --format json writes
    elif text_head[0] in "[{":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as err:
            raise ValueError(f"{path}: not valid JSON ({err})") from None
        for index, item in enumerate(data if isinstance(data, list) else [data]):
            yield f"{path}[{index}]" if isinstance(data, list) else str(path), item
    else:
        raise ValueError(f"{path}:1: not records of bhxh_extract: the file is not JSON "
                         f"(it starts with {text_head[:30]!r})")


def _parses(line: str) -> bool:
    try:
        json.loads(line)
        return True
    except ValueError:
        return False


def _json_lines(path: Path) -> Iterator[tuple[str, Any]]:
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, 1):
            line = raw.strip().rstrip(b",")
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line or line in (b"[", b"]"):
                continue
            try:
                yield f"{path}:{number}", json.loads(line)
            except (ValueError, UnicodeDecodeError) as err:
                raise ValueError(f"{path}:{number}: not valid JSON ({err})") from None


def _record_or_failure(data: Any, where: str) -> Record | Failure:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: not a record of bhxh_extract (a JSON {type(data).__name__}, not an object)")
    if "text_sha256" not in data and "error" in data and "doc_id" in data:
        return Failure.from_dict(data)
    if "text_sha256" not in data or "mentions" not in data:
        if "text" in data:
            raise ValueError(f"{where}: an input document (it has `text` but no `text_sha256` or `mentions`), "
                             "not a record: extract it first, e.g. python -m bhxh_extract DOCS.jsonl -o records.jsonl")
        raise ValueError(f"{where}: not a record of bhxh_extract (no `text_sha256` and `mentions`; "
                         f"its keys: {', '.join(sorted(map(str, data))[:8])})")
    version = data.get("schema_version")
    if version is not None and not _readable(version):
        raise ValueError(f"{where}: schema_version {version!r}: this bhxh_extract reads records of schema "
                         f"{SCHEMA_VERSION.split('.')[0]}.0 to {SCHEMA_VERSION} (a newer one wrote this file: "
                         "upgrade bhxh_extract)")
    try:
        return Record.from_dict(data)
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"{where}: a malformed record ({type(err).__name__}: {err})") from None


def _readable(version: Any) -> bool:
    """Records of this major version, up to this minor one: older ones lack
    only fields added since (read as null)."""
    try:
        major, minor = (int(x) for x in str(version).split("."))
        ours_major, ours_minor = (int(x) for x in SCHEMA_VERSION.split("."))
    except ValueError:
        return False
    return major == ours_major and minor <= ours_minor


# --- dataframes in, mentions out (Dask, Spark, Ray) -------------------------------------
MENTIONS_META = _frame([], MENTION_COLUMNS)
DOCUMENTS_META = _frame([], DOCUMENT_COLUMNS)
CAMPAIGNS_META = _frame([], CAMPAIGN_COLUMNS)
META = {"mentions": MENTIONS_META, "documents": DOCUMENTS_META, "campaigns": CAMPAIGNS_META}


def extract_frame(df: pd.DataFrame, text_col: str = "text", id_col: str = "id",
                  published_col: str = "published", table: str = "mentions") -> pd.DataFrame:
    """Extract every document of `df` (one per row: its text in `text_col`,
    its doc_id in `id_col` or else the row's index, an optional publication
    date in `published_col`: any form `extract` takes, a bad one noted in the
    record's `errors` and ignored) and return one table: by default one row per
    mention, with the fixed columns of MENTIONS_META (`table="documents"` or
    `"campaigns"` for the others). A document that fails is not dropped: it
    is a mentions row with only doc_id and `error` (a documents row with
    `error`)."""
    if table not in META:
        raise ValueError(f"table must be one of {sorted(META)}, not {table!r}")
    if text_col not in df.columns:
        raise ValueError(f"the dataframe has no {text_col!r} column (columns: {list(df.columns)})")
    from .pipeline import extract
    from .text.published import normalize_published
    from .text.reading import DocumentError
    ids = df[id_col] if id_col in df.columns else pd.Series(df.index, index=df.index)
    published = df[published_col] if published_col in df.columns else pd.Series(None, index=df.index)
    records, failed = [], []
    for doc_id, text, when in zip(ids.astype(str), df[text_col], published):
        try:
            if not isinstance(text, str) or not text.strip():
                raise DocumentError(doc_id, "empty document" if isinstance(text, str) else "no text")
            try:
                when, notes = normalize_published(when), ()
            except ValueError as err:   # as in a batch: noted in the record's errors, and ignored
                when, notes = None, (f"{err}; ignored",)
            records.append(extract(text, doc_id, when, notes=notes).to_dict())
        except DocumentError as err:
            failed.append({"doc_id": doc_id, "error": getattr(err, "reason", str(err))})
        except Exception as err:   # one bad document never stops a partition
            failed.append({"doc_id": doc_id, "error": f"internal error: {type(err).__name__}: {err}"})
    frames = to_frames(records + failed, include_text=False)
    if table != "mentions":
        return getattr(frames, table)
    if not failed:
        return frames.mentions
    return pd.concat([frames.mentions, _frame(failed, MENTION_COLUMNS)], ignore_index=True)


def spark_schema(frame: pd.DataFrame = MENTIONS_META) -> str:
    """A Spark DDL schema string for a table of this module (for
    `mapInPandas`): categoricals and strings are STRING, dates TIMESTAMP."""
    def spark_type(dtype) -> str:
        if pd.api.types.is_bool_dtype(dtype):
            return "BOOLEAN"
        if pd.api.types.is_integer_dtype(dtype):
            return "BIGINT"
        if pd.api.types.is_float_dtype(dtype):
            return "DOUBLE"
        if pd.api.types.is_datetime64_any_dtype(dtype):
            return "TIMESTAMP"
        return "STRING"
    return ", ".join(f"`{name}` {spark_type(dtype)}" for name, dtype in frame.dtypes.items())


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with categoricals as plain strings (for engines, such as
    Spark's Arrow conversion, that do not take dictionary columns)."""
    categorical = [n for n, d in frame.dtypes.items() if isinstance(d, pd.CategoricalDtype)]
    return frame.astype({name: STRING for name in categorical})
