import { AppShell, Burger, Button, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { session } from '../api/session';
import { Language, setLanguage } from '../i18n';
import { navigationFor } from './navigation';
import { useSession } from './useSession';

export function Layout() {
  const { t, i18n } = useTranslation();
  const current = useSession();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  if (!current) return null;

  const signOut = () => {
    session.signOut();
    queryClient.clear();
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={1} size="h3">
              Cascade
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label={t('nav.language')}
              value={i18n.language}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: 'mn', label: 'MN' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {current.email} · {t(`roles.${current.role}`)}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {navigationFor(current.role).map((item) => (
          <NavLink key={item.to} component={RouterLink} to={item.to} label={t(item.label)} onClick={close} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
