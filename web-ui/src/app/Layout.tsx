import { Anchor, AppShell, Burger, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { signOut } from '../auth/auth';
import { useCurrentUser } from '../auth/RequireSignIn';
import { useI18n, type Language } from '../i18n/i18n';

/** The screens of the main menu (the side bar); the current one is marked (aria-current="page", NavLink does it). */
const navigation = [['/', 'navSearch'], ['/cases', 'cases'], ['/contract-orders', 'contractOrders'], ['/elhub/work-items', 'navElhub'], ['/payments', 'payments'], ['/invoice-deliveries', 'navDeliveryQueue'], ['/receivables', 'receivables'], ['/billing-runs', 'billingRuns'], ['/rme-reports', 'rmeReports'], ['/admin', 'navReference']] as const;

/**
 * Below this width (px) the side bar is folded away behind the header's menu button, so a narrow window keeps its
 * width for the screen; `app.css` hides the folded bar from keyboard and screen reader (`data-folded`) too, and the
 * button above it (the same width, in em there).
 */
const NAVBAR_BREAKPOINT = 900;

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const user = useCurrentUser();
  const name = user.data?.profile.preferred_username ?? user.data?.profile.sub;
  const [menuOpen, menu] = useDisclosure(false);
  // a new screen: focus moves to its content (as a page load would), so keyboard and screen-reader users start there
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    menu.close();   // a link chosen in the unfolded menu (narrow window) folds it again
    if (first.current) {
      first.current = false;
      return;
    }
    // unless the screen put the focus somewhere itself (the home screen's search box)
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [location.pathname]);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !menuOpen } }} padding="md">
      <a href="#main" className="skip-link">{t.skipToContent}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={menuOpen} onClick={menu.toggle} size="sm" className="menu-button" id="menu-button"
              aria-label={t.menu} aria-expanded={menuOpen} aria-controls="main-menu" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">{t.appName}</Title>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              aria-label={t.language}
              size="xs"
              value={language}
              onChange={(v) => setLanguage(v as Language)}
              data={[{ value: 'nb', label: 'Norsk' }, { value: 'en', label: 'English' }]}
            />
            <Text size="sm" visibleFrom="xs"><span className="visually-hidden">{t.signedInAs} </span><strong>{name}</strong></Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>{t.signOut}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* the main menu: a plain list of links in a <nav> (AppShell.Navbar is one), one under the other */}
      <AppShell.Navbar id="main-menu" aria-label={t.nav} p="xs" className="app-navbar" data-folded={menuOpen ? undefined : true}
        onKeyDown={(e) => { if (e.key === 'Escape' && menuOpen) { menu.close(); document.getElementById('menu-button')?.focus(); } }}>
        <ul className="nav-list">
          {navigation.map(([to, label]) => (
            <li key={to}>
              <Anchor component={NavLink} to={to} end={to === '/'} size="sm" className="nav-link">{t[label]}</Anchor>
            </li>
          ))}
        </ul>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
