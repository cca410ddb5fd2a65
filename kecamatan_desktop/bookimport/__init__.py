"""Reading an office's existing SOP book (PDF, Excel, Word, text, scans) into SOPs."""
