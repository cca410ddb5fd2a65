"""The main window's database actions (the window mixes this class in): *Berkas → Basis
data…*, which may open the chosen database in place of this one, and *Periksa basis data*."""

from __future__ import annotations

from kecamatan_desktop.paths import DbLocation


class WindowDatabase:
    switch_to: DbLocation | None = None  # what run_gui opens once this window has closed

    def choose_database(self) -> None:
        """Berkas → Basis data…: the database of every start from now; opened at once in place
        of this one when the user says so (`switch_database`)."""
        from kecamatan_desktop.ui.database_dialog import DatabaseDialog

        self.database_dialog = DatabaseDialog(self.settings, self, current=self.db.path,
                                              can_open_now=True)
        self.database_dialog.open_now.connect(self.switch_database)
        self.database_dialog.open()

    def switch_database(self, where: DbLocation) -> bool:
        """Close this window so that run_gui opens `where` instead; unsaved edits are asked
        about first, and kept open (nothing switched, False) when the user says so."""
        self.switch_to = where
        if not self.close():
            self.switch_to = None
            return False
        return True

    def check_database(self):
        """Bantuan → Periksa basis data: the same check as `kecamatan-desktop check`."""
        from kecamatan_desktop.ui.check_dialog import DatabaseCheck

        self.database_check = DatabaseCheck(self.db, self)
        self.database_check.start()
        return self.database_check
