"""Journey Workbench: design customer journey maps on a desktop canvas."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("journey-workbench")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
