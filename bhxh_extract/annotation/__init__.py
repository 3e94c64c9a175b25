"""Round trips through annotation tools: Label Studio and doccano.

    python -m bhxh_extract export --to labelstudio corpus/*.txt -o tasks.json     extractor output to correct
    python -m bhxh_extract export --to labelstudio gold/ --corpus corpus/ -o tasks.json
    python -m bhxh_extract export --to doccano gold/ --corpus corpus/ -o gold.jsonl
    python -m bhxh_extract import --from labelstudio export.json --corpus corpus/ -o gold/

Label Studio tasks carry the records as pre-annotations ("predictions"):
every mention and campaign name is a labelled span (`value.start/end/text/
labels`); the normalised fields of each region are a per-region text area
(`fields`, one `key=value` line each, the value in JSON: `value=925`,
`scheme="bhxh_tu_nguyen"`, `issuer=null`) that a person can correct; a
campaign's facts are relations labelled `fact` from the campaign to the
mentions; the article fields are a text area of the whole task (`article`).
The labelling configuration is written beside the tasks (`OUT.config.xml`).

Offsets are code points on both sides: Label Studio 1.23 counts a region's
`start`/`end` in code points of the task text (Python string indices), as
our records do, also after a character outside the Basic Multilingual Plane
(an emoji), so they are written and read unchanged; a region whose `text`
is not the text at its offsets is refused, naming the region.

`import` reads Label Studio's JSON export (not JSON-MIN, CSV or TSV, which
drop the region ids, the per-region fields and the relations). Its normal
JSON export lists a task's predictions by id; their content, needed by
`--use-predictions`, is in an export made with full predictions. An
annotation with no regions on a pre-annotated task (the editor sometimes
opens a task without its prediction) is refused unless `--allow-empty`.

Importing a Label Studio export writes one gold file per task, in the gold
files' own format: the text is the corpus file's (its SHA-256 recomputed),
every span is checked against it, and the record is validated against the
schema (when `jsonschema` is installed). A task that fails is reported with
its doc_id and the reason; the others are still written.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from ..text.reading import DocumentError
from .doccano import doccano_line
from .inputs import iter_documents
from .labelstudio import (LABEL_CONFIG, config_path, export_format_problem, gold_from_task, gold_json, labelstudio_task,
                          parse_fields)

__all__ = ["export_main", "import_main", "export_parser", "import_parser", "doccano_line", "iter_documents",
           "LABEL_CONFIG", "config_path", "export_format_problem", "gold_from_task", "gold_json", "labelstudio_task",
           "parse_fields"]

EXPORT_EPILOG = """\
examples:
  python -m bhxh_extract export --to labelstudio corpus/*.txt -o tasks.json
        the extractor's output as pre-annotations (also writes tasks.config.xml)
  python -m bhxh_extract export --to labelstudio gold/ --corpus corpus/ -o tasks.json
  python -m bhxh_extract export --to doccano records.jsonl --corpus corpus/ -o spans.jsonl
  python -m bhxh_extract export --to labelstudio 'scraped/**/*.html' docs.jsonl -o tasks.json
        any input of the main command, extracted the same way (written via tasks.json.partial)
"""

IMPORT_EPILOG = """\
examples:
  python -m bhxh_extract import --from labelstudio export.json --corpus corpus/ -o gold/
  python -m bhxh_extract import --from labelstudio export.json --corpus corpus/ -o gold/ --use-predictions
        also tasks nobody annotated (needs an export with full predictions, not ids)
  python -m bhxh_extract import --from labelstudio export.json --corpus corpus/ -o gold/ --allow-empty
        accept annotations with no regions on pre-annotated tasks

