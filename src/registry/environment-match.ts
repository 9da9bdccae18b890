/** Something registered for an (account, region) pair; either may be unknown (environment-agnostic). */
export interface EnvironmentScoped {
  readonly account?: string;
  readonly region?: string;
  readonly fingerprint: string;
}

/** The outcome of matching a consumer's environment against producers of one parameter name. */
export interface EnvironmentMatch<T extends EnvironmentScoped> {
  /** The producer that applies, when exactly one fingerprint does. */
  readonly match?: T;
  /** Producers that apply equally well with different fingerprints; empty unless ambiguous. */
  readonly ambiguous: T[];
}

function fieldScore(registered: string | undefined, wanted: string | undefined): number | undefined {
  if (registered === undefined || wanted === undefined) {
    return 0;
  }
  return registered === wanted ? 1 : undefined;
}

/**
 * Pick the producer of a parameter name that applies in the given environment.
 *
 * A known account or region must be equal on both sides; an unknown one (environment-agnostic stack, or
 * an entry without account/region) matches any. The most specific candidates win; among those, the ones
 * `preferred` accepts win when there are any (the consumer's own cloud assembly, say). When the winners
 * disagree on the fingerprint, the match is ambiguous.
 */
export function matchEnvironment<T extends EnvironmentScoped>(
  candidates: readonly T[], account?: string, region?: string, preferred?: (candidate: T) => boolean,
): EnvironmentMatch<T> {
  let best: T[] = [];
  let bestScore = -1;
  for (const candidate of candidates) {
    const accountScore = fieldScore(candidate.account, account);
    const regionScore = fieldScore(candidate.region, region);
    if (accountScore === undefined || regionScore === undefined) {
      continue;
    }
    const score = accountScore + regionScore;
    if (score > bestScore) {
      best = [candidate];
      bestScore = score;
    } else if (score === bestScore) {
      best.push(candidate);
    }
  }
  const favourite = preferred ? best.filter(preferred) : [];
  if (favourite.length > 0) {
    best = favourite;
  }
  const fingerprints = new Set(best.map(c => c.fingerprint));
  if (fingerprints.size === 1) {
    return { match: best[0], ambiguous: [] };
  }
  return { ambiguous: fingerprints.size > 1 ? best : [] };
}

/** True when a consumer in one environment may read a producer in the other: each known field equal. */
export function environmentsOverlap(a: { account?: string; region?: string }, b: { account?: string; region?: string }): boolean {
  return fieldScore(a.account, b.account) !== undefined && fieldScore(a.region, b.region) !== undefined;
}

/** `account/region` for reports and pictures; `any environment` when neither is known. */
export function environmentLabel(environment: { account?: string; region?: string }): string {
  return environment.account || environment.region
    ? `${environment.account ?? 'any account'}/${environment.region ?? 'any region'}`
    : 'any environment';
}
