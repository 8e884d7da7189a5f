// One search box: what staff typed decides which criterion the API is asked for.

export type SearchQuery =
  | { kind: 'meteringPointId'; value: string }
  | { kind: 'nationalId'; value: string }
  | { kind: 'customerNumber'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'address'; value: string }
  | { kind: 'none' };

/**
 * 18 digits: a metering-point ID (GSRN). 11 digits: a national ID (searched by POST, never in a URL). 7 digits: a
 * customer number. 8 digits, or a +47/0047 number in any spacing: a phone. Something with @: an e-mail address.
 * 4 digits (a postcode), or letters with digits ("Storgata 12", "0150 Oslo"): an address — names have no digits.
 * Anything else of two letters or more: a name.
 */
export function classify(raw: string): SearchQuery {
  const text = raw.trim();
  if (text.length < 2) return { kind: 'none' };
  const digits = text.replace(/[\s.\-()]/g, '');
  if (/^\d{18}$/.test(digits)) return { kind: 'meteringPointId', value: digits };
  if (/^\d{11}$/.test(digits)) return { kind: 'nationalId', value: digits };
  if (/^\d{7}$/.test(digits)) return { kind: 'customerNumber', value: digits };
  if (/^(\+47|0047)?\d{8}$/.test(digits)) return { kind: 'phone', value: digits.replace(/^0047/, '+47') };
  if (text.includes('@')) return { kind: 'email', value: text };
  if (/^\d{4}$/.test(digits)) return { kind: 'address', value: digits };
  if (/^\d+$/.test(digits)) return { kind: 'none' };
  if (/\d/.test(text) && /\p{L}/u.test(text)) return { kind: 'address', value: text };
  return { kind: 'name', value: text };
}
