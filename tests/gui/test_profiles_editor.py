"""Preferences › Publishing Profiles: add, duplicate, change and delete profiles and
save them to profiles.toml; a bad title pattern is said and nothing written."""

from pytestqt.qtbot import QtBot

from recap.export.profile_file import load_profiles, profile_path
from recap.ui.profiles_editor import ProfilesEditor


def test_add_duplicate_delete_and_save(qtbot: QtBot) -> None:
    editor = ProfilesEditor()
    qtbot.addWidget(editor)
    assert [editor.list.item(row).text() for row in range(editor.list.count())] == [
        "tistory", "velog", "jekyll", "hugo",
    ]  # fmt: skip
    assert editor.name_edit.isReadOnly() and not editor.delete_button.isEnabled()
    editor.language_box.setCurrentIndex(editor.language_box.findData("en"))  # tistory in English
    editor.add_button.click()
    assert editor.name_edit.text() == "my-blog" and not editor.name_edit.isReadOnly()
    editor.name_edit.setText("내 블로그")
    editor.title_edit.setText("{date} {titel}")
    editor.duplicate_button.click()  # refused: the pattern is wrong
    assert "unknown placeholder {titel}" in editor.error_label.text()
    assert editor.list.count() == 5
    editor.title_edit.setText("{date} {title}")
    editor.target_box.setCurrentIndex(editor.target_box.findData("hugo"))
    editor.duplicate_button.click()
    assert editor.list.count() == 6 and editor.name_edit.text() == "내 블로그-copy"
    editor.delete_button.click()
    assert editor.list.count() == 5
    editor.list.setCurrentRow(4)
    editor.save()
    assert not editor.isVisible() or editor.result() == 1
    found = load_profiles()
    assert found.problem is None
    assert found.named("tistory").language == "en"
    mine = found.named("내 블로그")
    assert (mine.title, mine.front_matter) == ("{date} {title}", "hugo")
    assert "내 블로그-copy" not in found.names()


def test_a_name_taken_is_refused(qtbot: QtBot) -> None:
    editor = ProfilesEditor()
    qtbot.addWidget(editor)
    editor.add_button.click()
    editor.name_edit.setText("Velog")
    editor.save()
    assert editor.error_label.text() == "There is a profile “velog” already."
    assert not profile_path().exists()


def test_the_name_a_post_is_recorded_under_is_set_here(qtbot: QtBot) -> None:
    editor = ProfilesEditor()
    qtbot.addWidget(editor)
    editor.add_button.click()
    editor.name_edit.setText("팀 블로그")
    assert editor.platform_edit.text() == ""  # "": recorded under the profile's name
    editor.platform_edit.setText("  tistory-team  ")
    editor.list.setCurrentRow(1)  # velog: its own name, nothing typed
    assert editor.platform_edit.text() == "" and editor.platform_edit.placeholderText() == "velog"
    editor.save()
    found = load_profiles()
    assert found.named("팀 블로그").platform_name == "tistory-team"
    assert found.named("velog").platform_name == "velog"
    reopened = ProfilesEditor()
    qtbot.addWidget(reopened)
    reopened.list.setCurrentRow(reopened.list.count() - 1)
    assert reopened.platform_edit.text() == "tistory-team"
