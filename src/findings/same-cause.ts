/**
 * One cause, one finding: when several functions of one stack get the same finding for the same layer source (one
 * layer object handed to a stack of eleven functions, say), the first function's warning explains it and lists the
 * others, and each other function's warning is one line pointing there. Each stays on its own function, so each can
 * still be acknowledged on its own.
 */

/** Appended to the first function's message: the other functions of its stack with the same source. */
export function sameCauseListing(stackPath: string, others: readonly string[]): string {
  return `The same holds for ${others.length} more function${others.length === 1 ? '' : 's'} of stack ${stackPath} `
    + `with this layer source (${others.join(', ')}): each gets a one-line warning pointing here, acknowledgeable on its own.`;
}

/** The message of every function after the first with the same finding for the same source, in one stack. */
export function sameCauseMessage(functionPath: string, source: string, firstPath: string): string {
  return `function ${functionPath} takes its layer from ${source}, as ${firstPath} does, and will not follow it `
    + `either: see the warning on ${firstPath} for why it matters and the fix.`;
}
