"""Generated pages as Markdown, per language, from the records (no MkDocs here)."""
