import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { FileUpload } from './FileUpload';

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {},
    addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
});

function renderUpload(upload: (file: File) => Promise<{ rows: number }>, onUploaded = vi.fn()) {
  localStorage.setItem('kraft-cis.language', 'nb');
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <I18nProvider>
          <FileUpload<{ rows: number }> headingId="h" heading="Bankfil" hint="OCR eller camt.054" label="Fil" accept=".txt"
            upload={upload} onUploaded={onUploaded}>
            {(r) => <p role="status">{r.rows} rader</p>}
          </FileUpload>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return onUploaded;
}

describe('FileUpload', { timeout: 20_000 }, () => {
  it('refuses to send without a file and names the field, sending nothing', async () => {
    const upload = vi.fn();
    renderUpload(upload);
    await userEvent.click(screen.getByRole('button', { name: 'Les inn' }));
    const field = screen.getByLabelText('Fil');
    await screen.findAllByText('Må fylles ut.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Må fylles ut.');
    expect(upload).not.toHaveBeenCalled();
  });

  it('sends the chosen file and shows what came of it', async () => {
    const upload = vi.fn(async (file: File) => ({ rows: file.size }));   // 'a\nb\nc': 5 bytes
    const onUploaded = renderUpload(upload);
    await userEvent.upload(screen.getByLabelText('Fil'), new File(['a\nb\nc'], 'ocr.txt', { type: 'text/plain' }));
    await userEvent.click(screen.getByRole('button', { name: 'Les inn' }));
    expect((await screen.findByRole('status')).textContent).toBe('5 rader');
    expect(upload).toHaveBeenCalledOnce();
    expect(onUploaded).toHaveBeenCalledWith({ rows: 5 });
  });

  it("shows the API's refusal next to the field it names", async () => {
    renderUpload(async () => {
      throw new ApiError(400, { violations: [{ field: 'file', rule: 'paymentFile.format', message: 'line 3: not a record' }] });
    });
    await userEvent.upload(screen.getByLabelText('Fil'), new File(['x'], 'bad.txt', { type: 'text/plain' }));
    await userEvent.click(screen.getByRole('button', { name: 'Les inn' }));
    expect((await screen.findAllByText(/line 3: not a record/)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
