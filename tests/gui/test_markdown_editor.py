"""The Markdown editor: signals, shortcuts, the debounced preview, and Hangul input."""

import threading
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QInputMethodEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QAbstractSlider, QApplication, QWidget
from pytestqt.qtbot import QtBot

from recap.export.markdown_html import pygments_css
from recap.ui import markdown_preview
from recap.ui.markdown_editor import (
    BACKGROUND_RENDER_CHARS,
    LARGE_NOTE_CHARS,
    MarkdownEditor,
)

SECTION = """## 세션 {n}: Attention 메커니즘

발표자는 **Transformer**의 어텐션을 설명했다. *메모리 사용량*이 문제다.
[논문](https://arxiv.org/abs/1706.03762), `softmax(QK^T)V`.

- KV 캐시 줄이기
- `FlashAttention` 커널
1. 질문: 한국어 토크나이저는?

```python
def attention(q, k, v):
    return softmax(q @ k.T) @ v  # 점수
```

| 모델 | 지연(ms) |
|:--|--:|
| small | 12 |

"""


def long_note(utf8_bytes: int) -> str:
    sections = []
    size = 0
    while size < utf8_bytes:
        section = SECTION.format(n=len(sections) + 1)
        sections.append(section)
        size += len(section.encode())
    return "# 행사 노트\n\n" + "".join(sections)


@pytest.fixture
def editor(qtbot: QtBot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def render_scheduled(editor: MarkdownEditor) -> bool:
    """Whether a preview render is still to come. The editor renders at once or
    from one of its own timers (the typing pause, the background render's poll)."""
    timers = editor.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return any(timer.isActive() for timer in timers)


def record_renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, threading.Thread]]:
    """Every text the preview renders from now on, in order, and the thread it ran on."""
    rendered: list[tuple[str, threading.Thread]] = []
    real_render = markdown_preview.render_markdown

    def recording_render(text: str, line_breaks: str = "typed") -> str:
        rendered.append((text, threading.current_thread()))
        return real_render(text, line_breaks)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown_preview, "render_markdown", recording_render)
    return rendered


def scroll_to(bar: QAbstractSlider, value: int) -> None:
    """Scroll as a user does (wheel, drag, keys all trigger a slider action)."""
    bar.setSliderPosition(value)
    bar.triggerAction(QAbstractSlider.SliderAction.SliderMove)


def wait_for_layout(qtbot: QtBot, bar: QAbstractSlider) -> None:
    """Qt lays long documents out in steps; wait until the height stops changing."""
    heights = [-1, -2, -3]

    def settled() -> None:
        heights.append(bar.maximum())
        assert heights[-1] == heights[-2] == heights[-3]

    qtbot.waitUntil(settled, timeout=5000)


def select(editor: MarkdownEditor, start: int, end: int) -> None:
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)


# --- Input method helpers ------------------------------------------------------


def send_input_method(editor: MarkdownEditor, preedit: str, commit: str = "") -> None:
    """What a Korean IME sends: the syllable being composed, and any finished one."""
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    attributes = [
        QInputMethodEvent.Attribute(
            QInputMethodEvent.AttributeType.TextFormat, 0, len(preedit), underline
        ),
        QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(preedit), 1, None),
    ]
    event = QInputMethodEvent(preedit, attributes)
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(editor.text_edit, event)


def commit_text(editor: MarkdownEditor, text: str) -> None:
    """Korean text arrives from the IME as committed strings (QTest can only type ASCII)."""
    send_input_method(editor, "", text)


def preedit_of(editor: MarkdownEditor) -> str:
    layout = editor.text_edit.textCursor().block().layout()
    return layout.preeditAreaText()


# The events a 2-set Korean IME produces for each jamo keystroke:
# (commit, preedit) pairs.
HANGEUL_STEPS = [
    ("", "ㅎ"),
    ("", "하"),
    ("", "한"),
    ("한", ""),
    ("", "ㄱ"),
    ("", "그"),
    ("", "글"),
    ("글", ""),
]
# 어텐션을: the next initial consonant first joins the syllable as a final one
# (엍), then moves on when a vowel follows, as real IMEs do.
EOTENSYEON_STEPS = [
    ("", "ㅇ"),
    ("", "어"),
    ("", "엍"),
    ("어", "테"),
    ("", "텐"),
    ("텐", "ㅅ"),
    ("", "셔"),
    ("", "션"),
    ("션", "ㅇ"),
    ("", "으"),
    ("", "을"),
    ("을", ""),
]


