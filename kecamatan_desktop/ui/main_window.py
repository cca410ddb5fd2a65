"""The main window: composes the SOP list, the identity and procedure tabs, and the menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop import __version__
from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import catalogue
from kecamatan_desktop.services.catalogue import StoredSop
from kecamatan_desktop.store.database import Database, StoreError
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.events import CatalogueEvents
from kecamatan_desktop.ui.identity_view import IdentityView
from kecamatan_desktop.ui.procedure_table import ProcedureView
from kecamatan_desktop.ui.sop_list_model import SopFilterProxy, SopIdRole, SopListModel


class MainWindow(QMainWindow):
    def __init__(self, db: Database, settings: QSettings,
                 events: CatalogueEvents | None = None) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.events = events or CatalogueEvents(self)
        self.current: StoredSop | None = None
        self.setWindowTitle(strings.WINDOW_TITLE)

        self.list_model = SopListModel(self)
        self.proxy = SopFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self._build_widgets()
        self._build_menus()
        self.events.sops_changed.connect(self._on_sops_changed)
        self.reload()
        self._restore_settings()

    # construction ----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.office_filter = QComboBox(objectName="officeFilter")
        self.search_box = QLineEdit(objectName="searchBox", clearButtonEnabled=True)
        self.search_box.setPlaceholderText(strings.SEARCH_PLACEHOLDER)
        self.sop_list = QTableView(objectName="sopList")
        self.sop_list.setModel(self.proxy)
        self.sop_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sop_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sop_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sop_list.verticalHeader().setVisible(False)
        self.sop_list.setWordWrap(True)
        self.sop_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.sop_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.sop_list.hideColumn(2)  # the Nomor is on the identity sheet; the list stays narrow
        header.sectionResized.connect(lambda *_: self.sop_list.resizeRowsToContents())
        self.count_label = QLabel(objectName="countLabel")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.office_filter, self.search_box, self.sop_list, self.count_label):
            left_layout.addWidget(widget)

        self.title_label = QLabel(strings.NO_SELECTION, objectName="sopTitle", wordWrap=True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.identity_view = IdentityView()
        self.procedure_view = ProcedureView()
        self.tabs = QTabWidget(objectName="sopTabs")
        self.tabs.addTab(self.identity_view, strings.TAB_IDENTITY)
        self.tabs.addTab(self.procedure_view, strings.TAB_PROCEDURE)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.tabs)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 860])
        self.setCentralWidget(self.splitter)

        self.search_box.textChanged.connect(self._on_search)
        self.office_filter.currentIndexChanged.connect(self._on_office)
        self.sop_list.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(strings.MENU_FILE)
        self.action_import = QAction(strings.ACTION_IMPORT, self, shortcut=QKeySequence.Open)
        self.action_export = QAction(strings.ACTION_EXPORT, self, shortcut=QKeySequence.SaveAs)
        self.action_quit = QAction(strings.ACTION_QUIT, self, shortcut=QKeySequence.Quit)
        self.action_import.triggered.connect(self.import_files)
        self.action_export.triggered.connect(self.export_current)
        self.action_quit.triggered.connect(self.close)
        file_menu.addAction(self.action_import)
        file_menu.addAction(self.action_export)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        help_menu = self.menuBar().addMenu(strings.MENU_HELP)
        self.action_about = QAction(strings.ACTION_ABOUT, self)
        self.action_about.triggered.connect(self.show_about)
        help_menu.addAction(self.action_about)

    # data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the catalogue list and the office names from the services."""
        with self.db.guard(), self.db.session() as session:
            summaries = catalogue.list_sops(session=session)
            offices = catalogue.list_office_names(session=session)
        chosen = self.office_filter.currentData()
        self.list_model.set_summaries(summaries)
        self.sop_list.resizeRowsToContents()
        self.office_filter.blockSignals(True)
        self.office_filter.clear()
        self.office_filter.addItem(strings.ALL_OFFICES, None)
        for name in offices:
            self.office_filter.addItem(name, name)
        self.office_filter.setCurrentIndex(max(0, self.office_filter.findData(chosen)))
        self.office_filter.blockSignals(False)
        self._update_count()

    def select_sop(self, sop_id: str) -> bool:
        """Select `sop_id` in the list (if the filter shows it); the tabs follow."""
        row = self.list_model.row_of(sop_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        if not index.isValid():
            return False
        self.sop_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.sop_list.scrollTo(index)
        return True

    def selected_sop_id(self) -> str | None:
        index = self.sop_list.currentIndex()
        return index.data(SopIdRole) if index.isValid() else None

    def _show(self, sop_id: str | None) -> None:
        stored = None
        if sop_id is not None:
            try:
                with self.db.guard(), self.db.session() as session:
                    stored = catalogue.get_sop(sop_id, session=session)
            except (InputError, StoreError) as exc:
                self.show_error(strings.DB_ERROR_TITLE, str(exc))
        self.current = stored
        sop = stored.sop if stored else None
        self.title_label.setText(sop.name if sop else strings.NO_SELECTION)
        self.identity_view.show_sop(sop, stored.revision if stored else 1)
        self.procedure_view.show_sop(sop)

    def _on_current_changed(self, current, _previous) -> None:
        self._show(current.data(SopIdRole) if current.isValid() else None)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _on_office(self, _index: int) -> None:
        self.proxy.set_office(self.office_filter.currentData())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(strings.COUNT_LABEL.format(
            shown=self.proxy.rowCount(), total=self.list_model.rowCount()))

    def _on_sops_changed(self, sop_ids: list) -> None:
        keep = self.selected_sop_id()
        self.reload()
        if keep and not self.select_sop(keep):
            self._show(None)
        elif keep in sop_ids:
            self._show(keep)

    # actions ---------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.ask_import_paths()
        if not paths:
            return
        try:
            sops = catalogue.read_sop_files(paths)
            with self.db.guard(), self.db.session() as session:
                existing = {s.id for s in catalogue.list_sops(session=session)}
                clash = sorted(existing & {sop.id for sop in sops})
                if clash and not self.ask_replace(clash):
                    return
                result = catalogue.import_sops(sops, session=session, replace=bool(clash))
        except (InputError, StoreError) as exc:
            self.show_error(strings.IMPORT_FAILED, str(exc))
            return
        self.events.sops_changed.emit([*result.added, *result.revised])
        if result.added or result.revised:
            self.select_sop((result.added or result.revised)[0])
        self.show_info(strings.IMPORT_TITLE, strings.IMPORT_DONE.format(
            added=len(result.added), revised=len(result.revised)))

    def export_current(self) -> None:
        sop_id = self.selected_sop_id()
        if sop_id is None:
            self.show_info(strings.EXPORT_TITLE, strings.EXPORT_NOTHING)
            return
        path = self.ask_export_path(f"{sop_id}.json")
        if not path:
            return
        try:
            with self.db.guard(), self.db.session() as session:
                text = catalogue.export_sop(sop_id, session=session)
            Path(path).write_text(text, encoding="utf-8")
        except (InputError, StoreError, OSError) as exc:
            self.show_error(strings.EXPORT_FAILED, str(exc))
            return
        self.show_info(strings.EXPORT_TITLE, strings.EXPORT_DONE.format(id=sop_id, path=path))

    def show_about(self) -> None:
        QMessageBox.about(self, strings.ABOUT_TITLE,
                          strings.ABOUT_TEXT.format(version=__version__, db=self.db.path))

    # dialogs: small methods that tests replace ------------------------------------------------
    def ask_import_paths(self) -> list[Path]:
        files, _ = QFileDialog.getOpenFileNames(self, strings.IMPORT_TITLE, "",
                                                strings.IMPORT_FILTER)
        return [Path(f) for f in files]

    def ask_export_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, strings.EXPORT_TITLE, suggested,
                                              strings.EXPORT_FILTER)
        return Path(path) if path else None

    def ask_replace(self, sop_ids: list[str]) -> bool:
        answer = QMessageBox.question(self, strings.IMPORT_TITLE,
                                      strings.IMPORT_EXISTS.format(ids="\n".join(sop_ids)))
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # settings --------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1300, 800)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = self.settings.value("catalogue/last_sop")
        if not (last and self.select_sop(str(last))) and self.proxy.rowCount():
            self.sop_list.selectRow(0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.sop_list.resizeRowsToContents()  # wrap names now that columns have their widths

    def closeEvent(self, event) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        sop_id = self.selected_sop_id()
        if sop_id:
            self.settings.setValue("catalogue/last_sop", sop_id)
        self.settings.sync()
        super().closeEvent(event)
