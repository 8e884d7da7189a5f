import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, openDocument } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatKroner, formatPeriod, formatPhone } from '../../lib/format';
import { customerQueries } from './queries';
import { Refusal } from '../../components/Refusal';
import { useTitle } from '../../lib/useTitle';
import { ContactDetailsDialog } from './ContactDetailsDialog';
import { LogContactDialog } from './LogContactDialog';
import { NewContractDialog } from './NewContractDialog';
import { DeliveryDialog, type DeliveryAction } from './DeliveryDialog';
import { OpenCaseDialog } from './OpenCaseDialog';
import { useCallback, useState } from 'react';
import { CustomerDunning } from '../dunning/CustomerDunning';
import { InstalmentPlans } from '../instalment-plan/InstalmentPlans';
import { SupplyEndDialog } from '../supply-process/SupplyEndDialog';

type Overview = components['schemas']['CustomerOverviewResponse'];

/** Customer 360: who the customer is, what we supply, what they owe, and what happened. */
export function CustomerPage() {
  const { t } = useI18n();
  const { customerNumber = '' } = useParams();
  const overview = useQuery(customerQueries.overview(customerNumber));
  useTitle(overview.data?.customer?.name ?? t.customer);
  const [dialog, setDialog] = useState<'contact' | 'log' | 'contract' | 'case' | null>(null);
  const [delivery, setDelivery] = useState<DeliveryAction | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // Elhub confirmed an end of supply: the delivery it ended shows its end date
  const endAnswered = useCallback(() => void queryClient.invalidateQueries({ queryKey: customerQueries.all(customerNumber) }),
    [queryClient, customerNumber]);
  // every part of the 360 loaded: what the search-to-360 benchmark waits for
  const fetching = useIsFetching({ queryKey: customerQueries.all(customerNumber) });

  if (overview.isPending) return <Loader aria-label={t.loading} />;
  if (overview.isError) {
    const e = overview.error;
    return (
      <Stack>
        <Alert color="red" title={e instanceof ApiError && e.status === 404 ? t.notFound : t.failed}>
          {e instanceof ApiError && e.status === 403 ? t.forbidden(e.message) : e.message}
        </Alert>
        <Anchor component={Link} to="/">{t.back}</Anchor>
      </Stack>
    );
  }
  const o = overview.data;
  const c = o.customer ?? {};
  return (
    <Stack data-screen="customer-360" data-busy={fetching > 0}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{c.name}</Title>
          <Text>
            {t.customerNumber} {c.customerNumber} · {t.kind[c.kind ?? ''] ?? c.kind}
          </Text>
        </div>
        <Anchor component={Link} to="/">{t.back}</Anchor>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder h="100%">
            <Group justify="space-between">
              <Title order={2} size="h4">{t.contact}</Title>
              <Button size="xs" variant="default" onClick={() => setDialog('contact')}>{t.edit}</Button>
            </Group>
            <dl className="facts">
              <dt>{t.mobile}</dt><dd>{formatPhone(c.mobile)}</dd>
              <dt>{t.email}</dt><dd>{c.email ?? '–'}</dd>
              <dt>{t.postalAddress}</dt>
              <dd>{c.address ? `${c.address.street ?? ''}, ${c.address.postcode ?? ''} ${c.address.city ?? ''}` : '–'}</dd>
              {c.nationalId && (<><dt>{t.nationalId}</dt><dd>{c.nationalId}</dd></>)}
              {c.organisationNumber && (<><dt>{t.organisationNumber}</dt><dd>{c.organisationNumber}</dd></>)}
              <dt>{t.paymentChannel}</dt><dd><PaymentChannel customerNumber={customerNumber} /></dd>
            </dl>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder h="100%"><Balance customerNumber={customerNumber} /></Card>
        </Grid.Col>
      </Grid>
      <Card withBorder><CustomerDunning customerNumber={customerNumber} /></Card>
      <Card withBorder><InstalmentPlans customerNumber={customerNumber} /></Card>
      <Card withBorder><MeteringPoints overview={o} onEndSupply={setEnding} /></Card>
      <Card withBorder>
        <Contracts overview={o} onAction={setDelivery} />
        <Group mt="sm"><Button size="xs" variant="default" onClick={() => setDialog('contract')}>{t.newContract}</Button></Group>
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%">
            <Cases customerNumber={customerNumber} />
            <Group mt="sm"><Button size="xs" variant="default" onClick={() => setDialog('case')}>{t.openCase}</Button></Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%">
            <ContactLog customerNumber={customerNumber} />
            <Group mt="sm"><Button size="xs" variant="default" onClick={() => setDialog('log')}>{t.logContact}</Button></Group>
          </Card>
        </Grid.Col>
      </Grid>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><Orders customerNumber={customerNumber} /></Card></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><Card withBorder h="100%"><Documents customerNumber={customerNumber} /></Card></Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">{t.asOf(formatDate(o.asOf))}</Text>
      <ContactDetailsDialog customer={c} opened={dialog === 'contact'} onClose={() => setDialog(null)} />
      <LogContactDialog customerNumber={customerNumber} opened={dialog === 'log'} onClose={() => setDialog(null)} />
      <NewContractDialog customerNumber={customerNumber} opened={dialog === 'contract'} onClose={() => setDialog(null)} />
      <OpenCaseDialog customerNumber={customerNumber} opened={dialog === 'case'} onClose={() => setDialog(null)} />
      <DeliveryDialog customerNumber={customerNumber} action={delivery} onClose={() => setDelivery(null)} />
      <SupplyEndDialog customerNumber={customerNumber} meteringPointId={ending} onClose={() => setEnding(null)} onAnswered={endAnswered} />
    </Stack>
  );
}

