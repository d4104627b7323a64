"""The parts of the site build that are more than MkDocs configuration (see build_site.py)."""
