"""The command line: `python -m bhxh_extract FILE...` and `... evaluate`.

Exit codes: 0 ok; 1 when any document failed (the others are still
output, each failure reported on stderr naming the document and why);
2 usage error; 3 `evaluate --fail-under` not met; 130 / 143 interrupted by
SIGINT / SIGTERM (a -o output is left as PATH.partial for --resume).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import Iterator

from . import __version__
from .batch import (FORMATS, Batch, Options, OutputError, StdoutOutput, Summary, default_jobs, extract_task, iter_tasks, make_output, progress_wanted, run_batch)
from .records import Record
from .text.reading import DEFAULT_MAX_BYTES, DocumentError

EXTRACT_EPILOG = """\
examples:
  python -m bhxh_extract corpus/001_7943801ec36e4764.txt      one record, indented JSON
  python -m bhxh_extract corpus/*.txt > records.jsonl          one record per line (JSONL)
  python -m bhxh_extract corpus/ -o records.jsonl              a directory, recursively; written atomically
  python -m bhxh_extract 'scraped/**/*.html' -o records.jsonl  a quoted glob; HTML through trafilatura
  python -m bhxh_extract docs.jsonl --text-field body -o out/ --format parquet
                                                               JSONL documents in, documents/mentions/campaigns tables out
  python -m bhxh_extract corpus/ -o records.jsonl --resume     finish an interrupted run (skips doc_ids already written)
  cat article.txt | python -m bhxh_extract -                   read standard input
  python -m bhxh_extract --explain corpus/002_99ab8d09b1cfcf91.txt
                                                               + the rule behind each mention

