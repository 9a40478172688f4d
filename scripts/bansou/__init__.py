"""bansou: core of the 伴走支援ハンドブック generator (no MkDocs import here)."""
