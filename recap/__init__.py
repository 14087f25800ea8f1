"""Recap: notes from tech events, published as blog recaps.

Importing this package must stay cheap and must not import Qt or SQLAlchemy.
"""

__version__ = "0.1.0"
