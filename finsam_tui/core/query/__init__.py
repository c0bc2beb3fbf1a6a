"""Questions asked of an archive: lookups, backlinks, readable record views, registers, the
person report, full-text search and git history."""