# --- textEdited ----------------------------------------------------------------


def test_typing_emits_text_edited(editor: MarkdownEditor, qtbot: QtBot) -> None:
    edits = Counter()
    editor.textEdited.connect(edits)

    qtbot.keyClicks(editor.text_edit, "abc")

    assert edits.count == 3
    assert editor.markdown() == "abc"


def test_set_markdown_is_silent_and_resets_undo(editor: MarkdownEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor.text_edit, "old")
    edits = Counter()
    editor.textEdited.connect(edits)

    editor.set_markdown("# 새 노트\n\n본문")

    assert edits.count == 0
    assert editor.markdown() == "# 새 노트\n\n본문"
    assert not editor.text_edit.document().isUndoAvailable()
    assert "새 노트" in editor.preview.toPlainText()  # rendered at once, no debounce


def test_paste_and_undo_emit_text_edited(editor: MarkdownEditor, qtbot: QtBot) -> None:
    editor.set_markdown("메모 ")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    edits = Counter()
    editor.textEdited.connect(edits)

    QGuiApplication.clipboard().setText("붙여넣기")
    editor.text_edit.paste()
    assert editor.markdown() == "메모 붙여넣기"
    editor.text_edit.undo()

    assert editor.markdown() == "메모 "
    assert edits.count == 2


def test_highlighting_is_not_an_edit(editor: MarkdownEditor) -> None:
    editor.set_markdown("# 제목\n\n**굵게**")
    edits = Counter()
    editor.textEdited.connect(edits)

    editor.text_edit.highlighter.rehighlight()
    palette = editor.palette()
    palette.setColor(palette.ColorRole.Base, Qt.GlobalColor.black)
    palette.setColor(palette.ColorRole.Text, Qt.GlobalColor.white)
    editor.setPalette(palette)

    assert edits.count == 0


