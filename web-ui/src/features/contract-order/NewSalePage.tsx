import { Alert, Anchor, Button, Card, Group, Radio, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { orderQueries } from './queries';
import { DateField } from '../../components/DateField';

type Candidate = components['schemas']['Candidate'];
type Step = 'product' | 'customer' | 'site' | 'summary';
const STEPS: Step[] = ['product', 'customer', 'site', 'summary'];

/** The order's fields as the API names them, shown at their field in the step that asks for them. */
const ORDER_FIELDS = ['productCode', 'customerKind', 'nationalId', 'firstName', 'lastName', 'organisationNumber', 'organisationName', 'email',
  'mobile', 'address', 'address.street', 'address.postcode', 'address.city', 'meteringPointId', 'startDate', 'kind', 'channel'];
const FIELD_STEP: Record<string, Step> = {
  productCode: 'product', customerKind: 'customer', nationalId: 'customer', firstName: 'customer', lastName: 'customer',
  organisationNumber: 'customer', organisationName: 'customer', email: 'customer', mobile: 'customer', address: 'customer',
  'address.street': 'customer', 'address.postcode': 'customer', 'address.city': 'customer', meteringPointId: 'site', startDate: 'site',
  kind: 'site',
};
const LOOKUP_FIELDS = ['endUserId', 'streetName', 'buildingNumber', 'postcode', 'meteringPointId', 'meterNumber'];

/** Who the order is for: a customer we have (found by name), or a new person typed in. */
type Buyer = {
  customerKind: 'PRIVATE' | 'ORGANISATION'; customerNumber?: number; nationalId?: string; firstName?: string; lastName?: string;
  organisationNumber?: string; organisationName?: string; email?: string; mobile?: string; street?: string; postcode?: string; city?: string;
};

/**
 * The new-sale wizard (Perigon's "Product sales"): product → customer (found, or a new person) → delivery site (the
 * metering-point ID, or looked up in Elhub with BRS-NO-611 from the customer's national ID and address: the "EAN robot")
 * → summary → the order placed, landing on its screen. The API's refusals are shown at their fields, in their step.
 */
export default function NewSalePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useTitle(t.newSale);
  const [step, setStep] = useState<Step>('product');
  const [productCode, setProductCode] = useState('');
  const [buyer, setBuyer] = useState<Buyer>({ customerKind: 'PRIVATE' });
  const [kind, setKind] = useState<'SWITCH' | 'MOVE_IN'>('SWITCH');
  const [startDate, setStartDate] = useState('');
  const [meteringPointId, setMeteringPointId] = useState('');
  const place = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/contract-orders', {
      body: {
        channel: 'CUSTOMER_SERVICE', kind, customerKind: buyer.customerKind, nationalId: buyer.nationalId || undefined,
        firstName: buyer.firstName || undefined, lastName: buyer.lastName || undefined,
        organisationNumber: buyer.organisationNumber || undefined, organisationName: buyer.organisationName || undefined,
        email: buyer.email || undefined, mobile: buyer.mobile || undefined,
        address: buyer.street || buyer.postcode || buyer.city ? { street: buyer.street, postcode: buyer.postcode, city: buyer.city } : undefined,
        meteringPointId: meteringPointId.trim() || undefined, productCode: productCode || undefined, startDate: startDate || undefined,
      },
    })),
    onSuccess: (order) => navigate(`/contract-orders/${order.orderNumber}`),
  });
  const errors = formErrors(place.error, ORDER_FIELDS, t.rules);
  const index = STEPS.indexOf(step);
  const go = (to: Step) => setStep(to);
  // a refusal takes the user to the first step with a refused field (the summary at the top of it says the rest)
  const refusedStep = STEPS.find((s) => Object.keys(errors.byField).some((f) => FIELD_STEP[f] === s));
  return (
    <Stack maw={900}>
      <Title order={1}>{t.newSale}</Title>
      <nav aria-label={t.saleSteps}>
        <ol className="stage-list">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              <Text span fw={s === step ? 700 : 400} td={s === step ? 'underline' : undefined}>{i + 1}. {t.saleStep[s]}</Text>
            </li>
          ))}
        </ol>
      </nav>
      <Card withBorder>
        <section aria-labelledby="sale-step">
          <Title order={2} size="h4" id="sale-step">{t.stepOf(index + 1, STEPS.length)}: {t.saleStep[step]}</Title>
          {place.isError && step !== 'summary' && refusedStep === step && <ErrorSummary messages={errors.summary} />}
          {step === 'product' && (
            <ProductStep value={productCode} onChange={setProductCode} error={errors.byField.productCode} onNext={() => go('customer')} />
          )}
          {step === 'customer' && <CustomerStep buyer={buyer} onChange={setBuyer} errors={errors.byField} onBack={() => go('product')} onNext={() => go('site')} />}
          {step === 'site' && (
            <SiteStep buyer={buyer} kind={kind} onKind={setKind} startDate={startDate} onStartDate={setStartDate} meteringPointId={meteringPointId}
              onMeteringPointId={setMeteringPointId} errors={errors.byField} onBack={() => go('customer')} onNext={() => go('summary')} />
          )}
          {step === 'summary' && (
            <form noValidate onSubmit={(e) => { e.preventDefault(); place.mutate(); }}>
              <Stack mt="sm">
                <ErrorSummary messages={errors.summary} />
                <section aria-label={t.saleSummary}>
                <dl className="facts">
                  <dt>{t.product}</dt><dd>{productCode || '–'} {errors.byField.productCode && <FieldError text={errors.byField.productCode} />}</dd>
                  <dt>{t.customer}</dt>
                  <dd>
                    {buyer.customerKind === 'PRIVATE' ? `${buyer.firstName ?? ''} ${buyer.lastName ?? ''}`.trim() || '–' : buyer.organisationName || '–'}
                    {buyer.customerNumber && ` (${buyer.customerNumber})`}
                    {(errors.byField.nationalId || errors.byField.firstName || errors.byField.lastName) && (
                      <FieldError text={[errors.byField.nationalId, errors.byField.firstName, errors.byField.lastName].filter(Boolean).join('; ')} />
                    )}
                  </dd>
                  <dt>{buyer.customerKind === 'PRIVATE' ? t.nationalId : t.organisationNumber}</dt>
                  <dd><Text span ff="monospace" inherit>{(buyer.customerKind === 'PRIVATE' ? buyer.nationalId : buyer.organisationNumber) || '–'}</Text></dd>
                  <dt>{t.contact}</dt><dd>{[buyer.email, buyer.mobile].filter(Boolean).join(' · ') || '–'}</dd>
                  <dt>{t.postalAddress}</dt><dd>{[buyer.street, [buyer.postcode, buyer.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</dd>
                  <dt>{t.orderKind}</dt><dd>{t.orderKinds[kind]}</dd>
                  <dt>{t.meteringPointId}</dt>
                  <dd><Text span ff="monospace" inherit>{meteringPointId || '–'}</Text> {errors.byField.meteringPointId && <FieldError text={errors.byField.meteringPointId} />}</dd>
                  <dt>{t.startDate}</dt><dd>{startDate ? formatDate(startDate) : '–'} {errors.byField.startDate && <FieldError text={errors.byField.startDate} />}</dd>
                </dl>
                </section>
                <Group justify="space-between">
                  <Button variant="default" onClick={() => go('site')}>{t.previousStep}</Button>
                  <Group>
                    {refusedStep && <Button variant="default" onClick={() => go(refusedStep)}>{t.fixIn(t.saleStep[refusedStep] ?? refusedStep)}</Button>}
                    <Button type="submit" loading={place.isPending}>{t.placeOrder}</Button>
                  </Group>
                </Group>
              </Stack>
            </form>
          )}
        </section>
      </Card>
    </Stack>
  );
}

function FieldError({ text }: { text: string }) {
  return <Text span c="var(--mantine-color-error)" size="sm" display="block">{text}</Text>;
}

function StepButtons({ onBack, nextLabel }: { onBack?: () => void; nextLabel: string }) {
  const { t } = useI18n();
  return (
    <Group justify="space-between" mt="md">
      {onBack ? <Button variant="default" onClick={onBack}>{t.previousStep}</Button> : <span />}
      <Button type="submit">{nextLabel}</Button>
    </Group>
  );
}

function ProductStep({ value, onChange, error, onNext }: { value: string; onChange: (v: string) => void; error?: string; onNext: () => void }) {
  const { t } = useI18n();
  const products = useQuery(orderQueries.products());
  const [missing, setMissing] = useState(false);
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (!value) { setMissing(true); return; } onNext(); }}>
      {products.isError && <Refusal error={products.error} />}
      {products.isSuccess && (
        <Radio.Group label={t.chooseProduct} value={value} onChange={(v) => { setMissing(false); onChange(v); }} required mt="sm"
          error={error ?? (missing ? t.chooseProductFirst : undefined)}>
          <Stack gap="xs" mt="xs">
            {products.data.map((p) => <Radio key={p.code} value={p.code ?? ''} label={`${p.name} (${p.code})`} />)}
          </Stack>
        </Radio.Group>
      )}
      <StepButtons nextLabel={t.nextStep} />
    </form>
  );
}

