"""The page for one article: highlighted text, tooltips, the campaign table
and, against gold, the error marks (see the package doc)."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from importlib import resources

from ..evaluate.matching import campaign_diffs
from ..records import FIELDS_BY_TYPE, MENTION_TYPES

# The page's CSS and JavaScript, package data beside this module, inlined
# into every page (it needs no network).
STYLE = resources.files(__package__).joinpath("view.css").read_text(encoding="utf-8")
SCRIPT = resources.files(__package__).joinpath("view.js").read_text(encoding="utf-8")

TYPE_LABELS = {"date": "date", "doc_ref": "doc", "count": "count", "percent": "pct", "money": "money"}
TYPE_NAMES = {"date": "date", "doc_ref": "document", "count": "count", "percent": "percent",
              "money": "money", "campaign": "campaign"}

@dataclass
class Item:
    """One highlighted stretch of text: a mention, a missed gold mention or a campaign name."""
    id: str
    start: int
    end: int
    classes: str
    label: str = ""
    flag: str = ""
    tip: dict[str, Any] = field(default_factory=dict)


def render_html(text: str, record: Mapping, gold: Mapping | None = None) -> str:
    """The page for one article; `record` and `gold` are record dicts (schema shape)."""
    view = _View(text, record, gold)
    tips = {item.id: item.tip for item in view.items}
    body = "\n".join([
        _header(record, gold),
        _legend(view),
        f'<main><article class="text" lang="vi">{render_text(text, view.items)}</article>',
        "<aside>", _scores(view) if gold is not None else "", _article_fields(record, gold),
        _campaign_table(view), "</aside></main>",
        _mention_table(view),
        '<div id="tip" role="tooltip" hidden></div>',
        f'<script type="application/json" id="bhxh-data">{_json_for_script(tips)}</script>',
        f"<script>{SCRIPT}</script>",
    ])
    title = html.escape(f"{record.get('doc_id')} · {record.get('title') or 'bhxh_extract'}")
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title><style>{STYLE}</style></head>\n"
            f'<body class="{"gold" if gold is not None else "nogold"}">\n{body}\n</body></html>\n')


class _View:
    """The items to draw, with their status against gold when there is gold."""

    def __init__(self, text: str, record: Mapping, gold: Mapping | None):
        self.text, self.record, self.gold = text, record, gold
        self.mentions = list(record.get("mentions") or [])
        self.mention_ids = {(m["start"], m["end"]): f"m{i}" for i, m in enumerate(self.mentions)}
        self.evaluation = _evaluate(record, gold) if gold is not None else None
        self.status = self._mention_status()
        self.items: list[Item] = [self._mention_item(i, m) for i, m in enumerate(self.mentions)]
        self.items += self._missed_items()
        self.campaign_rows = self._campaign_rows()
        self.items += [row.item for row in self.campaign_rows]

    # mentions
    def _mention_status(self) -> dict[tuple[str, int, int], Any]:
        if self.evaluation is None:
            return {}
        return {(e.type, e.start, e.end): e for e in self.evaluation.mention_errors
                if e.kind in ("spurious", "wrong")}

    def _mention_item(self, index: int, mention: Mapping) -> Item:
        kind = mention["type"]
        error = self.status.get((kind, mention["start"], mention["end"]))
        status = error.kind if error else ("ok" if self.gold is not None else "")
        tip = {"head": f"{TYPE_NAMES.get(kind, kind)} · {mention['text']}", "status": status,
               "rows": _field_rows(mention), "notes": _error_notes(error)}
        if mention.get("rule"):
            tip["rule"] = mention["rule"]
        flag = {"spurious": "spurious", "wrong": "≠ value"}.get(status, "")
        return Item(f"m{index}", mention["start"], mention["end"],
                    f"m t-{kind} s-{status or 'none'}", TYPE_LABELS.get(kind, kind), flag, tip)

    def _missed_items(self) -> list[Item]:
        if self.evaluation is None:
            return []
        items = []
        gold_mentions = {(m["type"], m["start"], m["end"]): m for m in self.gold.get("mentions") or []}
        for i, error in enumerate(e for e in self.evaluation.mention_errors if e.kind == "missed"):
            mention = gold_mentions.get((error.type, error.start, error.end), {})
            tip = {"head": f"missed {TYPE_NAMES.get(error.type, error.type)} · {error.text}",
                   "status": "missed", "rows": _field_rows(mention), "notes": _error_notes(error)}
            items.append(Item(f"g{i}", error.start, error.end, f"m t-{error.type} s-missed",
                              TYPE_LABELS.get(error.type, error.type), "missed", tip))
        return items

    # campaigns
    def _campaign_rows(self) -> list["CampaignRow"]:
        predicted = list(self.record.get("campaigns") or [])
        rows = [CampaignRow(f"c{i}", c, "ok" if self.gold is not None else "") for i, c in enumerate(predicted)]
        if self.gold is not None:
            _compare_campaigns(rows, list(self.gold.get("campaigns") or []))
        for row in rows:
            row.link(self)
        return rows

    def date_target(self, value: str | None, near: int) -> str | None:
        """The date mention a campaign's date comes from: the same value (or a range
        starting on it), the nearest to the campaign's name."""
        if not value:
            return None
        dates = [m for m in self.mentions if m["type"] == "date" and m.get("value")
                 and (m["value"] == value or m["value"].startswith(value + "/"))]
        dates.sort(key=lambda m: (m["value"] != value, abs(m["start"] - near)))
        return self.mention_ids[(dates[0]["start"], dates[0]["end"])] if dates else None

    def target_of_span(self, span: tuple[int, int]) -> str | None:
        """The id of the predicted mention, else of the missed gold mention, at this span."""
        if span in self.mention_ids:
            return self.mention_ids[span]
        return next((item.id for item in self.items if (item.start, item.end) == span
                     and item.id.startswith("g")), None)

    def plan_target(self, ref: str) -> str | None:
        for m in self.mentions:
            if m["type"] == "doc_ref" and m.get("ref") == ref:
                return self.mention_ids[(m["start"], m["end"])]
        return None


