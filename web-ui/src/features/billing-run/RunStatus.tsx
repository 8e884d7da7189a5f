import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';

const colours: Record<string, string> = { STARTED: 'blue', COMPLETED: 'green', FAILED: 'red', STOPPED: 'gray', INTERRUPTED: 'orange' };

/** A run's status in words, coloured (the word carries the meaning; the colour only helps). */
export function RunStatus({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  return <Badge color={colours[status ?? ''] ?? 'gray'} variant="light" c="dark">{t.runStatus[status ?? ''] ?? status}</Badge>;
}
