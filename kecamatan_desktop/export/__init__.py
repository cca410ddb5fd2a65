"""Renderers to files: they draw what layout/ computed and compute nothing of their own."""
