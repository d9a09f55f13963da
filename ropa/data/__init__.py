"""Versioned legal data files (JSON), read through :mod:`ropa._data`."""