class CampaignRow:
    """A campaign of the record (or a gold campaign the extractor missed) and its links."""

    def __init__(self, id: str, campaign: Mapping, status: str, gold: Mapping | None = None):
        self.id, self.campaign, self.status, self.gold = id, campaign, status, gold
        self.diffs: dict[str, Any] = {}
        self.date_id: str | None = None
        self.plan_ids: list[tuple[str, str | None]] = []
        self.fact_ids: list[tuple[list[int], str | None]] = []

    def link(self, view: _View) -> None:
        c = self.campaign
        self.date_id = view.date_target(c.get("date"), c["start"])
        self.plan_ids = [(ref, view.plan_target(ref)) for ref in c.get("plans") or []]
        self.fact_ids = [(list(span), view.target_of_span(tuple(span))) for span in c.get("facts") or []]

    @property
    def linked(self) -> list[str]:
        ids = [self.id, self.date_id] + [i for _, i in self.plan_ids] + [i for _, i in self.fact_ids]
        return [i for i in ids if i]

    @property
    def item(self) -> Item:
        c = self.campaign
        rows = [["kind", c.get("kind")], ["date", c.get("date")], ["plans", ", ".join(c.get("plans") or []) or None],
                ["facts", len(c.get("facts") or [])]]
        notes = [_campaign_note(name, gold, predicted) for name, (gold, predicted) in self.diffs.items()]
        tip = {"head": f"campaign · {c.get('name')}", "status": self.status, "rows": rows, "notes": notes}
        if c.get("rule"):
            tip["rule"] = c["rule"]
        flag = {"missed": "missed", "spurious": "spurious", "wrong": "≠ campaign"}.get(self.status, "")
        return Item(self.id, c["start"], c["end"], f"camp s-{self.status or 'none'}", "", flag, tip)


def _compare_campaigns(rows: list[CampaignRow], gold: list[Mapping]) -> None:
    from ..evaluate import pair_by_overlap
    pairs = pair_by_overlap([(c["start"], c["end"]) for c in gold],
                            [(r.campaign["start"], r.campaign["end"]) for r in rows])
    paired_gold = set()
    for g, p in pairs:
        paired_gold.add(g)
        rows[p].gold = gold[g]
        rows[p].diffs = _campaign_differences(gold[g], rows[p].campaign)
        rows[p].status = "wrong" if rows[p].diffs else "ok"
    paired_rows = {p for _, p in pairs}
    for p, row in enumerate(rows):
        if p not in paired_rows:
            row.status = "spurious"
    rows += [CampaignRow(f"gc{g}", c, "missed", c) for g, c in enumerate(gold) if g not in paired_gold]


