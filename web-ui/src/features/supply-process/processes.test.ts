import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { nb } from '../../i18n/messages';
import { formErrors } from '../../lib/problem';
import { allowedActions, awaitingElhub, newestFirst, sendWindowRule, supplyEndBody, type SupplyProcess } from './processes';

const end = (status: SupplyProcess['status'], extra: Partial<SupplyProcess> = {}): SupplyProcess => ({ kind: 'MOVE_OUT', status, ...extra });
const start = (status: SupplyProcess['status']): SupplyProcess => ({ kind: 'CHANGE_OF_SUPPLIER', status });

describe('what may still be done with a supply process', () => {
  it('an end in progress is cancelled; once confirmed it may be cancelled or rolled back (Elhub knows which deadline passed)', () => {
    expect(allowedActions(end('REQUESTED'))).toEqual({ cancel: true, rollback: false });
    expect(allowedActions(end('SENT'))).toEqual({ cancel: true, rollback: false });
    expect(allowedActions(end('CONFIRMED'))).toEqual({ cancel: true, rollback: true });
    expect(allowedActions({ kind: 'TERMINATION', status: 'CONFIRMED' })).toEqual({ cancel: true, rollback: true });
  });

  it('a start is cancelled until Elhub notifies it, and rolled back only after', () => {
    expect(allowedActions(start('SENT'))).toEqual({ cancel: true, rollback: false });
    expect(allowedActions(start('CONFIRMED'))).toEqual({ cancel: true, rollback: false });
    expect(allowedActions(start('NOTIFIED'))).toEqual({ cancel: false, rollback: true });
  });

  it('nothing once it is closed or while Elhub answers a cancellation or rollback', () => {
    for (const status of ['REJECTED', 'FAILED', 'CANCELLING', 'CANCELLED', 'ROLLING_BACK', 'ROLLED_BACK'] as const) {
      expect(allowedActions(end(status))).toEqual({ cancel: false, rollback: false });
      expect(allowedActions(start(status))).toEqual({ cancel: false, rollback: false });
    }
  });
});

describe('which processes are followed', () => {
  it('those waiting for Elhub, not one held for its send window nor a closed one', () => {
    expect(awaitingElhub(end('REQUESTED'))).toBe(true);
    expect(awaitingElhub(end('REQUESTED', { sendFrom: '2026-03-20' }))).toBe(false);
    expect(awaitingElhub(end('SENT'))).toBe(true);
    expect(awaitingElhub(end('CANCELLING'))).toBe(true);
    expect(awaitingElhub(end('ROLLING_BACK'))).toBe(true);
    expect(awaitingElhub(end('CONFIRMED'))).toBe(false);
    expect(awaitingElhub(start('CONFIRMED'))).toBe(false);
    expect(awaitingElhub(end('CANCELLED'))).toBe(false);
  });

  it('starts and ends together, newest asked first', () => {
    const a = { id: 1, requestedAt: '2026-03-15T08:00:00Z' };
    const b = { id: 2, requestedAt: '2026-03-15T09:00:00Z' };
    const c = { id: 3, requestedAt: '2026-03-15T09:00:00Z' };
    expect(newestFirst([a, c, b]).map((p) => p.id)).toEqual([3, 2, 1]);
  });
});

describe('the send-window refusal', () => {
  const refused = (violation: NonNullable<ApiError['problem']['violations']>[number]) =>
    new ApiError(400, { title: 'Invalid request', violations: [violation] });
  const message = 'BRS-NO-201 for 2026-03-15 had to reach Elhub by 2026-03-14; the earliest end date possible now is 2026-03-16';

  it('is said in bokmål from the dates the API names in its params, at the date field and in the summary', () => {
    const error = refused({ field: 'endDate', rule: 'supplyEnd.sendWindow', message,
      params: { endDate: '2026-03-15', sendBy: '2026-03-14', earliest: '2026-03-16' } });
    const errors = formErrors(error, ['endDate'], { ...nb.rules, ...sendWindowRule(error, nb.sendWindowRefused) });
    const text = 'Forespørselen for 15.03.2026 måtte nå Elhub innen 14.03.2026. Tidligste mulige sluttdato nå er 16.03.2026.';
    expect(errors.byField.endDate).toBe(text);
    expect(errors.summary).toEqual([text]);
  });

  it('does not read the message: without params (or with one missing) the API\'s own message is shown', () => {
    for (const params of [undefined, { endDate: '2026-03-15', earliest: '2026-03-16' }]) {
      const error = refused({ field: 'endDate', rule: 'supplyEnd.sendWindow', message, params });
      expect(sendWindowRule(error, nb.sendWindowRefused)).toEqual({});
      expect(formErrors(error, ['endDate'], { ...nb.rules, ...sendWindowRule(error, nb.sendWindowRefused) }).byField.endDate)
        .toBe(message);
    }
  });

  it('leaves other refusals alone', () => {
    const error = refused({ field: 'meteringPointId', rule: 'supplyEnd.notOurs', message: 'we do not supply it' });
    expect(sendWindowRule(error, nb.sendWindowRefused)).toEqual({});
    expect(sendWindowRule(new Error('network'), nb.sendWindowRefused)).toEqual({});
  });
});

describe('the end-of-supply request', () => {
  const form = { kind: 'MOVE_OUT' as const, endDate: '2026-03-20', street: ' Nyveien 3B ', postcode: '5003', city: 'Bergen ' };

  it('a move-out with the new address, trimmed', () => {
    expect(supplyEndBody('707057500000000018', '1000001', form)).toEqual({
      kind: 'MOVE_OUT', meteringPointId: '707057500000000018', customerNumber: '1000001', endDate: '2026-03-20',
      newAddress: { street: 'Nyveien 3B', postcode: '5003', city: 'Bergen' },
    });
  });

  it('no address at all when none was typed, so the API names the missing address', () => {
    expect(supplyEndBody('p', '1', { ...form, street: '', postcode: ' ', city: '' }).newAddress).toBeUndefined();
  });

  it('a termination without an address (the customer\'s own), and an empty date not sent', () => {
    const body = supplyEndBody('p', '1', { ...form, kind: 'TERMINATION', endDate: '' });
    expect(body.newAddress).toBeUndefined();
    expect(body.endDate).toBeUndefined();
  });
});
