/**
 * The language of the app the library runs in, and the fix lines of findings written in it. jsii's runtimes tell
 * the Node.js process they start which language drives it: `JSII_AGENT` is `Python/3.11.7`, `Java/17.0.15`,
 * `DotNet/...`, or for Go the Go runtime's version, OS and architecture (`go1.26.8/linux/amd64`, as jsii-runtime-go
 * sets it); a TypeScript or JavaScript app has none.
 */
export type UserLanguage = 'typescript' | 'python' | 'java' | 'csharp' | 'go';

/** The language of the running app, from `JSII_AGENT`. */
export function userLanguage(agent: string | undefined = process.env.JSII_AGENT): UserLanguage {
  const name = (agent ?? '').split('/')[0].toLowerCase();
  if (/^go\d/.test(name)) {
    return 'go';
  }
  switch (name) {
    case 'python': return 'python';
    case 'java': return 'java';
    case 'dotnet': return 'csharp';
    case 'go': return 'go';
    default: return 'typescript';
  }
}

type Lines = Record<UserLanguage, string>;

function inUserLanguage(lines: Lines, language: UserLanguage = userLanguage()): string {
  return lines[language];
}

/** Acknowledge warning `id` on a scope (`reason` stands for the user's text). */
export function acknowledgeLine(id: string, language?: UserLanguage): string {
  return inUserLanguage({
    typescript: `Annotations.of(scope).acknowledgeWarning('${id}', reason)`,
    python: `Annotations.of(scope).acknowledge_warning("${id}", reason)`,
    java: `Annotations.of(scope).acknowledgeWarning("${id}", reason)`,
    csharp: `Annotations.Of(scope).AcknowledgeWarning("${id}", reason)`,
    go: `awscdk.Annotations_Of(scope).AcknowledgeWarning(jsii.String("${id}"), reason)`,
  }, language);
}

/** The aspect's line inside a Stage's constructor. */
export function stageLine(language?: UserLanguage): string {
  return inUserLanguage({
    typescript: 'Aspects.of(this).add(new LayerDependencyAspect(), { priority: AspectPriority.MUTATING })',
    python: 'Aspects.of(self).add(LayerDependencyAspect(), priority=AspectPriority.MUTATING)',
    java: 'Aspects.of(this).add(new LayerDependencyAspect(), AspectOptions.builder().priority(AspectPriority.MUTATING).build())',
    csharp: 'Aspects.Of(this).Add(new LayerDependencyAspect(), new AspectOptions { Priority = AspectPriority.MUTATING })',
    go: 'awscdk.Aspects_Of(stage).Add(cdklayersync.NewLayerDependencyAspect(nil), &awscdk.AspectOptions{Priority: awscdk.AspectPriority_MUTATING()})',
  }, language);
}

/** The one call for the whole app. */
export function addToAppLine(language?: UserLanguage): string {
  return inUserLanguage({
    typescript: 'LayerDependencyAspect.addToApp(app)',
    python: 'LayerDependencyAspect.add_to_app(app)',
    java: 'LayerDependencyAspect.addToApp(app)',
    csharp: 'LayerDependencyAspect.AddToApp(app)',
    go: 'cdklayersync.LayerDependencyAspect_AddToApp(app, nil)',
  }, language);
}

/** A LayerVersion's prop that keeps old versions. */
export function retainLayerLine(language?: UserLanguage): string {
  return inUserLanguage({
    typescript: 'removalPolicy: RemovalPolicy.RETAIN',
    python: 'removal_policy=RemovalPolicy.RETAIN',
    java: '.removalPolicy(RemovalPolicy.RETAIN)',
    csharp: 'RemovalPolicy = RemovalPolicy.RETAIN',
    go: 'RemovalPolicy: awscdk.RemovalPolicy_RETAIN',
  }, language);
}

/** The aspect's `findingLevels` prop that sets one finding's level, in the app's language. */
export function findingLevelLine(id: string, level: string, language?: UserLanguage): string {
  return inUserLanguage({
    typescript: `new LayerDependencyAspect({ findingLevels: { '${id}': FindingLevel.${level} } })`,
    python: `LayerDependencyAspect(finding_levels={"${id}": FindingLevel.${level}})`,
    java: `new LayerDependencyAspect(LayerDependencyAspectProps.builder().findingLevels(Map.of("${id}", FindingLevel.${level})).build())`,
    csharp: `new LayerDependencyAspect(new LayerDependencyAspectProps { FindingLevels = new Dictionary<string, FindingLevel> { ["${id}"] = FindingLevel.${level} } })`,
    go: `cdklayersync.NewLayerDependencyAspect(&cdklayersync.LayerDependencyAspectProps{FindingLevels: &map[string]cdklayersync.FindingLevel{"${id}": cdklayersync.FindingLevel_${level}}})`,
  }, language);
}

/**
 * A CDK method or property in the app's language: `addStage` is `add_stage` in Python, `AddStage` in C# and Go.
 * Static calls keep their class (`ssm.StringParameter.valueForStringParameter` in Python is
 * `ssm.StringParameter.value_for_string_parameter`).
 */
export function apiName(camel: string, language: UserLanguage = userLanguage()): string {
  const lastDot = camel.lastIndexOf('.');
  const [owner, member] = lastDot < 0 ? ['', camel] : [camel.slice(0, lastDot + 1), camel.slice(lastDot + 1)];
  switch (language) {
    case 'python': return owner + member.replace(/[A-Z]/g, letter => `_${letter.toLowerCase()}`);
    case 'csharp':
    case 'go': return owner + member.charAt(0).toUpperCase() + member.slice(1);
    default: return camel;
  }
}

/**
 * Where an acknowledgement of a warning works, as CDK applies it: on the construct, its stack or a Stage above it (the
 * App is left out on purpose).
 * CDK does not silence a warning acknowledged on the App (it does not for its own warnings either).
 */
export function acknowledgementAdvice(id: string, language?: UserLanguage): string {
  return `Or acknowledge it on this construct, its stack or its Stage: ${acknowledgeLine(id, language)}`;
}
