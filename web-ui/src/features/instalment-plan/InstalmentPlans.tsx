import { Alert, Badge, Button, Checkbox, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data, openDocument } from '../../api/client';
import type { components } from '../../api/schema';
import { DateField } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatKroner } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { customerQueries } from '../customer/queries';
import { planQueries } from './queries';
import { refusalText } from './refusals';

type Plan = components['schemas']['InstalmentPlanResponse'];

/**
 * Instalment plans (avdragsordning) on the customer 360: the plan the customer may get today (which overdue invoices,
 * the choices of how many instalments, the first due date as agreed — or each refusal's rule and reason), a plan made,
 * and every plan with its instalments — KID, due date, amount, what is paid — its confirmation to the customer (the
 * letter with the KIDs), and a running one cancelled.
 */
export function InstalmentPlans({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const plans = useQuery(planQueries.plans(customerNumber));
  const running = (plans.data ?? []).some((p) => p.status === 'ACTIVE');
  return (
    <section aria-labelledby="instalment-plan">
      <Title order={2} size="h4" id="instalment-plan">{t.instalmentPlan}</Title>
      {plans.isError && <Refusal error={plans.error} />}
      {plans.isSuccess && !running && <Offer customerNumber={customerNumber} />}
      {(plans.data ?? []).map((p) => <PlanView key={p.planId} plan={p} customerNumber={customerNumber} />)}
    </section>
  );
}

/** What plan the customer may get: the choices, or why none. */
function Offer({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const options = useQuery(planQueries.options(customerNumber));
  // the invoices left out (all are in the plan unless staff and the customer agree otherwise)
  const [left, setLeft] = useState<number[]>([]);
  const all = options.data?.invoiceNumbers ?? [];
  const chosen = all.filter((n) => !left.includes(n));
  const subset = left.length > 0 && chosen.length > 0 ? chosen : undefined;
  const narrowed = useQuery({ ...planQueries.options(customerNumber, subset), enabled: subset !== undefined });
  const [count, setCount] = useState('');
  const [firstDue, setFirstDue] = useState('');
  const create = useMutation({
    mutationFn: async (instalments: number) => data(await api.POST('/api/v1/customers/{customerNumber}/instalment-plans', {
      params: { path: { customerNumber } },
      body: { instalments, ...(subset ? { invoiceNumbers: subset } : {}), ...(firstDue ? { firstDueDate: firstDue } : {}) },
    })),
    // the plan changes the ledger (the invoices are in it) and the dunning (held while it runs)
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) }),
  });
  if (options.isError) return <Refusal error={options.error} />;
  if (!options.isSuccess) return null;
  const o = subset && narrowed.isSuccess ? narrowed.data : options.data;
  if (!options.data.available) {
    return (
      <Alert color="gray" title={t.planNotPossible} data-testid="plan-refusals">
        <List>{(options.data.refusals ?? []).map((r) => <List.Item key={r.rule}>{refusalText(t.rules, r)} ({r.rule})</List.Item>)}</List>
      </Alert>
    );
  }
  const choices = o.choices ?? [];
  const instalments = choices.some((c) => String(c.instalments) === count) ? count : String(choices[0]?.instalments ?? '');
  const errors = formErrors(create.error, ['instalments', 'invoiceNumbers', 'firstDueDate'], t.rules);
  return (
    <form noValidate aria-labelledby="plan-offer" onSubmit={(e) => { e.preventDefault(); create.mutate(Number(instalments)); }}>
      <Stack gap="xs">
        <Text id="plan-offer" size="sm">{t.planOffer(formatKroner(o.amount), (o.invoiceNumbers ?? []).join(', '), formatDate(o.firstDueDate))}</Text>
        <ErrorSummary messages={errors.summary} />
        {all.length > 1 && (
          <Checkbox.Group label={t.planInvoices} value={chosen.map(String)} error={errors.byField.invoiceNumbers}
            onChange={(v) => { if (v.length > 0) setLeft(all.filter((n) => !v.includes(String(n)))); }}>
            <Group mt={4}>{all.map((n) => <Checkbox key={n} value={String(n)} label={`${t.invoice} ${n}`} />)}</Group>
          </Checkbox.Group>
        )}
        <Group align="flex-end">
          <NativeSelect label={t.planInstalments} value={instalments} onChange={(e) => setCount(e.currentTarget.value)} error={errors.byField.instalments}
            data={choices.map((c) => ({ value: String(c.instalments), label: t.planChoice(c.instalments ?? 0, formatKroner(c.instalment), formatKroner(c.lastInstalment)) }))} />
          <DateField label={t.planFirstDue} description={t.planFirstDueHint(formatDate(o.firstDueDate), formatDate(o.latestFirstDueDate))}
            value={firstDue} onChange={setFirstDue} error={errors.byField.firstDueDate} />
          <Button type="submit" loading={create.isPending}>{t.createPlan}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One plan: its invoices and instalments, and cancel while it runs. */
function PlanView({ plan, customerNumber }: { plan: Plan; customerNumber: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/instalment-plans/{planId}/cancel', {
      params: { path: { planId: String(plan.planId) } }, body: reason.trim() ? { reason: reason.trim() } : {},
    })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) }),
  });
  const status = t.planStatuses[plan.status ?? ''] ?? plan.status ?? '';
  const errors = formErrors(cancel.error, ['reason'], t.rules);
  const headingId = `plan-${plan.planId}`;
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5" id={headingId}>{t.planHeading(plan.planId ?? 0, status, formatDate(plan.agreedOn))}</Title>
      <Text size="sm" data-testid="plan-summary">
        {t.planSummary(formatKroner(plan.amount), formatKroner(plan.paid), formatKroner(plan.remaining))}
        {' · '}{t.invoice} {(plan.invoices ?? []).map((i) => i.invoiceNumber).join(', ')}
        {plan.endedOn ? ` · ${formatDate(plan.endedOn)}${plan.endReason ? `: ${plan.endReason}` : ''}` : ''}
      </Text>
      <Confirmation planId={plan.planId ?? 0} customerNumber={customerNumber} />
      <Table aria-labelledby={headingId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.instalmentNumber}</Table.Th><Table.Th>{t.dueDate}</Table.Th><Table.Th>{t.amount}</Table.Th><Table.Th>{t.paid}</Table.Th>
            <Table.Th>{t.status}</Table.Th><Table.Th>{t.kid}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(plan.instalments ?? []).map((i) => (
            <Table.Tr key={i.seq}>
              <Table.Td>{i.seq}</Table.Td>
              <Table.Td>{formatDate(i.dueDate)}</Table.Td>
              <Table.Td>{formatKroner(i.amount)}</Table.Td>
              <Table.Td>{formatKroner(i.paid)}</Table.Td>
              <Table.Td><Badge variant="light" color="gray" c="dark">{t.instalmentStatuses[i.status ?? ''] ?? i.status}</Badge></Table.Td>
              <Table.Td><Text ff="monospace" size="sm">{i.kid}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {plan.status === 'ACTIVE' && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); cancel.mutate(); }}>
          <Stack gap="xs">
            <ErrorSummary messages={errors.summary} />
            <Group align="flex-end">
              <TextInput label={t.cancelPlanReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.byField.reason} w={320} />
              <Button type="submit" variant="default" loading={cancel.isPending}>{t.cancelPlan}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** Where the plan's confirmation to the customer (the letter with the instalments and KIDs) stands, and the letter as sent. */
function Confirmation({ planId, customerNumber }: { planId: number; customerNumber: string }) {
  const { t } = useI18n();
  const confirmation = useQuery(planQueries.confirmation(customerNumber, planId));
  const [opening, setOpening] = useState<unknown>(null);
  const c = confirmation.data;
  if (!c) return null;
  const channel = t.planLetterChannels[c.channel ?? ''] ?? c.channel ?? '';
  const what = c.status === 'DONE'
    ? t.planLetterSent(channel, formatDateTime(c.sentAt)) + (c.handedToPrintAt ? ` · ${t.planLetterPrinted(formatDateTime(c.handedToPrintAt))}` : '')
    : c.status === 'FAILED' ? t.planLetterFailed(c.lastError ?? '') : t.planLetterPending(channel);
  return (
    <Group gap="xs" data-testid="plan-confirmation">
      <Text size="sm">{t.planLetter}: {what}</Text>
      {c.status === 'DONE' && (
        <Button size="compact-xs" variant="default" onClick={() => {
          setOpening(null);
          openDocument(`/api/v1/instalment-plans/${planId}/confirmation/letter`).catch(setOpening);
        }}>{t.openPlanLetter}</Button>
      )}
      {opening != null && <Refusal error={opening} />}
    </Group>
  );
}
