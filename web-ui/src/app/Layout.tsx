import { Anchor, AppShell, Button, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { signOut } from '../auth/auth';
import { useCurrentUser } from '../auth/RequireSignIn';
import { useI18n, type Language } from '../i18n/i18n';

/** The screens reached from the header; the current one is marked (aria-current="page", NavLink does it). */
const navigation = [['/', 'navSearch'], ['/cases', 'cases'], ['/contract-orders', 'contractOrders'], ['/elhub/work-items', 'navElhub'], ['/payments', 'payments'], ['/invoice-deliveries', 'navDeliveryQueue'], ['/receivables', 'receivables'], ['/billing-runs', 'billingRuns'], ['/rme-reports', 'rmeReports'], ['/admin', 'navReference']] as const;

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const user = useCurrentUser();
  const name = user.data?.profile.preferred_username ?? user.data?.profile.sub;
  // a new screen: focus moves to its content (as a page load would), so keyboard and screen-reader users start there
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // unless the screen put the focus somewhere itself (the home screen's search box)
    const main = document.getElementById('main');
    if (main && !main.contains(document.activeElement)) main.focus();
  }, [location.pathname]);
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <a href="#main" className="skip-link">{t.skipToContent}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4">{t.appName}</Title>
            </Anchor>
            <nav aria-label={t.nav}>
              <Group gap={10} component="ul" className="nav-list">
                {navigation.map(([to, label]) => (
                  <li key={to}>
                    <Anchor component={NavLink} to={to} end={to === '/'} size="sm" className="nav-link">{t[label]}</Anchor>
                  </li>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              aria-label={t.language}
              size="xs"
              value={language}
              onChange={(v) => setLanguage(v as Language)}
              data={[{ value: 'nb', label: 'Norsk' }, { value: 'en', label: 'English' }]}
            />
            {/* "Innlogget som" for screen readers only: with the menu's eight entries the header has no room for it on 1280 px */}
            <Text size="sm"><span className="visually-hidden">{t.signedInAs} </span><strong>{name}</strong></Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>{t.signOut}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
