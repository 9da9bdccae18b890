"""The cdk-nag pack from Python, with cdk-nag from PyPI: the major installed in this environment decides how it is used
(cdk-nag 2 on the floor environment, cdk-nag 3 on the newest)."""
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk import AspectPriority, Aspects
from aws_cdk.assertions import Annotations, Match

from cdk_layer_sync import LayerDependencyAspect
from test_api import consumer, layer_dir, producer

cdk_nag = pytest.importorskip("cdk_nag")
NAG_MAJOR = int(version("cdk-nag").split(".")[0])
OTHER = "/other-team/layers/tools/arn"


def with_aspect(app: cdk.App) -> None:
    Aspects.of(app).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)


def pack_messages(stack: cdk.Stack, kind: str) -> list:
    find = Annotations.from_stack(stack).find_error if kind == "error" else Annotations.from_stack(stack).find_warning
    return sorted(str(a.entry.data).split(" ")[0].rstrip(":") for a in find("*", Match.string_like_regexp("LayerSync-")))


def test_without_cdk_nag_imported_the_pack_says_what_to_do() -> None:
    # jsii loads a package's JavaScript only when Python imports it: a fresh interpreter that never imports cdk_nag.
    probe = subprocess.run([sys.executable, "-c", "from cdk_layer_sync import LayerSyncChecks\nLayerSyncChecks()"],
                           capture_output=True, text=True)
    assert probe.returncode != 0
    assert "LayerSyncChecks needs cdk-nag, which is not installed" in probe.stderr
    assert "import cdk_nag" in probe.stderr


@pytest.mark.skipif(NAG_MAJOR != 2, reason="cdk-nag 2 runs packs as Aspects")
class TestCdkNag2:
    def test_an_orphan_consumer_is_reported_and_suppressed_by_parameter(self, tmp_path: Path) -> None:
        from cdk_layer_sync import LayerSyncChecks

        for suppress in (False, True):
            app = cdk.App(outdir=str(tmp_path / f"out-{suppress}"))
            with_aspect(app)
            stack = consumer(app, OTHER, "Orphan")
            if suppress:
                cdk_nag.NagSuppressions.add_stack_suppressions(stack, [cdk_nag.NagPackSuppression(
                    id="LayerSync-UnhashedConsumer", reason="owned by the tools team", applies_to=[f"Parameter::{OTHER}"])])
            Aspects.of(app).add(LayerSyncChecks())
            app.synth()
            expected = [] if suppress else [f"LayerSync-UnhashedConsumer[Parameter::{OTHER}]"]
            assert pack_messages(stack, "warning") == expected

    def test_a_followable_consumer_fails_without_the_aspect_and_passes_with_it(self, tmp_path: Path) -> None:
        from cdk_layer_sync import LayerSyncChecks

        for aspect in (False, True):
            app = cdk.App(outdir=str(tmp_path / f"out-{aspect}"))
            if aspect:
                with_aspect(app)
            producer(app, layer_dir(tmp_path))
            stack = consumer(app)
            Aspects.of(app).add(LayerSyncChecks())
            app.synth()
            assert pack_messages(stack, "error") == ([] if aspect else ["LayerSync-ConsumerNotFollowing"])


@pytest.mark.skipif(NAG_MAJOR != 3, reason="cdk-nag 3 runs packs as validation plugins")
class TestCdkNag3:
    def test_an_orphan_consumer_fails_synthesis_until_acknowledged(self, tmp_path: Path) -> None:
        from cdk_layer_sync import LayerSyncChecks

        app = cdk.App(outdir=str(tmp_path / "out"))
        with_aspect(app)
        consumer(app, OTHER, "Orphan")
        cdk.Validations.of(app).add_plugins(LayerSyncChecks(app))
        with pytest.raises(Exception, match=r"LayerSync-UnhashedConsumer\[Parameter::/other-team/layers/tools/arn\]"):
            app.synth()

        app = cdk.App(outdir=str(tmp_path / "out-ack"))
        with_aspect(app)
        consumer(app, OTHER, "Orphan")
        cdk.Validations.of(app).add_plugins(LayerSyncChecks(app))
        cdk.Validations.of(app).acknowledge(cdk.Acknowledgment(id=f"LayerSync-UnhashedConsumer[Parameter::{OTHER}]", reason="owned by the tools team"))
        app.synth()

    def test_a_followable_consumer_fails_without_the_aspect_and_passes_with_it(self, tmp_path: Path) -> None:
        from cdk_layer_sync import LayerSyncChecks

        app = cdk.App(outdir=str(tmp_path / "out"))
        producer(app, layer_dir(tmp_path))
        consumer(app)
        cdk.Validations.of(app).add_plugins(LayerSyncChecks(app))
        with pytest.raises(Exception, match="LayerSync-ConsumerNotFollowing"):
            app.synth()

        app = cdk.App(outdir=str(tmp_path / "out-aspect"))
        with_aspect(app)
        producer(app, layer_dir(tmp_path))
        consumer(app)
        cdk.Validations.of(app).add_plugins(LayerSyncChecks(app))
        app.synth()
