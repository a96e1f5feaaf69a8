"""Journey Workbench: design customer journey maps on a desktop canvas."""

from workbench.version import __version__

__all__ = ["__version__"]
