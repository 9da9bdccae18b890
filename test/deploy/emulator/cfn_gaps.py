"""What moto's CloudFormation lacks for a layer / function / version / alias deploy, filled one named gap at a time.

The deploy suite runs the real ``cdk`` CLI against moto server (pinned in ``requirements.txt``). Moto's Lambda, SSM,
S3 and IAM APIs are real enough; its CloudFormation engine is not: it drops properties, cannot update or replace
some resources, and decides "no changes" on names instead of values. Each ``GAP_*`` below fills one such gap and
nothing more, following the CloudFormation behaviour its docstring cites. ``test_cfn_gaps.py`` checks, for each gap,
that the pinned moto still has it (so a moto upgrade that fixes one tells you to drop the patch) and that the patch
gives the documented behaviour.

``apply()`` installs every patch; ``serve.py`` calls it before it starts the server.
"""
from __future__ import annotations

import copy
import re
from typing import Any, Callable

from moto.awslambda import models as lambda_models
from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation.exceptions import CloudFormationError, UnformattedGetAttTemplateException, ValidationError
from moto.core.common_models import CloudFormationModel
from moto.ssm import ssm_backends

#: Every gap by name, in the order ``apply()`` installs them.
GAPS: dict[str, Callable[[], None]] = {}


def gap(function: Callable[[], None]) -> Callable[[], None]:
    GAPS[function.__name__] = function
    return function


class ChangeSetNotFound(CloudFormationError):
    """CloudFormation's error for a change set that does not exist (DescribeChangeSet, ExecuteChangeSet)."""

    code = "ChangeSetNotFound"

    def __init__(self, name: str):
        super().__init__(f"ChangeSet [{name}] does not exist")


def _resolve_ssm(account_id: str, region: str, name: str, version: str | None = None) -> str:
    backend = ssm_backends[account_id][region]
    parameter = backend.get_parameter(f"{name}:{version}" if version else name)
    if parameter is None:
        # CloudFormation: "Unable to fetch parameters [name] from parameter store for this account."
        raise ValidationError(name, message=f"Unable to fetch parameters [{name}] from parameter store for this account.")
    return parameter.value


@gap
def GAP_LAYER_VERSION_REF() -> None:
    """1. ``Ref`` of an ``AWS::Lambda::LayerVersion`` returns the layer version ARN.

    CloudFormation: "When you pass the logical ID of this resource to the intrinsic Ref function, Ref returns the
    ARN of the layer version" (AWS::Lambda::LayerVersion, Return values). Moto returns the Python object's repr.
    Without a ``LayerName`` the layer is named after the resource's logical id, so a replacement publishes the next
    version of the same layer (CDK apps' layer ARNs read ``layer:<LogicalId>:<N>``); moto names it like a stack
    resource, with a random suffix, so every replacement makes a new layer at version 1. Every property of a
    LayerVersion requires replacement: an update publishes a new version (GAP_UPDATE_IN_DEPENDENCY_ORDER).
    """
    lambda_models.LayerVersion.physical_resource_id = property(lambda self: self.arn)  # type: ignore[attr-defined]
    original = lambda_models.LayerVersion.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        name = cloudformation_json["Properties"].get("LayerName") or kwargs.get("LogicalId") or resource_name
        layer = original(cls, name, cloudformation_json, account_id, region_name, **kwargs)
        layer.compatible_architectures = cloudformation_json["Properties"].get("CompatibleArchitectures", [])
        return layer

    lambda_models.LayerVersion.create_from_cloudformation_json = classmethod(create)  # type: ignore[assignment]


@gap
def GAP_FUNCTION_LAYERS() -> None:
    """2. ``AWS::Lambda::Function`` keeps its ``Layers`` and ``Architectures`` when it is created.

    CloudFormation passes every property of the resource to CreateFunction (AWS::Lambda::Function: Layers,
    Architectures). Moto copies a fixed list of properties that leaves both out.
    """
    original = lambda_models.LambdaFunction.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        function = original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        properties = cloudformation_json["Properties"]
        if properties.get("Layers"):
            function.layers = function._get_layers_data(properties["Layers"])
        if properties.get("Architectures"):
            function.architectures = properties["Architectures"]
        return function

    lambda_models.LambdaFunction.create_from_cloudformation_json = classmethod(create)  # type: ignore[assignment]


