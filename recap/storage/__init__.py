"""The only package that knows SQLAlchemy and SQL."""
