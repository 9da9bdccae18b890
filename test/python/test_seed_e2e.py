"""End to end on the write-up's own app, in Python: `cdk synth` twice with the real CLI, a layer change between."""
import re
from pathlib import Path

import pytest

from conftest import aws_cdk_lib_release, copy_seed, read_template, run_cdk, synthesized_with

MARKER = re.compile(r"\[layer-sync ([0-9a-f]{12})\]$")


def consumers(template: dict) -> dict:
    """Each function of a template with its description's marker, its Version's logical id and its alias's target."""
    resources = template["Resources"]
    views = {}
    for function_id, function in resources.items():
        if function["Type"] != "AWS::Lambda::Function":
            continue

        def mine(kind: str):
            return [(i, r) for i, r in resources.items() if r["Type"] == kind and r["Properties"].get("FunctionName") == {"Ref": function_id}]

        [(version_id, _)] = mine("AWS::Lambda::Version")
        [(_, alias)] = mine("AWS::Lambda::Alias")
        description = function["Properties"].get("Description", "")
        marker = MARKER.search(description)
        views[function_id] = {
            "description": description,
            "marker": marker.group(1) if marker else None,
            "version": version_id,
            "alias_target": alias["Properties"]["FunctionVersion"]["Fn::GetAtt"][0],
        }
    return views


def change_layer(seed: Path) -> None:
    module = seed / "functions" / "src" / "lambda_layers" / "common_modules" / "python" / "common_modules" / "module_b.py"
    module.write_text(module.read_text() + "\nTRIPLE = 3\n")


def synth(seed: Path, outdir: Path, **context: str) -> Path:
    result = run_cdk(["synth", "--quiet"], seed / "cdk", outdir, context)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cdk-layer-sync:" not in result.stderr, result.stderr
    return outdir


def test_both_consumers_their_versions_and_live_aliases_move_with_the_layer(tmp_path: Path) -> None:
    seed = copy_seed(tmp_path)
    before = consumers(read_template(synth(seed, tmp_path / "before"), "ChildStack"))
    change_layer(seed)
    after_dir = synth(seed, tmp_path / "after")
    after = consumers(read_template(after_dir, "ChildStack"))

    assert synthesized_with(after_dir) == aws_cdk_lib_release()
    assert sorted(after) == sorted(before) and len(after) == 2
    for function_id, now in after.items():
        old = before[function_id]
        # The team's own description is kept, the fingerprint follows it.
        assert now["description"].startswith(function_id[: function_id.index("Lambda") + len("Lambda")] + " of the sample service ")
        assert now["marker"] is not None and old["marker"] is not None
        assert now["marker"] != old["marker"]
        assert now["version"] != old["version"]
        assert now["alias_target"] == now["version"]


def test_without_the_aspect_nothing_in_child_stack_changes(tmp_path: Path) -> None:
    seed = copy_seed(tmp_path)
    before = synth(seed, tmp_path / "before", layerSync="off")
    change_layer(seed)
    after = synth(seed, tmp_path / "after", layerSync="off")

    # The layer did change (a new asset in CommonStack), and ChildStack did not: the bug the aspect fixes.
    assert read_template(after, "CommonStack") != read_template(before, "CommonStack")
    assert read_template(after, "ChildStack") == read_template(before, "ChildStack")
    assert all(view["marker"] is None for view in consumers(read_template(after, "ChildStack")).values())
