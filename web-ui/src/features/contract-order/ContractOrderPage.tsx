import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data, openDocument } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { ExchangesTable } from '../elhub/ExchangesTable';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { workItemQueries } from '../elhub/queries';
import { statusColours } from './ContractOrdersPage';
import { STAGES, orderQueries } from './queries';

type Order = components['schemas']['OrderResponse'];

/**
 * One contract order as the seed's "Order – process executions": the stages with every step of the process log (code,
 * name, category, time, result, status, info codes with their texts), Elhub's start of supply, the consent attempts,
 * the documents and the comments; restart the consent of an order stopped on hold, or cancel an open one.
 */
export default function ContractOrderPage() {
  const { t } = useI18n();
  const { orderNumber = '' } = useParams();
  const order = useQuery(orderQueries.detail(orderNumber));
  useTitle(`${t.contractOrder} ${orderNumber}`);
  if (order.isPending) return <Loader aria-label={t.loading} />;
  if (order.isError) {
    const e = order.error;
    return e instanceof ApiError && e.status === 404 ? <Alert color="red" title={t.orderNotFound}>{e.message}</Alert> : <Refusal error={e} />;
  }
  const o = order.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t.contractOrder} {o.orderNumber}: {t.orderKinds[o.kind ?? ''] ?? o.kind}</Title>
        <Text><Anchor component={Link} to="/contract-orders">{t.contractOrders}</Anchor></Text>
      </div>
      {o.status === 'STOPPED' && <Alert color="red" title={t.orderStopped}><Text data-testid="stop-reason">{o.stopReason}</Text></Alert>}
      <Card withBorder><Facts o={o} /></Card>
      <Card withBorder><Stages o={o} /></Card>
      {o.supplyProcessId != null && <Card withBorder><StartOfSupply id={o.supplyProcessId} meteringPointId={o.meteringPointId ?? ''} /></Card>}
      <Card withBorder><Consents o={o} /></Card>
      <Card withBorder><Documents o={o} /></Card>
      <Card withBorder><Comments o={o} /></Card>
      {(o.status === 'IN_PROGRESS' || o.status === 'WAITING' || o.status === 'STOPPED') && <Card withBorder><Act o={o} /></Card>}
    </Stack>
  );
}

function Facts({ o }: { o: Order }) {
  const { t } = useI18n();
  const c = o.customer;
  return (
    <dl className="facts">
      <dt>{t.status}</dt>
      <dd><Badge variant="light" color={statusColours[o.status ?? ''] ?? 'gray'} c="dark" data-testid="order-status">{t.orderStatus[o.status ?? ''] ?? o.status}</Badge></dd>
      <dt>{t.orderStage}</dt><dd data-testid="order-stage">{t.stages[o.stage ?? ''] ?? o.stage}</dd>
      <dt>{t.customer}</dt>
      <dd>
        {o.customerNumber ? <Anchor component={Link} to={`/customers/${o.customerNumber}`}>{c?.name} ({o.customerNumber})</Anchor> : c?.name}
        {c?.nationalId && <> · {t.nationalId} <Text span ff="monospace" inherit>{c.nationalId}</Text></>}
        {c?.organisationNumber && <> · {t.organisationNumber} {c.organisationNumber}</>}
      </dd>
      {(c?.email || c?.mobile) && (<><dt>{t.contact}</dt><dd>{[c?.email, c?.mobile].filter(Boolean).join(' · ')}</dd></>)}
      <dt>{t.meteringPoint}</dt>
      <dd><Anchor component={Link} to={`/metering-points/${o.meteringPointId}`} ff="monospace">{o.meteringPointId}</Anchor></dd>
      <dt>{t.product}</dt><dd>{o.productCode}</dd>
      <dt>{t.startDate}</dt><dd>{formatDate(o.startDate)}</dd>
      <dt>{t.orderChannel}</dt><dd>{t.orderChannels[o.channel ?? ''] ?? o.channel}</dd>
      <dt>{t.consentFlow}</dt><dd>{t.consentFlows[o.consentFlow ?? ''] ?? o.consentFlow}</dd>
      <dt>{t.created}</dt><dd>{formatDateTime(o.createdAt)} · {o.createdBy}</dd>
      {o.contractNumber != null && (<><dt>{t.contract}</dt><dd data-testid="order-contract">{o.contractNumber}</dd></>)}
    </dl>
  );
}

