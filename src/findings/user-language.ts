/**
 * The language of the app the library runs in, and the fix lines of findings written in it. jsii's runtimes tell
 * the Node.js process they start which language drives it: `JSII_AGENT` is `Python/3.11.7`, `Java/17.0.15`,
 * `DotNet/...` or `Go/...`; a TypeScript or JavaScript app has none.
 */
export type UserLanguage = 'typescript' | 'python' | 'java' | 'csharp' | 'go';

/** The language of the running app, from `JSII_AGENT`. */
export function userLanguage(agent: string | undefined = process.env.JSII_AGENT): UserLanguage {
  const name = (agent ?? '').split('/')[0].toLowerCase();
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

/** The aspect's prop that sets one finding's level, given in the app's language (`unsupportedCdkRelease`). */
export function levelPropLine(prop: string, level: string, language?: UserLanguage): string {
  const snake = prop.replace(/[A-Z]/g, letter => `_${letter.toLowerCase()}`);
  const pascal = `${prop[0].toUpperCase()}${prop.slice(1)}`;
  return inUserLanguage({
    typescript: `new LayerDependencyAspect({ ${prop}: FindingLevel.${level} })`,
    python: `LayerDependencyAspect(${snake}=FindingLevel.${level})`,
    java: `new LayerDependencyAspect(LayerDependencyAspectProps.builder().${prop}(FindingLevel.${level}).build())`,
    csharp: `new LayerDependencyAspect(new LayerDependencyAspectProps { ${pascal} = FindingLevel.${level} })`,
    go: `cdklayersync.NewLayerDependencyAspect(&cdklayersync.LayerDependencyAspectProps{${pascal}: cdklayersync.FindingLevel_${level}})`,
  }, language);
}
