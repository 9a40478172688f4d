"""Timetable arithmetic: a course's modules, breaks and day breaks laid out on the clock.

Pure functions over the Course record, so the syllabus, the trainer page, the module
pages and the tests all use the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

LUNCH_MINUTES = 45  # an unlabelled break this long or longer is shown as lunch


@dataclass(frozen=True)
class Slot:
    kind: str  # "module" | "break" | "lunch"
    start: int  # minutes since midnight
    minutes: int
    module: object | None = None  # the Module for kind == "module"
    label: dict | None = None  # a break's own label from course.yml, if any

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Day:
    number: int  # 1-based
    slots: tuple[Slot, ...]

    @property
    def start(self) -> int:
        return self.slots[0].start

    @property
    def end(self) -> int:
        return self.slots[-1].end

    @property
    def module_slots(self) -> tuple[Slot, ...]:
        return tuple(s for s in self.slots if s.kind == "module")


def parse_clock(text: str) -> int:
    hours, minutes = str(text).split(":")
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    """10:05 style; a day running past midnight keeps counting (24:30) rather than wrapping."""
    return f"{minutes // 60:d}:{minutes % 60:02d}"


def break_kind(minutes: int, label: dict | None) -> str:
    return "lunch" if not label and minutes >= LUNCH_MINUTES else "break"


def schedule(course) -> list[Day]:
    """Days of slots. Every day starts at course.start_time; breaks that would fall at the end of
    a day or of the course are left out (the check reports them)."""
    start = parse_clock(course.start_time)
    day_ends = set(course.day_breaks_after)
    breaks: dict[str, list] = {}
    for b in course.breaks:
        breaks.setdefault(b.after, []).append(b)
    days: list[Day] = []
    slots: list[Slot] = []
    now = start
    for i, module in enumerate(course.modules):
        slots.append(Slot("module", now, module.minutes, module))
        now += module.minutes
        last = i == len(course.modules) - 1
        if module.id in day_ends or last:
            days.append(Day(len(days) + 1, tuple(slots)))
            slots, now = [], start
            continue
        for b in breaks.get(module.id, []):
            slots.append(Slot(break_kind(b.minutes, b.label), now, b.minutes, label=b.label or None))
            now += b.minutes
    return days


def module_times(course) -> dict[str, tuple[int, Slot]]:
    """module id → (day number, slot)."""
    return {s.module.id: (day.number, s) for day in schedule(course) for s in day.module_slots}
