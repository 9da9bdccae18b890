"""The installed package as Construct Hub and a Python user see it: its requirements, its license, its docs."""
import ast
import re
from importlib.metadata import distribution, requires
from pathlib import Path

import cdk_layer_sync

FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)


def test_it_requires_the_npm_floor_of_aws_cdk_lib_and_not_cdk_nag() -> None:
    requirements = requires("cdk-layer-sync") or []
    names = {re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0].lower() for r in requirements}
    assert "cdk-nag" not in names
    [aws_cdk_lib] = [r for r in requirements if r.lower().startswith("aws-cdk-lib")]
    assert ">=2.172.0" in aws_cdk_lib.replace(" ", "")


def test_the_wheel_carries_the_license() -> None:
    files = [str(f) for f in distribution("cdk-layer-sync").files or []]
    [license_file] = [f for f in files if f.endswith("LICENSE")]
    text = Path(distribution("cdk-layer-sync").locate_file(license_file)).read_text()
    assert "Apache License" in text and "Version 2.0" in text


def test_the_docstrings_show_python_and_every_python_example_parses() -> None:
    source = Path(cdk_layer_sync.__file__).read_text()
    blocks = FENCE.findall(source)
    languages = {language for language, _ in blocks}
    # jsii-rosetta translated every TypeScript example: none is left verbatim.
    assert not languages & {"ts", "typescript"}, languages
    python_blocks = [code for language, code in blocks if language == "python"]
    # Every TypeScript and Python example of the README is in the module docstring, in Python (the reference and
    # recipes are in docs/, which the package does not carry).
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    readme_examples = [language for language, _ in FENCE.findall(readme) if language in ("ts", "python")]
    assert len(readme_examples) >= 3
    assert len(python_blocks) >= len(readme_examples)
    for code in python_blocks:
        # Docstrings escape backslashes and quotes; the example itself must be valid Python.
        ast.parse(code.replace('\\"', '"').replace("\\\\", "\\"))


# TypeScript that a Python user would otherwise read in a docstring's prose (outside the examples jsii-rosetta
# translates): object creation with `new`, arrow functions, `const`/`let` declarations, TypeScript object literals of
# props, `this.`, and camelCase calls of CDK's own API that Python spells in snake case.
TYPESCRIPT = [
    (re.compile(r"\bnew [A-Z]\w*\("), "new X(...)"),
    (re.compile(r"=>"), "an arrow function"),
    (re.compile(r"\b(const|let) \w+ ="), "a const/let declaration"),
    (re.compile(r"\{ ?\w+: [\w.]+ ?\}"), "an object literal"),
    (re.compile(r"\bthis\."), "this."),
    (re.compile(r"\b[a-z]+[A-Z]\w*\("), "a camelCase call"),
]


def _docstrings():
    yield "cdk_layer_sync", cdk_layer_sync.__doc__ or ""
    for name in dir(cdk_layer_sync):
        if name.startswith("_"):
            continue
        exported = getattr(cdk_layer_sync, name)
        yield name, getattr(exported, "__doc__", "") or ""
        for member, value in vars(exported).items() if isinstance(exported, type) else []:
            if not member.startswith("_"):
                yield f"{name}.{member}", getattr(value, "__doc__", "") or ""


def test_no_docstring_shows_typescript_outside_its_translated_examples() -> None:
    found = []
    for where, doc in _docstrings():
        prose = FENCE.sub("", doc)
        found += [f"{where}: {label}: {m.group(0)!r}" for pattern, label in TYPESCRIPT for m in pattern.finditer(prose)]
    assert found == []
