"""Kecamatan Desktop: the SOP AP tool of a kantor kecamatan."""

__version__ = "0.1.0"
