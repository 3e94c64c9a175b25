"""`python -m bhxh_extract dataset INPUTS -o indicators.csv|.parquet`: the
indicator table of a whole corpus (bhxh_extract.indicators), written with
its sources table beside it (`indicators.sources.csv`).

Inputs are read and extracted by the batch machinery of the extract command
(text, HTML, JSONL documents, directories, globs; `--jobs`, progress, one bad
document never stops the run, each failure reported), or, with
`--from-records`, taken from record files the extract command wrote. The
records of the run are kept beside the table (`indicators.records.jsonl`) so
that every source can be traced and the table rebuilt without extracting
again.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .batch import Batch, OutputError, default_jobs, make_output, progress_wanted, run_batch
from .records import Record

EPILOG = """\
examples:
  python -m bhxh_extract dataset corpus/ -o indicators.csv
        extract every article, write indicators.csv, indicators.sources.csv, indicators.records.jsonl
  python -m bhxh_extract dataset 'scraped/**/*.html' -o indicators.parquet --jobs 4
  python -m bhxh_extract dataset --from-records records.jsonl -o indicators.csv
        build the table from records extracted earlier

indicators: one row per figure (count, percent, money) keyed by province, province_2025,
scheme, type, what (percent measure / count unit / currency), period and comparator;
figures with the same key and value from several articles are one row (n_sources, doc_ids);
conflict = another article reports the same key and shares no value with this one.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bhxh-extract dataset",
        description="Build the indicator table of a corpus: figures with province, scheme, what they "
                    "measure and when they hold, merged across articles, conflicts flagged.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="documents as for the extract command (files, directories, globs, JSONL documents), "
                        "or record files with --from-records")
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="indicators.csv or indicators.parquet (the sources table and the records go beside it)")
    p.add_argument("--from-records", action="store_true",
                   help="the inputs are outputs of the extract command: JSONL or JSON record files, or "
                        "the directory of --format csv/parquet")
    from .cli import add_input_arguments
    add_input_arguments(p.add_argument_group("input (as for the extract command)"))
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {default_jobs()})")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    target = Path(args.output)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in ("csv", "parquet"):
        print(f"bhxh-extract dataset: -o {args.output}: give a .csv or .parquet file name", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("bhxh-extract dataset: --jobs must be at least 1", file=sys.stderr)
        return 2
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            print("bhxh-extract dataset: Parquet output needs pyarrow: pip install 'bhxh_extract[parquet]'",
                  file=sys.stderr)
            return 2
    failed = 0
    if args.from_records:
        records_files = [Path(name) for name in args.inputs]
        missing = [str(p) for p in records_files if not p.exists()]
        if missing:
            print(f"bhxh-extract dataset: no such record file: {', '.join(missing)}", file=sys.stderr)
            return 2
    else:
        records_path = target.with_name(f"{target.stem}.records.jsonl")
        try:
            output = make_output(str(records_path), "jsonl")
            from .cli import input_options
            options = input_options(args)
            summary = run_batch(Batch(inputs=args.inputs, output=output, options=options,
                                      jobs=args.jobs or default_jobs(), progress=progress_wanted(args.quiet)))
        except OutputError as err:
            print(f"bhxh-extract dataset: {err}", file=sys.stderr)
            return 2
        if summary.interrupted is not None:
            print(f"bhxh-extract dataset: interrupted; the records written so far are in {summary.partial}",
                  file=sys.stderr)
            return 128 + int(summary.interrupted)
        failed = summary.failed
        records_files = [records_path]
    records = []
    for path in records_files:
        try:
            records.extend(_records_of(path))
        except ValueError as err:
            print(f"bhxh-extract dataset: {err}", file=sys.stderr)
            return 2
    from .indicator_table import indicators, sources
    table = indicators(records)
    sources_path = target.with_name(f"{target.stem}.sources.{fmt}")
    _write(table.drop(columns=["sources"]), target, fmt)
    _write(sources(table), sources_path, fmt)
    if not args.quiet or failed:
        merged = int((table["n_sources"] > 1).sum())
        conflicts = int(table["conflict"].sum())
        print(f"bhxh-extract dataset: {len(records)} records, {len(table)} indicators "
              f"({merged} reported more than once, {conflicts} in conflict), {failed} documents failed "
              f"→ {target}, {sources_path}", file=sys.stderr)
    return 1 if failed else 0


def _records_of(path: Path) -> list[Record]:
    """The records of an output of the extract command (documents that
    failed are left out: they have no figures); ValueError for a file that
    holds no records."""
    from .frames import iter_records
    return [record for record in iter_records(path) if isinstance(record, Record)]


def _write(frame, path: Path, fmt: str) -> None:
    partial = path.with_name(path.name + ".partial")
    if fmt == "csv":
        frame.to_csv(partial, index=False, encoding="utf-8-sig", lineterminator="\n")   # BOM: Excel reads UTF-8
    else:
        frame.to_parquet(partial, index=False)
    partial.replace(path)
