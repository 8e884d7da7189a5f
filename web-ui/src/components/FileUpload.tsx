import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formErrors } from '../lib/problem';
import { ErrorSummary } from './ErrorSummary';
import { Refusal } from './Refusal';

/**
 * A file sent to the API as it is (a bank file, a participant list): a labelled file field, the API's refusal next to
 * the field it names (or the role it needs), and what came of it, shown by the caller.
 */
export function FileUpload<T>({ headingId, heading, hint, label, accept, upload, onUploaded, children }: {
  headingId: string;
  heading: string;
  hint: string;
  label: string;
  accept: string;
  upload: (file: File) => Promise<T>;
  onUploaded?: (result: T) => void;
  children: (result: T) => ReactNode;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const sent = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(400, { violations: [{ field: 'file', rule: 'required', message: t.rules.required ?? 'required' }] });
      return upload(file);
    },
    onSuccess: (result) => onUploaded?.(result),
  });
  const errors = formErrors(sent.error, ['file'], t.rules);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>{heading}</Title>
      <Text size="sm" c="dimmed" mb="xs">{hint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); sent.mutate(); }}>
        <Stack>
          {sent.error instanceof ApiError && sent.error.status === 403
            ? <Refusal error={sent.error} /> : <ErrorSummary messages={errors.summary} />}
          <div>
            <label htmlFor={inputId} className="field-label">{label}</label>
            <input id={inputId} type="file" accept={accept} aria-invalid={errors.byField.file ? true : undefined}
              aria-describedby={errors.byField.file ? `${inputId}-error` : undefined}
              onChange={(e) => { sent.reset(); setFile(e.currentTarget.files?.[0] ?? null); }} />
            {errors.byField.file && <Text id={`${inputId}-error`} c="red.9" size="sm">{errors.byField.file}</Text>}
          </div>
          <Group><Button type="submit" loading={sent.isPending}>{t.importFile}</Button></Group>
        </Stack>
      </form>
      {sent.data !== undefined && children(sent.data)}
    </section>
  );
}
