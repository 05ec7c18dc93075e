import { useState } from 'react';
import { Button, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PERSON_FIELDS, setMapping, type ImportCheck, type ImportMapping } from './imports.api.ts';

const IGNORE = '__ignore__';

/** Which of our fields each column of the file fills; changing it re-runs the dry run. */
export function MappingForm({ check, onChecked, fields = PERSON_FIELDS }: { check: ImportCheck; onChecked: (check: ImportCheck) => void; fields?: readonly string[] }) {
  const { t } = useTranslation();
  const [mapping, setLocal] = useState<ImportMapping>(() => ({ ...check.mapping }));
  const save = useMutation({ mutationFn: (m: ImportMapping) => setMapping(check.uploadId, m), onSuccess: onChecked });
  const options = [{ value: IGNORE, label: t('imports.ignoreColumn') }, ...fields.map((f) => ({ value: f, label: t(`importFields.${f}` as 'importFields.email') }))];
  const isChanged = check.columns.some((c) => (mapping[c] ?? null) !== (check.mapping[c] ?? null));

  return (
    <Stack>
      <Title order={2} size="h4">
        {t('imports.mapping')}
      </Title>
      <ProblemAlert error={save.error} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {check.columns.map((column) => (
          <Select
            key={column}
            label={t('imports.column', { column })}
            data={options}
            allowDeselect={false}
            value={mapping[column] ?? IGNORE}
            onChange={(value) => setLocal((m) => ({ ...m, [column]: value === IGNORE || !value ? null : value }))}
          />
        ))}
      </SimpleGrid>
      <div>
        <Button variant="light" disabled={!isChanged} loading={save.isPending} onClick={() => save.mutate(mapping)}>
          {t('imports.applyMapping')}
        </Button>
      </div>
    </Stack>
  );
}
