"""*Berkas → Basis data…*: a file on this PC or a PostgreSQL server, tried off the GUI thread
and kept for every start only after the try succeeded with exactly the values shown; from
the window, it may be opened at once (`open_now`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.paths import DB_FILE_NAME, DbLocation, ServerDatabase, as_location
from kecamatan_desktop.services import database_choice
from kecamatan_desktop.ui import file_dialogs
from kecamatan_desktop.ui import strings_database as db_strings
from kecamatan_desktop.ui.worker import Task

DEFAULT_PORT = 5432
OK_STYLE, PROBLEM_STYLE = "color: #1b5e20;", "color: #b00020;"


class DatabaseDialog(QDialog):
    """`tested` holds the values of the last successful test; Pakai is enabled only while
    the fields still hold exactly them. `task` is the running (or last) test, for tests.
    With `can_open_now`, Pakai asks whether to open the choice at once, and `open_now` says
    where (a server's password included) when the user says so."""

    open_now = Signal(object)

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *,
                 current: DbLocation | None = None, can_open_now: bool = False) -> None:
        super().__init__(parent)
        self.settings = settings
        self.can_open_now = can_open_now
        self.task: Task | None = None
        self.tested: tuple | None = None
        self.setWindowTitle(db_strings.DB_CHOICE_TITLE)
        self.setMinimumWidth(520)
        self._build()
        self._prefill(settings.value(database_choice.SETTING) or current)
        self._update_buttons()

    def _build(self) -> None:
        intro = QLabel(db_strings.DB_CHOICE_INTRO, wordWrap=True)
        self.file_choice = QRadioButton(db_strings.DB_CHOICE_FILE, objectName="fileChoice")
        self.server_choice = QRadioButton(db_strings.DB_CHOICE_SERVER, objectName="serverChoice")
        self.file_choice.setChecked(True)
        self.path_edit = QLineEdit(objectName="dbPath")
        pick = QPushButton(db_strings.DB_CHOICE_PICK, objectName="dbPick")
        pick.clicked.connect(self.pick_file)
        file_page = QWidget()
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(db_strings.DB_CHOICE_PATH))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(pick)
        file_column = QVBoxLayout(file_page)  # the row at the top, where the server's begin
        file_column.setContentsMargins(0, 0, 0, 0)
        file_column.addLayout(file_row)
        file_column.addStretch(1)

        self.host_edit = QLineEdit(objectName="dbHost")
        self.port_spin = QSpinBox(objectName="dbPort", minimum=1, maximum=65535,
                                  value=DEFAULT_PORT)
        self.database_edit = QLineEdit(objectName="dbName")
        self.user_edit = QLineEdit(objectName="dbUser")
        self.password_edit = QLineEdit(objectName="dbPassword",
                                       echoMode=QLineEdit.EchoMode.Password)
        server_page = QWidget()
        form = QFormLayout(server_page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in ((db_strings.DB_CHOICE_HOST, self.host_edit),
                             (db_strings.DB_CHOICE_PORT, self.port_spin),
                             (db_strings.DB_CHOICE_DATABASE, self.database_edit),
                             (db_strings.DB_CHOICE_USER, self.user_edit),
                             (db_strings.DB_CHOICE_PASSWORD, self.password_edit)):
            form.addRow(label, field)
        self.pages = QStackedWidget()
        self.pages.addWidget(file_page)
        self.pages.addWidget(server_page)
        self.choices = QWidget()
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        for widget in (self.file_choice, self.server_choice, self.pages):
            choices.addWidget(widget)

        self.test_button = QPushButton(db_strings.DB_CHOICE_TEST, objectName="dbTest")
        self.test_button.clicked.connect(self.test)
        self.busy = QProgressBar(objectName="dbBusy", minimum=0, maximum=0, textVisible=False)
        self.busy.hide()
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.busy, 1)
        self.result_label = QLabel(db_strings.DB_CHOICE_TEST_FIRST, objectName="dbResult",
                             wordWrap=True)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(db_strings.DB_CHOICE_USE,
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("dbUse")
        self.cancel_button = buttons.addButton(db_strings.DB_CHOICE_CANCEL,
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.clicked.connect(self.use)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        for item in (intro, self.choices, test_row, self.result_label, buttons):
            (layout.addLayout if isinstance(item, QHBoxLayout) else layout.addWidget)(item)
        self.server_choice.toggled.connect(
            lambda server: self.pages.setCurrentIndex(1 if server else 0))
        for edit in (self.path_edit, self.host_edit, self.database_edit, self.user_edit,
                     self.password_edit):
            edit.textChanged.connect(self._update_buttons)
        self.port_spin.valueChanged.connect(self._update_buttons)
        self.server_choice.toggled.connect(self._update_buttons)

    def _prefill(self, kept: object) -> None:
        try:
            where = as_location(str(kept)) if kept else None
        except InputError:
            where = None
        if isinstance(where, ServerDatabase):
            self.server_choice.setChecked(True)
            self.host_edit.setText(where.host)
            self.port_spin.setValue(where.port)
            self.database_edit.setText(where.database)
            self.user_edit.setText(where.user)
        elif where is not None:
            self.path_edit.setText(str(where))

    # the values ------------------------------------------------------------------------------
    def values(self) -> tuple:
        if self.file_choice.isChecked():
            return ("file", self.path_edit.text().strip())
        return ("server", self.host_edit.text().strip(), self.port_spin.value(),
                self.database_edit.text().strip(), self.user_edit.text().strip(),
                self.password_edit.text())

    def location(self, *, with_password: bool = True) -> DbLocation:
        """What the fields name; InputError (Indonesian) when one is missing."""
        if self.file_choice.isChecked():
            text = self.path_edit.text().strip()
            if not text:
                raise InputError(db_strings.DB_CHOICE_NO_PATH)
            return Path(text).expanduser().absolute()
        return database_choice.server_location(
            host=self.host_edit.text(), port=self.port_spin.value(),
            database=self.database_edit.text(), user=self.user_edit.text(),
            password=self.password_edit.text() if with_password else "")

    def _update_buttons(self) -> None:
        testing = self.task is not None and not self.task.done
        self.use_button.setEnabled(not testing and self.tested == self.values())
        self.test_button.setEnabled(not testing)

    # Uji sambungan ---------------------------------------------------------------------------
    def test(self) -> Task | None:
        """Try the values off the GUI thread; the result is shown in the dialog."""
        try:
            where = self.location()
        except InputError as exc:
            self._show_result(str(exc), ok=False)
            return None
        values = self.values()
        if isinstance(where, ServerDatabase):
            def work(_progress):
                return database_choice.check_server(where)
        else:
            def work(_progress):
                return database_choice.check_file(where)
        self.tested = None
        self.task = Task(self, work, title=db_strings.DB_CHOICE_TEST,
                         label=db_strings.DB_CHOICE_TESTING)
        self.task.finished.connect(lambda text: self._tested(values, text))
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._failed)
        self.task.ended.connect(self._test_ended)
        self._show_result(db_strings.DB_CHOICE_TESTING, ok=True)
        self.choices.setEnabled(False)
        self.busy.show()
        self._update_buttons()
        return self.task.start()

    def _tested(self, values: tuple, text: str) -> None:
        self.tested = values
        self._show_result(text, ok=True)

    def _failed(self, text: str = "") -> None:
        # a test stopped with Batal may still have failed meanwhile: it was stopped all the same
        stopped = self.task.is_cancelled or not text
        self._show_result(db_strings.DB_CHOICE_TEST_CANCELLED if stopped else text, ok=False)

    def _test_ended(self) -> None:
        self.choices.setEnabled(True)
        self.busy.hide()
        self._update_buttons()

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()  # a connection being made ends by its time-out, unheard
        super().reject()

    # Pakai -----------------------------------------------------------------------------------
    def use(self) -> bool:
        """Keep the tested choice for every start: the address in the settings, a server's
        password in the keyring; then open it at once if asked to. False when nothing was
        kept."""
        if self.tested is None or self.tested != self.values():
            return False
        where = self.location()
        kept = str(where)
        if isinstance(where, ServerDatabase):
            password = self.password_edit.text()
            if not database_choice.remember_password(where, password) and password:
                self.show_error(db_strings.DB_CHOICE_TITLE, db_strings.DB_CHOICE_NO_KEYRING)
                return False
            kept = self.location(with_password=False).url
        self.settings.setValue(database_choice.SETTING, kept)
        self.settings.sync()
        if self.can_open_now and self.ask_open_now(where):
            self.accept()
            self.open_now.emit(where)
            return True
        self.show_info(db_strings.DB_CHOICE_TITLE, db_strings.DB_CHOICE_SAVED.format(where=where))
        self.accept()
        return True

    # dialogs: small methods that tests replace ------------------------------------------------
    def pick_file(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.path_edit.setText(str(path))

    def ask_file(self) -> Path | None:
        # the database named in the field: its folder first, its name suggested
        named = Path(self.path_edit.text().strip() or DB_FILE_NAME).expanduser()
        return file_dialogs.ask_save_path(
            self, db_strings.DB_CHOICE_PICK_TITLE, named.name, db_strings.DB_CHOICE_FILTER,
            kind=file_dialogs.DATABASES, first=named.parent, confirm_overwrite=False)

    def ask_open_now(self, where: DbLocation) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, db_strings.DB_CHOICE_TITLE,
                          db_strings.DB_CHOICE_OPEN_NOW.format(where=where), parent=self)
        yes = box.addButton(db_strings.DB_CHOICE_OPEN_NOW_YES, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(db_strings.DB_CHOICE_OPEN_NOW_NO, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)
