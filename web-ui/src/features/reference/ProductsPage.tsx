import { Alert, Anchor, Button, Card, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatPeriod } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { useTitle } from '../../lib/useTitle';
import { PriceAmount, decimal, priceUnit } from './parts';
import { referenceQueries } from './queries';

/**
 * Products, and the tariff elements they are billed with (each with its latest price), grouped as the API has them; an
 * admin defines a new product with its prices here.
 */
export default function ProductsPage() {
  const { t } = useI18n();
  useTitle(t.ref.productsAndTariffs);
  return (
    <Stack>
      <Anchor component={Link} to="/admin" size="sm">{t.navReference}</Anchor>
      <Title order={1}>{t.ref.productsAndTariffs}</Title>
      <Card withBorder><Products /></Card>
      <Card withBorder><TariffElements /></Card>
    </Stack>
  );
}

function Products() {
  const { t } = useI18n();
  const products = useQuery(referenceQueries.products());
  const elements = useQuery(referenceQueries.tariffElements());
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const elementsOf = (code?: string) => (elements.data ?? []).filter((e) => e.productCode === code);
  return (
    <section aria-labelledby="products">
      <Group justify="space-between">
        <Title order={2} size="h4" id="products">{t.ref.products}</Title>
        <Button onClick={() => { setCreated(null); setCreating(true); }}>{t.ref.newProduct}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.productChangeRoles}</Text>
      {/* a live region there before it speaks, so the new product is read out */}
      <div role="status">{created && <Alert color="green" mb="xs">{t.ref.productCreated(created)}</Alert>}</div>
      {products.isError && <Refusal error={products.error} />}
      {products.isSuccess && (
        <Table aria-labelledby="products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.ref.code}</Table.Th><Table.Th>{t.name}</Table.Th><Table.Th>{t.ref.productKind}</Table.Th>
              <Table.Th>{t.ref.productElements}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.map((p) => (
              <Table.Tr key={p.code}>
                <Table.Td>{p.code}</Table.Td><Table.Td>{p.name}</Table.Td><Table.Td>{t.ref.productKinds[p.kind ?? ''] ?? p.kind}</Table.Td>
                <Table.Td>
                  {elements.isSuccess && elementsOf(p.code).length === 0 && t.ref.noElements}
                  {elementsOf(p.code).map((e, i) => (
                    <span key={e.code}>{i > 0 && ', '}
                      <Anchor component={Link} to={`/admin/tariff-elements/${encodeURIComponent(e.code ?? '')}`}>{e.code}</Anchor>
                    </span>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewProductDialog opened={creating} onClose={() => setCreating(false)} onCreated={(code) => { setCreating(false); setCreated(code); }} />
    </section>
  );
}

/** An optional amount: nothing when empty; what is typed but is no number is sent as typed, for the API to name the field. */
function optionalDecimal(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return decimal(text) ?? (text.trim() as unknown as number);
}

const PRODUCT_FIELDS = ['code', 'name', 'kind', 'validFrom', 'energyPrice', 'energyPrice.amount', 'energyPrice.priceCalculation',
  'markup', 'monthlyFee'] as const;
const KINDS = ['SPOT', 'VARIABLE', 'FIXED'] as const;

/**
 * A new product with what it costs, saved in one go: code, name, kind, the day its prices apply from, the energy price
 * (an amount, or for spot a price table), and optionally a markup per kWh and a monthly fee. The API decides what is
 * valid and names the field; a refusal saves nothing.
 */
function NewProductDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (code: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('VARIABLE');
  const [validFrom, setValidFrom] = useState('');
  const [amount, setAmount] = useState('');
  const [calculation, setCalculation] = useState('');
  const [markup, setMarkup] = useState('');
  const [monthlyFee, setMonthlyFee] = useState('');
  const create = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/products', {
      body: {
        code: code.trim() || undefined, name: name.trim() || undefined, kind: kind as 'SPOT' | 'VARIABLE' | 'FIXED', validFrom: validFrom || undefined,
        energyPrice: {
          amount: kind === 'SPOT' ? undefined : decimal(amount),
          priceCalculation: kind === 'FIXED' || calculation.trim() === '' ? undefined : Number(calculation.trim()),
        },
        markup: optionalDecimal(markup), monthlyFee: optionalDecimal(monthlyFee),
      },
    })),
    onSuccess: (product) => {
      void queryClient.invalidateQueries({ queryKey: referenceQueries.all() });
      onCreated(product.code ?? code);
    },
  });
  useOnOpen(opened, () => {
    create.reset();
    setCode(''); setName(''); setKind('VARIABLE'); setValidFrom(''); setAmount(''); setCalculation(''); setMarkup(''); setMonthlyFee('');
  });
  const forbidden = create.error instanceof ApiError && create.error.status === 403;
  const errors = formErrors(forbidden ? null : create.error, PRODUCT_FIELDS, t.rules);
  const energyError = [errors.byField.energyPrice, errors.byField['energyPrice.amount']].filter(Boolean).join('; ') || undefined;
  return (
    <FormDialog opened={opened} onClose={onClose} title={t.ref.newProduct} submitLabel={t.save} pending={create.isPending}
      errors={errors.summary} onSubmit={() => create.mutate()}>
      {forbidden && <Refusal error={create.error} />}
      <TextInput label={t.ref.code} required value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
        description={t.ref.productCodeHint} error={errors.byField.code} data-autofocus />
      <TextInput label={t.ref.productName} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.byField.name} />
      <Radio.Group label={t.ref.productKind} required value={kind} onChange={setKind} error={errors.byField.kind}>
        <Group mt="xs">
          {KINDS.map((k) => <Radio key={k} value={k} label={t.ref.productKinds[k]} />)}
        </Group>
      </Radio.Group>
      <DateField label={t.ref.pricesFrom} required value={validFrom} onChange={setValidFrom} error={errors.byField.validFrom} />
      <Text size="sm" c="dimmed">{t.ref.productPricesHint}</Text>
      {kind !== 'SPOT' && (
        <TextInput label={`${t.ref.energyPrice} (${t.ref.perKwh}, ${t.ref.exclVat})`} required={kind === 'FIXED'} inputMode="decimal"
          value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={energyError} description={t.ref.amountHint} />
      )}
      {kind !== 'FIXED' && (
        <TextInput label={kind === 'SPOT' ? `${t.ref.energyPrice}: ${t.ref.priceCalculation}` : t.ref.orPriceCalculation}
          required={kind === 'SPOT'} inputMode="numeric" value={calculation} onChange={(e) => setCalculation(e.currentTarget.value)}
          error={errors.byField['energyPrice.priceCalculation'] ?? (kind === 'SPOT' ? energyError : undefined)} />
      )}
      <TextInput label={`${t.ref.markupOptional} (${t.ref.perKwh}, ${t.ref.exclVat})`} inputMode="decimal" value={markup}
        onChange={(e) => setMarkup(e.currentTarget.value)} error={errors.byField.markup} />
      <TextInput label={`${t.ref.monthlyFeeOptional} (${t.ref.perMonth}, ${t.ref.exclVat})`} inputMode="decimal" value={monthlyFee}
        onChange={(e) => setMonthlyFee(e.currentTarget.value)} error={errors.byField.monthlyFee} />
    </FormDialog>
  );
}