/** How the customer receives and pays invoices (chosen, or the default that follows from the contact details). */
function PaymentChannel({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const channel = useQuery(customerQueries.paymentChannel(customerNumber));
  if (channel.isError) return <Refusal error={channel.error} />;
  if (!channel.data) return <>–</>;
  const name = t.paymentChannels[channel.data.channel ?? ''] ?? channel.data.channel;
  return <>{name}{channel.data.chosen ? '' : ` (${t.defaultChannel})`}</>;
}

function MeteringPoints({ overview, onEndSupply }: { overview: Overview; onEndSupply: (meteringPointId: string) => void }) {
  const { t } = useI18n();
  const points = overview.meteringPoints ?? [];
  // supplied today or later: a delivery open-ended or ending after today
  const active = (p: (typeof points)[number]) => (p.deliveries ?? []).some((d) => !d.validTo || d.validTo > (overview.asOf ?? ''));
  return (
    <section aria-labelledby="metering-points">
      <Title order={2} size="h4" id="metering-points">{t.meteringPoints}</Title>
      {points.length === 0 ? <Text>{t.noMeteringPoints}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.meteringPointId}</Table.Th><Table.Th>{t.address}</Table.Th><Table.Th>{t.priceArea}</Table.Th>
              <Table.Th>{t.norgespris}</Table.Th><Table.Th>{t.scheme}</Table.Th><Table.Th>{t.suppliedSince}</Table.Th>
              <Table.Th>{t.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => {
              const a = p.characteristics?.address;
              const p888 = p.properties?.['888'];
              const p900 = p.properties?.['900'];
              const since = (p.deliveries ?? []).map((d) => d.validFrom ?? '').filter(Boolean).sort()[0];
              return (
                <Table.Tr key={p.meteringPointId}>
                  <Table.Td><Anchor component={Link} to={`/metering-points/${p.meteringPointId}`} ff="monospace" size="sm">{p.meteringPointId}</Anchor></Table.Td>
                  <Table.Td>{a ? `${a.street ?? ''}, ${a.postcode ?? ''} ${a.city ?? ''}` : '–'}</Table.Td>
                  <Table.Td>{p.characteristics?.priceArea ?? '–'}</Table.Td>
                  <Table.Td>
                    {p888 ? <><Badge variant="light" color="gray" c="dark">{p888.value}</Badge> {t.meaning[p888.meaning ?? ''] ?? p888.meaning}{p888.note ? ` – ${p888.note}` : ''}</> : '–'}
                  </Table.Td>
                  <Table.Td>{p900 ? <><Badge variant="light" color="gray" c="dark">{p900.value}</Badge> {t.meaning[p900.meaning ?? ''] ?? p900.meaning}</> : '–'}</Table.Td>
                  <Table.Td>{formatDate(since)}</Table.Td>
                  <Table.Td>
                    {active(p) && (
                      <Button size="compact-xs" variant="default" aria-label={`${t.endSupply} ${p.meteringPointId}`}
                        onClick={() => onEndSupply(p.meteringPointId ?? '')}>{t.endSupply}</Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Contracts({ overview, onAction }: { overview: Overview; onAction: (a: DeliveryAction) => void }) {
  const { t } = useI18n();
  const contracts = overview.contracts ?? [];
  return (
    <section aria-labelledby="contracts">
      <Title order={2} size="h4" id="contracts">{t.contracts}</Title>
      {contracts.length === 0 ? <Text>{t.noContracts}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t.contract}</Table.Th><Table.Th>{t.meteringPointId}</Table.Th><Table.Th>{t.product}</Table.Th><Table.Th>{t.period}</Table.Th><Table.Th>{t.actions}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contracts.flatMap((k) => (k.deliveries ?? []).map((d) => (
              <Table.Tr key={`${k.contractNumber}-${d.id}`}>
                <Table.Td>{k.contractNumber}</Table.Td>
                <Table.Td><Text ff="monospace" size="sm">{d.meteringPointId}</Text></Table.Td>
                <Table.Td>{d.productCode}</Table.Td>
                <Table.Td>{formatPeriod(d.validFrom, d.validTo, t.from)}</Table.Td>
                <Table.Td>
                  {!d.validTo && (
                    <Group gap="xs">
                      <Button size="compact-xs" variant="default" aria-label={`${t.changeProduct} ${d.meteringPointId}`}
                        onClick={() => onAction({ kind: 'product', contractNumber: k.contractNumber ?? 0, version: k.version ?? 0, deliveryId: d.id ?? 0, meteringPointId: d.meteringPointId ?? '' })}>
                        {t.changeProduct}
                      </Button>
                      <Button size="compact-xs" variant="default" aria-label={`${t.endDelivery} ${d.meteringPointId}`}
                        onClick={() => onAction({ kind: 'end', contractNumber: k.contractNumber ?? 0, version: k.version ?? 0, deliveryId: d.id ?? 0, meteringPointId: d.meteringPointId ?? '' })}>
                        {t.endDelivery}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            )))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function Balance({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const ledger = useQuery(customerQueries.ledger(customerNumber));
  const open = (ledger.data?.items ?? []).filter((i) => (i.open ?? 0) !== 0);
  return (
    <section aria-labelledby="balance">
      <Title order={2} size="h4" id="balance">{t.balance}</Title>
      {ledger.isError && <Refusal error={ledger.error} />}
      {ledger.isSuccess && (
        <>
          <Group gap="xl" my="xs">
            <div><Text size="sm">{t.balance}</Text><Text fw={700} size="xl" data-testid="balance">{formatKroner(ledger.data.balance)}</Text></div>
            <div><Text size="sm">{t.overdue}</Text><Text fw={700} size="xl" data-testid="overdue">{formatKroner(ledger.data.overdue)}</Text></div>
          </Group>
          <Title order={3} size="h5">{t.openInvoices}</Title>
          {open.length === 0 ? <Text size="sm">{t.noOpenInvoices}</Text> : (
            <Table>
              <Table.Thead>
                <Table.Tr><Table.Th>{t.invoiceNumber}</Table.Th><Table.Th>{t.dueDate}</Table.Th><Table.Th>{t.total}</Table.Th><Table.Th>{t.open}</Table.Th><Table.Th>{t.kid}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {open.map((i) => (
                  <Table.Tr key={i.invoiceNumber}>
                    <Table.Td><Anchor component={Link} to={`/invoices/${i.invoiceNumber}`}>{i.invoiceNumber}</Anchor></Table.Td>
                    <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                    <Table.Td>{formatKroner(i.total)}</Table.Td>
                    <Table.Td>{formatKroner(i.open)}</Table.Td>
                    <Table.Td><Text ff="monospace" size="sm">{i.kid}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}

function Cases({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const cases = useQuery(customerQueries.cases(customerNumber));
  const items = cases.data?.items ?? [];
  return (
    <section aria-labelledby="cases">
      <Title order={2} size="h4" id="cases">{t.cases}</Title>
      {cases.isError && <Refusal error={cases.error} />}
      {cases.isSuccess && items.length === 0 && <Text size="sm">{t.noCases}</Text>}
      {items.map((c) => (
        <Text key={c.caseNumber} size="sm">
          {c.caseNumber} · {t.caseKinds[c.kind ?? ''] ?? c.kind} · {c.title} · {t.caseStatus[c.status ?? ''] ?? c.status} · {t.deadline} {formatDate(c.deadline)}
        </Text>
      ))}
    </section>
  );
}

function ContactLog({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const contacts = useQuery(customerQueries.contacts(customerNumber));
  const items = contacts.data ?? [];
  return (
    <section aria-labelledby="contact-log">
      <Title order={2} size="h4" id="contact-log">{t.contactLog}</Title>
      {contacts.isError && <Refusal error={contacts.error} />}
      {contacts.isSuccess && items.length === 0 && <Text size="sm">{t.noContacts}</Text>}
      {items.map((c) => (
        <Text key={c.id} size="sm">{formatDateTime(c.at)} · {t.channels[c.channel ?? ''] ?? c.channel} · {c.summary} ({c.by})</Text>
      ))}
    </section>
  );
}

/** Contract orders (switch, move-in) with their stage: Validate and add → On hold → Import → Finalize. */
function Orders({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const orders = useQuery(customerQueries.orders(customerNumber));
  const items = orders.data ?? [];
  return (
    <section aria-labelledby="orders">
      <Title order={2} size="h4" id="orders">{t.orders}</Title>
      {orders.isError && <Refusal error={orders.error} />}
      {orders.isSuccess && items.length === 0 && <Text size="sm">{t.noOrders}</Text>}
      {items.map((o) => (
        <Text key={o.orderNumber} size="sm">
          <Anchor component={Link} to={`/contract-orders/${o.orderNumber}`} inherit>{o.orderNumber}</Anchor> · {t.orderKinds[o.kind ?? ''] ?? o.kind} · <Text span ff="monospace" inherit>{o.meteringPointId}</Text> · {t.from} {formatDate(o.startDate)} ·{' '}
          <Badge variant="light" color="gray" c="dark">{t.stages[o.stage ?? ''] ?? o.stage}</Badge> {t.orderStatus[o.status ?? ''] ?? o.status}
        </Text>
      ))}
    </section>
  );
}

function Documents({ customerNumber }: { customerNumber: string }) {
  const { t } = useI18n();
  const documents = useQuery(customerQueries.documents(customerNumber));
  const items = documents.data ?? [];
  const [opening, setOpening] = useState<unknown>(null);
  return (
    <section aria-labelledby="documents">
      <Title order={2} size="h4" id="documents">{t.documents}</Title>
      {documents.isError && <Refusal error={documents.error} />}
      {opening !== null && <Refusal error={opening} />}
      {documents.isSuccess && items.length === 0 && <Text size="sm">{t.noDocuments}</Text>}
      {items.map((d) => (
        <Group key={d.id} gap="xs">
          <Anchor component="button" type="button" onClick={() => { setOpening(null); if (d.href) openDocument(d.href).catch(setOpening); }}>{d.fileName}</Anchor>
          <Text size="sm">{t.documentKinds[d.kind ?? ''] ?? d.kind} · {formatDateTime(d.createdAt)}</Text>
        </Group>
      ))}
    </section>
  );
}
