import { Button, Card, Group, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';

const FIELDS = ['kind', 'nationalId', 'firstName', 'lastName', 'organisationNumber', 'organisationName', 'email', 'mobile', 'address',
  'address.street', 'address.postcode', 'address.city'];

/** Register a private customer or an organisation; the API's refusal is shown at each field, nothing is stored. */
export default function NewCustomerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useTitle(t.newCustomer);
  const [kind, setKind] = useState<'PRIVATE' | 'ORGANISATION'>('PRIVATE');
  const [f, setF] = useState<Record<string, string>>({});
  const value = (name: string) => ({ value: f[name] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [name]: e.currentTarget.value }) });
  // the address goes when any part of it is filled in (the API says which part is missing)
  const address = f.street || f.postcode || f.city ? { street: f.street, postcode: f.postcode, city: f.city, countryCode: 'NO' } : undefined;
  const register = useMutation({
    mutationFn: async () => data(await api.POST('/api/v1/customers', {
      body: kind === 'PRIVATE'
        ? { kind, nationalId: f.nationalId, firstName: f.firstName, lastName: f.lastName, email: f.email || undefined, mobile: f.mobile || undefined,
            address }
        : { kind, organisationNumber: f.organisationNumber, organisationName: f.organisationName, email: f.email || undefined,
            mobile: f.mobile || undefined, address },
    })),
    onSuccess: (created) => navigate(`/customers/${created.customerNumber}`),
  });
  const errors = formErrors(register.error, FIELDS, t.rules);
  return (
    <Stack maw={640}>
      <Title order={1}>{t.newCustomer}</Title>
      <Card withBorder>
        <form noValidate onSubmit={(e) => { e.preventDefault(); register.mutate(); }}>
          <Stack>
            <ErrorSummary messages={errors.summary} />
            <SegmentedControl aria-label={t.customerKind} value={kind} onChange={(v) => setKind(v as typeof kind)}
              data={[{ value: 'PRIVATE', label: t.kind.PRIVATE ?? 'PRIVATE' }, { value: 'ORGANISATION', label: t.kind.ORGANISATION ?? 'ORGANISATION' }]} />
            {kind === 'PRIVATE' ? (
              <>
                <TextInput label={t.nationalId} {...value('nationalId')} error={errors.byField.nationalId} required autoComplete="off" />
                <Group grow>
                  <TextInput label={t.firstName} {...value('firstName')} error={errors.byField.firstName} required />
                  <TextInput label={t.lastName} {...value('lastName')} error={errors.byField.lastName} required />
                </Group>
              </>
            ) : (
              <>
                <TextInput label={t.organisationNumber} {...value('organisationNumber')} error={errors.byField.organisationNumber} required />
                <TextInput label={t.organisationName} {...value('organisationName')} error={errors.byField.organisationName} required />
              </>
            )}
            <TextInput label={t.email} type="email" {...value('email')} error={errors.byField.email} />
            <TextInput label={t.mobile} {...value('mobile')} error={errors.byField.mobile} />
            <TextInput label={t.street} {...value('street')} error={errors.byField['address.street'] ?? errors.byField.address} />
            <Group grow>
              <TextInput label={t.postcode} {...value('postcode')} error={errors.byField['address.postcode']} />
              <TextInput label={t.city} {...value('city')} error={errors.byField['address.city']} />
            </Group>
            <Group justify="flex-end"><Button type="submit" loading={register.isPending}>{t.register}</Button></Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
