"""Checks on what content says, beyond its shape: one module per concern.

- texts: which fields young people read (every Text field of the schema)
- language: wording that can blame young people (errors, from content/language.yml)
- readability: long sentences and a high reading level (warnings, limits in content/checks.yml)
- services: phone numbers, web addresses and how recently each service was checked

Each check records its problems on the Reader, so they carry the file and line like any other.
"""
