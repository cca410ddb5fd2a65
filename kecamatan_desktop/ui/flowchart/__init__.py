"""The swimlane flowchart on screen: Qt text metrics, painting, scene, view and its panel.

Import from the modules (`view.FlowchartView`, `panel.FlowchartPanel`): this package file
imports nothing of its own, since export/image.py imports the scene and the panel that export.
"""

from kecamatan_desktop.ui.flowchart._none_guard import keep_none_alive

keep_none_alive()
