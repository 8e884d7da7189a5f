import { describe, expect, it } from 'vitest';
import { classify } from './classify';

describe('what the search box is asked', () => {
  it('knows a metering-point ID, a national ID and a customer number by their length', () => {
    expect(classify('707057500000000018')).toEqual({ kind: 'meteringPointId', value: '707057500000000018' });
    expect(classify('7070 5750 0000 0000 18')).toEqual({ kind: 'meteringPointId', value: '707057500000000018' });
    expect(classify('01017012345')).toEqual({ kind: 'nationalId', value: '01017012345' });
    expect(classify('010170 12345')).toEqual({ kind: 'nationalId', value: '01017012345' });
    expect(classify('1000001')).toEqual({ kind: 'customerNumber', value: '1000001' });
  });

  it('takes a phone number in any form', () => {
    expect(classify('912 34 567')).toEqual({ kind: 'phone', value: '91234567' });
    expect(classify('+47 912 34 567')).toEqual({ kind: 'phone', value: '+4791234567' });
    expect(classify('0047 91234567')).toEqual({ kind: 'phone', value: '+4791234567' });
    expect(classify('91-23-45-67')).toEqual({ kind: 'phone', value: '91234567' });
  });

  it('takes an e-mail address and a name', () => {
    expect(classify('kari@example.no')).toEqual({ kind: 'email', value: 'kari@example.no' });
    expect(classify(' Kari Nordmann ')).toEqual({ kind: 'name', value: 'Kari Nordmann' });
    expect(classify('Ødegård')).toEqual({ kind: 'name', value: 'Ødegård' });
  });

  it('takes an address: letters with digits, or a postcode alone', () => {
    expect(classify('Storgata 12')).toEqual({ kind: 'address', value: 'Storgata 12' });
    expect(classify('0150 Oslo')).toEqual({ kind: 'address', value: '0150 Oslo' });
    expect(classify('Kirkevegen 3B, Ålesund')).toEqual({ kind: 'address', value: 'Kirkevegen 3B, Ålesund' });
    expect(classify('0150')).toEqual({ kind: 'address', value: '0150' });
    expect(classify('Storgata')).toEqual({ kind: 'name', value: 'Storgata' });
  });

  it('asks nothing for a single character or a number of no known length', () => {
    expect(classify('K')).toEqual({ kind: 'none' });
    expect(classify('')).toEqual({ kind: 'none' });
    expect(classify('12345')).toEqual({ kind: 'none' });
  });
});
