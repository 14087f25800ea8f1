"""The interface language: Recap's own Korean translation and Qt's, for its
standard dialogs and buttons, installed before the first window is built."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from recap.resources_path import resource

_QT_LOCALES = {"ko": QLocale.Language.Korean, "en": QLocale.Language.English}
_TERRITORIES = {"ko": QLocale.Country.SouthKorea, "en": QLocale.Country.UnitedStates}


def compiled_translation(language: str) -> str | None:
    """The file of Recap's compiled (``.qm``) translation for ``language``, if built."""
    qm = resource("translations", f"recap_{language}.qm")
    return str(qm) if qm.is_file() else None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Speak ``language`` (``ko`` or ``en``); English is the source, so needs nothing.

    The translators are returned so that the caller keeps them alive: Qt does not
    own them.
    """
    if language in _QT_LOCALES:
        QLocale.setDefault(QLocale(_QT_LOCALES[language], _TERRITORIES[language]))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    compiled = compiled_translation(language)
    recap_translator = QTranslator(app)
    if compiled is not None and recap_translator.load(compiled):
        app.installTranslator(recap_translator)
        installed.append(recap_translator)
    return installed
