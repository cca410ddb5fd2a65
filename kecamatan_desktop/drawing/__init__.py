"""Qt painting of a swimlane layout: the items, the painter helpers, Qt text metrics and a
non-interactive pages scene; shared by the window's flowchart and image export.

Nothing here imports `kecamatan_desktop.ui` (a contract in pyproject.toml keeps it so).
"""