@gap
def GAP_VERSION_REF_AND_ATTRIBUTE() -> None:
    """3. ``AWS::Lambda::Version``: ``Ref`` is the version ARN, ``Fn::GetAtt Version`` the version number.

    CloudFormation (AWS::Lambda::Version, Return values): Ref returns "the ARN of the version"; GetAtt ``Version``
    returns "the version number". Moto keeps neither, so an alias cannot point at a version.
    """
    original = lambda_models.LambdaVersion.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def]
        version = original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        function_name = cloudformation_json["Properties"]["FunctionName"]
        function = lambda_models.lambda_backends[account_id][region_name].get_function(function_name)
        version.function_arn = function.function_arn
        version.version = str(version.version)
        return version

    lambda_models.LambdaVersion.create_from_cloudformation_json = classmethod(create)  # type: ignore[assignment]
    lambda_models.LambdaVersion.physical_resource_id = property(lambda self: f"{self.function_arn}:{self.version}")  # type: ignore[attr-defined]
    lambda_models.LambdaVersion.has_cfn_attr = classmethod(lambda cls, attr: attr == "Version")  # type: ignore[assignment]

    def get_cfn_attribute(self: Any, attribute_name: str) -> str:
        if attribute_name == "Version":
            return self.version
        raise UnformattedGetAttTemplateException()

    lambda_models.LambdaVersion.get_cfn_attribute = get_cfn_attribute  # type: ignore[assignment]


class CfnLambdaAlias(CloudFormationModel):
    """``AWS::Lambda::Alias`` through the Lambda backend's own CreateAlias / UpdateAlias / DeleteAlias."""

    # moto's model metaclass files a model under the service its module names.
    __module__ = "moto.awslambda.cfn_alias"

    def __init__(self, alias: Any, function_name: str, account_id: str, region: str):
        self.alias = alias
        self.function_name = function_name
        self.account_id = account_id
        self.region = region

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Lambda::Alias"

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @property
    def physical_resource_id(self) -> str:
        return self.alias.arn

    @staticmethod
    def _routing(properties: dict[str, Any]) -> Any:
        weights = (properties.get("RoutingConfig") or {}).get("AdditionalVersionWeights") or []
        return {"AdditionalVersionWeights": {w["FunctionVersion"]: float(w["FunctionWeight"]) for w in weights}} if weights else None

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):  # type: ignore[no-untyped-def,override]
        properties = cloudformation_json["Properties"]
        backend = lambda_models.lambda_backends[account_id][region_name]
        function_name = backend.get_function(properties["FunctionName"]).function_name
        alias = backend.create_alias(
            properties["Name"], function_name, str(properties["FunctionVersion"]),
            properties.get("Description", ""), cls._routing(properties),
        )
        return cls(alias, function_name, account_id, region_name)

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):  # type: ignore[no-untyped-def,override]
        properties = cloudformation_json["Properties"]
        backend = lambda_models.lambda_backends[account_id][region_name]
        backend.update_alias(
            properties["Name"], original_resource.function_name, str(properties["FunctionVersion"]),
            properties.get("Description", ""), cls._routing(properties),
        )
        return original_resource

    def delete(self, account_id: str, region: str) -> None:
        lambda_models.lambda_backends[account_id][region].delete_alias(self.alias.name, self.function_name)


@gap
def GAP_ALIAS() -> None:
    """4. ``AWS::Lambda::Alias`` is created, updated (its ``FunctionVersion`` and routing) and deleted.

    CloudFormation supports the resource (AWS::Lambda::Alias: Name and FunctionName require replacement,
    FunctionVersion and RoutingConfig update in place). Moto skips it with a warning.
    """
    parsing.get_model_map.cache_clear()
    if "AWS::Lambda::Alias" not in parsing.get_model_map():
        raise RuntimeError("could not register AWS::Lambda::Alias with moto")


#: Resource types whose every property requires replacement (CloudFormation resource reference, "Update requires").
REPLACED_ON_UPDATE = {"AWS::Lambda::LayerVersion", "AWS::Lambda::Version"}
_REF_IN_SUB = re.compile(r"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")


