import { Alert, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import type { SupplyProcess } from './processes';

/** One supply process as the customer 360's dialog shows it once asked: what, its status, and Elhub's answer. */
export function ProcessFacts({ p }: { p: SupplyProcess }) {
  const { t } = useI18n();
  return (
    <>
      <dl className="facts">
        <dt>{t.supplyProcess}</dt><dd>{p.brs} · {t.supplyKinds[p.kind ?? ''] ?? p.kind} · {formatDate(p.startDate)}</dd>
        <dt>{t.status}</dt><dd data-testid="supply-status" aria-live="polite">{t.supplyStatus[p.status ?? ''] ?? p.status}</dd>
        <dt>{t.elhubRequestId}</dt><dd><Text span ff="monospace" inherit>{p.requestId}</Text></dd>
        <dt>{t.requested}</dt><dd>{formatDateTime(p.requestedAt)} · {p.requestedBy}</dd>
        {p.sendFrom && !p.sentAt && (<><dt>{t.sentToElhub}</dt><dd>{t.heldUntil(formatDate(p.sendFrom))}</dd></>)}
        {p.sentAt && (<><dt>{t.sentToElhub}</dt><dd>{formatDateTime(p.sentAt)}</dd></>)}
        {p.confirmedAt && (<><dt>{t.confirmedByElhub}</dt><dd>{formatDateTime(p.confirmedAt)}</dd></>)}
      </dl>
      <ElhubAnswer p={p} />
    </>
  );
}

/** Elhub's reason ("E47: what it means — what to do"), red on a rejection; nothing when Elhub gave none. */
export function ElhubAnswer({ p, compact = false }: { p: SupplyProcess; compact?: boolean }) {
  const { t } = useI18n();
  if (!p.reasonCode && !p.reason) return compact ? <>–</> : null;
  const refused = p.status === 'REJECTED' || p.status === 'FAILED';
  if (compact) {
    return <Text size="sm" c={refused ? 'red.9' : undefined}>{p.reasonCode ? `${p.reasonCode}: ` : ''}{p.reason}</Text>;
  }
  return (
    <Alert color={refused ? 'red' : 'yellow'} title={p.reasonCode ? t.elhubAnswered(p.reasonCode) : t.elhubAnswer} mt="sm">
      <Text data-testid="supply-reason">{p.reason}</Text>
    </Alert>
  );
}
