"""Each gap ``cfn_gaps`` fills: the pinned moto still has it (stock), and the patch gives CloudFormation's behaviour.

A "stock" test that fails means the pinned moto changed: check whether it now does what CloudFormation does, and
drop that gap's patch. The tests run moto in process (``mock_aws``) with boto3, the stock ones in a fresh
interpreter, since the patches change moto's modules for the whole process.
"""
import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

HERE = Path(__file__).parent
ACCOUNT = "123456789012"
REGION = "us-east-1"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("python/m.py", "x = 1\n")
    return buffer.getvalue()


def template(layer_description: str) -> str:
    """A layer, its SSM parameter, a function of the same stack that uses it, a version named after the layer's
    description (as CDK names ``currentVersion`` after a hash of the function) and a Live alias on it."""
    version = f"Version{layer_description.capitalize()}"
    resources = {
        "Layer": {"Type": "AWS::Lambda::LayerVersion", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
                  "Properties": {"Content": {"S3Bucket": "code", "S3Key": "layer.zip"}, "Description": layer_description,
                                 "CompatibleArchitectures": ["arm64"]}},
        "Parameter": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": "/gaps/layer", "Type": "String", "Value": {"Ref": "Layer"}}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": []}}},
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
            "Code": {"S3Bucket": "code", "S3Key": "fn.zip"}, "Handler": "m.h", "Runtime": "python3.13",
            "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "Layers": [{"Ref": "Layer"}], "Architectures": ["arm64"],
            "Description": layer_description}},
        version: {"Type": "AWS::Lambda::Version", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
                  "Properties": {"FunctionName": {"Ref": "Fn"}}},
        "Live": {"Type": "AWS::Lambda::Alias", "Properties": {
            "FunctionName": {"Ref": "Fn"}, "Name": "Live", "FunctionVersion": {"Fn::GetAtt": [version, "Version"]}}},
    }
    outputs = {"LayerArn": {"Value": {"Ref": "Layer"}}, "VersionArn": {"Value": {"Ref": version}}}
    return json.dumps({"Resources": resources, "Outputs": outputs})


