"""The one error the archive raises: a reason a person can act on."""


class ArchiveError(Exception):
    """The archive cannot do what was asked; ``str(err)`` says why in plain words."""
