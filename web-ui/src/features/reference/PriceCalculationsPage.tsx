import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';
import { referenceQueries } from './queries';

/** The price calculations (pristabellgenerator): number, name, formula over the spot price, threshold, version. */
export default function PriceCalculationsPage() {
  const { t } = useI18n();
  useTitle(t.ref.priceCalculations);
  const calculations = useQuery(referenceQueries.priceCalculations());
  return (
    <Stack>
      <Anchor component={Link} to="/admin" size="sm">{t.navReference}</Anchor>
      <Title order={1}>{t.ref.priceCalculations}</Title>
      <Card withBorder>
        <section aria-labelledby="calculations">
          <Title order={2} size="h4" id="calculations">{t.ref.calculationList}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t.ref.formulaHint}</Text>
          {calculations.isError && <Refusal error={calculations.error} />}
          {calculations.isSuccess && calculations.data.length === 0 && <Text size="sm">{t.ref.noCalculations}</Text>}
          {calculations.isSuccess && calculations.data.length > 0 && (
            <Table aria-labelledby="calculations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.ref.number}</Table.Th><Table.Th>{t.name}</Table.Th><Table.Th>{t.description}</Table.Th>
                  <Table.Th>{t.ref.formula}</Table.Th><Table.Th>{t.ref.threshold}</Table.Th><Table.Th>{t.ref.areaRules}</Table.Th>
                  <Table.Th>{t.version}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calculations.data.map((c) => (
                  <Table.Tr key={c.number}>
                    <Table.Td><Anchor component={Link} to={`/admin/price-calculations/${c.number}`}>{c.number}</Anchor></Table.Td>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.description}</Table.Td>
                    <Table.Td ff="monospace">{c.formula}</Table.Td>
                    <Table.Td>{c.threshold ?? '–'}</Table.Td>
                    <Table.Td>{(c.areaRules ?? []).map((r) => r.priceArea).join(', ') || '–'}</Table.Td>
                    <Table.Td>{c.version}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Card>
    </Stack>
  );
}
