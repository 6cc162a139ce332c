"""Rendering CVs: :class:`Renderer` (templates and fonts loaded once) and the functions
that use a shared default renderer (the core's ``render``).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _inputs
from . import _sportello as _native
from ._inputs import PathLike, Today

__all__ = ["Renderer", "render", "render_pages", "templates"]


class Renderer:
    """Renders CVs with the shipped templates (``europass``, ``modern``, ``plain``) and any
    you add. Fonts and templates are loaded once; reuse one renderer. :func:`render` uses a
    shared default renderer.

    >>> r = Renderer()
    >>> sorted(t["name"] for t in r.templates())
    ['europass', 'modern', 'plain']
    """

    def __init__(self) -> None:
        self._native = _native.Renderer()

    def add_template(self, name: str, files: Union[Mapping[str, str], PathLike], description: str = "") -> None:
        """Add a user template: a folder, or a dict of its files (path relative to the
        template folder -> text). It needs a ``main.typ``; see ``templates/README.md``."""
        if isinstance(files, Mapping):
            self._native.add_template(name, dict(files), description)
        else:
            # The core reads the folder, as for the command line's --template-dir.
            self._native.add_template_dir(name, os.fspath(files), description)

    def templates(self) -> List[Dict[str, Any]]:
        """The templates: ``name``, ``description``, ``builtin``."""
        return self._native.templates()  # type: ignore[no-any-return]

    def locales(self) -> List[str]:
        """The locale codes (``it``, ``en``)."""
        return self._native.locales()  # type: ignore[no-any-return]

    def fonts(self) -> List[str]:
        """The font families templates can use."""
        return self._native.fonts()  # type: ignore[no-any-return]

    def render_pages(self, profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
                     pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
                     today: Today = None) -> Tuple[List[bytes], int, List[str]]:
        """Render a profile: ``(files, pages, warnings)``; ``files`` is one PDF, or one SVG
        or PNG per page, or the plain text (``format="text"``)."""
        files, pages, warnings = self._native.render(
            _inputs.text(profile, "profile"), template, lang, format, float(dpi), pdf_standard,
            None if options is None else json.dumps(dict(options)), photo, _inputs.today(today))
        return files, pages, warnings

    def render(self, profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
               pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
               today: Today = None, out: Optional[PathLike] = None) -> Any:
        """Render a profile (see :func:`render`)."""
        files, _, _ = self.render_pages(profile, template=template, lang=lang, format=format, dpi=dpi, pdf_standard=pdf_standard,
                                        options=options, photo=photo, today=today)
        if out is None:
            return files[0]
        return _write(Path(out), files)

    def render_many(self, profiles: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf",
                    dpi: float = 144.0, pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None,
                    today: Today = None, errors: str = "raise") -> List[Dict[str, Any]]:
        """Render many profiles (a list, a folder, a DataFrame...) on all cores. Returns one
        dict per profile, in order: ``id``, ``files``, ``pages``, ``warnings`` and ``error``
        (``None``, or the exception when ``errors="skip"``; with ``"raise"``, the first error
        is raised)."""
        if errors not in ("raise", "skip"):
            raise ValueError(f'errors={errors!r} (expected "raise" or "skip")')
        docs, from_frame = _inputs.docs(profiles, "profiles")
        out = self._native.render_many(docs, template, lang, format, float(dpi), pdf_standard,
                                       None if options is None else json.dumps(dict(options)), _inputs.today(today), from_frame)
        items: List[Dict[str, Any]] = []
        for (doc_id, _), item in zip(docs, out):
            if isinstance(item, BaseException):
                if errors == "raise":
                    raise item
                items.append({"id": doc_id, "files": [], "pages": 0, "warnings": [], "error": item})
            else:
                files, pages, warnings = item
                items.append({"id": doc_id, "files": files, "pages": pages, "warnings": warnings, "error": None})
        return items


def _write(out: Path, files: List[bytes]) -> List[Path]:
    # The file names are the core's, as on the command line (cv.pdf; cv-1.svg, cv-2.svg...).
    paths = [Path(p) for p in _native.page_files(out, len(files))]
    for p, data in zip(paths, files):
        p.write_bytes(data)
    return paths


_DEFAULT_RENDERER: Optional[Renderer] = None
_RENDERER_LOCK = threading.Lock()


def _renderer() -> Renderer:
    global _DEFAULT_RENDERER
    with _RENDERER_LOCK:
        if _DEFAULT_RENDERER is None:
            _DEFAULT_RENDERER = Renderer()
        return _DEFAULT_RENDERER


def render(profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
           pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
           today: Today = None, out: Optional[PathLike] = None) -> Any:
    """Render a CV.

    ``profile`` is a dict, JSON/YAML text or a path. ``template`` (default: the profile's
    choice, else ``europass``), ``lang`` (``it`` or ``en``), ``format`` (``pdf``, ``svg``,
    ``png``, ``text``), ``dpi`` for PNG, ``pdf_standard`` (``ua-1``, ``a-2b``), ``options``
    overriding the profile's ``render`` block, ``photo`` (JPEG or PNG bytes), ``today`` (for
    the signature date).

    Returns the bytes (the PDF, or the first page of SVG/PNG: see :func:`render_pages` for
    all pages), or, with ``out``, writes the file(s) (``cv-1.png``, ``cv-2.png``... for
    several pages) and returns their paths. Raises :class:`RenderError`.

    >>> pdf = render({"person": {"given_name": "Anna", "family_name": "Bo"}}, template="europass", lang="it")
    >>> pdf[:5]
    b'%PDF-'
    """
    return _renderer().render(profile, template=template, lang=lang, format=format, dpi=dpi, pdf_standard=pdf_standard,
                              options=options, photo=photo, today=today, out=out)


def render_pages(profile: Any, **kwargs: Any) -> Tuple[List[bytes], int, List[str]]:
    """Render a CV and return ``(files, pages, warnings)`` (arguments as :func:`render`)."""
    return _renderer().render_pages(profile, **kwargs)


def templates() -> List[Dict[str, Any]]:
    """The templates of the default renderer."""
    return _renderer().templates()
