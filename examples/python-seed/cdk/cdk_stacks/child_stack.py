"""The child stack: functions that import the shared layer through SSM.

Nothing here knows about cdk-layer-sync: no layer hash is passed in, and the description is the team's own.
"""
import os

from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_ssm as ssm
from constructs import Construct

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


class ChildStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, layer_parameter_name: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # The layer version ARN, through SSM Parameter Store.
        common_modules_layer_version_arn = ssm.StringParameter.from_string_parameter_name(
            self, "CommonModulesLayerVersionArn", string_parameter_name=layer_parameter_name
        ).string_value
        common_modules_layer = lambda_.LayerVersion.from_layer_version_arn(
            self, "CommonModulesLayer", layer_version_arn=common_modules_layer_version_arn
        )

        for name, path in [
            ("ChildHogeLambda", "functions/src/child_hoge_lambda"),
            ("ChildHugaLambda", "functions/src/child_huga_lambda"),
        ]:
            function = lambda_.Function(
                self,
                f"{name}Function",
                code=lambda_.Code.from_asset(os.path.join(ROOT, path)),
                handler="app.lambda_handler",
                runtime=lambda_.Runtime.PYTHON_3_13,
                architecture=lambda_.Architecture.ARM_64,
                description=f"{name} of the sample service",
                tracing=lambda_.Tracing.ACTIVE,
                timeout=Duration.seconds(29),
                memory_size=512,
                layers=[common_modules_layer],
                current_version_options=lambda_.VersionOptions(removal_policy=RemovalPolicy.RETAIN),
            )
            function.add_alias("Live")
