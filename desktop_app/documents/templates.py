"""Where the document templates live and the Jinja2 environment that renders them.

The templates have one home, the repository's `resources/templates/` (like the forms in
`ui/`, see gui/forms.py). `templates_dir()` finds them in this order:

1. `$ORDERDESK_TEMPLATES_DIR`, if set;
2. `resources/templates/` next to a frozen executable (PyInstaller's `sys._MEIPASS`);
3. `resources/templates/` at the repository root (a source checkout, an editable install);
4. `share/orderdesk/templates` under the interpreter prefix, where a wheel install puts them
   (`[tool.setuptools.data-files]` in pyproject.toml).

Autoescaping is on for every template: a customer called `<b>ACME</b>` prints literally.
"""

import functools
import os
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

__all__ = ["TemplateNotFoundError", "environment", "template", "templates_dir"]


class TemplateNotFoundError(RuntimeError):
    pass


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("ORDERDESK_TEMPLATES_DIR")
    if override:
        found.append(Path(override))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "resources" / "templates")
    found.append(Path(__file__).resolve().parents[2] / "resources" / "templates")
    found.append(Path(sys.prefix) / "share" / "orderdesk" / "templates")
    return found


def templates_dir(name: str = "confirmation.html.j2") -> Path:
    """The first folder that holds template `name`; a missing one is a packaging bug."""
    tried = _candidates()
    for folder in tried:
        if (folder / name).is_file():
            return folder
    raise TemplateNotFoundError(f"{name} not found in: " + ", ".join(str(p) for p in tried))


@functools.cache
def environment(folder: Path) -> Environment:
    # autoescape=True for every template regardless of its name; StrictUndefined: a typo in
    # the template fails loudly instead of printing nothing.
    return Environment(loader=FileSystemLoader(folder), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       auto_reload=False)


def template(name: str) -> Template:
    return environment(templates_dir(name)).get_template(name)
