import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from './ErrorSummary';

/**
 * A dialog holding one form: its title, the error summary at the top, the fields, then Close and the submit button.
 * The API decides what is valid ({@code noValidate}), so its rules are what the user sees.
 */
export function FormDialog({ opened, onClose, title, submitLabel, pending, errors, onSubmit, children }: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  pending: boolean;
  errors: string[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t.close }}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <Stack>
          <ErrorSummary messages={errors} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t.close}</Button>
            <Button type="submit" loading={pending}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
