"""The main window's actions, its menus and its toolbar, with their shortcuts."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from recap.ui.unpublished_menu import UnpublishedMenu

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


@dataclass
class WindowActions:
    new_event: QAction
    new_session: QAction
    insert_attachment: QAction
    delete_event: QAction
    find: QAction
    next_event: QAction
    previous_event: QAction
    clear_filters: QAction
    export: QAction
    import_posts: QAction
    import_calendar: QAction
    open_library: QAction
    new_library: QAction
    preferences: QAction
    restore: QAction
    copy_library: QAction
    sample: QAction
    quit: QAction
    show_sidebar: QAction
    show_event_list: QAction
    preview_beside: QAction
    preview_below: QAction
    preview_hidden: QAction
    my_questions: QAction
    speakers: QAction
    live_capture: QAction
    only_unpublished: QAction
    unpublished_menu: UnpublishedMenu

    def preview_placements(self) -> dict[str, QAction]:
        return {
            "beside": self.preview_beside,
            "below": self.preview_below,
            "hidden": self.preview_hidden,
        }

    def writing(self) -> tuple[QAction, ...]:
        """The actions that change the library: off while it is read-only."""
        return (
            self.new_event,
            self.new_session,
            self.insert_attachment,
            self.delete_event,
            self.import_posts,
            self.import_calendar,
        )


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> WindowActions:
    """The actions, each triggering ``slots[name]``, in the window's menus and toolbar."""

    def action(name: str, text: str, shortcut: Shortcut = None) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        made.triggered.connect(slots[name])
        return made

    unpublished = action(  # in View › Only Recaps Not Yet Published
        "only_unpublished", QCoreApplication.translate("MainWindow", "Anywhere")
    )
    actions = WindowActions(
        new_event=action(
            "new_event",
            QCoreApplication.translate("MainWindow", "New Event"),
            QKeySequence.StandardKey.New,
        ),
        new_session=action(
            "new_session", QCoreApplication.translate("MainWindow", "New Session"), "Ctrl+Shift+N"
        ),
        insert_attachment=action(
            "insert_attachment",
            QCoreApplication.translate("MainWindow", "Picture or File…"),
            "Ctrl+Shift+I",
        ),
        delete_event=action(
            "delete_event",
            QCoreApplication.translate("MainWindow", "Delete Event…"),
            "Ctrl+Shift+Delete",
        ),
        find=action(
            "find", QCoreApplication.translate("MainWindow", "Find…"), QKeySequence.StandardKey.Find
        ),
        next_event=action(
            "next_event", QCoreApplication.translate("MainWindow", "Next Event"), "Alt+Down"
        ),
        previous_event=action(
            "previous_event", QCoreApplication.translate("MainWindow", "Previous Event"), "Alt+Up"
        ),
        clear_filters=action(
            "clear_filters",
            QCoreApplication.translate("MainWindow", "Show All Events"),
            "Ctrl+Shift+A",
        ),
        export=action(
            "export", QCoreApplication.translate("MainWindow", "Export as Blog Post…"), "Ctrl+E"
        ),
        import_posts=action(
            "import_posts", QCoreApplication.translate("MainWindow", "Import Posts…")
        ),
        import_calendar=action(
            "import_calendar", QCoreApplication.translate("MainWindow", "Import Calendar…")
        ),
        open_library=action(
            "open_library",
            QCoreApplication.translate("MainWindow", "Open Library…"),
            QKeySequence.StandardKey.Open,
        ),
        new_library=action("new_library", QCoreApplication.translate("MainWindow", "New Library…")),
        preferences=action(
            "preferences", QCoreApplication.translate("MainWindow", "Preferences…"), "Ctrl+,"
        ),
        restore=action("restore", QCoreApplication.translate("MainWindow", "Restore from Backup…")),
        copy_library=action(
            "copy_library", QCoreApplication.translate("MainWindow", "Copy Library To…")
        ),
        sample=action(
            "sample", QCoreApplication.translate("MainWindow", "Explore the Sample Library")
        ),
        quit=action(
            "quit", QCoreApplication.translate("MainWindow", "Quit"), QKeySequence.StandardKey.Quit
        ),
        show_sidebar=action(
            "show_sidebar",
            QCoreApplication.translate("MainWindow", "Calendar and Tags"),
            "Ctrl+Shift+1",
        ),
        show_event_list=action(
            "show_event_list",
            QCoreApplication.translate("MainWindow", "Event List"),
            "Ctrl+Shift+2",
        ),
        preview_beside=action(
            "preview_beside", QCoreApplication.translate("MainWindow", "Preview Beside the Notes")
        ),
        preview_below=action(
            "preview_below", QCoreApplication.translate("MainWindow", "Preview Below the Notes")
        ),
        preview_hidden=action(
            "preview_hidden",
            QCoreApplication.translate("MainWindow", "Hide the Preview"),
            "Ctrl+Shift+P",
        ),
        my_questions=action(
            "my_questions",
            QCoreApplication.translate("MainWindow", "My Questions…"),
            "Ctrl+Shift+Q",
        ),
        speakers=action(
            "speakers", QCoreApplication.translate("MainWindow", "Speakers…"), "Ctrl+Shift+K"
        ),
        live_capture=action(
            "live_capture", QCoreApplication.translate("MainWindow", "Live Capture"), "F11"
        ),
        only_unpublished=unpublished,
        unpublished_menu=UnpublishedMenu(unpublished, window),
    )
    for toggle in (actions.show_sidebar, actions.show_event_list):
        toggle.setCheckable(True)
        toggle.setChecked(True)
    placements = QActionGroup(window)
    for placement in actions.preview_placements().values():
        placement.setCheckable(True)
        placements.addAction(placement)
    actions.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    for item in (
        actions.new_event,
        actions.new_session,
        None,
        actions.open_library,
        actions.new_library,
        None,
        actions.export,
        actions.import_posts,
        actions.import_calendar,
        None,
        actions.restore,
        actions.copy_library,
        actions.sample,
        None,
        actions.quit,
    ):
        file_menu.addAction(item) if item is not None else file_menu.addSeparator()
    edit_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addAction(actions.delete_event)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.preferences)
    insert_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Insert"))
    insert_menu.addAction(actions.insert_attachment)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addAction(actions.show_sidebar)
    view_menu.addAction(actions.show_event_list)
    view_menu.addSeparator()
    for placement in actions.preview_placements().values():
        view_menu.addAction(placement)
    view_menu.addSeparator()
    view_menu.addAction(actions.live_capture)
    view_menu.addAction(actions.my_questions)
    view_menu.addAction(actions.speakers)
    view_menu.addMenu(actions.unpublished_menu)
    go_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Go"))
    for item in (
        actions.next_event,
        actions.previous_event,
        actions.find,
        actions.clear_filters,
    ):
        go_menu.addAction(item)

    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for item in (
        actions.new_event,
        actions.new_session,
        actions.live_capture,
        None,
        actions.export,
        None,
        actions.delete_event,
    ):
        toolbar.addAction(item) if item is not None else toolbar.addSeparator()
    window.addToolBar(toolbar)
    return actions
