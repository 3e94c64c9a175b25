"""The record of one article, exactly the shape of ../shared/ANNOTATION.md.

Frozen dataclasses so a record can be passed around (and between processes)
without anyone changing it by accident. `to_dict()` gives the JSON shape of
record.schema.json; `from_dict()` reads it back (gold files included).

Every mention remembers the rule that produced it (`rule`) and, for
`--explain`, the words that triggered it (`evidence`): neither is part of
the record, they are written only by `to_dict(explain=True)`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

SCHEMA_VERSION = "1.1"
# The files of the command line's output, which both the writers (batch)
# and the readers (frames.read_records) know: every output file is written
# as NAME.partial and renamed when complete; a table directory holds the
# full records beside its tables.
PARTIAL = ".partial"
RECORDS_FILE = "records.jsonl"

# The value fields of each mention type, in the order the guide lists them.
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "date": ("value", "year_inferred"),
    "doc_ref": ("kind", "number", "symbol", "ref", "issued", "issuer"),
    "count": ("value", "total", "value_max", "unit", "scheme", "comparator", "period"),
    "percent": ("value", "value_max", "comparator", "scheme", "measure", "period"),
    "money": ("value", "value_max", "currency", "comparator", "period"),
}
MENTION_TYPES = tuple(FIELDS_BY_TYPE)


@dataclass(frozen=True)
class Mention:
    type: str
    start: int
    end: int
    text: str
    values: Mapping[str, Any] = field(default_factory=dict)
    rule: str | None = field(default=None, compare=False)
    evidence: str | None = field(default=None, compare=False)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def with_values(self, **changes: Any) -> "Mention":
        return Mention(self.type, self.start, self.end, self.text,
                       {**self.values, **changes}, self.rule, self.evidence)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "start": self.start,
                               "end": self.end, "text": self.text}
        for name in FIELDS_BY_TYPE[self.type]:
            out[name] = self.values.get(name)
        if explain:
            out["rule"] = self.rule
            if self.evidence:
                out["evidence"] = self.evidence
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Mention":
        kind = data["type"]
        values = {name: data.get(name) for name in FIELDS_BY_TYPE[kind]}
        return cls(kind, data["start"], data["end"], data["text"], values,
                   data.get("rule"), data.get("evidence"))


@dataclass(frozen=True)
class Campaign:
    name: str
    start: int
    end: int
    kind: str
    date: str | None = None
    plans: tuple[str, ...] = ()
    facts: tuple[tuple[int, int], ...] = ()
    rule: str | None = field(default=None, compare=False)
    evidence: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name, "start": self.start, "end": self.end,
            "kind": self.kind, "date": self.date, "plans": list(self.plans),
            "facts": [list(f) for f in self.facts]}
        if explain:
            out["rule"] = self.rule
            out["evidence"] = list(self.evidence)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Campaign":
        return cls(data["name"], data["start"], data["end"], data["kind"],
                   data.get("date"), tuple(data.get("plans", ())),
                   tuple(tuple(f) for f in data.get("facts", ())),
                   data.get("rule"), tuple(data.get("evidence", ())))


ARTICLE_FIELDS = ("title", "published", "province", "province_2025",
                  "reference_date", "author")


@dataclass(frozen=True)
class Record:
    doc_id: str
    text_sha256: str
    title: str | None = None
    published: str | None = None
    province: str | None = None
    province_2025: str | None = None
    reference_date: str | None = None
    author: str | None = None
    mentions: tuple[Mention, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    errors: tuple[str, ...] = ()

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION,
                               "doc_id": self.doc_id,
                               "text_sha256": self.text_sha256}
        for name in ARTICLE_FIELDS:
            out[name] = getattr(self, name)
        out["mentions"] = [m.to_dict(explain) for m in self.mentions]
        out["campaigns"] = [c.to_dict(explain) for c in self.campaigns]
        if self.errors:
            out["errors"] = list(self.errors)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Record":
        return cls(
            doc_id=data["doc_id"], text_sha256=data["text_sha256"],
            **{name: data.get(name) for name in ARTICLE_FIELDS},
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            campaigns=tuple(Campaign.from_dict(c) for c in data.get("campaigns", ())),
            errors=tuple(data.get("errors", ())))

    def of_type(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.type == kind]


@dataclass(frozen=True)
class Failure:
    """A document that could not be processed, as a batch output keeps it:
    its error line `{"doc_id", "file", "line"?, "error"}`."""
    doc_id: str
    error: str
    file: str | None = None
    line: int | None = None

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "file": self.file}
        if self.line is not None:
            out["line"] = self.line
        out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Failure":
        return cls(doc_id=str(data["doc_id"]), error=str(data["error"]), file=data.get("file"),
                   line=data.get("line"))
