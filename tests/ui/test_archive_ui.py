"""The archive in the window: Tampilkan arsip shows and hides it, Hapus SOP offers it for an
SOP with rounds, Pulihkan dari arsip brings an SOP back; real widgets over a real file."""

from __future__ import annotations

from kecamatan_desktop.services import catalogue
from tests.services.test_archive import RENJA, make_rounds, row_counts
from tests.ui.test_editor import dialogs, window  # noqa: F401 (fixtures)


def name_in_list(w, sop_id: str) -> str | None:
    row = w.list_model.row_of(sop_id)
    return None if row < 0 else w.list_model.index(row, 0).data()


def is_archived(db, sop_id: str = RENJA) -> bool:
    with db.session() as session:
        return catalogue.get_sop(sop_id, session=session).archived


def test_show_archive_shows_and_hides_them(window, dialogs, catalogue_db):  # noqa: F811
    total = window.list_model.rowCount()
    window.action_archive.trigger()
    assert is_archived(catalogue_db)
    assert "diarsipkan" in dialogs.infos[-1] and "Tampilkan arsip" in dialogs.infos[-1]
    assert name_in_list(window, RENJA) is None
    assert window.list_model.rowCount() == total - 1
    assert window.document.sop is None  # the archived SOP left the screen with the list

    window.action_show_archive.trigger()
    assert window.action_show_archive.isChecked()
    assert name_in_list(window, RENJA).endswith("(arsip)")
    assert window.list_model.rowCount() == total
    assert window.select_sop(RENJA)
    assert window.document.read_only and "diarsipkan" in window.status_label.text()
    assert window.action_unarchive.isEnabled() and not window.action_archive.isEnabled()
    assert not window.action_save.isEnabled()

    window.action_show_archive.trigger()
    assert not window.action_show_archive.isChecked()
    assert name_in_list(window, RENJA) is None and window.document.sop is None


def test_restore_from_the_archive(window, catalogue_db):  # noqa: F811
    window.action_archive.trigger()
    window.action_show_archive.trigger()
    assert window.select_sop(RENJA)
    window.action_unarchive.trigger()
    assert not is_archived(catalogue_db)
    assert window.selected_sop_id() == RENJA
    assert name_in_list(window, RENJA) == "Penyusunan Rencana Kerja (Renja)"
    assert not window.document.read_only and "diarsipkan" not in window.status_label.text()
    window.action_show_archive.trigger()
    assert name_in_list(window, RENJA) is not None  # listed again without the archive shown


def test_delete_with_rounds_offers_the_archive(window, dialogs, catalogue_db):  # noqa: F811
    with catalogue_db.session() as session:
        make_rounds(session)
    before = row_counts(catalogue_db)
    dialogs.archive_instead = False
    window.action_delete.trigger()
    assert dialogs.asked[-1] == f"archive-instead:{RENJA}:2"
    assert not [a for a in dialogs.asked if a.startswith("delete:")]
    assert not is_archived(catalogue_db) and name_in_list(window, RENJA) is not None

    dialogs.archive_instead = True
    window.action_delete.trigger()
    assert is_archived(catalogue_db) and name_in_list(window, RENJA) is None
    assert row_counts(catalogue_db) == before

    window.action_show_archive.trigger()
    assert window.select_sop(RENJA)
    window.action_delete.trigger()
    assert "sudah diarsipkan dan tidak dapat dihapus" in dialogs.errors[-1]
    assert "2 putaran" in dialogs.errors[-1]
    assert row_counts(catalogue_db) == before