function TariffElements() {
  const { t } = useI18n();
  const elements = useQuery(referenceQueries.tariffElements());
  const groups = useQuery(referenceQueries.tariffGroups());
  const groupName = (code?: string) => groups.data?.find((g) => g.code === code)?.name ?? code;
  return (
    <section aria-labelledby="tariff-elements">
      <Title order={2} size="h4" id="tariff-elements">{t.ref.tariffElements}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.tariffElementsHint}</Text>
      {elements.isError && <Refusal error={elements.error} />}
      {elements.isSuccess && elements.data.length === 0 && <Text size="sm">{t.ref.noTariffElements}</Text>}
      {elements.isSuccess && elements.data.length > 0 && (
        <Table aria-labelledby="tariff-elements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.ref.code}</Table.Th><Table.Th>{t.ref.invoiceText}</Table.Th><Table.Th>{t.ref.tariffGroup}</Table.Th>
              <Table.Th>{t.product}</Table.Th><Table.Th>{t.ref.elementKind}</Table.Th><Table.Th>{t.ref.validity}</Table.Th>
              <Table.Th>{t.ref.latestPrice}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {elements.data.map((e) => {
              const latest = e.prices?.[e.prices.length - 1];
              return (
                <Table.Tr key={e.code}>
                  <Table.Td><Anchor component={Link} to={`/admin/tariff-elements/${encodeURIComponent(e.code ?? '')}`}>{e.code}</Anchor></Table.Td>
                  <Table.Td>{e.invoiceText}</Table.Td>
                  <Table.Td>{groupName(e.groupCode)}</Table.Td>
                  <Table.Td>{e.productCode ?? t.ref.everyProduct}</Table.Td>
                  <Table.Td>{t.ref.elementKinds[e.kind ?? ''] ?? e.kind}</Table.Td>
                  <Table.Td>{formatPeriod(e.validFrom, e.validTo, t.from)}</Table.Td>
                  <Table.Td>{latest ? <><PriceAmount price={latest} /> {priceUnit(e.kind, t)} {t.from} {formatDate(latest.validFrom)}</> : '–'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
