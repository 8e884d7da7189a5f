import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatPeriod } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { PriceAmount, priceUnit } from './parts';
import { referenceQueries } from './queries';

/** Products, and the tariff elements they are billed with (each with its latest price), grouped as the API has them. */
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
  return (
    <section aria-labelledby="products">
      <Title order={2} size="h4" id="products">{t.ref.products}</Title>
      {products.isError && <Refusal error={products.error} />}
      {products.isSuccess && (
        <Table aria-labelledby="products">
          <Table.Thead><Table.Tr><Table.Th>{t.ref.code}</Table.Th><Table.Th>{t.name}</Table.Th><Table.Th>{t.ref.productKind}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {products.data.map((p) => (
              <Table.Tr key={p.code}><Table.Td>{p.code}</Table.Td><Table.Td>{p.name}</Table.Td><Table.Td>{t.ref.productKinds[p.kind ?? ''] ?? p.kind}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
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
