import type { ReactNode } from 'react';
import { Box, Flex, Paper, Stack, Title } from '@mantine/core';

/** A labelled list of facts (a real <dl>): label above value on a phone, side by side from `sm` up. */
export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <Stack component="dl" gap={6} m={0}>
      {items.map(([label, value]) => (
        <Flex key={label} direction={{ base: 'column', sm: 'row' }} gap={{ base: 0, sm: 'md' }}>
          <Box component="dt" fw={600} fz="sm" w={{ base: '100%', sm: 260 }} style={{ flex: 'none' }}>
            {label}
          </Box>
          <Box component="dd" m={0} fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {value === null || value === undefined || value === '' ? '—' : value}
          </Box>
        </Flex>
      ))}
    </Stack>
  );
}

/** One section of the application file: a region named by its heading. */
export function FileSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
