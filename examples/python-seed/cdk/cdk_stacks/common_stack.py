"""The parent stack: the shared layer, and an SSM parameter holding its version ARN."""
import os
from typing import Optional

from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_ssm as ssm
from constructs import Construct

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
COMMON_MODULES_PARAMETER = "CommonModulesLayerVersionArn"


class CommonStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, layer_source_dir: Optional[str] = None, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        project_prefix = self.node.try_get_context("project_prefix") or "Sample"

        # The layer directory is ready to ship (python/common_modules/...): no bundling, so synthesis runs offline.
        common_modules_layer = lambda_.LayerVersion(
            self,
            f"{project_prefix}CommonModulesLayer",
            code=lambda_.Code.from_asset(
                layer_source_dir or os.path.join(ROOT, "functions", "src", "lambda_layers", "common_modules")
            ),
            compatible_runtimes=[lambda_.Runtime.PYTHON_3_13],
            compatible_architectures=[lambda_.Architecture.ARM_64],
            # Functions in other stacks may roll back to the previous version: keep it.
            removal_policy=RemovalPolicy.RETAIN,
        )

        ssm.StringParameter(
            self,
            f"{COMMON_MODULES_PARAMETER}Parameter",
            parameter_name=COMMON_MODULES_PARAMETER,
            string_value=common_modules_layer.layer_version_arn,
        )
