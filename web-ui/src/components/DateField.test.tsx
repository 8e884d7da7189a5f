import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { DateField } from './DateField';

beforeAll(() => {
  // what jsdom lacks and Mantine asks for
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {},
    addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});

/** The field as a screen holds it: the ISO day in state, shown under the field. */
function Screen({ initial }: { initial: string }) {
  const [day, setDay] = useState(initial);
  return (
    <>
      <DateField label="Fra dato" value={day} onChange={setDay} />
      <output>{day || 'none'}</output>
    </>
  );
}

function renderField(initial = '', language: 'nb' | 'en' = 'nb') {
  localStorage.setItem('kraft-cis.language', language);
  render(<MantineProvider><I18nProvider><Screen initial={initial} /></I18nProvider></MantineProvider>);
  return screen.getByLabelText('Fra dato') as HTMLInputElement;
}

describe('DateField', { timeout: 20_000 }, () => {
  it('shows the ISO day the bokmål way and gives the typed day back as ISO', async () => {
    const field = renderField('2026-01-01');
    expect(field.value).toBe('01.01.2026');
    await userEvent.clear(field);
    await userEvent.type(field, '1.4.2026');
    expect(screen.getByRole('status').textContent).toBe('2026-04-01');
    await userEvent.tab();
    expect(field.value).toBe('01.04.2026');
  });

  it('in English writes 1 Apr 2026', () => {
    expect(renderField('2026-04-01', 'en').value).toBe('1 Apr 2026');
  });

  it('half-typed text changes nothing and is put back on leaving the field; emptied, the value is empty', async () => {
    const field = renderField('2026-01-01');
    await userEvent.clear(field);
    expect(screen.getByRole('status').textContent).toBe('none');
    await userEvent.type(field, '31.04.2026');   // no such day
    expect(screen.getByRole('status').textContent).toBe('none');
    await userEvent.tab();
    expect(field.value).toBe('');
  });
});
