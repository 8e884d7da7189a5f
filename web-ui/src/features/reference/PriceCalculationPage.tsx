import { Alert, Anchor, Button, Card, Group, Loader, NativeSelect, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDialog } from '../../components/FormDialog';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatNokPerKwh } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useOnOpen } from '../../lib/useOnOpen';
import { useTitle } from '../../lib/useTitle';
import { isStale } from './parts';
import { referenceQueries } from './queries';
import { DateField } from '../../components/DateField';

type Calculation = components['schemas']['CalculationResponse'];

const AREAS = ['NO1', 'NO2', 'NO3', 'NO4', 'NO5'];
// rows of a table shown at a time: six hours of quarter-hours
const PAGE = 24;
const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * One price calculation: its formula, area rules and version; change it (sending the version read); generate its
 * table for a price area and days; the generated table shown (the period in the URL: `?area=NO5&from=…&to=…`).
 */
export default function PriceCalculationPage() {
  const { t } = useI18n();
  const number = Number(useParams().number);
  const calculation = useQuery(referenceQueries.priceCalculation(number));
  const [editing, setEditing] = useState(false);
  useTitle(`${t.ref.priceCalculation} ${number}`);
  if (calculation.isPending) return <Loader aria-label={t.loading} />;
  if (calculation.isError) {
    return (
      <Stack>
        <Title order={1}>{t.ref.priceCalculation} {number}</Title>
        {calculation.error instanceof ApiError && calculation.error.status === 404 ? <Text>{t.ref.calculationNotFound}</Text> : <Refusal error={calculation.error} />}
      </Stack>
    );
  }
  const c = calculation.data;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/price-calculations" size="sm">{t.ref.priceCalculations}</Anchor>
      <Title order={1}>{t.ref.priceCalculation} {c.number}: {c.name}</Title>
      <Card withBorder>
        <dl className="facts">
          <dt>{t.description}</dt><dd>{c.description || '–'}</dd>
          <dt>{t.ref.formula}</dt><dd><code>{c.formula}</code></dd>
          <dt>{t.ref.threshold}</dt><dd>{c.threshold ?? '–'}</dd>
          {(c.areaRules ?? []).map((r) => (
            <Fragment key={r.priceArea}><dt>{t.ref.areaRule(r.priceArea ?? '')}</dt><dd><code>{r.formula}</code>{r.threshold !== undefined && r.threshold !== null ? ` (${t.ref.threshold.toLowerCase()} ${r.threshold})` : ''}</dd></Fragment>
          ))}
          <dt>{t.version}</dt><dd data-testid="calculation-version">{c.version}</dd>
        </dl>
        <Text size="sm" c="dimmed" mt="xs">{t.ref.formulaHint}</Text>
        <Group mt="sm"><Button variant="default" onClick={() => setEditing(true)}>{t.ref.changeCalculation}</Button></Group>
      </Card>
      <Card withBorder><Generate c={c} /></Card>
      <Card withBorder><TableValues number={c.number ?? number} /></Card>
      <EditDialog c={c} opened={editing} onClose={() => setEditing(false)} />
    </Stack>
  );
}

function Generate({ c }: { c: Calculation }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const [area, setArea] = useState('NO1');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const generate = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/price-calculations/{number}/tables', {
      params: { path: { number: c.number ?? 0 } },
      body: { priceArea: area as 'NO1', from: from || undefined, to: to || undefined },
    })),
    onSuccess: (g) => {
      void queryClient.invalidateQueries({ queryKey: [...referenceQueries.all(), 'price-calculations', c.number, 'tables'] });
      // show what was generated
      setParams({ area: g.area ?? area, from: g.from ?? from, to: g.to ?? to }, { replace: true });
    },
  });
  const errors = formErrors(generate.error, ['priceArea', 'from', 'to'], t.rules);
  const g = generate.data;
  return (
    <section aria-labelledby="generate">
      <Title order={2} size="h4" id="generate">{t.ref.generateTables}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.generateHint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); generate.mutate(); }}>
        <Stack>
          {generate.error instanceof ApiError && generate.error.status === 403
            ? <Refusal error={generate.error} /> : <ErrorSummary messages={errors.summary} />}
          <Group align="flex-start">
            <NativeSelect label={t.priceArea} data={AREAS} value={area} onChange={(e) => setArea(e.currentTarget.value)} error={errors.byField.priceArea} />
            <DateField label={t.ref.fromDay} required value={from} onChange={setFrom} error={errors.byField.from} />
            <DateField label={t.ref.toDay} required value={to} onChange={setTo} error={errors.byField.to} />
          </Group>
          <Group><Button type="submit" loading={generate.isPending}>{t.ref.generate}</Button></Group>
        </Stack>
      </form>
      {g && (
        <Alert color="green" role="status" mt="md" title={t.ref.generated(g.id ?? 0)}>
          {t.ref.generatedText(g.area ?? '', g.from ?? '', g.to ?? '', g.intervals ?? 0, g.formula ?? '')}
        </Alert>
      )}
    </section>
  );
}

