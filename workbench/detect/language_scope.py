"""The language a detection runs in: named per call, read by every detector helper.

``DetectContext.language`` names it. The detectors' entry points are wrapped in
``in_context_language``, which makes that language current for the call, so the
helpers deep inside a detector read their words from ``current_language()`` instead of a
parameter threaded through every function. A context variable, not a global:
two threads detecting in two languages each see their own.

What a detector compiles from a language's words (regexes, look-up tables) is
built once per language by a ``per_language`` builder and cached, so English
detection costs about what it did when English was bound at import time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from workbench.detect.lang import DEFAULT, LanguageData, available, language
from workbench.domain.errors import UnknownLanguageError

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

# A LanguageData is frozen, so sharing one as the default is safe.
_CURRENT: ContextVar[LanguageData] = ContextVar("detect_language", default=language(DEFAULT))  # noqa: B039


def detection_language(code: str | None) -> LanguageData:
    """The language to detect claims of ``code`` in; English when it has no folder.

    ``"pt-BR"`` is read as ``pt_br``, then as ``pt``. A code with no folder
    (or none at all: most pages do not say) falls back to English rather than
    failing the import: English rules find the digits, dates and quotations of a
    page in another language better than no detection does. A folder that is
    there but lacks a data module is a mistake in the code, and is raised.
    """
    if not code:
        return language(DEFAULT)
    for candidate in (code, code.replace("-", "_").split("_")[0]):
        try:
            return language(candidate)
        except UnknownLanguageError:
            if candidate.strip().lower() in available():
                raise
    return language(DEFAULT)


# The language of the detection running now (English outside any). The context
# variable's own getter, not a function around it: detectors ask for it in their
# inner loops, and a Python call per token is measurable.
current_language: Callable[[], LanguageData] = _CURRENT.get


@contextmanager
def speaking(code: str | None) -> Iterator[LanguageData]:
    """Detect in the language ``code`` (see ``detection_language``) inside the block."""
    token = _CURRENT.set(detection_language(code))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def in_context_language(detector: F) -> F:
    """Run ``detector(text, ctx, ...)`` in ``ctx.language``; with no context, in the current one."""

    @functools.wraps(detector)
    def run(text: str, ctx: Any = None, *args: Any, **kwargs: Any) -> Any:
        code = getattr(ctx, "language", None)
        if code is None or code == _CURRENT.get().code:
            return detector(text, ctx, *args, **kwargs)
        with speaking(code):
            return detector(text, ctx, *args, **kwargs)

    return run  # type: ignore[return-value]


def per_language(build: Callable[[LanguageData], T]) -> Callable[..., T]:
    """``build(language)`` for the current language (or the one given), built once per language."""
    built = functools.cache(build)

    @functools.wraps(build)
    def for_current(lang: LanguageData | None = None) -> T:
        return built(lang or _CURRENT.get())

    return for_current
