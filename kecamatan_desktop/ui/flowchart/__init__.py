"""The swimlane flowchart on screen: its scene, items, view and panel.

Import from the modules (`view.FlowchartView`, `panel.FlowchartPanel`).
"""