Needs Label Studio's JSON export (not JSON-MIN, CSV or TSV). Offsets are code points, as Label Studio counts them.
"""




# --- command line ------------------------------------------------------------------------
def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bhxh-extract export",
        description="Write records as Label Studio pre-annotation tasks or doccano JSONL.",
        epilog=EXPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--to", required=True, choices=("labelstudio", "doccano"), help="the tool")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="what the main command reads, extracted now (text files, HTML pages, JSONL "
                             "documents, directories, quoted globs, - for standard input), or records: "
                             "record/gold .json files, directories of them, JSONL files of records")
    parser.add_argument("--corpus", metavar="DIR", default="corpus",
                        help="where DOC_ID.txt is found for .json/.jsonl records (default: corpus)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    return parser


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bhxh-extract import",
        description="Turn a Label Studio JSON export into gold files (one DOC_ID.json per task).",
        epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="tool", required=True, choices=("labelstudio",), help="the tool")
    parser.add_argument("export", metavar="EXPORT.json", help="Label Studio's JSON export (not JSON-MIN)")
    parser.add_argument("--corpus", required=True, metavar="DIR", help="the articles, DOC_ID.txt")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="where to write DOC_ID.json")
    parser.add_argument("--use-predictions", action="store_true",
                        help="take the pre-annotation of tasks nobody annotated (default: skip them); "
                             "needs an export with full predictions")
    parser.add_argument("--allow-empty", action="store_true",
                        help="accept an annotation with no regions on a pre-annotated task (default: refuse "
                             "it, as the editor may have opened the task without its prediction)")
    return parser


def export_main(argv: Sequence[str]) -> int:
    args = export_parser().parse_args(list(argv))
    documents, failed = [], 0
    for item in iter_documents(args.inputs, Path(args.corpus)):
        if isinstance(item, DocumentError):
            failed += 1
            print(f"bhxh-extract export: {item}", file=sys.stderr)
        else:
            documents.append(item)
    output = Path(args.output)
    if not documents:
        print(f"bhxh-extract export: no document could be read; {output} not written", file=sys.stderr)
        return 1
    try:
        if args.to == "labelstudio":
            tasks = [labelstudio_task(text, record) for text, record in documents]
            config = config_path(output)
            _write_whole(output, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
            _write_whole(config, LABEL_CONFIG)
            print(f"bhxh-extract export: {len(tasks)} tasks in {output}, labelling config in {config}",
                  file=sys.stderr)
        else:
            lines = [json.dumps(doccano_line(text, record), ensure_ascii=False) for text, record in documents]
            _write_whole(output, "".join(line + "\n" for line in lines))
            print(f"bhxh-extract export: {len(lines)} documents in {output}", file=sys.stderr)
    except OSError as err:
        print(f"bhxh-extract export: cannot write {output}: {err}", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _write_whole(path: Path, content: str) -> None:
    """Write `content` to PATH.partial, then rename it to PATH: an export
    that fails half-way leaves no file that looks whole."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(content, encoding="utf-8")
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()


def import_main(argv: Sequence[str]) -> int:
    args = import_parser().parse_args(list(argv))
    try:
        tasks = json.loads(Path(args.export).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        print(f"bhxh-extract import: {args.export}: cannot read the export: {err} (import needs Label Studio's "
              f"JSON export; CSV and TSV exports lose the regions' fields and relations)", file=sys.stderr)
        return 2
    problem = export_format_problem(tasks)
    if problem:
        print(f"bhxh-extract import: {args.export}: {problem}", file=sys.stderr)
        return 2
    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = failed = skipped = 0
    for number, task in enumerate(tasks):
        try:
            record = gold_from_task(task, Path(args.corpus), args.use_predictions, args.allow_empty)
        except DocumentError as err:
            failed += 1
            print(f"bhxh-extract import: task {number + 1}: {err}", file=sys.stderr)
            continue
        if record is None:
            skipped += 1
            continue
        (out_dir / f"{record['doc_id']}.json").write_text(gold_json(record), encoding="utf-8")
        written += 1
    note = f", {skipped} not annotated (see --use-predictions)" if skipped else ""
    print(f"bhxh-extract import: {written} gold files in {out_dir}, {failed} failed{note}", file=sys.stderr)
    return 1 if failed else 0


