"""The Python API of cdk-layer-sync, in Python: props, enums, LayerRegistry and LayerFingerprint, on real syntheses."""
import re
import subprocess
from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk import AspectPriority, Aspects, RemovalPolicy, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_ssm as ssm
from aws_cdk.assertions import Annotations, Match, Template

from cdk_layer_sync import (
    FindingLevel,
    FingerprintTarget,
    LayerDependencyAspect,
    LayerFingerprint,
    LayerRegistry,
)
from conftest import REPO_ROOT

PARAMETER = "/platform/layers/common/arn"


def layer_dir(tmp_path: Path, content: str = "VALUE = 1\n") -> Path:
    directory = tmp_path / "layer"
    (directory / "python").mkdir(parents=True, exist_ok=True)
    (directory / "python" / "shared.py").write_text(content)
    return directory


def producer(app: cdk.App, source: Path) -> Stack:
    stack = Stack(app, "Producer")
    layer = lambda_.LayerVersion(stack, "Layer", code=lambda_.Code.from_asset(str(source)), removal_policy=RemovalPolicy.RETAIN)
    ssm.StringParameter(stack, "LayerArn", parameter_name=PARAMETER, string_value=layer.layer_version_arn)
    return stack


def consumer(app: cdk.App, parameter: str = PARAMETER, stack_id: str = "Consumer") -> Stack:
    stack = Stack(app, stack_id)
    arn = ssm.StringParameter.value_for_string_parameter(stack, parameter)
    fn = lambda_.Function(
        stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_13, handler="index.handler",
        code=lambda_.Code.from_inline("def handler(event, context):\n    return 1\n"),
        layers=[lambda_.LayerVersion.from_layer_version_arn(stack, "Shared", arn)],
    )
    fn.add_alias("Live")
    return stack


def only_function(stack: Stack) -> dict:
    [props] = [r["Properties"] for r in Template.from_stack(stack).find_resources("AWS::Lambda::Function").values()]
    return props


# -- invalid props raise a clear error in Python ---------------------------------------------------------------------

def test_an_environment_variable_name_lambda_reserves_is_refused_naming_the_prop() -> None:
    with pytest.raises(Exception, match=r"LayerDependencyAspectProps\.environmentVariableName: 'AWS_FINGERPRINT' starts with 'AWS_'"):
        LayerDependencyAspect(target=FingerprintTarget.ENVIRONMENT, environment_variable_name="AWS_FINGERPRINT")


def test_an_environment_variable_name_without_the_environment_target_is_refused() -> None:
    with pytest.raises(Exception, match=r"LayerDependencyAspectProps\.environmentVariableName is set but target is"):
        LayerDependencyAspect(environment_variable_name="LAYERS")


def test_a_prop_of_the_wrong_type_is_refused_by_python_itself() -> None:
    with pytest.raises(TypeError, match="add_dependencies"):
        LayerDependencyAspect(add_dependencies="yes")  # type: ignore[arg-type]


def test_a_registry_name_ssm_would_reject_is_refused_naming_it() -> None:
    with pytest.raises(Exception, match=r"/team//layer"):
        LayerRegistry().add("/team//layer", "a" * 64)


# -- the enums --------------------------------------------------------------------------------------------------------

def test_the_enums_have_the_documented_members() -> None:
    assert [m.name for m in FingerprintTarget] == ["DESCRIPTION", "ENVIRONMENT"]
    assert {m.name for m in FindingLevel} == {"ERROR", "WARNING", "INFO", "OFF"}


def test_the_environment_target_writes_the_fingerprint_into_the_default_variable(tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path / "out"))
    producer(app, layer_dir(tmp_path))
    stack = consumer(app)
    Aspects.of(app).add(LayerDependencyAspect(target=FingerprintTarget.ENVIRONMENT), priority=AspectPriority.MUTATING)
    app.synth()
    props = only_function(stack)
    assert re.fullmatch(r"[0-9a-f]{12}", props["Environment"]["Variables"]["LAYER_FINGERPRINTS"])
    assert "Description" not in props


