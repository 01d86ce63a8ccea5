"""Terminal UI for the picture desk (Textual)."""
