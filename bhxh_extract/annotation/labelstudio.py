"""Label Studio: tasks with pre-annotations (regions in code points, as Label
Studio 1.23 counts them), the labelling config, and its JSON export read
back into gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..records import FIELDS_BY_TYPE, MENTION_TYPES
from ..text.reading import DocumentError, normalize, read_document, sha256


LABEL_FROM = "label"        # the Labels control
FIELDS_FROM = "fields"      # the per-region TextArea
ARTICLE_FROM = "article"    # the task-level TextArea
TEXT_TO = "text"            # the Text object
FACT_RELATION = "fact"
CAMPAIGN = "campaign"
CAMPAIGN_FIELDS = ("kind", "date", "plans")
GOLD_ARTICLE_FIELDS = ("title", "published", "province", "reference_date", "author", "province_2025")
# Fields that are strings in the schema: `number=2043` typed without quotes stays "2043".
STRING_FIELDS = frozenset({"kind", "number", "symbol", "ref", "issuer", "unit", "currency", "name",
                           "title", "author", "province", "province_2025", "published",
                           "reference_date", "date"})
COLOURS = {"date": "#2563eb", "doc_ref": "#7c3aed", "count": "#16a34a", "percent": "#ea580c",
           "money": "#b45309", CAMPAIGN: "#0f766e"}



# --- Label Studio ------------------------------------------------------------------------
def config_path(tasks_path: Path) -> Path:
    return tasks_path.with_name(tasks_path.stem + ".config.xml")


def _label_tags() -> str:
    return "\n".join(f'    <Label value="{kind}" background="{COLOURS[kind]}"/>'
                     for kind in (*MENTION_TYPES, CAMPAIGN))


LABEL_CONFIG = f"""<View>
  <Header value="$doc_id"/>
  <Labels name="{LABEL_FROM}" toName="{TEXT_TO}">
{_label_tags()}
  </Labels>
  <Relations>
    <Relation value="{FACT_RELATION}"/>
  </Relations>
  <Text name="{TEXT_TO}" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="Fields of the selected region: one key=value per line, the value in JSON (null, 925, &quot;bhyt&quot;)"/>
    <TextArea name="{FIELDS_FROM}" toName="{TEXT_TO}" perRegion="true" editable="true" rows="7"/>
  </View>
  <Header value="Article fields (key=value, the value in JSON)"/>
  <TextArea name="{ARTICLE_FROM}" toName="{TEXT_TO}" editable="true" rows="6"/>
