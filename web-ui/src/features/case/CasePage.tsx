import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { caseQueries } from './queries';
import { DateField } from '../../components/DateField';

type Case = components['schemas']['CaseResponse'];
type Change = components['schemas']['CaseChangeBody'];

/** A case: what it is about, its dialogue, a message added; taken, given a deadline, flagged, its status moved, closed. */
export default function CasePage() {
  const { t } = useI18n();
  const { caseNumber = '' } = useParams();
  const found = useQuery(caseQueries.detail(caseNumber));
  useTitle(`${t.case} ${caseNumber}`);
  if (found.isPending) return <Loader aria-label={t.loading} />;
  if (found.isError) {
    const e = found.error;
    return e instanceof ApiError && e.status === 404 ? <Alert color="red" title={t.caseNotFound}>{e.message}</Alert> : <Refusal error={e} />;
  }
  const c = found.data;
  return (
    <Stack>
      <div>
        <Title order={1}>{t.case} {c.caseNumber}: {c.title}</Title>
        <Text><Anchor component={Link} to="/cases">{t.cases}</Anchor></Text>
      </div>
      <Card withBorder>
        <dl className="facts">
          <dt>{t.status}</dt><dd data-testid="case-status">{t.caseStatus[c.status ?? ''] ?? c.status}</dd>
          <dt>{t.caseKind}</dt><dd>{t.caseKinds[c.kind ?? ''] ?? c.kind}</dd>
          <dt>{t.customer}</dt><dd>{c.customerNumber ? <Anchor component={Link} to={`/customers/${c.customerNumber}`}>{c.customerNumber}</Anchor> : '–'}</dd>
          <dt>{t.owner}</dt><dd data-testid="case-owner">{c.owner ?? t.nobody}</dd>
          <dt>{t.deadline}</dt><dd data-testid="case-deadline">{formatDate(c.deadline)}</dd>
          <dt>{t.flagForFollowUp}</dt><dd>{c.flagged ? t.yes : t.no}</dd>
          <dt>{t.openedBy}</dt><dd>{c.origin ?? '–'} · {formatDateTime(c.openedAt)}</dd>
          <dt>{t.description}</dt><dd>{c.description}</dd>
        </dl>
      </Card>
      <Card withBorder><Dialogue c={c} /></Card>
      <Card withBorder><Handle c={c} /></Card>
    </Stack>
  );
}

function Dialogue({ c }: { c: Case }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/cases/{caseNumber}/messages', {
      params: { path: { caseNumber: String(c.caseNumber) } }, body: { text },
    })),
    onSuccess: (updated) => { queryClient.setQueryData(caseQueries.detail(String(c.caseNumber)).queryKey, updated); void queryClient.invalidateQueries({ queryKey: caseQueries.all() }); setText(''); },
  });
  const errors = formErrors(add.error, ['text'], t.rules);
  const messages = c.messages ?? [];
  return (
    <section aria-labelledby="case-messages">
      <Title order={2} size="h4" id="case-messages">{t.messages}</Title>
      {messages.length === 0 ? <Text size="sm">{t.noMessages}</Text> : (
        <ol className="messages">
          {messages.map((m, i) => (
            <li key={`${m.at}-${i}`}><Text size="sm" c="dimmed">{formatDateTime(m.at)} · {m.author}</Text><Text>{m.text}</Text></li>
          ))}
        </ol>
      )}
      {c.status !== 'CLOSED' && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <Stack mt="sm">
            <ErrorSummary messages={errors.summary} />
            <Textarea label={t.newMessage} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.byField.text} autosize minRows={2} required />
            <Group><Button type="submit" loading={add.isPending}>{t.addMessage}</Button></Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

/** The case's status, owner, deadline and flag, sent with the version read (a change made meanwhile is refused, not lost). */
function Handle({ c }: { c: Case }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState(c.status ?? 'OPEN');
  const [deadline, setDeadline] = useState(c.deadline ?? '');
  const [flagged, setFlagged] = useState(Boolean(c.flagged));
  const change = useMutation({
    mutationFn: async (body: Change) => data(await api.PATCH('/api/v1/cases/{caseNumber}', {
      params: { path: { caseNumber: String(c.caseNumber) } }, body: { version: c.version, ...body },
    })),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseQueries.detail(String(c.caseNumber)).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: caseQueries.all() });
      setStatus(updated.status ?? 'OPEN');
      setDeadline(updated.deadline ?? '');
      setFlagged(Boolean(updated.flagged));
    },
    onError: (e) => {
      // someone changed it meanwhile: show what is stored now
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: caseQueries.detail(String(c.caseNumber)).queryKey });
    },
  });
  const errors = formErrors(change.error, ['status', 'deadline', 'owner', 'flagged'], t.rules);
  return (
    <section aria-labelledby="case-handle">
      <Title order={2} size="h4" id="case-handle">{t.handleCase}</Title>
      <Stack mt="xs">
        <ErrorSummary messages={errors.summary} />
        <Group>
          <Button variant="default" onClick={() => change.mutate({ owner: 'me' })} loading={change.isPending && change.variables?.owner === 'me'}>{t.takeCase}</Button>
          {c.status !== 'CLOSED' && (
            <Button color="red" variant="outline" onClick={() => change.mutate({ status: 'CLOSED' })}
              loading={change.isPending && change.variables?.status === 'CLOSED' && change.variables.deadline === undefined}>{t.closeCase}</Button>
          )}
        </Group>
        <form noValidate onSubmit={(e) => { e.preventDefault(); change.mutate({ status: status as Change['status'], deadline, flagged }); }}>
          <Group align="flex-end">
            <NativeSelect label={t.status} value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)} error={errors.byField.status}
              data={['OPEN', 'IN_PROGRESS', 'WAITING', 'CLOSED'].map((s) => ({ value: s, label: t.caseStatus[s] ?? s }))} />
            <DateField label={t.deadline} value={deadline} onChange={setDeadline} error={errors.byField.deadline} />
            <Checkbox label={t.flagForFollowUp} checked={flagged} onChange={(e) => setFlagged(e.currentTarget.checked)} mb={8} />
            <Button type="submit" loading={change.isPending && change.variables?.deadline !== undefined}>{t.save}</Button>
          </Group>
        </form>
      </Stack>
    </section>
  );
}
