import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatPeriod } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { useTitle } from '../../lib/useTitle';
import { referenceQueries } from './queries';
import { DateField } from '../../components/DateField';

type SegmentGroup = components['schemas']['SegmentGroupResponse'];
type Membership = components['schemas']['MembershipResponse'];

/**
 * Billing segments by group (derived ones kept by the system, manual ones by staff), and a metering point's
 * memberships (`?meteringPointId=`): direct or through its contract; add to a manual segment, end a membership, re-derive.
 */
export default function SegmentsPage() {
  const { t } = useI18n();
  useTitle(t.ref.segments);
  const groups = useQuery(referenceQueries.segmentGroups());
  return (
    <Stack>
      <Anchor component={Link} to="/admin" size="sm">{t.navReference}</Anchor>
      <Title order={1}>{t.ref.segments}</Title>
      <Card withBorder><SegmentGroups groups={groups.data} error={groups.error} /></Card>
      <Card withBorder><Memberships groups={groups.data ?? []} /></Card>
    </Stack>
  );
}

function SegmentGroups({ groups, error }: { groups: SegmentGroup[] | undefined; error: unknown }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="segment-groups">
      <Title order={2} size="h4" id="segment-groups">{t.ref.segmentGroups}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.segmentKindsHint}</Text>
      {error ? <Refusal error={error} /> : null}
      {groups && (
        <Table aria-labelledby="segment-groups">
          <Table.Thead>
            <Table.Tr><Table.Th>{t.ref.segmentGroup}</Table.Th><Table.Th>{t.ref.segment}</Table.Th><Table.Th>{t.name}</Table.Th><Table.Th>{t.ref.segmentKind}</Table.Th><Table.Th>{t.description}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.flatMap((g) => (g.segments ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{g.id} {g.name}</Table.Td>
                <Table.Td>{s.id}</Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td><Badge variant="light" c="dark" color={s.kind === 'DERIVED' ? 'gray' : 'blue'}>{t.ref.segmentKinds[s.kind ?? ''] ?? s.kind}</Badge></Table.Td>
                <Table.Td>{s.description}</Table.Td>
              </Table.Tr>
            )))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Memberships({ groups }: { groups: SegmentGroup[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const meteringPointId = params.get('meteringPointId') ?? '';
  const [typed, setTyped] = useState(meteringPointId);
  const [ending, setEnding] = useState<Membership | null>(null);
  const memberships = useQuery({ ...referenceQueries.memberships(meteringPointId), enabled: meteringPointId !== '' });
  const refresh = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/metering-points/{meteringPointId}/segments/refresh', { params: { path: { meteringPointId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceQueries.memberships(meteringPointId).queryKey }),
  });
  const lookupErrors = formErrors(memberships.error, ['meteringPointId'], t.rules);
  const manual = groups.flatMap((g) => (g.segments ?? []).filter((s) => s.kind === 'MANUAL'));
  return (
    <section aria-labelledby="memberships">
      <Title order={2} size="h4" id="memberships">{t.ref.memberships}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); refresh.reset(); setParams(typed.trim() ? { meteringPointId: typed.trim() } : {}); }}>
        <Group align="flex-start" mb="sm">
          <TextInput label={t.meteringPointId} inputMode="numeric" value={typed} onChange={(e) => setTyped(e.currentTarget.value)}
            error={memberships.isError && !(memberships.error instanceof ApiError && memberships.error.status === 403) ? lookupErrors.summary.join(' ') : undefined} miw={260} />
          <Button type="submit" mt={25} variant="default">{t.ref.showMemberships}</Button>
        </Group>
      </form>
      {memberships.isError && memberships.error instanceof ApiError && memberships.error.status === 403 && <Refusal error={memberships.error} />}
      {memberships.isSuccess && (
        <Stack>
          <Text size="sm">
            <Anchor component={Link} to={`/metering-points/${meteringPointId}`} ff="monospace">{meteringPointId}</Anchor>
          </Text>
          {memberships.data.length === 0 ? <Text size="sm">{t.ref.noMemberships}</Text> : (
            <Table aria-label={t.ref.membershipsOf(meteringPointId)}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t.ref.segment}</Table.Th><Table.Th>{t.ref.segmentKind}</Table.Th><Table.Th>{t.period}</Table.Th><Table.Th>{t.ref.via}</Table.Th><Table.Th><span className="visually-hidden">{t.actions}</span></Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {memberships.data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.segmentId} {m.segmentName}</Table.Td>
                    <Table.Td>{t.ref.segmentKinds[m.kind ?? ''] ?? m.kind}</Table.Td>
                    <Table.Td>{formatPeriod(m.validFrom, m.validTo, t.from)}</Table.Td>
                    <Table.Td>{t.ref.viaKinds[m.via ?? ''] ?? m.via}</Table.Td>
                    <Table.Td>
                      {m.kind === 'MANUAL' && (
                        <Button size="xs" variant="default" onClick={() => setEnding(m)}>{t.ref.endMembership(m.segmentName ?? '')}</Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" c="dimmed">{t.ref.membershipHistoryNote}</Text>
          <Group>
            <Button variant="default" loading={refresh.isPending} onClick={() => refresh.mutate()}>{t.ref.refresh}</Button>
          </Group>
          {refresh.isError && <Refusal error={refresh.error} />}
          {refresh.isSuccess && <Alert color="green" role="status">{refresh.data.changed ? t.ref.refreshed : t.ref.refreshedUnchanged}</Alert>}
          <AddMembership target={{ meteringPointId }} segments={manual} />
        </Stack>
      )}
      <AddMembership target={{ contract: true }} segments={manual} />
      <EndMembershipDialog membership={ending} meteringPointId={meteringPointId} onClose={() => setEnding(null)} />
    </section>
  );
}

type Segment = components['schemas']['SegmentResponse'];

/** Puts the metering point, or a contract (all its metering points), in a manual segment for a period. */
function AddMembership({ target, segments }: { target: { meteringPointId: string } | { contract: true }; segments: Segment[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const forContract = 'contract' in target;
  const [contractNumber, setContractNumber] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const add = useMutation({
    mutationFn: async () => {
      const body = { segmentId: segmentId ? Number(segmentId) : undefined, validFrom: validFrom || undefined, validTo: validTo || undefined };
      return forContract
        ? data(await api.POST('/api/v1/contracts/{contractNumber}/segments', { params: { path: { contractNumber: contractNumber.trim() } }, body }))
        : data(await api.POST('/api/v1/metering-points/{meteringPointId}/segments', { params: { path: { meteringPointId: target.meteringPointId } }, body }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...referenceQueries.all(), 'memberships'] }),
  });
  const errors = formErrors(add.error, ['contractNumber', 'segmentId', 'validFrom', 'validTo'], t.rules);
  const heading = forContract ? 'add-contract' : 'add-metering-point';
  return (
    <section aria-labelledby={heading}>
      <Title order={3} size="h5" id={heading} mt="md">{forContract ? t.ref.addContract : t.ref.addMeteringPoint}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
        <Stack gap="xs">
          {add.error instanceof ApiError && add.error.status === 403 ? <Refusal error={add.error} /> : <ErrorSummary messages={errors.summary} />}
          <Group align="flex-start">
            {forContract && (
              <TextInput label={t.ref.contractNumber} inputMode="numeric" required value={contractNumber}
                onChange={(e) => setContractNumber(e.currentTarget.value)} error={errors.byField.contractNumber} />
            )}
            <NativeSelect label={t.ref.manualSegment} required value={segmentId} onChange={(e) => setSegmentId(e.currentTarget.value)}
              data={[{ value: '', label: t.ref.chooseSegment }, ...segments.map((s) => ({ value: String(s.id), label: `${s.name} (${s.id})` }))]}
              error={errors.byField.segmentId} />
            <DateField label={t.fromDate} required value={validFrom} onChange={setValidFrom} error={errors.byField.validFrom} />
            <DateField label={t.ref.firstDayOutside} value={validTo} onChange={setValidTo} error={errors.byField.validTo} />
          </Group>
          <Group><Button type="submit" loading={add.isPending}>{t.ref.add}</Button></Group>
          {add.isSuccess && <Alert color="green" role="status">{t.ref.added(add.data.segmentName ?? '', formatPeriod(add.data.validFrom, add.data.validTo, t.from))}</Alert>}
        </Stack>
      </form>
    </section>
  );
}

function EndMembershipDialog({ membership, meteringPointId, onClose }: { membership: Membership | null; meteringPointId: string; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [validTo, setValidTo] = useState('');
  const end = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/segment-memberships/{membershipId}/end', {
      params: { path: { membershipId: membership?.id ?? 0 } }, body: { validTo: validTo || undefined },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referenceQueries.memberships(meteringPointId).queryKey });
      end.reset();
      onClose();
    },
  });
  useOnOpen(membership?.id, () => { end.reset(); setValidTo(''); });
  const forbidden = end.error instanceof ApiError && end.error.status === 403;
  const errors = formErrors(forbidden ? null : end.error, ['validTo'], t.rules);
  return (
    <FormDialog opened={membership !== null} onClose={onClose} title={t.ref.endMembership(membership?.segmentName ?? '')} submitLabel={t.ref.end}
      pending={end.isPending} errors={errors.summary} onSubmit={() => end.mutate()}>
      {forbidden && <Refusal error={end.error} />}
      <Text size="sm">{membership && formatPeriod(membership.validFrom, membership.validTo, t.from)}</Text>
      <DateField label={t.ref.firstDayOutside} required value={validTo} onChange={setValidTo}
        error={errors.byField.validTo} data-autofocus />
    </FormDialog>
  );
}
