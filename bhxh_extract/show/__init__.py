"""`python -m bhxh_extract show INPUT -o view.html [--gold gold/DOC.json]`:
one article as a self-contained HTML page (any input of the extract
command: a text file, an HTML page shown as the text read from it, a JSONL
document picked with --doc; several documents into -o DIR/).

Every mention is highlighted in its type's colour (legend at the top; click
a legend entry to hide or show that type); hovering shows its normalised
value and fields and the rule that found it. Campaign names are underlined;
the campaign table links each campaign to its name, date, plans and facts in
the text (hover a row to light them up, click to jump). With ``--gold`` the
page is the error view: mentions the extractor missed are drawn dashed,
spurious ones struck through in red, wrong values flagged with the gold and
predicted values side by side, plus the document's scores.

The page needs no network: CSS and JavaScript are inline, data is embedded
as JSON, and every piece of article text is HTML-escaped.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Mapping, Sequence

from ..text.reading import DocumentError, sha256
from .page import Item, render_html, render_text

__all__ = ["main", "build_parser", "render_html", "render_text", "Item"]

EPILOG = """\
examples:
  python -m bhxh_extract show corpus/005.txt -o view.html
  python -m bhxh_extract show corpus/005.txt -o view.html --gold gold/005.json   the error view
  python -m bhxh_extract show corpus/005.txt -o view.html --gold gold/           gold/DOC.json by doc_id
  python -m bhxh_extract show page.html -o view.html                 the text read from the page, not its HTML
  python -m bhxh_extract show docs.jsonl --doc 42 -o view.html      one document of a JSONL file
  python -m bhxh_extract show corpus/ -o views/ --gold gold/         one page per document, in views/
"""


def build_parser() -> argparse.ArgumentParser:
    from ..cli import add_input_arguments
    parser = argparse.ArgumentParser(
        prog="bhxh-extract show",
        description="Render articles as self-contained HTML pages: mentions highlighted by type "
                    "(hover for values), campaigns linked to their date, plans and facts; with --gold, "
                    "missed, spurious and wrong mentions marked. Takes every input the extract command "
                    "takes; an HTML page is shown as the text read from it.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text files, HTML pages, JSONL documents, directories, quoted globs, or - "
                             "(as for the extract command; extracted now)")
    parser.add_argument("-o", "--output", metavar="HTML_OR_DIR",
                        help="where to write the page (`-` for standard output; default DOC_ID.html); "
                             "a directory (DIR/) for one page per document")
    parser.add_argument("--doc", metavar="DOC_ID", help="show only this document of the inputs")
    parser.add_argument("--gold", metavar="JSON_OR_DIR",
                        help="the gold record of this article, or a directory holding DOC_ID.json")
    add_input_arguments(parser.add_argument_group("input (as for the extract command)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from ..batch import extract_task, iter_tasks, unique_doc_ids
    from ..cli import input_options
    options = input_options(args)
    tasks = list(unique_doc_ids(iter_tasks(args.inputs, options), report=_report))
    if args.doc is not None:
        tasks = [t for t in tasks if t.doc_id == args.doc]
        if not tasks:
            print(f"bhxh-extract show: no document {args.doc!r} in the inputs", file=sys.stderr)
            return 2
    many = len(tasks) > 1
    if many and not _is_directory(args.output):
        print(f"bhxh-extract show: the inputs hold {len(tasks)} documents: pick one with --doc DOC_ID, "
              "or give a directory with -o DIR/ for one page each", file=sys.stderr)
        return 2
    failed = 0
    for task in tasks:
        try:
            record, text, _ = extract_task(task, options)
            record = record.to_dict(explain=True)
            gold = _load_gold(args.gold, record, text) if args.gold else None
        except DocumentError as err:
            _report(str(err))
            failed += 1
            continue
        _write_page(render_html(text, record, gold), record["doc_id"], args.output, many)
    return 1 if failed else 0


def _report(message: str) -> None:
    print(f"bhxh-extract show: {message}", file=sys.stderr)


def _file_name(doc_id: str) -> str:
    """`DOC_ID.html`, made a plain file name: a doc_id may come from a JSONL
    `id` (`/a/../b`, a URL) or a folder (`2020/001`)."""
    return (re.sub(r'[\\/:*?"<>|\s]+', "_", doc_id).strip("._") or "document") + ".html"


def _is_directory(output: str | None) -> bool:
    return output is not None and (output.endswith(("/", "\\")) or Path(output).is_dir())


def _write_page(page: str, doc_id: str, output: str | None, many: bool) -> None:
    if output == "-":
        sys.stdout.write(page)
        return
    if many or _is_directory(output):
        path = Path(output) / _file_name(doc_id)
    else:
        path = Path(output or _file_name(doc_id))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    _report(f"wrote {path}")


def _load_gold(where: str, record: Mapping, text: str) -> dict:
    path = Path(where)
    if path.is_dir():
        path = path / f"{record['doc_id']}.json"
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DocumentError(str(path), f"cannot read the gold record: {err}") from None
    if not isinstance(gold, dict) or "mentions" not in gold:
        raise DocumentError(str(path), "not a record (no `mentions`)")
    if gold.get("text_sha256") not in (None, sha256(text)):
        raise DocumentError(str(path), "was annotated on a different text (text_sha256 differs)")
    return gold


# --- what is drawn ---------------------------------------------------------------------