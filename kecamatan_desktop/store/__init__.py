"""Storage: SQLModel tables, the SQLite engine, sessions and migrations. The only SQL."""

# Every table module is imported here so SQLModel.metadata always knows the whole schema.
from kecamatan_desktop.store import models, round_models  # noqa: F401
