"""The schema revision this program writes; light, so start-up can compare it without SQL
libraries (store/snapshot.py)."""

# The newest migration's revision id; a test checks it against the migration scripts.
SCHEMA_HEAD = "0013"
