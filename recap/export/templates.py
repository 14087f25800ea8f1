"""The Jinja2 templates posts are written with: the user's own first, then the shipped ones.

A template named like a shipped one (``post.md.j2``, ``post.html.j2``) in
``<config folder>/templates`` replaces it. HTML templates (``*.html.j2``) escape
every value unless it is marked safe; markdown templates escape through the
``md_*`` filters, which keep the post readable back by `recap import`.
docs/templates.md lists what a template sees.

Templates are shared between users, so they render in Jinja's immutable sandbox:
a template may read the values it is given and call the filters, but not reach
Python's internals (``_`` attributes, ``__globals__``, ``str.format`` tricks) nor
change the lists it is shown. Such an attempt stops the render with a
`TemplateProblem` before anything is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import traceback
from pathlib import Path
from typing import Any, Final

import jinja2
import jinja2.sandbox

from recap import postformat as post_format
from recap.config import config_dir
from recap.domain.dates import format_date
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput
from recap.export.targets import TARGETS
from recap.export.views import (
    EventView,
    HeaderLine,
    LinkView,
    QAView,
    RelatedPost,
    SessionView,
)
from recap.resources_path import resource

# Only these names are served from the package: an include of any other path reads nothing.
SHIPPED_TEMPLATES: Final = frozenset(
    target.template for target in TARGETS if target.template is not None
)


class TemplateProblem(InvalidInput):
    """A template (usually the user's own copy) that cannot be read or fails while rendering."""


class UnsafeTemplate(TemplateProblem):
    """A template that reached for something the sandbox keeps from templates."""


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def shipped_template(name: str) -> str | None:
    # Only the shipped names: "/etc/passwd" or "../x" would otherwise be read by an include.
    if name not in SHIPPED_TEMPLATES:
        return None
    try:
        return resource("templates", name).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None


def _md_session_heading(session: SessionView) -> str:
    return post_format.session_heading(
        session.title, session.speaker, session.affiliation, session.starts_at
    )


def _md_qa_item(entry: QAView) -> str:
    return post_format.qa_item(entry.kind, entry.question, entry.answer, entry.resolved)


def _md_link(link: LinkView) -> str:
    return post_format.link_item(link.url, link.label)


@jinja2.pass_context
def _format_date(context: jinja2.runtime.Context, day: dt.date) -> str:
    return format_date(day, context.get("lang", "en"))


FILTERS: Final[dict[str, Any]] = {
    "md_text": post_format.escape_text,
    "md_title": post_format.escape_heading,
    "md_block": post_format.escape_block,
    "md_session_heading": _md_session_heading,
    "md_quote": post_format.quote_lines,
    "md_qa_item": _md_qa_item,
    "md_link": _md_link,
    "md_url": post_format.url_text,
    "md_tags": post_format.tags_text,
    "md_destination": post_format.destination,
    "format_date": _format_date,
}


# What a post is made of: dataclasses of plain values with read-only properties (their
# lists are guarded apart, and a template cannot assign to an attribute).
VIEW_TYPES: Final = frozenset(
    {EventView, SessionView, QAView, LinkView, HeaderLine, RelatedPost, post_format.Labels}
)


class TemplateSandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with a shorter way through for the views."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # A view is neither a function, a type nor a container, so the general check comes
        # to "not private" for it; made in full, it took a third of a render's time.
        if type(obj) in VIEW_TYPES:
            return not attr.startswith("_")
        return bool(super().is_safe_attribute(obj, attr, value))


@functools.lru_cache(maxsize=4)
def environment(user_dir: Path) -> jinja2.Environment:
    """One environment per templates folder; Jinja reloads a template whose file changed."""
    env = TemplateSandbox(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(user_dir, encoding="utf-8"),
                jinja2.FunctionLoader(shipped_template),
            ]
        ),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


def load_template(name: str) -> jinja2.Template:
    user_dir = user_templates_dir()
    try:
        return environment(user_dir).get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(
            QT_TRANSLATE_NOOP(
                "RecapError", "The template {name} has an error on line {line}: {reason}"
            ),
            name=error.filename or name,
            line=error.lineno,
            reason=error.message,
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateProblem(
            QT_TRANSLATE_NOOP("RecapError", "There is no template {name}."), name=name
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateProblem(
            QT_TRANSLATE_NOOP(
                "RecapError", "The template {name} in {folder} cannot be read: {reason}"
            ),
            name=name,
            folder=user_dir,
            reason=error,
        ) from None


def is_users(template: jinja2.Template) -> bool:
    return template.filename is not None


# What a render failure says: without and with the template line it happened on.
FAILED: Final = (
    QT_TRANSLATE_NOOP("RecapError", "The template {name} failed: {reason}"),
    QT_TRANSLATE_NOOP("RecapError", "The template {name} failed on line {line}: {reason}"),
)
STOPPED: Final = (
    QT_TRANSLATE_NOOP(
        "RecapError",
        "The template {name} was stopped: it reaches for something templates may not use "
        "({reason}).",
    ),
    QT_TRANSLATE_NOOP(
        "RecapError",
        "The template {name} was stopped on line {line}: it reaches for something templates "
        "may not use ({reason}).",
    ),
)


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    try:
        return template.render(context)
    except jinja2.exceptions.SecurityError as error:
        reason = str(error).rstrip(".")
        raise problem(UnsafeTemplate, STOPPED, template, error, reason) from None
    except jinja2.TemplateNotFound as error:  # an include or extends of a missing file
        reason = f"there is no template {error.name}"
        raise problem(TemplateProblem, FAILED, template, error, reason) from None
    except jinja2.TemplateError as error:
        raise problem(TemplateProblem, FAILED, template, error, str(error)) from None
    except Exception as error:
        if not is_users(template):
            raise  # a shipped template failing is a bug
        # A user's template can fail in any way an expression can (1 + "a", a bad filter argument).
        reason = f"{type(error).__name__}: {error}"
        raise problem(TemplateProblem, FAILED, template, error, reason) from None


def problem(
    kind: type[TemplateProblem],
    sentences: tuple[str, str],
    template: jinja2.Template,
    error: BaseException,
    reason: str,
) -> TemplateProblem:
    name = template.filename or template.name
    line = failing_line(error, template)
    if line is None:
        return kind(sentences[0], name=name, reason=reason)
    return kind(sentences[1], name=name, line=line, reason=reason)


def failing_line(error: BaseException, template: jinja2.Template) -> int | None:
    """The template line being rendered when ``error`` was raised.

    Jinja rewrites the traceback of a render so that template code appears as frames
    of the template's own file at its own line numbers; the innermost such frame is it.
    """
    line = None
    for frame, number in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == template.filename:
            line = number
    return line
