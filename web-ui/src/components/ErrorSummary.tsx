import { Alert, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Every refusal of a submitted form at its top (Aksel's error summary), besides each field's own message. It takes the
 * focus when it appears, so a keyboard or screen-reader user learns at once that the form was refused and why.
 */
export function ErrorSummary({ messages }: { messages: string[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const text = messages.join('\n');
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (messages.length === 0) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" title={t.refused} role="alert">
      <List>{messages.map((m, i) => <List.Item key={`${i}-${m}`}>{m}</List.Item>)}</List>
    </Alert>
  );
}
