"""The command line: `python -m bhxh_extract FILE...` and `... evaluate`.

Exit codes: 0 ok; 1 when any document failed (the others are still
output, each failure reported on stderr naming the document and why);
2 usage error; 3 `evaluate --fail-under` not met.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

from . import __version__
from .pipeline import extract, extract_file
from .records import Record
from .text import DEFAULT_MAX_BYTES, DocumentError, decode, normalize

EXTRACT_EPILOG = """\
examples:
  python -m bhxh_extract corpus/001_7943801ec36e4764.txt      one record, indented JSON
  python -m bhxh_extract corpus/*.txt > records.jsonl          one record per line (JSONL)
  cat article.txt | python -m bhxh_extract -                   read standard input
  python -m bhxh_extract --explain corpus/002_99ab8d09b1cfcf91.txt
                                                               + the rule behind each mention
  python -m bhxh_extract evaluate --gold gold/ corpus/         score against gold (see: evaluate --help)

exit codes: 0 ok, 1 a document failed (others still output), 2 usage error
"""

EVALUATE_EPILOG = """\
examples:
  python -m bhxh_extract evaluate --gold gold/ corpus/                 extract corpus/*.txt, print the report
  python -m bhxh_extract evaluate --gold gold/ records.jsonl           score records extracted earlier
  python -m bhxh_extract evaluate --gold gold/ corpus/ --errors        + every missed, spurious, wrong mention
  python -m bhxh_extract evaluate --gold gold/ corpus/ --json          the report as JSON
  python -m bhxh_extract evaluate --gold gold/ corpus/ --fail-under 0.9   exit 3 if strict F1 < 0.9
"""


def extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bhxh-extract",
        description="Extract dates, document references, counts, percents, money and campaigns "
                    "from Vietnamese news about social insurance (BHXH/BHYT/BHTN).",
        epilog=EXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="UTF-8 text files, one article each (`-` reads standard input); "
                             "the file name without extension is the doc_id")
    parser.add_argument("--explain", action="store_true",
                        help="add to each mention and campaign the rule that produced it and the "
                             "words that triggered it (not part of the record)")
    parser.add_argument("--jsonl", action="store_true",
                        help="one record per line even for a single file (default: indented JSON "
                             "for one file, JSONL for several)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"refuse files larger than N bytes (default {DEFAULT_MAX_BYTES})")
    parser.add_argument("--version", action="version", version=f"bhxh_extract {__version__}")
    return parser


def evaluate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bhxh-extract evaluate",
        description="Score records against hand-annotated gold files (ANNOTATION.md section 6): "
                    "per-type partial/exact/strict P/R/F1, per-field accuracy, campaigns, article fields.",
        epilog=EVALUATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True, metavar="DIR", help="directory of gold DOC.json files")
    parser.add_argument("predicted", metavar="CORPUS_OR_JSONL",
                        help="a directory of DOC.txt articles (extracted now) or a JSONL file of records")
    parser.add_argument("--errors", action="store_true",
                        help="list every missed, spurious and wrong-valued mention with the rule behind it")
    parser.add_argument("--json", action="store_true", help="print the full evaluation as JSON")
    parser.add_argument("--fail-under", type=float, metavar="F",
                        help="exit with code 3 when the overall strict F1 is below F")
    return parser


# Subcommands other than extraction: name → (module, function taking argv, returning an exit code).
SUBCOMMANDS = {
    "evaluate": ("bhxh_extract.cli", "evaluate_main"),
    "show": ("bhxh_extract.show", "main"),
    "export": ("bhxh_extract.annotation", "export_main"),
    "import": ("bhxh_extract.annotation", "import_main"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib
        module, function = SUBCOMMANDS[argv[0]]
        return getattr(importlib.import_module(module), function)(argv[1:])
    return run_extract(extract_parser().parse_args(argv))


def evaluate_main(argv: list[str]) -> int:
    return run_evaluate(evaluate_parser().parse_args(argv))


# --- extract -------------------------------------------------------------------------
def _read_stdin(max_bytes: int) -> str:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError("-", f"input is larger than the limit of {max_bytes} bytes")
    return normalize(decode(data, "-"))


def iter_records(files: list[str], max_bytes: int) -> Iterator[Record | DocumentError]:
    for name in files:
        try:
            if name == "-":
                yield extract(_read_stdin(max_bytes), "stdin")
            else:
                yield extract_file(name, max_bytes=max_bytes)
        except DocumentError as err:
            yield err
        except Exception as err:   # one bad document never stops a batch
            yield DocumentError(name, f"internal error: {type(err).__name__}: {err}")


def run_extract(args: argparse.Namespace) -> int:
    failed = 0
    one = len(args.files) == 1 and not args.jsonl
    out = sys.stdout
    for result in iter_records(args.files, args.max_bytes):
        if isinstance(result, DocumentError):
            failed += 1
            print(f"bhxh-extract: {result}", file=sys.stderr)
            if not one:
                out.write(json.dumps({"doc_id": Path(result.doc).stem, "file": result.doc,
                                      "error": result.reason}, ensure_ascii=False) + "\n")
            continue
        record = result.to_dict(explain=args.explain)
        out.write(json.dumps(record, ensure_ascii=False, indent=1 if one else None) + "\n")
    if failed and not one:
        print(f"bhxh-extract: {len(args.files) - failed} ok, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


# --- evaluate --------------------------------------------------------------------------
def run_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate as ev
    gold_dir, predicted = Path(args.gold), Path(args.predicted)
    if not gold_dir.is_dir():
        print(f"bhxh-extract evaluate: --gold {gold_dir} is not a directory", file=sys.stderr)
        return 2
    gold = ev.load_records_dir(gold_dir)
    if predicted.is_dir():
        records, failed = {}, 0
        files = sorted(str(p) for p in predicted.glob("*.txt"))
        for result in iter_records(files, DEFAULT_MAX_BYTES):
            if isinstance(result, DocumentError):
                failed += 1
                print(f"bhxh-extract: {result}", file=sys.stderr)
            else:
                records[result.doc_id] = result.to_dict(explain=True)
    elif predicted.is_file():
        records = ev.load_records_jsonl(predicted)
    else:
        print(f"bhxh-extract evaluate: {predicted} is neither a directory nor a file", file=sys.stderr)
        return 2
    evaluation = ev.evaluate(gold, records)
    if args.json:
        print(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(ev.format_report(evaluation, errors=args.errors))
    if args.fail_under is not None and evaluation.overall_strict_f1 < args.fail_under:
        print(f"bhxh-extract evaluate: strict F1 {evaluation.overall_strict_f1:.3f} is below {args.fail_under}",
              file=sys.stderr)
        return 3
    return 0
