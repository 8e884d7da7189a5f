import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { rolesNeeded } from '../lib/problem';

/** Why a part of a screen could not be shown: the role it needs (403), or what went wrong. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  const roles = rolesNeeded(error);
  if (error instanceof ApiError && error.status === 403) {
    return <Alert color="gray" title={t.noAccess}>{roles.length > 0 ? t.needsRole(roles.map((r) => t.roles[r] ?? r)) : error.message}</Alert>;
  }
  return <Alert color="red" title={t.failed}>{error instanceof Error ? error.message : String(error)}</Alert>;
}
