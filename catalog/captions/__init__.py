"""Caption parsing: ``parse_caption(text) -> Caption``."""

from catalog.captions.model import Caption


def parse_caption(text: str, *, year_hint: int | None = None) -> Caption:
    """Placeholder until the parser lands: keeps the text, finds nothing."""
    return Caption(raw=text, text=text, residue=text)


__all__ = ["Caption", "parse_caption"]
