"""Turning events into blog posts and HTML (no Qt)."""
