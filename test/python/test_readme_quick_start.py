"""The README's Python quick start, command by command, as it stands in the README (run once per test run)."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import REPO_ROOT

BLOCK = re.compile(r"<!-- python-quick-start -->\s*```sh\n(.*?)```\s*<!-- /python-quick-start -->", re.S)


@pytest.mark.skipif(os.environ.get("CLS_QUICK_START") != "1", reason="run once, in the first environment (CLS_QUICK_START=1)")
def test_the_python_quick_start_works_as_written() -> None:
    [commands] = BLOCK.findall((REPO_ROOT / "README.md").read_text())
    example = REPO_ROOT / "examples" / "python-seed" / "cdk"
    for leftover in (example / ".venv", example / "cdk.out"):
        shutil.rmtree(leftover, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH")}
    # The shell of a fresh terminal: not this test's virtual environment.
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(REPO_ROOT / ".venv-test")))
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", commands], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    markers = re.findall(r"^\[layer-sync [0-9a-f]{12}\]$", result.stdout, re.M)
    assert len(markers) == 2, result.stdout[-2000:]
    template = json.loads((example / "cdk.out" / "ChildStack.template.json").read_text())
    functions = [r for r in template["Resources"].values() if r["Type"] == "AWS::Lambda::Function"]
    assert all(f["Properties"]["Description"].endswith(tuple(markers)) for f in functions) and len(functions) == 2
