import { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate } from '../../lib/format';

export type SupplyProcess = components['schemas']['Process'];

const ENDS = ['MOVE_OUT', 'TERMINATION'];

/** An end of our supply (BRS-NO-201/202), not a start (101–104): each has its own cancel and rollback in the API. */
export function isEnd(p: SupplyProcess): boolean {
  return ENDS.includes(p.kind ?? '');
}

/**
 * What staff may still do with a process, as the API allows it: cancel one in progress (Elhub refuses after its
 * cancellation deadline, E47), roll back one past the deadline (BRS-NO-111 a notified start, 221 a confirmed end). A
 * confirmed end offers both: which deadline has passed is Elhub's to say (its values are not published).
 */
export function allowedActions(p: SupplyProcess): { cancel: boolean; rollback: boolean } {
  const status = p.status ?? '';
  return {
    cancel: ['REQUESTED', 'SENT', 'CONFIRMED'].includes(status),
    rollback: isEnd(p) ? status === 'CONFIRMED' : status === 'NOTIFIED',
  };
}

/**
 * Still waiting for something to happen (sent to Elhub, or its cancellation or rollback on the way): followed by
 * polling. A request held for its send window (sendFrom) waits days, not seconds: not followed.
 */
export function awaitingElhub(p: SupplyProcess): boolean {
  const status = p.status ?? '';
  if (status === 'REQUESTED') return !p.sendFrom;
  // a confirmed start waits for Elhub's notice after the cancellation deadline: days, not seconds
  return ['SENT', 'CANCELLING', 'ROLLING_BACK'].includes(status);
}

/** Newest first: the starts and the ends of a point together, by when they were asked (then by id). */
export function newestFirst(processes: SupplyProcess[]): SupplyProcess[] {
  return [...processes].sort((a, b) => (b.requestedAt ?? '').localeCompare(a.requestedAt ?? '') || (b.id ?? 0) - (a.id ?? 0));
}

/**
 * The send-window refusal (rule supplyEnd.sendWindow) in the UI's language, from the dates the API names in the
 * violation's params (ISO dates: endDate, sendBy — the day it had to reach Elhub —, earliest — the earliest end date
 * possible now). Without them nothing is replaced, and the API's own message is shown.
 */
export function sendWindowRule(error: unknown, text: (endDate: string, sendBy: string, earliest: string) => string):
    Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const p = error.problem.violations?.find((v) => v.rule === 'supplyEnd.sendWindow')?.params;
  return p?.endDate && p.sendBy && p.earliest
    ? { 'supplyEnd.sendWindow': text(formatDate(p.endDate), formatDate(p.sendBy), formatDate(p.earliest)) }
    : {};
}

export type SupplyEndForm = { kind: 'MOVE_OUT' | 'TERMINATION'; endDate: string; street: string; postcode: string; city: string };

/**
 * The request for an end of supply: a move-out carries the new address (where the final invoice goes) — none at all
 * when nothing was typed, so the API names the missing address rather than its parts; a termination goes with the
 * customer's own address.
 */
export function supplyEndBody(meteringPointId: string, customerNumber: string, form: SupplyEndForm):
    components['schemas']['SupplyEndBody'] {
  const address = { street: form.street.trim(), postcode: form.postcode.trim(), city: form.city.trim() };
  const typed = address.street !== '' || address.postcode !== '' || address.city !== '';
  return {
    kind: form.kind, meteringPointId, customerNumber, endDate: form.endDate || undefined,
    newAddress: form.kind === 'MOVE_OUT' && typed ? address : undefined,
  };
}
