"""Journey Workbench: design customer journey maps on a desktop canvas."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """``workbench.__version__`` is read from the installed metadata on first use.

    importlib.metadata costs about a fifth of a bare Qt window's start-up, and
    only ``--version`` and the About box ask for the version.
    """
    if name == "__version__":
        from workbench.version import __version__

        return __version__
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
