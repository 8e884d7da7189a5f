import { ApiError } from '../api/client';

/**
 * The API's refusal as form errors: each violation's message next to its field (the field named as the API names it,
 * e.g. "address.postcode"), and those that name no field of the form for the summary at the top.
 */
export function formErrors(error: unknown, fields: readonly string[]): { byField: Record<string, string>; summary: string[] } {
  if (!(error instanceof ApiError)) {
    return { byField: {}, summary: error ? [String((error as Error).message ?? error)] : [] };
  }
  const byField: Record<string, string> = {};
  const summary: string[] = [];
  for (const v of error.problem.violations ?? []) {
    const message = v.message ?? v.rule ?? 'invalid';
    if (v.field && fields.includes(v.field)) {
      byField[v.field] = byField[v.field] ? `${byField[v.field]}; ${message}` : message;
    } else {
      summary.push(message);
    }
  }
  if (Object.keys(byField).length === 0 && summary.length === 0) summary.push(error.message);
  return { byField, summary };
}

/** The roles that may do what a 403 refused (the API names them: rule role.missing), or none. */
export function rolesNeeded(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 403) return [];
  return error.problem.violations?.find((v) => v.rule === 'role.missing')?.roles ?? [];
}
