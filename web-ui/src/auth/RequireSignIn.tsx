import { Center, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { completeSignIn, currentUser, signIn } from './auth';
import { useI18n } from '../i18n/i18n';

export function useCurrentUser() {
  return useQuery({ queryKey: ['auth', 'user'], queryFn: currentUser, staleTime: 10_000 });
}

/** Shows the screen to a signed-in user; anyone else goes to the login and comes back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  useEffect(() => {
    if (user.isSuccess && !user.data) void signIn();
  }, [user.isSuccess, user.data]);
  if (!user.data) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-hidden /> <Text ml="sm">{t.signingIn}</Text>
      </Center>
    );
  }
  return <>{children}</>;
}

/** Where the identity provider sends the browser back: trade the code for tokens, then go where the user was going. */
export function AuthCallback() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    completeSignIn()
      .then((returnTo) => navigate(returnTo, { replace: true }))
      .catch(() => void signIn());
  }, [navigate]);
  return (
    <Center h="100vh" role="status">
      <Loader aria-hidden /> <Text ml="sm">{t.signingIn}</Text>
    </Center>
  );
}
