import { Alert, Group, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useOnOpen } from '../../lib/useOnOpen';
import { ApiError, api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/i18n';
import { formErrors } from '../../lib/problem';
import { FormDialog } from '../../components/FormDialog';
import { customerQueries } from './queries';

type Customer = components['schemas']['CustomerResponse'];

const FIELDS = ['email', 'mobile', 'address', 'address.street', 'address.postcode', 'address.city'] as const;

/**
 * Changes the customer's e-mail, mobile and postal address, sending the version read: when someone else changed the
 * customer in between, the API answers 409 and the dialog says so (with the latest values loaded), instead of overwriting.
 */
export function ContactDetailsDialog({ customer, opened, onClose }: { customer: Customer; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const number = String(customer.customerNumber);
  const stored = (c: Customer = customer) => ({
    email: c.email ?? '', mobile: c.mobile ?? '', street: c.address?.street ?? '',
    postcode: c.address?.postcode ?? '', city: c.address?.city ?? '',
  });
  const [form, setForm] = useState(() => stored());
  // the version the form was loaded from: sent with the save, so a change by someone else since is refused (409), even
  // when a background refresh has brought the newer customer in the meantime
  const [loadedVersion, setLoadedVersion] = useState(customer.version);
  // the form starts from what is stored when the dialog opens; after a 409 it is loaded again (below), never on a
  // background refetch, which would wipe what the user is typing
  useOnOpen(opened, () => { save.reset(); setForm(stored()); setLoadedVersion(customer.version); });
  const save = useMutation({
    mutationFn: async () => data(await api.PUT('/api/v1/customers/{customerNumber}', {
      params: { path: { customerNumber: number } },
      body: {
        kind: customer.kind as 'PRIVATE' | 'ORGANISATION', nationalId: customer.nationalId, firstName: customer.firstName,
        lastName: customer.lastName, organisationNumber: customer.organisationNumber, organisationName: customer.organisationName,
        email: form.email || undefined, mobile: form.mobile || undefined,
        address: form.street || form.postcode || form.city
          ? { street: form.street, postcode: form.postcode, city: form.city, countryCode: 'NO' } : undefined,
        version: loadedVersion,
      },
    })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerQueries.all(number) });
      save.reset();
      onClose();
    },
    onError: async (error) => {
      // a stale version: load what is stored now into the form, so the user sees the other change and saves against it
      if (error instanceof ApiError && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: customerQueries.all(number) });
        const fresh = queryClient.getQueryData(customerQueries.overview(number).queryKey)?.customer;
        if (fresh) {
          setForm(stored(fresh));
          setLoadedVersion(fresh.version);
        }
      }
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const close = () => { save.reset(); onClose(); };
  const errors = formErrors(save.error, FIELDS, t.rules);
  const field = (name: keyof typeof form) => ({
    value: form[name], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [name]: e.currentTarget.value }),
  });
  return (
    <FormDialog opened={opened} onClose={close} title={t.changeContact} submitLabel={t.save}
      pending={save.isPending} errors={stale ? [] : errors.summary} onSubmit={() => save.mutate()}>
      {stale && <Alert color="orange" title={t.staleTitle} role="alert">{t.staleText}</Alert>}
      <TextInput label={t.email} type="email" {...field('email')} error={errors.byField.email} data-autofocus />
      <TextInput label={t.mobile} {...field('mobile')} error={errors.byField.mobile} />
      <TextInput label={t.street} {...field('street')} error={errors.byField['address.street'] ?? errors.byField.address} />
      <Group grow>
        <TextInput label={t.postcode} {...field('postcode')} error={errors.byField['address.postcode']} />
        <TextInput label={t.city} {...field('city')} error={errors.byField['address.city']} />
      </Group>
    </FormDialog>
  );
}