def consumer_template(description: str = "consumer") -> str:
    return json.dumps({
        "Parameters": {"LayerArn": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/gaps/layer"}},
        "Resources": {
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": []}}},
            "Consumer": {"Type": "AWS::Lambda::Function", "Properties": {
                "Code": {"S3Bucket": "code", "S3Key": "fn.zip"}, "Handler": "m.h", "Runtime": "python3.13",
                "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "Layers": [{"Ref": "LayerArn"}], "Description": description}},
            "Dynamic": {"Type": "AWS::Lambda::Function", "Properties": {
                "Code": {"S3Bucket": "code", "S3Key": "fn.zip"}, "Handler": "m.h", "Runtime": "python3.13",
                "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "Layers": ["{{resolve:ssm:/gaps/layer}}"]}},
            "Weak": {"Type": "AWS::Lambda::Function", "Properties": {
                "Code": {"S3Bucket": "code", "S3Key": "fn.zip"}, "Handler": "m.h", "Runtime": "python3.13",
                "Role": {"Fn::GetAtt": ["Role", "Arn"]},
                "Layers": [{"Fn::GetStackOutput": {"StackName": "producer", "OutputName": "LayerArn", "Region": REGION}}]}},
        },
    })


def deploy(cfn, name: str, body: str, change_set: str = "cdk-deploy-change-set") -> None:
    """Deploy as the cdk CLI does: delete the stack's old cdk-deploy-change-set, create it anew, execute it."""
    exists = any(s["StackName"] == name for s in cfn.list_stacks()["StackSummaries"] if s["StackStatus"] != "DELETE_COMPLETE")
    if exists:
        cfn.delete_change_set(StackName=name, ChangeSetName=change_set)
    cfn.create_change_set(StackName=name, ChangeSetName=change_set, TemplateBody=body,
                          ChangeSetType="UPDATE" if exists else "CREATE", Capabilities=["CAPABILITY_IAM"])
    description = cfn.describe_change_set(StackName=name, ChangeSetName=change_set)
    if description["Status"] == "FAILED":
        cfn.delete_change_set(StackName=name, ChangeSetName=change_set)
        return
    cfn.execute_change_set(StackName=name, ChangeSetName=change_set)


def scenario() -> dict:
    """Deploy producer and consumer, change the layer, deploy both again; return what the account runs."""
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="code")
    s3.put_object(Bucket="code", Key="layer.zip", Body=zip_bytes())
    s3.put_object(Bucket="code", Key="fn.zip", Body=zip_bytes())
    cfn = boto3.client("cloudformation", region_name=REGION)
    aws_lambda = boto3.client("lambda", region_name=REGION)
    ssm = boto3.client("ssm", region_name=REGION)
    seen: dict = {}
    try:
        deploy(cfn, "producer", template("one"))
        seen["layer_ref"] = ssm.get_parameter(Name="/gaps/layer")["Parameter"]["Value"]
        fn = [f for f in aws_lambda.list_functions()["Functions"] if f["FunctionName"].startswith("producer-Fn")][0]
        seen["function_layers"] = [l["Arn"] for l in fn.get("Layers", [])]
        seen["architectures"] = fn.get("Architectures")
        outputs = {o["OutputKey"]: o["OutputValue"] for o in cfn.describe_stacks(StackName="producer")["Stacks"][0].get("Outputs") or []}
        seen["outputs"] = outputs
        seen["aliases"] = aws_lambda.list_aliases(FunctionName=fn["FunctionName"])["Aliases"]
        deploy(cfn, "consumer", consumer_template())
        deploy(cfn, "producer", template("two"))
        seen["layer_after"] = ssm.get_parameter(Name="/gaps/layer")["Parameter"]["Value"]
        seen["producer_function_after"] = aws_lambda.get_function_configuration(FunctionName=fn["FunctionName"]).get("Layers")
        seen["producer_aliases_after"] = aws_lambda.list_aliases(FunctionName=fn["FunctionName"])["Aliases"]
        deploy(cfn, "consumer", consumer_template())
        consumers = {f["FunctionName"].split("-")[1]: [l["Arn"] for l in f.get("Layers", [])]
                     for f in aws_lambda.list_functions()["Functions"] if f["FunctionName"].startswith("consumer-")}
        seen["consumers_after"] = consumers
    except Exception as error:  # a gap that breaks the deploy: the stock tests read which step failed
        seen["error"] = f"{type(error).__name__}: {error}"
    return seen


@pytest.fixture(scope="module")
def patched() -> dict:
    import cfn_gaps
    cfn_gaps.apply()
    with mock_aws():
        return scenario()


@pytest.fixture(scope="module")
def stock() -> dict:
    """The same scenario on moto as pinned, without the patches, in a fresh interpreter."""
    code = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(HERE)!r})
        import test_cfn_gaps
        from moto import mock_aws
        with mock_aws():
            print("RESULT" + json.dumps(test_cfn_gaps.scenario(), default=str))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": REGION})
    return json.loads(result.stdout.split("RESULT", 1)[1])


LAYER_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:layer:Layer:"


def test_stock_moto_still_has_the_layer_version_ref_gap(stock: dict) -> None:
    assert "LayerVersion object" in stock["layer_ref"]


def test_gap_layer_version_ref(patched: dict) -> None:
    assert patched["layer_ref"] == LAYER_ARN + "1"
    assert patched["layer_after"] == LAYER_ARN + "2"


def test_stock_moto_still_has_the_function_layers_gap(stock: dict) -> None:
    assert stock["function_layers"] == [] and stock["architectures"] == ["x86_64"]


def test_gap_function_layers(patched: dict) -> None:
    assert patched["function_layers"] == [LAYER_ARN + "1"]
    assert patched["architectures"] == ["arm64"]


def test_stock_moto_still_has_the_version_and_alias_gaps(stock: dict) -> None:
    assert stock["aliases"] == []
    assert "VersionArn" not in stock["outputs"] or not stock["outputs"]["VersionArn"].endswith(":1")


def test_gaps_version_ref_and_alias(patched: dict) -> None:
    assert patched["outputs"]["VersionArn"].endswith(":function:" + patched["outputs"]["VersionArn"].split(":function:")[1])
    assert patched["outputs"]["VersionArn"].endswith(":1")
    assert [(a["Name"], a["FunctionVersion"]) for a in patched["aliases"]] == [("Live", "1")]


def test_stock_moto_still_has_the_update_gaps(stock: dict) -> None:
    # A changed layer is neither replaced nor followed by what refers to it (or the deploy fails outright).
    assert "error" in stock or stock["layer_after"] == stock["layer_ref"] or stock["producer_aliases_after"][0]["FunctionVersion"] == "1"


def test_gap_update_in_dependency_order(patched: dict) -> None:
    # The replaced layer is a new version; the function that refers to it is updated; a new version is published
    # after the function changed, and the alias moves to it.
    assert "error" not in patched, patched.get("error")
    assert [l["Arn"] for l in patched["producer_function_after"]] == [LAYER_ARN + "2"]
    assert [(a["Name"], a["FunctionVersion"]) for a in patched["producer_aliases_after"]] == [("Live", "2")]


def test_gaps_ssm_parameter_type_dynamic_reference_and_weak_reference(patched: dict) -> None:
    # The consumer stack's template is unchanged: the parameter type is re-read (CloudFormation always fetches the
    # latest value), and the dynamic and weak references are resolved when the stack is created.
    assert patched["consumers_after"]["Consumer"] == [LAYER_ARN + "2"]
    assert patched["consumers_after"]["Dynamic"] == [LAYER_ARN + "1"]
    assert patched["consumers_after"]["Weak"] == [LAYER_ARN + "1"]


def test_stock_moto_still_has_the_intrinsics_gaps(stock: dict) -> None:
    assert "error" in stock or stock["consumers_after"].get("Dynamic") != [LAYER_ARN + "1"]
