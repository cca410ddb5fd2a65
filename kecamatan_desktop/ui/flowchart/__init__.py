"""The swimlane flowchart on screen: Qt text metrics, painting, scene, view and its panel.

Import from the modules (`view.FlowchartView`, `panel.FlowchartPanel`).
"""
