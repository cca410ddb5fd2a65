"""The main window: composes the SOP list, the editor tabs, the menus and the dialogs.

It is built in two steps so the program shows its catalogue at once: the list (from a
quick SQLite read, services/listing.py) first, and after the first paint everything that
needs the database and the heavier modules (`attach`). Built with a database at hand, both
steps run in the constructor.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.services.listing import CatalogueListing
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui import strings_database as db_strings
from kecamatan_desktop.ui.sop_list_model import SopFilterProxy, SopIdRole, SopListModel
from kecamatan_desktop.ui.status_line import StatusLine
from kecamatan_desktop.ui.window_database import WindowDatabase
from kecamatan_desktop.ui.window_geometry import fit_screen, keep_on_screen
from kecamatan_desktop.ui.window_questions import WindowQuestions

if TYPE_CHECKING:
    from kecamatan_desktop.services.changes import Changes
    from kecamatan_desktop.services.session import Database


class MainWindow(WindowQuestions, WindowDatabase, QMainWindow):
    first_painted = Signal()  # once, when the window has been drawn on screen

    def __init__(self, db: Database | None, settings: QSettings, *, path: Path | None = None,
                 listing: CatalogueListing | None = None) -> None:
        """With `db`, the whole window. Without, `path` and `listing` give the catalogue to
        show until `attach(db)` completes the window (see app.run_gui)."""
        super().__init__()
        self.db = db
        self.settings = settings
        self.offices: list[str] = []
        self._reverting_selection = False
        self.attached = False
        self._painted = False
        self._show_path(db.path if db is not None else path)

        self.list_model = SopListModel(self)
        self.proxy = SopFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self._build_list()
        if listing is not None:
            self._show_listing(listing)
        self._restore_geometry()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Complete the window on the open database: editor, rounds, menus; re-read the list."""
        from kecamatan_desktop.ui.catalogue_watch import CatalogueWatch
        from kecamatan_desktop.ui.editor.document import SopDocument
        from kecamatan_desktop.ui.editor.recovery import Autosave, recovery_path
        from kecamatan_desktop.ui.editor.sop_editing import SopEditing
        from kecamatan_desktop.ui.events import ChangeHub

        self.db = db
        self._show_path(db.path)
        # every change, the window's own writes and those found elsewhere, comes through it
        self.hub = ChangeHub(db, self)
        self.document = SopDocument(self)
        self.sop_editing = SopEditing(db, self.document, self, self)
        self._build_widgets()
        self._build_menus()
        self.document.changed.connect(self._on_document_changed)
        self.sop_editing.history_changed.connect(self.revision_history.set_revisions)
        self.sop_editing.about_to_check.connect(self.procedure_view.commit_open_edit)
        self.sop_editing.saved.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self.revision_history.open_requested.connect(self.sop_editing.open_revision)
        self.revision_history.back_requested.connect(self.sop_editing.back_to_current)
        self.procedure_view.problems_panel.identity_activated.connect(self._show_identity_form)
        if db.read_only:
            self.statusBar().addPermanentWidget(QLabel(strings.READ_ONLY_MARK,
                                                       objectName="readOnlyMark"))
        self.status_line = StatusLine(self)
        self.status_line.show_database(db.path)
        self.hub.follow(self._follow)
        self.catalogue_watch = CatalogueWatch(self)
        self.autosave = Autosave(self.document, str(db.path), recovery_path(str(db.path)),
                                 self, self._reveal, self)
        self.attached = True
        self.update_round_status()
        keep = self.selected_sop_id()
        self.reload()
        self._restore_selection(keep)
        self._on_document_changed()
        chosen = self.selected_sop_id()
        if chosen is not None and chosen != self.sop_editing.sop_id:
            self.sop_editing.open_sop(chosen)  # chosen before the window was complete

    # construction ----------------------------------------------------------------------------
    def _show_path(self, path: Path) -> None:
        # the file in the title: two windows on two databases are never mistaken
        self.setWindowTitle(f"{strings.WINDOW_TITLE}[*] — {path.name} ({path.parent})")

    def _build_list(self) -> None:
        """The catalogue side, and the frame the editor goes into: all the first paint needs."""
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
        # names wrap to the column's width; a burst of column resizes re-measures rows once
        self._row_heights = QTimer(self, singleShot=True, interval=0)
        self._row_heights.timeout.connect(self.sop_list.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._row_heights.start())
        # rows a search brings back are measured again: they kept a stale height and their
        # names were cut
        for changed in (self.proxy.layoutChanged, self.proxy.rowsInserted,
                        self.proxy.modelReset):
            changed.connect(lambda *_: self._row_heights.start())
        self.count_label = QLabel(objectName="countLabel")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.office_filter, self.search_box, self.sop_list, self.count_label):
            left_layout.addWidget(widget)

        self.right = QWidget()
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.setSpacing(0)
        self.loading_label = QLabel(strings.LOADING, objectName="loadingLabel")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_layout.addWidget(self.loading_label, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 900])
        self.main_tabs = QTabWidget(objectName="mainTabs")
        self.main_tabs.addTab(self.splitter, strings.TAB_CATALOGUE)
        self.setCentralWidget(self.main_tabs)
        self.search_box.textChanged.connect(self._on_search)
        self.office_filter.currentIndexChanged.connect(self._on_office)
        self.sop_list.selectionModel().currentRowChanged.connect(self._on_current_changed)
        # the menus and the toolbar are in place from the first paint, filled by attach():
        # nothing moves when the window is completed
        self.file_menu = self.menuBar().addMenu(strings.MENU_FILE)
        self.edit_menu = self.menuBar().addMenu(strings.MENU_EDIT)
        self.rounds_menu = self.menuBar().addMenu(strings.MENU_ROUNDS)
        self.help_menu = self.menuBar().addMenu(strings.MENU_HELP)
        self.toolbar = QToolBar(objectName="mainToolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for text in (strings.ACTION_NEW_SOP, strings.ACTION_SAVE, None, strings.ACTION_UNDO,
                     strings.ACTION_REDO):  # shown greyed until attach() puts the real ones
            if text is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(text).setEnabled(False)
        self.addToolBar(self.toolbar)

    def _build_widgets(self) -> None:
        from kecamatan_desktop.ui.editor.identity_page import IdentityPage
        from kecamatan_desktop.ui.editor.procedure_editor import ProcedureEditor
        from kecamatan_desktop.ui.editor.revision_history import RevisionHistory
        from kecamatan_desktop.ui.flowchart.panel import FlowchartPanel
        from kecamatan_desktop.ui.rounds.workspace import RoundsWorkspace

        self.title_label = QLabel(strings.NO_SELECTION, objectName="sopTitle", wordWrap=True)
        self.title_label.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.status_label = QLabel(objectName="sopStatus")
        self.status_label.setStyleSheet("color: #555; padding: 0 4px;")
        self.identity_page = IdentityPage(self.document)
        self.identity_page.profile_for = self._office_profile
        self.identity_view = self.identity_page.view
        self.procedure_view = ProcedureEditor(self.document, self)
        self.revision_history = RevisionHistory()
        self.tabs = QTabWidget(objectName="sopTabs")
        self.tabs.addTab(self.identity_page, strings.TAB_IDENTITY)
        self.tabs.addTab(self.procedure_view, strings.TAB_PROCEDURE)
        self.tabs.addTab(self.revision_history, strings.TAB_HISTORY)
        self.loading_label.hide()
        self.right_layout.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        self.right_layout.addWidget(self.title_label)
        self.right_layout.addWidget(self.status_label)
        self.right_layout.addWidget(self.tabs, 1)

        # the swimlane drawing, redrawn from the document being edited, in a tab of its own
        self.flowchart = FlowchartPanel()
        self.tabs.insertTab(self.tabs.indexOf(self.revision_history), self.flowchart,
                            strings.TAB_FLOWCHART)
        self.flowchart.step_selected.connect(self._on_flowchart_step_selected)
        self.flowchart.step_dropped_on_lane.connect(self._on_step_dropped_on_lane)
        self.document.changed.connect(lambda: self.flowchart.show_sop(self.document.sop))
        self.procedure_view.step_selected.connect(self.flowchart.select_step)

        self.rounds = RoundsWorkspace(self.db, self.hub)
        self.main_tabs.addTab(self.rounds, strings.TAB_ROUNDS)

    def _build_menus(self) -> None:
        from kecamatan_desktop.ui.backup_actions import BackupActions
        from kecamatan_desktop.ui.bookimport.actions import BookImportActions
        from kecamatan_desktop.ui.interchange_actions import InterchangeActions
        from kecamatan_desktop.ui.printing_actions import PrintingActions
        from kecamatan_desktop.ui.sign_in import WindowSignIn

        def action(text: str, slot, shortcut=None, name: str = "") -> QAction:
            a = QAction(text, self, objectName=name)
            if shortcut is not None:
                a.setShortcut(shortcut)
            a.triggered.connect(slot)
            return a

        self.action_new = action(strings.ACTION_NEW_SOP, self.new_sop, QKeySequence.New)
        self.action_duplicate = action(strings.ACTION_DUPLICATE_SOP, self.duplicate_sop)
        self.action_delete = action(strings.ACTION_DELETE_SOP, self.delete_sop)
        self.action_archive = action(strings.ACTION_ARCHIVE_SOP, self.archive_sop)
        self.action_unarchive = action(strings.ACTION_UNARCHIVE_SOP, self.unarchive_sop)
        self.action_show_archive = QAction(strings.ACTION_SHOW_ARCHIVE, self, checkable=True,
                                           objectName="actionShowArchive")
        self.action_show_archive.toggled.connect(self._on_show_archive)
        self.action_save = action(strings.ACTION_SAVE, self.save, QKeySequence.Save)
        self.action_history = action(strings.ACTION_HISTORY, self.show_history)
        self.interchange = InterchangeActions(self.db, self)
        self.action_import = self.interchange.import_action
        self.action_export = self.interchange.export_action
        self.book_import = BookImportActions(self.db, self)
        self.action_quit = action(strings.ACTION_QUIT, self.close, QKeySequence.Quit)
        self.printing = PrintingActions(self.db, self, self.sop_editing)
        self.flowchart.sop_to_save = self.printing.flowchart_to_save
        self.action_office = action(strings.ACTION_OFFICE_PROFILE, self.edit_office_profile)
        file_menu = self.file_menu
        add_items(file_menu, (
            self.action_new, self.action_duplicate, self.action_delete, None,
            self.action_archive, self.action_unarchive, self.action_show_archive, None,
            self.action_save, self.action_history, None, self.action_import,
            self.book_import.action, self.action_export, None, self.printing.export_pdf_action,
            self.printing.print_action, self.printing.print_book_action))
        paper_menu = file_menu.addMenu(strings.MENU_PAPER)
        for paper_action in self.printing.paper_actions.values():
            paper_menu.addAction(paper_action)
        file_menu.addAction(self.action_office)
        self.action_database = action(db_strings.ACTION_CHOOSE_DATABASE, self.choose_database,
                                      name="chooseDatabase")
        file_menu.addAction(self.action_database)
        self.signing = WindowSignIn(self.db, self, self.settings)
        file_menu.addAction(self.signing.action)
        self.statusBar().addPermanentWidget(self.signing.label)
        self.backups = BackupActions(self.db, self)
        add_items(file_menu, (None, self.backups.backup_action, self.backups.restore_action,
                              None, self.action_quit))

        stack = self.document.undo_stack
        self.action_undo = stack.createUndoAction(self, strings.ACTION_UNDO)
        self.action_undo.setShortcuts([QKeySequence.Undo])
        self.action_redo = stack.createRedoAction(self, strings.ACTION_REDO)
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu = self.edit_menu
        edit_menu.addAction(self.action_undo)
        edit_menu.addAction(self.action_redo)

        rounds_menu = self.rounds_menu
        self.action_start_round = action(strings.ACTION_START_ROUND, self.start_round)
        self.action_directory = action(strings.ACTION_DIRECTORY,
                                       self.rounds.dashboard.open_directory)
        self.action_dashboard = action(strings.ACTION_SHOW_ROUNDS,
                                       lambda: self.main_tabs.setCurrentWidget(self.rounds))
        self.action_calendar = action(strings.CALENDAR, self.rounds.dashboard.open_calendar)
        self.action_refresh = action(strings.ACTION_REFRESH, self.refresh_rounds,
                                     QKeySequence.Refresh, "refreshRounds")
        add_items(rounds_menu, (self.action_start_round, self.action_dashboard,
                                self.action_directory, self.action_calendar, None,
                                self.action_refresh))

        help_menu = self.help_menu
        self.action_help = action(strings.ACTION_HELP, lambda: self.show_help(),
                                  QKeySequence.HelpContents, "showHelp")
        self.action_check_db = action(strings.ACTION_CHECK_DB, self.check_database)
        self.action_about = action(strings.ACTION_ABOUT, self.show_about)
        add_items(help_menu, (self.action_help, self.action_check_db, self.action_about))
        self.action_find = action(strings.ACTION_FIND, self.focus_search, QKeySequence.Find,
                                  "findSop")
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.action_find)
        from kecamatan_desktop.ui.editor.sop_check import SopCheck

        self.sop_check = SopCheck(self.db, self.document, self.procedure_view.problems_panel,
                                  self)
        self.sop_check.shown.connect(lambda: self.tabs.setCurrentWidget(self.procedure_view))
        self.edit_menu.addAction(self.sop_check.action)
        from kecamatan_desktop.ui.editor.procedure_copying import ProcedureCopying

        self.procedure_copying = copying = ProcedureCopying(self.db, self.document, self)
        copying.about_to_copy.connect(self.procedure_view.commit_open_edit)
        copying.copied.connect(lambda: self.tabs.setCurrentWidget(self.procedure_view))
        self.procedure_view.copy_button.clicked.connect(copying.copy_action.trigger)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(copying.copy_action)
        self.edit_menu.addAction(copying.model_action)

        self.toolbar.clear()
        add_items(self.toolbar, (self.action_new, self.action_save, None, self.action_undo,
                                 self.action_redo))

    def refresh_rounds(self) -> None:
        """F5: what changed elsewhere, read now: the catalogue (the list, and the open SOP if
        it has no unsaved edits), the rounds (dashboard and open round) and the status bar;
        everything read again when nothing did."""
        self.hub.refresh_if_changed(force=True)

    def focus_search(self) -> None:
        """Ctrl+F: to the catalogue's search box, its text selected for a new search."""
        self.main_tabs.setCurrentIndex(0)
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _follow(self, changes: Changes) -> None:
        if self.status_line.counts_follow(changes):
            self.update_round_status()
        if changes.office:
            self.identity_page.forget_profiles()  # its name and dates on the sheet

    def update_round_status(self) -> None:
        from kecamatan_desktop.services import history

        self.status_line.show_rounds(*call(self.db, history.open_round_counts))

    def show_help(self, anchor: str = "") -> None:
        """F1: the guide shipped with the program, opened beside the window."""
        from kecamatan_desktop.ui.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(self, anchor)
        self.help_dialog.show()

    def maybe_welcome(self) -> str | None:
        """At the very first start: the welcome, once (never again, whatever the answer)."""
        from kecamatan_desktop.ui.help_dialog import first_welcome

        if not first_welcome(self.settings):
            return None
        choice = self.ask_welcome()
        if choice == "profile":
            self.edit_office_profile()
        elif choice == "help":
            self.show_help()
        return choice

    # the catalogue list ----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the catalogue list and the office names from the services."""
        from kecamatan_desktop.services import catalogue

        self._show_listing(call(self.db, catalogue.catalogue_listing,
                                include_archived=self.action_show_archive.isChecked()))

    def _show_listing(self, listing: CatalogueListing) -> None:
        self.offices = listing.offices
        chosen = self.office_filter.currentData()
        self.list_model.set_summaries(listing.sops)
        if self.isVisible():  # else showEvent measures them, with the columns' real widths
            self.sop_list.resizeRowsToContents()
        self.office_filter.blockSignals(True)
        self.office_filter.clear()
        self.office_filter.addItem(strings.ALL_OFFICES, None)
        for name in self.offices:
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

    def _on_current_changed(self, current, _previous) -> None:
        sop_id = current.data(SopIdRole) if current.isValid() else None
        if not self.attached:
            return  # attach() opens what is selected by then
        if self._reverting_selection or (sop_id is not None
                                         and sop_id == self.sop_editing.sop_id):
            return  # the list was re-read, or the selection is being put back
        if not self.sop_editing.resolve_unsaved():
            self._reverting_selection = True
            try:
                if self.sop_editing.sop_id is not None:
                    self.select_sop(self.sop_editing.sop_id)
            finally:
                self._reverting_selection = False
            return
        self.sop_editing.open_sop(sop_id)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _on_office(self, _index: int) -> None:
        self.proxy.set_office(self.office_filter.currentData())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(strings.COUNT_LABEL.format(
            shown=self.proxy.rowCount(), total=self.list_model.rowCount()))
        if self.attached:
            self.status_line.show_catalogue(self.office_filter.currentData(),
                                            self.proxy.rowCount())

    def reread_catalogue(self) -> tuple[str | None, bool]:
        """Re-read the list, selecting again the SOP open (or selected): (that SOP, whether
        the list still holds it)."""
        keep = self.sop_editing.sop_id or self.selected_sop_id()
        self.reload()
        return keep, (self.select_sop(keep) if keep else True)

    def _on_show_archive(self, _shown: bool) -> None:
        # an archived SOP is read-only, so hiding it cannot lose an edit
        keep = self.sop_editing.sop_id or self.selected_sop_id()
        self.reload()
        if keep and not self.select_sop(keep):
            self.sop_editing.open_sop(None)

    def _reveal(self, sop_id: str) -> None:
        """Select `sop_id`, clearing the search and office filter if they hide it."""
        if not self.select_sop(sop_id):
            self.search_box.clear()
            self.office_filter.setCurrentIndex(0)
            self.select_sop(sop_id)

    # the edited SOP --------------------------------------------------------------------------
    def _on_document_changed(self) -> None:
        doc = self.document
        sop = doc.sop
        self.title_label.setText(sop.name if sop else strings.NO_SELECTION)
        status = []
        if sop is not None:
            status.append(strings.STATUS_REVISION.format(revision=doc.revision))
            if doc.is_draft:
                status.append(strings.STATUS_DRAFT)
            if doc.archived:
                status.append(strings.STATUS_ARCHIVED)
            elif doc.read_only:
                status.append(strings.STATUS_READ_ONLY.format(current=doc.current_revision))
            if doc.is_modified:
                status.append(strings.STATUS_MODIFIED)
        self.status_label.setText(" · ".join(status))
        self.setWindowModified(doc.is_modified)
        # enabled while unmodified too: a cell still being typed in is not an edit yet
        self.action_save.setEnabled(sop is not None and not doc.read_only)
        for a in (self.action_duplicate, self.action_delete, self.action_history):
            a.setEnabled(sop is not None)
        self.action_archive.setEnabled(sop is not None and not doc.archived)
        self.action_unarchive.setEnabled(sop is not None and doc.archived)

    def _on_flowchart_step_selected(self, index: int) -> None:
        self.procedure_view.select_step(index)

    def _on_step_dropped_on_lane(self, index: int, lane_name: str) -> None:
        self.procedure_view.set_step_lane(index, lane_name)

    def _show_identity_form(self) -> None:
        self.tabs.setCurrentWidget(self.identity_page)
        self.identity_page.set_editing(True)

    # actions ---------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.sop_editing.save()

    def new_sop(self) -> None:
        sop_id = self.sop_editing.new_sop(self.offices)
        if sop_id:
            self._reveal(sop_id)

    def duplicate_sop(self) -> None:
        sop_id = self.sop_editing.duplicate_sop(self.offices)
        if sop_id:
            self._reveal(sop_id)

    def delete_sop(self) -> None:
        self.sop_editing.delete_sop()

    def archive_sop(self) -> None:
        self.sop_editing.archive_sop()

    def unarchive_sop(self) -> None:
        self.sop_editing.unarchive_sop()

    def show_history(self) -> None:
        self.tabs.setCurrentWidget(self.revision_history)

    def start_round(self) -> int | None:
        """Start a round of the selected SOP, on the Pelaksanaan tab."""
        self.main_tabs.setCurrentWidget(self.rounds)
        return self.rounds.start_round(self.selected_sop_id())

    def edit_office_profile(self) -> None:
        office = self.document.sop.office.name if self.document.sop else None
        if office not in self.offices and self.offices:
            office = self.offices[0]
        if office is not None:
            from kecamatan_desktop.ui.office_profile import OfficeProfileDialog

            OfficeProfileDialog(self.db, office, self).exec()

    def _office_profile(self, office: str):
        from kecamatan_desktop.services import printing

        return call(self.db, printing.office_profile, office)

    # settings --------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_screen(self)
        else:
            keep_on_screen(self)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._restore_selection(None)

    def _restore_selection(self, chosen: str | None) -> None:
        """Select `chosen`, else the SOP selected when the program last closed, else the first."""
        for sop_id in (chosen, self.settings.value("catalogue/last_sop")):
            if sop_id and self.select_sop(str(sop_id)):
                return
        if self.proxy.rowCount():
            self.sop_list.selectRow(0)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after the paint is on screen

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.sop_list.resizeRowsToContents()  # wrap names now that columns have their widths

    def closeEvent(self, event) -> None:
        if self.attached and not self.sop_editing.resolve_unsaved():
            event.ignore()
            return
        if self.attached:
            self.autosave.stop()  # closed normally: nothing to recover at the next start
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        sop_id = self.selected_sop_id()
        if sop_id:
            self.settings.setValue("catalogue/last_sop", sop_id)
        self.settings.sync()
        super().closeEvent(event)


def add_items(menu, items) -> None:
    """Add `items` to a menu or toolbar in order, None as a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
