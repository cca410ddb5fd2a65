"""A round drawn over its SOP's flowchart: done, current, late and repeated steps in colour,
and each step's actual working time written under its standard in the Waktu column."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem

from kecamatan_desktop.services.rounds import RoundDetail

DONE = QColor("#2e7d32")
CURRENT = QColor("#1565c0")
LATE = QColor("#c62828")
LOOP = QColor("#ef6c00")


@dataclass(frozen=True)
class StepMark:
    """What the round did at one step (0-based index)."""

    passes: int
    worked: int
    standard: int | None
    late: bool
    current: bool

    @property
    def colour(self) -> QColor:
        if self.late:
            return LATE
        if self.current:
            return CURRENT
        return DONE


def compact(minutes: int) -> str:
    """Short enough for the Waktu column: "6j30m", "45m"."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}j{rest:02d}m" if hours else f"{rest}m"


def step_marks(detail: RoundDetail) -> dict[int, StepMark]:
    marks: dict[int, StepMark] = {}
    for record in detail.steps:
        index = record.position - 1
        old = marks.get(index)
        current = detail.current_step == record.position and record.handed_at is None
        marks[index] = StepMark(
            passes=(old.passes if old else 0) + 1,
            worked=(old.worked if old else 0) + record.working_minutes,
            standard=record.standard_minutes,
            late=(old.late if old else False) or record.late,
            current=current or (old.current if old else False))
    return marks


def draw_round(scene, detail: RoundDetail) -> list:
    """Add the round's marks to a FlowchartScene; returns the items added."""
    items = []
    marks = step_marks(detail)
    time_column = next(c for c in scene.flow_layout.columns if c.key == "time")
    rows = {r.step: r.rect for page in scene.flow_layout.pages for r in page.rows}
    font = QFont(scene.font())
    font.setPointSizeF(5.5)
    for index, mark in marks.items():
        shapes = scene.step_shapes.get(index) or []
        if not shapes:
            continue
        sheet = shapes[0].parentItem()
        for shape_item in shapes:  # a step in several lanes is marked in each of them
            outline = QGraphicsPathItem(shape_item.shape(), shape_item.parentItem())
            outline.setPen(QPen(mark.colour, 2.2 if mark.current else 1.6))
            tint = QColor(mark.colour)
            tint.setAlpha(40)
            outline.setBrush(QBrush(tint))
            outline.setZValue(3)
            items.append(outline)
        row = rows[index]
        text = compact(mark.worked)
        if mark.passes > 1:
            text += f" {mark.passes}×"
        label = QGraphicsSimpleTextItem(text, sheet)
        label.setFont(font)
        label.setBrush(QBrush(LATE if mark.late else (LOOP if mark.passes > 1 else DONE)))
        label.setPos(time_column.x + 2, row.bottom - 9)
        label.setZValue(3)
        items.append(label)
    return items
