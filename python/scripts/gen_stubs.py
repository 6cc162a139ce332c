#!/usr/bin/env python3
"""Write ``python/sportello/_sportello.pyi``, the type stubs of the compiled module, from
the installed ``sportello._sportello``.

The module is introspected, not parsed from Rust: its constants (typed from their
values), functions, classes, methods, static and class methods and properties, with the
parameter names and defaults of each ``__text_signature__`` (read with
``inspect.signature``, else from the first line of the docstring) and the docstrings.
Parameter and return types are ``Any``: pyo3 does not tell them. The package's own
typed API is ``sportello/__init__.pyi``, written by hand.

Usage (with the wheel built and installed in the running interpreter)::

    python python/scripts/gen_stubs.py            # (re)write the stubs
    python python/scripts/gen_stubs.py --check    # exit 1, naming what differs, when stale

``python/tests/test_stubs.py`` runs ``--check`` against the installed module.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import inspect
import keyword
import re
import sys
import types
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Set

MODULE = "sportello._sportello"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "sportello" / "_sportello.pyi"
REGENERATE = "python python/scripts/gen_stubs.py"

# Return types of the special methods whose protocol fixes them.
_DUNDER_RETURNS = {
    "__init__": "None",
    "__repr__": "str",
    "__str__": "str",
    "__len__": "int",
    "__bool__": "bool",
    "__hash__": "int",
    "__contains__": "bool",
}
# Class attributes that every class has, or that stubs do not declare.
_SKIP_IN_CLASS = {
    "__new__", "__init__", "__doc__", "__module__", "__dict__", "__weakref__", "__qualname__",
    "__getattribute__", "__setattr__", "__delattr__", "__init_subclass__", "__subclasshook__",
    "__text_signature__", "__annotations__",
}
_INDENT = "    "


class _Raw:
    """Text that ``inspect.Signature`` prints as it is (annotations, defaults)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


# ----- types and defaults ---------------------------------------------------------------


def type_of(value: Any, used: Set[str]) -> str:
    """The type of a constant, from its value (``Any`` where it cannot tell)."""
    if value is None:
        return "None"
    for t in (bool, int, float, complex, str, bytes):
        if type(value) is t:
            return t.__name__
    if isinstance(value, (list, set, frozenset)):
        generic = {list: "List", set: "Set", frozenset: "FrozenSet"}[type(value)]
        used.add(generic)
        return f"{generic}[{_join(value, used)}]"
    if isinstance(value, tuple):
        used.add("Tuple")
        return "Tuple[()]" if not value else f"Tuple[{', '.join(type_of(v, used) for v in value)}]"
    if isinstance(value, dict):
        used.add("Dict")
        return f"Dict[{_join(value.keys(), used)}, {_join(value.values(), used)}]"
    used.add("Any")
    return "Any"


def _join(items: Any, used: Set[str]) -> str:
    kinds = sorted({type_of(v, used) for v in items})
    if len(kinds) == 1:
        return kinds[0]
    used.add("Any")
    return "Any"


def default_text(value: Any) -> str:
    """A default as stubs write it: the literal when it is a simple one, else ``...``."""
    if value is None or isinstance(value, (bool, int, float)):
        text = repr(value)
        return text if text not in ("nan", "inf", "-inf") else "..."
    if isinstance(value, str) and value.isprintable() and len(value) <= 40:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bytes) and len(value) <= 40:
        return repr(value)
    return "..."


# ----- signatures -----------------------------------------------------------------------


def signature_of(obj: Any, name: str) -> Optional[inspect.Signature]:
    """The signature from ``__text_signature__`` (via ``inspect``), else from a docstring
    whose first line is ``name(...)``; ``None`` when neither tells."""
    try:
        return inspect.signature(obj)
    except (ValueError, TypeError):
        pass
    doc = getattr(obj, "__doc__", None) or ""
    first = doc.lstrip().split("\n", 1)[0]
    m = re.match(rf"^{re.escape(name)}(\(.*\))\s*(?:->.*)?$", first)
    if not m:
        return None
    try:
        fn = ast.parse(f"def _f{m.group(1).replace('$', '')}: pass").body[0]
    except SyntaxError:
        return None
    assert isinstance(fn, ast.FunctionDef)
    return _signature_from_ast(fn.args)


def _signature_from_ast(args: ast.arguments) -> inspect.Signature:
    P = inspect.Parameter
    params: List[inspect.Parameter] = []
    positional = [(a, P.POSITIONAL_ONLY) for a in args.posonlyargs] + [(a, P.POSITIONAL_OR_KEYWORD) for a in args.args]
    defaults: List[Optional[ast.expr]] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for (a, kind), d in zip(positional, defaults):
        params.append(P(a.arg, kind, default=P.empty if d is None else _literal(d)))
    if args.vararg:
        params.append(P(args.vararg.arg, P.VAR_POSITIONAL))
    for a, kw_default in zip(args.kwonlyargs, args.kw_defaults):
        params.append(P(a.arg, P.KEYWORD_ONLY, default=P.empty if kw_default is None else _literal(kw_default)))
    if args.kwarg:
        params.append(P(args.kwarg.arg, P.VAR_KEYWORD))
    return inspect.Signature(params)


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return ...


