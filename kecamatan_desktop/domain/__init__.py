"""Pure Python model of an SOP AP document: no Qt, no SQL, no ReportLab."""
