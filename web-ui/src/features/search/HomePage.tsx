import { Alert, Anchor, Button, Card, Grid, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { classify } from './classify';
import { formatPhone } from '../../lib/format';
import { searchQueries } from './queries';
import { CaseList } from './CaseList';
import { Refusal } from '../../components/Refusal';
import { useTitle } from '../../lib/useTitle';

/** Home: one search box, focused on load, results as you type; my open cases and those flagged for follow-up. */
export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  useTitle(t.searchLabel);
  const [debounced] = useDebouncedValue(text, 200);
  const query = classify(debounced);
  const hits = useQuery(searchQueries.customers(query));
  const items = hits.data?.items ?? [];
  const [enterFor, setEnterFor] = useState<string | null>(null);
  const current = debounced === text && hits.isSuccess && !hits.isFetching;
  useEffect(() => {
    if (enterFor === null) return;
    if (enterFor !== text) {
      setEnterFor(null);
      return;
    }
    if (!current) return;
    setEnterFor(null);
    const first = items[0];
    if (first?.customerNumber) navigate(`/customers/${first.customerNumber}`);
  }, [enterFor, text, current, items, navigate]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t.searchLabel}</Title>
        <Group>
          <Button component={Link} to="/contract-orders/new" variant="default">{t.newSale}</Button>
          <Button component={Link} to="/customers/new" variant="default">{t.newCustomer}</Button>
          <Button component={Link} to="/metering-points/new" variant="default">{t.newMeteringPoint}</Button>
        </Group>
      </Group>
      <TextInput
        label={t.searchLabel}
        description={t.searchHint}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter opens the first hit: the phone rings, the customer is on screen. Only the hits of what is typed now:
          // pressed before they are in (a number pasted, Enter at once), it waits for them
          if (e.key === 'Enter') setEnterFor(text);
        }}
        autoFocus
        size="lg"
        type="search"
        autoComplete="off"
        rightSection={hits.isFetching ? <Loader size="xs" aria-hidden /> : null}
      />
      <div aria-live="polite">
        {query.kind !== 'none' && <Text size="sm" c="dimmed">{t.searchingBy(t.searchBy[query.kind])}</Text>}
        {hits.isError && <Alert color="red" title={t.failed}>{hits.error.message}</Alert>}
        {hits.isSuccess && query.kind !== 'none' && (
          items.length === 0 ? <Text>{t.searchNoHits}</Text> : <Text size="sm">{t.searchHits(hits.data.totalElements ?? items.length)}</Text>
        )}
      </div>
      {items.length > 0 && (
        <Table striped highlightOnHover aria-label={t.searchLabel}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.customerNumber}</Table.Th>
              <Table.Th>{t.name}</Table.Th>
              <Table.Th>{t.city}</Table.Th>
              <Table.Th>{t.mobile}</Table.Th>
              <Table.Th>{t.email}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.customerNumber}>
                <Table.Td><Anchor component={Link} to={`/customers/${c.customerNumber}`}>{c.customerNumber}</Anchor></Table.Td>
                <Table.Td>{c.name} <Text span size="xs" c="dimmed">({t.kind[c.kind ?? ''] ?? c.kind})</Text></Table.Td>
                <Table.Td>{c.city}</Table.Td>
                <Table.Td>{formatPhone(c.mobile)}</Table.Td>
                <Table.Td>{c.email}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder><WorkCount /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder><PaymentCount /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder><CaseList title={t.myCases} options={searchQueries.myCases()} /></Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder><CaseList title={t.flaggedCases} options={searchQueries.flaggedCases()} /></Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Open Elhub work items (the exception queue). */
function WorkCount() {
  const { t } = useI18n();
  const items = useQuery(searchQueries.openWorkItems());
  return (
    <section aria-label={t.openWorkItems}>
      <Text size="sm">{t.openWorkItems}</Text>
      {items.isError ? <Refusal error={items.error} /> : <Text fw={700} size="xl" data-testid="open-work-items">{items.data?.length ?? '…'}</Text>}
      <Anchor component={Link} to="/elhub/work-items" size="sm">{t.exceptionQueue}</Anchor>
    </section>
  );
}

/** Incoming payments waiting to be matched by hand. */
function PaymentCount() {
  const { t } = useI18n();
  const queue = useQuery(searchQueries.unmatchedPayments());
  return (
    <section aria-label={t.unmatchedPayments}>
      <Text size="sm">{t.unmatchedPayments}</Text>
      {queue.isError ? <Refusal error={queue.error} /> : <Text fw={700} size="xl" data-testid="unmatched-payments">{queue.data?.total ?? '…'}</Text>}
      <Anchor component={Link} to="/payments" size="sm">{t.payments}</Anchor>
    </section>
  );
}
