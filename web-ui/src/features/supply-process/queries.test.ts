import { describe, expect, it } from 'vitest';
import { correctionsOf, isEnd } from './queries';

describe('the corrections a supply process allows', () => {
  it('an end is cancelled while requested, sent or confirmed, and rolled back only once confirmed', () => {
    expect(correctionsOf({ kind: 'MOVE_OUT', status: 'REQUESTED' })).toEqual({ cancel: true, rollback: false });
    expect(correctionsOf({ kind: 'TERMINATION', status: 'SENT' })).toEqual({ cancel: true, rollback: false });
    expect(correctionsOf({ kind: 'MOVE_OUT', status: 'CONFIRMED' })).toEqual({ cancel: true, rollback: true });
    expect(correctionsOf({ kind: 'MOVE_OUT', status: 'CANCELLED' })).toEqual({ cancel: false, rollback: false });
    expect(correctionsOf({ kind: 'TERMINATION', status: 'REJECTED' })).toEqual({ cancel: false, rollback: false });
  });

  it('a start is rolled back only after Elhub notified it (before that it is cancelled)', () => {
    expect(correctionsOf({ kind: 'CHANGE_OF_SUPPLIER', status: 'CONFIRMED' })).toEqual({ cancel: true, rollback: false });
    expect(correctionsOf({ kind: 'MOVE_IN', status: 'NOTIFIED' })).toEqual({ cancel: false, rollback: true });
    expect(correctionsOf({ kind: 'MOVE_IN', status: 'ROLLED_BACK' })).toEqual({ cancel: false, rollback: false });
  });

  it('tells ends (BRS-NO-201/202) from starts (101–104)', () => {
    expect(isEnd({ kind: 'MOVE_OUT' })).toBe(true);
    expect(isEnd({ kind: 'TERMINATION' })).toBe(true);
    expect(isEnd({ kind: 'FROM_SUPPLIER_OF_LAST_RESORT' })).toBe(false);
  });
});
