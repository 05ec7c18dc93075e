import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { localName, useLocalised } from '../../api/names.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AnchorLink } from '../../components/RouterLinks.tsx';
import { checkIn, tokenFrom } from './attendance.api.ts';

const route = getRouteApi('/app/check-in');

/**
 * The phone check-in: the QR on the session screen is a link to this page with the code in ?token=, so
 * the camera app opens it and the check-in happens at once; the code can also be pasted by hand.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const l = useLocalised();
  const { token } = route.useSearch();
  const navigate = route.useNavigate();
  const [code, setCode] = useState('');
  const submitted = useRef<string | null>(null);
  const mutation = useMutation({ mutationFn: checkIn });

  // A scanned link checks in once; the code then leaves the address bar so a reload does not resend it.
  useEffect(() => {
    if (!token || submitted.current === token) return;
    submitted.current = token;
    mutation.mutate(token);
    void navigate({ search: {}, replace: true });
  }, [token]);

  const result = mutation.data;
  const refusal = isProblem(mutation.error) && mutation.error.status === 400 ? (mutation.error.fieldError('token') ?? mutation.error.problem.title) : null;

  return (
    <Stack maw={560}>
      <PageTitle>{t('checkIn.title')}</PageTitle>
      <div aria-live="polite" style={{ display: 'contents' }}>
        {mutation.isPending && <Text>{t('checkIn.sending')}</Text>}
        {result && (
          <Alert color="green" variant="light" title={t(result.wasAlreadyCheckedIn ? 'checkIn.already' : 'checkIn.done')} role="status">
            <Text fw={600}>{localName({ nameRu: result.titleRu, nameEn: result.titleEn }, l.language)}</Text>
            <Text size="sm">
              {t(`attendance.status.${result.status}`)} · {l.dateTime(result.markedAt)}
            </Text>
          </Alert>
        )}
      </div>
      {refusal ? (
        <Alert color="red" variant="light" title={t('checkIn.refused')} role="alert">
          {refusal}
        </Alert>
      ) : (
        <ProblemAlert error={mutation.error} />
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const value = tokenFrom(code);
          if (value) mutation.mutate(value);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('checkIn.hint')}</Text>
          <TextInput
            label={t('checkIn.code')}
            description={t('checkIn.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
          />
          <Button type="submit" loading={mutation.isPending} size="md">
            {t('checkIn.submit')}
          </Button>
        </Stack>
      </form>
      <AnchorLink to="/me/timetable" size="sm">
        {t('checkIn.toTimetable')}
      </AnchorLink>
    </Stack>
  );
}
