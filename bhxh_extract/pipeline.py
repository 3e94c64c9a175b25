"""extract → normalize → link: one article text in, one Record out.

The stages, in order (each fills its part of the candidates' `fields`,
extractors.rules.Candidate):
1. text: the article's layout (title, dateline, byline, body regions) and
   its structure (link.structure: blocks, sentences, clauses);
2. extract: document references claim their numbers first (`2043/KHLT` is
   no date), then dates (`11/7` is no count), then percents, money and
   counts, and the campaigns' names;
3. normalize: the reference date (the dateline's, else the year the article
   treats as current), against which every date gets its value;
4. link: a doc_ref's issue date and issuer; each figure's comparator,
   scheme, measure and period (link.*, with their evidence); each
   campaign's date, plans and facts;
5. the Record: candidates become Mentions with every field of their type.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .extractors import amounts, campaigns, date_values, dates, docrefs
from .text import article, provinces
from .link import campaign_links, comparators, issuers, structure
from .link.measures import MeasureDecider
from .link.periods import PeriodDecider
from .link.schemes import SchemeDecider
from .link.scope import Resolver
from .text.published import normalize_published
from .records import FIELDS_BY_TYPE, Mention, Record
from .extractors.rules import Candidate, Occupancy, Scan, compile_pattern, resolve, run_rules
from .text.reading import DEFAULT_MAX_BYTES, DocumentError, load_document, normalize, read_bytes, sha256


def extract(text: str, doc_id: str | None = None, published: Any = None,
            notes: tuple[str, ...] = ()) -> Record:
    """The record of one article. `text` is normalised here (NFC, newlines);
    offsets index the normalised text. `published` overrides the dateline
    when the caller knows it: ISO 8601 (date, or date-time with or without a
    zone), DD/MM/YYYY, DD-MM-YYYY or DD/MM/YYYY HH:MM, or a date/datetime,
    stored in the schema's local form (bhxh_extract.published); any other
    value is a ValueError naming it. `notes` (how the text was read: its
    encoding when not UTF-8, a repair) become the record's `errors`."""
    doc_id = doc_id or "document"
    published = normalize_published(published)
    text = normalize(text)
    try:
        return _extract(text, doc_id, published, tuple(notes))
    except TimeoutError:
        raise DocumentError(doc_id, "a pattern search timed out (pathological input)") from None


def extract_file(path: str | Path, doc_id: str | None = None, max_bytes: int | None = None) -> Record:
    """The record of a text file, or of a saved web page (`.html`, `.htm`:
    its article text, headline, dateline and author found by the page's
    structure, as the command line reads it); doc_id: the file name without
    extension. How it was read (an encoding other than UTF-8, a mojibake
    repair) is noted in the record's `errors`; DocumentError when it cannot
    be read."""
    path = Path(path)
    limit = max_bytes or DEFAULT_MAX_BYTES
    if path.suffix.lower() in HTML_SUFFIXES:
        text, fields = page_document(read_bytes(path, limit), str(path))
        record = extract(text, doc_id or path.stem, fields.get("published"), notes=tuple(fields.get("notes", ())))
        return with_page_fields(record, fields)
    document = load_document(path, limit)
    return extract(document.text, doc_id or path.stem, notes=document.notes)


HTML_SUFFIXES = (".html", ".htm")


def page_document(page: bytes | str, source: str) -> tuple[str, dict]:
    """The article text of an HTML page and its fields (title, published,
    author, url, notes), found by the page's structure (text.webpage)."""
    from .text.webpage import read_page   # lxml and trafilatura, imported for pages only
    found = read_page(page, source)
    fields = {"title": found.title, "author": found.author, "published": found.published, "url": found.url,
              "notes": found.notes}
    return found.text, {k: v for k, v in fields.items() if v}


def with_page_fields(record: Record, fields: dict) -> Record:
    """The page's headline and author over what the layout guessed from the
    text (whose first line may well be the lead when the title is apart)."""
    overrides = {name: normalize(fields[name]).strip() for name in ("title", "author") if fields.get(name)}
    return replace(record, **overrides) if overrides else record


