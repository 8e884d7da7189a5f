import { ApiError } from '../api/client';

/**
 * The API's refusal as form errors: each violation's message next to its field (the field as the API names it, or for
 * an address part its rule, e.g. "address.postcode"), and every message in the summary at the top.
 */
export function formErrors(error: unknown, fields: readonly string[], rules: Record<string, string> = {}):
    { byField: Record<string, string>; summary: string[] } {
  if (!(error instanceof ApiError)) {
    return { byField: {}, summary: error ? [String((error as Error).message ?? error)] : [] };
  }
  const byField: Record<string, string> = {};
  const summary: string[] = [];
  for (const v of error.problem.violations ?? []) {
    // in the UI's language where we have the rule's text; else the API's own message
    const message = (v.rule && rules[v.rule]) ?? v.message ?? v.rule ?? '';
    // an address refusal names the whole address as its field and the part in its rule (address.postcode)
    const field = v.field && fields.includes(v.field) ? v.field : v.rule && fields.includes(v.rule) ? v.rule : undefined;
    if (field) {
      byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
    }
    // the summary at the top lists every refusal, those at a field too (Aksel: next to the field and summarised)
    summary.push(message);
  }
  if (summary.length === 0) summary.push(error.message);
  return { byField, summary };
}

/** The roles that may do what a 403 refused (the API names them: rule role.missing), or none. */
export function rolesNeeded(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 403) return [];
  return error.problem.violations?.find((v) => v.rule === 'role.missing')?.roles ?? [];
}