def test_dark_palette_switches_colours(editor: MarkdownEditor) -> None:
    editor.set_markdown("# 제목")
    light_heading = editor.text_edit.highlighter.formats.heading.foreground().color()
    assert light_heading.lightness() < 128

    palette = editor.palette()
    palette.setColor(palette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(palette.ColorRole.Text, QColor("#dddddd"))
    editor.setPalette(palette)

    dark_heading = editor.text_edit.highlighter.formats.heading.foreground().color()
    assert dark_heading.lightness() > 128
    assert formats_of(editor, 0)[0][2].foreground().color() == dark_heading
    assert pygments_css(dark=True) in editor.preview.document().defaultStyleSheet()


def test_markdown_round_trips_text_exactly(editor: MarkdownEditor) -> None:
    text = "a\u00a0b 한글\n\n- 목록\n\t탭\n"

    editor.set_markdown(text)

    assert editor.markdown() == text


def test_placeholder(editor: MarkdownEditor) -> None:
    editor.set_placeholder("메모를 입력하세요")

    assert editor.text_edit.placeholderText() == "메모를 입력하세요"


# --- Preview -----------------------------------------------------------------


def test_preview_renders_after_a_pause(editor: MarkdownEditor, qtbot: QtBot) -> None:
    editor.set_markdown("")

    with qtbot.waitSignal(editor.previewUpdated, timeout=2000):
        qtbot.keyClicks(editor.text_edit, "## ")
        commit_text(editor, "어텐션")
        qtbot.keyClicks(editor.text_edit, " **Attention**")
        # Debounced: nothing is rendered while typing.
        assert "어텐션" not in editor.preview.toPlainText()

    assert "어텐션 Attention" in editor.preview.toPlainText()
    html = editor.preview.toHtml()
    assert "font-weight:700" in html or "font-weight:600" in html


def test_preview_shows_highlighted_code_with_colours(editor: MarkdownEditor) -> None:
    editor.set_markdown("```python\ndef f():\n    return 1\n```\n")

    html = editor.preview.toHtml()
    assert "def" in editor.preview.toPlainText()
    assert "color:#" in html  # the Pygments classes were turned into colours


def test_hidden_preview_is_not_rendered(
    editor: MarkdownEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_markdown("처음")
    updates = Counter()
    editor.previewUpdated.connect(updates)
    rendered = record_renders(monkeypatch)

    editor.set_preview_visible(False)
    qtbot.keyClicks(editor.text_edit, "X")
    assert editor.preview.isHidden()
    assert not render_scheduled(editor)
    assert rendered == []

    editor.set_preview_visible(True)
    assert updates.count == 1
    assert [text for text, _thread in rendered] == ["X처음"]
    assert "X처음" in editor.preview.toPlainText()
    assert not render_scheduled(editor)


def test_preview_keeps_its_scroll_position(editor: MarkdownEditor, qtbot: QtBot) -> None:
    note = "\n\n".join(f"{n}. 문단 {n} paragraph" for n in range(1, 150))
    assert len(note) < BACKGROUND_RENDER_CHARS
    editor.set_markdown(note)
    bar = editor.preview.verticalScrollBar()
    wait_for_layout(qtbot, bar)
    assert bar.maximum() > 1000
    scroll_to(bar, bar.maximum() // 2)
    fraction = bar.value() / bar.maximum()

    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.previewUpdated, timeout=2000):
        commit_text(editor, "\n\n150. 끝 end")
    wait_for_layout(qtbot, bar)

    assert abs(bar.value() / bar.maximum() - fraction) < 0.01

    editor.set_markdown(note)  # another note starts at the top
    wait_for_layout(qtbot, bar)
    assert bar.value() == 0


def test_user_scrolling_wins_over_the_kept_position(editor: MarkdownEditor, qtbot: QtBot) -> None:
    editor.set_markdown("\n\n".join(f"문단 {n}" for n in range(300)))
    bar = editor.preview.verticalScrollBar()

    wait_for_layout(qtbot, bar)
    scroll_to(bar, bar.maximum() // 3)
    position = bar.value()
    editor.resize(700, 400)  # the preview is laid out again
    wait_for_layout(qtbot, bar)

    assert bar.value() == position > 0


def test_large_note_renders_off_the_gui_thread(
    editor: MarkdownEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = long_note(50_000)
    assert len(note) > LARGE_NOTE_CHARS
    rendered = record_renders(monkeypatch)
    updates = Counter()
    editor.previewUpdated.connect(updates)

    editor.set_markdown(note)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Z)

    assert editor.markdown() == "z" + note  # the key landed at once
    assert updates.count == 0  # neither the load nor the key waited for a render

    with qtbot.waitSignal(editor.previewUpdated, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not render_scheduled(editor))

    # The render of the loaded text was stale by the time it finished; only the
    # text with the key was shown.
    assert [text for text, _thread in rendered] == [note, "z" + note]
    assert all(thread is not threading.main_thread() for _text, thread in rendered)
    assert updates.count == 1
    assert editor.preview.toPlainText().startswith("z# 행사 노트")


def test_render_now_is_synchronous_for_large_notes(editor: MarkdownEditor) -> None:
    note = long_note(10_000)
    assert len(note) > BACKGROUND_RENDER_CHARS
    editor.set_markdown(note)

    editor.render_now()

    assert "세션 1: Attention" in editor.preview.toPlainText()


def test_failed_background_render_keeps_the_preview_working(
    editor: MarkdownEditor,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    editor.set_markdown("# 처음")
    real_render = markdown_preview.render_markdown

    def failing_render(text: str, line_breaks: str = "typed") -> str:
        if len(text) > BACKGROUND_RENDER_CHARS:
            raise RecursionError("too deeply nested")
        return real_render(text)

    monkeypatch.setattr(markdown_preview, "render_markdown", failing_render)
    editor.set_markdown(long_note(10_000))
    qtbot.waitUntil(lambda: "Rendering the Markdown preview failed" in caplog.text)
    assert editor.preview.toPlainText() == "처음"  # the last good preview stays

    with qtbot.waitSignal(editor.previewUpdated, timeout=2000):
        editor.set_markdown("# 다음")
    assert editor.preview.toPlainText() == "다음"


def test_editor_deleted_during_a_background_render(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Deleting an editor does not wait for its render; the render then ends unseen
    and its thread stops."""
    window = QWidget()
    qtbot.addWidget(window)
    editor = MarkdownEditor(window)
    workers: list[threading.Thread] = []
    may_finish, finished = threading.Event(), threading.Event()
    real_render = markdown_preview.render_markdown

    def held_render(text: str, line_breaks: str = "typed") -> str:
        workers.append(threading.current_thread())
        may_finish.wait(timeout=20)
        try:
            return real_render(text, line_breaks)  # type: ignore[arg-type]
        finally:
            finished.set()

    monkeypatch.setattr(markdown_preview, "render_markdown", held_render)
    editor.set_markdown(long_note(10_000))
    qtbot.waitUntil(lambda: len(workers) == 1)

    editor.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert not shiboken6.isValid(editor)
    assert not finished.is_set()  # the deletion did not wait for the render
    may_finish.set()
    qtbot.waitUntil(lambda: not workers[0].is_alive())
    assert finished.is_set()
    assert window.findChildren(MarkdownEditor) == []
    assert caplog.records == []


# --- Highlighting --------------------------------------------------------------


def formats_of(editor: MarkdownEditor, block_number: int) -> list[tuple[int, int, QTextCharFormat]]:
    block = editor.text_edit.document().findBlockByNumber(block_number)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def test_heading_is_highlighted(editor: MarkdownEditor) -> None:
    editor.set_markdown("# 제목 Title\n본문")
    heading = editor.text_edit.highlighter.formats.heading

    ranges = formats_of(editor, 0)
    assert (0, len("# 제목 Title"), heading) in ranges
    assert ranges[0][2].fontWeight() == QFont.Weight.Bold
    assert formats_of(editor, 1) == []


def test_fenced_code_spans_lines(editor: MarkdownEditor) -> None:
    editor.set_markdown("```\n# 주석일 뿐\n**x**\n```\n# 제목")
    formats = editor.text_edit.highlighter.formats

    assert formats_of(editor, 1) == [(0, len("# 주석일 뿐"), formats.code_block)]
    assert formats_of(editor, 2) == [(0, len("**x**"), formats.code_block)]
    assert formats_of(editor, 3) == [(0, 3, formats.fence)]
    assert formats_of(editor, 4)[0][2] == formats.heading


def test_inline_markup_is_highlighted(editor: MarkdownEditor) -> None:
    editor.set_markdown("- **굵게** *기울임* `코드` [링크](https://a.example)")
    formats = editor.text_edit.highlighter.formats

    ranges = formats_of(editor, 0)
    assert (0, 1, formats.marker) in ranges
    assert (2, 6, formats.strong) in ranges
    assert (9, 5, formats.emphasis) in ranges
    assert (15, 4, formats.code) in ranges
    assert (21, 2, formats.link_text) in ranges


def test_highlighting_counts_utf16_positions(editor: MarkdownEditor) -> None:
    # An emoji is two UTF-16 units in Qt but one character in Python.
    editor.set_markdown("🎉 **굵게**")

    assert (3, 6, editor.text_edit.highlighter.formats.strong) in formats_of(editor, 0)


# --- Shortcuts -----------------------------------------------------------------

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("text", "selection", "key", "modifiers", "expected", "selected"),
    [
        ("Attention 어텐션", (10, 13), Qt.Key.Key_B, CTRL, "Attention **어텐션**", "어텐션"),
        ("", (0, 0), Qt.Key.Key_B, CTRL, "****", ""),
        ("단어 ", (0, 3), Qt.Key.Key_B, CTRL, "**단어** ", "단어"),
        ("기울임", (0, 3), Qt.Key.Key_I, CTRL, "*기울임*", "기울임"),
        ("", (0, 0), Qt.Key.Key_I, CTRL, "**", ""),
        ("논문 참고", (0, 2), Qt.Key.Key_K, CTRL, "[논문](https://) 참고", "https://"),
        ("https://arxiv.org", (0, 17), Qt.Key.Key_K, CTRL, "[](https://arxiv.org)", ""),
        ("", (0, 0), Qt.Key.Key_K, CTRL, "[](https://)", ""),
        ("하나\n둘", (0, 4), Qt.Key.Key_L, CTRL | SHIFT, "- 하나\n- 둘", None),
        ("- 하나\n\n- 둘", (0, 9), Qt.Key.Key_L, CTRL | SHIFT, "하나\n\n둘", None),
        ("* 하나\n1. 둘\n셋", (0, 11), Qt.Key.Key_L, CTRL | SHIFT, "- 하나\n- 둘\n- 셋", None),
        ("  들여쓰기", (3, 3), Qt.Key.Key_L, CTRL | SHIFT, "  - 들여쓰기", None),
    ],
)
def test_formatting_shortcut(
    editor: MarkdownEditor,
    qtbot: QtBot,
    text: str,
    selection: tuple[int, int],
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    expected: str,
    selected: str | None,
) -> None:
    editor.set_markdown(text)
    select(editor, *selection)
    edits = Counter()
    editor.textEdited.connect(edits)

    qtbot.keyClick(editor.text_edit, key, modifiers)

    assert editor.markdown() == expected
    assert edits.count == 1  # one command, one edit
    if selected is not None:
        assert editor.text_edit.textCursor().selectedText() == selected
    editor.text_edit.undo()  # one step undoes the whole command
    assert editor.markdown() == text


def test_cursor_lands_inside_inserted_markers(editor: MarkdownEditor, qtbot: QtBot) -> None:
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor.text_edit, "bold")

    assert editor.markdown() == "**bold**"


@pytest.mark.parametrize(
    ("text", "selection", "key", "expected"),
    [
        ("- 항목", (4, 4), Qt.Key.Key_Tab, "- 항목  "),
        ("- 하나\n- 둘", (0, 8), Qt.Key.Key_Tab, "  - 하나\n  - 둘"),
        ("    - 하나\n  - 둘", (0, 14), Qt.Key.Key_Backtab, "  - 하나\n- 둘"),
    ],
)
def test_tab_indents_with_spaces(
    editor: MarkdownEditor,
    qtbot: QtBot,
    text: str,
    selection: tuple[int, int],
    key: Qt.Key,
    expected: str,
) -> None:
    editor.set_markdown(text)
    select(editor, *selection)

    modifiers = SHIFT if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(editor.text_edit, key, modifiers)

    assert editor.markdown() == expected
    editor.text_edit.undo()
    assert editor.markdown() == text


# --- Hangul composition ------------------------------------------------------


def type_with_input_method(
    editor: MarkdownEditor,
    steps: list[tuple[str, str]],
    while_composing: Callable[[str], None] | None = None,
) -> None:
    for commit, preedit in steps:
        send_input_method(editor, preedit, commit)
        assert preedit_of(editor) == preedit
        if preedit and while_composing is not None:
            while_composing(preedit)


def test_hangul_composition(editor: MarkdownEditor) -> None:
    edits = Counter()
    editor.textEdited.connect(edits)

    type_with_input_method(editor, HANGEUL_STEPS)

    assert editor.markdown() == "한글"
    assert edits.count == 2  # one per finished syllable; composing is not an edit


def test_composition_survives_preview_and_highlighting(
    editor: MarkdownEditor, qtbot: QtBot
) -> None:
    editor.set_markdown("# ")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    seen_in_handler: list[tuple[str, str]] = []

    def on_text_edited() -> None:
        # What a main window might do on every edit: read and repaint.
        editor.text_edit.highlighter.rehighlight()
        seen_in_handler.append((editor.markdown(), preedit_of(editor)))

    editor.textEdited.connect(on_text_edited)
    debounced_renders = Counter()

    def disturb(preedit: str) -> None:
        text = editor.markdown()
        if render_scheduled(editor):
            # The render after the pause in typing runs while a syllable is composed.
            with qtbot.waitSignal(editor.previewUpdated, timeout=2000):
                pass
            debounced_renders()
        editor.render_now()
        editor.text_edit.highlighter.rehighlight()
        editor.textEdited.emit()
        assert preedit_of(editor) == preedit
        assert editor.markdown() == text

    # Committing 한 while ㄱ starts the next syllable: textEdited fires with the
    # pre-edit pending.
    steps = [("", "ㅎ"), ("", "하"), ("", "한"), ("한", "ㄱ"), ("", "그"), ("", "글"), ("글", "")]
    type_with_input_method(editor, steps, while_composing=disturb)

    assert editor.markdown() == "# 한글"
    assert ("# 한", "ㄱ") in seen_in_handler
    assert debounced_renders.count == 1  # after 한 was committed, ㄱ still composing
    heading = editor.text_edit.highlighter.formats.heading
    assert formats_of(editor, 0)[0][2] == heading
    editor.render_now()
    assert editor.preview.toPlainText() == "한글"


def test_mixed_english_and_korean_typing(editor: MarkdownEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor.text_edit, "Attention ")
    type_with_input_method(editor, EOTENSYEON_STEPS)
    qtbot.keyClicks(editor.text_edit, " is **key**")

    assert editor.markdown() == "Attention 어텐션을 is **key**"
    with qtbot.waitSignal(editor.previewUpdated, timeout=2000):
        pass
    assert editor.preview.toPlainText() == "Attention 어텐션을 is key"


def test_composition_undoes_as_text(editor: MarkdownEditor, qtbot: QtBot) -> None:
    qtbot.keyClicks(editor.text_edit, "A ")
    type_with_input_method(editor, HANGEUL_STEPS)

    while editor.text_edit.document().isUndoAvailable():
        editor.text_edit.undo()

    assert editor.markdown() == ""