</View>
"""


def labelstudio_task(text: str, record: Mapping) -> dict:
    """One pre-annotated task: `data` (text, doc_id, text_sha256) and one prediction."""
    result: list[dict] = []
    span_ids: dict[tuple[int, int], str] = {}
    for i, mention in enumerate(record.get("mentions") or []):
        region = f"m{i}"
        span_ids.setdefault((mention["start"], mention["end"]), region)
        result += _region(region, mention["type"], mention["start"], mention["end"], text,
                          [(name, mention.get(name)) for name in FIELDS_BY_TYPE[mention["type"]]])
    for i, campaign in enumerate(record.get("campaigns") or []):
        result += _campaign_results(f"c{i}", campaign, text, span_ids)
    result.append({"id": "article", "from_name": ARTICLE_FROM, "to_name": TEXT_TO, "type": "textarea",
                   "value": {"text": _field_lines((name, record[name]) for name in GOLD_ARTICLE_FIELDS
                                                  if name in record)}})
    model = "gold" if "schema_version" not in record else f"bhxh_extract {record['schema_version']}"
    return {"data": {"text": text, "doc_id": record["doc_id"], "text_sha256": sha256(text)},
            "predictions": [{"model_version": model, "result": result}]}


def _region(region: str, label: str, start: int, end: int, text: str,
            fields: Iterable[tuple[str, Any]]) -> list[dict]:
    # Offsets in code points, as Label Studio 1.23 counts them (module docstring).
    return [
        {"id": region, "from_name": LABEL_FROM, "to_name": TEXT_TO, "type": "labels",
         "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}},
        {"id": region, "from_name": FIELDS_FROM, "to_name": TEXT_TO, "type": "textarea",
         "value": {"start": start, "end": end, "text": _field_lines(fields)}},
    ]


def _campaign_results(region: str, campaign: Mapping, text: str,
                      span_ids: Mapping[tuple[int, int], str]) -> list[dict]:
    start, end = campaign["start"], campaign["end"]
    fields = [(name, campaign.get(name)) for name in CAMPAIGN_FIELDS]
    if campaign.get("name") != text[start:end]:
        fields.insert(0, ("name", campaign.get("name")))
    facts = [tuple(span) for span in campaign.get("facts") or []]
    unlinked = [list(span) for span in facts if span not in span_ids]
    if unlinked:   # a fact that is no mention of the record cannot be a relation
        fields.append(("facts", unlinked))
    relations = [{"from_id": region, "to_id": span_ids[span], "type": "relation", "direction": "right",
                  "labels": [FACT_RELATION]} for span in facts if span in span_ids]
    return _region(region, CAMPAIGN, start, end, text, fields) + relations


def _field_lines(fields: Iterable[tuple[str, Any]]) -> list[str]:
    return [f"{name}={json.dumps(value, ensure_ascii=False)}" for name, value in fields]


# --- Label Studio export -> gold ----------------------------------------------------------
def gold_from_task(task: Mapping, corpus: Path, use_predictions: bool = False,
                   allow_empty: bool = False) -> dict | None:
    """The gold record of one exported task, or None when nobody annotated it
    (and `use_predictions` is off). Raises DocumentError naming the doc_id."""
    data = task.get("data") if isinstance(task, Mapping) else None
    if not isinstance(data, Mapping) or not data.get("doc_id"):
        problem = export_format_problem([task])
        raise DocumentError("(task)", problem or "no data.doc_id: not a task exported by `bhxh_extract export`")
    doc_id = str(data["doc_id"])
    result = _chosen_result(doc_id, task, use_predictions, allow_empty)
    if result is None:
        return None
    text_path = corpus / f"{doc_id}.txt"
    if not text_path.is_file():
        raise DocumentError(doc_id, f"its text {text_path} is not in the corpus")
    text = read_document(text_path)
    if "text" in data and normalize(str(data["text"])) != text:
        raise DocumentError(doc_id, f"the task's text differs from {text_path}")
    record = TaskReader(doc_id, text, result).record()
    _validate(doc_id, record)
    return record


FULL_PREDICTIONS_HINT = ("export the project with full predictions (Label Studio's export API with "
                         "serialization_options {\"predictions\": {\"only_id\": false}})")


def _chosen_result(doc_id: str, task: Mapping, use_predictions: bool, allow_empty: bool) -> list | None:
    """The latest annotation that was not cancelled; else, if allowed, the latest prediction."""
    predictions = task.get("predictions") or []
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, Mapping) and not a.get("was_cancelled")]
    if annotations:
        chosen = max(enumerate(annotations), key=lambda ia: (ia[1].get("updated_at") or "", ia[0]))[1]
        result = chosen.get("result") or []
        if predictions and not allow_empty and not _regions(result) and _may_have_regions(predictions[-1]):
            raise DocumentError(doc_id, f"annotation {chosen.get('id', '?')} has no regions although the task was "
                                        "pre-annotated (the editor may have opened it without its prediction): "
                                        "open the task again in Label Studio, or pass --allow-empty to write it "
                                        "with no mentions")
        return result
    if not (use_predictions and predictions):
        return None
    latest = predictions[-1]
    if not isinstance(latest, Mapping):
        raise DocumentError(doc_id, f"the export lists this task's predictions by id only ({latest!r}), without "
                                    f"their regions; for --use-predictions, {FULL_PREDICTIONS_HINT}")
    return latest.get("result") or []


def _regions(result: Sequence) -> list:
    return [item for item in result if isinstance(item, Mapping) and item.get("type") == "labels"]


def _may_have_regions(prediction: Any) -> bool:
    """A prediction listed by id may have regions; a full one says."""
    return not isinstance(prediction, Mapping) or bool(_regions(prediction.get("result") or []))


# Keys of Label Studio's JSON-MIN rows (one flat object per annotation).
_JSON_MIN_KEYS = frozenset({"annotation_id", "annotator", "lead_time"})


def export_format_problem(tasks: Any) -> str | None:
    """Why `tasks` is not Label Studio's JSON export, or None when it is."""
    if not isinstance(tasks, list):
        return "not a Label Studio JSON export (a list of tasks)"
    rows = [t for t in tasks if isinstance(t, Mapping)]
    if len(rows) != len(tasks):
        return "not a Label Studio JSON export (a list of tasks: some entries are not objects)"
    if rows and all("data" not in t and "annotations" not in t for t in rows) and \
            any(_JSON_MIN_KEYS & set(t) or "doc_id" in t for t in rows):
        return ("this is Label Studio's JSON-MIN export (flat rows without `data` and `annotations`), which drops "
                "the region ids, the per-region fields and the relations: export the project as JSON instead")
    return None


