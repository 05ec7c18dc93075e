import { useEffect, useRef } from 'react';
import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/auth.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { AnchorLink, NavLinkLink } from '../../components/RouterLinks.tsx';
import { isNavItemActive, navItemsFor } from './nav-items.ts';
import { UserMenu } from './UserMenu.tsx';

/** The signed-in frame: header (name, language, user menu), a navbar by role, and the page. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // The account's language is the user's own choice: follow it once per signed-in user.
  const userId = me?.id;
  const locale = me?.locale;
  useEffect(() => {
    if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [userId]);

  // Below Mantine's `sm` the navbar is a drawer; AppShell only slides it off-screen when closed.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const isNavHidden = isPhone && !isNavOpen;
  const burgerRef = useRef<HTMLButtonElement>(null);
  const navbarRef = useRef<HTMLElement>(null);

  // Close the drawer once the user has picked a page.
  useEffect(close, [pathname, close]);

  // A closed drawer is inert (see styles.css): focus left inside it would fall to <body>, so hand it
  // back to the burger that opened it.
  useEffect(() => {
    if (isNavHidden && navbarRef.current?.contains(document.activeElement)) burgerRef.current?.focus();
  }, [isNavHidden]);

  // Escape closes an open drawer, like any other disclosure, and returns focus to the burger.
  useEffect(() => {
    if (!isPhone || !isNavOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      burgerRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [isPhone, isNavOpen, close]);

  if (!me) return null;
  const items = navItemsFor(me.roles);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger ref={burgerRef} opened={isNavOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(isNavOpen ? 'app.closeMenu' : 'app.openMenu')} aria-expanded={isNavOpen} aria-controls="app-navbar" />
            <AnchorLink to="/" fw={700} size="lg" c="dark" underline="never">
              {t('app.name')}
            </AnchorLink>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      {/* Closed on a phone: inert, so Tab and screen readers skip the off-screen links. */}
      <AppShell.Navbar ref={navbarRef} p="xs" id="app-navbar" className="app-navbar" aria-label={t('nav.label')} inert={isNavHidden}>
        {items.map((item) => (
          <NavLinkLink key={item.to} to={item.to} label={t(`nav.${item.key}`)} active={isNavItemActive(item.to, pathname)} />
        ))}
        <NavLinkLink to="/settings" label={t('nav.settings')} active={pathname === '/settings'} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
