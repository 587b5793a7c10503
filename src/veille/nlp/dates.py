"""Calendar arithmetic for resolving time expressions: shifting days, weeks, months and years, and
writing and reading the ISO values of periods.

The phrases themselves come from the language's time grammar (`veille.lang.time`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not date.min.year <= year <= date.max.year:
        raise OverflowError(f"year {year} is out of the calendar's range")
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` units ("D", "W", "M", "Y", "10Y"); hours and minutes keep the day."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "10Y":
        return add_months(day, 120 * amount)
    return day


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest `weekday` (1 = Monday) on or before `day`."""
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def format_value(granularity: str, day: date) -> str:
    """The ISO value of the period of `granularity` ("D", "W", "M", "Y") that holds `day`."""
    if granularity == "Y":
        return f"{day.year:04d}"
    if granularity == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "W":
        return iso_week(day)
    return day.isoformat()


def parse_value(value: str | None) -> tuple[str, date] | None:
    """The granularity and first day of an ISO date value; None for durations, sets and unknowns."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "D", date.fromisoformat(value)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return "M", date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return "W", date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if re.fullmatch(r"\d{4}", value):
        return "Y", date(int(value), 1, 1)
    return None


GRANULARITY_ORDER = {"D": 0, "W": 1, "M": 2, "Y": 3, "10Y": 4}


def finer(unit: str, granularity: str) -> bool:
    """True when a shift by `unit` cannot be told at `granularity` (three days after "March 2020")."""
    return GRANULARITY_ORDER.get(unit, 0) < GRANULARITY_ORDER.get(granularity, 0)


# --- periods: what an ISO value covers -----------------------------------------------------------


def day_of(value: str | None) -> str | None:
    """A date-time at day precision: "2025-08-19T20:00" → "2025-08-19"."""
    if value and "T" in value:
        return value.split("T", 1)[0]
    return value


def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value covers; None for what is no date ("P3Y")."""
    if not value or value.startswith("P"):
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            first = date.fromisocalendar(int(year), int(week[:2]), 1)
            return first, first + timedelta(days=6)
        parts = value[:10].split("-")
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            first = date(int(parts[0]), int(parts[1]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31)
        if len(parts[0]) == 3:  # a decade, "198"
            return date(int(parts[0]) * 10, 1, 1), date(int(parts[0]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def periods_apart(a: str | None, b: str | None) -> bool:
    """Whether two dated values cannot be the same time: their periods do not overlap."""
    pa, pb = period(a), period(b)
    return pa is not None and pb is not None and (pa[1] < pb[0] or pb[1] < pa[0])


def more_precise(a: str, b: str) -> bool:
    """Whether value `a` is told more precisely than `b` ("2025-08-19" than "2025-08")."""
    pa, pb = period(a), period(b)
    return pa is not None and (pb is None or (pa[1] - pa[0]) < (pb[1] - pb[0]))
