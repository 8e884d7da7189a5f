import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, postFile } from '../../api/client';
import type { components } from '../../api/schema';
import { FileUpload } from '../../components/FileUpload';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { formErrors } from '../../lib/problem';
import { useTitle } from '../../lib/useTitle';
import { referenceQueries } from './queries';

type ImportResult = components['schemas']['ImportResult'];

/** The Peppol participant list (who takes EHF): import a list (the Peppol Directory's CSV export) and look an organisation up. */
export default function PeppolPage() {
  const { t } = useI18n();
  useTitle(t.ref.peppol);
  return (
    <Stack>
      <Anchor component={Link} to="/admin" size="sm">{t.navReference}</Anchor>
      <Title order={1}>{t.ref.peppol}</Title>
      <Card withBorder><ImportList /></Card>
      <Card withBorder><Lookup /></Card>
    </Stack>
  );
}

function ImportList() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <FileUpload<ImportResult> headingId="peppol-import" heading={t.ref.importPeppol} hint={t.ref.importPeppolHint}
      label={t.ref.peppolFile} accept=".csv,.txt,text/csv,text/plain"
      upload={(file) => postFile<ImportResult>(`/api/v1/peppol-participant-lists?source=${encodeURIComponent(file.name)}`, file)}
      onUploaded={() => void queryClient.invalidateQueries({ queryKey: [...referenceQueries.all(), 'peppol'] })}>
      {(r) => (
        <Alert color={r.unchanged ? 'yellow' : 'green'} role="status" mt="md" title={r.unchanged ? t.ref.peppolUnchanged : t.ref.peppolImported}>
          <dl className="facts">
            <dt>{t.ref.participants}</dt><dd data-testid="peppol-participants">{r.participants}</dd>
            {!r.unchanged && (<><dt>{t.ref.skippedRows}</dt><dd data-testid="peppol-skipped">{r.skipped}</dd></>)}
            <dt>{t.ref.importNumber}</dt><dd>{r.importId}</dd>
          </dl>
        </Alert>
      )}
    </FileUpload>
  );
}

function Lookup() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const org = params.get('organisationNumber') ?? '';
  const [typed, setTyped] = useState(org);
  const participant = useQuery({ ...referenceQueries.peppolParticipant(org), enabled: org !== '' });
  const notFound = participant.error instanceof ApiError && participant.error.status === 404;
  const errors = formErrors(participant.isError && !notFound ? participant.error : null, ['organisationNumber'], t.rules);
  const p = participant.data;
  return (
    <section aria-labelledby="peppol-lookup">
      <Title order={2} size="h4" id="peppol-lookup">{t.ref.peppolLookup}</Title>
      <form noValidate onSubmit={(e) => { e.preventDefault(); setParams(typed.trim() ? { organisationNumber: typed.trim() } : {}); }}>
        <Group align="flex-start">
          <TextInput label={t.organisationNumber} inputMode="numeric" value={typed} onChange={(e) => setTyped(e.currentTarget.value)}
            error={errors.byField.organisationNumber ?? (errors.summary.length > 0 && !(participant.error instanceof ApiError && participant.error.status === 403) ? errors.summary.join(' ') : undefined)} />
          <Button type="submit" mt={25} variant="default">{t.ref.lookUp}</Button>
        </Group>
      </form>
      <div aria-live="polite">
        {notFound && <Text mt="sm" data-testid="peppol-not-found">{t.ref.notInPeppol(org)}</Text>}
        {participant.error instanceof ApiError && participant.error.status === 403 && <Refusal error={participant.error} />}
        {p && (
          <dl className="facts" data-testid="peppol-participant">
            <dt>{t.name}</dt><dd>{p.name}</dd>
            <dt>{t.organisationNumber}</dt><dd>{p.organisationNumber}</dd>
            <dt>{t.ref.participantId}</dt><dd>{p.participantId}</dd>
            <dt>{t.ref.acceptsInvoice}</dt><dd>{p.acceptsInvoice ? t.yes : t.no}</dd>
            <dt>{t.ref.listImportedAt}</dt><dd>{formatDateTime(p.listImportedAt)}</dd>
          </dl>
        )}
      </div>
    </section>
  );
}