function TableValues({ number }: { number: number }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const area = AREAS.includes(params.get('area') ?? '') ? params.get('area')! : 'NO1';
  const from = params.get('from');
  const to = params.get('to');
  const [form, setForm] = useState({ area, from: from ?? '', to: to ?? '' });
  const shown = isDay(from) && isDay(to);
  const values = useQuery({ ...referenceQueries.priceTable(number, area, from ?? '', to ?? ''), enabled: shown });
  const key = `${area}|${from}|${to}`;
  const [seen, setSeen] = useState(key);
  const [page, setPage] = useState(1);
  if (seen !== key) {
    // the URL changed (a generation, the back button): the form follows it
    setSeen(key);
    setForm({ area, from: from ?? '', to: to ?? '' });
    setPage(1);
  }
  const rows = values.data ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const errors = formErrors(values.error, ['area', 'from', 'to'], t.rules);
  return (
    <section aria-labelledby="table-values">
      <Title order={2} size="h4" id="table-values">{t.ref.generatedTable}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); setParams({ area: form.area, from: form.from, to: form.to }); }}>
        <Group align="flex-end" mb="sm">
          <NativeSelect label={t.priceArea} data={AREAS} value={form.area} onChange={(e) => setForm({ ...form, area: e.currentTarget.value })} />
          <DateField label={t.ref.fromDay} value={form.from} onChange={(day) => setForm({ ...form, from: day })} />
          <DateField label={t.ref.toDay} value={form.to} onChange={(day) => setForm({ ...form, to: day })} />
          <Button type="submit" variant="default">{t.ref.showTable}</Button>
        </Group>
      </form>
      {!shown && <Text size="sm">{t.ref.chooseTablePeriod}</Text>}
      {values.isError && (values.error instanceof ApiError && values.error.status === 403 ? <Refusal error={values.error} /> : <ErrorSummary messages={errors.summary} />)}
      {values.isSuccess && values.data.length === 0 && <Text size="sm">{t.ref.noTableValues}</Text>}
      {values.isSuccess && values.data.length > 0 && (
        <>
          <Text size="sm" aria-live="polite" data-testid="table-summary">{t.ref.tableSummary(values.data.length, area,
            formatNokPerKwh(Math.min(...values.data.map((v) => v.value ?? 0))), formatNokPerKwh(Math.max(...values.data.map((v) => v.value ?? 0))))}</Text>
          <Table aria-labelledby="table-values" mt="xs">
            <Table.Thead><Table.Tr><Table.Th>{t.ref.intervalStart}</Table.Th><Table.Th>{t.ref.intervalEnd}</Table.Th><Table.Th>{t.ref.tableValue}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.slice((page - 1) * PAGE, page * PAGE).map((v) => (
                <Table.Tr key={v.start}><Table.Td>{formatDateTime(v.start)}</Table.Td><Table.Td>{formatDateTime(v.end)}</Table.Td><Table.Td>{formatNokPerKwh(v.value)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' ? t.previousPage : c === 'next' ? t.nextPage : c })} />}
        </>
      )}
    </section>
  );
}

/** Changes the name, description, formula and threshold, sending the version read; a change made meanwhile is loaded, not overwritten. */
function EditDialog({ c, opened, onClose }: { c: Calculation; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const number = c.number ?? 0;
  const stored = (x: Calculation = c) => ({ name: x.name ?? '', description: x.description ?? '', formula: x.formula ?? '',
    threshold: x.threshold === undefined || x.threshold === null ? '' : String(x.threshold) });
  const [form, setForm] = useState(() => stored());
  const [loadedVersion, setLoadedVersion] = useState(c.version ?? 0);
  useOnOpen(opened, () => { save.reset(); setForm(stored()); setLoadedVersion(c.version ?? 0); });
  const save = useMutation({
    mutationFn: async () => data(await api.PUT('/api/v1/price-calculations/{number}', {
      params: { path: { number } },
      body: {
        number, name: form.name, description: form.description || undefined, formula: form.formula,
        threshold: form.threshold.trim() === '' ? undefined : Number(form.threshold.trim().replace(',', '.')),
        areaRules: (c.areaRules ?? []).map((r) => ({ priceArea: r.priceArea, formula: r.formula, threshold: r.threshold })),
        version: loadedVersion,
      },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...referenceQueries.all(), 'price-calculations'] });
      save.reset();
      onClose();
    },
    onError: async (error) => {
      if (isStale(error)) {
        await queryClient.invalidateQueries({ queryKey: referenceQueries.priceCalculation(number).queryKey });
        const fresh = queryClient.getQueryData(referenceQueries.priceCalculation(number).queryKey);
        if (fresh) {
          setForm(stored(fresh));
          setLoadedVersion(fresh.version ?? 0);
        }
      }
    },
  });
  const quiet = isStale(save.error) || (save.error instanceof ApiError && save.error.status === 403);
  const errors = formErrors(quiet ? null : save.error, ['name', 'description', 'formula', 'threshold'], t.rules);
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }) });
  return (
    <FormDialog opened={opened} onClose={() => { save.reset(); onClose(); }} title={t.ref.changeCalculation} submitLabel={t.save}
      pending={save.isPending} errors={errors.summary} onSubmit={() => save.mutate()}>
      {save.error instanceof ApiError && save.error.status === 403 && <Refusal error={save.error} />}
      {isStale(save.error) && <Alert color="orange" title={t.ref.staleTitle} role="alert">{t.ref.staleCalculationText}</Alert>}
      <Text size="sm">{t.ref.versionRead(loadedVersion)}</Text>
      <TextInput label={t.name} {...field('name')} error={errors.byField.name} data-autofocus />
      <TextInput label={t.description} {...field('description')} error={errors.byField.description} />
      <TextInput label={t.ref.formula} {...field('formula')} error={errors.byField.formula} description={t.ref.formulaHint} />
      <TextInput label={t.ref.threshold} inputMode="decimal" {...field('threshold')} error={errors.byField.threshold} />
    </FormDialog>
  );
}
