"""Shared by the Python tests: the repository, the real cdk CLI, and the aws-cdk-lib release under test.

They run in a virtual environment that scripts/python-tests.sh makes per aws-cdk-lib release from PyPI, with the
cdk-layer-sync wheel that `npm run package:python` builds installed into it: the package as a Python user gets it.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CDK_BIN = REPO_ROOT / "node_modules" / "aws-cdk" / "bin" / "cdk"
SEED_DIR = REPO_ROOT / "examples" / "python-seed"

# The jsii runtime warns on every start that Node 20 is past its end of life; the tests read stderr.
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")


def aws_cdk_lib_release() -> str:
    """The aws-cdk-lib installed in this environment."""
    from importlib.metadata import version

    return version("aws-cdk-lib")


@pytest.fixture(scope="session", autouse=True)
def expected_release() -> None:
    """The environment holds the release the script made it for (CLS_AWS_CDK_LIB), not whatever pip chose."""
    expected = os.environ.get("CLS_AWS_CDK_LIB")
    if expected:
        assert aws_cdk_lib_release() == expected


def run_cdk(args: List[str], cwd: Path, outdir: Path, context: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    """The real cdk CLI of the repository (the aws-cdk devDependency), running `python3 app.py` of this environment."""
    context_args = [a for k, v in (context or {}).items() for a in ("-c", f"{k}={v}")]
    env = {
        **os.environ,
        # `python3` in cdk.json is this environment's interpreter.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "CDK_DISABLE_VERSION_CHECK": "1",
        "CDK_DISABLE_CLI_TELEMETRY": "true",
        "FORCE_COLOR": "0",
        "CI": "true",
    }
    command = ["node", str(CDK_BIN), *args, *context_args, "--output", str(outdir), "--no-notices", "--no-version-reporting"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def copy_seed(into: Path) -> Path:
    """A copy of the Python example (cdk/ and functions/), so a test can change its layer."""
    target = into / "python-seed"
    shutil.copytree(SEED_DIR, target, ignore=shutil.ignore_patterns("__pycache__", "cdk.out", ".venv"))
    return target


def read_template(outdir: Path, stack: str) -> dict:
    return json.loads((outdir / f"{stack}.template.json").read_text())


def synthesized_with(outdir: Path) -> str:
    """The aws-cdk-lib release that wrote the cloud assembly, as its tree.json records it."""
    return json.loads((outdir / "tree.json").read_text())["tree"]["constructInfo"]["version"]