def _campaign_note(name: str, gold: Any, predicted: Any) -> str:
    if name in ("plans", "facts"):
        gold_set = {tuple(x) if name == "facts" else x for x in gold or []}
        predicted_set = {tuple(x) if name == "facts" else x for x in predicted or []}
        return (f"{name}: {len(gold_set - predicted_set)} missing, "
                f"{len(predicted_set - gold_set)} not in gold")
    return f"{name}: gold {_show(gold)} ≠ predicted {_show(predicted)}"


def _campaign_differences(gold: Mapping, predicted: Mapping) -> dict[str, tuple[Any, Any]]:
    """The fields in which a campaign differs from its gold pair, as the
    scorer decides them (evaluate.matching): name → (gold, predicted)."""
    return {d.field: (d.gold, d.predicted) for d in campaign_diffs(gold, predicted)}


def _evaluate(record: Mapping, gold: Mapping):
    from .. import evaluate
    doc_id = gold.get("doc_id") or record.get("doc_id")
    return evaluate.evaluate({doc_id: dict(gold)}, {doc_id: dict(record)})


def _field_rows(mention: Mapping) -> list[list[Any]]:
    return [[name, mention.get(name)] for name in FIELDS_BY_TYPE.get(mention.get("type"), ())]


def _error_notes(error: Any) -> list[str]:
    if error is None:
        return []
    notes = [f"{d.field}: gold {_show(d.gold)} ≠ predicted {_show(d.predicted)}" for d in error.diffs]
    if error.partner:
        side = "predicted" if error.kind == "missed" else "gold"
        notes.append(f"overlaps {side} «{error.partner.get('text')}» "
                     f"[{error.partner['start']}, {error.partner['end']}]")
    return notes


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"


# --- the text with its highlights ------------------------------------------------------
def render_text(text: str, items: Iterable[Item]) -> str:
    """The escaped text with every item wrapped in an element. Items may nest
    (a date inside a campaign name); where two cross, the inner one is split
    into fragments that share its `data-ref`, and only the first carries the id."""
    items = [item for item in items if 0 <= item.start < item.end <= len(text)]
    starting: dict[int, list[Item]] = {}
    for item in items:
        starting.setdefault(item.start, []).append(item)
    bounds = sorted({0, len(text)} | {i.start for i in items} | {i.end for i in items})
    out: list[str] = []
    stack: list[Item] = []
    opened: set[str] = set()
    for here, after in zip(bounds, bounds[1:] + [len(text)]):
        _close_ending(out, stack, here, opened)
        for item in sorted(starting.get(here, []), key=lambda i: -i.end):
            out.append(_open(item, opened))
            stack.append(item)
        out.append(html.escape(text[here:after], quote=False))
    _close_ending(out, stack, len(text), opened)
    return "".join(out)


def _close_ending(out: list[str], stack: list[Item], here: int, opened: set[str]) -> None:
    ending = [depth for depth, item in enumerate(stack) if item.end == here]
    if not ending:
        return
    outer = ending[0]
    for item in reversed(stack[outer:]):
        out.append(_close(item, final=item.end == here))
    reopened = [item for item in stack[outer:] if item.end != here]
    del stack[outer:]
    for item in reopened:
        out.append(_open(item, opened))
        stack.append(item)


def _open(item: Item, opened: set[str]) -> str:
    first = item.id not in opened
    opened.add(item.id)
    attrs = f' id="{html.escape(item.id)}"' if first else ""
    return f'<mark class="{html.escape(item.classes)}" data-ref="{html.escape(item.id)}"{attrs}>'


def _close(item: Item, final: bool) -> str:
    if not final or not (item.label or item.flag):
        return "</mark>"
    label = f'<span class="lbl" data-l="{html.escape(item.label)}"></span>' if item.label else ""
    flag = f'<span class="flag" data-l="{html.escape(item.flag)}"></span>' if item.flag else ""
    return f"{label}{flag}</mark>"


# --- the panels around the text ---------------------------------------------------------
def _header(record: Mapping, gold: Mapping | None) -> str:
    title = html.escape(record.get("title") or "(no title found)")
    mode = "error view against gold" if gold is not None else "extractor output"
    return (f'<header><div class="doc">{html.escape(str(record.get("doc_id")))} · {mode}</div>'
            f"<h1>{title}</h1></header>")


