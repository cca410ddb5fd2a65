"""The flowchart view and panel with real widgets: shapes in their lanes, clicks, drags, zoom."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from kecamatan_desktop.domain.interchange import loads
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.drawing import painting
from kecamatan_desktop.drawing.qt_measure import qt_measure
from kecamatan_desktop.drawing.scene import lay_out
from kecamatan_desktop.layout.model import ArrowKind, Style
from kecamatan_desktop.resource_paths import font_path
from kecamatan_desktop.ui.flowchart.panel import FlowchartPanel
from kecamatan_desktop.ui.flowchart.view import FlowchartView
from tests.conftest import SEED_DIR


def seed(sop_id: str) -> Sop:
    return loads((SEED_DIR / "sops" / f"{sop_id}.json").read_text(encoding="utf-8"))


@pytest.fixture
def renstra() -> Sop:
    return seed("poncokusumo-2018-renstra")


@pytest.fixture
def view(qtbot) -> FlowchartView:
    v = FlowchartView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def panel(qtbot) -> FlowchartPanel:
    p = FlowchartPanel()
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def render_scene(v: FlowchartView, scale: float = 4.0) -> tuple[QImage, float]:
    """The view's scene painted on an image, `scale` pixels per point, from scene (0, 0)."""
    scene = v.flowchart_scene()
    rect = scene.page_rect(0)
    image = QImage(int(rect.width() * scale), int(rect.height() * scale),
                   QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect)
    painter.end()
    return image, scale


def pixel(image: QImage, scale: float, x: float, y: float) -> QColor:
    return image.pixelColor(int(x * scale), int(y * scale))


def dark(color: QColor) -> bool:
    return color.lightness() < 128


def viewport_point(v: FlowchartView, scene_point: QPointF) -> QPoint:
    return v.mapFromScene(scene_point)


def drag(qtbot, v: FlowchartView, start: QPointF, end: QPointF) -> None:
    """Press on `start`, move there in steps with the button held, release on `end`."""
    a, b = viewport_point(v, start), viewport_point(v, end)
    qtbot.mousePress(v.viewport(), Qt.MouseButton.LeftButton, pos=a)
    for k in range(1, 9):
        qtbot.mouseMove(v.viewport(), a + (b - a) * (k / 8))
    qtbot.mouseRelease(v.viewport(), Qt.MouseButton.LeftButton, pos=b)


def lane_centre(v: FlowchartView, name: str) -> float:
    column = next(c for c in v.flowchart_scene().flow_layout.columns if c.lane == name)
    return column.x + column.width / 2


def test_renstra_has_12_step_shapes_where_the_layout_put_them(view, renstra):
    view.show_sop(renstra)
    scene = view.flowchart_scene()
    layout = lay_out(renstra)
    assert sorted(scene.shape_items) == list(range(12))
    lanes = {c.lane: c for c in layout.columns if c.key == "lane"}
    page_top = scene.page_rect(0).top()
    for index, item in scene.shape_items.items():
        expected = layout.shape_of_step(index)
        assert item.layout_shape == expected
        drawn = item.mapRectToScene(painting.qrect(expected.rect))
        assert drawn.topLeft() == QPointF(expected.rect.x, page_top + expected.rect.y)
        lane = lanes[renstra.steps[index].role]
        assert lane.x <= drawn.left() and drawn.right() <= lane.x + lane.width


def test_arrows_labels_and_cells_are_drawn(view, renstra):
    view.show_sop(renstra)
    scene = view.flowchart_scene()
    arrows = scene.flow_layout.pages[0].arrows
    assert len(scene.arrow_items) == len(arrows) == 13  # 9 next, 2 x (Ya, Tidak)
    assert sorted(a.label.lines[0] for a in arrows if a.label) == ["Tidak", "Tidak", "Ya", "Ya"]
    image, s = render_scene(view)
    for arrow in arrows:
        for p, q in zip(arrow.points, arrow.points[1:], strict=False):
            assert dark(pixel(image, s, (p.x + q.x) / 2, (p.y + q.y) / 2)), arrow
        tip, before = arrow.points[-1], arrow.points[-2]
        # the filled head: dark beside the line just before the tip (from above, or by the
        # side for a return)
        length = math.hypot(tip.x - before.x, tip.y - before.y)
        ux, uy = (tip.x - before.x) / length, (tip.y - before.y) / length
        assert dark(pixel(image, s, tip.x - 2.5 * ux - 0.7 * uy, tip.y - 2.5 * uy + 0.7 * ux))
    for arrow in (a for a in arrows if a.label):
        r = arrow.label.rect
        assert any(dark(pixel(image, s, r.x + dx, r.y + dy))
                   for dx in range(int(r.w)) for dy in range(int(r.h)))
    heading = next(c for c in scene.flow_layout.pages[0].cells if c.heading)
    assert pixel(image, s, heading.rect.x + 1, heading.rect.y + 1) == painting.HEADING_FILL


