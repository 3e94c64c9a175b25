"""Batch runs: many documents in, one record (or one error line) per document out.

    inputs   files, directories (recursive), globs, JSONL documents, stdin → Tasks
    run      serial, or a pool of worker processes started once; input order kept
    outputs  JSONL / JSON to stdout or a file, CSV / Parquet tables in a directory

Every output file is written under a `.partial` name beside its final name
and renamed only when the run is complete, so an interrupted run never leaves
a file that looks whole; `--resume` continues the partial file (or extends a
complete one) and skips the doc_ids already in it.

Memory stays bounded whatever the corpus size: tasks are generated lazily and
at most `jobs * WINDOW_PER_JOB` chunks are in flight. Only doc_ids are kept
in memory: those seen in the run (to make duplicates unique, some 100 bytes
each) and, with `--resume`, those already written.
"""
from .documents import extract_task, html_document, iso_published, run_task
from .inputs import INPUT_KINDS, Options, Outcome, Task, count_documents, iter_tasks, jsonl_tasks, unique_doc_ids
from .outputs import (FORMATS, PARTIAL, RECORDS_FILE, TABLE_CHUNK, TABLE_FORMATS, TABLES, FileOutput, IndentedWriter,
                      JsonArrayWriter, JsonlWriter, OutputError, StdoutOutput, TablesOutput, make_output, scan_output,
                      write_tables)
from .pool import CHUNK, PARALLEL_FROM, WARM_UP_TEXT, WINDOW_PER_JOB, default_jobs, run_tasks
from .run import Batch, Interrupted, Summary, progress_wanted, run_batch

__all__ = ["extract_task", "html_document", "iso_published", "run_task", "INPUT_KINDS", "Options", "Outcome", "Task",
           "count_documents", "iter_tasks", "jsonl_tasks", "unique_doc_ids", "FORMATS", "PARTIAL", "RECORDS_FILE",
           "TABLE_CHUNK", "TABLE_FORMATS", "TABLES", "FileOutput", "IndentedWriter", "JsonArrayWriter", "JsonlWriter",
           "OutputError", "StdoutOutput", "TablesOutput", "make_output", "scan_output", "write_tables", "CHUNK",
           "PARALLEL_FROM", "WARM_UP_TEXT", "WINDOW_PER_JOB", "default_jobs", "run_tasks", "Batch", "Interrupted",
           "Summary", "progress_wanted", "run_batch"]
