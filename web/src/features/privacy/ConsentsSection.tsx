import { Alert, Badge, Button, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client.ts';
import { useLocalised } from '../../api/names.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { currentConsentDocumentQuery, grantConsent, myConsentsQuery, withdrawConsent, type Consent } from './privacy.api.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

/** The consent text in force, whether the person has given it, and every consent with withdrawal. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const l = useLocalised();
  const queryClient = useQueryClient();
  const consents = useQuery(myConsentsQuery);
  const document = useQuery(currentConsentDocumentQuery);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: myConsentsQuery.queryKey });
  const grant = useMutation({ mutationFn: grantConsent, onSuccess: refresh });
  const withdraw = useMutation({ mutationFn: withdrawConsent, onSuccess: refresh });
  const hasCurrent = (list: Consent[]) => Boolean(document.data && list.some((c) => c.documentVersion === document.data.version && !c.withdrawnAt));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('myData.consentsTitle')}
        </Title>
        <ProblemAlert error={grant.error ?? withdraw.error} />
        <QueryState query={consents}>
          {(list) => (
            <Stack gap="sm">
              {document.data && (
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('myData.currentDocument', { version: document.data.version, date: l.date(document.data.publishedAt) })}
                  </Text>
                  <ScrollArea.Autosize mah={200} type="auto" offsetScrollbars>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} tabIndex={0}>
                      {l.language === 'en' ? document.data.textEn : document.data.textRu}
                    </Text>
                  </ScrollArea.Autosize>
                  {hasCurrent(list) ? (
                    // A calm confirmation of the current state, not an urgent message: status, not Mantine's default alert.
                    <Alert color="green" variant="light" role="status">
                      {t('myData.consentGiven')}
                    </Alert>
                  ) : (
                    <div>
                      <Button onClick={() => grant.mutate(document.data.version)} loading={grant.isPending}>
                        {t('myData.giveConsent')}
                      </Button>
                    </div>
                  )}
                </Stack>
              )}
              {document.isError && !(isProblem(document.error) && document.error.status === 404) && <ProblemAlert error={document.error} />}
              {list.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('myData.noConsents')}
                </Text>
              ) : (
                <TableScroll label={t('myData.consentsCaption')}>
                  <Table>
                    <Table.Caption className="visually-hidden">{t('myData.consentsCaption')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('myData.version')}</Table.Th>
                        <Table.Th>{t('myData.grantedAt')}</Table.Th>
                        <Table.Th>{t('myData.state')}</Table.Th>
                        <Table.Th>{t('common.actions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>{c.documentVersion}</Table.Td>
                          <Table.Td>{l.dateTime(c.grantedAt)}</Table.Td>
                          <Table.Td>
                            {c.withdrawnAt ? (
                              <Badge color="gray.8" miw="max-content">{t('myData.withdrawnAt', { date: l.dateTime(c.withdrawnAt) })}</Badge>
                            ) : (
                              <Badge color="green.9" miw="max-content">{t('myData.active')}</Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {!c.withdrawnAt && (
                              <Button
                                size="compact-sm"
                                variant="outline"
                                color="red.9"
                                loading={withdraw.isPending && withdraw.variables === c.id}
                                onClick={() => {
                                  if (window.confirm(t('myData.confirmWithdraw'))) withdraw.mutate(c.id);
                                }}
                              >
                                {t('myData.withdraw')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
