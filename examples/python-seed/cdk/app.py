#!/usr/bin/env python3
"""The write-up's app: a parent stack with the shared layer, a child stack whose functions use it.

The write-up hashed the layer directory by hand (``create_layer_hash``) and passed the hashes to every
function (``layer_hashes``). Here one line does it for every function of the app.
"""
import aws_cdk as cdk
from aws_cdk import AspectPriority, Aspects

from cdk_layer_sync import LayerDependencyAspect
from cdk_stacks.child_stack import ChildStack
from cdk_stacks.common_stack import COMMON_MODULES_PARAMETER, CommonStack

app = cdk.App()

CommonStack(app, "CommonStack", layer_source_dir=app.node.try_get_context("layerSourceDir"))
ChildStack(app, "ChildStack", layer_parameter_name=COMMON_MODULES_PARAMETER)

# The one line. `-c layerSync=off` leaves it out, to show the bug it fixes.
if app.node.try_get_context("layerSync") != "off":
    Aspects.of(app).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)

app.synth()
