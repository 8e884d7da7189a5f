import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { DateField } from '../../components/DateField';

const FIELDS = ['meteringPointId', 'validFrom', 'priceArea', 'gridOwnerGln', 'address', 'address.municipalityNumber', 'endUserGroup',
  'industryCode', 'resolution'];

/** Register a metering point with its master data from a date (usually what an Elhub look-up returned). */
export default function NewMeteringPointPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useTitle(t.newMeteringPoint);
  const gridOwners = useQuery({ queryKey: ['grid-owners'], queryFn: async () => data(await api.GET('/api/v1/grid-owners', {})), staleTime: 300_000 });
  const [f, setF] = useState<Record<string, string>>({ resolution: 'PT15M', endUserGroup: '35' });
  const value = (name: string) => ({ value: f[name] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [name]: e.currentTarget.value }) });
  const select = (name: string) => ({ value: f[name] ?? null, onChange: (v: string | null) => setF({ ...f, [name]: v ?? '' }) });
  const register = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/metering-points', {
      body: {
        meteringPointId: f.meteringPointId, validFrom: f.validFrom, priceArea: f.priceArea, gridOwnerGln: f.gridOwnerGln,
        address: { street: f.street, postcode: f.postcode, city: f.city, municipalityNumber: f.municipalityNumber },
        endUserGroup: f.endUserGroup, industryCode: f.industryCode || undefined, resolution: f.resolution as 'PT1H' | 'PT15M',
      },
    })),
    onSuccess: (created) => navigate(`/metering-points/${created.meteringPointId}`),
  });
  const errors = formErrors(register.error, FIELDS, t.rules);
  return (
    <Stack maw={720}>
      <Title order={1}>{t.newMeteringPoint}</Title>
      <Card withBorder>
        <form noValidate onSubmit={(e) => { e.preventDefault(); register.mutate(); }}>
          <Stack>
            <ErrorSummary messages={errors.summary} />
            <Group grow>
              <TextInput label={t.meteringPointId} {...value('meteringPointId')} error={errors.byField.meteringPointId} />
              <DateField label={t.validFrom} value={f.validFrom ?? ''} onChange={(day) => setF({ ...f, validFrom: day })} error={errors.byField.validFrom} />
            </Group>
            <Group grow>
              <Select label={t.priceArea} data={['NO1', 'NO2', 'NO3', 'NO4', 'NO5']} {...select('priceArea')} error={errors.byField.priceArea} />
              <Select label={t.gridOwner} data={(gridOwners.data ?? []).map((g) => ({ value: g.gln ?? '', label: `${g.name} (${g.gln})` }))}
                {...select('gridOwnerGln')} error={errors.byField.gridOwnerGln} searchable />
            </Group>
            <TextInput label={t.street} {...value('street')} error={errors.byField.address} />
            <Group grow>
              <TextInput label={t.postcode} {...value('postcode')} />
              <TextInput label={t.city} {...value('city')} />
              <TextInput label={t.municipalityNumber} {...value('municipalityNumber')} error={errors.byField['address.municipalityNumber']} />
            </Group>
            <Group grow>
              <TextInput label={t.endUserGroup} {...value('endUserGroup')} error={errors.byField.endUserGroup} />
              <TextInput label={t.industryCode} {...value('industryCode')} error={errors.byField.industryCode} />
              <Select label={t.resolution} data={['PT15M', 'PT1H']} {...select('resolution')} error={errors.byField.resolution} allowDeselect={false} />
            </Group>
            <Group justify="flex-end"><Button type="submit" loading={register.isPending}>{t.register}</Button></Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
