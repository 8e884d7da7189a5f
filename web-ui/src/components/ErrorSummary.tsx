import { Alert, List } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

/** What the API refused that belongs to no one field of the form, at the top of the form (Aksel's error summary). */
export function ErrorSummary({ messages }: { messages: string[] }) {
  const { t } = useI18n();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title={t.refused} role="alert">
      <List>{messages.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>
    </Alert>
  );
}
