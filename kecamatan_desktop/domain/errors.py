"""The base of every "bad input" error: the user can fix it, and nothing was changed."""


class InputError(ValueError):
    """Bad input from a user or a file; its message is Indonesian and says where."""