/** The four stages, the current one marked, each with the steps of the process log taken in it. */
function Stages({ o }: { o: Order }) {
  const { t } = useI18n();
  const steps = o.steps ?? [];
  const current = STAGES.indexOf((o.stage ?? 'VALIDATE_AND_ADD') as (typeof STAGES)[number]);
  return (
    <section aria-labelledby="process-log">
      <Title order={2} size="h4" id="process-log">{t.processLog}</Title>
      <ol className="stage-list" aria-label={t.orderStages}>
        {STAGES.map((s, i) => (
          <li key={s} aria-current={i === current ? 'step' : undefined}>
            <Badge variant={i === current ? 'filled' : 'light'} color={i < current ? 'green' : i === current ? 'blue' : 'gray'}
              c={i === current ? undefined : 'dark'}>{i + 1}. {t.stages[s] ?? s}</Badge>
          </li>
        ))}
      </ol>
      {STAGES.map((s) => {
        const inStage = steps.filter((x) => x.stage === s);
        if (inStage.length === 0) return null;
        const id = `stage-${s}`;
        return (
          <section key={s} aria-labelledby={id}>
            <Title order={3} size="h5" id={id} mt="md">{t.stages[s] ?? s}</Title>
            <Table aria-labelledby={id}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.time}</Table.Th><Table.Th>{t.stepCode}</Table.Th><Table.Th>{t.stepName}</Table.Th>
                  <Table.Th>{t.stepCategory}</Table.Th><Table.Th>{t.stepResult}</Table.Th><Table.Th>{t.status}</Table.Th>
                  <Table.Th>{t.stepInfo}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inStage.map((x, i) => (
                  <Table.Tr key={`${x.code}-${i}`}>
                    <Table.Td>{formatDateTime(x.at)}</Table.Td>
                    <Table.Td><Text span ff="monospace" size="sm">{x.code}</Text></Table.Td>
                    <Table.Td>{x.name}</Table.Td>
                    <Table.Td>{x.category}</Table.Td>
                    <Table.Td>
                      <Text span size="sm" fw={700} c={x.result === 'ERROR' ? 'var(--mantine-color-error)' : undefined}>
                        {t.stepResults[x.result ?? ''] ?? x.result}
                      </Text>
                    </Table.Td>
                    <Table.Td>{x.status}</Table.Td>
                    <Table.Td>
                      {(x.info ?? []).map((info, j) => (
                        <Text key={j} size="sm"><Text span ff="monospace" inherit>{info.code}</Text>{info.text ? `: ${info.text}` : ''}</Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        );
      })}
    </section>
  );
}

/** What the Import stage asked of Elhub (BRS-NO-101/102/103), Elhub's answer, and on a rejection its code and what to do. */
function StartOfSupply({ id, meteringPointId }: { id: number; meteringPointId: string }) {
  const { t } = useI18n();
  const process = useQuery(orderQueries.supplyStart(id));
  const log = useQuery({ ...workItemQueries.exchanges(meteringPointId), refetchInterval: process.data?.status === 'SENT' ? 3000 : false });
  const p = process.data;
  // Elhub's reason reads "E59: what it means — what to do"; the part after the dash is the suggested action
  const [meaning, action] = (p?.reason ?? '').split(' — ');
  return (
    <section aria-labelledby="start-of-supply">
      <Title order={2} size="h4" id="start-of-supply">{t.startOfSupply}</Title>
      {process.isError && <Refusal error={process.error} />}
      {p && (
        <>
          <dl className="facts">
            <dt>{t.supplyProcess}</dt><dd>{p.brs} · {t.supplyKinds[p.kind ?? ''] ?? p.kind} · {formatDate(p.startDate)}</dd>
            <dt>{t.status}</dt><dd data-testid="supply-status">{t.supplyStatus[p.status ?? ''] ?? p.status}</dd>
            <dt>{t.elhubRequestId}</dt><dd><Text span ff="monospace" inherit>{p.requestId}</Text></dd>
            <dt>{t.requested}</dt><dd>{formatDateTime(p.requestedAt)} · {p.requestedBy}</dd>
            {p.sentAt && (<><dt>{t.sentToElhub}</dt><dd>{formatDateTime(p.sentAt)}</dd></>)}
            {p.confirmedAt && (<><dt>{t.confirmedByElhub}</dt><dd>{formatDateTime(p.confirmedAt)}</dd></>)}
            {p.notifiedAt && (<><dt>{t.notifiedByElhub}</dt><dd>{formatDateTime(p.notifiedAt)}</dd></>)}
          </dl>
          {p.reasonCode && (
            <Alert color={p.status === 'REJECTED' || p.status === 'FAILED' ? 'red' : 'yellow'} title={t.elhubAnswered(p.reasonCode)} mt="sm">
              <Text data-testid="supply-reason">{meaning}</Text>
              {action && <Text fw={700} data-testid="supply-action">{t.suggestedAction}: {action}</Text>}
            </Alert>
          )}
        </>
      )}
      <Title order={3} size="h5" mt="md" id="supply-exchanges">{t.elhubMessages}</Title>
      <ExchangesTable log={log} labelledBy="supply-exchanges" />
    </section>
  );
}

function Consents({ o }: { o: Order }) {
  const { t } = useI18n();
  const attempts = o.consents ?? [];
  return (
    <section aria-labelledby="consents">
      <Title order={2} size="h4" id="consents">{t.consentAttempts}</Title>
      {attempts.length === 0 && <Text size="sm">{t.noConsentAttempts}</Text>}
      {attempts.length > 0 && (
        <Table aria-labelledby="consents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.consentFlow}</Table.Th><Table.Th>{t.consentState}</Table.Th><Table.Th>{t.expires}</Table.Th>
              <Table.Th>{t.nextAttempt}</Table.Th><Table.Th>{t.consentReferences}</Table.Th><Table.Th>{t.outcome}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{t.consentFlows[c.flow ?? ''] ?? c.flow}</Table.Td>
                <Table.Td><Text span ff="monospace" size="sm">{c.state}</Text></Table.Td>
                <Table.Td>{formatDateTime(c.expiresAt)}</Table.Td>
                <Table.Td>{formatDateTime(c.nextAttemptAt)}</Table.Td>
                <Table.Td>
                  {c.elhubDocumentId && <Text size="sm">{t.elhubDocument}: <Text span ff="monospace" inherit>{c.elhubDocumentId}</Text></Text>}
                  {c.elhubRequestId && <Text size="sm">{t.elhubRequest}: <Text span ff="monospace" inherit>{c.elhubRequestId}</Text></Text>}
                  {c.signicatSessionId && <Text size="sm">{t.signingSession}: <Text span ff="monospace" inherit data-testid="signing-session">{c.signicatSessionId}</Text></Text>}
                  {c.grantId && <Text size="sm">{t.grant}: <Text span ff="monospace" inherit>{c.grantId}</Text> ({formatDateTime(c.grantValidTo)})</Text>}
                </Table.Td>
                <Table.Td>{c.outcome}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Documents({ o }: { o: Order }) {
  const { t } = useI18n();
  const [opening, setOpening] = useState<unknown>(null);
  const documents = o.documents ?? [];
  return (
    <section aria-labelledby="order-documents">
      <Title order={2} size="h4" id="order-documents">{t.documents}</Title>
      {opening != null && <Refusal error={opening} />}
      {documents.length === 0 && <Text size="sm">{t.noDocuments}</Text>}
      {documents.map((d) => (
        <Text key={d.id} size="sm">
          <Anchor component="button" type="button" onClick={() => { setOpening(null); if (d.href) openDocument(d.href).catch(setOpening); }}>{d.fileName}</Anchor>
          {' · '}{t.documentKinds[d.kind ?? ''] ?? d.kind} · {formatDateTime(d.createdAt)}
        </Text>
      ))}
    </section>
  );
}

function Comments({ o }: { o: Order }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/contract-orders/{orderNumber}/comments', {
      params: { path: { orderNumber: String(o.orderNumber) } }, body: { text },
    })),
    onSuccess: (updated) => {
      setText('');
      queryClient.setQueryData(orderQueries.detail(String(o.orderNumber)).queryKey, updated);
    },
  });
  const errors = formErrors(add.error, ['text'], t.rules);
  const comments = o.comments ?? [];
  return (
    <section aria-labelledby="order-comments">
      <Title order={2} size="h4" id="order-comments">{t.orderComments}</Title>
      {comments.length === 0 && <Text size="sm">{t.noOrderComments}</Text>}
      <ul className="plain-list" aria-labelledby="order-comments">
        {comments.map((c, i) => (
          <li key={i}><Text size="sm"><strong>{c.author}</strong> · {formatDateTime(c.at)}</Text><Text>{c.text}</Text></li>
        ))}
      </ul>
      <form noValidate onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <Stack mt="sm">
          <ErrorSummary messages={errors.summary} />
          <Textarea label={t.newOrderComment} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.byField.text}
            required autosize minRows={2} />
          <Group><Button type="submit" loading={add.isPending}>{t.addComment}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}

/** Restart the consent (a new attempt) of an order stopped on hold; cancel an open order with a reason. */
function Act({ o }: { o: Order }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const orderNumber = String(o.orderNumber);
  const onSuccess = (updated: Order) => {
    queryClient.setQueryData(orderQueries.detail(orderNumber).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: orderQueries.all() });
  };
  const restart = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/contract-orders/{orderNumber}/restart-consent', { params: { path: { orderNumber } } })),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/contract-orders/{orderNumber}/cancel', { params: { path: { orderNumber } }, body: { reason } })),
    onSuccess,
  });
  const errors = formErrors(cancel.error ?? restart.error, ['reason'], t.rules);
  const restartable = o.status === 'STOPPED' && o.stage === 'ON_HOLD';
  return (
    <section aria-labelledby="order-act">
      <Title order={2} size="h4" id="order-act">{t.handleOrder}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); restart.reset(); cancel.mutate(); }}>
        <Stack>
          <ErrorSummary messages={errors.summary} />
          {restartable && (
            <Group>
              <Button variant="default" loading={restart.isPending} onClick={() => { cancel.reset(); restart.mutate(); }}>{t.restartConsent}</Button>
              <Text size="sm" c="dimmed">{t.restartConsentHint}</Text>
            </Group>
          )}
          <Textarea label={t.cancelReason} description={t.cancelReasonHint} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.byField.reason} required autosize minRows={2} />
          <Group><Button type="submit" color="red" loading={cancel.isPending}>{t.cancelOrder}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}
