"""The installed version of the workbench (a module of its own so Qt-free code can import it alone)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("journey-workbench")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
