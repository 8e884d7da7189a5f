import { Anchor, Badge, Card, Pagination, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useTitle } from '../../lib/useTitle';
import { caseQueries, type CaseView } from './queries';

/** Cases: mine, flagged for follow-up, or all open — nearest deadline first (`?view=flagged`). */
export default function CasesPage() {
  const { t } = useI18n();
  useTitle(t.cases);
  const [params, setParams] = useSearchParams();
  const raw = params.get('view');
  const view: CaseView = raw === 'flagged' || raw === 'open' ? raw : 'mine';
  const [page, setPage] = useState(0);
  const cases = useQuery(caseQueries.list(view, page));
  const pages = Math.max(1, Math.ceil((cases.data?.total ?? 0) / 25));
  const items = cases.data?.items ?? [];
  return (
    <Stack>
      <Title order={1}>{t.cases}</Title>
      <SegmentedControl aria-label={t.caseViews.label} value={view} w="fit-content"
        onChange={(v) => { setPage(0); setParams({ view: v }, { replace: true }); }}
        data={[{ value: 'mine', label: t.caseViews.mine }, { value: 'flagged', label: t.caseViews.flagged }, { value: 'open', label: t.caseViews.open }]} />
      <Card withBorder>
        <section aria-labelledby="case-list">
          <Title order={2} size="h4" id="case-list">{t.caseViews[view]}</Title>
          <div aria-live="polite">{cases.isSuccess && <Text size="sm">{t.caseCount(cases.data.total ?? 0)}</Text>}</div>
          {cases.isError && <Refusal error={cases.error} />}
          {items.length > 0 && (
            <Table aria-labelledby="case-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.caseNumber}</Table.Th><Table.Th>{t.title}</Table.Th><Table.Th>{t.customer}</Table.Th><Table.Th>{t.caseKind}</Table.Th>
                  <Table.Th>{t.status}</Table.Th><Table.Th>{t.owner}</Table.Th><Table.Th>{t.deadline}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.caseNumber}>
                    <Table.Td><Anchor component={Link} to={`/cases/${c.caseNumber}`}>{c.caseNumber}</Anchor></Table.Td>
                    <Table.Td>{c.title}{c.flagged && <> <Badge variant="light" color="orange" c="dark" size="sm">{t.flagged}</Badge></>}</Table.Td>
                    <Table.Td>{c.customerNumber ? <Anchor component={Link} to={`/customers/${c.customerNumber}`}>{c.customerNumber}</Anchor> : '–'}</Table.Td>
                    <Table.Td>{t.caseKinds[c.kind ?? ''] ?? c.kind}</Table.Td>
                    <Table.Td>{t.caseStatus[c.status ?? ''] ?? c.status}</Table.Td>
                    <Table.Td>{c.owner ?? '–'}</Table.Td>
                    <Table.Td>{formatDate(c.deadline)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {pages > 1 && <Pagination mt="md" total={pages} value={page + 1} onChange={(p) => setPage(p - 1)}
            getControlProps={(c) => ({ 'aria-label': c === 'previous' ? t.previousPage : c === 'next' ? t.nextPage : c })} />}
        </section>
      </Card>
    </Stack>
  );
}
