import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, postFile } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
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
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new ApiError(400, { violations: [{ field: 'file', rule: 'required', message: t.rules.required ?? 'required' }] });
      return postFile<ImportResult>(`/api/v1/peppol-participant-lists?source=${encodeURIComponent(file.name)}`, file);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...referenceQueries.all(), 'peppol'] }),
  });
  const errors = formErrors(upload.error, ['file'], t.rules);
  const r = upload.data;
  return (
    <section aria-labelledby="peppol-import">
      <Title order={2} size="h4" id="peppol-import">{t.ref.importPeppol}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t.ref.importPeppolHint}</Text>
      <form noValidate onSubmit={(e) => { e.preventDefault(); upload.mutate(); }}>
        <Stack>
          {upload.error instanceof ApiError && upload.error.status === 403
            ? <Refusal error={upload.error} /> : <ErrorSummary messages={errors.summary} />}
          <div>
            <label htmlFor={inputId} className="field-label">{t.ref.peppolFile}</label>
            <input id={inputId} type="file" accept=".csv,.txt,text/csv,text/plain" aria-invalid={errors.byField.file ? true : undefined}
              aria-describedby={errors.byField.file ? `${inputId}-error` : undefined}
              onChange={(e) => { upload.reset(); setFile(e.currentTarget.files?.[0] ?? null); }} />
            {errors.byField.file && <Text id={`${inputId}-error`} c="red.9" size="sm">{errors.byField.file}</Text>}
          </div>
          <Group><Button type="submit" loading={upload.isPending}>{t.importFile}</Button></Group>
        </Stack>
      </form>
      {r && (
        <Alert color={r.unchanged ? 'yellow' : 'green'} role="status" mt="md" title={r.unchanged ? t.ref.peppolUnchanged : t.ref.peppolImported}>
          <dl className="facts">
            <dt>{t.ref.participants}</dt><dd data-testid="peppol-participants">{r.participants}</dd>
            {!r.unchanged && (<><dt>{t.ref.skippedRows}</dt><dd data-testid="peppol-skipped">{r.skipped}</dd></>)}
            <dt>{t.ref.importNumber}</dt><dd>{r.importId}</dd>
          </dl>
        </Alert>
      )}
    </section>
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
