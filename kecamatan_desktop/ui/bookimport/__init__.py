"""Berkas → Impor buku SOP…: an office's own book read off the GUI thread, reviewed SOP by
SOP beside its pages, and the accepted SOPs added as revision 1."""