subcommands (each with its own --help):
  evaluate  score against gold      python -m bhxh_extract evaluate --gold gold/ corpus/
  show      an article as HTML      python -m bhxh_extract show corpus/001_7943801ec36e4764.txt -o view.html
  export    to Label Studio/doccano python -m bhxh_extract export --to labelstudio corpus/*.txt -o tasks.json
  import    corrected tasks to gold python -m bhxh_extract import --from labelstudio export.json --corpus corpus/ -o gold/
  dataset   the indicator table     python -m bhxh_extract dataset corpus/ -o indicators.csv

JSONL documents: one per line, {"id": ..., "text": ..., "published": ..., "url": ..., "title": ...}
(only the text is required). Records come out in input order. A document that fails is an
{"doc_id": ..., "file": ..., "error": ...} line in the output and a message on stderr; the
others go on. An interrupted run (Ctrl-C, SIGTERM) leaves PATH.partial: --resume continues it.

exit codes: 0 ok, 1 a document failed (others still output), 2 usage error,
            130 / 143 interrupted by SIGINT / SIGTERM (the partial output is kept)
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
        usage="%(prog)s [options] INPUT [INPUT ...]\n       %(prog)s {" + ",".join(SUBCOMMANDS) + "} ...",
        description="Extract dates, document references, counts, percents, money and campaigns "
                    "from Vietnamese news about social insurance (BHXH/BHYT/BHTN).",
        epilog=EXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    inputs = parser.add_argument_group("input")
    inputs.add_argument("files", nargs="+", metavar="INPUT",
                        help="text files (UTF-8; other encodings are detected and noted in the record's errors; "
                             "the file name without extension is the doc_id), "
                             "HTML pages (*.html, *.htm), JSONL files of documents (*.jsonl), directories "
                             "(searched recursively for those), quoted glob patterns, or - for standard input")
    add_input_arguments(inputs)
    output = parser.add_argument_group("output")
    output.add_argument("-o", "--output", metavar="PATH",
                        help="write to PATH instead of standard output (via PATH.partial, renamed when "
                             "complete); a directory for --format csv/parquet")
    output.add_argument("--format", choices=FORMATS, default=None,
                        help="jsonl: one record per line (default); json: one array; csv, parquet: "
                             "documents, mentions and campaigns tables (and records.jsonl) in the -o directory")
    output.add_argument("--jsonl", action="store_true",
                        help="one record per line even for a single file (default: indented JSON "
                             "for one file, JSONL for several)")
    output.add_argument("--explain", action="store_true",
                        help="add to each mention and campaign the rule that produced it and the "
                             "words that triggered it (not part of the record)")
    output.add_argument("--include-text", action="store_true",
                        help="add the text the offsets index to each record (key `text`): useful for "
                             "HTML, where it is the text extracted from the page")
    output.add_argument("--resume", action="store_true",
                        help="continue an interrupted run, or extend a complete output: skip the doc_ids "
                             "already in the -o output")
    run = parser.add_argument_group("run")
    run.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                     help=f"worker processes (default: all cores, here {default_jobs()})")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar and no summary line (errors are still reported); "
                          "the bar is also off when stderr is not a terminal")
    parser.add_argument("--version", action="version", version=f"bhxh_extract {__version__}")
    return parser


def add_input_arguments(group) -> None:
    """How documents are read: the options shared by extract, show and dataset."""
    group.add_argument("--input-format", choices=("auto", "text", "html", "jsonl"), default="auto",
                       help="how to read the inputs (default: by extension, other files as text; "
                            "standard input as text)")
    group.add_argument("--text-field", default="text", metavar="NAME",
                       help="the field of a JSONL document holding its text (default: text)")
    group.add_argument("--id-field", default="id", metavar="NAME",
                       help="the field of a JSONL document holding its doc_id (default: id; "
                            "missing: FILE:LINE)")
    group.add_argument("--published", metavar="DATE", type=_published_argument,
                       help="the publication date of every document that gives none of its own (a JSONL "
                            "`published` field wins); it replaces the dateline, and partial dates are "
                            "resolved against it: 2020-07-12, 2020-07-12T08:30+07:00, 12/07/2020, "
                            "12-07-2020 or '12/07/2020 08:30'")
    group.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"refuse documents larger than N bytes (default {DEFAULT_MAX_BYTES})")


def input_options(args: argparse.Namespace, **more) -> Options:
    """The Options of the input arguments (add_input_arguments) and `more`."""
    return Options(text_field=args.text_field, id_field=args.id_field, input_format=args.input_format,
                   max_bytes=args.max_bytes, published=args.published, **more)


def _published_argument(value: str) -> str:
    from .text.published import normalize_published
    try:
        return normalize_published(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


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
    "dataset": ("bhxh_extract.dataset", "main"),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib
        module, function = SUBCOMMANDS[argv[0]]
        return getattr(importlib.import_module(module), function)(argv[1:])
    nearest = mistyped_subcommand(argv[0]) if argv else None
    if nearest:
        extract_parser().print_usage(sys.stderr)
        print(f"bhxh-extract: error: {argv[0]!r} is not a subcommand (nor a file): did you mean {nearest!r}? "
              f"(subcommands: {', '.join(SUBCOMMANDS)})", file=sys.stderr)
        return 2
    return run_extract(extract_parser().parse_args(argv))


def mistyped_subcommand(word: str) -> str | None:
    """The subcommand `word` looks like a typo of (`evalute` → `evaluate`),
    when it cannot be an input: not an existing path, not an option, no
    directory part, extension or glob character (a missing `article.txt`
    stays a missing file)."""
    import difflib
    if word == "-" or word.startswith("-") or os.path.exists(word) or any(c in word for c in "/\\.*?["):
        return None
    found = difflib.get_close_matches(word.lower(), list(SUBCOMMANDS), n=1, cutoff=0.6)
    return found[0] if found else None


def evaluate_main(argv: list[str]) -> int:
    return run_evaluate(evaluate_parser().parse_args(argv))


# --- extract -------------------------------------------------------------------------
def iter_records(files: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record | DocumentError]:
    """The Record of each document named by `files` (in-process, in order),
    or the DocumentError that stopped it."""
    options = Options(max_bytes=max_bytes)
    for task in iter_tasks(files, options):
        try:
            yield extract_task(task, options)[0]
        except DocumentError as err:
            yield err
        except Exception as err:   # one bad document never stops a batch
            yield DocumentError(task.source, f"internal error: {type(err).__name__}: {err}")


def _single_document(args: argparse.Namespace) -> bool:
    """The historical default: one text file or stdin, no output options →
    one indented JSON record on stdout."""
    if args.jsonl or args.format or args.output or len(args.files) != 1:
        return False
    name = args.files[0]
    if name == "-":
        return args.input_format in ("auto", "text", "html")
    kind = args.input_format if args.input_format != "auto" else \
        {".jsonl": "jsonl"}.get(Path(name).suffix.lower(), "text")
    return kind != "jsonl" and not Path(name).is_dir() and (Path(name).exists() or not any(c in name for c in "*?["))


def run_extract(args: argparse.Namespace) -> int:
    one = _single_document(args)
    if args.jobs is not None and args.jobs < 1:
        print("bhxh-extract: --jobs must be at least 1", file=sys.stderr)
        return 2
    output = None
    try:
        output = make_output(args.output, "jsonl" if args.jsonl and not args.format else args.format, indent=one)
        options = input_options(args, explain=args.explain, include_text=args.include_text)
        batch = Batch(inputs=args.files, output=output, options=options,
                      jobs=args.jobs or default_jobs(), resume=args.resume,
                      progress=progress_wanted(args.quiet, records_on_stdout=isinstance(output, StdoutOutput)
                                               and output.path is None))
        summary = run_batch(batch)
    except OutputError as err:
        print(f"bhxh-extract: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:   # `bhxh-extract corpus/ | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")
        return 0
    except OSError as err:
        partial = getattr(output, "partial", None)
        where = f" (what was written is in {partial})" if partial else ""
        print(f"bhxh-extract: cannot write the output: {err}{where}", file=sys.stderr)
        return 1
    if summary.interrupted is not None:
        _report_interruption(summary, args)
        return 128 + int(summary.interrupted)
    if not one and (summary.failed or not args.quiet):
        print(f"bhxh-extract: {summary.line()}" + (f" → {output.describe()}" if args.output else ""),
              file=sys.stderr)
    return 1 if summary.failed else 0


def _report_interruption(summary: Summary, args: argparse.Namespace) -> None:
    name = signal.Signals(summary.interrupted).name
    done = f"{summary.ok + summary.failed} documents written"
    if summary.partial:
        print(f"bhxh-extract: interrupted by {name}: {done} to {summary.partial}; run the same command "
              f"with --resume to finish", file=sys.stderr)
    else:
        print(f"bhxh-extract: interrupted by {name}: {done}", file=sys.stderr)


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
    if not set(records) & set(gold):
        shown = ", ".join(repr(d) for d in sorted(records)[:3]) or "none"
        print(f"bhxh-extract evaluate: no predicted document has a gold file in {gold_dir} "
              f"({len(records)} predicted, e.g. {shown}; {len(gold)} gold, e.g. "
              f"{', '.join(repr(d) for d in sorted(gold)[:3]) or 'none'}): the doc_ids must match the gold "
              "files' names", file=sys.stderr)
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
