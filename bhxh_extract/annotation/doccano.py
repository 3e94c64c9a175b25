"""doccano: one JSONL line per document, its spans as labels."""
from __future__ import annotations

from typing import Mapping

from .labelstudio import CAMPAIGN

# --- doccano ------------------------------------------------------------------------------
def doccano_line(text: str, record: Mapping) -> dict:
    """doccano's sequence-labelling JSONL: `text` and `label: [[start, end, type]]`
    (code points, as doccano counts them), campaigns labelled `campaign`."""
    labels = [[m["start"], m["end"], m["type"]] for m in record.get("mentions") or []]
    labels += [[c["start"], c["end"], CAMPAIGN] for c in record.get("campaigns") or []]
    return {"text": text, "label": sorted(labels), "doc_id": record["doc_id"]}

