import { Alert, Anchor, Button, Card, Code, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { ExchangesTable } from './ExchangesTable';
import { formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { workItemQueries } from './queries';

/** One work item: what happened, the request and Elhub's answer (personal data masked), retry or resolve with a comment. */
export default function WorkItemPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const item = useQuery(workItemQueries.detail(id));
  useTitle(`${t.workItem} ${id}`);
  if (item.isPending) return <Loader aria-label={t.loading} />;
  if (item.isError) {
    const e = item.error;
    return e instanceof ApiError && e.status === 404 ? <Alert color="red" title={t.workItemNotFound}>{e.message}</Alert> : <Refusal error={e} />;
  }
  const i = item.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t.workItem} {i.id}: {t.workItemKinds[i.kind ?? ''] ?? i.kind}</Title>
        <Text><Anchor component={Link} to="/elhub/work-items">{t.exceptionQueue}</Anchor></Text>
      </div>
      <Card withBorder>
        <dl className="facts">
          <dt>{t.status}</dt><dd data-testid="work-item-status">{t.workItemStatus[i.status ?? ''] ?? i.status}</dd>
          <dt>{t.created}</dt><dd>{formatDateTime(i.createdAt)}</dd>
          <dt>{t.meteringPoint}</dt>
          <dd>{i.meteringPoint ? <Anchor component={Link} to={`/metering-points/${i.meteringPoint}`} ff="monospace">{i.meteringPoint}</Anchor> : '–'}</dd>
          <dt>{t.summary}</dt><dd>{i.summary}</dd>
          {i.closedAt && (<><dt>{t.closed}</dt><dd>{formatDateTime(i.closedAt)} · {i.closedBy}</dd></>)}
          {i.comment && (<><dt>{t.comment}</dt><dd data-testid="work-item-comment">{i.comment}</dd></>)}
        </dl>
      </Card>
      <Card withBorder>
        <section aria-labelledby="work-item-request">
          <Title order={2} size="h4" id="work-item-request">{t.request}</Title>
          <Code block tabIndex={0}>{i.request ?? '–'}</Code>
        </section>
      </Card>
      <Card withBorder>
        <section aria-labelledby="work-item-response">
          <Title order={2} size="h4" id="work-item-response">{t.response}</Title>
          <Code block tabIndex={0}>{i.response ?? '–'}</Code>
        </section>
      </Card>
      {i.status === 'OPEN' && <Card withBorder><Act id={id} retryable={i.kind !== 'INTEGRATION_ERROR'} /></Card>}
      {i.meteringPoint && <Card withBorder><Exchanges meteringPointId={i.meteringPoint} /></Card>}
    </Stack>
  );
}

/** Retry (send again, or sync again from Elhub), or resolve with a comment saying what was done outside the system. */
function Act({ id, retryable }: { id: string; retryable: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: workItemQueries.all() });
  const path = { params: { path: { id: Number(id) } } };
  const retry = useMutation({ mutationFn: async () => data(await api.POST('/api/v1/elhub/work-items/{id}/retry', path)), onSuccess });
  const resolve = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/elhub/work-items/{id}/resolve', { ...path, body: { comment } })),
    onSuccess,
  });
  const errors = formErrors(resolve.error ?? retry.error, ['comment'], t.rules);
  return (
    <section aria-labelledby="work-item-act">
      <Title order={2} size="h4" id="work-item-act">{t.handle}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); retry.reset(); resolve.mutate(); }}>
        <Stack>
          <ErrorSummary messages={errors.summary} />
          {retryable && (
            <Group>
              <Button variant="default" loading={retry.isPending} onClick={() => { resolve.reset(); retry.mutate(); }}>{t.retry}</Button>
              <Text size="sm" c="dimmed">{t.retryHint}</Text>
            </Group>
          )}
          <Textarea label={t.resolveComment} description={t.resolveHint} value={comment} onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.byField.comment} required autosize minRows={2} />
          <Group><Button type="submit" loading={resolve.isPending}>{t.resolve}</Button></Group>
        </Stack>
      </form>
    </section>
  );
}

/** The metering point's integration log: what went to and came from Elhub, newest first (personal data masked). */
function Exchanges({ meteringPointId }: { meteringPointId: string }) {
  const { t } = useI18n();
  const log = useQuery(workItemQueries.exchanges(meteringPointId));
  return (
    <section aria-labelledby="exchanges">
      <Title order={2} size="h4" id="exchanges">{t.integrationLog}</Title>
      <ExchangesTable log={log} labelledBy="exchanges" />
    </section>
  );
}
