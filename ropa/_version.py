"""The single source of ropa's version."""

__version__ = "0.1.0"
