"""The ``.orgmodel`` document: an SQLite file written through SQLAlchemy typed rows.

``store`` opens (read-only, defensively, upgrading older schemas on a temporary copy) and saves
(atomically) documents; ``lock`` keeps a second OrgModel from editing the same file; ``schema``,
``mapping``, ``parsers``, ``checks``, ``migrations`` and ``engine`` are its parts. Headless: no Qt,
no analysis. Not for orgmodel JSON (``orgmodel.interop.orgjson``) or other formats.
"""
