"""The application-wide signal hub: services report what changed, views refresh just that."""

from PySide6.QtCore import QObject, Signal


class CatalogueEvents(QObject):
    # ids of SOPs that were added or got a new revision
    sops_changed = Signal(list)
