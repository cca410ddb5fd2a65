"""The SOP editor: the edited document with its undo stack, and the widgets that change it."""
