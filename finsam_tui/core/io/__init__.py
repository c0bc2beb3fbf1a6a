"""Files on disk: scanning a records folder, loading (BOM handled once), source positions,
editing TOML without losing comments, and atomic saving."""
