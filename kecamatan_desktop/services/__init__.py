"""Use cases over the store: keyword-only functions that take a session, return plain values."""