def test_clicking_a_shape_emits_step_selected(qtbot, view, renstra):
    view.show_sop(renstra)
    item = view.flowchart_scene().shape_items[8]
    view.centerOn(item)
    pos = viewport_point(view, item.sceneBoundingRect().center())
    with qtbot.waitSignal(view.step_selected, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [8]
    assert item.isSelected() and view.selected_step() == 8


def test_select_step_highlights_without_echo(qtbot, view, renstra):
    view.show_sop(renstra)
    with qtbot.assertNotEmitted(view.step_selected):
        view.select_step(5)
    item = view.flowchart_scene().shape_items[5]
    assert item.isSelected() and view.selected_step() == 5
    assert view.visible_scene_rect().contains(item.sceneBoundingRect())
    image, s = render_scene(view)
    centre = item.layout_shape.rect
    assert pixel(image, s, centre.cx, centre.cy) == painting.SELECTED_FILL
    view.select_step(None)
    assert view.selected_step() is None


def test_dragging_a_shape_onto_another_lane_reports_that_lane(qtbot, view, renstra):
    view.show_sop(renstra)
    view.zoom_out()
    item = view.flowchart_scene().shape_items[0]  # Camat
    start = item.sceneBoundingRect().center()
    with qtbot.waitSignal(view.step_dropped_on_lane, timeout=1000) as blocker:
        drag(qtbot, view, start, QPointF(lane_centre(view, "Staf"), start.y() + 30))
    assert blocker.args == [0, "Staf"]
    assert item.pos() == QPointF(0, 0)  # back in place until the editor redraws


def test_dropping_a_shape_in_its_own_lane_reports_nothing(qtbot, view, renstra):
    view.show_sop(renstra)
    item = view.flowchart_scene().shape_items[2]  # Tim
    start = item.sceneBoundingRect().center()
    with qtbot.assertNotEmitted(view.step_dropped_on_lane):
        drag(qtbot, view, start, QPointF(start.x() + 12, start.y()))
    assert item.pos() == QPointF(0, 0)


def test_hovering_a_shape_shows_the_step(qtbot, view, renstra):
    view.show_sop(renstra)
    item = view.flowchart_scene().shape_items[3]
    view.centerOn(item)
    pos = viewport_point(view, item.sceneBoundingRect().center())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos,
                                                       view.viewport().mapToGlobal(pos)))
    text = QToolTip.text()
    for part in ("No", "4", "Kegiatan", "Menyusun konsep Renstra", "Pelaksana",
                 "Kasubag Evapor", "Waktu", "1 hari", "Output", "Konsep Renstra"):
        assert part in text
    QToolTip.hideText()


def test_zoom_buttons_and_ctrl_wheel(qtbot, panel, renstra):
    panel.show_sop(renstra)
    view = panel.view
    panel.fit_width_button.click()
    fitted = view.zoom_factor()
    assert view.flowchart_scene().sceneRect().width() * fitted <= view.viewport().width()
    panel.zoom_in_button.click()
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    assert panel.zoom_label.text() == f"{round(fitted * 125)}%"
    panel.zoom_out_button.click()
    panel.zoom_out_button.click()
    assert view.zoom_factor() == pytest.approx(fitted / 1.25)
    panel.fit_width_button.click()
    assert view.zoom_factor() == pytest.approx(fitted)
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)


def test_a_new_sop_starts_at_the_top_readable_and_stays_so_when_the_window_grows(qtbot,
                                                                                 renstra):
    v = FlowchartView()  # laid out while hidden, as in a tab not yet shown
    qtbot.addWidget(v)
    v.show_sop(renstra)
    v.resize(900, 400)
    v.show()
    qtbot.waitExposed(v)
    body_pt = Style().font_size
    for width in (900, 2400, 700):
        v.resize(width, 400)
        QApplication.processEvents()
        visible = v.visible_scene_rect()
        assert visible.top() <= 0 < visible.bottom(), width  # the first page's top edge
        # body text at 9 pt or more on screen (px per pt x 72 / dpi); wider windows fill
        assert body_pt * v.zoom_factor() * 72 / v.logicalDpiY() >= 8.99, width
        fitted = v.flowchart_scene().sceneRect().width() * v.zoom_factor()
        assert (fitted <= v.viewport().width()) == (v.zoom_factor() > v.readable_zoom()), width
    v.fit_width()  # on request: the whole width, smaller text
    QApplication.processEvents()
    assert v.flowchart_scene().sceneRect().width() * v.zoom_factor() <= v.viewport().width()
    assert v.zoom_factor() < v.readable_zoom()


def test_redrawing_the_same_sop_keeps_zoom_and_selection(view, renstra):
    view.show_sop(renstra)
    view.zoom_in()
    view.select_step(7)
    zoom = view.zoom_factor()
    moved = replace(renstra, steps=tuple(
        replace(s, role="Staf") if i == 7 else s for i, s in enumerate(renstra.steps)))
    view.show_sop(moved)
    assert view.zoom_factor() == zoom and view.selected_step() == 7
    assert view.flowchart_scene().shape_items[7].layout_shape.lane == 4  # Staf


