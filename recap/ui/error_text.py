"""Known problems (and other words the core declares) in the interface's language.

The core raises ``RecapError``s with an English template and its details; here
the template is looked up in the translation and filled in with the details
(translated too where they are sentences themselves)."""

from PySide6.QtCore import QCoreApplication

from recap.errors import TRANSLATION_CONTEXT, RecapError, Sentence
from recap.export.targets import ExportTarget


def translated(template: str, details: dict[str, object]) -> str:
    text = QCoreApplication.translate(TRANSLATION_CONTEXT, template)
    if not details:
        return text
    filled = {
        name: translated(value.template, value.details) if isinstance(value, Sentence) else value
        for name, value in details.items()
    }
    try:
        return text.format(**filled)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return template.format(**filled)


def error_text(error: RecapError) -> str:
    """What to show the user for ``error``."""
    return translated(error.template, error.details)


def target_label(target: ExportTarget) -> str:
    """An export target's name for a list of choices, in the interface's language."""
    return QCoreApplication.translate("ExportTarget", target.label)
