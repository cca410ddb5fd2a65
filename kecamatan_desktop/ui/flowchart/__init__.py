"""The swimlane flowchart on screen: its interactive scene, view and panel.

Import from the modules (`view.FlowchartView`, `panel.FlowchartPanel`).
"""
