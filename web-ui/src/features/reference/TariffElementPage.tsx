import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatPeriod } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { useTitle } from '../../lib/useTitle';
import { PriceAmount, decimal, isStale, priceUnit } from './parts';
import { referenceQueries } from './queries';
import { DateField } from '../../components/DateField';

type Element = components['schemas']['ElementResponse'];

/**
 * One tariff element with its price history (each price from–to, amount, unit, who entered it): add a price from a
 * date, end the element. Each change sends the version read; a change made meanwhile is shown, not overwritten.
 */
export default function TariffElementPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const element = useQuery(referenceQueries.tariffElement(code));
  const [dialog, setDialog] = useState<'price' | 'end' | null>(null);
  useTitle(`${t.ref.tariffElement} ${code}`);
  if (element.isPending) return <Loader aria-label={t.loading} />;
  if (element.isError) {
    return (
      <Stack>
        <Title order={1}>{t.ref.tariffElement} {code}</Title>
        {element.error instanceof ApiError && element.error.status === 404 ? <Text>{t.ref.tariffElementNotFound}</Text> : <Refusal error={element.error} />}
      </Stack>
    );
  }
  const e = element.data;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/products" size="sm">{t.ref.productsAndTariffs}</Anchor>
      <Title order={1}>{t.ref.tariffElement} {e.code}</Title>
      <Card withBorder>
        <dl className="facts" data-testid="element-facts">
          <dt>{t.ref.invoiceText}</dt><dd>{e.invoiceText}</dd>
          <dt>{t.ref.tariffGroup}</dt><dd>{e.groupCode}</dd>
          <dt>{t.product}</dt><dd>{e.productCode ?? t.ref.everyProduct}</dd>
          <dt>{t.ref.elementKind}</dt><dd>{t.ref.elementKinds[e.kind ?? ''] ?? e.kind}</dd>
          <dt>{t.vat}</dt><dd>{t.ref.vatKinds[e.vat ?? ''] ?? e.vat}</dd>
          <dt>{t.ref.requiredSegment}</dt><dd>{e.requiredSegmentId ?? t.ref.noSegment}</dd>
          <dt>{t.ref.validity}</dt><dd data-testid="element-validity">{formatPeriod(e.validFrom, e.validTo, t.from)}</dd>
          <dt>{t.version}</dt><dd data-testid="element-version">{e.version}</dd>
        </dl>
        <Group mt="md">
          <Button onClick={() => setDialog('price')}>{t.ref.newPrice}</Button>
          <Button variant="default" onClick={() => setDialog('end')}>{t.ref.endElement}</Button>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">{t.ref.tariffChangeRoles}</Text>
      </Card>
      <Card withBorder><PriceHistory e={e} /></Card>
      <PriceDialog element={e} opened={dialog === 'price'} onClose={() => setDialog(null)} />
      <EndDialog element={e} opened={dialog === 'end'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function PriceHistory({ e }: { e: Element }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="price-history">
      <Title order={2} size="h4" id="price-history">{t.ref.priceHistory}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.priceHistoryHint}</Text>
      <Table aria-labelledby="price-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.fromDate}</Table.Th><Table.Th>{t.ref.toDate}</Table.Th><Table.Th>{t.amount}</Table.Th>
            <Table.Th>{t.ref.unit}</Table.Th><Table.Th>{t.ref.enteredBy}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(e.prices ?? []).map((p, i) => (
            <Table.Tr key={`${p.validFrom}-${i}`}>
              <Table.Td>{formatDate(p.validFrom)}</Table.Td>
              <Table.Td>{p.validTo ? lastDay(p.validTo) : t.ref.openEnded}</Table.Td>
              <Table.Td><PriceAmount price={p} /></Table.Td>
              <Table.Td>{priceUnit(e.kind, t)}</Table.Td>
              <Table.Td>{p.createdBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** The last day of a period whose end is exclusive: 2026-04-01 → 31.03.2026. */
function lastDay(exclusiveEnd: string): string {
  const d = new Date(`${exclusiveEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return formatDate(d.toISOString().slice(0, 10));
}

/**
 * A change of the element sending the version the dialog was opened with: on a stale version the element is read
 * again (the page behind shows the other change), the dialog says so and keeps what was typed, to be saved against it.
 */
function useVersionedChange(element: Element, opened: boolean, send: (version: number) => Promise<unknown>, onDone: () => void) {
  const queryClient = useQueryClient();
  const code = element.code ?? '';
  const [loadedVersion, setLoadedVersion] = useState(element.version ?? 0);
  const change = useMutation({
    mutationFn: () => send(loadedVersion),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referenceQueries.all() });
      change.reset();
      onDone();
    },
    onError: async (error) => {
      if (isStale(error)) {
        await queryClient.invalidateQueries({ queryKey: referenceQueries.tariffElement(code).queryKey });
        const fresh = queryClient.getQueryData(referenceQueries.tariffElement(code).queryKey);
        if (fresh) setLoadedVersion(fresh.version ?? 0);
      }
    },
  });
  useOnOpen(opened, () => { change.reset(); setLoadedVersion(element.version ?? 0); });
  return { change, loadedVersion };
}

function ChangeState({ error, loadedVersion }: { error: unknown; loadedVersion: number }) {
  const { t } = useI18n();
  return (
    <>
      {error instanceof ApiError && error.status === 403 && <Refusal error={error} />}
      {isStale(error) && <Alert color="orange" title={t.ref.staleTitle} role="alert">{t.ref.staleText}</Alert>}
      <Text size="sm" data-testid="version-read">{t.ref.versionRead(loadedVersion)}</Text>
    </>
  );
}

const PRICE_FIELDS = ['validFrom', 'amount', 'priceCalculation', 'version'] as const;

function PriceDialog({ element, opened, onClose }: { element: Element; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [validFrom, setValidFrom] = useState('');
  const [amount, setAmount] = useState('');
  const [calculation, setCalculation] = useState('');
  const tableAllowed = element.kind === 'ENERGY_PRICE' || element.kind === 'COMPENSATION';
  const { change, loadedVersion } = useVersionedChange(element, opened, async (version) => data(await api.POST('/api/v1/tariff-elements/{code}/prices', {
    params: { path: { code: element.code ?? '' } },
    body: {
      validFrom: validFrom || undefined, version,
      amount: decimal(amount), priceCalculation: calculation.trim() === '' ? undefined : Number(calculation.trim()),
    },
  })), onClose);
  useOnOpen(opened, () => { setValidFrom(''); setAmount(''); setCalculation(''); });
  const quiet = isStale(change.error) || (change.error instanceof ApiError && change.error.status === 403);
  const errors = formErrors(quiet ? null : change.error, PRICE_FIELDS, t.rules);
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.ref.newPriceFor(element.code ?? '')} submitLabel={t.save}
      pending={change.isPending} errors={errors.summary} onSubmit={() => change.mutate()}>
      <ChangeState error={change.error} loadedVersion={loadedVersion} />
      <DateField label={t.fromDate} required value={validFrom} onChange={setValidFrom}
        error={errors.byField.validFrom} data-autofocus />
      <TextInput label={`${t.amount} (${priceUnit(element.kind, t)}, ${t.ref.exclVat})`} inputMode="decimal" value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)} error={errors.byField.amount} description={t.ref.amountHint} />
      {tableAllowed && (
        <TextInput label={t.ref.orPriceCalculation} inputMode="numeric" value={calculation}
          onChange={(e) => setCalculation(e.currentTarget.value)} error={errors.byField.priceCalculation} />
      )}
    </FormDialog>
  );
}

function EndDialog({ element, opened, onClose }: { element: Element; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [validTo, setValidTo] = useState('');
  const { change, loadedVersion } = useVersionedChange(element, opened, async (version) => data(await api.POST('/api/v1/tariff-elements/{code}/end', {
    params: { path: { code: element.code ?? '' } }, body: { validTo: validTo || undefined, version },
  })), onClose);
  useOnOpen(opened, () => setValidTo(''));
  const quiet = isStale(change.error) || (change.error instanceof ApiError && change.error.status === 403);
  const errors = formErrors(quiet ? null : change.error, ['validTo', 'version'], t.rules);
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.ref.endElementTitle(element.code ?? '')} submitLabel={t.ref.endElement}
      pending={change.isPending} errors={errors.summary} onSubmit={() => change.mutate()}>
      <ChangeState error={change.error} loadedVersion={loadedVersion} />
      <DateField label={t.ref.firstDayWithout} required value={validTo} onChange={setValidTo}
        error={errors.byField.validTo} data-autofocus />
    </FormDialog>
  );
}