def _references(value: Any) -> set[str]:
    """Logical ids a template value refers to: Ref, Fn::GetAtt, and ${Name} in Fn::Sub."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                found.add(inner[0] if isinstance(inner, list) else inner.split(".")[0])
            elif key == "Fn::Sub":
                template = inner[0] if isinstance(inner, list) else inner
                found.update(_REF_IN_SUB.findall(template))
                found.update(_references(inner[1] if isinstance(inner, list) and len(inner) > 1 else None))
            else:
                found.update(_references(inner))
    elif isinstance(value, list):
        for inner in value:
            found.update(_references(inner))
    return found


def dependency_order(resources: dict[str, Any]) -> list[str]:
    """Logical ids such that each comes after every resource it refers to or depends on."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(logical_id: str) -> None:
        if logical_id in seen or logical_id not in resources:
            return
        seen.add(logical_id)
        body = resources[logical_id]
        depends = body.get("DependsOn", [])
        for dependency in sorted(_references(body.get("Properties", {})) | set([depends] if isinstance(depends, str) else depends)):
            visit(dependency)
        order.append(logical_id)

    for logical_id in resources:
        visit(logical_id)
    return order


#: While false, dynamic references and Fn::GetStackOutput stay as written (see _compared_properties).
_RESOLVE_OUTSIDE_REFERENCES = [True]


def _compared_properties(resource_map: Any, body: dict[str, Any]) -> Any:
    """A resource's properties as a stack update compares them: references within the stack and parameters resolved,
    dynamic references and other stacks' outputs as written. CloudFormation does not re-resolve those for a resource
    whose template did not change ("it doesn't update the resource unless its template changes"); it resolves them
    when it creates or updates the resource."""
    _RESOLVE_OUTSIDE_REFERENCES[0] = False
    try:
        return parsing.clean_json(copy.deepcopy(body.get("Properties", {})), resource_map)
    finally:
        _RESOLVE_OUTSIDE_REFERENCES[0] = True


def _retained(body: dict[str, Any], policy: str) -> bool:
    return body.get(policy) == "Retain" or body.get(policy) == "Snapshot"


