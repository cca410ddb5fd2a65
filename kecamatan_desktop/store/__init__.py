"""Storage: SQLModel tables, the SQLite engine, sessions and migrations. The only SQL.

Importing the package imports nothing else: start-up reads the first screen through
store/snapshot.py before SQLAlchemy is loaded. store/database.py imports every table module,
so SQLModel.metadata knows the whole schema wherever a session is opened.
"""
