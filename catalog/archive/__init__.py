"""The SQLite archive."""


class Archive:
    """Placeholder until the archive lands."""


__all__ = ["Archive"]