@gap
def GAP_UPDATE_IN_DEPENDENCY_ORDER() -> None:
    """5, 6 and 9. A stack update applies each resource after those it refers to, decides on resolved values, and
    replaces what cannot be updated.

    CloudFormation "determines the order of resource updates from the dependencies in the template" (Update
    behaviors of stack resources), re-resolves every reference and SSM parameter-type parameter ("CloudFormation
    always fetches the latest values from Parameter Store when it updates stacks"), and updates every resource whose
    resolved properties changed: one that refers to a replaced resource is updated with the new physical id. A
    property marked "Update requires: Replacement" creates the new resource first and removes the old one in the
    cleanup phase, unless its UpdateReplacePolicy (or DeletionPolicy for a removed resource) is Retain.

    Moto runs every Add before every Modify, compares the raw template (so a changed parameter value or a replaced
    resource leaves its dependants untouched), and cannot replace a LayerVersion or a Version.
    """
    original_create = parsing.parse_and_create_resource

    def parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name):  # type: ignore[no-untyped-def]
        resource = original_create(logical_id, resource_json, resources_map, account_id, region_name)
        if resource is not None:
            applied = resources_map.__dict__.setdefault("_gap_applied", {})
            applied[logical_id] = _compared_properties(resources_map, resource_json)
        return resource

    parsing.parse_and_create_resource = parse_and_create_resource

    def update(self: Any, template: dict[str, Any], parameters: dict[str, Any] | None = None) -> None:
        old_resources = self._resource_json_map
        new_resources = template["Resources"]
        applied = self.__dict__.setdefault("_gap_applied", {})
        self._template = template
        if parameters:
            self.input_parameters = parameters
        self.load_mapping()
        self.load_parameters()
        self.load_conditions()
        self._resource_json_map = new_resources

        cleanup: list[tuple[Any, dict[str, Any]]] = []
        for logical_id in dependency_order(new_resources):
            body = new_resources[logical_id]
            if parsing.resource_class_from_type(body["Type"]) is None:
                continue
            condition = body.get("Condition")
            if condition and not self.lazy_condition_map[condition]:
                continue
            existing = self._parsed_resources.get(logical_id)
            if existing is None:
                _ = self[logical_id]
                continue
            resolved = _compared_properties(self, body)
            if resolved == applied.get(logical_id) and old_resources.get(logical_id, {}).get("Type") == body["Type"]:
                continue
            resource_class = parsing.resource_class_from_type(body["Type"])
            updatable = not hasattr(resource_class.update_from_cloudformation_json, "__isabstractmethod__")
            if body["Type"] in REPLACED_ON_UPDATE or not updatable:
                del self._parsed_resources[logical_id]
                _ = self[logical_id]
                if not _retained(old_resources.get(logical_id, {}), "UpdateReplacePolicy"):
                    cleanup.append((existing, old_resources.get(logical_id, body)))
            else:
                updated = parsing.parse_and_update_resource(logical_id, body, self, self._account_id, self._region_name)
                if updated is not None:
                    self._parsed_resources[logical_id] = updated
                applied[logical_id] = resolved

        for logical_id, body in old_resources.items():
            if logical_id not in new_resources and logical_id in self._parsed_resources:
                removed = self._parsed_resources.pop(logical_id)
                applied.pop(logical_id, None)
                if not _retained(body, "DeletionPolicy"):
                    cleanup.append((removed, body))
        for resource, body in cleanup:
            self._delete_resource(resource, body)

    parsing.ResourceMap.update = update  # type: ignore[assignment]

    def has_parameters(self: Any, other_parameters: dict[str, Any]) -> bool:
        return self.parameters == other_parameters and not _ssm_values_changed(self.resource_map)

    cfn_models.Stack.has_parameters = has_parameters  # type: ignore[assignment]

    original_diff = parsing.ResourceMap.build_resource_diff

    def build_resource_diff(self: Any, other_template: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        actions = original_diff(self, other_template, parameters)
        changed = _ssm_values_changed(self)
        for name, body in other_template["Resources"].items():
            if name in self._resource_json_map and name not in actions["Modify"] and _references(body) & changed:
                actions["Modify"].append(name)
        return actions

    parsing.ResourceMap.build_resource_diff = build_resource_diff  # type: ignore[assignment]


def _ssm_values_changed(resource_map: Any) -> set[str]:
    """SSM parameter-type parameters of a deployed stack whose value in Parameter Store changed since."""
    changed: set[str] = set()
    for name, slot in (resource_map._template.get("Parameters") or {}).items():
        if not str(slot.get("Type", "")).startswith("AWS::SSM::Parameter::"):
            continue
        parameter_name = resource_map.input_parameters.get(name, slot.get("Default"))
        if parameter_name is None or name not in resource_map.resolved_parameters:
            continue
        current = ssm_backends[resource_map._account_id][resource_map._region_name].get_parameter(parameter_name)
        if current is None or current.value != resource_map.resolved_parameters[name]:
            changed.add(name)
    return changed


@gap
def GAP_CHANGE_SET_BY_STACK() -> None:
    """7. A change set named without its ARN is looked up in the stack the request names.

    CloudFormation: DescribeChangeSet, ExecuteChangeSet and DeleteChangeSet take "the name or ARN of the change
    set"; with a name, StackName says whose. Moto searches every stack's change sets by name, so the CLI's
    ``cdk-deploy-change-set`` of one stack is found in another and the CLI waits forever for it to be deleted.
    """
    def by_stack(self: Any) -> str | None:
        name = self._get_param("ChangeSetName")
        stack = self._get_param("StackName")
        backend = self.cloudformation_backend
        if name in backend.change_sets:
            return name
        # The newest: CloudFormation removes a stack's change sets once one is executed; moto keeps them.
        for change_set_id, change_set in reversed(list(backend.change_sets.items())):
            if change_set.change_set_name == name and (not stack or stack in (change_set.stack_name, change_set.stack_id)):
                return change_set_id
        return None

    def found(self: Any) -> str:
        change_set_id = by_stack(self)
        if change_set_id is None:
            raise ChangeSetNotFound(self._get_param("ChangeSetName"))
        return change_set_id

    def describe_change_set(self: Any) -> Any:
        return cfn_responses.ActionResult(self.cloudformation_backend.describe_change_set(change_set_name=found(self)))

    def delete_change_set(self: Any) -> Any:
        # "The delete request is successful as long as the stack exists (even if the change set does not exist)."
        change_set_id = by_stack(self)
        if change_set_id is not None:
            self.cloudformation_backend.delete_change_set(change_set_name=change_set_id)
        return cfn_responses.EmptyResult()

    def execute_change_set(self: Any) -> Any:
        self.cloudformation_backend.execute_change_set(change_set_name=found(self), stack_name=self._get_param("StackName"))
        return cfn_responses.EmptyResult()

    cfn_responses.CloudFormationResponse.describe_change_set = describe_change_set  # type: ignore[assignment]
    cfn_responses.CloudFormationResponse.delete_change_set = delete_change_set  # type: ignore[assignment]
    cfn_responses.CloudFormationResponse.execute_change_set = execute_change_set  # type: ignore[assignment]


@gap
def GAP_PREVIOUS_SSM_PARAMETER_VALUE() -> None:
    """8. ``UsePreviousValue`` of an SSM parameter-type parameter reuses the parameter's name, not its value.

    CloudFormation stores the parameter's value (the SSM parameter name) and shows the value it read from Parameter
    Store as ``ResolvedValue`` (Stack Parameter data type). Moto stores the resolved value, so a later update reads
    the layer ARN as a parameter name and fails.
    """
    def stack_parameters(self: Any) -> dict[str, Any]:
        resource_map = self.resource_map
        values = dict(resource_map.resolved_parameters)
        for name, slot in (resource_map._template.get("Parameters") or {}).items():
            if str(slot.get("Type", "")).startswith("AWS::SSM::Parameter::"):
                values[name] = resource_map.input_parameters.get(name, slot.get("Default"))
        return values

    cfn_models.Stack.stack_parameters = property(stack_parameters)  # type: ignore[assignment]


@gap
def GAP_OUTPUTS_AFTER_CHANGE_SET() -> None:
    """Outputs and exports of a stack deployed by change set are those of the template it executed.

    CloudFormation's DescribeStacks lists the outputs of the stack's current template, and its exports become
    importable, however the stack was deployed. Moto builds them when a stack is created by CreateStack only: a
    stack made by a change set has no outputs, so weak references (Fn::GetStackOutput) and exports find nothing.
    """
    original = cfn_models.CloudFormationBackend.execute_change_set

    def execute_change_set(self: Any, change_set_name: str, stack_name: str | None = None) -> None:
        original(self, change_set_name, stack_name)
        change_set = self.change_sets.get(change_set_name) or next(
            c for c in self.change_sets.values() if c.change_set_name == change_set_name)
        stack = self.stacks[change_set.stack_id]
        stack._parse_template()
        stack.output_map = stack._create_output_map()
        for export in [e for e in self.exports.values() if e.exporting_stack_id == stack.stack_id]:
            del self.exports[export.name]
        for export in stack.exports:
            self.exports[export.name] = export

    cfn_models.CloudFormationBackend.execute_change_set = execute_change_set  # type: ignore[assignment]


_DYNAMIC_SSM = re.compile(r"\{\{resolve:ssm:([^:}]+)(?::(\d+))?\}\}")


@gap
def GAP_INTRINSICS() -> None:
    """10 and 11. ``{{resolve:ssm:NAME[:VERSION]}}`` and ``Fn::GetStackOutput`` are resolved.

    CloudFormation resolves a dynamic reference to an SSM String parameter "during stack create and update
    operations" (Using dynamic references), and ``Fn::GetStackOutput`` (CDK's weak references) to the named output of
    the named stack in the given region. Moto passes both through unresolved.
    """
    original = parsing.clean_json

    def clean_json(resource_json: Any, resources_map: Any) -> Any:
        if not _RESOLVE_OUTSIDE_REFERENCES[0] and (
                isinstance(resource_json, str) or (isinstance(resource_json, dict) and "Fn::GetStackOutput" in resource_json)):
            return resource_json if isinstance(resource_json, str) else copy.deepcopy(resource_json)
        if isinstance(resource_json, str) and "{{resolve:ssm:" in resource_json:
            return _DYNAMIC_SSM.sub(
                lambda m: _resolve_ssm(resources_map._account_id, resources_map._region_name, m.group(1), m.group(2)),
                resource_json,
            )
        if isinstance(resource_json, dict) and "Fn::GetStackOutput" in resource_json:
            spec = clean_json(resource_json["Fn::GetStackOutput"], resources_map)
            region = spec.get("Region") or resources_map._region_name
            backend = cfn_models.cloudformation_backends[resources_map._account_id][region]
            stack = backend.get_stack(spec["StackName"])
            for output in stack.outputs or []:
                if output["OutputKey"] == spec["OutputName"]:
                    return output["OutputValue"]
            raise ValidationError(spec["StackName"], message=f"Stack {spec['StackName']} has no output {spec['OutputName']}")
        return original(resource_json, resources_map)

    parsing.clean_json = clean_json


def apply() -> None:
    """Install every gap's patch, once."""
    if getattr(apply, "done", False):
        return
    for install in GAPS.values():
        install()
    apply.done = True  # type: ignore[attr-defined]
