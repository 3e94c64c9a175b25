"""A date as written (`DateParts`, `DateExpr`) and its ISO value, resolved
against an explicit reference date (the article's, never today's): the
nearest year for a partial date, the nearest century for a two-digit year
(guide 3.1)."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class DateParts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    hour: int | None = None
    minute: int | None = None
    short_year: bool = False   # written with two digits (`3/9/91`): its century is chosen in resolve()

    @property
    def needs_year(self) -> bool:
        return self.year is None


@dataclass(frozen=True)
class DateExpr:
    first: DateParts
    last: DateParts | None = None   # set for ranges
    year_from_range_end: bool = False   # `1/7 đến 31/12/2023`: the first end took the year of the last


def valid(parts: DateParts) -> bool:
    if parts.month is not None and not 1 <= parts.month <= 12:
        return False
    if parts.day is not None:
        year = parts.year if parts.year is not None else 2000  # leap: allow 29/2
        if parts.month is None or not 1 <= parts.day <= calendar.monthrange(year, parts.month)[1]:
            return False
    return True


# --- resolution ---------------------------------------------------------------------
def _iso(parts: DateParts) -> str:
    if parts.quarter is not None:
        return f"{parts.year:04d}-Q{parts.quarter}"
    out = f"{parts.year:04d}"
    if parts.month is not None:
        out += f"-{parts.month:02d}"
        if parts.day is not None:
            out += f"-{parts.day:02d}"
            if parts.hour is not None:
                out += f"T{parts.hour:02d}:{parts.minute or 0:02d}"
    return out


def _as_date(parts: DateParts, year: int, last: bool = False) -> date:
    month = parts.month or (parts.quarter * 3 if parts.quarter else (12 if last else 1))
    if parts.quarter and not last:
        month = parts.quarter * 3 - 2
    if parts.day:
        day = min(parts.day, calendar.monthrange(year, month)[1])
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    return date(year, month, day)


def parse_reference(reference: str | None) -> tuple[int | None, date | None]:
    """`2020-04-08` → (2020, date); `2020` → (2020, None); None → (None, None)."""
    if not reference:
        return None, None
    year = int(reference[:4])
    return year, (date.fromisoformat(reference[:10]) if len(reference) >= 10 else None)


def _best_year(expr: DateExpr, ref_year: int, ref_day: date | None) -> int:
    """The year that puts the (whole) expression nearest the publication day;
    without a publication day, the article's current year."""
    if ref_day is None:
        return ref_year
    last = expr.last or expr.first

    def distance(year: int) -> int:
        try:
            begin, end = _as_date(expr.first, year), _as_date(last, year, last=True)
        except ValueError:      # 29/2 in a year without it
            return 10 ** 6
        if begin <= ref_day <= end:
            return 0
        return min(abs((begin - ref_day).days), abs((end - ref_day).days))
    return min((ref_year - 1, ref_year, ref_year + 1), key=lambda y: (distance(y), -y))


def _century(parts: DateParts, ref_day: date | None, ref_year: int | None) -> DateParts:
    """A two-digit year in the century that puts the date nearest the
    publication date (guide 3.1); without one, the pivot reading stays."""
    if not parts.short_year or ref_year is None:
        return parts
    yy = parts.year % 100
    target = ref_day or date(ref_year, 7, 1)

    def distance(year: int) -> int:
        try:
            return abs((_as_date(parts, year) - target).days)
        except ValueError:
            return 10 ** 7
    return replace(parts, year=min((1900 + yy, 2000 + yy), key=distance))


def resolve(expr: DateExpr, reference: str | None) -> tuple[str | None, bool]:
    """ISO value and year_inferred for one date expression."""
    if expr.first.short_year or (expr.last and expr.last.short_year):
        ref_year, ref_day = parse_reference(reference)
        expr = DateExpr(_century(expr.first, ref_day, ref_year),
                        _century(expr.last, ref_day, ref_year) if expr.last else None)
    ends = [expr.first] + ([expr.last] if expr.last else [])
    if not any(p.needs_year for p in ends):
        return _join(ends), False
    ref_year, ref_day = parse_reference(reference)
    if ref_year is None:
        return None, True
    year = _best_year(expr, ref_year, ref_day)
    filled = [p if not p.needs_year else replace(p, year=year) for p in ends]
    if not all(valid(p) for p in filled):
        return None, True
    return _join(filled), True


def _join(ends: list[DateParts]) -> str:
    return "/".join(_iso(p) for p in ends)



__all__ = ["DateParts", "DateExpr", "valid", "parse_reference", "resolve"]
