import { Avatar, Menu, UnstyledButton, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { forgetSession, signOut, signOutEverywhere, type Me } from '../../api/auth.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** The signed-in user's menu: settings, my data, sign out here or on every device. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: (everywhere: boolean) => (everywhere ? signOutEverywhere() : signOut()),
    onSettled: () => {
      forgetSession(queryClient);
      void navigate({ to: '/sign-in' });
    },
  });

  return (
    // Not portalled: the menu stays inside the header landmark.
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name: me.displayName })} p={4}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="blue" radius="xl" aria-hidden="true">
              {initials(me.displayName)}
            </Avatar>
            <Text size="sm" visibleFrom="sm" maw={180} truncate>
              {me.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void navigate({ to: '/settings' })}>{t('nav.settings')}</Menu.Item>
        <Menu.Item onClick={() => void navigate({ to: '/my-data' })}>{t('nav.myData')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => leave.mutate(false)} disabled={leave.isPending}>
          {t('userMenu.signOut')}
        </Menu.Item>
        <Menu.Item style={{ color: 'var(--mantine-color-red-9)' }} onClick={() => leave.mutate(true)} disabled={leave.isPending}>
          {t('userMenu.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
