"""A whole run: tasks read, extracted and written, failures reported and gone on from, SIGINT/SIGTERM stopping cleanly, progress."""
from __future__ import annotations

import io
import os
import signal
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from typing import IO, Any, Iterator

from .inputs import Options, Task, count_documents, iter_tasks, unique_doc_ids
from .outputs import JsonlWriter, TablesOutput
from .pool import run_tasks


# --- a whole run --------------------------------------------------------------------
@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: int | None = None   # the signal that stopped the run
    partial: str | None = None       # where the partial output is

    def line(self) -> str:
        text = f"{self.ok} ok, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} already in the output (skipped)"
        done = self.ok + self.failed
        rate = f" ({done / self.seconds:.1f} documents/s)" if done and self.seconds > 0 else ""
        return text + f" in {self.seconds:.1f} s{rate}"


class Interrupted(BaseException):
    """SIGTERM turned into an exception, so the run stops like on Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_interrupted(signum, frame):
    raise Interrupted(signum)


@dataclass
class Batch:
    inputs: list[str]
    output: Any
    options: Options = field(default_factory=Options)
    jobs: int = 1
    resume: bool = False
    progress: bool = False
    report: Any = None            # called with each error message (default: stderr)


def run_batch(batch: Batch) -> Summary:
    """Extract every input document into the output; failures become error
    lines and go on. SIGINT / SIGTERM stop the run cleanly: what is written
    stays in the .partial file and Summary.interrupted says which signal."""
    summary, started = Summary(), time.monotonic()
    writer = batch.output.open(batch.resume)
    if isinstance(batch.output, TablesOutput):
        batch.output.include_text = batch.options.include_text
    previous, bar = None, None
    try:
        previous = _catch_sigterm()
        bar = _progress_bar(batch) if batch.progress else None
        _write_outcomes(batch, writer, summary, bar)
        batch.output.commit()
    except (KeyboardInterrupt, Interrupted) as stop:
        summary.interrupted = stop.signum if isinstance(stop, Interrupted) else signal.SIGINT
        summary.partial = batch.output.abort()
    except Exception:          # a full disk, a closed pipe: keep what is written, then say why
        try:
            batch.output.abort()
        except OSError:
            pass
        raise
    finally:
        summary.seconds = time.monotonic() - started
        if bar is not None:
            bar.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return summary


def _write_outcomes(batch: Batch, writer: JsonlWriter, summary: Summary, bar) -> None:
    done = batch.output.done
    report = batch.report or (lambda message: _print_error(message, bar))
    tasks = unique_doc_ids(iter_tasks(batch.inputs, batch.options), report)
    if done:
        tasks = _skip_done(tasks, done, summary)
    with closing(run_tasks(tasks, batch.options, batch.jobs)) as outcomes:
        for outcome in outcomes:
            writer.write(outcome.to_dict())
            if outcome.error is not None:
                summary.failed += 1
                report(outcome.message())
            else:
                summary.ok += 1
            if bar is not None:
                bar.update(1)
                if outcome.error is not None:
                    bar.set_postfix(failed=summary.failed, refresh=False)


def _skip_done(tasks: Iterator[Task], done: set[str], summary: Summary) -> Iterator[Task]:
    for task in tasks:
        if task.doc_id in done:
            summary.skipped += 1
        else:
            yield task


def _print_error(message: str, bar) -> None:
    if bar is not None:
        bar.write(f"bhxh-extract: {message}", file=sys.stderr)
    else:
        print(f"bhxh-extract: {message}", file=sys.stderr, flush=True)


def _catch_sigterm():
    try:
        return signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:   # not the main thread: leave signals alone
        return None


def _progress_bar(batch: Batch):
    from tqdm import tqdm
    tqdm.monitor_interval = 0     # no monitor thread: the worker pool may fork after the bar starts
    total = count_documents(batch.inputs, batch.options)
    if total is not None and batch.output.done:
        total = max(total - len(batch.output.done), 0)
    return tqdm(total=total, unit="doc", desc="bhxh-extract", file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1, mininterval=0.5)


def progress_wanted(quiet: bool, stream: IO[str] | None = None, records_on_stdout: bool = False) -> bool:
    """A bar only for a person watching: stderr is a terminal, not --quiet,
    and the records do not go to that same terminal (the bar would be
    drawn over them)."""
    stream = stream or sys.stderr
    try:
        if quiet or not stream.isatty():
            return False
        return not (records_on_stdout and sys.stdout.isatty() and _same_terminal(sys.stdout, stream))
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return False


def _same_terminal(one: IO[str], other: IO[str]) -> bool:
    try:
        a, b = os.fstat(one.fileno()), os.fstat(other.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return True   # cannot tell: rather no bar than a bar over the records
    return (a.st_rdev, a.st_ino, a.st_dev) == (b.st_rdev, b.st_ino, b.st_dev)