def _extract(text: str, doc_id: str, published: str | None, notes: tuple[str, ...]) -> Record:
    layout = article.find_layout(text)
    regions = list(layout.regions)
    doc = structure.build(text, layout)
    sentence_of = doc.sentence_of

    taken = Occupancy()
    doc_cands = resolve(run_rules(docrefs.RULES, Scan(text), regions), taken)
    date_cands = dates.extract_candidates(text, regions, taken)
    published = published or _dateline_value(date_cands, layout)
    doc_dates = _issue_dates(text, doc_cands, date_cands)
    reference = published[:10] if published else article.infer_reference_year(text, date_cands, doc_dates, sentence_of)
    doc.set_reference_year(int(reference[:4]) if reference else None)
    for cand in date_cands:
        cand.fields["value"], cand.fields["year_inferred"] = date_values.resolve(cand.parsed, reference)
        if cand.parsed.year_from_range_end and cand.parsed.first.year is not None:
            cand.fields["year_inferred"] = any(p.year is None for p in (cand.parsed.first, cand.parsed.last) if p)
    issuers.attach_issue_fields(doc_cands, date_cands, text, sentence_of)
    amount_cands = [c for c in resolve(run_rules(amounts.RULES, Scan(text), regions), taken) if c.type != amounts.BLOCKED]
    found = campaigns.find(text, regions, layout.title)
    periods = PeriodDecider(doc, [(d.start, d.end, d.fields["value"]) for d in date_cands], doc_dates,
                            names=[(f.start, f.end) for f in found])
    _link_amounts(amount_cands, doc, periods)
    mentions = sorted((_mention(c, text) for c in doc_cands + date_cands + amount_cands),
                      key=lambda m: (m.start, m.end, m.type))
    found_campaigns = campaign_links.link(found, mentions, doc, layout)
    province = article.find_province(text, layout, published)
    return Record(
        doc_id=doc_id, text_sha256=sha256(text),
        title=text[layout.title[0]:layout.title[1]] if layout.title else None,
        published=published, province=province,
        province_2025=provinces.province_2025(province) if province else None,
        reference_date=reference,
        author=text[layout.byline[0]:layout.byline[1]] if layout.byline else None,
        mentions=tuple(mentions), campaigns=tuple(found_campaigns), errors=notes)


def _issue_dates(text: str, doc_cands: list[Candidate], date_cands: list[Candidate]) -> set[tuple[int, int]]:
    """Spans of the dates written right after a document (`số 548/... ngày
    19/5/2020`, `..., ban hành ngày 5/1/2023`): issue dates, which do not
    make a year current and are no figure's period. A date linked by another
    word (`thông tư số 02/2017/TT-BYT vào tháng 10/2017`) is not one."""
    date_at = {d.start: d for d in date_cands}
    return {(d.start, d.end) for doc in doc_cands for gap in range(1, 16)
            if (d := date_at.get(doc.end + gap)) is not None and _ISSUE_GAP.fullmatch(text, doc.end, d.start)}


_ISSUE_GAP = compile_pattern(r"[\s,]*(?:(?:ban\s+hành|ký)\s+)?(?:ngày\s*)?")


def _dateline_value(date_cands: list[Candidate], layout: article.Layout) -> str | None:
    if layout.dateline is None:
        return None
    for cand in date_cands:
        if layout.dateline[0] <= cand.start < layout.dateline[1]:
            value, _ = date_values.resolve(cand.parsed, None)
            return value
    return None


def _link_amounts(cands: list[Candidate], doc: structure.Document, periods: PeriodDecider) -> None:
    """Comparator, scheme, measure and period of each figure, through the document
    structure and its scopes; the words and scope step that decided each go
    into the candidate's evidence (for --explain)."""
    resolver = Resolver(doc)
    schemes, measures = SchemeDecider(doc, resolver), MeasureDecider(doc, resolver)
    for cand in sorted(cands, key=lambda c: c.start):   # periods look back at earlier figures
        why = []
        if cand.fields.get("comparator") is None:
            decision = comparators.comparator_of(doc.text, cand.start, cand.end)
            cand.fields["comparator"] = decision.value
            if decision.evidence:
                why.append(f"comparator ← {decision.evidence}")
        if cand.type in ("count", "percent"):
            contribution = cand.type == "percent" and measures.is_contribution_rate(cand.start, cand.end)
            decision = schemes.decide(cand.start, cand.end, contribution_rate=contribution)
            cand.fields["scheme"] = decision.value
            if decision.evidence:
                why.append(f"scheme ← {decision.evidence}")
        if cand.type == "percent":
            decision = measures.decide(cand.start, cand.end)
            cand.fields["measure"] = decision.value
            why.append(f"measure ← {decision.evidence}")
        decision = periods.decide(cand.start, cand.end)
        cand.fields["period"] = decision.value
        if decision.evidence:
            why.append(f"period ← {decision.evidence}")
        cand.evidence = "; ".join(why) or None


def _mention(cand: Candidate, text: str) -> Mention:
    values = dict(cand.fields)
    if cand.type == "money":
        values.setdefault("currency", "VND")
    for name in FIELDS_BY_TYPE[cand.type]:   # every field of the type, null when not set
        values.setdefault(name, None)
    return Mention(cand.type, cand.start, cand.end, text[cand.start:cand.end], values,
                   rule=f"{cand.type}: {cand.rule}", evidence=cand.evidence)