def render_signature(sig: Optional[inspect.Signature], *, returns: str, first: Optional[str] = None) -> str:
    """``(a: Any, b: Any = 1, *, c: Any = None) -> Any``; ``first`` (``self`` or ``cls``) is
    put first when the signature lacks it. Without a signature: ``*args, **kwargs``."""
    P = inspect.Parameter
    if sig is None or any(keyword.iskeyword(p.name) for p in sig.parameters.values()):
        params = [P("args", P.VAR_POSITIONAL), P("kwargs", P.VAR_KEYWORD)]
    else:
        params = list(sig.parameters.values())
    if first is not None and not (params and params[0].name == first and params[0].kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)):
        kind = params[0].kind if params and params[0].kind == P.POSITIONAL_ONLY else P.POSITIONAL_OR_KEYWORD
        params.insert(0, P(first, kind))
    if first is not None and params[0].kind == P.POSITIONAL_ONLY and (len(params) == 1 or params[1].kind != P.POSITIONAL_ONLY):
        # ``($self, /, ...)``: only the receiver is positional-only, as every receiver is.
        params[0] = params[0].replace(kind=P.POSITIONAL_OR_KEYWORD)
    out = []
    for p in params:
        annotated = p.name == first and p is params[0]
        default = P.empty if p.default is P.empty else _Raw(default_text(p.default))
        out.append(p.replace(annotation=P.empty if annotated else _Raw("Any"), default=default))
    return str(inspect.Signature(out, return_annotation=_Raw(returns)))


# ----- rendering ------------------------------------------------------------------------


def docstring(doc: Optional[str], indent: str) -> List[str]:
    """A docstring as stub lines (empty when there is none)."""
    if not doc or not doc.strip():
        return []
    text = inspect.cleandoc(doc).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    lines = text.split("\n")
    lines[0] = f'{indent}"""{lines[0]}'
    lines[1:] = [f"{indent}{line}" if line.strip() else "" for line in lines[1:]]
    lines[-1] += '"""'
    return lines


def function(name: str, obj: Any, indent: str, *, first: Optional[str] = None, decorator: Optional[str] = None,
             returns: str = "Any") -> List[str]:
    sig = signature_of(obj, name)
    lines = [f"{indent}@{decorator}"] if decorator else []
    head = f"{indent}def {name}{render_signature(sig, returns=returns, first=first)}:"
    doc = docstring(_own_doc(obj), indent + _INDENT)
    return lines + ([head] + doc if doc else [head + " ..."])


def prop(name: str, descriptor: Any) -> List[str]:
    """A read-only property (a pyo3 ``#[getter]``)."""
    head = f"{_INDENT}def {name}(self) -> Any:"
    doc = docstring(_own_doc(descriptor), _INDENT * 2)
    return [f"{_INDENT}@property"] + ([head] + doc if doc else [head + " ..."])


def _own_doc(obj: Any) -> Optional[str]:
    """The docstring written for ``obj``, not one inherited from its type or, for a special
    method such as ``__repr__``, from ``object``'s."""
    doc = getattr(obj, "__doc__", None)
    if doc is None or doc == getattr(type(obj), "__doc__", None):
        return None
    name = getattr(obj, "__name__", "")
    if name.startswith("__") and doc == getattr(getattr(object, name, None), "__doc__", None):
        return None
    return str(doc)


def klass(name: str, cls: type, used: Set[str]) -> List[str]:
    bases = [b.__name__ for b in cls.__bases__ if b is not object and b.__module__ == "builtins"]
    lines = [f"class {name}({', '.join(bases)}):" if bases else f"class {name}:"]
    body: List[str] = docstring(cls.__doc__, _INDENT)
    members: List[List[str]] = []
    init = _constructor(cls)
    if init is not None:
        members.append(init)
    for attr in sorted(vars(cls)):
        if attr in _SKIP_IN_CLASS:
            continue
        raw = inspect.getattr_static(cls, attr)
        if isinstance(raw, staticmethod):
            members.append(function(attr, getattr(cls, attr), _INDENT, decorator="staticmethod"))
        elif isinstance(raw, (classmethod, types.ClassMethodDescriptorType)):
            members.append(function(attr, getattr(cls, attr), _INDENT, first="cls", decorator="classmethod"))
        elif isinstance(raw, (types.GetSetDescriptorType, types.MemberDescriptorType, property)):
            members.append(prop(attr, raw))
        elif isinstance(raw, (types.MethodDescriptorType, types.WrapperDescriptorType, types.FunctionType, types.BuiltinFunctionType)):
            members.append(function(attr, raw, _INDENT, first="self", returns=_DUNDER_RETURNS.get(attr, "Any")))
        elif not callable(raw):
            used.add("ClassVar")
            members.append([f"{_INDENT}{attr}: ClassVar[{type_of(raw, used)}]"])
    for m in members:
        body.extend(m)
    return lines + (body or [f"{_INDENT}..."])


