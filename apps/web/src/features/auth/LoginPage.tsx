import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import { session } from '../../api/session';
import { homeFor } from '../../app/navigation';
import { useSession } from '../../app/useSession';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const current = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');

  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })),
    // Signing in changes the session; the redirect below then takes the user on.
    onSuccess: ({ accessToken }) => session.signIn(accessToken),
  });
  // Only a path of this app: never an address elsewhere (`//host`).
  if (current) return <Navigate to={next && /^\/(?!\/)/.test(next) ? next : homeFor(current.role)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const error = login.error instanceof ApiError ? login.error : null;

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            {error && (
              <Alert color="red" role="alert">
                {error.status === 401 ? t('login.wrong') : error.message}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.fields.email}
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error?.fields.password}
            />
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
