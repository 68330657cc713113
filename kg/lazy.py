"""A package's public names imported on first use (PEP 562), so importing it stays cheap.

>>> getattr_ = lazy_getattr("demo", {"sqrt": "math"}, {"json_mod": "json"})
>>> getattr_("sqrt")(9.0), getattr_("json_mod").__name__
(3.0, 'json')
>>> getattr_("nothing")
Traceback (most recent call last):
AttributeError: module 'demo' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, exports: Mapping[str, str],
                 modules: Mapping[str, str] | None = None) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name of ``exports`` read from the module
    it maps to, each name of ``modules`` the module itself, both imported when first asked."""
    def __getattr__(name: str) -> Any:
        if name in exports:
            return getattr(importlib.import_module(exports[name]), name)
        if modules and name in modules:
            return importlib.import_module(modules[name])
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__