def _constructor(cls: type) -> Optional[List[str]]:
    """``__init__`` from the class's text signature (pyo3's ``#[new]``), if it has one."""
    if getattr(cls, "__text_signature__", None) is None:
        return None
    try:
        sig = inspect.signature(cls)
    except (ValueError, TypeError):
        return None
    return [f"{_INDENT}def __init__{render_signature(sig, returns='None', first='self')}: ..."]


def generate(module: types.ModuleType) -> str:
    """The stub file's text."""
    used: Set[str] = {"Any"}
    constants: List[str] = []
    functions: List[List[str]] = []
    classes: List[List[str]] = []
    for name in sorted(vars(module)):
        if name.startswith("__") and name != "__version__":
            continue
        value = getattr(module, name)
        if isinstance(value, type):
            classes.append(klass(name, value, used))
        elif isinstance(value, types.ModuleType):
            continue
        elif callable(value):
            functions.append(function(name, value, ""))
        else:
            constants.append(f"{name}: {type_of(value, used)}")
    out = docstring(module.__doc__, "") + [
        f"# Generated from the installed module by {REGENERATE}; do not edit.",
        "# python/tests/test_stubs.py checks that it is up to date (--check).",
        "",
        f"from typing import {', '.join(sorted(used))}",
        "",
    ]
    out += constants
    for block in functions:
        out += [""] + block
    for block in classes:
        out += ["", ""] + block
    return "\n".join(out).rstrip("\n") + "\n"


# ----- --check --------------------------------------------------------------------------


def entries(text: str) -> Dict[str, str]:
    """What a stub file declares, by qualified name (``f``, ``Class``, ``Class.method``),
    each with its normalised source; ``(header)`` for the rest."""
    tree = ast.parse(text)
    out: Dict[str, str] = {}

    def add(key: str, node: ast.AST) -> None:
        out[key] = out.get(key, "") + ast.dump(node)

    header: List[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            add(node.name, node)
        elif isinstance(node, ast.ClassDef):
            rest = [n for n in node.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.AnnAssign))]
            add(node.name, ast.ClassDef(name=node.name, bases=node.bases, keywords=node.keywords, body=rest, decorator_list=node.decorator_list))
            for n in node.body:
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    add(f"{node.name}.{n.name}", n)
                elif isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name):
                    add(f"{node.name}.{n.target.id}", n)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            add(node.target.id, node)
        else:
            header.append(node)
    out["(header: module docstring, imports)"] = "".join(ast.dump(n) for n in header)
    return out


def differences(committed: str, fresh: str) -> List[str]:
    """What differs between the committed stubs and the module, by name."""
    try:
        old = entries(committed)
    except SyntaxError as e:
        return [f"the committed stubs do not parse: {e}"]
    new = entries(fresh)
    problems = []
    missing = [k for k in new if k not in old]
    gone = [k for k in old if k not in new]
    changed = [k for k in new if k in old and old[k] != new[k]]
    if missing:
        problems.append("in the module but not in the stubs: " + ", ".join(missing))
    if gone:
        problems.append("in the stubs but no longer in the module: " + ", ".join(gone))
    if changed:
        problems.append("changed (signature, type or docstring): " + ", ".join(changed))
    if not problems:
        problems.append("formatting only")
    return problems


def check(path: Path, fresh: str, module: str, out: Callable[[str], None]) -> int:
    if not path.exists():
        out(f"{path} is missing; run {REGENERATE}")
        return 1
    committed = path.read_text(encoding="utf-8")
    if committed == fresh:
        out(f"{path} is up to date")
        return 0
    out(f"{path} is stale (it does not describe the installed {module}); run {REGENERATE} and commit it.")
    for p in differences(committed, fresh):
        out(f"  {p}")
    diff = list(difflib.unified_diff(committed.splitlines(), fresh.splitlines(), "committed", "generated", lineterm="", n=1))
    out("\n".join(diff[:80] + (["  ... (diff cut)"] if len(diff) > 80 else [])))
    return 1


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="do not write; exit 1, saying what differs, when the file is stale")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUT, help=f"the stub file (default: {DEFAULT_OUT})")
    parser.add_argument("--module", default=MODULE, help=f"the module to describe (default: {MODULE})")
    args = parser.parse_args(argv)
    try:
        module = importlib.import_module(args.module)
    except ImportError as e:
        print(f"cannot import {args.module} ({e}): build and install the wheel first", file=sys.stderr)
        return 2
    fresh = generate(module)
    if args.check:
        return check(args.output, fresh, args.module, lambda line: print(line, file=sys.stderr))
    if args.output.exists() and args.output.read_text(encoding="utf-8") == fresh:
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(fresh, encoding="utf-8")
    print(f"wrote {args.output} from {module.__file__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