def _legend(view: _View) -> str:
    counts = {kind: 0 for kind in MENTION_TYPES}
    for m in view.mentions:
        counts[m["type"]] = counts.get(m["type"], 0) + 1
    chips = [f'<button type="button" class="chip" data-toggle="{kind}" aria-pressed="true">'
             f'<mark class="m t-{kind} s-none">{TYPE_NAMES.get(kind, kind)}</mark> <b>{n}</b></button>'
             for kind, n in counts.items()]
    chips.append(f'<button type="button" class="chip" data-toggle="camp" aria-pressed="true">'
                 f'<mark class="camp s-none">campaign</mark> <b>{len(view.record.get("campaigns") or [])}</b></button>')
    chips.append('<button type="button" class="chip" data-toggle="lbl" aria-pressed="true">type labels</button>')
    keys = ""
    if view.gold is not None:
        keys = ('<span class="keys">'
                '<span><mark class="m t-count s-missed">missed</mark> in gold, not found</span>'
                '<span><mark class="m t-count s-spurious">spurious</mark> found, not in gold</span>'
                '<span><mark class="m t-count s-wrong">wrong</mark> right span, a field differs</span></span>')
    hint = "" if keys else '<span class="hint">hover a highlight for its values, click a campaign to jump</span>'
    return f'<nav class="legend">{"".join(chips)}{keys}{hint}</nav>'


def _scores(view: _View) -> str:
    document = view.evaluation.documents[0]
    rows = []
    for kind in MENTION_TYPES + ("all",):
        exact, strict = document.mention_scores[kind]["exact"], document.mention_scores[kind]["strict"]
        gold_n, pred_n = exact.tp + exact.fn, exact.tp + exact.fp
        if kind != "all" and not (gold_n or pred_n):
            continue
        rows.append(f'<tr class="{"total" if kind == "all" else ""}"><th>{TYPE_NAMES.get(kind, kind)}</th>'
                    f"<td>{gold_n}</td><td>{pred_n}</td><td>{exact.fn}</td><td>{exact.fp}</td>"
                    f"<td>{strict.fp - exact.fp}</td><td>{strict.f1:.3f}</td></tr>")
    names = document.campaign_names
    return ('<section class="scores"><h2>Against gold</h2><table><thead><tr><th></th><th>gold</th><th>found</th>'
            '<th>missed</th><th>spurious</th><th>wrong</th><th>F1</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<p>campaigns: {names.tp} matched, {names.fn} missed, {names.fp} spurious</p></section>')


def _article_fields(record: Mapping, gold: Mapping | None) -> str:
    rows = []
    for name in ("title", "published", "province", "province_2025", "reference_date", "author"):
        value = record.get(name)
        wrong = gold is not None and (name in gold or name != "province_2025") and gold.get(name) != value
        gold_note = f'<div class="gold-value">gold: {html.escape(_show(gold.get(name)))}</div>' if wrong else ""
        rows.append(f'<tr class="{"wrong" if wrong else ""}"><th>{name}</th>'
                    f'<td>{html.escape(_show(value) if value is None else str(value))}{gold_note}</td></tr>')
    return f'<section><h2>Article</h2><table class="fields">{"".join(rows)}</table></section>'


def _campaign_table(view: _View) -> str:
    if not view.campaign_rows:
        return '<section><h2>Campaigns</h2><p class="none">no campaign found</p></section>'
    body = "".join(_campaign_tr(row, view) for row in view.campaign_rows)
    return ('<section><h2>Campaigns</h2><table class="campaigns"><thead><tr><th>campaign</th><th>date</th>'
            f'<th>plans</th><th>facts</th></tr></thead><tbody>{body}</tbody></table></section>')


def _campaign_tr(row: CampaignRow, view: _View) -> str:
    c = row.campaign
    why_date, why_facts = _campaign_evidence(c)
    date = _link(row.date_id, c.get("date") or "—")
    if why_date:
        date += f'<div class="evidence">{html.escape(why_date)}</div>'
    if "date" in row.diffs:
        date += f'<div class="gold-value">gold: {html.escape(_show(row.diffs["date"][0]))}</div>'
    plans = "<br>".join(_link(target, ref, cls=f"plan {status}")
                        for ref, target, status in _plan_cells(row, view))
    facts = " ".join(_link(target, view.text[start:end], cls=f"fact {status}", title=why_facts.get((start, end)))
                     for (start, end), target, status in _fact_cells(row, view))
    if why_facts:
        reasons = "".join(f"<li>{html.escape(view.text[s:e])}: {html.escape(why)}</li>"
                          for (s, e), why in sorted(why_facts.items()))
        facts += f'<details class="evidence"><summary>why these facts</summary><ul>{reasons}</ul></details>'
    notes = "".join(f'<div class="gold-value">{html.escape(f"{name}: gold {_show(row.diffs[name][0])}")}</div>'
                    for name in ("name", "kind") if name in row.diffs)
    status = f'<span class="badge s-{row.status}">{row.status}</span>' if row.status not in ("", "ok") else ""
    return (f'<tr class="campaign s-{row.status or "none"}" data-links="{html.escape(" ".join(row.linked))}">'
            f'<td>{_link(row.id, c.get("name") or "")} {status}<div class="kind">{html.escape(str(c.get("kind")))}'
            f'</div>{notes}</td><td>{date}</td><td>{plans or "—"}</td><td>{facts or "—"}</td></tr>')


