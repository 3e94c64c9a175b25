"""Dask support (the `[dask]` extra): the extractor over a Dask dataframe,
on one machine or a cluster.

    import dask.dataframe as dd
    from bhxh_extract.dask import extract_dataframe
    docs = dd.read_parquet("press_releases/")          # columns: id, text[, published]
    mentions = extract_dataframe(docs)                  # lazy; one row per mention
    mentions.to_parquet("mentions/")

Each partition goes through `bhxh_extract.frames.extract_frame`, a plain
pandas function, so the core stays engine-free and the same function serves
Spark's `mapInPandas` and Ray's `map_batches` (see the README). Every worker
needs bhxh_extract installed; nothing else is shipped to it.
"""
from __future__ import annotations

from typing import Any

from .frames import META, extract_frame


def extract_dataframe(ddf: Any, table: str = "mentions", text_col: str = "text", id_col: str = "id",
                      published_col: str = "published") -> Any:
    """A lazy Dask dataframe of the extraction of `ddf`'s documents: by
    default one row per mention with the columns of
    `bhxh_extract.frames.MENTIONS_META` (`table="documents"` or
    `"campaigns"` for the other tables). Its index restarts in each partition."""
    if table not in META:
        raise ValueError(f"table must be one of {sorted(META)}, not {table!r}")
    missing = [c for c in (text_col,) if c not in ddf.columns]
    if missing:
        raise ValueError(f"the dataframe has no {missing[0]!r} column (columns: {list(ddf.columns)})")
    return ddf.map_partitions(extract_frame, text_col=text_col, id_col=id_col, published_col=published_col,
                              table=table, meta=META[table], enforce_metadata=True)