function CustomerStep({ buyer, onChange, errors, onBack, onNext }: {
  buyer: Buyer; onChange: (b: Buyer) => void; errors: Record<string, string>; onBack: () => void; onNext: () => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'existing' | 'new'>(buyer.customerNumber || !buyer.nationalId ? 'existing' : 'new');
  const [name, setName] = useState('');
  const [searched, setSearched] = useState('');
  const [missing, setMissing] = useState(false);
  const hits = useQuery({ ...orderQueries.customers(searched), enabled: searched.length >= 2 });
  const [picking, setPicking] = useState<unknown>(null);
  const pick = async (customerNumber: number) => {
    setPicking(null);
    try {
      const c = data(await api.GET('/api/v1/customers/{customerNumber}', { params: { path: { customerNumber: String(customerNumber) } } }));
      onChange({
        customerKind: c.kind === 'ORGANISATION' ? 'ORGANISATION' : 'PRIVATE', customerNumber: c.customerNumber, nationalId: c.nationalId,
        firstName: c.firstName, lastName: c.lastName, organisationNumber: c.organisationNumber, organisationName: c.organisationName,
        email: c.email, mobile: c.mobile, street: c.address?.street, postcode: c.address?.postcode, city: c.address?.city,
      });
      setMissing(false);
    } catch (e) {
      setPicking(e);
    }
  };
  const field = (key: keyof Buyer) => ({
    value: (buyer[key] as string | undefined) ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...buyer, customerNumber: undefined, [key]: e.currentTarget.value }),
  });
  const chosen = buyer.customerNumber != null;
  return (
    <Stack mt="sm">
      <SegmentedControl aria-label={t.whichCustomer} value={mode}
        onChange={(v) => { setMode(v as typeof mode); if (v === 'new') onChange({ customerKind: 'PRIVATE' }); }}
        data={[{ value: 'existing', label: t.existingCustomer }, { value: 'new', label: t.newPerson }]} />
      {mode === 'existing' && (
        <>
          <form role="search" aria-label={t.findCustomer} noValidate onSubmit={(e) => { e.preventDefault(); setSearched(name.trim()); }}>
            <Group align="flex-end">
              <TextInput label={t.customerName} description={t.customerNameHint} value={name} onChange={(e) => setName(e.currentTarget.value)} w={320} />
              <Button type="submit" variant="default">{t.search}</Button>
            </Group>
          </form>
          {hits.isError && <Refusal error={hits.error} />}
          {picking != null && <Refusal error={picking} />}
          {hits.isSuccess && (
            <section aria-labelledby="customer-hits">
              <Title order={3} size="h5" id="customer-hits">{t.searchHits(hits.data.totalElements ?? 0)}</Title>
              {(hits.data.items ?? []).length > 0 && (
                <Table aria-labelledby="customer-hits">
                  <Table.Thead>
                    <Table.Tr><Table.Th>{t.customerNumber}</Table.Th><Table.Th>{t.name}</Table.Th><Table.Th>{t.city}</Table.Th><Table.Th><span className="visually-hidden">{t.actions}</span></Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(hits.data.items ?? []).map((c) => (
                      <Table.Tr key={c.customerNumber}>
                        <Table.Td>{c.customerNumber}</Table.Td><Table.Td>{c.name}</Table.Td><Table.Td>{c.city}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant={buyer.customerNumber === c.customerNumber ? 'filled' : 'default'}
                            aria-pressed={buyer.customerNumber === c.customerNumber} onClick={() => void pick(c.customerNumber ?? 0)}>
                            {t.chooseCustomer(c.name ?? '')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          )}
          <div aria-live="polite">
            {chosen && (
              <Alert color="blue" title={t.customerChosen}>
                <Text data-testid="chosen-customer">
                  {buyer.customerKind === 'PRIVATE' ? `${buyer.firstName} ${buyer.lastName}` : buyer.organisationName} ({buyer.customerNumber})
                </Text>
              </Alert>
            )}
          </div>
        </>
      )}
      <form noValidate onSubmit={(e) => {
        e.preventDefault();
        if (mode === 'existing' && !chosen) { setMissing(true); return; }
        onNext();
      }}>
        {mode === 'existing' && missing && !chosen && <Text c="var(--mantine-color-error)" role="alert">{t.chooseCustomerFirst}</Text>}
        {mode === 'new' && (
          <Stack>
            <TextInput label={t.nationalId} {...field('nationalId')} error={errors.nationalId} required autoComplete="off" />
            <Group grow>
              <TextInput label={t.firstName} {...field('firstName')} error={errors.firstName} required />
              <TextInput label={t.lastName} {...field('lastName')} error={errors.lastName} required />
            </Group>
            <TextInput label={t.email} type="email" description={t.signingLinkHint} {...field('email')} error={errors.email} />
            <TextInput label={t.mobile} {...field('mobile')} error={errors.mobile} />
            <TextInput label={t.street} {...field('street')} error={errors['address.street'] ?? errors.address} />
            <Group grow>
              <TextInput label={t.postcode} {...field('postcode')} error={errors['address.postcode']} />
              <TextInput label={t.city} {...field('city')} error={errors['address.city']} />
            </Group>
          </Stack>
        )}
        <StepButtons onBack={onBack} nextLabel={t.nextStep} />
      </form>
    </Stack>
  );
}

function SiteStep({ buyer, kind, onKind, startDate, onStartDate, meteringPointId, onMeteringPointId, errors, onBack, onNext }: {
  buyer: Buyer; kind: 'SWITCH' | 'MOVE_IN'; onKind: (k: 'SWITCH' | 'MOVE_IN') => void; startDate: string; onStartDate: (d: string) => void;
  meteringPointId: string; onMeteringPointId: (id: string) => void; errors: Record<string, string>; onBack: () => void; onNext: () => void;
}) {
  const { t } = useI18n();
  return (
    <Stack mt="sm">
      <form noValidate onSubmit={(e) => { e.preventDefault(); onNext(); }}>
        <Stack>
          <Radio.Group label={t.orderKind} value={kind} onChange={(v) => onKind(v as typeof kind)} error={errors.kind} required>
            <Group mt="xs">
              <Radio value="SWITCH" label={t.orderKinds.SWITCH} />
              <Radio value="MOVE_IN" label={t.orderKinds.MOVE_IN} />
            </Group>
          </Radio.Group>
          <DateField label={t.startDate} description={t.startDateHint} value={startDate} onChange={onStartDate}
            error={errors.startDate} required w={220} />
          <TextInput label={t.meteringPointId} description={t.meteringPointIdHint} value={meteringPointId} inputMode="numeric"
            onChange={(e) => onMeteringPointId(e.currentTarget.value)} error={errors.meteringPointId} required w={320} />
          <StepButtons onBack={onBack} nextLabel={t.nextStep} />
        </Stack>
      </form>
      <ElhubLookup buyer={buyer} onPick={onMeteringPointId} picked={meteringPointId} />
    </Stack>
  );
}

/** BRS-NO-611: the metering points Elhub has for the end user (national ID or organisation number) at an address. */
function ElhubLookup({ buyer, onPick, picked }: { buyer: Buyer; onPick: (id: string) => void; picked: string }) {
  const { t } = useI18n();
  const [endUserId, setEndUserId] = useState((buyer.customerKind === 'PRIVATE' ? buyer.nationalId : buyer.organisationNumber) ?? '');
  const street = (buyer.street ?? '').match(/^(.*?)\s+(\d+\s*[A-Za-z]?)$/);
  const [streetName, setStreetName] = useState(street ? (street[1] ?? '') : (buyer.street ?? ''));
  const [buildingNumber, setBuildingNumber] = useState((street?.[2] ?? '').replace(/\s/g, ''));
  const [postcode, setPostcode] = useState(buyer.postcode ?? '');
  const lookup = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/elhub/metering-point-lookups', {
      body: { endUserId: endUserId.trim(), streetName: streetName.trim() || undefined, buildingNumber: buildingNumber.trim() || undefined,
        postcode: postcode.trim() || undefined },
    })),
  });
  const errors = formErrors(lookup.error, LOOKUP_FIELDS, t.rules);
  const candidates: Candidate[] = lookup.data?.candidates ?? [];
  return (
    <section aria-labelledby="elhub-lookup">
      <Title order={3} size="h5" id="elhub-lookup">{t.elhubLookup}</Title>
      <Text size="sm">{t.elhubLookupHint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); lookup.mutate(); }}>
        <Stack mt="xs">
          <ErrorSummary messages={errors.summary} />
          <TextInput label={t.endUserId} value={endUserId} onChange={(e) => setEndUserId(e.currentTarget.value)} error={errors.byField.endUserId}
            required autoComplete="off" w={320} />
          <Group grow>
            <TextInput label={t.streetName} value={streetName} onChange={(e) => setStreetName(e.currentTarget.value)} error={errors.byField.streetName} />
            <TextInput label={t.buildingNumber} value={buildingNumber} onChange={(e) => setBuildingNumber(e.currentTarget.value)}
              error={errors.byField.buildingNumber} />
            <TextInput label={t.postcode} value={postcode} onChange={(e) => setPostcode(e.currentTarget.value)} error={errors.byField.postcode} />
          </Group>
          <Group><Button type="submit" variant="default" loading={lookup.isPending}>{t.lookUpInElhub}</Button></Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {lookup.isSuccess && <Text size="sm" mt="xs">{t.candidatesFound(candidates.length)}</Text>}
      </div>
      {candidates.length > 0 && (
        <Table aria-label={t.elhubCandidates} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.meteringPointId}</Table.Th><Table.Th>{t.address}</Table.Th><Table.Th>{t.meterNumber}</Table.Th>
              <Table.Th>{t.gridOwner}</Table.Th><Table.Th>{t.lastReading}</Table.Th><Table.Th><span className="visually-hidden">{t.actions}</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((c) => (
              <Table.Tr key={c.meteringPointId}>
                <Table.Td><Text span ff="monospace" size="sm">{c.meteringPointId}</Text></Table.Td>
                <Table.Td>{[c.address?.streetName, c.address?.buildingNumber].filter(Boolean).join(' ')}, {c.address?.postcode} {c.address?.city}</Table.Td>
                <Table.Td>{c.meterNumber}</Table.Td>
                <Table.Td>{c.gridOwnerGln}</Table.Td>
                <Table.Td>{formatDate(c.lastMeterReadingDate)}{c.blockedForSwitching ? ` · ${t.blockedForSwitching}` : ''}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant={picked === c.meteringPointId ? 'filled' : 'default'} aria-pressed={picked === c.meteringPointId}
                    onClick={() => onPick(c.meteringPointId ?? '')}>{t.useMeteringPoint(c.meteringPointId ?? '')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" mt="xs"><Anchor component={Link} to="/metering-points/new">{t.newMeteringPoint}</Anchor></Text>
    </section>
  );
}
