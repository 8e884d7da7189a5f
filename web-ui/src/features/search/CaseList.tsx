import { Anchor, Table, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { Refusal } from '../../components/Refusal';

type CasePage = components['schemas']['CasePage'];

/** A short list of cases with deadline and customer. */
export function CaseList({ title, options }: { title: string; options: UseQueryOptions<CasePage, Error, CasePage, string[]> }) {
  const { t } = useI18n();
  const cases = useQuery(options);
  const items = cases.data?.items ?? [];
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">{title}</Title>
      {cases.isError && <Refusal error={cases.error} />}
      {cases.isSuccess && items.length === 0 && <Text size="sm">{t.noCases}</Text>}
      {items.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t.title}</Table.Th><Table.Th>{t.customer}</Table.Th><Table.Th>{t.deadline}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.caseNumber}>
                <Table.Td><Anchor component={Link} to={`/cases/${c.caseNumber}`}>{c.title}</Anchor></Table.Td>
                <Table.Td>
                  {c.customerNumber ? <Anchor component={Link} to={`/customers/${c.customerNumber}`}>{c.customerNumber}</Anchor> : '–'}
                </Table.Td>
                <Table.Td>{formatDate(c.deadline)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
