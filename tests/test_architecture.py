"""The shape of the code, checked: language knowledge stays data, modules and functions stay small
enough to read in one sitting, and the parts import one another one way only (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "veille"
FRENCH = SRC / "lang" / "fr"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

# The word sets that lived in Python before the language floor, now in lang/fr: the function words
# of grammar.toml and the closed lists the stages read beside their lexicons. A literal made of
# them coming back into Python is French spelt in code.
MOVED_LISTS = {
    "speech.toml": ["after_speaker", "sources", "opening_sources", "channel_prepositions"],
    "stances.toml": ["nouns.prepositions", "nouns.compound_prepositions", "nouns.compound_endings",
                     "target.circumstances", "target.prepositions", "target.calls", "target.marks"],
    "entities.toml": ["linking", "joining_gaps", "elided_articles", "particles", "dropped_prefixes",
                      "qualifying_prefixes"],
    "events.toml": ["context.parties", "context.locative", "context.anaphoric"],
    "numbers.toml": ["joiners"],
}


def modules() -> Iterator[Path]:
    yield from sorted(SRC.rglob("*.py"))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@cache
def french_words() -> frozenset[str]:
    """Every word of grammar.toml and of the closed lists that were Python sets, as written."""
    words: set[str] = set(_strings(tomllib.loads((FRENCH / "grammar.toml").read_text(encoding="utf-8"))))
    for name, keys in MOVED_LISTS.items():
        data = tomllib.loads((FRENCH / name).read_text(encoding="utf-8"))
        for key in keys:
            value: object = data
            for part in key.split("."):
                value = value[part]  # type: ignore[index]
            words |= set(_strings(value))
    spelt = {w for phrase in words for w in (phrase, *phrase.split()) if len(w) > 1 and w[0].islower()}
    return frozenset(spelt | {w.replace("'", "’") for w in spelt})


def french_in(tree: ast.AST) -> Iterator[tuple[int, list[str]]]:
    """Literals that spell French: a set, list, tuple or dict of two words of the language or more,
    or a comparison with one."""
    words = french_words()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            found = [i.value for i in items if isinstance(i, ast.Constant) and i.value in words]
            if len(found) >= 2:
                yield node.lineno, found
        elif isinstance(node, ast.Compare):
            found = [c.value for c in (node.left, *node.comparators) if isinstance(c, ast.Constant) and c.value in words]
            if found:
                yield node.lineno, found


def test_the_scan_sees_french_spelt_in_python() -> None:
    sample = ast.parse('NEGATIONS = {"pas", "jamais"}\nif word == "que": pass\nif t.dep_ == "nsubj": pass')
    assert [line for line, _ in french_in(sample)] == [1, 2]


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(SRC)))
def test_no_word_set_of_the_language_is_back_in_python(path: Path) -> None:
    found = list(french_in(ast.parse(path.read_text(encoding="utf-8"))))
    assert found == [], f"{path.relative_to(SRC)}: French words in code, put them in lang/fr: {found}"


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name} is over {MAX_MODULE_LINES} lines"
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno is not None and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == [], f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {long}"


# --- arrows -------------------------------------------------------------------------------------------


def imports(path: Path) -> set[str]:
    """The veille modules a module imports, anywhere in it (in functions too), as dotted names."""
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.removesuffix(".__init__")
    else:
        package = package.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            if module.startswith("veille"):
                # "from .. import lang" depends on veille.lang, not on what veille/__init__ imports
                submodules = {f"{module}.{alias.name}" for alias in node.names} & known_modules()
                found |= submodules or {module}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("veille")}
    return found


@cache
def known_modules() -> frozenset[str]:
    return frozenset(module_name(p) for p in modules())


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


@cache
def graph() -> dict[str, set[str]]:
    known = known_modules()
    return {module_name(p): {m for m in imports(p) if m in known} for p in modules()}


def reachable(start: str) -> set[str]:
    seen, stack = set(), [m for m in graph() if m == start or m.startswith(start + ".")]
    while stack:
        module = stack.pop()
        for target in graph().get(module, ()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def part(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else module


@pytest.mark.parametrize("source,forbidden", [
    ("veille.lang", {"nlp", "resolve", "store", "serve", "read", "cli"}),
    ("veille.nlp", {"read", "resolve", "store", "serve", "cli"}),
    ("veille.resolve", {"nlp", "store", "serve", "read", "cli"}),
    ("veille.store", {"nlp", "serve", "read", "cli"}),
])
def test_parts_import_one_way(source: str, forbidden: set[str]) -> None:
    reached = {part(m) for m in reachable(source)}
    assert reached & forbidden == set(), f"{source} reaches {sorted(reached & forbidden)}"


def test_the_language_floor_imports_no_parser() -> None:
    for path in (SRC / "lang").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {n for n in names if n.split(".")[0] == "spacy"}, path.name


def test_the_web_app_has_no_import_circle() -> None:
    serve = {m: {t for t in targets if t.startswith("veille.serve.")}
             for m, targets in graph().items() if m.startswith("veille.serve.")}
    for module, targets in serve.items():
        stack, seen = list(targets), set()
        while stack:
            target = stack.pop()
            assert target != module, f"{module} imports itself through {sorted(seen)}"
            if target not in seen:
                seen.add(target)
                stack.extend(serve.get(target, ()))
