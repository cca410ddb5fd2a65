"""Rounds in the window: the Pelaksanaan dashboard, a round's page, and their dialogs."""
