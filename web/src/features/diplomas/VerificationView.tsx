import { Alert, Badge, Group, List, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../api/names.ts';
import type { VerificationResult } from './diplomas.api.ts';

const STATUS_COLOR = { valid: 'green', revoked: 'red', expired: 'orange' } as const;

/** The outcome of a verification: the verdict first, then the facts, then each check in words. */
export function VerificationView({ result, programme }: { result: VerificationResult; programme?: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const verdict = result.isVerified ? 'verified' : result.status === 'revoked' ? 'revoked' : result.status === 'expired' ? 'expired' : 'invalid';
  const rows: Array<[string, string | null]> = [
    [t('diplomas.holder'), result.holderName],
    [t('diplomas.programme'), programme ?? result.achievementName],
    [t('diplomas.registryNumber'), result.registryNumber],
    [t('diplomas.validFrom'), result.validFrom ? l.date(result.validFrom.slice(0, 10)) : null],
    [t('diplomas.validUntil'), result.validUntil ? l.date(result.validUntil.slice(0, 10)) : t('diplomas.noExpiry')],
    [t('diplomas.issuer'), result.issuerName],
    [t('diplomas.revokedAt'), result.revokedAt ? l.date(result.revokedAt.slice(0, 10)) : null],
  ];
  return (
    <Stack gap="md">
      <Alert color={result.isVerified ? 'green' : verdict === 'expired' ? 'orange' : 'red'} variant="light" title={t(`diplomas.verdict.${verdict}`)} role="status">
        <Group gap="xs">
          {result.status && <Badge color={STATUS_COLOR[result.status]} variant="light">{t(`diplomas.status.${result.status}`)}</Badge>}
          <Badge color={result.isSignatureValid ? 'green' : 'red'} variant="light">
            {t(result.isSignatureValid ? 'diplomas.signatureValid' : 'diplomas.signatureInvalid')}
          </Badge>
        </Group>
      </Alert>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Caption>{t('diplomas.factsCaption')}</Table.Caption>
        <Table.Tbody>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="40%">{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={600} size="sm" mb={4}>
          {t('diplomas.checks')}
        </Text>
        <List spacing={4} size="sm">
          {result.checks.map((c) => (
            <List.Item key={c.check} icon={<ThemeIcon size={18} radius="xl" color={c.isPassed ? 'green' : 'red'} aria-hidden="true">{c.isPassed ? '✓' : '✗'}</ThemeIcon>}>
              <span className="visually-hidden">{t(c.isPassed ? 'diplomas.checkPassed' : 'diplomas.checkFailed')}: </span>
              {c.message}
            </List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}
