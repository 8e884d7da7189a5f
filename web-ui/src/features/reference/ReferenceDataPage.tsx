import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** The admin's index of reference data: one entry in the header, one screen per kind of data. */
export default function ReferenceDataPage() {
  const { t } = useI18n();
  useTitle(t.navReference);
  const screens = [
    ['/admin/products', t.ref.productsAndTariffs, t.ref.productsAndTariffsText],
    ['/admin/price-calculations', t.ref.priceCalculations, t.ref.priceCalculationsText],
    ['/admin/segments', t.ref.segments, t.ref.segmentsText],
    ['/admin/peppol', t.ref.peppol, t.ref.peppolText],
  ] as const;
  return (
    <Stack>
      <Title order={1}>{t.navReference}</Title>
      <Text size="sm">{t.ref.indexHint}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {screens.map(([to, title, text]) => (
          <Card withBorder key={to}>
            <Title order={2} size="h4"><Anchor component={Link} to={to}>{title}</Anchor></Title>
            <Text size="sm" mt="xs">{text}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
