"""A user's template renders in a sandbox: shared templates cannot run code or read files.

Each escape below is a known way out of an unsandboxed Jinja template; the control
test shows the shell-command ones really do run a command when nothing stops them.
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from recap.domain.records import EventRecord, QARecord, SessionRecord
from recap.export.posts import ExportOptions, render_post
from recap.export.templates import TemplateProblem, UnsafeTemplate, user_templates_dir
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON

EVENT = EventRecord(
    title="밋업",
    start_date=dt.date(2024, 4, 13),
    tags=["python"],
    sessions=[SessionRecord(title="Talk", qa=[QARecord(kind="own", question="왜?")])],
)

# Each runs `touch MARKER` when it gets out; {marker} is filled in per test.
COMMAND_ESCAPES = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "joiner-globals": "{{ joiner.__init__.__globals__.os.system('touch {marker}') }}",
    "namespace-globals": "{{ namespace.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "lipsum-builtins": (
        "{{ lipsum.__globals__.__builtins__.__import__('os').system('touch {marker}') }}"
    ),
    "subclasses": (
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == 'Popen' %}{{ c(['touch', '{marker}']) }}{% endif %}{% endfor %}"
    ),
    "attr-filter": (
        "{{ (cycler|attr('__init__')).__globals__.os.popen('touch {marker}').read() }}"
    ),
    "format-string": "{{ '{0.__init__.__globals__[os].popen}'.format(cycler) }}",
    "format-kept-aside": "{% set f = '{0.__init__.__globals__}'.format %}{{ f(cycler) }}",
    "format-through-attr": "{{ ('{0.__init__.__globals__}'|attr('format'))(cycler) }}",
    "template-self": "{{ self.__init__.__globals__.__builtins__ }}",
    "template-context": "{{ self._TemplateReference__context }}",
}
# Reaching into what a template is given: private parts, classes, changing the lists.
INTERNAL_ESCAPES = {
    "event-class": "{{ event.__class__.__init__.__globals__ }}",
    "event-dict": "{{ event.__dict__ }}",
    "date-reduce": "{{ event.start_date.__reduce_ex__(2) }}",
    "labels-class": "{{ labels.__class__ }}",
    "list-class": "{{ event.sessions[0].qa.__class__ }}",
    "append-to-sessions": "{{ event.sessions.append(1) }}",
    "pop-a-tag": "{{ event.tags.pop() }}",
    "dict-method": "{{ {}.update(a=1) }}",
}


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    return tmp_path / "escaped"


def write_template(source: str, name: str = "post.md.j2") -> Path:
    folder = user_templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


def fill(source: str, marker: Path) -> str:
    return source.replace("{marker}", str(marker))


@pytest.mark.parametrize("source", COMMAND_ESCAPES.values(), ids=COMMAND_ESCAPES.keys())
def test_a_template_that_reaches_for_internals_is_stopped_and_runs_nothing(
    source: str, marker: Path
) -> None:
    path = write_template("# {{ event.title }}\n" + fill(source, marker))

    with pytest.raises(UnsafeTemplate) as caught:
        render_post(EVENT)

    message = str(caught.value)
    assert str(path) in message and "line 2" in message, message
    assert "\n" not in message
    assert not marker.exists()


@pytest.mark.parametrize("source", INTERNAL_ESCAPES.values(), ids=INTERNAL_ESCAPES.keys())
def test_a_template_cannot_reach_into_or_change_what_it_is_given(source: str) -> None:
    path = write_template(source, "post.html.j2")

    with pytest.raises(UnsafeTemplate, match=str(path)):
        render_post(EVENT, ExportOptions(format="html"))
    assert EVENT.tags == ["python"] and len(EVENT.sessions) == 1


@pytest.mark.parametrize("name", ["joiner-globals", "lipsum-builtins"])
def test_without_the_sandbox_the_escapes_would_run_a_command(name: str, marker: Path) -> None:
    """The control: the same text in a plain Jinja environment does run `touch`."""
    jinja2.Environment().from_string(fill(COMMAND_ESCAPES[name], marker)).render()
    assert marker.exists()


def test_an_include_cannot_read_files_outside_the_templates(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    folder = user_templates_dir()
    for source in (
        f"{{% include '{secret}' %}}",
        "{% include '../../../../../../../../../../" + str(secret).lstrip("/") + "' %}",
        "{% include 'etc/passwd' %}",
    ):
        write_template(source)
        with pytest.raises(TemplateProblem, match="there is no template") as caught:
            render_post(EVENT)
        assert "TOP SECRET" not in str(caught.value)
        assert str(folder) in str(caught.value)


def test_a_template_may_include_another_from_its_folder() -> None:
    write_template("<!-- {{ event.tags | md_tags }} -->\n", "footer.md.j2")
    write_template("# {{ event.title | md_title }}\n{% include 'footer.md.j2' %}")
    assert render_post(EVENT) == "# 밋업\n<!-- python -->\n"


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("# {{ event.title }}\n\n{% if %}\n", 3, ["has an error on line 3"]),
        ("# {{ event.title }}\n{{ event.venue }}\n{{ event.nope }}\n", 3, ["nope"]),
        ("{% for s in event.sessions %}\n{{ speaker }}\n{% endfor %}\n", 2, ["'speaker'"]),
        ("a\nb\n{{ 1 + 'a' }}", 3, ["TypeError"]),
        ("{% for x in range(10**9) %}{% endfor %}", 1, ["MAX_RANGE"]),
    ],
)
def test_a_template_mistake_names_the_file_and_line(
    source: str, line: int, words: list[str]
) -> None:
    path = write_template(source)
    with pytest.raises(TemplateProblem) as caught:
        render_post(EVENT)
    message = str(caught.value)
    assert not isinstance(caught.value, UnsafeTemplate)
    assert message.startswith(f"The template {path} ")
    assert f"line {line}:" in message, message
    for word in words:
        assert word in message, message


def test_recap_export_refuses_an_unsafe_template_in_one_line(tmp_path: Path) -> None:
    library, out, marker = tmp_path / "library.db", tmp_path / "posts", tmp_path / "escaped"
    write_template(fill(COMMAND_ESCAPES["cycler-globals"], marker))
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def recap(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "recap", "--db", str(library), *args],
            capture_output=True, text=True, encoding="utf-8", cwd=REPO_ROOT,
            env=environment, timeout=60, check=False,
        )  # fmt: skip

    assert recap("load", str(SAMPLE_LIBRARY_JSON)).returncode == 0
    done = recap("export", "--all", "--format", "md", "--out", str(out))

    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("recap: ") and len(done.stderr.splitlines()) == 1
    assert "post.md.j2" in done.stderr and "Traceback" not in done.stderr
    assert not marker.exists()
    assert not out.exists() or not any(out.iterdir())
