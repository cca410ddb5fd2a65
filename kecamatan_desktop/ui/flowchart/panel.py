"""FlowchartPanel: the flowchart view under a small toolbar (zoom, fit width, save as image)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.export.image import write_images
from kecamatan_desktop.ui import file_dialogs
from kecamatan_desktop.ui.flowchart.view import FlowchartView
from kecamatan_desktop.ui.strings import (
    DRAFT_SUFFIX,
    FIT_WIDTH,
    IMAGE_FILTERS,
    IMAGE_PAGES,
    SAVE_FAILED_TITLE,
    SAVE_IMAGE,
    SAVE_IMAGE_TITLE,
    SAVED_TEXT,
    SAVED_TITLE,
    ZOOM_IN,
    ZOOM_OUT,
    ZOOM_PERCENT,
)
from kecamatan_desktop.ui.worker import Task, run_task


class FlowchartPanel(QWidget):
    """`view` with its toolbar; `show_sop`, `select_step` and the signals pass through."""

    step_selected = Signal(int)
    step_dropped_on_lane = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sop: Sop | None = None
        self.task: Task | None = None  # the image being written
        # what to write of the SOP shown, with its draft mark, or None to stop: the window
        # asks here when the SOP has unsaved edits (PrintingActions.flowchart_to_save)
        self.sop_to_save: Callable[[Sop], tuple[Sop, str | None] | None] = lambda sop: (
            sop, None)
        self.view = FlowchartView(self)
        self.zoom_in_button = self._button(ZOOM_IN, self.view.zoom_in)
        self.zoom_out_button = self._button(ZOOM_OUT, self.view.zoom_out)
        self.fit_width_button = self._button(FIT_WIDTH, self.view.fit_width)
        self.save_image_button = self._button(SAVE_IMAGE, self.save_image)
        self.zoom_label = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 2)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button,
                       self.zoom_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.save_image_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.step_selected.connect(self.step_selected)
        self.view.step_dropped_on_lane.connect(self.step_dropped_on_lane)
        self.view.zoom_changed.connect(self._show_zoom)
        self._update_controls()

    def _button(self, text: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def show_sop(self, sop: Sop | None) -> None:
        self._sop = sop
        self.view.show_sop(sop)
        self._update_controls()

    def select_step(self, index: int | None) -> None:
        self.view.select_step(index)

    def _update_controls(self) -> None:
        drawn = self.view.flowchart_scene() is not None
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_width_button):
            button.setEnabled(drawn)
        self.save_image_button.setEnabled(drawn and self.task is None)
        self.zoom_label.setVisible(drawn)
        self._show_zoom(self.view.zoom_factor())

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(ZOOM_PERCENT.format(percent=round(factor * 100)))

    def save_image(self) -> None:
        """Ask for a .png or .svg name and write the flowchart there, one file per page, in
        a worker (a 300 dpi page takes a few hundred ms): progress per page, Batal."""
        if self._sop is None or not self._sop.steps or self.task is not None:
            return
        chosen = self.sop_to_save(self._sop)
        if chosen is None:
            return
        sop, mark = chosen
        name = sop.name + (DRAFT_SUFFIX if mark else "")
        path = self.ask_image_path(file_dialogs.file_name(name, suffix=".png"))
        if path is None:
            return

        def ended() -> None:
            self.task = None
            self._update_controls()

        self.save_image_button.setEnabled(False)
        self.task = run_task(
            self, lambda progress: write_images(sop, path, progress=progress, mark=mark),
            title=SAVE_IMAGE_TITLE, label=lambda done, total: IMAGE_PAGES.format(
                done=done, total=total or "?"),
            done=lambda written: self.show_info(SAVED_TITLE, SAVED_TEXT.format(
                paths="\n".join(str(p) for p in written))),
            failed=lambda message: self.show_error(SAVE_FAILED_TITLE, message))
        self.task.ended.connect(ended)

    # dialogs: tests replace these ---------------------------------------------------------------
    def ask_image_path(self, suggested: str) -> Path | None:
        return file_dialogs.ask_save_path(self, SAVE_IMAGE_TITLE, suggested, IMAGE_FILTERS)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)