def test_a_finding_level_raises_an_unknown_producer_to_an_error(tmp_path: Path) -> None:
    app = cdk.App(outdir=str(tmp_path / "out"))
    stack = consumer(app, "/other-team/layers/tools/arn", "Orphan")
    Aspects.of(app).add(LayerDependencyAspect(unhashed_consumer=FindingLevel.ERROR), priority=AspectPriority.MUTATING)
    app.synth()
    errors = Annotations.from_stack(stack).find_error("*", Match.string_like_regexp("cdk-layer-sync:UnhashedConsumer"))
    assert len(errors) == 1
    assert "/other-team/layers/tools/arn" in str(errors[0].entry.data)


# -- LayerFingerprint and LayerRegistry -------------------------------------------------------------------------------

def test_a_directory_fingerprint_agrees_with_the_cli_and_follows_the_content(tmp_path: Path) -> None:
    directory = layer_dir(tmp_path)
    fingerprint = LayerFingerprint.of_directory(str(directory))
    cli = subprocess.run(["node", str(REPO_ROOT / "bin" / "cdk-layer-sync.js"), "fingerprint", str(directory)],
                         capture_output=True, text=True, check=True)
    assert cli.stdout.split() [0] == fingerprint
    (directory / "python" / "shared.py").write_text("VALUE = 2\n")
    assert LayerFingerprint.of_directory(str(directory)) != fingerprint


def test_a_registry_written_to_a_file_is_read_back_and_followed(tmp_path: Path) -> None:
    registry = LayerRegistry()
    registry.add("/other-team/layers/tools/arn", "b" * 64, account="123456789012")
    lock_file = tmp_path / "layers.lock.json"
    registry.write_file(str(lock_file))

    read = LayerRegistry.from_file(str(lock_file))
    assert [(e.parameter_name, e.fingerprint, e.account) for e in read.entries] == [("/other-team/layers/tools/arn", "b" * 64, "123456789012")]
    assert read.lookup("/other-team/layers/tools/arn", "123456789012") == "b" * 64

    app = cdk.App(outdir=str(tmp_path / "out"))
    stack = Stack(app, "Orphan", env=cdk.Environment(account="123456789012", region="eu-west-1"))
    arn = ssm.StringParameter.value_for_string_parameter(stack, "/other-team/layers/tools/arn")
    lambda_.Function(stack, "Fn", runtime=lambda_.Runtime.PYTHON_3_13, handler="index.handler",
                     code=lambda_.Code.from_inline("def handler(e, c):\n    return 1\n"),
                     layers=[lambda_.LayerVersion.from_layer_version_arn(stack, "Shared", arn)])
    Aspects.of(app).add(LayerDependencyAspect(registry=read), priority=AspectPriority.MUTATING)
    app.synth()
    assert only_function(stack)["Description"] == "[layer-sync " + "b" * 12 + "]"


def test_a_malformed_lock_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    lock_file = tmp_path / "layers.lock.json"
    lock_file.write_text('{"version": 1, "entries": [{"parameterName": 3}]}')
    with pytest.raises(Exception, match=re.escape(str(lock_file))):
        LayerRegistry.from_file(str(lock_file))


# -- one line for the whole app, Stages included ---------------------------------------------------------------------

def test_a_pipeline_app_with_top_level_stacks_after_the_pipeline_synthesizes_and_every_consumer_follows(tmp_path: Path) -> None:
    """Issue 36's shape in Python: a Stage added by add_stage(), then a producer and a consumer at the App's top level.

    The report is written after every template, so no UnsupportedCdkRelease; with the Stage's own line on every release.
    """
    from aws_cdk import pipelines
    app = cdk.App(outdir=str(tmp_path / "out"))
    env = cdk.Environment(account="111111111111", region="eu-west-1")
    pipeline_stack = Stack(app, "PipelineStack", env=env)
    pipeline = pipelines.CodePipeline(pipeline_stack, "Pipeline", synth=pipelines.ShellStep(
        "Synth", input=pipelines.CodePipelineSource.git_hub("example-org/app", "main"), commands=["npx cdk synth"]))
    stage = cdk.Stage(app, "Prod", env=env)
    Aspects.of(stage).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)
    producer(stage, layer_dir(tmp_path, "STAGE = 1\n"))
    in_stage = consumer(stage)
    pipeline.add_stage(stage)
    producer(app, layer_dir(tmp_path / "top", "TOP = 1\n"))
    top = consumer(app)
    Aspects.of(app).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)
    app.synth()
    report = __import__("json").loads((tmp_path / "out" / "layer-dependencies.json").read_text())
    assert [f["id"] for f in report["findings"]] == []
    assert sorted((c["function"], c["layers"][0]["status"]) for c in report["consumers"]) == [
        ("Consumer/Fn", "tracked"), ("Prod/Consumer/Fn", "tracked")]
    for stack in (top, in_stage):
        assert re.fullmatch(r"\[layer-sync [0-9a-f]{12}\]", only_function(stack)["Description"])


