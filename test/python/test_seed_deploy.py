"""Deploy level, in Python: the write-up's app (examples/python-seed, through the wheel) deployed with the real cdk CLI
to the emulator (moto server with the CloudFormation gaps of test/deploy/emulator filled), its layer changed and
deployed again. Both functions' $LATEST, a new version and the Live alias run the new layer, read back with boto3.

Runs once, in the newest release's environment (like the README's quick start): deploy-time behaviour does not
depend on the release.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_seed, run_cdk

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.environ.get("CLS_QUICK_START") != "1", reason="runs once, in the newest release's environment")

READ_STATE = """
import json, sys, boto3
endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
cfn, lam, ssm = boto3.client("cloudformation", **kw), boto3.client("lambda", **kw), boto3.client("ssm", **kw)
names = [r["PhysicalResourceId"] for r in cfn.list_stack_resources(StackName="ChildStack")["StackResourceSummaries"]
         if r["ResourceType"] == "AWS::Lambda::Function"]
state = {"parameter": ssm.get_parameter(Name="CommonModulesLayerVersionArn")["Parameter"]["Value"], "functions": {}}
for name in names:
    versions = {v["Version"]: [l["Arn"] for l in v.get("Layers", [])] for v in lam.list_versions_by_function(FunctionName=name)["Versions"]}
    aliases = {a["Name"]: a["FunctionVersion"] for a in lam.list_aliases(FunctionName=name)["Aliases"]}
    state["functions"][name] = {"latest": versions.pop("$LATEST"), "versions": versions, "aliases": aliases}
print(json.dumps(state))
"""


@pytest.fixture(scope="module")
def emulator():
    python = subprocess.run(["bash", str(REPO / "scripts" / "emulator.sh")], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    server = subprocess.Popen([python, str(REPO / "test" / "deploy" / "emulator" / "serve.py"), "0"], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    assert line.startswith("listening on http://127.0.0.1:"), line
    endpoint = line.split()[-1]
    port = endpoint.rsplit(":", 1)[1]
    env = {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint, "AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION": f"http://localhost:{port}",
    }
    yield {"python": python, "endpoint": endpoint, "env": env}
    server.terminate()
    server.wait(timeout=30)


def cdk(emulator, args, cwd: Path, outdir: Path, **context: str) -> str:
    saved = dict(os.environ)
    os.environ.update(emulator["env"])
    try:
        result = run_cdk([*args, "--require-approval", "never"], cwd, outdir, context)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def deployed(emulator) -> dict:
    result = subprocess.run([emulator["python"], "-c", READ_STATE, emulator["endpoint"]], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_python_app_deployed_twice_moves_both_functions_versions_and_live_aliases(tmp_path: Path, emulator) -> None:
    seed = copy_seed(tmp_path)
    cdk(emulator, ["bootstrap", "aws://123456789012/us-east-1"], seed / "cdk", tmp_path / "bootstrap")
    cdk(emulator, ["deploy", "--all"], seed / "cdk", tmp_path / "out")
    before = deployed(emulator)
    module = seed / "functions" / "src" / "lambda_layers" / "common_modules" / "python" / "common_modules" / "module_b.py"
    module.write_text(module.read_text() + "\nTRIPLE = 3\n")
    output = cdk(emulator, ["deploy", "--all"], seed / "cdk", tmp_path / "out")
    after = deployed(emulator)

    # The aspect made ChildStack depend on CommonStack: the producer deploys first.
    assert output.index("CommonStack: deploying...") < output.index("ChildStack: deploying...")
    assert after["parameter"] != before["parameter"]
    assert len(after["functions"]) == 2
    for name, fn in after["functions"].items():
        assert before["functions"][name]["latest"] == [before["parameter"]]
        assert fn["latest"] == [after["parameter"]], name
        assert sorted(fn["versions"]) == ["1", "2"], name
        assert fn["aliases"] == {"Live": "2"}, name
        assert fn["versions"]["2"] == [after["parameter"]], name