class TaskReader:
    """Reads the regions, fields and relations of one task's result into a gold record."""

    def __init__(self, doc_id: str, text: str, result: Sequence[Mapping]):
        self.doc_id, self.text = doc_id, text
        self.spans: dict[str, tuple[str, int, int]] = {}   # region id -> (label, start, end)
        self.fields: dict[str, dict[str, Any]] = {}
        self.article: dict[str, Any] = {}
        self.facts: dict[str, list[str]] = {}
        for item in result:
            self._read(item)

    def _read(self, item: Mapping) -> None:
        kind, value = item.get("type"), item.get("value") or {}
        if kind == "relation":
            if FACT_RELATION in (item.get("labels") or [FACT_RELATION]):
                self.facts.setdefault(item["from_id"], []).append(item["to_id"])
        elif kind == "labels" and item.get("from_name") == LABEL_FROM:
            self.spans[item["id"]] = self._span(item["id"], value)
        elif kind == "textarea" and item.get("from_name") == FIELDS_FROM:
            self.fields[item["id"]] = parse_fields(value.get("text"), f"{self.doc_id} region {item['id']}")
        elif kind == "textarea" and item.get("from_name") == ARTICLE_FROM:
            self.article = parse_fields(value.get("text"), f"{self.doc_id} article fields")

    def _span(self, region: str, value: Mapping) -> tuple[str, int, int]:
        labels = value.get("labels") or []
        if len(labels) != 1 or labels[0] not in (*MENTION_TYPES, CAMPAIGN):
            raise DocumentError(self.doc_id, f"region {region}: needs exactly one label of "
                                             f"{', '.join((*MENTION_TYPES, CAMPAIGN))}, has {labels}")
        start, end = value.get("start"), value.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text)):
            raise DocumentError(self.doc_id, f"region {region}: offsets {value.get('start')}-{value.get('end')} "
                                             "are outside the text")
        if "text" in value and value["text"] != self.text[start:end]:
            raise DocumentError(self.doc_id, f"region {region}: its text {value['text']!r} is not the corpus "
                                             f"text at {start}-{end}, {self.text[start:end]!r}")
        return labels[0], start, end

    def record(self) -> dict:
        record: dict[str, Any] = {"doc_id": self.doc_id, "text_sha256": sha256(self.text)}
        for name in GOLD_ARTICLE_FIELDS:
            if name in self.article or name != "province_2025":
                record[name] = self.article.get(name)
        regions = sorted(self.spans.items(), key=lambda kv: (kv[1][1], kv[1][2], kv[1][0]))
        record["mentions"] = [self._mention(region, *span) for region, span in regions if span[0] != CAMPAIGN]
        record["campaigns"] = [self._campaign(region, *span) for region, span in regions if span[0] == CAMPAIGN]
        return record

    def _mention(self, region: str, kind: str, start: int, end: int) -> dict:
        fields = self.fields.get(region, {})
        unknown = set(fields) - set(FIELDS_BY_TYPE[kind])
        if unknown:
            raise DocumentError(self.doc_id, f"region {region} ({kind} {self.text[start:end]!r}): "
                                             f"unknown fields {sorted(unknown)}")
        mention = {"type": kind, "start": start, "end": end, "text": self.text[start:end]}
        mention.update((name, fields.get(name)) for name in FIELDS_BY_TYPE[kind])
        return mention

    def _campaign(self, region: str, kind: str, start: int, end: int) -> dict:
        fields = self.fields.get(region, {})
        unknown = set(fields) - {"name", "facts", *CAMPAIGN_FIELDS}
        if unknown:
            raise DocumentError(self.doc_id, f"campaign {region} ({self.text[start:end]!r}): "
                                             f"unknown fields {sorted(unknown)}")
        facts = {tuple(span) for span in fields.get("facts") or []}
        for target in self.facts.get(region, []):
            if target not in self.spans:
                raise DocumentError(self.doc_id, f"campaign {region}: a fact relation points to {target}, "
                                                 "which is no labelled region")
            facts.add(self.spans[target][1:])
        return {"name": fields.get("name") or self.text[start:end], "start": start, "end": end,
                "kind": fields.get("kind"), "date": fields.get("date"), "plans": list(fields.get("plans") or []),
                "facts": [list(span) for span in sorted(facts)]}


def parse_fields(lines: Any, where: str) -> dict[str, Any]:
    """`key=value` lines (a list of entries, each possibly several lines) into a dict.
    Values are JSON; one that is not (`issuer=BHXH tỉnh`) is taken as a string."""
    if isinstance(lines, str):
        lines = [lines]
    fields: dict[str, Any] = {}
    for line in (part for entry in lines or [] for part in str(entry).splitlines()):
        if not line.strip():
            continue
        name, sep, raw = line.partition("=")
        name, raw = name.strip(), raw.strip()
        if not sep or not name:
            raise DocumentError(where, f"the line {line!r} is not key=value")
        fields[name] = _field_value(name, raw)
    return fields


def _field_value(name: str, raw: str) -> Any:
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if name in STRING_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
        return raw
    return value


def _validate(doc_id: str, record: dict) -> None:
    try:
        import jsonschema
    except ImportError:   # validation is a test extra; the structure is still ours
        return
    from importlib import resources
    schema = json.loads(resources.files("bhxh_extract").joinpath("data/record.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(record))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "record"
        raise DocumentError(doc_id, f"not a valid record at {where}: {error.message}")


def gold_json(record: Mapping) -> str:
    """The gold files' format: UTF-8 JSON indented by one space, newline at the end."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