def test_add_to_app_covers_a_stage_where_the_release_has_property_injectors(tmp_path: Path) -> None:
    """aws-cdk-lib 2.196 and later: the Stage's consumer follows; older: StageNotCovered names why."""
    app = cdk.App(outdir=str(tmp_path / "out"))
    LayerDependencyAspect.add_to_app(app)
    stage = cdk.Stage(app, "Prod")
    layers = producer(stage, layer_dir(tmp_path))
    orders = consumer(stage)
    has_injectors = hasattr(cdk, "PropertyInjectors")
    if has_injectors:
        app.synth()
        assert re.fullmatch(r"\[layer-sync [0-9a-f]{12}\]", only_function(orders)["Description"])
        assert layers in orders.dependencies
    else:
        with pytest.raises(Exception, match=r"cdk-layer-sync:StageNotCovered[\s\S]*it covers Stages through property injectors"):
            app.synth()


# -- findings speak the app's language -------------------------------------------------------------------------------

def test_a_python_app_reads_its_fix_lines_in_python(tmp_path: Path) -> None:
    """The jsii runtime tells the library it runs for Python (JSII_AGENT): the acknowledgement line is Python."""
    app = cdk.App(outdir=str(tmp_path / "out"))
    orphan = consumer(app, "/nobody/makes/this", "Orphan")
    Aspects.of(app).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)
    app.synth()
    warnings = [str(w.entry.data) for w in Annotations.from_stack(orphan).find_warning("*", Match.any_value())]
    assert any('acknowledge_warning("cdk-layer-sync:UnhashedConsumer", reason)' in w for w in warnings), warnings
    assert not any("acknowledgeWarning(" in w for w in warnings), warnings


def test_fix_lines_name_python_methods_and_finding_levels_is_a_python_dict(tmp_path: Path) -> None:
    """A strong reference's fix names value_for_string_parameter; an uncovered Stage's, add_stage; levels by id."""
    app = cdk.App(outdir=str(tmp_path / "out"))
    layers = producer(app, layer_dir(tmp_path))
    direct = Stack(app, "Direct")
    lambda_.Function(direct, "Fn", runtime=lambda_.Runtime.PYTHON_3_13, handler="index.handler",
                     code=lambda_.Code.from_inline("def handler(e, c):\n    return 1\n"),
                     layers=[layers.node.find_child("Layer")])
    stage = cdk.Stage(app, "Prod")
    consumer(stage)
    aspect = LayerDependencyAspect(finding_levels={"cdk-layer-sync:StageNotCovered": FindingLevel.WARNING})
    Aspects.of(app).add(aspect, priority=AspectPriority.MUTATING)
    app.synth()
    report = __import__("json").loads((tmp_path / "out" / "layer-dependencies.json").read_text())
    messages = {f["id"]: f["message"] for f in report["findings"]}
    assert "ssm.StringParameter.value_for_string_parameter in the consumer" in messages["cdk-layer-sync:ExportedLayerArn"]
    assert "valueForStringParameter" not in messages["cdk-layer-sync:ExportedLayerArn"]
    # The level the dict set: a warning, so the synthesis above went on.
    assert [f["level"] for f in report["findings"] if f["id"] == "cdk-layer-sync:StageNotCovered"] == ["WARNING"]
    assert "add_stage()" in messages["cdk-layer-sync:StageNotCovered"]
    assert "addStage" not in messages["cdk-layer-sync:StageNotCovered"]
    assert "acknowledge_warning(" in messages["cdk-layer-sync:ExportedLayerArn"]