def test_sop_without_steps_shows_the_invitation(panel):
    panel.show_sop(seed("ngantang-2021-renja"))
    assert panel.view.flowchart_scene() is None
    assert panel.view.message_text().startswith("Prosedur SOP ini belum digambar.")
    assert not panel.save_image_button.isEnabled() and not panel.zoom_in_button.isEnabled()
    panel.show_sop(None)
    assert panel.view.message_text() is None and not panel.view.scene().items()


def test_a_procedure_that_cannot_be_laid_out_says_why(view, renstra):
    roles = tuple(f"Lajur {i}" for i in range(30))
    crowded = replace(renstra, roles=roles,
                      steps=tuple(replace(s, role=roles[0]) for s in renstra.steps))
    view.show_sop(crowded)
    assert view.message_text().startswith("Diagram alir tidak dapat digambar")
    assert "lajur" in view.message_text()


class _Relayouts(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize):
            self.count += 1
        return False


@pytest.mark.parametrize("size", [(1000, 700), (700, 900), (1300, 500)])
def test_fit_width_settles_instead_of_toggling_the_scroll_bar(qtbot, qapp, panel, renstra,
                                                              size):
    """Fitted to the width, the page once hid and showed the scroll bar for ever (12,000
    relayouts a second, a core busy while the window sat idle)."""
    panel.resize(*size)
    panel.show_sop(renstra)
    panel.view.fit_width()
    qtbot.wait(100)
    seen = _Relayouts()
    qapp.installEventFilter(seen)
    try:
        qtbot.wait(300)
    finally:
        qapp.removeEventFilter(seen)
    assert seen.count < 10
    assert not panel.view.horizontalScrollBar().isVisible()


def test_panel_saves_png_and_reports_a_bad_name(qtbot, panel, renstra, tmp_path):
    errors, infos = [], []
    panel.show_error = lambda title, text: errors.append(text)
    panel.show_info = lambda title, text: infos.append(text)
    panel.show_sop(renstra)
    asked = []

    def save() -> None:  # written in a worker: the button is greyed until it is done
        panel.save_image_button.click()
        if panel.task is not None:
            assert not panel.save_image_button.isEnabled()
            qtbot.waitUntil(lambda: panel.task is None, timeout=20000)
        assert panel.save_image_button.isEnabled()

    panel.ask_image_path = lambda suggested: asked.append(suggested) or tmp_path / "renstra.png"
    save()
    assert asked == ["Penyusunan Renstra.png"]  # the SOP's name, not its id
    assert (tmp_path / "renstra.png").exists() and str(tmp_path / "renstra.png") in infos[0]
    panel.ask_image_path = lambda suggested: tmp_path / "renstra.jpg"
    save()
    assert not (tmp_path / "renstra.jpg").exists() and ".jpg" in errors[0]
    panel.ask_image_path = lambda suggested: None
    save()
    assert len(errors) == 1 and len(infos) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["renstra.png"]  # no temp left


def test_panel_passes_selection_through(qtbot, panel, renstra):
    panel.show_sop(renstra)
    panel.select_step(4)
    assert panel.view.selected_step() == 4
    item = panel.view.flowchart_scene().shape_items[9]
    panel.view.centerOn(item)
    pos = viewport_point(panel.view, item.sceneBoundingRect().center())
    with qtbot.waitSignal(panel.step_selected, timeout=1000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [9]


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("size", [6.5, 7.5, 10.0])
def test_qt_measure_agrees_with_reportlab(qapp, bold, size):
    face = "LiberationSans-Bold" if bold else "LiberationSans-Regular"
    from reportlab.pdfbase import pdfmetrics

    if face not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(face, str(font_path(f"{face}.ttf"))))
    for text in ("Memeriksa konsep Renstra. Jika setuju, diserahkan kepada Tim.",
                 "Kasubag Evapor", "Tidak", "WWW mmm iii 1234567890", "Pelaksana"):
        qt, pdf = qt_measure(text, size, bold), stringWidth(text, face, size)
        assert qt == pytest.approx(pdf, rel=0.02)


def test_arrow_kinds_reach_the_view(view):
    sop = loads(Path("tests/fixtures/sop-40-langkah.json").read_text(encoding="utf-8"))
    view.show_sop(sop)
    scene = view.flowchart_scene()
    assert len(scene.pages) >= 3 and len(scene.shape_items) == 40
    kinds = {item.arrow.kind for item in scene.arrow_items}
    assert kinds == {ArrowKind.NEXT, ArrowKind.YES, ArrowKind.NO}
    labels = {item.connector.label for item in scene.connector_items}
    assert {"A", "B"} <= labels
    # page n sits below page n-1, with a gap
    assert scene.page_rect(1).top() > scene.page_rect(0).bottom()