def _campaign_evidence(campaign: Mapping) -> tuple[str | None, dict[tuple[int, int], str]]:
    """Why the campaign has its date, and why each fact is its own, from the
    `evidence` of an --explain record: the date line, and the fact lines in
    the order of its `facts`."""
    evidence = [line for line in campaign.get("evidence") or [] if isinstance(line, str)]
    date = next((line[len("date "):] for line in evidence if line.startswith("date ")), None)
    fact_lines = [line for line in evidence if line.startswith("fact ")]
    spans = [tuple(span) for span in campaign.get("facts") or []]
    facts = {span: line.split(": ", 1)[1] if ": " in line else line
             for span, line in zip(spans, fact_lines)} if len(fact_lines) == len(spans) else {}
    return date, facts


def _plan_cells(row: CampaignRow, view: _View) -> list[tuple[str, str | None, str]]:
    """Each plan with its doc_ref and, against gold, `extra` (not in gold) or `missing` (gold only)."""
    cells = [(ref, target, _set_status(row, "plans", ref, in_prediction=True)) for ref, target in row.plan_ids]
    if row.gold is not None and row.status != "missed":
        cells += [(ref, view.plan_target(ref), "missing") for ref in row.gold.get("plans") or []
                  if ref not in (row.campaign.get("plans") or [])]
    return cells


def _fact_cells(row: CampaignRow, view: _View) -> list[tuple[tuple[int, int], str | None, str]]:
    """Each fact with its mention and, against gold, `extra` or `missing`, in text order."""
    cells = [(tuple(span), target, _set_status(row, "facts", tuple(span), in_prediction=True))
             for span, target in row.fact_ids]
    if row.gold is not None and row.status != "missed":
        predicted = {tuple(span) for span in row.campaign.get("facts") or []}
        cells += [(tuple(span), view.target_of_span(tuple(span)), "missing")
                  for span in row.gold.get("facts") or [] if tuple(span) not in predicted]
    return sorted(cells)


def _set_status(row: CampaignRow, name: str, element: Any, in_prediction: bool) -> str:
    if row.gold is None or row.status == "missed":
        return ""
    gold = row.gold.get(name) or []
    gold = {tuple(x) for x in gold} if name == "facts" else set(gold)
    return "" if element in gold else "extra"


def _mention_table(view: _View) -> str:
    rows = []
    for item in sorted((i for i in view.items if i.classes.startswith("m ")), key=lambda i: (i.start, i.end)):
        kind = item.classes.split()[1][2:]
        status = item.tip.get("status") or ""
        value = "; ".join(f"{k}={_show(v)}" for k, v in item.tip["rows"] if v is not None)
        rows.append(f'<tr class="s-{status or "none"}"><td><span class="swatch t-{kind}"></span>'
                    f'{TYPE_NAMES.get(kind, kind)}</td><td>{_link(item.id, view.text[item.start:item.end])}</td>'
                    f'<td class="value">{html.escape(value)}</td><td>{html.escape(status)}</td></tr>')
    return (f'<details class="all"><summary>All {len(rows)} highlighted mentions</summary>'
            '<table><thead><tr><th>type</th><th>text</th><th>fields</th><th>status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></details>')


def _link(target: str | None, text: str, cls: str = "", title: str | None = None) -> str:
    label = html.escape(text)
    tip = f' title="{html.escape(title)}"' if title else ""
    if not target:
        return f'<span class="{cls} unlinked"{tip}>{label}</span>' if cls else label
    return f'<a class="{cls}" href="#{html.escape(target)}" data-target="{html.escape(target)}"{tip}>{label}</a>'


def _json_for_script(data: Any) -> str:
    # Inside <script>, only `</` (and `<!--`) can end the element: escape every `<`.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
