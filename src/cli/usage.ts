/** The CLI's help text. */
export const USAGE = `Usage: cdk-layer-sync <command> [options]

Commands:
  fingerprint <dir> [--exclude GLOB]... [--follow-symlinks] [--no-cache]
      Print the fingerprint of a layer source directory. --no-cache hashes every byte, bypassing the
      persistent cache (CDK_LAYER_SYNC_CACHE_DIR, else $XDG_CACHE_HOME/cdk-layer-sync/fingerprints, else
      ~/.cache/cdk-layer-sync/fingerprints).

  registry add <lockfile> --parameter NAME --dir DIR [--account ID] [--region REGION]
               [--layer-name NAME] [--exclude GLOB]... [--follow-symlinks]
      Fingerprint DIR and add or update the entry for NAME in the lock file (created if missing), under a lock
      that other writers wait for. Options not given keep what the entry recorded; its other entries are kept.

  check [cdk.out] [--json] [--include-acknowledged]
      Read the layer-dependencies.json report of a synthesized cloud assembly (default: cdk.out), print
      every consumer's layers, and exit 1 when any consumer is not tracked, any registry entry is stale, or a
      tracked consumer's template in the assembly lacks the fingerprint the report says it carries. A consumer
      whose warning the app acknowledged is shown as acknowledged and not counted, unless --include-acknowledged.

  diff <before cdk.out> <after cdk.out> [<before> <after>]... [--json | --markdown] [--fail-on-not-following]
       [--include-acknowledged]
      Compare two syntheses (pairs of cloud assemblies, one pair per app): the layers whose fingerprint
      changed, the functions that move with them (version, aliases), and the consumers that will not follow.
      Exit 0 when it could compare; 1 with --fail-on-not-following when any consumer will not follow and its
      finding was not acknowledged (acknowledged ones are shown as such), or any at all with --include-acknowledged.

  graph [cdk.out]... [--lock FILE]... [--format mermaid|dot|json]
      Draw producers and consumers of one or more apps: an edge per layer, dashed where it is not followed
      (its label names the finding, and says when the app acknowledged it).

  audit [--region REGION] [--stack NAME]... [--assembly cdk.out] [--parameter NAME]... [--lock FILE]...
        [--json | --markdown] [--fail-on-stale] [--concurrency N]
      Read, and only read, what the account's functions run: for every function with layers, its $LATEST and
      every alias (each version a weighted alias routes to), the layer versions they run, and how far each is
      behind the current version: the value of the SSM parameter the app's report names (--assembly), given with
      --parameter or in a lock file's entry, else the newest version of that layer in the account. --stack limits
      it to stacks. Uses the AWS SDK for JavaScript v3 (an optional peer dependency) and its standard credentials.
      Exit 1 with --fail-on-stale when any row is behind.

\`cdk-layer-sync <command> --help\` prints one command's help; \`cdk-layer-sync --version\` the version.

Exit codes: 0 success, 1 check (or diff --fail-on-not-following, audit --fail-on-stale) found problems, 2 usage
or input error.
`;

/** The help of one command: its paragraph of `USAGE` (for `registry`, `registry add`), or undefined. */
export function commandHelp(command: string): string | undefined {
  const paragraphs = USAGE.split(/\n\n/);
  const own = paragraphs.find(p => new RegExp(`^ {2}${command}\\b`).test(p.replace(/^Commands:\n/, '')));
  return own ? `Usage: cdk-layer-sync ${own.replace(/^Commands:\n/, '').trim()}\n` : undefined;
}

/** The options (`--name`) the help lists for one command. */
export function commandOptions(command: string): string[] {
  return [...new Set([...(commandHelp(command) ?? '').matchAll(/--[a-z][a-z-]+/g)].map(m => m[0]).concat('--help'))];
}

/** The options the help of one command marks as repeatable (`[--exclude GLOB]...`). */
export function repeatableOptions(command: string): string[] {
  return [...(commandHelp(command) ?? '').matchAll(/\[(--[a-z][a-z-]+)[^\]]*\]\.\.\./g)].map(m => m[1]);
}

/** An error the CLI reports as is, with exit code 2. */
export class CliError extends Error {}
