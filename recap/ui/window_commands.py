"""What the window's actions do when they need a dialog or touch several panels:
events created and deleted, posts imported and exported, tags renamed and deleted,
preferences chosen. The library itself is reached through the window's controller."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog

from recap.errors import InvalidInput
from recap.ui import file_dialogs
from recap.ui.confirm import confirm_deletion
from recap.ui.preferences import Preferences, save_preferences

if TYPE_CHECKING:
    from recap.storage.library import Library
    from recap.ui.copy_library import CopyLibraryDialog
    from recap.ui.export_dialog import ExportDialog
    from recap.ui.live_capture import LiveCapture
    from recap.ui.main_window import MainWindow
    from recap.ui.preferences_dialog import PreferencesDialog
    from recap.ui.questions_dialog import QuestionsDialog
    from recap.ui.speakers_dialog import SpeakersDialog


class WindowCommands(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window

    def action_handlers(self) -> dict[str, Callable[[], object]]:
        """What each menu action (``window_actions.build_actions``) does."""
        window = self.window
        return {
            "new_event": self.create_event,
            "new_session": lambda: window.editor.session_commands.add(),
            "insert_attachment": lambda: window.editor.attachments.insert_files(),
            "delete_event": self.delete_current_event,
            "find": window.focus_find,
            "next_event": lambda: window.event_list.select_neighbour(1),
            "previous_event": lambda: window.event_list.select_neighbour(-1),
            "clear_filters": lambda: window.clear_filters(),
            "export": self.open_export_dialog,
            "import_posts": self.import_posts,
            "import_calendar": self.import_calendar,
            "open_library": window.choose_library_file,
            "new_library": window.create_library_file,
            "preferences": self.open_preferences,
            "restore": window.restoreRequested.emit,
            "copy_library": self.open_copy_dialog,
            "sample": window.sampleLibraryRequested.emit,
            "quit": window.close,
            "show_sidebar": lambda: window.view.show_panel("sidebar"),
            "show_event_list": lambda: window.view.show_panel("list"),
            "preview_beside": lambda: window.view.set_preview_placement("beside"),
            "preview_below": lambda: window.view.set_preview_placement("below"),
            "preview_hidden": lambda: window.view.set_preview_placement("hidden"),
            "my_questions": self.open_questions,
            "speakers": self.open_speakers,
            "live_capture": self.open_live_capture,
            "only_unpublished": self.apply_unpublished_choice,
        }

    def open_questions(self) -> "QuestionsDialog":
        """View › My Questions: own questions across events, answered in place."""
        from recap.ui.questions_dialog import QuestionsDialog

        window = self.window
        window.save_pending_edits()  # the list shows what the editor holds, and a reload
        dialog = QuestionsDialog(window.controller, window)  # after an answer loses nothing

        def answered(event_id: int) -> None:
            window.save_pending_edits()
            editor = window.built_editor
            if editor is not None and editor.current_event_id() == event_id:
                editor.load_event(event_id, editor.current_session_id)  # not stale Q&A
            window.view.show_open_questions()

        dialog.openRequested.connect(self.open_talk)
        dialog.answered.connect(answered)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_speakers(self) -> "SpeakersDialog":
        """View › Speakers: every speaker and their talks; renaming one everywhere."""
        from recap.ui.speakers_dialog import SpeakersDialog

        window = self.window
        window.save_pending_edits()  # a rename rewrites talks the editor may hold
        dialog = SpeakersDialog(window.controller, window)
        dialog.openRequested.connect(self.open_talk)

        def renamed() -> None:
            editor = window.built_editor
            if editor is not None and editor.current_event_id():
                editor.load_event(editor.current_event_id(), editor.current_session_id)

        dialog.renamed.connect(renamed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_live_capture(self) -> "LiveCapture | None":
        """View › Live Capture: the current event's talks, written as they happen."""
        from recap.ui.live_capture import LiveCapture

        window = self.window
        editor = window.built_editor
        event_id = editor.current_event_id() if editor is not None else 0
        if not event_id or window.read_only:
            return None
        window.save_pending_edits()
        capture = LiveCapture(window.controller, event_id, window)
        if editor is not None:  # pictures paste and show as in the editor
            capture.notes.text_edit.offer_handler = editor.attachments.offer
            capture.notes.preview.picture_source = editor.pictures.preview_image
        capture.left.connect(self.open_talk)
        capture.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        capture.show()
        return capture

    def open_talk(self, event_id: int, session_id: int) -> None:
        """Show a talk in the main window (the filters cleared so that its event is listed)."""
        self.window.clear_filters()
        self.window.event_list.select_event(event_id)
        self.window.editor.load_event(event_id, session_id)

    def watch_unpublished_menu(self) -> None:
        menu = self.window.menu_actions.unpublished_menu
        menu.platforms = self.known_platforms
        menu.changed.connect(lambda _platform: self.apply_unpublished_choice())

    def known_platforms(self) -> list[str]:
        """The publishing profiles' platforms and those the library records."""
        from recap.export.profile_file import load_profiles

        profiles = [profile.platform_name for profile in load_profiles().profiles]
        return profiles + self.window.controller.publication_platforms()

    def apply_unpublished_choice(self) -> None:
        """List what View › Not Yet Published says (every recap, or the unpublished)."""
        platform = self.window.menu_actions.unpublished_menu.chosen()
        self.window.controller.set_unpublished_only(platform is not None, platform or None)

    def show_event(self, event_id: int) -> None:
        """Select an event in the list, or show it in the editor when the filters hide it."""
        if not self.window.event_list.select_event(event_id):
            self.window.editor.load_event(event_id)

    def create_event(self) -> None:
        self.window.save_pending_edits()
        from recap.domain.records import EventRecord

        today = dt.date.today()
        author = self.window.preferences.author_name or None
        record = EventRecord(title=self.tr("New event"), start_date=today, author=author)
        self.window.clear_filters(refresh=False)
        event_id = self.window.controller.create_event(record)
        if event_id is None:
            return
        self.window.event_list.select_event(event_id)
        self.window.calendar.show_date(today)
        self.window.statusBar().showMessage(self.window.library_size_text(), 4000)
        self.window.editor.form.title_edit.setFocus()
        self.window.editor.form.title_edit.selectAll()

    def delete_current_event(self) -> None:
        event_id = self.window.editor.current_event_id()
        record = self.window.editor.record
        if not event_id or record is None:
            return
        count = len(self.window.editor.sessions)
        if count:
            question = self.tr(
                "Delete “{title}” with its {count} sessions, their notes and Q&A?\n"
                "This cannot be undone."
            ).format(title=record.title, count=count)
        else:
            question = self.tr("Delete “{title}”?\nThis cannot be undone.").format(
                title=record.title
            )
        if not confirm_deletion(self.window, self.tr("Delete event"), question):
            return
        row = self.window.event_list.view.currentIndex().row()
        self.window.editor.discard_changes()
        if not self.window.controller.delete_event(event_id):
            return
        rows = self.window.event_list.model.rowCount()
        if rows:
            target = min(max(row, 0), rows - 1)
            self.window.event_list.select_event(self.window.event_list.model.event_id_at(target))

    def open_export_dialog(self) -> "ExportDialog | None":
        if self.window.library is None:
            return None
        from recap.ui.export_dialog import ExportDialog

        self.window.save_pending_edits()
        listed = self.window.event_list.model.event_ids()
        event_id = self.window.editor.current_event_id()
        # the event as saved, with its pictures' bytes (a post carries them)
        current = self.window.controller.event_for_export(event_id) if event_id else None
        if current is None and not listed:
            self.window.statusBar().showMessage(
                self.tr("Nothing to export: no event is listed."), 4000
            )
            return None
        dialog = ExportDialog(
            self.window.library, current, listed, self.window, defaults=self.window.preferences
        )
        from recap.ui.publish_panel import go_to_spot

        dialog.problemChosen.connect(
            lambda event_id, spot: go_to_spot(self.window.editor, event_id, spot)
        )
        dialog.published.connect(self.show_published)
        dialog.open()
        return dialog

    def show_published(self, event_id: int) -> None:
        """A publication recorded in the export dialog: the list's mark and the editor's
        links show it."""
        window = self.window
        if window.library is None:
            return
        window.controller.listChanged.emit()
        if window.editor.current_event_id() == event_id:
            publications = window.library.event(event_id, attachments=False).publications
            window.editor.form.show_publications(publications)

    def open_copy_dialog(self) -> "CopyLibraryDialog | None":
        if self.window.library is None:
            return None
        from recap.ui.copy_library import CopyLibraryDialog

        self.window.save_pending_edits()  # the copy takes what is saved
        path = self.window.library.path
        folder = str(path.parent) if path is not None else ""
        dialog = CopyLibraryDialog(self.window.controller, folder, self.window)
        dialog.openRequested.connect(self.window.libraryFileRequested.emit)
        dialog.open()
        return dialog

    def import_posts(self) -> None:
        names = file_dialogs.open_files(
            self.window,
            file_dialogs.POSTS,
            self.tr("Import posts"),
            self.tr("Markdown posts (*.md *.markdown)"),
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> None:
        """Read Recap's own markdown posts back into events (all files, or none)."""
        from recap.interchange.markdown_import import read_markdown_file

        self.window.save_pending_edits()
        try:
            records = [read_markdown_file(path) for path in paths]
        except InvalidInput as error:
            self.window.report_problem(error)
            return
        result = self.window.controller.import_events(records)
        if result is not None:
            said = (
                self.tr("Imported 1 event.")
                if result.added == 1
                else self.tr("Imported {count} events.").format(count=result.added)
            )
            if result.skipped:
                said += " " + (
                    self.tr("1 was already in the library.")
                    if result.skipped == 1
                    else self.tr("{count} were already in the library.").format(
                        count=result.skipped
                    )
                )
            self.window.statusBar().showMessage(said)

    def import_calendar(self) -> None:
        """File › Import Calendar: the events of an .ics file (Meetup, Google Calendar…)."""
        from recap.ui.calendar_import import import_calendar

        if self.window.save_pending_edits():
            import_calendar(self.window, self.window.controller)

    def rename_tag(self, name: str) -> None:
        if self.window.read_only:
            return
        new_name, accepted = QInputDialog.getText(
            self.window,
            self.tr("Rename tag"),
            self.tr("New name for “{name}” (an existing tag's name merges the two):").format(
                name=name
            ),
            text=name,
        )
        if accepted and new_name.strip() and new_name.strip() != name:
            self.change_tags(lambda library: library.rename_tag(name, new_name))

    def delete_tag(self, name: str) -> None:
        if self.window.read_only:
            return
        question = self.tr("Remove the tag “{name}” from every event? The events stay.")
        if confirm_deletion(self.window, self.tr("Delete tag"), question.format(name=name)):
            self.change_tags(lambda library: library.delete_tag(name))

    def change_tags(self, change: "Callable[[Library], int]") -> None:
        self.window.save_pending_edits()
        count = self.window.controller.change_tags(change)
        if count is None:
            return
        current = self.window.editor.current_event_id()
        if current:
            self.window.editor.load_event(current)
        self.window.statusBar().showMessage(
            self.tr("{count} events changed").format(count=count), 4000
        )

    def open_preferences(self) -> "PreferencesDialog":
        from urllib.parse import unquote

        from recap.storage.location import describe
        from recap.ui.preferences_dialog import PreferencesDialog

        library = self.window.library
        # A server's URL as people type it (a socket folder not %-encoded).
        current = None if library is None else library.path or unquote(describe(library.location))
        dialog = PreferencesDialog(self.window.preferences, current, self.window)

        def accepted() -> None:
            self.apply_preferences(dialog.chosen())
            if dialog.library_choice is not None:
                self.window.libraryFileRequested.emit(dialog.library_choice)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def apply_preferences(self, preferences: Preferences) -> None:
        """Use ``preferences`` now and from the next start (the language only then)."""
        from recap.ui.theme import apply_theme

        self.window.preferences = preferences
        save_preferences(preferences)
        apply_theme(preferences.theme)
        self.window.event_list.set_date_style(preferences.date_style, self.window.language())
        self.window.calendar.set_date_style(preferences.date_style, self.window.language())
        editor = self.window.built_editor
        if editor is not None:
            editor.set_autosave_delay(preferences.autosave_delay_ms)
            editor.set_date_style(preferences.date_style, self.window.language())
            editor.set_line_breaks(preferences.line_breaks)
