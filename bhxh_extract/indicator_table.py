"""From mentions to a dataset: one indicator table across a whole corpus
(`bhxh_extract.indicators(records)`; the module has another name so that
the function is what the package attribute is).

    figures(records)     one row per count, percent or money figure, with its source
    indicators(records)  the same figure from several articles merged into one
                         row with all its sources; disagreeing reports flagged
    sources(table)       the sources of an indicator table, one row each

A figure is an *indicator* when it says what, where, for which scheme and
when: the key is (province, province_2025, scheme, type, what, period,
comparator), where `what` is the percent's `measure`, the count's `unit` or
the money's currency. A target and an achieved rate differ in `what`
(`target` / `coverage`), a six-month figure and the year's differ in
`period`; `trên 90%` and `90%` differ in comparator: none of them merge.

Merging: rows with the same key and the same value (percents to two
decimals, ranges by both ends) become one row whose `sources` lists every
mention it came from (doc_id, start, end, text, title, published) and
`n_sources`, `doc_ids` summarise them. Only figures with a province and a
period are merged: without them two equal numbers say nothing about each
other. Three outlets reporting "Hưng Yên · BHYT · coverage · 2023 · 94,6 %"
give one row with three sources.

Conflicts: two articles that report the same key but share no value for it
disagree (NOTE: within one article different values of a key are different
facts, e.g. several counts of people). Such rows have `conflict` True and
`conflicting_values` the other articles' values. Only keys with a scheme
are checked: counts of enterprises or cases without one are too unlike to
compare. A conflict is a pointer for a reviewer, not a verdict: it is as
right as the scheme, measure and period of both figures.
"""
from __future__ import annotations

from typing import Any, Iterable

import pandas as pd

from .frames import COMPARATOR, SCHEME, STRING, TYPE, _as_dict, date_bounds

FIGURE_TYPES = ("count", "percent", "money")
KEY = ("province", "province_2025", "scheme", "type", "what", "period", "comparator")
SOURCE_FIELDS = ("doc_id", "start", "end", "text", "title", "published")

FIGURE_COLUMNS: dict[str, Any] = {
    "province": STRING, "province_2025": STRING, "scheme": SCHEME, "type": TYPE, "what": STRING,
    "period": STRING, "period_start": "datetime64[ns]", "period_end": "datetime64[ns]",
    "value": "Float64", "value_max": "Float64", "comparator": COMPARATOR,
    "doc_id": STRING, "start": "Int64", "end": "Int64", "text": STRING, "title": STRING, "published": STRING,
}
INDICATOR_COLUMNS: dict[str, Any] = {
    "indicator": "Int64",
    **{name: dtype for name, dtype in FIGURE_COLUMNS.items() if name not in SOURCE_FIELDS},
    "n_sources": "Int64", "doc_ids": STRING, "conflict": "boolean", "conflicting_values": STRING,
    "sources": object,
}
SOURCE_COLUMNS: dict[str, Any] = {"indicator": "Int64", **{name: FIGURE_COLUMNS[name] for name in SOURCE_FIELDS}}


def figures(records: Iterable[Any]) -> pd.DataFrame:
    """One row per count, percent and money mention of the records (Record
    objects or record dicts; error lines are skipped), with its key, value
    and source."""
    rows = []
    for data in (_as_dict(r) for r in records):
        if "mentions" not in data:
            continue
        for m in data["mentions"]:
            if m["type"] not in FIGURE_TYPES:
                continue
            period_start, period_end, _ = date_bounds(m.get("period"))
            rows.append({
                "province": data.get("province"), "province_2025": data.get("province_2025"),
                "scheme": m.get("scheme"), "type": m["type"], "what": _what(m),
                "period": m.get("period"), "period_start": period_start, "period_end": period_end,
                "value": _number(m.get("value")), "value_max": _number(m.get("value_max")),
                "comparator": m.get("comparator"),
                "doc_id": data["doc_id"], "start": m["start"], "end": m["end"], "text": m["text"],
                "title": data.get("title"), "published": data.get("published")})
    return _typed(rows, FIGURE_COLUMNS)


def indicators(records: Iterable[Any]) -> pd.DataFrame:
    """The indicator table of some records: figures merged by key and value,
    each row with its `sources` (a list of dicts), conflicts flagged (see
    the module doc). Rows are sorted by province, scheme, what, period."""
    table = figures(records)
    groups: dict[tuple, dict] = {}
    order: list[tuple] = []
    for row in table.to_dict("records"):
        row = {k: (None if _missing(v) else v) for k, v in row.items()}
        key = tuple(row[k] for k in KEY)
        mergeable = row["province"] is not None and row["period"] is not None
        identity = key + (_rounded(row), ) if mergeable else ("single", len(order))
        if identity not in groups:
            groups[identity] = {**{k: row[k] for k in INDICATOR_COLUMNS if k in row}, "sources": []}
            order.append(identity)
        groups[identity]["sources"].append({k: row[k] for k in SOURCE_FIELDS})
    merged = [groups[i] for i in order]
    _flag_conflicts(merged)
    for row in merged:
        row["n_sources"] = len(row["sources"])
        row["doc_ids"] = "; ".join(dict.fromkeys(s["doc_id"] for s in row["sources"]))
    merged.sort(key=lambda r: tuple("" if r[k] is None else str(r[k]) for k in ("province", "scheme", "what",
                                                                                     "period", "type")))
    for number, row in enumerate(merged, 1):
        row["indicator"] = number
    return _typed(merged, INDICATOR_COLUMNS)


def sources(table: pd.DataFrame) -> pd.DataFrame:
    """The sources of an indicator table, one row per mention, keyed by `indicator`."""
    rows = [{"indicator": indicator, **source}
            for indicator, found in zip(table["indicator"], table["sources"]) for source in found]
    return _typed(rows, SOURCE_COLUMNS)


def _flag_conflicts(merged: list[dict]) -> None:
    by_key: dict[tuple, list[dict]] = {}
    for row in merged:
        if row["province"] is not None and row["period"] is not None and row["scheme"] is not None:
            by_key.setdefault(tuple(row[k] for k in KEY), []).append(row)
    for row in merged:
        row["conflict"], row["conflicting_values"] = False, None
    for rows in by_key.values():
        if len(rows) < 2:
            continue
        values_of: dict[str, set] = {}   # doc_id -> the values it reports for this key
        for row in rows:
            for source in row["sources"]:
                values_of.setdefault(source["doc_id"], set()).add(_rounded(row))
        for row in rows:
            mine = {s["doc_id"] for s in row["sources"]}
            others = set()
            for doc in mine:
                for other, values in values_of.items():
                    if other not in mine and not values & values_of[doc]:
                        others |= values
            if others:
                row["conflict"] = True
                row["conflicting_values"] = "; ".join(_show(v) for v in sorted(others, key=str))


def _what(mention: dict) -> str | None:
    if mention["type"] == "percent":
        return mention.get("measure")
    if mention["type"] == "count":
        return mention.get("unit")
    return mention.get("currency") or "VND"


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _rounded(row: dict) -> tuple:
    digits = 2 if row["type"] == "percent" else 6
    return tuple(None if row[k] is None else round(float(row[k]), digits) for k in ("value", "value_max"))


def _show(value: tuple) -> str:
    low, high = value
    text = f"{low:g}" if low is not None else "?"
    return f"{text}–{high:g}" if high is not None else text


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value) or value is pd.NaT


def _typed(rows: list[dict], columns: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns)) if rows else \
        pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})
    for name, dtype in columns.items():
        if dtype is not object:
            frame[name] = frame[name].astype(dtype)
    return frame
