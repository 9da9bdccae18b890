// The main example in Go: CommonStack publishes a Python layer's version ARN in SSM; ChildStack's two functions
// import it by parameter name, each with a Live alias. The one line at the end makes them follow the layer.
package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-layer-sync/cdk-layer-sync-go/cdklayersync"
)

const parameter = "CommonModulesLayerVersionArn"

// The example's own sources, shared with examples/cross-stack-layers.
const sources = "../cross-stack-layers/functions/src"

// newCommonStack: the shared layer, and the SSM parameter holding its version ARN.
func newCommonStack(scope constructs.Construct, id string, layerDir string) awscdk.Stack {
	stack := awscdk.NewStack(scope, jsii.String(id), nil)
	layer := awslambda.NewLayerVersion(stack, jsii.String("SampleCommonModulesLayer"), &awslambda.LayerVersionProps{
		Code:                    awslambda.Code_FromAsset(jsii.String(layerDir), nil),
		CompatibleRuntimes:      &[]awslambda.Runtime{awslambda.Runtime_PYTHON_3_13()},
		CompatibleArchitectures: &[]awslambda.Architecture{awslambda.Architecture_ARM_64()},
		RemovalPolicy:           awscdk.RemovalPolicy_RETAIN,
	})
	awsssm.NewStringParameter(stack, jsii.String(parameter+"Parameter"), &awsssm.StringParameterProps{
		ParameterName: jsii.String(parameter),
		StringValue:   layer.LayerVersionArn(),
	})
	return stack
}

// newChildStack: functions that import the layer through SSM; nothing here knows about cdk-layer-sync.
func newChildStack(scope constructs.Construct, id string) awscdk.Stack {
	stack := awscdk.NewStack(scope, jsii.String(id), nil)
	arn := awsssm.StringParameter_FromStringParameterName(stack, jsii.String("CommonModulesLayerVersionArn"), jsii.String(parameter)).StringValue()
	common := awslambda.LayerVersion_FromLayerVersionArn(stack, jsii.String("CommonModulesLayer"), arn)
	snake := regexp.MustCompile(`([a-z])([A-Z])`)
	for _, name := range []string{"ChildHogeLambda", "ChildHugaLambda"} {
		fn := awslambda.NewFunction(stack, jsii.String(name+"Function"), &awslambda.FunctionProps{
			Code:         awslambda.Code_FromAsset(jsii.String(sources+"/"+strings.ToLower(snake.ReplaceAllString(name, "${1}_${2}"))), nil),
			Handler:      jsii.String("app.lambda_handler"),
			Runtime:      awslambda.Runtime_PYTHON_3_13(),
			Architecture: awslambda.Architecture_ARM_64(),
			Description:  jsii.String(fmt.Sprintf("%s of the sample service", name)),
			Timeout:      awscdk.Duration_Seconds(jsii.Number(29)),
			MemorySize:   jsii.Number(512),
			Layers:       &[]awslambda.ILayerVersion{common},
			CurrentVersionOptions: &awslambda.VersionOptions{
				RemovalPolicy: awscdk.RemovalPolicy_RETAIN,
			},
		})
		fn.AddAlias(jsii.String("Live"), nil)
	}
	return stack
}

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	layerDir := sources + "/lambda_layers/common_modules"
	if dir, ok := app.Node().TryGetContext(jsii.String("layerDir")).(string); ok && dir != "" {
		layerDir = dir
	}
	newCommonStack(app, "CommonStack", layerDir)
	newChildStack(app, "ChildStack")
	if fmt.Sprint(app.Node().TryGetContext(jsii.String("withOrphan"))) == "true" {
		// A function of a layer no stack of the app publishes: the aspect cannot follow it and says so.
		orphan := awscdk.NewStack(app, jsii.String("OrphanStack"), nil)
		awslambda.NewFunction(orphan, jsii.String("OrphanFunction"), &awslambda.FunctionProps{
			Code:    awslambda.Code_FromInline(jsii.String("def handler(event, context):\n    return 1\n")),
			Handler: jsii.String("index.handler"),
			Runtime: awslambda.Runtime_PYTHON_3_13(),
			Layers: &[]awslambda.ILayerVersion{awslambda.LayerVersion_FromLayerVersionArn(orphan, jsii.String("ToolsLayer"),
				awsssm.StringParameter_ValueForStringParameter(orphan, jsii.String("/other-team/layers/tools/arn"), nil))},
		})
	}
	// The one line.
	awscdk.Aspects_Of(app).Add(cdklayersync.NewLayerDependencyAspect(nil), &awscdk.AspectOptions{Priority: awscdk.AspectPriority_MUTATING()})
	app.Synth(nil)
}
