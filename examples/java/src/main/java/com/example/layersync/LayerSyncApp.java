package com.example.layersync;

import io.github.cdklayersync.LayerDependencyAspect;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AspectOptions;
import software.amazon.awscdk.AspectPriority;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The main example in Java: CommonStack publishes a Python layer's version ARN in SSM; ChildStack's two functions
 * import it by parameter name, each with a Live alias. The one line at the end makes them follow the layer.
 */
public final class LayerSyncApp {
  static final String PARAMETER = "CommonModulesLayerVersionArn";
  /** The example's own sources, shared with examples/cross-stack-layers. */
  static final String SOURCES = "../cross-stack-layers/functions/src";

  /** The shared layer, and the SSM parameter holding its version ARN. */
  static final class CommonStack extends Stack {
    CommonStack(final Construct scope, final String id, final String layerDir) {
      super(scope, id);
      LayerVersion layer = LayerVersion.Builder.create(this, "SampleCommonModulesLayer")
          .code(Code.fromAsset(layerDir))
          .compatibleRuntimes(List.of(Runtime.PYTHON_3_13))
          .compatibleArchitectures(List.of(Architecture.ARM_64))
          .removalPolicy(RemovalPolicy.RETAIN)
          .build();
      StringParameter.Builder.create(this, PARAMETER + "Parameter")
          .parameterName(PARAMETER)
          .stringValue(layer.getLayerVersionArn())
          .build();
    }
  }

  /** Functions that import the layer through SSM; nothing here knows about cdk-layer-sync. */
  static final class ChildStack extends Stack {
    ChildStack(final Construct scope, final String id) {
      super(scope, id);
      String arn = StringParameter.fromStringParameterName(this, "CommonModulesLayerVersionArn", PARAMETER).getStringValue();
      ILayerVersion common = LayerVersion.fromLayerVersionArn(this, "CommonModulesLayer", arn);
      for (String name : List.of("ChildHogeLambda", "ChildHugaLambda")) {
        Function fn = Function.Builder.create(this, name + "Function")
            .code(Code.fromAsset(SOURCES + "/" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase()))
            .handler("app.lambda_handler")
            .runtime(Runtime.PYTHON_3_13)
            .architecture(Architecture.ARM_64)
            .description(name + " of the sample service")
            .timeout(Duration.seconds(29))
            .memorySize(512)
            .layers(List.of(common))
            .currentVersionOptions(VersionOptions.builder().removalPolicy(RemovalPolicy.RETAIN).build())
            .build();
        fn.addAlias("Live");
      }
    }
  }

  public static void main(final String[] args) {
    App app = new App();
    Object layerDir = app.getNode().tryGetContext("layerDir");
    new CommonStack(app, "CommonStack", layerDir != null ? layerDir.toString() : SOURCES + "/lambda_layers/common_modules");
    new ChildStack(app, "ChildStack");
    if ("true".equals(String.valueOf(app.getNode().tryGetContext("withOrphan")))) {
      // A function of a layer no stack of the app publishes: the aspect cannot follow it and says so.
      Stack orphan = new Stack(app, "OrphanStack");
      Function.Builder.create(orphan, "OrphanFunction")
          .code(Code.fromInline("def handler(event, context):\n    return 1\n"))
          .handler("index.handler")
          .runtime(Runtime.PYTHON_3_13)
          .layers(List.of(LayerVersion.fromLayerVersionArn(orphan, "ToolsLayer",
              StringParameter.valueForStringParameter(orphan, "/other-team/layers/tools/arn"))))
          .build();
    }
    Aspects.of(app).add(new LayerDependencyAspect(), AspectOptions.builder().priority(AspectPriority.MUTATING).build());
    app.synth();
  }
}
