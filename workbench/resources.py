"""Where the bundled resources (fonts, templates, translations, schema) are.

In a source checkout (and an editable install) they are the ``resources/``
folder next to the package. An installed wheel ships that folder as the data
package ``workbench_resources`` (see ``pyproject.toml``), found through the
import system, so no path is assumed about ``site-packages``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

#: The package that holds ``resources/`` in a wheel.
PACKAGE = "workbench_resources"
_CHECKOUT = Path(__file__).resolve().parent.parent


def _find_root() -> Path:
    source = _CHECKOUT / "resources"
    if (_CHECKOUT / "pyproject.toml").is_file() and source.is_dir():
        return source
    spec = importlib.util.find_spec(PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return source


ROOT = _find_root()


def resource_path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
