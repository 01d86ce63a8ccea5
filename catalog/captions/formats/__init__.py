"""Built-in caption formats, registered on the ``caption_formats`` hook."""

from catalog.hookspecs import hookimpl


@hookimpl
def caption_formats():
    return []
