"""Pictures and files of the open event: pasted, dropped or inserted into a markdown
field, listed in the strip, and what the strip's commands do.

A paste never makes typing wait: the reference (``![caption](name.png)``) is typed
into the text at once, as one undo step, and the bytes are read, encoded and stored
on a worker thread; the strip and the previews show the picture when it is in. Undo
takes the reference away; the attachment stays until it is deleted from the strip.
Every library call goes through the controller.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from recap.config import cache_dir
from recap.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    PASTED_STEM,
    check_size,
    extension_for,
    is_active,
    is_picture,
    media_type_for,
    name_for_file,
    unique_name,
)
from recap.domain.records import AttachmentInfo, AttachmentRecord
from recap.domain.references import reference_markdown
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, RecapError
from recap.files import write_atomically
from recap.ui import file_dialogs
from recap.ui.attachment_strip import AttachmentStrip
from recap.ui.confirm import confirm_deletion
from recap.ui.event_pictures import EventPictures
from recap.ui.markdown_text_edit import PICTURE_FORMATS, MarkdownTextEdit
from recap.ui.pictures import BackgroundJobs, png_bytes

if TYPE_CHECKING:
    from recap.ui.library_controller import LibraryController

POLL_MS = 16
Source = Path | bytes | QImage


@dataclass(frozen=True)
class Offered:
    """A picture or file handed to the editor: a file of this computer, encoded bytes
    from the clipboard, or a bitmap (encoded as PNG on the worker)."""

    source: Source
    file_name: str
    media_type: str = ""


def offered_items(mime: QMimeData) -> list[Offered]:
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if files:
        return [Offered(path, path.name) for path in files if not path.is_dir()]
    for media_type in PICTURE_FORMATS:  # taken as they are: no decoding, no encoding
        if mime.hasFormat(media_type):
            data = bytes(mime.data(media_type).data())
            if data:
                return [Offered(data, PASTED_STEM + extension_for(media_type), media_type)]
    image = mime.imageData()
    if isinstance(image, QImage) and not image.isNull():
        return [Offered(image, PASTED_STEM + ".png", "image/png")]
    return []


def store_on_worker(
    write: Callable[[int, AttachmentRecord], AttachmentInfo],
    event_id: int,
    name: str,
    caption: str | None,
    source: Source,
) -> AttachmentInfo | RecapError:
    """Read or encode the bytes and attach them (on a worker thread): the stored
    attachment, or the problem to tell."""
    try:
        if isinstance(source, Path):
            check_size(source.name, source.stat().st_size)
            data = source.read_bytes()
        elif isinstance(source, QImage):
            data = png_bytes(source)
        else:
            data = source
        record = AttachmentRecord(
            name=name, media_type=media_type_for(name, data), data=data, caption=caption
        )
        return write(event_id, record)
    except RecapError as error:
        return error
    except OSError as error:
        return InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "Cannot read {path}: {reason}."),
            path=source,
            reason=error.strerror,
        )


class EventAttachments(QObject):
    """Between the editor's markdown fields, the strip, the pictures and the controller.

    ``save_edits`` writes what the editor holds (before a rename changes the text);
    ``reload_texts`` shows the event's text again (after one did); ``target`` is the
    markdown field Insert › Picture or File… types into."""

    def __init__(
        self,
        strip: AttachmentStrip,
        pictures: EventPictures,
        save_edits: Callable[[], object],
        reload_texts: Callable[[], None],
        target: Callable[[], MarkdownTextEdit | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.strip = strip
        self.pictures = pictures
        self.save_edits = save_edits
        self.reload_texts = reload_texts
        self.target = target
        self.controller: LibraryController | None = None
        self.event_id = 0
        self.read_only = False
        self._pending: dict[int, tuple[int, str]] = {}  # job → (event, name) being stored
        self._job_numbers = 0
        self._jobs: BackgroundJobs[int] = BackgroundJobs(workers=1)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self.destroyed.connect(functools.partial(BackgroundJobs.close, self._jobs))
        strip.addRequested.connect(self.insert_files)
        strip.insertRequested.connect(self.insert_reference)
        strip.openRequested.connect(self.open_with_viewer)
        strip.saveRequested.connect(self.save_as)
        strip.renameRequested.connect(self.rename)
        strip.captionRequested.connect(self.set_caption)
        strip.deleteRequested.connect(self.delete)

    def widget(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    # -- the event ---------------------------------------------------------------------------

    def set_controller(self, controller: LibraryController) -> None:
        self.controller = controller
        self.pictures.set_reader(controller.content_reader())

    def load(self, event_id: int) -> None:
        """Show an event's attachments (0: none)."""
        self.event_id = event_id
        if self.controller is not None:
            self.pictures.set_reader(self.controller.content_reader())
        infos = self.controller.attachments(event_id) if self.controller and event_id else []
        self.pictures.show(infos)
        self.strip.show_attachments(infos)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.strip.set_read_only(read_only)

    # -- paste, drop, insert -------------------------------------------------------------------

    def offer(self, text_edit: MarkdownTextEdit, mime: QMimeData) -> bool:
        """Pictures or files pasted or dropped into ``text_edit``: attached, referred to at
        the cursor. False when they are not taken (no event, read-only, nothing usable)."""
        if self.controller is None or not self.event_id or self.read_only:
            return False
        items = offered_items(mime)
        writer = self.controller.attachment_writer()
        if not items or writer is None:
            return False
        cursor = text_edit.textCursor()
        selected = " ".join(cursor.selectedText().split()) if len(items) == 1 else ""
        caption = selected or None
        taken = self.pictures.names() + [name for _, name in self._pending.values()]
        references = []
        for item in items:
            problem = self._refused(item)
            if problem is not None:
                self.controller.report(problem)
                continue
            wanted = name_for_file(item.file_name, caption, item.media_type)
            name = unique_name(wanted, taken)
            taken.append(name)
            picture = is_picture(item.media_type or media_type_for(name, b""))
            references.append(reference_markdown(name, caption, picture))
            self._store(writer, name, caption, item.source)
        if not references:
            return True  # refused, and said so: nothing goes into the text either
        text = "\n".join(references)
        if cursor.atBlockStart() and cursor.block().length() > 1 and not cursor.hasSelection():
            text += "\n"  # dropped before a line's text: the pictures get lines of their own
        cursor.insertText(text)  # one undo step
        text_edit.setTextCursor(cursor)
        return True

    def _refused(self, item: Offered) -> RecapError | None:
        """What is known to be refused before anything is read: too big, or a script."""
        if isinstance(item.source, Path):
            try:
                size = item.source.stat().st_size
            except OSError as error:
                return InvalidInput(
                    QT_TRANSLATE_NOOP("RecapError", "Cannot read {path}: {reason}."),
                    path=item.source,
                    reason=error.strerror,
                )
            if size > MAX_ATTACHMENT_BYTES:
                try:
                    check_size(item.file_name, size)
                except InvalidInput as error:
                    return error
        if is_active(item.file_name, item.media_type, b""):
            return InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "“{name}” is an SVG picture or a web page, which can carry scripts; Recap "
                    "does not keep those (save it as PNG or PDF first).",
                ),
                name=item.file_name,
            )
        return None

    def _store(
        self,
        writer: Callable[[int, AttachmentRecord], AttachmentInfo],
        name: str,
        caption: str | None,
        source: Source,
    ) -> None:
        self._job_numbers += 1
        number = self._job_numbers
        self._pending[number] = (self.event_id, name)
        job = functools.partial(store_on_worker, writer, self.event_id, name, caption, source)
        self._jobs.submit(number, job)
        self._poll.start()

    def busy(self) -> bool:
        """A picture is still being stored."""
        return bool(self._pending)

    def finish(self) -> None:
        """Wait for the pictures being stored (before the event changes or the window
        closes; a store takes a fraction of a second)."""
        if self._pending:
            self._jobs.wait()
            self._collect()

    @Slot()
    def _collect(self) -> None:
        changed = False
        for number, result in self._jobs.take_finished():
            event_id, _name = self._pending.pop(number, (0, ""))
            if isinstance(result, RecapError) and self.controller is not None:
                self.controller.report(result)
            changed = changed or event_id == self.event_id
        if not self._pending:
            self._poll.stop()
        if changed:
            self.load(self.event_id)

    def insert_files(self) -> None:
        """Insert › Picture or File…: chosen files attached and referred to."""
        text_edit = self.target()
        if text_edit is None or self.read_only or not self.event_id:
            return
        names = file_dialogs.open_files(
            self.widget(),
            file_dialogs.PICTURES,
            self.tr("Insert pictures or files"),
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"),
        )
        if names:
            mime = QMimeData()
            mime.setUrls([QUrl.fromLocalFile(name) for name in names])
            self.offer(text_edit, mime)
            text_edit.setFocus()

    @Slot(object)
    def insert_reference(self, info: AttachmentInfo) -> None:
        text_edit = self.target()
        if text_edit is None or text_edit.isReadOnly():
            return
        text_edit.insertPlainText(reference_markdown(info.name, info.caption, info.is_picture))
        text_edit.setFocus()

    # -- the strip's commands ------------------------------------------------------------------

    @Slot(object)
    def open_with_viewer(self, info: AttachmentInfo) -> None:
        """Open a copy (in the cache folder) with the program the system uses for it."""
        from recap.export.pictures import unique_file_name

        if self.controller is None:
            return
        data = self.controller.attachment_content(info.sha256)
        if data is None:
            return
        folder = cache_dir() / "open" / info.sha256[:16]
        path = folder / unique_file_name(info.name, set())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data)
        except OSError as error:
            self._warn(path, error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot(object)
    def save_as(self, info: AttachmentInfo) -> None:
        if self.controller is None:
            return
        chosen = file_dialogs.save_file(
            self.widget(), file_dialogs.PICTURES, self.tr("Save a copy"), info.name
        )
        if not chosen:
            return
        data = self.controller.attachment_content(info.sha256)
        if data is None:
            return
        try:
            write_atomically(Path(chosen), data)
        except OSError as error:
            self._warn(Path(chosen), error)

    def _warn(self, path: Path, error: OSError) -> None:
        QMessageBox.warning(
            self.widget(),
            self.tr("Pictures and files"),
            self.tr("Cannot write {path}: {reason}").format(path=path, reason=error.strerror),
        )

    @Slot(object)
    def rename(self, info: AttachmentInfo) -> None:
        if self.controller is None or self.read_only:
            return
        new, accepted = QInputDialog.getText(
            self.widget(),
            self.tr("Rename"),
            self.tr("New name (the notes that show it follow):"),
            QLineEdit.EchoMode.Normal,
            info.name,
        )
        if not accepted or not new.strip() or new.strip() == info.name:
            return
        self.save_edits()
        if self.controller.rename_attachment(info.id, new) is not None:
            self.reload_texts()
            self.load(self.event_id)

    @Slot(object)
    def set_caption(self, info: AttachmentInfo) -> None:
        if self.controller is None or self.read_only:
            return
        caption, accepted = QInputDialog.getText(
            self.widget(),
            self.tr("Caption"),
            self.tr("Caption (the text shown for the picture):"),
            QLineEdit.EchoMode.Normal,
            info.caption or "",
        )
        if not accepted:
            return
        self.save_edits()
        if self.controller.set_attachment_caption(info.id, caption) is not None:
            self.reload_texts()
            self.load(self.event_id)

    @Slot(object)
    def delete(self, info: AttachmentInfo) -> None:
        if self.controller is None or self.read_only:
            return
        self.save_edits()  # where it is used, as typed
        uses = self.controller.attachment_uses(info.id)
        if uses is None:
            return
        if uses:
            places = ", ".join(
                self.tr("the notes of “{talk}”").format(talk=use.session_title)
                if use.session_id is not None
                else self.tr("the summary")
                for use in uses
            )
            question = self.tr(
                "“{name}” is still shown in {places}. Delete it anyway? Those places will "
                "show a missing picture."
            ).format(name=info.name, places=places)
        else:
            question = self.tr("Delete “{name}”?").format(name=info.name)
        if not confirm_deletion(self.widget(), self.tr("Delete picture or file"), question):
            return
        if self.controller.delete_attachment(info.id):
            self.load(self.event_id)
