"""Storage: SQLModel tables, the SQLite engine, sessions and migrations. The only SQL."""
